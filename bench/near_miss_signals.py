"""Cheap signals for telling a SQuAD near miss from an answer, measured before being built (and rejected).

For every squad-rhine question (`questions-all.jsonl`, 498), the sentence an answer would quote: the gold
quote's sentence for an answerable question, the sentence holding the `plausible_answer` for an
unanswerable one. Three rule candidates, each counted on both:
1. question words missing: the asked clause's content words not in the sentence or the two either side;
2. names only near: what `short.unmatched` reports with the sentence alone, with the one before it, and
   with two either side (the product's window);
3. verb-object: the claim (question + answer, `claims.statement`) puts another object after a verb the
   sentence shares than the sentence does.
A signal worth building fires far more often on unanswerable questions than on answerable ones.

    python bench/near_miss_signals.py ../shared/eval/squad-rhine

Last line: key=value.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import text as tx  # noqa: E402
from assistant.verification.citations import main_clause  # noqa: E402
from assistant.verification.claims import statement  # noqa: E402
from assistant.verification.short import unmatched  # noqa: E402


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def verb_object(claim: str, quote: str) -> bool:
    skip = tx.stopwords()

    def words(text: str) -> list[tuple[str, str]]:
        return [(w, tx.stem_words([w.lower()])[0]) for w in re.findall(r"[A-Za-z][\w\-]*", text)]

    c, q = words(claim), words(quote)
    stems = [s for _, s in q]
    for i, (w, s) in enumerate(c):
        if not w.islower() or w in skip or s not in stems:
            continue
        mine = next((x for x in c[i + 1 : i + 4] if x[0].lower() not in skip), None)
        if mine is None or mine[1] not in stems:
            continue
        j = stems.index(s)
        theirs = next((x for x in q[j + 1 : j + 4] if x[0].lower() not in skip), None)
        if theirs and theirs[1] != mine[1] and theirs[1] not in {x for _, x in c}:
            return True
    return False


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/squad-rhine")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (folder / "articles").glob("*.txt")}
    split = {f: sentences(t) for f, t in texts.items()}
    every = [(f, i, s) for f, ss in split.items() for i, s in enumerate(ss)]
    counts: Counter = Counter()
    totals: Counter = Counter()
    for line in (folder / "questions-all.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        asked = main_clause(q["question"])
        wanted = tx.terms(asked)
        if q["answerable"]:
            quote, answer = q["sources"][0]["quote"], q["answer"]
            found = [e for e in every if quote[:40] in e[2] or e[2][:40] in quote]
        else:
            answer = q.get("plausible_answer", "")
            found = [e for e in every if answer and answer in e[2]]
        if not found:
            continue
        f, i, s = max(found, key=lambda e: len(wanted & tx.terms(e[2])))
        kind = "answerable" if q["answerable"] else "unanswerable"
        totals[kind] += 1
        near = " ".join(split[f][max(0, i - 2) : i + 3])
        counts[kind, "question word missing (±2)"] += bool(wanted - tx.terms(near))
        counts[kind, "2+ question words missing (±2)"] += len(wanted - tx.terms(near)) >= 2
        for label, around in (
            ("name not in the sentence", []),
            ("name not in it or the one before", split[f][max(0, i - 1) : i]),
            ("name not within ±2 (the product's rule)", [x for x in split[f][max(0, i - 2) : i + 3] if x != s]),
        ):
            counts[kind, label] += bool(unmatched(q["question"], s, around, article=texts[f]))
        counts[kind, "verb-object differs"] += verb_object(statement(asked, answer), s)
    print("| signal | answerable | unanswerable |")
    print("|---|---|---|")
    labels = dict.fromkeys(label for _, label in counts)
    for label in labels:
        a, u = counts["answerable", label], counts["unanswerable", label]
        print(f"| {label} | {a} / {totals['answerable']} | {u} / {totals['unanswerable']} |")
    print(f"answerable={totals['answerable']} unanswerable={totals['unanswerable']}")


if __name__ == "__main__":
    main()
