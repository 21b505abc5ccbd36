"""The support judge on labelled pairs: rules' reasons, model scores, a threshold sweep, cost per sentence.

For every pair it records the rules' verdict (with its reason), the judge model's score (asked for every
pair, so that a threshold can be swept; it only decides where the rules let a claim through), and the
wall time of the judge's own call (`Judge.judge`: rules, then the model only where they pass). Model
scores are cached in `--cache` (by prompt) so that a change to the rules re-runs in seconds.

    python bench/judge_dev.py eval/judge/tune.jsonl --sweep          # fit the threshold here only
    python bench/judge_dev.py eval/judge/report.jsonl --threshold T  # then report, once
    python bench/judge_dev.py ../shared/eval/support.jsonl --threshold T
    python bench/judge_dev.py eval/judge/report.jsonl --threshold T --scores eval/judge/report-verdicts.jsonl
        # the rules as they are now, on the model scores recorded in a committed --out file

Last line: key=value (precision, recall, false certified by type, p50 cost of a judged sentence).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.verification.check import load_pairs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--threshold", type=float, default=None, help="default: the settings' judge threshold")
    parser.add_argument("--sweep", action="store_true", help="print precision/recall for thresholds 0.3-0.8")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/judge-dev-cache.json"))
    parser.add_argument("--out", type=Path, help="one JSON line per pair")
    parser.add_argument("--offline", action="store_true", help="rules now, model scores from the cache only")
    parser.add_argument(
        "--scores",
        type=Path,
        help="rules now, model scores from an earlier run's --out file (by id and type): offline, no cache needed",
    )
    parser.add_argument("--no-cache", action="store_true", help="time every model call (the cost figure)")
    args = parser.parse_args()

    from assistant.app import App
    from assistant.verification.judge import MODEL_COVERAGE, Verdict, rule_failure

    app = App()
    judge = app.judge
    threshold = args.threshold if args.threshold is not None else app.settings.judge_threshold
    judge.threshold = threshold
    cache = json.loads(args.cache.read_text()) if args.cache.is_file() and not args.no_cache else {}
    recorded = {}
    if args.scores:
        args.offline = True
        for line in args.scores.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            recorded[row["id"], row.get("type", "")] = row["score"]
            recorded[row["id"], None] = row["score"]  # files without types (eval/reports/judge-support-*)
    aliases = judge.aliases() if judge.aliases else None
    rows, costs, model_costs = [], [], []
    for pair in load_pairs(args.pairs):
        failure = rule_failure(pair.claim, pair.quotes, pair.question, MODEL_COVERAGE, aliases, pair.context)
        started = time.perf_counter()
        if args.offline:  # the rules as they are now, the model's score as cached
            verdict = Verdict(supported=False, score=0.0, reason=failure or "cached score")
        else:  # the real call: its cost is measured
            verdict = judge.judge(pair.question, pair.claim, pair.quotes, pair.context)
        spent = time.perf_counter() - started
        costs.append(spent)
        if not failure:
            model_costs.append(spent)
        from assistant.verification.judge import judged_statement, word_for_word
        from assistant.verification.reference import resolved

        stated = judged_statement(pair.question, pair.claim)
        read = resolved(pair.claim, pair.quotes, pair.context)  # what the judge model is shown
        key = hashlib.sha1(json.dumps([pair.question, stated, read]).encode()).hexdigest()
        score = recorded.get((pair.id, pair.type), recorded.get((pair.id, None)))
        if score is not None:
            cache[key] = score
        if word_for_word(stated, pair.quotes):  # the judge asks no model about the quote's own words
            cache[key] = 1.0
        # a rule's rejection needs no model score unless thresholds are swept
        if key not in cache and not args.offline and (args.sweep or not failure):
            cache[key] = verdict.score if not failure else judge.score(pair.question, stated, read)
        if args.offline:
            verdict.supported = not failure and cache.get(key, 0.0) >= threshold
        rows.append(
            {
                "id": pair.id,
                "type": pair.type,
                "label": pair.label,
                "rule": failure,
                "score": cache.get(key, 0.0),
                "supported": verdict.supported,
                "reason": verdict.reason,
                "seconds": round(spent, 3),
            }
        )
    if not args.no_cache and not args.scores:
        args.cache.write_text(json.dumps(cache))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))

    def verdicts(t: float) -> list[tuple[dict, bool]]:
        return [(r, not r["rule"] and r["score"] >= t) for r in rows]

    def figures(t: float) -> dict:
        said = verdicts(t)
        tp = sum(r["label"] == "supported" and s for r, s in said)
        fp = sum(r["label"] == "unsupported" and s for r, s in said)
        pos = sum(r["label"] == "supported" for r in rows)
        return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / pos if pos else 0.0, "fp": fp}

    if args.sweep:
        for t in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]:
            f = figures(t)
            print(
                f"threshold {t:.2f}: precision {f['precision']:.3f} recall {f['recall']:.3f} false certified {f['fp']}"
            )
    said = verdicts(threshold)
    print(f"\nthreshold {threshold} on {args.pairs} ({len(rows)} pairs); judge {judge.name}")
    print("| type | n | true passed | false certified | rejected by rule | rejected by model |")
    print("|---|---|---|---|---|---|")
    for kind in sorted({r["type"] for r in rows}):
        mine = [(r, s) for r, s in said if r["type"] == kind]
        print(
            f"| {kind} | {len(mine)} | {sum(s and r['label'] == 'supported' for r, s in mine)} | "
            f"{sum(s and r['label'] == 'unsupported' for r, s in mine)} | {sum(bool(r['rule']) for r, _ in mine)} | "
            f"{sum(not r['rule'] and not s for r, s in mine)} |"
        )
    print("\nfalse claims certified:")
    for r, s in said:
        if s and r["label"] == "unsupported":
            print(f"  {r['id']} [{r['type']}] score {r['score']:.2f}")
    print("\ntrue claims rejected (reason):")
    for r, s in said:
        if not s and r["label"] == "supported":
            why = r["rule"] or f"model {r['score']:.2f}"
            print(f"  {r['id']} [{r['type']}] {why}")
    reasons = Counter(r["rule"].split(":")[0].split("(")[0].strip() for r in rows if r["rule"])
    print("\nrejections by rule:", dict(reasons.most_common()))
    f = figures(threshold)
    false_by_type = Counter(r["type"] for r, s in said if s and r["label"] == "unsupported")
    p50 = statistics.median(costs) if costs else 0.0
    p50_model = statistics.median(model_costs) if model_costs else 0.0
    print(
        f"pairs={len(rows)} threshold={threshold} precision={f['precision']:.3f} recall={f['recall']:.3f} "
        f"false_certified={f['fp']} max_false_per_type={max(false_by_type.values(), default=0)} "
        f"cost_p50_s={p50:.3f} cost_p50_model_s={p50_model:.3f}"
    )


if __name__ == "__main__":
    main()
