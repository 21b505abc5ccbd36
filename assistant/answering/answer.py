"""The question-to-answer pipeline: rewrite follow-ups, retrieve, ask the model, keep only what is cited."""

from __future__ import annotations

import re
import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import replace

from .. import text as tx
from ..errors import QuestionError
from ..schema import Answer, Citation, Evidence, Progress, Timings, Turn, Usage
from ..settings import Settings
from . import citations as cite
from . import short
from .conflicts import disagreements
from .directives import form as directive_form
from .injection import Screen
from .judge import Judge
from .llms import LLM, citation_grammar, complete
from .premises import (
    ASSUMPTION_SENTENCES,
    CONFIRMED,
    CORRECTIONS,
    LEAD,
    UNCONFIRMED_LEAD,
    assumption,
    closest,
    corrections,
)
from .prompts import Prompts
from .quoting import Findings, quote_answer
from .retrieve import RARE_TERM, Hit, Retriever, build_evidence, format_evidence
from .review import Review

REFUSAL = "The articles don't answer this."
PROMPT_OVERHEAD = 32  # chat-template tokens around the messages
MIN_EVIDENCE_TOKENS = 60  # below this no evidence sentence fits: refuse the question, not the answer
_BOUNDARY = re.compile(r"[.!?\]\n]")  # a piece that may close a sentence


class Assistant:
    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        llm: LLM,
        prompts: Prompts | None = None,
        judge: Judge | None = None,
        screen: Screen | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.prompts = prompts or Prompts()
        self.judge = judge or Judge(None, self.prompts)
        self.screen = screen or Screen(None, self.prompts)

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        for item in self.stream(question, history):
            if isinstance(item, Answer):
                return item
        raise AssertionError("stream ended without an answer")

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[Progress | Answer]:
        """Yields `Progress` (only sentences the judge has passed) while the model writes, then the `Answer`."""
        started = time.perf_counter()
        question = self._validate(question)
        standalone = cite.asked(self.rewrite(question, history) if history else question)
        budget = self._evidence_budget(standalone)
        hits = self.retriever.search(standalone, self.settings.top_k)
        # A sentence that instructs an AI or the reader is data about the page, never evidence.
        screened = [
            s for s in dict.fromkeys(h.article.sentence(h.index) for h in hits) if self.screen.is_instruction(s)
        ]
        hits = [h for h in hits if h.article.sentence(h.index) not in screened]
        evidence = self._screened(build_evidence(hits, budget, self._counter()), screened)
        timings = Timings(retrieve=_ms(started))
        base = {"question": question, "standalone_question": standalone, "model": self.llm.name}
        base["evidence"] = [cite.to_citation(ev.number, ev) for ev in evidence]
        base["judge"] = self.judge.name
        usage = Usage()
        if not self.relevant(standalone, hits):
            timings.total = _ms(started)
            yield self._refusal(base, hits, timings, usage)
            return
        yield Progress()

        # Quoting first: an evidence sentence the judge finds answers the question is its own proof, and
        # a small model asked to write refuses or strays where that sentence is plain (README: answers).
        quote_first = self.settings.answer_style == "quote" and self.judge.scorer is not None
        # A question resting on what the evidence denies gets the denial, not an answer built on it.
        denied = corrections(standalone, evidence)
        found = Findings()
        if denied:
            quoted = cite.quote_evidence(denied, lead=LEAD)
        else:
            quoted = (
                (yield from self._extractive(standalone, evidence, timings, started, found)) if quote_first else None
            )
        if quoted is None and found.closest and short.wants_span(standalone):
            # Sentences about the question that the judge finds do not answer it: refused now, in plain
            # words, with them as the closest text (a model asked to write would restate them).
            base["dropped"] = [f"{ev.text} ({why})" for ev, why in found.closest]
            timings.total = _ms(started)
            closest = [ev for ev, _ in found.closest]
            yield self._refusal(base, hits, timings, usage, short.refusal(standalone), closest)
            return
        if quoted is None:
            quoted = self._unconfirmed(standalone, evidence)
        if quoted is None and quote_first and self._refuse_unquoted(standalone):
            timings.total = _ms(started)
            yield self._refusal(base, hits, timings, usage, short.refusal(standalone))
            return
        if quoted is not None:
            (text, citations), mode, dropped = quoted, "extractive", []
            if timings.first_token is None:
                timings.first_token = _ms(started)
        else:
            if quote_first:  # the model writes as a fallback: from the best sentences only, for speed
                small = min(budget, self.settings.written_evidence_tokens)
                evidence = self._screened(build_evidence(hits, small, self._counter()), screened)
            text, citations, mode, dropped = yield from self._written(
                standalone, evidence, base, timings, usage, started, fallback=not quote_first
            )
        if text:
            note = disagreements(standalone, citations, evidence, hits, self.retriever.document_frequency)
            if note:
                text, citations = cite.append_note(text, citations, note)
            text, citations = self._checked(text, citations)
        base["dropped"] = dropped + [f"{s} (instructs an AI or the reader: not evidence)" for s in screened]
        timings.total = _ms(started)
        if not text:
            yield self._refusal(base, hits, timings, usage)
            return
        span = found.short
        if span is not None and not any(c.marker == span.marker and c.article == span.article for c in citations):
            span = None  # its citation did not survive the last check
        yield Answer(
            **base,
            answer=text,
            refused=False,
            citations=citations,
            timings_ms=timings,
            usage=usage,
            mode=mode,
            short_answer=span if mode == "extractive" else None,
        )

    def _refuse_unquoted(self, question: str) -> bool:
        """A question one span answers, that no evidence sentence answers as it stands, is refused rather
        than written: the bundled models' written answers to such questions were wrong or answered the
        unanswerable (bench/results/written-for-span.txt). One that asks for several things is written."""
        return not self.settings.write_span_answers and short.wants_span(question) and not short.asks_several(question)

    def _written(
        self,
        question: str,
        evidence: list[Evidence],
        base: dict,
        timings: Timings,
        usage: Usage,
        started: float,
        fallback: bool,
    ) -> Generator[Progress, None, tuple[str, list[Citation], str, list[str]]]:
        """The model writes; `Progress` shows each sentence the judge passes. Returns what may be shown
        (empty when nothing holds), the mode, and the dropped sentences with their reasons."""
        generate_start = time.perf_counter()
        review = Review(self.judge, question, {ev.number: ev for ev in evidence}, strict=short.wants_span(question))
        # The judge may be the answering model itself: one llama context cannot judge while it writes.
        inline = self.judge.scorer is None or self.judge.scorer is not self.llm
        raw = ""
        grammar = citation_grammar(len(evidence), REFUSAL) if self.settings.constrain_citations else None
        messages = self._messages(question, evidence)
        stopped = closing = False
        for piece in self.llm.stream(messages, self.settings.max_tokens, grammar, usage=usage):
            if timings.first_token is None:
                timings.first_token = _ms(started)
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
        timings.generate = _ms(generate_start)
        base["raw_output"] = raw
        claims = cite.parse_claims(raw)
        if review.advance(claims[:-1] if stopped else claims):
            yield review.progress()
        text, citations = review.visible()
        dropped = review.dropped
        if text:
            return text, citations, "generated", dropped
        if review.shown_supported():
            dropped.append(f"{review.text()} (does not answer what was asked)")
        # A small model writes unsupported answers where the answer is there, and refuses evidence that
        # does answer: the closest evidence is quoted if the judge finds it answers. Only a judge model
        # can overrule a refusal; the rules alone cannot tell an answer from a sentence on the topic.
        believed = cite.is_refusal(raw) and self.judge.scorer is None
        extract = None
        if fallback and not believed:
            extract = yield from self._extractive(question, evidence, timings, started)
        if extract is None:
            return "", [], "refused", dropped
        return *extract, "extractive", dropped

    # --- stages --------------------------------------------------------------------------------------

    def _validate(self, question: str) -> str:
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: undecodable bytes in argv or a broken client
            raise QuestionError("the question is not valid text (it holds bytes that are not UTF-8)") from None
        question = " ".join(question.split())
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question is too long ({len(question)} characters; limit "
                f"ASSISTANT_MAX_QUESTION_CHARS={self.settings.max_question_chars})"
            )
        return question

    def _screened(self, evidence: list[Evidence], screened: list[str]) -> list[Evidence]:
        """The evidence without instruction-like sentences (neighbours included), renumbered 1..n."""
        kept = []
        for ev in evidence:
            if ev.text in screened or self.screen.is_instruction(ev.text):
                if ev.text not in screened:
                    screened.append(ev.text)
                continue
            kept.append(ev)
        return [replace(ev, number=n) for n, ev in enumerate(kept, start=1)]

    def _evidence_budget(self, question: str) -> int:
        """Evidence tokens that fit the model's context next to the prompt, the question and the answer."""
        count = self._counter()
        window = getattr(self.llm, "n_ctx", None) or self.settings.n_ctx
        fixed = count(self.prompts.text("system")) + count(
            self.prompts.render("answer", evidence="", question=question)
        )
        room = window - fixed - self.settings.max_tokens - PROMPT_OVERHEAD
        if room < MIN_EVIDENCE_TOKENS:
            raise QuestionError(
                f"the question is too long for the model's context window ({window} tokens; ASSISTANT_N_CTX)"
            )
        return min(self.settings.evidence_tokens, room)

    def rewrite(self, question: str, history: Sequence[Turn]) -> str:
        """A follow-up question made standalone with the conversation; the question itself if that fails."""
        turns = list(history)[-self.settings.history_turns :] if self.settings.history_turns else []
        if not turns:
            return question
        lines = []
        for turn in turns:
            lines += [f"User: {turn.question}", f"Assistant: {cite.strip_markers(turn.answer)[:400]}"]
        prompt = self.prompts.render("condense", history="\n".join(lines), question=question)
        messages = [{"role": "system", "content": self.prompts.text("system")}, {"role": "user", "content": prompt}]
        rewritten = complete(self.llm, messages, max_tokens=60).strip().splitlines()
        candidate = rewritten[0].strip().strip('"').strip() if rewritten else ""
        # A small model sometimes answers instead of rewriting ("The network was CNN."): a statement is not
        # the question, so the follow-up is asked with the previous question beside it instead.
        asks = candidate.endswith("?") and len(candidate) <= 3 * len(question) + 200
        if not asks or cite.is_refusal(candidate):
            return f"{question} ({_subject(turns[-1].question)})"
        return candidate

    def _messages(self, question: str, evidence: list[Evidence]) -> list[dict[str, str]]:
        user = self.prompts.render("answer", evidence=format_evidence(evidence), question=question)
        return [{"role": "system", "content": self.prompts.text("system")}, {"role": "user", "content": user}]

    def _checked(self, text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
        """Last gate before the user: every citation must be verbatim at its offsets in the stored article."""
        texts = {a.file: a.text for a in self.retriever.index.articles().values()}
        bad = {c.marker for c in citations if not cite.check_citation(c, texts.get(c.article, ""))}
        if not bad:
            return text, citations
        return cite.without_markers(text, bad), [c for c in citations if c.marker not in bad]

    def _extractive(
        self, question: str, evidence: list[Evidence], timings: Timings, started: float, found: Findings | None = None
    ) -> Generator[Progress, None, tuple[str, list[Citation]] | None]:
        """The evidence sentences that answer, quoted verbatim after the exact words that answer
        (`quoting.quote_answer`); None when none does."""

        def shown() -> None:
            if timings.first_token is None:
                timings.first_token = _ms(started)

        return (yield from quote_answer(self.judge, self.settings, question, evidence, shown, found))

    def _unconfirmed(self, question: str, evidence: list[Evidence]) -> tuple[str, list[Citation]] | None:
        """For a question assuming what no evidence sentence confirms ("Why did X do Y?"), the sentences
        closest to the assumption, quoted under a lead that says so; None when it is confirmed, assumes
        nothing, or there is no judge model to ask. Asked before the model writes: an explanation of
        what never happened must not reach the user, not even in a stream."""
        assumed = assumption(question)
        if not assumed or self.judge.scorer is None or not evidence:
            return None
        candidates = closest(assumed, evidence, ASSUMPTION_SENTENCES)
        if any(self.judge.confirms(assumed, ev.text) >= CONFIRMED for ev in candidates):
            return None
        return cite.quote_evidence(candidates[:CORRECTIONS], lead=UNCONFIRMED_LEAD)

    def relevant(self, question: str, hits: list[Hit]) -> bool:
        """Worth asking the model: the best sentence is close in meaning, or it holds a rare word of the
        question (a name, mostly: short name questions embed far from the sentences that answer them)."""
        if not hits:
            return False
        if max(h.cosine for h in hits) >= self.settings.min_relevance:
            return True
        asked = tx.terms(question)
        found = set().union(*(tx.terms(h.article.sentence(h.index)) for h in hits)) & asked
        return any(self.retriever.is_name(t) and self.retriever.document_frequency(t) <= RARE_TERM for t in found)

    def _refusal(
        self,
        base: dict,
        hits: list[Hit],
        timings: Timings,
        usage: Usage,
        text: str = REFUSAL,
        closest: Sequence[Evidence] = (),
    ) -> Answer:
        """A refusal; `closest`: sentences about the question that do not answer it, shown first."""
        nearest = [(ev.article, ev.index) for ev in closest]
        nearest += [
            (h.article, h.index)
            for h in hits
            if (h.article, h.index) not in nearest and directive_form(h.article.sentence(h.index)) == "news"
        ]
        see_also = [
            cite.to_citation(n, Evidence(number=n, article=article, index=index))
            for n, (article, index) in enumerate(nearest[:3], start=1)
        ]
        return Answer(
            **base,
            answer=text,
            refused=True,
            mode="refused",
            citations=[],
            see_also=see_also,
            timings_ms=timings,
            usage=usage,
        )

    def _counter(self):
        count = getattr(self.llm, "count_tokens", None)
        if count is None:
            from .retrieve import approx_tokens

            return approx_tokens
        return count


def _subject(question: str) -> str:
    """What an earlier question was about, to stand beside a follow-up: its names ("Noor Wali Mehsud"),
    else its words without the question word."""
    runs = re.findall(r"(?<!^)\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", question.strip())
    return ", ".join(dict.fromkeys(runs)) or re.sub(r"^\W*\w+\s+", "", question.strip()).rstrip("?")


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
