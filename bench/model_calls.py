"""Model calls per answer (`Usage.model_calls`, in every eval results line): how a budget of calls
(`ASSISTANT_MAX_MODEL_CALLS`) would change the answers of recorded runs.

    python bench/model_calls.py RESULTS.jsonl [RESULTS.jsonl ...]

For each cap: how many answers made more calls (those the cap changes: quoting stops, nothing more is
written), how many of them were right, how many were wrong answers, and how long they took. The runs
must be made with no budget (`ASSISTANT_MAX_MODEL_CALLS=0`). Last line: key=value.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median  # noqa: E402


def main() -> None:
    rows = [json.loads(line) for name in sys.argv[1:] for line in Path(name).read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if "model_calls" in r]
    right = [r for r in rows if r["scores"].get("answerable") and r["scores"].get("correct")]
    most = max((r["model_calls"] for r in right), default=0)
    print(f"answers: {len(rows)}; right answers: {len(right)}, the most calls one of them made: {most}")
    print("answers by calls made:", sorted(Counter(r["model_calls"] for r in rows).items()))
    for cap in range(2, 13):
        over = [r for r in rows if r["model_calls"] > cap]
        lost = sum(1 for r in over if r["scores"].get("answerable") and r["scores"].get("correct"))
        wrong = sum(1 for r in over if not r["scores"]["refused"] and not r["scores"].get("correct"))
        took = median([r["timings_ms"]["total"] / 1000 for r in over]) if over else 0.0
        print(f"cap {cap:2}: {len(over):3} answers over it, {lost} of them right, {wrong} wrong; p50 {took:.1f} s")
    print("the right answers that made the most calls:")
    for r in sorted(right, key=lambda r: -r["model_calls"])[:8]:
        print(f"  {r['model_calls']} calls, {r['mode']}, {r['timings_ms']['total'] / 1000:.1f} s: {r['question'][:80]}")
    over = [r for r in rows if r["model_calls"] > most]
    print(f"answers={len(rows)} right={len(right)} most_calls_right={most} over_it={len(over)}")


if __name__ == "__main__":
    main()
