"""Where an answer's short answer goes when it is shown: on top, and marked inside the quote that proves it.

Every edge (chat, CLI, Markdown) renders an answer as: the short answer with its marker, then the rest of
the answer text, then the sources. The answer text may already open with the short answer on a line of its
own ("Mullah Omar [1]", a blank line, the quote); then it is not repeated. Only a span that is exactly the
short answer's text at its offsets, inside the cited quote, is ever marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Answer, Citation, ShortAnswer

_MARKERS = r"(?:[ \t]*\[\d+\])*"
_STOP = r"[.,;:]?"  # "Mullah Omar [1]." or "Mullah Omar. [1]" is still the short answer alone on its line


@dataclass(frozen=True)
class Lead:
    """The short answer to show first (None: nothing to show on top), the answer text after it, and the
    marker of the citation that proves it (None when no citation holds it)."""

    short: ShortAnswer | None
    body: str
    marker: int | None = None

    @property
    def text(self) -> str:
        return self.short.text.strip() if self.short is not None else ""


def lead(answer: Answer) -> Lead:
    """Split an answer for display. A refusal, or an answer without a short answer, is its text as it is.
    When the text opens with the short answer alone on its first line (markers after it allowed), the body
    is what follows; otherwise the body is the whole text (the short answer is then shown above it)."""
    short = answer.short_answer
    if answer.refused or short is None or not short.text.strip():
        return Lead(None, answer.answer)
    words = re.escape(short.text.strip())
    opening = re.match(rf"\s*{words}{_STOP}{_MARKERS}{_STOP}[ \t]*(?:\n|$)", answer.answer)
    body = answer.answer[opening.end() :] if opening else answer.answer
    cited = proof(answer)
    return Lead(short, body.strip(), cited.marker if cited is not None else None)


def proof(answer: Answer) -> Citation | None:
    """The citation whose quote holds the short answer at its offsets (its own marker first)."""
    short = answer.short_answer
    if short is None or answer.refused:
        return None
    ordered = sorted(answer.citations, key=lambda c: c.marker != short.marker)
    return next((c for c in ordered if span_in_quote(c, short) is not None), None)


def span_in_quote(c: Citation, short: ShortAnswer) -> tuple[int, int] | None:
    """(start, end) of the short answer inside the citation's quote, or None when it does not lie there
    (another article, outside the quote, or not the same characters)."""
    if short.article != c.article or not c.start <= short.start < short.end <= c.end:
        return None
    start, end = short.start - c.start, short.end - c.start
    return (start, end) if c.quote[start:end] == short.text else None


def span_in_text(text: str, c: Citation, short: ShortAnswer) -> tuple[int, int] | None:
    """Where the short answer lies in a text holding the citation's quote verbatim (the answer body, which
    quotes its proof), or None when the text does not hold it."""
    inside = span_in_quote(c, short)
    at = text.find(c.quote) if inside is not None else -1
    return None if inside is None or at < 0 else (at + inside[0], at + inside[1])
