"""Who did it, in the passive: "X was killed by Y" names Y as the doer. A claim that gives the same
participle another doer than the quote's ("killed by a commander" from "killed by Afghan forces alongside a
commander") turns round who did it. Part of the structure checks (`structure.structure_failure`); grammar
of English only, no wording of any claim.
"""

from __future__ import annotations

import re

from .. import text as tx
from .subjects import PARTICIPLES, PREP

_STOPS = frozenset("who which that while when whose where alongside along together besides".split())


def _agents(text: str) -> dict[str, tuple[str, set[str]]]:
    """Participle stem -> the participle and the content terms of its doer: for each "by", the nearest
    participle up to seven words before it, within its clause ("was killed in March by X"), and the doer
    after it up to a preposition other than "of", a comma or a relative word."""
    found: dict[str, tuple[str, set[str]]] = {}
    for clause in re.split(r"[,;:()“”\"]|\.\s", text):
        words = clause.split()
        for at, word in enumerate(words):
            if word.lower() != "by":
                continue
            verb = next((w.lower() for w in reversed(words[max(0, at - 7) : at]) if _participle(w)), "")
            doer = []
            for after in words[at + 1 :]:
                if after.lower() in (PREP - {"of"}) | _STOPS:
                    break
                doer.append(after)
            terms = tx.terms(" ".join(doer))
            if verb and terms:
                found.setdefault(tx.stem_words([verb])[0], (verb, set()))[1].update(terms)
    return found


def _participle(word: str) -> bool:
    low = word.lower()
    return low[:1].isalpha() and word[:1].islower() and (low.endswith("ed") or low in PARTICIPLES) and len(low) > 3


def agent_mismatch(claim: str, quotes: str) -> str:
    """The claim's doer of a passive verb shares no word with the quote's doer of the same verb."""
    given = _agents(quotes)
    for stem, (verb, doer) in _agents(claim).items():
        if stem in given and not doer & given[stem][1]:
            return f"the quote has it {verb} by another ({', '.join(sorted(given[stem][1]))})"
    return ""
