"""Typed data passed between the pipeline stages; rendered only at the edges (CLI, UI, eval)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel


@dataclass(frozen=True)
class Article:
    """One indexed article: its text exactly as read, and where each kept sentence lies in it."""

    doc_id: str
    file: str
    title: str
    text: str
    spans: tuple[tuple[int, int], ...]

    def sentence(self, i: int) -> str:
        start, end = self.spans[i]
        return self.text[start:end]


@dataclass(frozen=True)
class Evidence:
    """A numbered evidence sentence shown to the model."""

    number: int
    article: Article
    index: int
    score: float = 0.0

    @property
    def start(self) -> int:
        return self.article.spans[self.index][0]

    @property
    def end(self) -> int:
        return self.article.spans[self.index][1]

    @property
    def text(self) -> str:
        return self.article.sentence(self.index)


class Citation(BaseModel):
    marker: int
    article: str
    title: str
    quote: str
    start: int
    end: int


class ShortAnswer(BaseModel):
    """The exact words that answer the question: a substring of a cited sentence, located in its article
    (`article_text[start:end] == text`). The cited quote around it is the proof."""

    text: str
    article: str
    start: int
    end: int
    marker: int | None = None  # the citation whose quote contains this span


class Timings(BaseModel):
    retrieve: float = 0.0
    generate: float = 0.0
    total: float = 0.0
    first_token: float | None = None


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model_calls: int = 0  # every model call the answer made: writing, and each of the judge's


class Progress(BaseModel):
    """What may be shown while an answer is being written: only sentences already verified.

    Each `Progress` of one answer extends the previous one (`answer` grows by whole verified sentences;
    markers are numbered in order of first use, so earlier ones never change). `checking` is true while
    the model is still writing or a sentence is being judged. The final `Answer` extends the last
    `Progress` (e.g. by a disagreement note), or replaces it when nothing was shown (a refusal or an
    extractive answer)."""

    answer: str = ""
    citations: list[Citation] = []
    checking: bool = True


class Answer(BaseModel):
    question: str
    answer: str
    refused: bool
    citations: list[Citation]
    model: str
    timings_ms: Timings
    standalone_question: str = ""
    see_also: list[Citation] = []
    usage: Usage = Usage()
    evidence: list[Citation] = []
    dropped: list[str] = []
    raw_output: str = ""
    mode: Literal["generated", "extractive", "refused"] = "generated"
    judge: str = ""  # which judge passed the sentences
    short_answer: ShortAnswer | None = None

    def public(self) -> dict:
        """The documented `ask --json` object."""
        return self.model_dump(
            include={
                "question",
                "answer",
                "short_answer",
                "refused",
                "mode",
                "citations",
                "model",
                "timings_ms",
            }
        )


@dataclass
class Turn:
    """One exchange of a conversation, kept for rewriting follow-up questions."""

    question: str
    answer: str
    extra: dict = field(default_factory=dict)
