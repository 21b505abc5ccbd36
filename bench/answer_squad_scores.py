"""SQuAD 2.0 exact match and token F1 of `short_answer` in saved `assistant eval --out` results.

SQuAD's normalisation (lower case, no punctuation, no articles, single spaces); the best score over the
question's `must_include` strings; an unanswerable question scores 1 when refused, 0 otherwise; an
answerable one with no short answer scores 0. Also refusal / false refusal / accuracy and p50/p95 latency.

    python bench/answer_squad_scores.py RESULTS.jsonl QUESTIONS.jsonl
"""

from __future__ import annotations

import json
import re
import statistics
import string
import sys
from collections import Counter
from pathlib import Path


def normalise(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())


def f1(prediction: str, gold: str) -> float:
    p, g = normalise(prediction).split(), normalise(gold).split()
    common = sum((Counter(p) & Counter(g)).values())
    if not p or not g or not common:
        return float(p == g)
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    results = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
    gold = {q["id"]: q for q in (json.loads(line) for line in lines if line.strip())}
    em, f1s, refused_u, refused_a, correct, times = [], [], [], [], [], []
    for r in results:
        q = gold[r["id"]]
        short = (r.get("short_answer") or {}).get("text", "")
        if q["answerable"]:
            refused_a.append(r["refused"])
            correct.append(bool(r["scores"].get("correct")))
            em.append(
                max((float(normalise(short) == normalise(g)) for g in q["must_include"]), default=0.0) if short else 0.0
            )
            f1s.append(max((f1(short, g) for g in q["must_include"]), default=0.0) if short else 0.0)
        else:
            refused_u.append(r["refused"])
            em.append(float(r["refused"]))
            f1s.append(float(r["refused"]))
        if not r["scores"].get("error"):
            times.append(r["timings_ms"]["total"] / 1000)
        error = r["scores"].get("error")
        print(f"{r['id']} answerable={q['answerable']} refused={r['refused']} short={short!r} error={error}")
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    print(
        f"questions={len(results)} squad_em={mean(em):.3f} squad_f1={mean(f1s):.3f} "
        f"refusal={mean(refused_u):.3f} false_refusal={mean(refused_a):.3f} accuracy={mean(correct):.3f} "
        f"errors={sum(bool(r['scores'].get('error')) for r in results)} "
        f"p50_s={statistics.median(times) if times else float('nan'):.1f} p95_s={p95:.1f}"
    )


if __name__ == "__main__":
    main()
