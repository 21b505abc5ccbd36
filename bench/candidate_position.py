"""Where, in the pool of candidate sentences (`quoting.candidates`), the sentence an answer quotes stood,
and whether that answer was right: how many candidates are worth judging for a question a span answers.

It rebuilds each answer's evidence from an eval results file (the `evidence` spans, read from the article
files) and ranks it as the quoting does, with no model.

    python bench/candidate_position.py ARTICLES_DIR [ARTICLES_DIR ...] -- RESULTS.jsonl [RESULTS.jsonl ...]

Last line: key=value (answers per position, right ones per position; position 0 is the first candidate).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.answering.quoting import candidates  # noqa: E402
from assistant.schema import Article, Evidence  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.verification.short import wants_span  # noqa: E402


def main() -> None:
    cut = sys.argv.index("--")
    texts = {p.name: p.read_text(encoding="utf-8") for d in sys.argv[1:cut] for p in Path(d).glob("*.txt")}
    overlap = Settings().extract_min_overlap
    answers: Counter[int] = Counter()
    right: Counter[int] = Counter()
    for name in sys.argv[cut + 1 :]:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["refused"] or row.get("mode") != "extractive" or not row["citations"]:
                continue
            if not wants_span(row["question"]):
                continue
            spans: dict[str, list[tuple[int, int]]] = {}
            for e in row["evidence"]:
                spans.setdefault(e["article"], []).append((e["start"], e["end"]))
            articles = {a: Article(doc_id=a, file=a, title=a, text=texts[a], spans=tuple(s)) for a, s in spans.items()}
            seen = dict.fromkeys(spans, 0)
            evidence = []
            for n, e in enumerate(row["evidence"], start=1):
                evidence.append(Evidence(number=n, article=articles[e["article"]], index=seen[e["article"]]))
                seen[e["article"]] += 1
            pool = candidates(row["question"], evidence, overlap)
            cited = row["citations"][0]
            at = next(
                (i for i, ev in enumerate(pool) if ev.article.file == cited["article"] and ev.start == cited["start"]),
                -1,
            )
            answers[at] += 1
            ok = bool(row["scores"].get("correct"))
            right[at] += ok
            if at != 0:
                kind = "answerable" if row["scores"]["answerable"] else "unanswerable"
                print(f"{Path(name).name}: position {at} {kind} {'right' if ok else 'wrong'}: {row['question']}")
    positions = sorted(answers)
    print(
        " ".join(f"answers_at_{p}={answers[p]} right_at_{p}={right[p]}" for p in positions)
        + " (position -1: the quoted sentence is not in the pool)"
    )


if __name__ == "__main__":
    main()
