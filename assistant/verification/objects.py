"""What a verb acts on: a claim's object that the quote names only as where the verb's object went."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import text as tx
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
    return _other_for(claim, " ".join(quotes))


_TOKENS = re.compile(r"[a-z][\w'’-]*|\d[\d,.]*|[,.;:()“”\"]")
_FOR_WHAT = frozenset("for with".split())  # "paid for X", "replaced with X": what the act is on or by


def _for_what(text: str) -> dict[str, list[tuple[str, str]]]:
    """Verb lemma -> (the head of what it is "for"/"with", the phrase) for each verb followed within four words
    by "for" or "with" and a noun phrase: "paid for a new cable costing …" gives pay -> (cabl, "a new cable")."""
    words = _TOKENS.findall(tx.fold(text))
    found: dict[str, list[tuple[str, str]]] = {}
    for i, word in enumerate(words):
        if not may_be_verb(word) or word in tx.stopwords():
            continue
        at = next((k for k in range(i + 1, min(i + 5, len(words))) if words[k] in _FOR_WHAT), None)
        if at is None or any(not re.match(r"[\w]", w) for w in words[i + 1 : at]):
            continue
        if at + 1 >= len(words) or words[at + 1] not in DETERMINERS:
            continue  # "responsibility for | left three dead": no noun phrase of its own follows
        run = []
        for w in words[at + 1 : at + 6]:
            if not re.match(r"[a-z]", w) or (run and (w in tx.stopwords() or _verb_only(w))):
                break
            run.append(w)
        content = [w for w in run if w not in tx.stopwords()]
        if content:
            found.setdefault(_lemma(word), []).append((tx.stem_words(content[-1:])[0], " ".join(run)))
    return found


def _lemma(verb: str) -> str:
    """ "paid" and "pay" are one verb."""
    from lemminflect import getLemma

    return (getLemma(verb, upos="VERB") or (verb,))[0]


def _verb_only(word: str) -> bool:
    """ "costing" after "a new cable" starts a clause; "winding" in "a new winding engine" does not."""
    from lemminflect import getAllLemmas

    return word.endswith(("ing", "ed")) and set(getAllLemmas(word)) <= {"VERB"}


def _other_for(claim: str, quotes: str) -> str:
    """ "The board paid 4,100 crowns for a new winding engine" where the quote's board "paid for a new cable
    costing 4,100 crowns": what the act was for is another thing, which the quote never names."""
    given, held = _for_what(quotes), tx.terms(quotes)
    for verb, pairs in _for_what(claim).items():
        for head, phrase in pairs:
            theirs = given.get(verb, [])
            if theirs and head not in held and all(h != head for h, _ in theirs):
                return f"the quote has it for {theirs[0][1]}, not {phrase}"
    return ""
