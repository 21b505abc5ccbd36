"""What a quote points back to: pronouns and demonstratives, and what a claim may take from the question
or the article about it (a negation that describes what "this promise" is, an attribution's names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import text as tx

# A quote that refers back anywhere: a personal pronoun, or an opening noun phrase that points back
# ("The lake is situated ...", "This section is ..."; not "The discharge of X").
PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their)\b")
POINTER = re.compile(r"^\W*(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose)\s+[a-z][\w-]*\s+(?!of\b)")


def refers(quote: str) -> bool:
    return bool(PRONOUN.search(tx.fold(quote)) or POINTER.search(quote))


def negation_referred_to(claim: str, quote: str, question: str, context: Sequence[str]) -> bool:
    """Whether the claim's negation is the question's own description of something the quote refers back
    to: "the pledge not to give X a base" asked about, "this promise" in the quote, and the sentence
    before saying "the promise not to provide X a place". The claim then denies nothing the quote says."""
    asked = tx.fold(question)
    negations = re.findall(r"\bnot\s+to\s+\w+", tx.fold(claim))
    if not negations or len(negations) != len(re.findall(r"\b(?:not|never|no)\b|n't", tx.fold(claim))):
        return False
    points_back = refers(quote) or _DEMONSTRATIVE.search(tx.fold(quote))
    return all(n in asked for n in negations) and bool(points_back) and any(tx.negated(c) for c in context[1:])


_DEMONSTRATIVE = re.compile(r"\b(?:this|these|such)\s+[a-z]{3,}")


_ACCORDING = re.compile(r"^\W*according\s+to\s+([^,]{3,120}),", re.IGNORECASE)


def attributed(claim: str, question: str, quote: str, article: str) -> set[str]:
    """The names of an attribution the question gives and the claim keeps ("According to the Stanford
    researcher quoted by The Daily Beast, …"), when one sentence of the article names them together with a
    speaker the quote names ("Ali Mir Asfandyar, postdoctoral fellow at Stanford University's …, told The
    Daily Beast" for a quote of Asfandyar's): who said it is checked there, what was said in the quote."""
    opener = _ACCORDING.match(claim)
    if opener is None or tx.fold(opener.group(1)) not in tx.fold(question):
        return set()
    given = set(tx.names(f"X {opener.group(1)}"))
    speakers = set(tx.names(f"X {quote}")) - {"x"}  # a name may open the quote
    for sentence in re.split(r"(?<=[.!?”\"])\s+", article):
        held = tx.terms(sentence) | tx.acronyms(sentence)
        if given and given <= held and speakers & held:
            return given
    return set()
