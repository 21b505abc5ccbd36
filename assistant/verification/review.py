"""The judge's pass over the model's answer, sentence by sentence, in the order the model writes them.

What it has passed only grows: a sentence is shown once the judge supports it against the quotes it
cites, and never taken back, so a stream can show each verified sentence as soon as it is judged.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import text as tx
from ..schema import Citation, Evidence, Progress
from . import citations as cite
from .judge import ANSWER_ECHO, ANSWER_ELSEWHERE, ECHO, RULES_COVERAGE, Judge, rule_failure

ALTERNATIVES = 2  # other evidence sentences tried for a sentence whose own citation fails
# A supported sentence can still answer another question than the one asked ("what did X say about
# volunteers" answered with what X said about the deadline). The model wrote it, so its quotes need only
# not look like a non-answer to the judge: below this, "NONE" is likely (this keeps 92% of gold quotes and
# turns away half of on-topic non-answers: bench/results/answerability-calibration.txt).
OFF_POINT = 0.4
CONTEXT = 2  # sentences either side of a quote that may name what it refers to


class Review:
    def __init__(self, judge: Judge, question: str, evidence: dict[int, Evidence], strict: bool = False) -> None:
        """`strict`: the question is one a span answers, so what is shown must pass `Judge.answers` as a quoted
        answer must (a written answer is then a fallback: a softer bar let in true sentences about something
        else, "The Rhine is the longest river in Germany" for "What animal swims in the Rhine?")."""
        self.judge = judge
        self.question = question
        self.evidence = evidence
        self.strict = strict
        self.verdicts: dict[cite.Claim, cite.Verdict] = {}
        self.passed: list[cite.Verdict] = []
        self._shown: tuple[str, list[Citation]] = ("", [])
        self._last: list[cite.Claim] = []
        self._on_point: dict[str, bool] = {}

    def advance(self, claims: Sequence[cite.Claim]) -> bool:
        """Judge the claims not judged yet (complete sentences, in order); True when what may be shown grew."""
        self._last = list(claims)
        for claim in claims:
            if claim in self.verdicts:
                continue
            verdict = self._judge(claim)
            self.verdicts[claim] = verdict
            if verdict.supported and all(v.claim.text != claim.text for v in self.passed):
                self.passed.append(verdict)
        shown = self.visible()
        grew = shown[0] != self._shown[0]
        self._shown = shown
        return grew

    def visible(self) -> tuple[str, list[Citation]]:
        """The passed sentences, markers renumbered in order of use; nothing until, together, they hold
        the kind of thing asked for (a name for who, a number for how many)."""
        text, citations = cite.render(self.passed, self.evidence)
        if text and not (cite.answers_question(self.question, text) and self.on_point(citations)):
            return "", []
        return text, citations

    def on_point(self, citations: Sequence[Citation]) -> bool:
        """Whether the quotes behind what would be shown answer the question, as far as the judge can tell
        (asked once per set of quotes: the stream asks again as sentences arrive)."""
        quotes = " ".join(c.quote for c in citations)
        if quotes not in self._on_point:
            verdict = self.judge.answers(self.question, quotes)
            misread = verdict.reason.startswith((ANSWER_ECHO, ANSWER_ELSEWHERE))
            lenient = not self.strict and verdict.score >= OFF_POINT and not misread
            self._on_point[quotes] = verdict.supported or lenient
        return self._on_point[quotes]

    def text(self) -> str:
        return cite.render(self.passed, self.evidence)[0]

    def shown_supported(self) -> bool:
        return bool(self.passed)

    def progress(self) -> Progress:
        text, citations = self._shown
        return Progress(answer=text, citations=citations)

    @property
    def dropped(self) -> list[str]:
        """The final sentences that did not pass, with the reason."""
        passed = {v.claim.text for v in self.passed}
        return [
            f"{c.text} ({self.verdicts[c].reason})"
            for c in self._last
            if c in self.verdicts and not self.verdicts[c].supported and c.text not in passed
        ]

    # --- one sentence ---------------------------------------------------------------------------------

    def _judge(self, claim: cite.Claim) -> cite.Verdict:
        if cite.is_refusal(claim.text):
            return cite.Verdict(claim, "refusal, not a claim")
        cited = [self.evidence[m] for m in dict.fromkeys(claim.markers) if m in self.evidence]
        reason = "no valid citation" if claim.markers else "no citation"
        if cited:
            articles = " ".join(dict.fromkeys(ev.article.text for ev in cited))
            verdict = self.judge.judge(
                self.question, claim.text, [ev.text for ev in cited], _context(cited), article=articles
            )
            if verdict.supported:
                return cite.Verdict(claim, "")
            reason = verdict.reason
            if reason == ECHO:
                return cite.Verdict(claim, reason)
        # Small models often state a supported fact but forget or garble its marker: such a sentence gets
        # the evidence sentence that supports it, if one passes the full judge on its own.
        for ev in self._alternatives(claim, {ev.number for ev in cited}):
            verdict = self.judge.judge(self.question, claim.text, [ev.text])
            if verdict.supported:
                return cite.Verdict(cite.Claim(claim.text, (ev.number,)), "", repaired=True)
        return cite.Verdict(claim, reason)

    def _alternatives(self, claim: cite.Claim, tried: set[int]) -> list[Evidence]:
        claim_terms = tx.terms(claim.text)
        ranked = sorted(
            (ev for n, ev in self.evidence.items() if n not in tried),
            key=lambda ev: -len(claim_terms & tx.terms(ev.text)),
        )
        # Only sentences that already pass the strict lexical rules are worth a model call.
        return [
            ev for ev in ranked[:ALTERNATIVES] if not rule_failure(claim.text, [ev.text], self.question, RULES_COVERAGE)
        ]


def _context(cited: Sequence[Evidence]) -> list[str]:
    """The cited articles' titles, then the sentences around each cited one in its article ("the statute"
    two sentences after it is named)."""
    around = [" ".join(dict.fromkeys(ev.article.title for ev in cited))]
    for ev in cited:
        for i in [*range(ev.index - CONTEXT, ev.index), *range(ev.index + 1, ev.index + CONTEXT + 1)]:
            if 0 <= i < len(ev.article.spans):
                around.append(ev.article.sentence(i))
    return around
