"""How far a sentence beside the quote leads the quote on the claim's asked words (`reference.BESIDE_LEAD`).

For every labelled pair with a question and sentences around its quote: the claim's words that are the
question's, how many the quote holds, and how many the best sentence beside it holds. Fit on the tune split
only; the lead at which no true pair remains is the threshold.

    python bench/said_beside_fit.py eval/judge/tune.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import text as tx  # noqa: E402
from assistant.verification.check import load_pairs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=Path)
    args = parser.parse_args()
    leads: Counter[tuple[str, int]] = Counter()
    for pair in load_pairs(args.pairs):
        asked = tx.terms(pair.claim) & tx.terms(pair.question)
        if not asked or len(pair.context) < 2:
            continue
        held = len(asked & tx.terms(" ".join(pair.quotes)))
        beside = max(len(asked & tx.terms(s)) for s in pair.context[1:])
        lead = beside - held
        leads[pair.label, lead] += 1
        if lead >= 1:
            print(f"{pair.label:11} lead {lead} (quote {held}/{len(asked)}, beside {beside}) {pair.id} {pair.type}")
    print("\n| lead | supported | unsupported |\n|---|---|---|")
    for lead in sorted({lead for _, lead in leads}):
        print(f"| {lead} | {leads['supported', lead]} | {leads['unsupported', lead]} |")
    top = max((lead for (label, lead) in leads if label == "supported"), default=0)
    print(f"\nlargest lead of a true pair: {top}; threshold {top + 1}")


if __name__ == "__main__":
    main()
