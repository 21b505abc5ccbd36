"""Prompt-lookup speculative decoding for the local writer: time per written answer, and whether the text
stays the same, at several draft lengths (`ASSISTANT_LOOKUP_DRAFT_TOKENS`).

For each question the writer's own prompt is built as a written answer builds it (retrieval, the
writer's evidence budget, the answer prompt), and the bundled model writes from it once per draft length,
interleaved per question so that a drift in CPU speed hits every length alike. Each length has its own
model instance on the same file; the answer is greedy (temperature 0), so a draft changes the text only
through float rounding in a batch.

    ASSISTANT_STORE_DIR=/tmp/store-news python bench/speculative.py ../shared/eval/questions.jsonl \
        ../shared/eval/questions-more.jsonl --lengths 0,4,10 --limit 24

Last line: key=value per length (p50/p95 seconds, tokens/s, share of texts identical to length 0).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import common  # noqa: F401  (offline environment)

from assistant.answering.strategies import writer_messages
from assistant.app import App
from assistant.models.local_llm import LocalLLM
from assistant.models.prompts import Prompts
from assistant.retrieval.retrieve import approx_tokens, build_evidence
from assistant.schema import Usage


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="+", type=Path)
    parser.add_argument("--lengths", default="0,10")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--kinds", default="", help="only these kinds (comma-separated)")
    args = parser.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    app = App()
    settings = app.settings
    rows = [json.loads(line) for path in args.questions for line in path.read_text(encoding="utf-8").splitlines()]
    if args.kinds:
        rows = [r for r in rows if r.get("kind") in args.kinds.split(",")]
    rows = rows[: args.limit]
    models = {}
    for n in lengths:
        mine = settings.model_copy(update={"lookup_draft_tokens": n})
        models[n] = LocalLLM(app.llm.path, mine)
    seconds: dict[int, list[float]] = {n: [] for n in lengths}
    tokens: dict[int, int] = dict.fromkeys(lengths, 0)
    same = dict.fromkeys(lengths, 0)
    for row in rows:
        hits = app.retriever.search(row["question"], settings.top_k)
        evidence = build_evidence(hits, settings.written_evidence_tokens, approx_tokens)
        messages = writer_messages(Prompts(), row["question"], evidence)
        texts = {}
        for n in lengths:
            usage = Usage()
            started = time.perf_counter()
            texts[n] = "".join(models[n].stream(messages, settings.max_tokens, usage=usage))
            seconds[n].append(time.perf_counter() - started)
            tokens[n] += usage.completion_tokens
            same[n] += texts[n] == texts[lengths[0]]
        timing = " ".join(f"{n}:{seconds[n][-1]:.1f}s" for n in lengths)
        print(f"{row.get('id', '?')}: {timing} {usage.completion_tokens} tokens; {texts[lengths[-1]][:80]!r}")
    parts = []
    for n in lengths:
        times = sorted(seconds[n])
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        parts.append(
            f"len{n}_p50_s={statistics.median(times):.2f} len{n}_p95_s={p95:.2f} "
            f"len{n}_tok_s={tokens[n] / sum(times):.1f} len{n}_same={same[n] / len(rows):.2f}"
        )
    print(f"questions={len(rows)} " + " ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
