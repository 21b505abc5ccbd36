"""The wire format of the OpenAI-compatible API (/v1): requests as clients send them, responses with the
citations as structured data. These models are also the OpenAPI description (`/v1/openapi.json`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..schema import Answer, Citation, ShortAnswer


class TextPart(BaseModel):
    type: Literal["text"]
    text: str


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")  # name, tool_calls, citations of earlier answers: ignored

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[TextPart] | None = Field(None, description="Text, or a list of text parts.")

    def text(self) -> str:
        if isinstance(self.content, list):
            return "\n".join(part.text for part in self.content)
        return self.content or ""


class StreamOptions(BaseModel):
    include_usage: bool = Field(False, strict=True)


class ChatRequest(BaseModel):
    """OpenAI's chat-completions request. Sampling options (temperature, max_tokens, …) are accepted and
    ignored: the server's settings decide, and every answer is verified whatever the model wrote."""

    model_config = ConfigDict(extra="allow")

    model: str | None = Field(None, description="The id from GET /v1/models (optional).")
    messages: list[ChatMessage] = Field(
        description="The conversation; the last message is the question, earlier user/assistant pairs are the "
        "history used to understand a follow-up. System messages are ignored (the server has its own)."
    )
    stream: bool = Field(False, strict=True, description="true for server-sent events (a JSON boolean, not a string).")
    stream_options: StreamOptions | None = None


class ApiCitation(BaseModel):
    marker: int = Field(description="The n of the [n] marker in the content.")
    article: str = Field(description="File name of the article.")
    title: str = Field(description="Title of the article.")
    quote: str = Field(description="The cited sentence, verbatim: article_text[start:end] == quote.")
    start: int = Field(description="Character offset where the quote starts in the article's text.")
    end: int = Field(description="Character offset just after the quote.")

    @classmethod
    def of(cls, c: Citation) -> ApiCitation:
        return cls(**c.model_dump())


class ApiShortAnswer(BaseModel):
    """The exact words that answer the question, located in their article."""

    text: str = Field(description="The short answer, verbatim: article_text[start:end] == text.")
    article: str = Field(description="File name of the article.")
    start: int = Field(description="Character offset where the short answer starts in the article's text.")
    end: int = Field(description="Character offset just after the short answer.")
    marker: int | None = Field(
        None, description="The citation whose quote contains the short answer (its [n] in the content)."
    )

    @classmethod
    def of(cls, s: ShortAnswer) -> ApiShortAnswer:
        return cls(**s.model_dump())


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(
        description="The verified answer; every sentence ends in [n] markers. When there is a short answer, "
        "the content opens with it (its words and marker on the first line), then the quote that proves it."
    )
    refused: bool = Field(description="True when the articles do not answer the question.")
    short_answer: ApiShortAnswer | None = Field(
        None,
        description="The exact words that answer the question, a substring of the quote of citation `marker`, "
        "with their own offsets in the article; null for a refusal or an answer no short span can give "
        "(why/how questions get a written answer).",
    )
    citations: list[ApiCitation] = Field(description="One entry per marker used in the content.")
    see_also: list[ApiCitation] = Field(
        [], description="With a refusal: the closest passages (not citations; not marked in the content)."
    )


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"


class CompletionUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: CompletionUsage


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "assistant"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ErrorBody(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


def message_of(answer: Answer) -> AssistantMessage:
    return AssistantMessage(
        content=answer.answer,
        refused=answer.refused,
        short_answer=ApiShortAnswer.of(answer.short_answer) if answer.short_answer is not None else None,
        citations=[ApiCitation.of(c) for c in answer.citations],
        see_also=[ApiCitation.of(c) for c in answer.see_also],
    )


def usage_of(answer: Answer) -> CompletionUsage:
    u = answer.usage
    return CompletionUsage(
        prompt_tokens=u.prompt_tokens,
        completion_tokens=u.completion_tokens,
        total_tokens=u.prompt_tokens + u.completion_tokens,
    )


class CheckRequest(BaseModel):
    """`POST /v1/check`: one sentence to fact-check against the articles."""

    claim: str = Field(min_length=1, description="The sentence to check.")
