"""What a verb acts on: a claim's object that the quote names only as where the verb's object went."""

from __future__ import annotations

from collections.abc import Sequence

from .relations import DETERMINERS, Word, may_be_verb, parse_words

# Prepositions after which a name is where something goes or lies, not what a verb acts on: "captured
# streams down to the Vosges" captured the streams. Not "of" ("the city of Kabul" is Kabul), nor
# "including"/"such as" (what is listed is part of the object).
_PATH = frozenset("to into toward towards down up across through past beyond near onto along".split())
OBJECT_RUN = 4  # content words in a row after a verb: its object ("gave the Taliban money" gives money too)


def _object_after(words: list[Word], i: int) -> tuple[set[str], int, str] | None:
    """The stems of the content words right after a verb (its determiners skipped) and where they end;
    None when a preposition, a boundary or nothing follows (no object: "flows into X"); and its words."""
    j = i + 1
    while j < len(words) and words[j].plain in DETERMINERS:
        j += 1
    first = j
    while j < len(words) and j - first < OBJECT_RUN and words[j].stem and not words[j].plain.isdigit():
        j += 1
    run = {w.stem for w in words[first:j]}
    return (run, j, " ".join(w.plain for w in words[first:j])) if run else None


def other_object(claim: str, quotes: Sequence[str]) -> str:
    """A claim whose verb acts on what the quote names only as where the verb's object went ("The Rhine
    captured the Vosges Mountains" from "the Rhine had captured streams down to the Vosges Mountains")."""
    c = parse_words(claim)
    for i, word in enumerate(c):
        if word.name or not word.stem or not may_be_verb(word.plain):
            continue
        claimed = _object_after(c, i)
        if claimed is None:
            continue
        for q in (parse_words(quote) for quote in quotes):
            for j in (j for j, w in enumerate(q) if w.stem == word.stem and not w.name):
                found = _object_after(q, j)
                if found is None or found[0] & claimed[0]:
                    continue
                end = found[1]
                while end < len(q) and q[end].plain in _PATH:
                    end += 1
                later = {w.stem for w in q[end : end + 6] if w.stem}
                if end > found[1] and claimed[0] <= later:
                    return f"the quote has {q[j].plain} {found[2]}, not {claimed[2]}"
    return ""
