"""The question-to-answer pipeline: rewrite follow-ups, retrieve, ask the model, keep only what is cited."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from . import citations as cite
from . import text as tx
from .conflicts import disagreements
from .errors import QuestionError
from .llms import LLM, citation_grammar, complete
from .prompts import Prompts
from .retrieve import Hit, Retriever, build_evidence, format_evidence
from .schema import Answer, Citation, Evidence, Timings, Turn, Usage
from .settings import Settings

REFUSAL = "The articles don't answer this."
EXTRACTIVE_SENTENCES = 2
PROMPT_OVERHEAD = 32  # chat-template tokens around the messages
MIN_EVIDENCE_TOKENS = 60  # below this no evidence sentence fits: refuse the question, not the answer


class Assistant:
    def __init__(self, settings: Settings, retriever: Retriever, llm: LLM, prompts: Prompts | None = None) -> None:
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.prompts = prompts or Prompts()

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        for item in self.stream(question, history):
            if isinstance(item, Answer):
                return item
        raise AssertionError("stream ended without an answer")

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """Yields the model's raw text as it is generated, then the verified `Answer`."""
        started = time.perf_counter()
        question = self._validate(question)
        standalone = self.rewrite(question, history) if history else question
        budget = self._evidence_budget(standalone)
        hits = self.retriever.search(standalone, self.settings.top_k)
        evidence = build_evidence(hits, budget, self._counter())
        timings = Timings(retrieve=_ms(started))
        base = {"question": question, "standalone_question": standalone, "model": self.llm.name}
        base["evidence"] = [cite.to_citation(ev.number, ev) for ev in evidence]
        if not hits or max(h.cosine for h in hits) < self.settings.min_relevance:
            timings.total = _ms(started)
            yield self._refusal(base, hits, timings, Usage())
            return

        generate_start = time.perf_counter()
        raw = ""
        grammar = citation_grammar(len(evidence), REFUSAL) if self.settings.constrain_citations else None
        usage = Usage()
        messages = self._messages(standalone, evidence)
        for piece in self.llm.stream(messages, self.settings.max_tokens, grammar, usage=usage):
            if timings.first_token is None:
                timings.first_token = _ms(started)
            raw += piece
            yield piece
        timings.generate = _ms(generate_start)
        base["raw_output"] = raw
        text, citations, dropped = self._verified(raw, standalone, evidence, hits)
        base["dropped"] = dropped
        timings.total = _ms(started)
        if not text:
            yield self._refusal(base, hits, timings, usage)
            return
        yield Answer(
            **base,
            answer=text,
            refused=False,
            citations=citations,
            timings_ms=timings,
            usage=usage,
        )

    # --- stages --------------------------------------------------------------------------------------

    def _validate(self, question: str) -> str:
        question = " ".join(question.split())
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question is too long ({len(question)} characters; limit "
                f"ASSISTANT_MAX_QUESTION_CHARS={self.settings.max_question_chars})"
            )
        return question

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
        if not candidate or len(candidate) > 3 * len(question) + 200 or cite.is_refusal(candidate):
            return question
        return candidate

    def _messages(self, question: str, evidence: list[Evidence]) -> list[dict[str, str]]:
        user = self.prompts.render("answer", evidence=format_evidence(evidence), question=question)
        return [{"role": "system", "content": self.prompts.text("system")}, {"role": "user", "content": user}]

    def _verified(
        self, raw: str, question: str, evidence: list[Evidence], hits: list[Hit]
    ) -> tuple[str, list[Citation], list[str]]:
        """(answer text, citations, dropped sentences with reasons); empty text when nothing stands."""
        by_number = {ev.number: ev for ev in evidence}
        threshold = self.settings.support_threshold
        verdicts = cite.verify(cite.parse_claims(raw), by_number, threshold, question)
        verdicts = [cite.reattribute(v, by_number, threshold) for v in verdicts]
        dropped = [f"{v.claim.text} ({v.reason})" for v in verdicts if not v.supported]
        text, citations = cite.render(verdicts, by_number)
        if text and not cite.answers_question(question, text):
            dropped.append(f"{text} (does not answer what was asked)")
            text = ""
        if not text:
            # A model that says the evidence does not answer is believed; otherwise its unsupported
            # answer may still mean the answer is there, so the closest evidence is quoted instead.
            extract = None if cite.is_refusal(raw) else self._extractive(question, evidence)
            if extract is None:
                return "", [], dropped
            text, citations = extract
        note = disagreements(question, citations, evidence, hits, self.retriever.document_frequency)
        if note:
            text, citations = cite.append_note(text, citations, note)
        return *self._checked(text, citations), dropped

    def _checked(self, text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
        """Last gate before the user: every citation must be verbatim at its offsets in the stored article."""
        texts = {a.file: a.text for a in self.retriever.index.articles().values()}
        bad = {c.marker for c in citations if not cite.check_citation(c, texts.get(c.article, ""))}
        if not bad:
            return text, citations
        return cite.without_markers(text, bad), [c for c in citations if c.marker not in bad]

    def _extractive(self, question: str, evidence: list[Evidence]) -> tuple[str, list[Citation]] | None:
        """The evidence sentences that best cover the question, quoted verbatim; None if none is close."""
        wanted = tx.terms(question)
        if not wanted:
            return None
        scored = sorted(evidence, key=lambda ev: -len(wanted & tx.terms(ev.text)))
        best = [
            ev
            for ev in scored[:EXTRACTIVE_SENTENCES]
            if tx.overlap(question, ev.text) >= self.settings.extract_min_overlap
        ]
        if not best:
            return None
        citations = [cite.to_citation(n, ev) for n, ev in enumerate(best, start=1)]
        text = " ".join(f"“{c.quote}” [{c.marker}]" for c in citations)
        return text, citations

    def _refusal(self, base: dict, hits: list[Hit], timings: Timings, usage: Usage) -> Answer:
        see_also = [
            cite.to_citation(n, Evidence(number=n, article=h.article, index=h.index))
            for n, h in enumerate(hits[:3], start=1)
        ]
        return Answer(
            **base, answer=REFUSAL, refused=True, citations=[], see_also=see_also, timings_ms=timings, usage=usage
        )

    def _counter(self):
        count = getattr(self.llm, "count_tokens", None)
        if count is None:
            from .retrieve import approx_tokens

            return approx_tokens
        return count


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
