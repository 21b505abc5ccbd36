"""What a claim adds in passing: a phrase set off by commas ("…, using satellite measurements, cited …")
that tells how, with what or why, though the quote says nothing of it. A writer's aside reads as a detail
the quote gives, and a word-overlap model passes it with the rest of the sentence."""

from __future__ import annotations

import re

from .. import text as tx

# A phrase set off by commas that opens on a word of manner, means or cause (a closed class of English),
# or on a participle in -ing: ", using X,", ", with the help of X,", ", because of X,", ", hoping to X,".
_ASIDE = re.compile(
    r",\s+(?P<phrase>(?:using|with|by|via|through|after|because\s+of|due\s+to|thanks\s+to|following|in\s+order\s+to|"
    # a relative clause tells something more of the noun it hangs on (", where he met X to discuss Y")
    r"where|which|who|whom|whose|when|"
    r"[a-z]{3,}ing)\b[^,;]*?)(?=,|;|\.?$)"
)
_NOT_ASIDE = frozenset("including according regarding during concerning".split())


def unsaid_aside(claim: str, quotes: str) -> str:
    """Why the claim’s aside is its own detail: more than half of its content words are in no
    quote. Empty when it has none, or the quotes give it."""
    given = tx.terms(quotes)
    for match in _ASIDE.finditer(claim):
        phrase = match.group("phrase")
        if tx.tokens(phrase)[:1] and tx.tokens(phrase)[0] in _NOT_ASIDE:
            continue
        words = tx.terms(phrase)
        unsaid = {w for w in words if not any(w == g or tx.same_start(w, g) for g in given)}
        if 2 * len(unsaid) > len(words):
            return f"adds “{phrase}”, which the quote does not give"
    return ""
