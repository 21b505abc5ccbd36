"""Retrieval recall@k on question sets: the share of gold quotes that reach the evidence shown to the model,
and the rank of the first sentence holding a gold quote (mean reciprocal rank; share ranked first).

No language model is loaded: the evidence is built exactly as `ask` builds it (same retriever, same
budget; tokens counted approximately). One line a question on --out, then a `key=value` summary.

    .venv/bin/python bench/retrieval_recall.py eval/questions.jsonl eval/questions-more.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.app import App
from assistant.evaluation import metrics
from assistant.evaluation.evaluate import load_questions
from assistant.retrieval.retrieve import build_evidence
from assistant.verification import citations as cite

RANKED = 30  # the retriever's candidates: where the gold sentence stands among them


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    app = App()
    app.ensure_ingested()
    texts = {a.file: a.text for a in app.index.articles().values()}
    budget = app.settings.evidence_tokens
    rows = []
    for path in args.questions:
        for q in load_questions(path):
            gold, _ = metrics.gold_spans(q.sources, texts)
            if not q.answerable or not gold:
                continue
            hits = app.retriever.search(q.question, app.settings.top_k)
            evidence = build_evidence(hits, budget)
            ranked = app.retriever.search(q.question, RANKED)
            rank = next(
                (
                    n
                    for n, h in enumerate(ranked, start=1)
                    if any(g.overlaps(metrics.Span(h.article.file, *h.article.spans[h.index])) for g in gold)
                ),
                None,
            )
            given = [cite.to_citation(ev.number, ev) for ev in evidence]
            rows.append(
                {
                    "id": q.id,
                    "kind": q.kind,
                    "recall": metrics.retrieval_recall(given, gold),
                    "rank": rank,  # of the first sentence holding gold among the first RANKED hits
                    "missed": [
                        texts[g.file][g.start : g.end][:80]
                        for g in gold
                        if not any(g.overlaps(metrics.Span(e.article, e.start, e.end)) for e in given)
                    ],
                }
            )
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for r in rows:
        if r["recall"] < 1:
            print(f"{r['id']} {r['kind']} recall={r['recall']:.2f} missed: {r['missed']}")
    mean = sum(r["recall"] for r in rows) / len(rows)
    full = sum(r["recall"] == 1 for r in rows) / len(rows)
    mrr = sum(1 / r["rank"] for r in rows if r["rank"]) / len(rows)
    first = sum(r["rank"] == 1 for r in rows) / len(rows)
    print(
        f"questions={len(rows)} retrieval_recall={mean:.3f} all_gold_found={full:.3f} "
        f"mrr={mrr:.3f} gold_first={first:.3f}"
    )


if __name__ == "__main__":
    main()
