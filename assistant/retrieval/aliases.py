"""Other names for the same thing, learned from the articles themselves.

News text defines its own aliases: "Tehrik-e-Taliban Pakistan (TTP)", "the Pakistani Taliban or TTP",
"Inter-Services Intelligence (ISI)", "X, also known as Y". These are read from the corpus at indexing
time, so retrieval can expand a question that uses one form and the judge can accept a claim that names
what its quote calls by another. A few metonyms every news reader knows ("Washington" for the US
government) are built in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import text as tx

# Capitalised words (hyphenated parts allowed), optionally joined by "of"/"and"/"for".
_NAME = r"[A-Z][\w’'\-]*(?:\s+(?:of|and|for|the|al|e)?\s*[A-Z][\w’'\-]*){0,6}"
_PATTERNS = (
    # Tehrik-e-Taliban Pakistan (TTP)
    re.compile(rf"(?P<long>{_NAME})\s*\(\s*(?P<short>[A-Z][A-Za-z\-]{{1,9}})\s*\)"),
    # the Pakistani Taliban or TTP
    re.compile(rf"(?P<long>{_NAME}),?\s+or\s+(?:the\s+)?(?P<short>[A-Z]{{2,10}})\b"),
    # X, also known as Y / X, known as Y
    re.compile(rf"(?P<long>{_NAME}),?\s+(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?(?P<short>{_NAME})"),
)
METONYMS = (
    frozenset({"us", "u.s", "usa", "america", "american", "americans", "washington", "united states"}),
    frozenset({"uk", "britain", "british", "united kingdom"}),
)
_LEADING = re.compile(r"^(?:The|A|An|Its|Their|His|Her)\s+")


class Aliases:
    """Groups of surface forms (folded) that name the same thing."""

    def __init__(self, groups: Iterable[frozenset[str]] = ()) -> None:
        self._of: dict[str, frozenset[str]] = {}
        self._learned: set[str] = set()  # forms the corpus defined (query expansion uses only these)
        groups = list(groups)
        self.groups = [sorted(group) for group in groups]  # as given: what is saved, and rebuilds it
        self._learned = {_norm(form) for group in groups for form in group}
        for group in [*METONYMS, *groups]:
            merged = {_norm(form) for form in group}
            for form in group:
                merged |= self._of.get(form, frozenset())
            frozen = frozenset(merged)
            for form in frozen:
                self._of[form] = frozen

    def of(self, form: str) -> frozenset[str]:
        """Every form of the name `form` (itself included)."""
        key = _norm(form)
        return self._of.get(key, frozenset({key}))

    def expand(self, text: str) -> list[str]:
        """The other forms of every alias found in `text` (for query expansion)."""
        folded = f" {_norm(text)} "
        extra: list[str] = []
        for form, group in self._of.items():
            if form in self._learned and f" {form} " in folded:
                extra += [
                    g for g in group if g in self._learned and g != form and f" {g} " not in folded and g not in extra
                ]
        return extra

    def found_in(self, name_stem: str, text: str) -> bool:
        """Whether a claim's name (a stem) is in `text` under another of its forms."""
        folded = f" {_norm(text)} "
        if any(_people_of(name_stem, word) or _people_of(word, name_stem) for word in set(folded.split())):
            return True  # "English" for "England", "Swedish" for "Sweden"
        for form, group in self._of.items():
            if name_stem not in (form, *tx.stem_words(form.split())):
                continue
            if any(f" {g} " in folded for g in group if g != form):
                return True
        return False

    def __len__(self) -> int:
        return len({id(g) for g in self._of.values()})


def _people_of(adjective: str, place: str) -> bool:
    """ "english"/"england", "scottish"/"scotland", "swedish"/"sweden": a people's adjective in "-ish" and its
    country in "-land" or "-en", the same start but for one letter (English's own pattern; "danish" is no
    "denmark" by it, and needs no rule of ours to be missed)."""
    if not adjective.endswith("ish") or len(adjective) < 5:
        return False
    base = adjective[:-3]
    for ending in ("land", "en"):
        if place.endswith(ending) and len(place) > len(ending) + 1:
            root = place[: -len(ending)]
            short, long = sorted((base, root), key=len)
            if long.startswith(short) and len(long) - len(short) <= 1:
                return True
    return False


def _norm(text: str) -> str:
    return " ".join(t.rstrip("'") for t in tx.tokens(text))  # "States’ mission": the name is "states"


def learn(texts: Iterable[str]) -> Aliases:
    groups = []
    for text in texts:
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                long, short = _LEADING.sub("", match["long"]).strip(), match["short"].strip()
                if _plausible(long, short, strict=pattern is not _PATTERNS[1]):
                    groups.append(frozenset({tx.fold(long), tx.fold(short)}))
    return Aliases(groups)


def _plausible(long: str, short: str, strict: bool) -> bool:
    """An acronym must be spelled by the long form's initials, in order ("Tehrik-e-Taliban Pakistan" ->
    TTP); after "or" ("the Pakistani Taliban or TTP", a translation) it need only start with one of them,
    but the long form must be a name of two words or more ("US or UK" is a choice, not an alias)."""
    if not long or not short or tx.fold(long) == tx.fold(short) or len(long.split()) > 7:
        return False
    initials = "".join(part[0] for part in re.split(r"[\s\-]+", long) if part).upper()
    if short.isupper():
        if strict:  # a parenthesised acronym may come from another language ("National Liberation Army (ELN)")
            return _subsequence(short.replace("-", ""), initials) or len(long.split()) >= 2
        return len(long.split()) >= 2 and short[0] in initials
    return strict and len(short.split()) <= 6


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short) and short[:1] == long[:1]
