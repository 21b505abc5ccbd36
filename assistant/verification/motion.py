"""Which way a thing goes with respect to a place: into it, out of it, or past it.

"The river flows into the lake" is not "the river flows around the lake", nor "out of the lake": the
verb and the place are the same, and a word-overlap model reads them as the same claim. A claim that
pairs a verb and a place with a preposition of one class (to, from, by way of) where the quote pairs that
verb and place only with another class is not supported. Prepositions of one class stay alike ("into",
"to", "towards"): a paraphrase may swap them. A closed grammatical class of English; no wording of any
claim.
"""

from __future__ import annotations

import re

from .. import text as tx

_CLASS = {
    **dict.fromkeys("into to towards toward onto".split(), "towards"),
    **dict.fromkeys("from out_of off".split(), "away from"),
    **dict.fromkeys("through across along past via around round over under beneath".split(), "past"),
}
_TOKEN = re.compile(r"out\s+of|[a-z][a-z'’\-]*|[,;:.()]")
_PLACE_WORDS = 4  # words after the preposition that may name the place ("around the famous rock Lorelei")


def _motions(text: str) -> list[tuple[str, str, str, set[str]]]:
    """(verb stem, preposition class, preposition, the place's content stems) for each verb followed at
    once by a preposition of motion."""
    words = [re.sub(r"\s+", "_", w) for w in _TOKEN.findall(tx.fold(text))]
    stop = tx.stopwords()
    found = []
    for i, word in enumerate(words[1:], start=1):
        verb = words[i - 1]
        if word not in _CLASS or verb in stop or not verb[0].isalpha():
            continue
        place = []
        for nxt in words[i + 1 : i + 1 + _PLACE_WORDS]:
            if not nxt[0].isalpha() or nxt in _CLASS:
                break
            place.append(nxt)
        stems = set(tx.stem_words([w for w in place if w not in stop]))
        if stems:
            found.append((tx.stem_words([verb])[0], _CLASS[word], word.replace("_", " "), stems))
    return found


def moves(text: str) -> bool:
    """Whether the text has a verb followed at once by a preposition of motion ("flows through the lake", or
    "the valley the river flows through", its place before it)."""
    words = [re.sub(r"\s+", "_", w) for w in _TOKEN.findall(tx.fold(text))]
    stop = tx.stopwords()
    return any(
        w in _CLASS and len(v) > 2 and v[0].isalpha() and v not in stop and not tx.numbers(v)
        for v, w in zip(words, words[1:], strict=False)
    )


def motion_mismatch(claim: str, quotes: str) -> str:
    given = _motions(quotes)
    for verb, kind, prep, place in _motions(claim):
        same = [(k, p) for v, k, p, where in given if v == verb and where & place]
        if same and all(k != kind for k, _ in same):
            return f"the quote says {same[0][1]}, not {prep}"
    return ""


# A name after "from" (where a thing comes from) and after "for" or "to" (whom it goes to or serves).
_NAME_AFTER = r"\b{}\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){{0,4}}[A-Z][\w'’-]*)"
_FROM = re.compile(_NAME_AFTER.format("from"))
_FOR = re.compile(_NAME_AFTER.format("(?:for|to|towards|into)"))


def source_for_recipient(claim: str, quotes: str) -> str:
    """A claim that has something come from a name the quote has it go to or serve ("drew resources from
    the Empire" from "a source of resources for the Empire"): the transfer runs the other way."""
    received = {" ".join(m.split()) for m in _FOR.findall(quotes)}
    sent = {" ".join(m.split()) for m in _FROM.findall(quotes)}
    for name in _FROM.findall(claim):
        name = " ".join(name.split())
        if name in received and name not in sent:
            return f"the quote has it go to {name}, not come from it"
    return ""


# "By then the Rhine had captured the watershed from the Rhone": who took and whom it was taken from.
_TAKEN_FROM = re.compile(
    r"\b(?:the\s+)?([A-Z][\w'’-]*)\s+(?:had\s+|has\s+|have\s+)?([a-z]+ed)\b[^.;:]{0,80}?\bfrom\s+(?:the\s+)?([A-Z][\w'’-]*)"
)


def taker_swapped(claim: str, quotes: str) -> str:
    """A claim that has the party something was taken from take it ("the Rhone captured the watershed from
    the Rhine" from "the Rhine captured the watershed from the Rhone")."""
    given = {(tx.stem_words([v])[0], a, b) for a, v, b in _TAKEN_FROM.findall(quotes)}
    for taker, verb, source in _TAKEN_FROM.findall(claim):
        stem = tx.stem_words([verb])[0]
        if taker != source and (stem, source, taker) in given and (stem, taker, source) not in given:
            return f"the quote has {source} {verb} it from {taker}, not the other way round"
    return ""
