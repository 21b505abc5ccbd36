"""How often the gold sentence of an answerable question holds the question's verb (any form of it, or a
noun built on it): what a rule "the quote must say the asked verb" would cost in true answers.

The verb is the first lowercase word after the question word that lemminflect knows only as a verb (not
also a noun or adjective), skipping auxiliaries and words after a determiner; verbs with no event of their
own ("be", "happen", "take", ...) count as none.

    python bench/verb_in_gold.py ../shared/eval/squad-rhine/questions-all.jsonl [--list]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lemminflect import getAllLemmas, getLemma

from assistant import text as tx

_AUX = frozenset("is are was were do does did has have had can could will would should may might must be been".split())
_DET = frozenset("the a an this that these those its their his her our your my".split())
_LIGHT = frozenset("be have do happen occur take make get go come become".split())
_WH = re.compile(r"^\W*(?:\w+\s+)?(?:who|whom|whose|what|which|when|where|how(?:\s+\w+)?)\b\s*(.*)$", re.I)


def lemma(word: str) -> str:
    return (getLemma(word.lower(), upos="VERB") or (word.lower(),))[0]


def asked_verb(question: str) -> str:
    match = _WH.match(" ".join(question.split()))
    if match is None:
        return ""
    previous = ""
    for word in (w.strip(',;:"“”?') for w in match.group(1).split()):
        low = word.lower()
        kinds = getAllLemmas(low)
        if low not in _AUX and word[:1].islower() and previous not in _DET and set(kinds) == {"VERB"}:
            return "" if lemma(low) in _LIGHT else lemma(low)
        previous = low
    return ""


def said(verb: str, quote: str) -> bool:
    stem = tx.stem_words([verb])[0]
    return any(lemma(w) == verb for w in tx.tokens(quote)) or any(
        len(stem) >= 4 and t.startswith(stem) for t in tx.terms(quote)
    )


def main() -> None:
    found = missing = none = 0
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row.get("answerable", True) or not row.get("sources"):
            continue
        verb = asked_verb(row["question"])
        if not verb:
            none += 1
            continue
        found += 1
        quote = " ".join(s["quote"] for s in row["sources"])
        if not said(verb, quote):
            missing += 1
            if "--list" in sys.argv:
                print(f"{verb} | {row['question'].strip()} | {quote[:120]}")
    print(f"answerable_with_verb={found} verb_not_in_gold={missing} no_verb_found={none}")


if __name__ == "__main__":
    main()
