"""The question, parsed once: what the answer strategies read about it.

A follow-up is first made standalone (`Assistant.rewrite`); everything after reads this plan instead of
parsing the question again: which clause is asked and which only sets the scene, whether a span of one
sentence can answer it, whether it asks for several things or only names what it asks about, and what
it takes for granted.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import text as tx
from ..verification import asking, short
from ..verification import citations as cite
from ..verification.premises import assumption, premises


@dataclass(frozen=True)
class Plan:
    question: str  # standalone, without a request about how to answer it
    asked: str  # the asked clause: "When X spoke, what share ...?" asks "what share ...?"
    span: bool  # a span of a sentence can answer (not why/how/explain, nor what was said or thought)
    several: bool  # asks for more than one thing ("which groups", "X and Y")
    lookup: bool  # only names what it asks about ("who is X"): repeating the name is part of the answer
    premises: tuple[str, ...]  # statements it takes for granted or asks to confirm
    assumption: str  # what a why/since question assumes, asked as a yes/no question; "" when none
    fragment: bool = False  # a chat line typed without capitals and without a question word first

    @property
    def refusal(self) -> str:
        """The refusal in plain words: what the articles don't say."""
        return short.refusal(self.question)


def plan(question: str) -> Plan:
    question = tx.mend_auxiliary(cite.asked(question))
    return Plan(
        question=question,
        asked=cite.main_clause(question),
        span=asking.wants_span(question),
        several=asking.asks_several(question),
        lookup=cite.is_lookup(question),
        premises=tuple(premises(question)),
        assumption=assumption(question),
        fragment=asking.is_fragment(question),
    )
