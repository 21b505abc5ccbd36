"""What a llama.cpp grammar costs the judge model's "copy the words that answer, or NONE" reply.

For answered questions of an eval run (their cited sentence), the same prompt is completed twice, the
prompt already in the model's cache: freely, then held to `llms.span_grammar`. Prints both replies and
times, and whether the free reply stands in the sentence as written (then `Judge` takes it and skips the
grammar).

    ASSISTANT_STORE_DIR=... python bench/span_grammar_cost.py eval/reports/squad-rhine-80.jsonl --limit 20

Last line: key=value (free and held p50 seconds, share of free replies located verbatim).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.app import App  # noqa: E402
from assistant.models.llms import complete, span_grammar  # noqa: E402
from assistant.models.prompts import Prompts  # noqa: E402
from assistant.verification.short import locate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="an eval results file (jsonl)")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.run.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r.get("short_answer") and r["citations"]][: args.limit]
    scorer, prompts = App().judge_scorer, Prompts()
    assert scorer is not None, "needs the local judge model"
    free, held, located = [], [], 0
    for row in rows:
        passage = row["citations"][0]["quote"]
        user = prompts.render("answers", question=row["question"], passage=passage)
        messages = [{"role": "system", "content": prompts.text("answers_system")}, {"role": "user", "content": user}]
        complete(scorer, messages, 1)  # the prompt into the cache, so both timings are of the reply alone
        start = time.perf_counter()
        reply = complete(scorer, messages, 16)
        free.append(time.perf_counter() - start)
        start = time.perf_counter()
        copy = complete(scorer, messages, 16, span_grammar(passage, "NONE"))
        held.append(time.perf_counter() - start)
        located += locate(reply, passage) is not None
        print(f"free {free[-1]:.2f}s {reply.strip()!r:45} held {held[-1]:.2f}s {copy.strip()!r}")
    print(
        f"questions={len(rows)} free_p50_s={statistics.median(free):.2f} held_p50_s={statistics.median(held):.2f} "
        f"free_located={located / max(1, len(rows)):.2f}"
    )


if __name__ == "__main__":
    main()
