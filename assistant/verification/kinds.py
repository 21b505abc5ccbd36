"""What kind the quote counts a thing among: "herbivorous fish such as parrotfish …, while predators including
groupers …" counts parrotfish among the herbivores. A claim that calls it one of the other kind ("parrotfish act
as predators") says what the quote does not. Part of the judge's rules (`judge.rule_failure`)."""

from __future__ import annotations

import re

from .. import text as tx

# "<kind> such as / including / like <members>": one word of each member is enough to know it by.
_LISTED = re.compile(r"\b(?P<kind>[a-z][\w-]+)\s*,?\s+(?:such\s+as|including|like)\s+", re.I)
_MEMBER = re.compile(r"^(?:(?:the|a|an)\s+)?((?:[A-Z][\w’'-]*\s*)+|[\w’'-]+)\s*")
_JOINS = frozenset({",", "and", "or"})
# The claim puts a thing in a kind: "X act as predators", "X are predators", "X, a predator, …"
_CALLED = r"(?:\s+(?:acts?|acted|serves?|served|works?|worked)\s+as|\s+(?:is|are|was|were)|,)\s+(?:an?\s+|the\s+)?"


def _members(text: str) -> dict[str, tuple[str, set[str]]]:
    """Each kind's stem and the stems of the things the text lists under it: a name or a word, then a comma,
    "and" or "or" before the next, until a word that joins nothing ("parrotfish and surgeonfish keep …")."""
    found: dict[str, tuple[str, set[str]]] = {}
    for match in _LISTED.finditer(text):
        rest, members = re.split(r"[;:.()]", text[match.end() :])[0], []
        while (member := _MEMBER.match(rest)) and member.group(1).strip().lower() not in _JOINS:
            members.append(member.group(1))
            rest = rest[member.end() :]
            joined = re.match(r"^(?:,\s*)?(?:(?:and|or)\s+)?", rest)
            if not joined or not joined.group():
                break
            rest = rest[joined.end() :]
        kind = tx.stem_words([match.group("kind").lower()])[0]
        found.setdefault(kind, (match.group("kind").lower(), set()))[1].update(t for m in members for t in tx.terms(m))
    return found


def other_kind(claim: str, quotes: str) -> str:
    """The claim calls a thing one of a kind the quote lists other things under, while the quote lists the
    thing itself under another kind only; "" when the quote says no such thing."""
    listed = _members(quotes)
    if len(listed) < 2:
        return ""
    for kind, (called, members) in listed.items():
        for other, (named, theirs) in listed.items():
            if other == kind:
                continue
            for thing in theirs - members:
                pattern = rf"\b{re.escape(thing)}\w*(?:\s+[\w-]+)?{_CALLED}(?:[\w-]+\s+)?{re.escape(kind)}\w*"
                if re.search(pattern, tx.fold(claim)):
                    return f"the quote counts {thing} among {named}, not {called}"
    return ""
