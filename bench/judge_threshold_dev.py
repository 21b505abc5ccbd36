"""The judge threshold on the development pairs: precision, recall and F0.5 of "supported" for thresholds
from 0.50 to 0.80, from the rules as they are now and the model scores recorded in committed verdict files
(no model call). Also the longest run of a claim's content words that neither its quote nor its question
holds, by type, for the pairs that reach the model: whether an added phrase marks an extra claim.

    python bench/judge_threshold_dev.py

Last line: key=value (pairs, the F0.5 range over the thresholds, support recall at 0.60 and 0.65).
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

from assistant import text as tx
from assistant.verification.check import load_pairs
from assistant.verification.judge import MODEL_COVERAGE, rule_failure

J = Path("eval/judge")
# dev pairs and the committed verdicts that hold their model scores (the sets `jall` replays)
DEV = {
    "tune": "tune-verdicts.jsonl",
    "report": "report-verdicts.jsonl",
    "qualifier-heldout": "qualifier-heldout-verdicts.jsonl",
    "fresh-4-dev": "fresh-4-dev-final-verdicts-2026-12-06l.jsonl",
    "fresh-5-dev": "fresh-5-dev-final-verdicts-2026-12-07.jsonl",
    "fresh-6-dev": "fresh-6-dev-final-verdicts-2026-12-07b.jsonl",
    "fresh-7-dev": "fresh-7-dev-recorded-scores-2026-12-07c.jsonl",
    "fresh-news-2-dev": "fresh-news-2-dev-final-verdicts-2026-12-06l.jsonl",
    "fresh-news-3-dev": "fresh-news-3-dev-final-verdicts-2026-12-06l.jsonl",
    "fresh-wiki-1-dev": "fresh-wiki-1-dev-final-verdicts-2026-12-06l.jsonl",
}
SUPPORT = (Path("../shared/eval/support.jsonl"), Path("eval/reports/judge-support-verdicts.jsonl"))


def _rows(pairs: Path, verdicts: Path) -> list[dict]:
    scores = {}
    for line in verdicts.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        scores[row["id"], row.get("type")] = scores[row["id"], None] = row["score"]
    rows = []
    for pair in load_pairs(pairs):
        rule = rule_failure(pair.claim, pair.quotes, pair.question, MODEL_COVERAGE, None, pair.context)
        score = scores.get((pair.id, pair.type), scores.get((pair.id, None), 0.0))
        rows.append({"pair": pair, "rule": rule, "score": score})
    return rows


def _figures(rows: list[dict], threshold: float) -> tuple[float, float, float]:
    said = [not r["rule"] and r["score"] >= threshold for r in rows]
    true = [r["pair"].label == "supported" for r in rows]
    tp = sum(s and t for s, t in zip(said, true, strict=True))
    fp = sum(s and not t for s, t in zip(said, true, strict=True))
    precision, recall = tp / max(1, tp + fp), tp / max(1, sum(true))
    return precision, recall, 1.25 * precision * recall / max(1e-9, 0.25 * precision + recall)


def _unsaid_run(claim: str, said: str) -> int:
    have, stop, best, run = set(tx.stem_words(tx.tokens(said))), tx.stopwords(), 0, 0
    for word in tx.tokens(claim):
        if word in stop:
            continue
        run = 0 if tx.stem_words([word])[0] in have or word.isdigit() else run + 1
        best = max(best, run)
    return best


def main() -> int:
    dev = [row for name, file in DEV.items() for row in _rows(J / f"{name}.jsonl", J / file)]
    support = _rows(*SUPPORT)
    f_scores = []
    for threshold in (0.50, 0.55, 0.60, 0.62, 0.65, 0.68, 0.70, 0.72, 0.75, 0.80):
        p, r, f = _figures(dev, threshold)
        sp, sr, _ = _figures(support, threshold)
        f_scores.append(f)
        print(
            f"threshold {threshold:.2f}: dev precision {p:.3f} recall {r:.3f} F0.5 {f:.3f}; support {sp:.3f} / {sr:.3f}"
        )
    runs: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in dev + support:
        if row["rule"]:
            continue
        pair = row["pair"]
        kind = "SUPPORTED" if pair.label == "supported" else pair.type
        longest = _unsaid_run(pair.claim, " ".join(pair.quotes) + " " + pair.question)
        runs[kind]["4+" if longest >= 4 else "<4"] += 1
        runs[kind + (" certified" if row["score"] >= 0.6 else " not certified")]["4+" if longest >= 4 else "<4"] += 1
    for kind in sorted(runs):
        print(f"longest unsaid run, {kind}: {dict(runs[kind])}")
    print(
        f"pairs={len(dev)} f05_min={min(f_scores[1:8]):.3f} f05_max={max(f_scores[1:8]):.3f} "
        f"support_recall_060={_figures(support, 0.60)[1]:.3f} support_recall_065={_figures(support, 0.65)[1]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
