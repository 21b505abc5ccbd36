"""The OpenAI-compatible HTTP API under /v1: GET /v1/models, POST /v1/chat/completions (streaming or not).

Stateless: the conversation comes with every request. Only verified text is sent as content; while the
pipeline is still checking, a stream carries SSE comments (`: checking`), which clients ignore. The
structured citations travel in the message (`citations`, `refused`, `see_also`), and in a stream in the
last chunk's delta, before `data: [DONE]`.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse

from ..errors import AssistantError, ConfigError, ModelError, QuestionError
from ..schema import Answer, Progress, Turn
from ..verification.check import CheckResult
from .api_schema import (
    ChatCompletion,
    ChatMessage,
    ChatRequest,
    CheckRequest,
    Choice,
    ErrorResponse,
    ModelCard,
    ModelList,
    message_of,
    usage_of,
)
from .progressive import new_text, verified_updates

if TYPE_CHECKING:
    from ..app import App

KEEPALIVE_S = 1.0  # at most one ": checking" comment a second while nothing verified is ready
ERRORS: dict[int | str, dict] = {status: {"model": ErrorResponse} for status in (400, 401, 404, 413, 502, 503)}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        message: str,
        kind: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.kind, self.param, self.code = status, message, kind, param, code
        self.headers = headers

    def response(self) -> JSONResponse:
        body = {"error": {"message": self.message, "type": self.kind, "param": self.param, "code": self.code}}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def install(api: FastAPI, app: App) -> None:
    """Add the /v1 routes and their OpenAI-style error bodies to `api`."""
    api.include_router(router(app))

    @api.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> JSONResponse:
        return err.response()

    @api.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        return _validation_error(err).response()


def _validation_error(err: RequestValidationError) -> ApiError:
    first = err.errors()[0] if err.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    if first.get("type") == "json_invalid":
        return ApiError(400, "the request body is not valid JSON")
    message = first.get("msg", "invalid request")
    return ApiError(400, f"{where}: {message}" if where else message, param=where or None)


def router(app: App) -> APIRouter:
    # Credentials and body size are checked for the whole server by `guard.Guard`, before any route.
    r = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])

    @r.get("/models", response_model=ModelList, responses=ERRORS)
    def models() -> ModelList:
        """The one model this server answers with."""
        return ModelList(data=[ModelCard(id=app.llm.name)])

    @r.post(
        "/chat/completions",
        response_model=ChatCompletion,
        responses={
            **ERRORS,
            200: {
                "content": {"text/event-stream": {}},
                "description": "A ChatCompletion, or with stream=true chat.completion.chunk "
                "events; the last chunk's delta holds citations, refused and see_also.",
            },
        },
    )
    def chat_completions(body: ChatRequest):
        """Answer the last user message, every sentence cited; the earlier messages are the conversation."""
        if body.model not in (None, "", app.llm.name):
            raise ApiError(
                404,
                f"unknown model {body.model!r} (GET /v1/models lists {app.llm.name!r})",
                param="model",
                code="model_not_found",
            )
        question, history = conversation(body.messages)
        slot = _Slot(app)
        try:
            updates = verified_updates(app.assistant.stream(question, history))
            first = _next(updates)  # a bad question fails here, while an HTTP status can still say so
        except BaseException:
            slot.release()
            raise
        if not body.stream:
            try:
                final = first if isinstance(first, Answer) else _last(updates)
            finally:
                slot.release()
            return ChatCompletion(
                id=_id(),
                created=int(time.time()),
                model=app.llm.name,
                choices=[Choice(message=message_of(final))],
                usage=usage_of(final),
            )
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        events = _events(first, updates, app.llm.name, include_usage, slot)
        return StreamingResponse(events, media_type="text/event-stream", background=slot.release_task())

    @r.post("/check", response_model=CheckResult, responses=ERRORS)
    def check(body: CheckRequest) -> CheckResult:
        """Fact-check one claim: supported / contradicted / not found, with verbatim citations."""
        from ..verification.check import check_claim

        if not body.claim.strip() or len(body.claim) > app.settings.max_question_chars:
            raise ApiError(
                400,
                f"claim must be 1 to {app.settings.max_question_chars} characters (ASSISTANT_MAX_QUESTION_CHARS)",
                param="claim",
            )
        slot = _Slot(app)
        try:
            return check_claim(app, body.claim)
        finally:
            slot.release()

    return r


def conversation(messages: list[ChatMessage]) -> tuple[str, list[Turn]]:
    """(question, earlier turns): the last message must be the user's; each user message followed by an
    assistant reply is a turn. Markers in earlier answers are harmless (the rewrite strips them)."""
    said = [m for m in messages if m.role in ("user", "assistant")]
    if not said:
        raise ApiError(400, "messages must hold at least one user message", param="messages")
    if said[-1].role != "user":
        raise ApiError(400, "the last message must be the user's question", param="messages")
    history: list[Turn] = []
    pending: str | None = None
    for m in said[:-1]:
        if m.role == "user":
            pending = m.text()
        elif pending is not None:
            history.append(Turn(pending, m.text()))
            pending = None
    return said[-1].text(), history


class _Slot:
    """One of the App's generation slots, released exactly once (by the stream's end or the response's)."""

    def __init__(self, app: App) -> None:
        if not app.slots.acquire(timeout=app.settings.api_wait_s):
            raise ApiError(
                503,
                "the assistant is busy answering other questions; try again shortly",
                kind="server_busy",
                headers={"Retry-After": "5"},
            )
        self._slots = app.slots
        self._held = True
        self._lock = threading.Lock()

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                self._slots.release()

    def release_task(self):
        from starlette.background import BackgroundTask

        return BackgroundTask(self.release)


def _next(updates: Iterator[Progress | Answer]) -> Progress | Answer:
    try:
        return next(updates)
    except QuestionError as err:
        raise ApiError(400, str(err), param="messages") from None
    except ModelError as err:
        raise ApiError(502, str(err), kind="model_error") from None
    except ConfigError as err:
        raise ApiError(500, str(err), kind="server_error") from None
    except AssistantError as err:
        raise ApiError(500, str(err), kind="server_error") from None


def _last(updates: Iterator[Progress | Answer]) -> Answer:
    while not isinstance(item := _next(updates), Answer):
        pass
    return item


def _events(
    first: Progress | Answer, updates: Iterator[Progress | Answer], model: str, include_usage: bool, slot: _Slot
) -> Iterator[str]:
    """The SSE stream: role, verified content deltas, the citations, optional usage, [DONE]."""
    cid, created = _id(), int(time.time())

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    try:
        yield chunk({"role": "assistant", "content": ""})
        shown, last_comment = "", 0.0
        item = first
        while True:
            piece = new_text(shown, item)
            if piece:
                shown += piece
                yield chunk({"content": piece})
            elif piece is None:  # cannot happen by the stream's contract; never send a contradiction
                raise AssistantError("the answer changed while it was being sent; ask again")
            if isinstance(item, Answer):
                break
            if item.checking and time.monotonic() - last_comment >= KEEPALIVE_S:
                last_comment = time.monotonic()
                yield ": checking\n\n"
            item = _next(updates)
        message = message_of(item)
        tail = {
            "citations": [c.model_dump() for c in message.citations],
            "refused": message.refused,
            "see_also": [c.model_dump() for c in message.see_also],
            "short_answer": message.short_answer.model_dump() if message.short_answer else None,
        }
        yield chunk(tail, "stop")
        if include_usage:
            body = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [],
                "usage": usage_of(item).model_dump(),
            }
            yield f"data: {json.dumps(body)}\n\n"
    except ApiError as err:
        yield f"data: {json.dumps({'error': {'message': err.message, 'type': err.kind}})}\n\n"
    except AssistantError as err:
        yield f"data: {json.dumps({'error': {'message': str(err), 'type': 'server_error'}})}\n\n"
    finally:
        slot.release()
    yield "data: [DONE]\n\n"


def _id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"
