"""Whose words a quotation is: a claim that puts a quote's quoted words in another person's mouth.

"X's position changed … to calling the success a 'victory not worth the loss'" from a quote in which Y "called
the Taliban's success a 'victory not worth the loss'" gives Y's words to X. The verbs of saying are a closed
class of English; no wording of any claim.
"""

from __future__ import annotations

import re

from .. import text as tx
from .subjects import opening

_SAYING_VERBS = (
    "said says say saying called calls call calling described describes describing told tells wrote writes "
    "added adds stated states declared declares announced announces"
)
_SAYING = rf"(?:{'|'.join(_SAYING_VERBS.split())})"
_SPEAKER = r"(?P<who>(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)"
_WORDS = r"[“\"](?P<words>[^”\"]{8,200})[”\"]"
# "Y called the success a “…”" and "“…,” Y said"
_SAID = (
    re.compile(rf"{_SPEAKER}\s+{_SAYING}\b[^“\"]{{0,80}}{_WORDS}"),
    re.compile(rf"{_WORDS},?\s+(?:{_SAYING}\s+)?{_SPEAKER}\s+{_SAYING}\b"),
)
_PASSIVE = re.compile(rf"\b(?:is|are|was|were|be|been|being)\s+{_SAYING}\b")
_WORDS_SHARED = 4  # quoted words in a row that make the claim's words the quote's


def _run(words: str) -> str:
    return " ".join(tx.tokens(words)[:_WORDS_SHARED])


def words_of_another(claim: str, quotes: str) -> str:
    """Why the claim gives a quotation's words to someone the quote does not; "" when it does not."""
    said = tx.fold(claim)
    if not re.search(rf"\b{_SAYING}\b", said) or _PASSIVE.search(said):
        return ""
    subject = set(tx.names(f"X {opening(claim)}")) - {"x"}
    if not subject:
        return ""
    for pattern in _SAID:
        for match in pattern.finditer(quotes):
            words, who = _run(match.group("words")), match.group("who")
            surname = set(tx.names(f"X {who.split()[-1]}")) - {"x"}
            shared = len(words.split()) == _WORDS_SHARED and words in " ".join(tx.tokens(claim))
            if shared and surname and not surname & set(tx.names(f"X {claim}")) and not surname & subject:
                return (
                    f"the quote gives “{match.group('words').strip()}” to {who.split()[-1]}, not to the claim's subject"
                )
    return ""
