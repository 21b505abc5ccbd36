"""What the written fallback brings to a question one span answers, when no sentence answers it as it stands.

With `answer_style=quote`, a question that no evidence sentence answers verbatim goes to the model, which
writes an answer from the top-ranked sentences (about 9-12 s on 2 cores before the judge has passed or
refused it). This reads recorded eval results (one JSON line per question, `assistant eval --out`) and
counts, for questions `short.wants_span` gives a span, how the written answers fared and what the
refusals cost, split by `short.asks_several` (a question asking for more than one thing).

    python bench/written_for_span.py eval/reports/before-2026-12-04*/*.jsonl eval/reports/qwen0.5b-*.jsonl

Last line: key=value.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.verification.short import asks_several, wants_span  # noqa: E402


def main() -> None:
    counts: Counter = Counter()
    refusal_s: list[float] = []
    for name in sys.argv[1:]:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            question = row["question"]
            if not wants_span(question):
                continue
            part = "several" if asks_several(question) else "one"
            if row["mode"] == "generated":
                right = row["scores"]["correct"]
                verdict = "right" if right else ("wrong" if right is False else "unanswerable, answered")
                counts[part, verdict] += 1
                print(f"written\t{part}\t{verdict}\t{Path(name).parent.name}/{Path(name).name}\t{question}")
            elif row["mode"] == "refused":
                counts[part, "refused"] += 1
                refusal_s.append(row["timings_ms"]["total"] / 1000)
    print()
    for (part, verdict), n in sorted(counts.items()):
        print(f"asks {part} thing(s): {verdict}: {n}")
    p50 = statistics.median(refusal_s) if refusal_s else 0.0
    print(f"refusals of span questions: n={len(refusal_s)} p50={p50:.1f}s")
    summary = " ".join(f"{p}_{v.replace(' ', '_').replace(',', '')}={n}" for (p, v), n in sorted(counts.items()))
    print(f"{summary} refusal_p50_s={p50:.1f}")


if __name__ == "__main__":
    main()
