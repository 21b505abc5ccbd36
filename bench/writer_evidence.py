"""Where in the ranking the sentences a written answer cites stand: how much evidence the fallback writer needs.

With the quote-first style the model writes only when no evidence sentence answers as it stands. Every
prompt token costs time (~54 tokens/s on 2 cores), so the writer's evidence budget
(`ASSISTANT_WRITTEN_EVIDENCE_TOKENS`) is set from this: for each written answer in the given eval
results, the rank of each cited sentence among the retrieved hits, and whether the evidence built at
each budget still holds every cited sentence.

    python bench/writer_evidence.py eval/reports/default-questions.jsonl eval/reports/default-questions-more.jsonl

Needs the store the results were made on (`ASSISTANT_STORE_DIR`). Last line: key=value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import common  # noqa: F401  (offline environment)

from assistant.app import App
from assistant.retrieval.retrieve import approx_tokens, build_evidence
from assistant.settings import Settings

BUDGETS = (150, 250, 350, 450, 700)


def main(paths: list[str]) -> int:
    settings = Settings()
    app = App(settings)
    rows = [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]
    written = [r for r in rows if r.get("mode") == "generated" and not r.get("refused")]
    kept = dict.fromkeys(BUDGETS, 0)
    worst = 0
    for row in written:
        hits = app.retriever.search(row["question"], settings.top_k)
        sentences = [h.article.sentence(h.index) for h in hits]
        ranks = [
            next((i for i, s in enumerate(sentences) if c["quote"] in s or s in c["quote"]), None)
            for c in row["citations"]
        ]
        worst = max([worst, *(r if r is not None else settings.top_k for r in ranks)])
        line = [f"{row.get('id', '?')}: cited ranks {ranks}"]
        for budget in BUDGETS:
            texts = [ev.text for ev in build_evidence(hits, budget, approx_tokens)]
            holds = all(any(c["quote"] in t or t in c["quote"] for t in texts) for c in row["citations"])
            kept[budget] += holds
            line.append(f"{budget}: {len(texts)} sentences, {'holds' if holds else 'MISSES'}")
        print("; ".join(line))
    summary = " ".join(f"kept_at_{b}={kept[b]}" for b in BUDGETS)
    print(f"written={len(written)} worst_rank={worst} {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
