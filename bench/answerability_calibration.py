"""Raw judge-model scores for "does this passage answer the question?", for choosing its threshold.

Positives: each answerable question's first gold quote. Negatives: the best-ranked retrieved sentence
that is not a gold quote and holds none of the `must_include` strings (on topic, not the answer), and the
best retrieved sentence for each unanswerable question. One JSON line a pair, then AUC and, at each
threshold, the share of answers kept and of non-answers turned away.

    .venv/bin/python bench/answerability_calibration.py eval/questions.jsonl eval/questions-more.jsonl \
        --out bench/results/answerability-calibration.jsonl | tee bench/results/answerability-calibration.txt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.app import App
from assistant.evaluation.evaluate import load_questions
from assistant.evaluation.metrics import contains_answer

NEGATIVE_DEPTH = 8  # retrieved sentences searched for an on-topic non-answer


def pairs(app: App, paths: list[Path]) -> list[tuple[str, str, str, str, bool]]:
    found = []
    for path in paths:
        for q in load_questions(path):
            hits = app.retriever.search(q.question, NEGATIVE_DEPTH)
            sentences = [h.article.sentence(h.index) for h in hits]
            if not q.answerable:
                found += [(q.id, q.kind, q.question, s, False) for s in sentences[:1]]
                continue
            gold = [s["quote"] for s in q.sources]
            found += [(q.id, q.kind, q.question, g, True) for g in gold[:1]]
            for s in sentences:
                if not any(g in s or s in g for g in gold) and not contains_answer(s, q.must_include):
                    found.append((q.id, q.kind, q.question, s, False))
                    break
    return found


def auc(rows: list[dict], key: str) -> float:
    """Probability that an answer scores above a non-answer (ties count half)."""
    pos = [r[key] for r in rows if r["answers"]]
    neg = [r[key] for r in rows if not r["answers"]]
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / max(1, len(pos) * len(neg))


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
        for qid, kind, question, passage, answers in pairs(app, args.questions):
            verdict = judge.answers(question, passage)
            row = {
                "id": qid,
                "kind": kind,
                "answers": answers,
                "score": round(verdict.score, 4),
                "reason": verdict.reason,
            }
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()
    pos = [r["score"] for r in rows if r["answers"]]
    neg = [r["score"] for r in rows if not r["answers"]]
    print(f"judge={judge.name} positives={len(pos)} negatives={len(neg)} AUC={auc(rows, 'score'):.3f}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8):
        kept = sum(s >= t for s in pos) / max(1, len(pos))
        refused = sum(s < t for s in neg) / max(1, len(neg))
        print(f"threshold={t} answers_kept={kept:.3f} non_answers_refused={refused:.3f} BA={(kept + refused) / 2:.3f}")


if __name__ == "__main__":
    main()
