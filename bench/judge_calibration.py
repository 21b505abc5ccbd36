"""Raw judge signals on labelled claim/quote pairs, for choosing the judge's threshold and rules.

For every pair: what the rules say (at the coverage floor used with a model and the stricter rules-only
one) and the judge model's probability of "supported" for the claim prompt. One JSON line a pair, then a
`key=value` summary with the balanced accuracy of each threshold.

    .venv/bin/python bench/judge_calibration.py ../shared/eval/support.jsonl --out bench/results/judge-calibration.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from assistant.app import App
from assistant.verification.check import load_pairs
from assistant.verification.judge import MODEL_COVERAGE, RULES_COVERAGE, rule_failure


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    judge = App().judge
    pairs = load_pairs(args.pairs)
    rows = []
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for pair in pairs:
            started = time.perf_counter()
            score = judge.score(pair.question, pair.claim, pair.quotes)
            row = {
                "id": pair.id,
                "label": pair.label,
                "type": pair.type,
                "rules_model_floor": rule_failure(pair.claim, pair.quotes, pair.question, MODEL_COVERAGE),
                "rules_strict": rule_failure(pair.claim, pair.quotes, pair.question, RULES_COVERAGE),
                "score": round(score, 4),
                "seconds": round(time.perf_counter() - started, 2),
            }
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        said = [(r["label"] == "supported", not r["rules_model_floor"] and r["score"] >= t) for r in rows]
        tp = sum(g and s for g, s in said)
        fp = sum(s and not g for g, s in said)
        pos = sum(g for g, _ in said)
        neg = len(said) - pos
        print(
            f"threshold={t} precision={tp / max(1, tp + fp):.3f} recall={tp / max(1, pos):.3f} "
            f"balanced={(tp / max(1, pos) + (neg - fp) / max(1, neg)) / 2:.3f}"
        )
    print(f"judge={judge.name} pairs={len(rows)} mean_seconds={sum(r['seconds'] for r in rows) / len(rows):.2f}")


if __name__ == "__main__":
    main()
