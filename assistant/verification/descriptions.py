"""Who the quote says is what: "India is their strategic partner". A claim that gives the same description to
another name ("Pakistan is his strategic partner") says something the quote does not. Part of the judge's
rules (`judge.rule_failure`)."""

from __future__ import annotations

import re

from .. import text as tx
from ..retrieval.aliases import Aliases
from .relations import same_party

# "India is their strategic partner": who the quote says is what. A claim that gives the same description
# to another name says something the quote does not.
_IS = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?:is|was|are|were|remains|remained|became|has\s+been)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?((?:[a-z][\w\-]*(?:['’]s)?\s+){0,2}[a-z][\w\-]*)"
)


def _descriptions(text: str) -> list[tuple[set[str], tuple[str, ...], int]]:
    """(the name's terms, the description's stems, where the name starts) for "Name is [the] description"."""
    stop = tx.stopwords()
    found = []
    for match in _IS.finditer(text):
        # an owner ("the port's") says whose, not what: the description is the rest
        words = [w for w in match.group(2).split() if w not in stop and not re.search(r"['’]s$", w)]
        # "It was founded …": a pronoun that opens the sentence is no other name (it points back)
        if words and tx.terms(match.group(1)):
            found.append((tx.terms(match.group(1)), tuple(tx.stem_words(words)), match.start()))
    return found


def described_otherwise(claim: str, quotes: str, aliases: Aliases | None = None) -> str:
    """The claim gives a name a description ("Pakistan is his strategic partner") that the quote gives
    only to another name ("India is their strategic partner"), and the quote never puts the claim's name
    beside that description ("India and Pakistan are partners" names both)."""
    aliases = aliases or Aliases()
    given = _descriptions(quotes)
    for name, said, _ in _descriptions(claim):
        if not name:
            continue
        others = [(n, start) for n, d, start in given if d == said]
        if not others or any(n & name or any(same_party(a, b, aliases) for a in n for b in name) for n, _ in others):
            continue
        # the claim's name in the same clause before the description's subject: "X and Y are members"
        if any(tx.terms(re.split(r"[,;.:]", quotes[max(0, start - 80) : start])[-1]) & name for _, start in others):
            continue
        return f"the quote says another name is {' '.join(said)}"
    return ""
