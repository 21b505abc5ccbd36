"""Raw judge-model scores for "does this passage answer the question?", for choosing its threshold.

Answerable questions: each gold quote should be judged to answer. Unanswerable ones: the best retrieved
sentence should not. One JSON line a pair, then the balanced accuracy at each threshold.

    .venv/bin/python bench/answerability_calibration.py eval/questions.jsonl eval/questions-more.jsonl \
        --out bench/results/answerability-calibration.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.app import App
from assistant.evaluation.evaluate import load_questions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = App()
    app.ensure_ingested()
    judge = app.judge
    rows = []
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.questions:
            for q in load_questions(path):
                if q.answerable:
                    passages = [(True, s["quote"]) for s in q.sources[:1]]
                else:
                    hits = app.retriever.search(q.question, 1)
                    passages = [(False, h.article.sentence(h.index)) for h in hits]
                for gold, passage in passages:
                    verdict = judge.answers(q.question, passage)
                    row = {
                        "id": q.id,
                        "kind": q.kind,
                        "answers": gold,
                        "score": round(verdict.score, 4),
                        "reason": verdict.reason,
                    }
                    rows.append(row)
                    out.write(json.dumps(row) + "\n")
                    out.flush()
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        tp = sum(r["answers"] and r["score"] >= t for r in rows)
        tn = sum(not r["answers"] and r["score"] < t for r in rows)
        pos = sum(r["answers"] for r in rows)
        neg = len(rows) - pos
        print(f"threshold={t} answerable_kept={tp / max(1, pos):.3f} unanswerable_refused={tn / max(1, neg):.3f}")


if __name__ == "__main__":
    main()
