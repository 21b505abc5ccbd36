"""How an eval's quoted answers spend their time: first words shown versus the whole answer.

For each eval results file, the quoted (extractive) answers that carry a short answer and those that do
not: p50 of the time to the first shown words, of the total, of the gap between them (judging further
candidates after the first quote is shown), and how many quotes they end with.

    python bench/answer_timing.py eval/reports/default-questions.jsonl eval/reports/default-questions-more.jsonl

Last line: key=value.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path


def main(paths: list[str]) -> int:
    rows = [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]
    quoted = [r for r in rows if r.get("mode") == "extractive" and not r.get("refused")]
    summary = []
    for label, with_short in (("short", True), ("no_short", False)):
        part = [r for r in quoted if (r.get("short_answer") is not None) == with_short]
        if not part:
            continue
        total = [r["timings_ms"]["total"] for r in part]
        first = [r["timings_ms"].get("first_token") or r["timings_ms"]["total"] for r in part]
        gap = statistics.median(t - f for t, f in zip(total, first, strict=True))
        quotes = [len(r["citations"]) for r in part]
        print(
            f"{label}: {len(part)} answers; first words p50 {statistics.median(first):.0f} ms, total p50 "
            f"{statistics.median(total):.0f} ms, gap p50 {gap:.0f} ms; with one quote {quotes.count(1)}, "
            f"with more {sum(q > 1 for q in quotes)}"
        )
        summary.append(
            f"{label}_n={len(part)} {label}_gap_p50_ms={gap:.0f} {label}_multi_quote={sum(q > 1 for q in quotes)}"
        )
    print(" ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
