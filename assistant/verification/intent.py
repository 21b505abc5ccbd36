"""What was sought is not what was done: "leaders are seeking to forge ties" does not support "leaders
have forged ties". A verb the quote gives only as the aim of an attempt, a plan or a hope, which the claim
states as done, is overstated. The words of intent are a closed class of English verbs and nouns."""

from __future__ import annotations

import re

from .. import text as tx

# Words of intent: "seeking to forge", "tried to stop", "plans to open", "an attempt to seize", "efforts to build".
_AIM_WORDS = frozenset(
    "seek seeks seeking sought try tries trying tried attempt attempts attempting attempted aim aims aiming aimed "
    "plan plans planning planned hope hopes hoping hoped want wants wanting wanted intend intends intending "
    "intended strive strives striving strove bid bids effort efforts goal push pushing pushed looking looks looked "
    "wish wishes wished threaten threatens threatened vow vows vowed promise promises promised pledge pledges "
    "pledged".split()
)
_AIMING = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(_AIM_WORDS))})\s+to|(?:push|pushes|pushed|pushing)\s+for)\s+(?:\w+ly\s+)?([a-z]+)"
)
NEAR = 4  # words before a claim's verb in which a word of intent still governs it


def _lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word).get("VERB", ()))


def unattained(claim: str, quotes: str) -> str:
    """Why the claim states as done what the quote only gives as aimed at; empty when it does not."""
    folded = tx.fold(quotes)
    aimed = {}
    for match in _AIMING.finditer(folded):
        for lemma in _lemmas(match.group(1)):
            aimed[lemma] = match.group(0)
    if not aimed:
        return ""
    # a verb the quote also states outside an aim is said to be done
    outside = _AIMING.sub(" ", folded)
    done = {lemma for word in tx.tokens(outside) for lemma in _lemmas(word)}
    words = tx.tokens(claim)
    for i, word in enumerate(words):
        if i == 0 or words[i - 1] == "to" or word.endswith("ing"):
            continue  # an infinitive or a gerund states no deed done
        for lemma in _lemmas(word) & aimed.keys() - done:
            if not set(words[max(0, i - NEAR) : i]) & _AIM_WORDS:
                return f"the quote only says “{aimed[lemma]}”, not that it was done"
    return ""


# An aim named by a noun: "Establishing natural borders on the Rhine was a long-term goal of …", "the
# bridges were also an objective of the operation", "… goal: eliminating the influence of …".
_AIM_NOUN_WORDS = frozenset(
    "goal goals aim aims objective objectives ambition ambitions dream dreams intention intentions aspiration "
    "aspirations".split()
)
_AIM_NOUNS = "|".join(sorted(_AIM_NOUN_WORDS))
_IS_AIM = re.compile(
    r"(?P<aimed>[^,;:()–—]+?)\s+(?:was|is|were|are|remains|remained|became|has\s+been|had\s+been)\s+(?:also\s+)?"
    rf"(?:(?:a|an|the|one|its|their|his|her)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_AIM_NOUNS})\b"
    rf"|\b(?:{_AIM_NOUNS})\s*:\s*(?P<after>[^.;]+)"
)


def aimed_only(claim: str, quotes: str) -> str:
    """Why the claim states as done, or as so, what the quote names only as an aim ("was a long-term goal
    of …"); empty when it does not. A claim that speaks of the aim (any word of intent) is left to the rest."""
    folded = tx.fold(quotes)
    words = set(tx.tokens(claim))
    if words & (_AIM_WORDS | _AIM_NOUN_WORDS):
        return ""
    for match in _IS_AIM.finditer(folded):
        aimed_text = match.group("aimed") or match.group("after")
        outside = folded[: match.start()] + " " + folded[match.end() :]
        # the object of the aim, stated nowhere else in the quote, is what the claim states
        aimed = tx.terms(aimed_text) - tx.terms(outside)
        if aimed & tx.terms(claim):
            return f"the quote gives “{' '.join(aimed_text.split()[-6:])}” only as an aim"
    return ""
