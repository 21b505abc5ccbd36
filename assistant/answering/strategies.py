"""The ways an answer is made, tried in order until one gives an outcome.

Each strategy reads the question's `Plan` and the screened evidence of one `Attempt`, may stream
`Progress` (only verified sentences), and returns an `Outcome` or None to pass the question on:

1. `Denial`: the question rests on what the evidence denies: the denial, quoted.
2. `Quote`: an evidence sentence the judge finds answers the question is its own proof, after the exact
   words that answer (quote-first style only).
3. `Closest`: sentences about the question that the judge found do not answer it: a refusal in plain
   words that shows them (a question a span answers).
4. `Unconfirmed`: the question assumes what no evidence sentence confirms: the closest sentences, under
   a lead that says so.
5. `SpanRefusal`: a question one span answers that no sentence answers as it stands is refused, not
   written (quote-first style, unless `write_span_answers`).
6. `Written`: the model writes; the judge passes each sentence before it is shown.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .. import text as tx
from ..models.llms import LLM, citation_grammar
from ..models.prompts import Prompts
from ..retrieval.retrieve import format_evidence
from ..schema import Citation, Evidence, Progress, Timings, Usage
from ..settings import Settings
from ..verification import citations as cite
from ..verification.judge import Judge
from ..verification.premises import (
    ASSUMPTION_SENTENCES,
    CONFIRMED,
    CORRECTIONS,
    LEAD,
    UNCONFIRMED_LEAD,
    actor,
    closest,
    corrections,
)
from ..verification.review import Review
from .plan import Plan
from .quoting import Findings, quote_answer, unmatched_names

REFUSAL = "The articles don't answer this."
_BOUNDARY = re.compile(r"[.!?\]\n]")  # a piece that may close a sentence


@dataclass
class Attempt:
    """One question's answer in the making, shared by the strategies tried on it."""

    plan: Plan
    evidence: list[Evidence]  # what the strategies draw on (the model's writing narrows it)
    timings: Timings
    usage: Usage
    started: float
    base: dict  # the answer's fields known before any strategy runs (question, evidence, model, ...)
    writer_evidence: Callable[[], list[Evidence]] | None = None  # what the model writes from, if not `evidence`
    found: Findings = field(default_factory=Findings)
    max_calls: int = 0  # the answer's budget of model calls (0: none)

    def spent(self) -> bool:
        """Whether the answer's budget of model calls is spent: what needs the model does not start."""
        return bool(self.max_calls) and self.usage.model_calls >= self.max_calls

    def shown(self) -> None:
        """Words are about to reach the user: the time to the first token."""
        if self.timings.first_token is None:
            self.timings.first_token = ms(self.started)


@dataclass
class Outcome:
    """What a strategy made: an answer (`mode` extractive or generated) or a refusal."""

    mode: str
    text: str = ""
    citations: list[Citation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    closest: Sequence[Evidence] = ()  # a refusal's sentences about the question, shown first

    @property
    def refused(self) -> bool:
        return self.mode == "refused"


class Strategy(Protocol):
    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        """Streams what may be shown already (verified sentences only); returns the outcome, or None to
        leave the question to the next strategy. Strategies that show nothing early still stream (none)."""
        ...


@dataclass
class Denial:
    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        yield from ()
        denied = corrections(attempt.plan.premises, attempt.evidence)
        if not denied:
            return None
        return Outcome("extractive", *cite.quote_evidence(denied, lead=LEAD))


@dataclass
class Quote:
    judge: Judge
    settings: Settings

    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        quoted = yield from quote_answer(
            self.judge, self.settings, attempt.plan, attempt.evidence, attempt.shown, attempt.found, attempt.spent
        )
        return None if quoted is None else Outcome("extractive", *quoted)


@dataclass
class Closest:
    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        yield from ()
        found = attempt.found.closest
        if not (found and attempt.plan.span):
            return None
        # A model asked to write would restate them.
        dropped = [f"{ev.text} ({why})" for ev, why in found]
        return Outcome("refused", attempt.plan.refusal, dropped=dropped, closest=[ev for ev, _ in found])


@dataclass
class Unconfirmed:
    judge: Judge

    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        """Asked before the model writes: an explanation of what never happened must not reach the user,
        not even in a stream. Only a judge model can tell whether a sentence confirms the assumption."""
        yield from ()
        assumed = attempt.plan.assumption
        if not assumed or self.judge.scorer is None or not attempt.evidence or attempt.spent():
            return None
        candidates = closest(assumed, attempt.evidence, ASSUMPTION_SENTENCES)
        if any(self.judge.confirms(assumed, ev.text) >= CONFIRMED for ev in candidates):
            return None
        # The sentence closest to the assumption has another actor ("India closed its consulates" for "Why
        # did China shut its consulates?"), and none around it names the asked one: there is no assumption
        # to hedge, so it is refused with that sentence as the closest text. Places are left out: a
        # sentence says "the country" for the Afghanistan it is about.
        subject = set(tx.names(f"Q {actor(attempt.plan.premises[0])}")) if attempt.plan.premises else set()
        if subject & set(unmatched_names(self.judge, attempt.plan.question, candidates[:1])):
            return Outcome("refused", attempt.plan.refusal, closest=candidates[:CORRECTIONS])
        return Outcome("extractive", *cite.quote_evidence(candidates[:CORRECTIONS], lead=UNCONFIRMED_LEAD))


@dataclass
class SpanRefusal:
    """The bundled models' written answers to such questions were wrong or answered the unanswerable
    (bench/results/written-for-span.txt). One that asks for several things is written."""

    settings: Settings

    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        yield from ()
        plan = attempt.plan
        if self.settings.write_span_answers or not plan.span or plan.several:
            return None
        return Outcome("refused", plan.refusal)


@dataclass
class Written:
    """The model writes from the evidence; `Progress` shows each sentence the judge passes. As a fallback
    (`fallback`: the writing style, not quote-first), the closest evidence is quoted if the judge finds
    it answers: a small model writes unsupported answers where the answer is there."""

    judge: Judge
    llm: LLM
    settings: Settings
    prompts: Prompts
    fallback: bool

    def run(self, attempt: Attempt) -> Generator[Progress, None, Outcome | None]:
        if attempt.spent():
            return Outcome("refused", REFUSAL, dropped=[f"(not written: {attempt.max_calls} model calls spent)"])
        if attempt.writer_evidence:
            attempt.evidence = attempt.writer_evidence()
        evidence = attempt.evidence
        plan, timings = attempt.plan, attempt.timings
        generate_start = time.perf_counter()
        review = Review(self.judge, plan.question, {ev.number: ev for ev in evidence}, strict=plan.span)
        # The judge may be the answering model itself: one llama context cannot judge while it writes.
        inline = self.judge.scorer is None or self.judge.scorer is not self.llm
        raw = ""
        grammar = citation_grammar(len(evidence), REFUSAL) if self.settings.constrain_citations else None
        messages = writer_messages(self.prompts, plan.question, evidence)
        stopped = closing = False
        for piece in self.llm.stream(messages, self.settings.max_tokens, grammar, usage=attempt.usage):
            attempt.shown()
            raw += piece
            # A sentence is whole once the next one starts (its markers may follow its full stop), so
            # the piece after a possible close is where it is judged.
            if inline and (closing or _BOUNDARY.search(piece)) and review.advance(cite.parse_claims(raw)[:-1]):
                yield review.progress()
            closing = bool(_BOUNDARY.search(piece))
            # The cap on what writing may cost: a model that refuses, or whose first sentence the judge
            # rejects, is stopped there (each further sentence costs seconds and rarely holds where the
            # first did not); the evidence is still quoted below if the judge finds it answers.
            if inline and (cite.is_refusal(raw) or (review.verdicts and not review.passed)):
                stopped = True
                break
        timings.generate = ms(generate_start)
        attempt.base["raw_output"] = raw
        claims = cite.parse_claims(raw)
        if review.advance(claims[:-1] if stopped else claims):
            yield review.progress()
        text, citations = review.visible()
        dropped = review.dropped
        if text:
            return Outcome("generated", text, citations, dropped)
        if review.shown_supported():
            dropped.append(f"{review.text()} (does not answer what was asked)")
        # Only a judge model can overrule a refusal; the rules alone cannot tell an answer from a sentence
        # on the topic.
        believed = cite.is_refusal(raw) and self.judge.scorer is None
        if self.fallback and not believed:
            quoted = yield from quote_answer(
                self.judge, self.settings, plan, evidence, attempt.shown, spent=attempt.spent
            )
            if quoted is not None:
                return Outcome("extractive", *quoted, dropped=dropped)
        return Outcome("refused", REFUSAL, dropped=dropped)


def writer_messages(prompts: Prompts, question: str, evidence: list[Evidence]) -> list[dict[str, str]]:
    """The chat the model writes an answer from: the system prompt, then the evidence and the question."""
    user = prompts.render("answer", evidence=format_evidence(evidence), question=question)
    return [{"role": "system", "content": prompts.text("system")}, {"role": "user", "content": user}]


def ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
