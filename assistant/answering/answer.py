"""The question-to-answer pipeline: rewrite follow-ups, retrieve, ask the model, keep only what is cited."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace

from .. import text as tx
from ..casing import recase
from ..errors import QuestionError
from ..models.llms import LLM, Metered, complete
from ..models.prompts import Prompts
from ..retrieval.retrieve import RARE_TERM, Hit, Retriever, build_evidence
from ..schema import Answer, Citation, Evidence, Progress, Timings, Turn, Usage
from ..settings import Settings
from ..verification import citations as cite
from ..verification.directives import form as directive_form
from ..verification.injection import Screen
from ..verification.judge import Judge
from .conflicts import disagreements
from .plan import plan
from .strategies import (
    REFUSAL,
    Attempt,
    Closest,
    Denial,
    Outcome,
    Quote,
    SpanRefusal,
    Strategy,
    Unconfirmed,
    Written,
    ms,
)

PROMPT_OVERHEAD = 32  # chat-template tokens around the messages
MIN_EVIDENCE_TOKENS = 60  # below this no evidence sentence fits: refuse the question, not the answer


# A question that points at one article by its headline ("in the piece on …"): retrieval finds which.
_NAMES_AN_ARTICLE = re.compile(r"\b(?:article|piece|story|report|headline|column|op-ed)\b", re.IGNORECASE)


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
        parsed = plan(self.rewrite(question, history) if history else question)
        standalone = parsed.question
        budget = self._evidence_budget(standalone)
        hits = self.retriever.search(standalone, self.settings.top_k)
        # "according to the article on America's Taliban dilemma": the answer is that article's to give
        named = self.retriever.named_articles(standalone) if _NAMES_AN_ARTICLE.search(standalone) else []
        if any(h.article.doc_id in named for h in hits):
            hits = [h for h in hits if h.article.doc_id in named]
        # Retrieval ignores case; the checks of names read capitals, so a fragment typed in lower case
        # takes the articles' own capitals for the names it uses.
        recased = recase(standalone, list({h.article.doc_id: h.article.text for h in hits}.values()))
        if recased != standalone:  # still the chat fragment it was typed as
            parsed = replace(plan(recased), fragment=parsed.fragment)
            standalone = parsed.question
        # A sentence that instructs an AI or the reader is data about the page, never evidence.
        screened = [
            s for s in dict.fromkeys(h.article.sentence(h.index) for h in hits) if self.screen.is_instruction(s)
        ]
        hits = [h for h in hits if h.article.sentence(h.index) not in screened]
        evidence = self._screened(build_evidence(hits, budget, self._counter()), screened)
        timings = Timings(retrieve=ms(started))
        base = {"question": question, "standalone_question": standalone, "model": self.llm.name}
        base["evidence"] = [cite.to_citation(ev.number, ev) for ev in evidence]
        base["judge"] = self.judge.name
        usage = Usage()
        if not self.relevant(standalone, hits):
            timings.total = ms(started)
            yield self._refusal(base, hits, timings, usage)
            return
        yield Progress()

        # Quoting first: an evidence sentence the judge finds answers the question is its own proof, and
        # a small model asked to write refuses or strays where that sentence is plain (README: answers).
        quote_first = self.settings.answer_style == "quote" and self.judge.scorer is not None

        def writer_evidence() -> list[Evidence]:
            # The model writes as a fallback: from the best sentences only, for speed.
            small = min(budget, self.settings.written_evidence_tokens)
            return self._screened(build_evidence(hits, small, self._counter()), screened)

        # Every model call from here on counts in the answer's usage (one meter for a model that both
        # writes and judges: the writer must still see that it is the judge).
        llm = Metered(self.llm, usage)
        scorer = self.judge.scorer
        judge = replace(self.judge, scorer=llm if scorer is self.llm else scorer and Metered(scorer, usage))
        attempt = Attempt(parsed, evidence, timings, usage, started, base, writer_evidence if quote_first else None)
        attempt.max_calls = self.settings.max_model_calls
        outcome = Outcome("refused", REFUSAL)
        for strategy in self.strategies(quote_first, judge, llm):
            made = yield from strategy.run(attempt)
            if made is not None:
                outcome = made
                break
        text, citations = ("", []) if outcome.refused else (outcome.text, outcome.citations)
        if outcome.mode == "extractive":
            attempt.shown()
        if text:
            note = disagreements(standalone, citations, attempt.evidence, hits, self.retriever.document_frequency)
            if note:
                text, citations = cite.append_note(text, citations, note)
            text, citations = self._checked(text, citations)
        base["dropped"] = outcome.dropped + [f"{s} (instructs an AI or the reader: not evidence)" for s in screened]
        timings.total = ms(started)
        if not text:
            words = outcome.text if outcome.refused else REFUSAL
            yield self._refusal(base, hits, timings, usage, words, outcome.closest)
            return
        span = attempt.found.short
        if span is not None and not any(c.marker == span.marker and c.article == span.article for c in citations):
            span = None  # its citation did not survive the last check
        yield Answer(
            **base,
            answer=text,
            refused=False,
            citations=citations,
            timings_ms=timings,
            usage=usage,
            mode=outcome.mode,
            short_answer=span if outcome.mode == "extractive" else None,
        )

    def strategies(self, quote_first: bool, judge: Judge, llm: LLM) -> list[Strategy]:
        """The ways to answer, in the order they are tried (`strategies` module)."""
        chain: list[Strategy] = [Denial()]
        if quote_first:
            chain.append(Quote(judge, self.settings))
        chain += [Closest(), Unconfirmed(judge)]
        if quote_first:
            chain.append(SpanRefusal(self.settings))
        chain.append(Written(judge, llm, self.settings, self.prompts, fallback=not quote_first))
        return chain

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
        # "why?", "and India?", "could you repeat that?" lean on the last turn; a question that names its own
        # matter and points back at nothing does not, and a rewrite that drops its words is another question
        # (after "Who is the ministry's spokesman?", "pakistan foreign minister name" came back as that question).
        leans = bool(_POINTS_BACK.search(question)) or not tx.terms(question)
        if asks and not cite.is_refusal(candidate) and (leans or _kept(question, candidate)):
            return candidate
        if not leans:
            return question
        return f"{question} ({_subject(turns[-1].question)})"

    def _checked(self, text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
        """Last gate before the user: every citation must be verbatim at its offsets in the stored article."""
        texts = {a.file: a.text for a in self.retriever.index.articles().values()}
        bad = {c.marker for c in citations if not cite.check_citation(c, texts.get(c.article, ""))}
        if not bad:
            return text, citations
        return cite.without_markers(text, bad), [c for c in citations if c.marker not in bad]

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
            from ..retrieval.retrieve import approx_tokens

            return approx_tokens
        return count


# Words that point back into the conversation: what a rewrite is for (a closed class of English).
_POINTS_BACK = re.compile(
    r"\b(?:he|she|it|they|him|her|them|his|hers|its|their|theirs|this|that|these|those|there|then|same)\b"
    r"|^\W*(?:and|also|so|but|what\s+about|how\s+about)\b",
    re.I,
)


def _kept(question: str, rewrite: str) -> bool:
    """The rewrite keeps every content word of the follow-up (in some form): it only resolves what points back."""
    theirs = tx.terms(rewrite)
    return all(any(t == r or tx.same_start(t, r) for r in theirs) for t in tx.terms(question))


def _subject(question: str) -> str:
    """What an earlier question was about, to stand beside a follow-up: its names ("Noor Wali Mehsud"),
    else its words without the question word."""
    runs = re.findall(r"(?<!^)\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", question.strip())
    return ", ".join(dict.fromkeys(runs)) or re.sub(r"^\W*\w+\s+", "", question.strip()).rstrip("?")
