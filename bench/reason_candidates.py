"""Where the gold sentence of a why/how question stands among the sentences quoting would judge.

For every `reasoning` question with sources in the given sets: the retrieved evidence (the product's
retriever and evidence budget, no model call), the candidate pool `quoting.candidates` builds from it at
each given `extract_min_overlap`, and the gold quote's position in that pool under three orders: the
product's (most of the asked clause's words first), the retriever's, and the sum of both ranks. Quoting
judges at most `EXTRACTIVE_CANDIDATES` (4) of them, so "top4" is what can be found at all.

    ASSISTANT_STORE_DIR=/tmp/store-news python bench/reason_candidates.py 0.3 0.15 -- \
        ../shared/eval/questions.jsonl ../shared/eval/questions-more.jsonl eval/own/news-heldout{,-{2..14}}.jsonl

Last line per overlap and order: key=value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.answering import quoting
from assistant.app import App
from assistant.retrieval.retrieve import build_evidence


def main(overlaps: list[float], paths: list[str]) -> int:
    assistant = App().assistant
    positions: dict[tuple[float, str], list[int]] = {
        (t, o): [] for t in overlaps for o in ("product", "retriever", "sum")
    }
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("kind") != "reasoning" or not row.get("sources"):
                continue
            question, gold = row["question"], [s["quote"] for s in row["sources"]]
            hits = assistant.retriever.search(question, assistant.settings.top_k)
            evidence = build_evidence(hits, assistant._evidence_budget(question), assistant._counter())
            order: dict[tuple[str, int], int] = {}
            for i, hit in enumerate(hits):
                order.setdefault((hit.article.doc_id, hit.index), i)
            for t in overlaps:
                pool = quoting.candidates(question, evidence, t)
                by_hit = sorted(pool, key=lambda e: order.get((e.article.doc_id, e.index), 999))
                lex = {id(e): i for i, e in enumerate(pool)}
                hit_rank = {id(e): i for i, e in enumerate(by_hit)}
                summed = sorted(pool, key=lambda e: (lex[id(e)] + hit_rank[id(e)], lex[id(e)]))
                for name, ranked in (("product", pool), ("retriever", by_hit), ("sum", summed)):
                    positions[(t, name)].append(_position(ranked, gold))
    for (t, name), found in positions.items():
        print(
            f"overlap={t} order={name} n={len(found)} first={sum(p == 0 for p in found)} "
            f"top2={sum(0 <= p <= 1 for p in found)} top4={sum(0 <= p <= 3 for p in found)} "
            f"absent={sum(p < 0 for p in found)}"
        )
    return 0


def _position(pool: list, gold: list[str]) -> int:
    for i, ev in enumerate(pool):
        if any(ev.text[:60] in g or g[:60] in ev.text for g in gold):
            return i
    return -1


if __name__ == "__main__":
    cut = sys.argv.index("--")
    sys.exit(main([float(a) for a in sys.argv[1:cut]], sys.argv[cut + 1 :]))
