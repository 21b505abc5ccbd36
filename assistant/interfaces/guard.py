"""One key for every door: the ASGI middleware in front of the whole server (chat, Gradio's routes, /v1).

- With `ASSISTANT_API_KEY` or `ASSISTANT_UI_AUTH` set, every request needs one of: `Authorization: Bearer
  <API key>`, `Authorization: Basic` with the login (or any user name and the API key as password), or the
  cookie of a browser session that logged in on the chat's login page. Only what the login page itself needs
  is open (the page, its scripts and styles, the login form); Gradio checks its own config route.
- Every request body is capped while it is read, whether or not it declares a Content-Length (a chunked
  body is counted as it arrives): uploads at the upload limit, everything else at `MAX_BODY_BYTES`.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any, Protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1 << 20  # a conversation of a few questions is a few KB; refuse a flood before parsing it
UPLOAD_PATHS = ("/gradio_api/upload", "/upload")
# What the login page needs before anyone has logged in; none of it reads answers or the library.
OPEN_EXACT = frozenset(
    {
        "/",
        "/login",
        "/login/",
        "/logout",
        "/config",
        "/config/",
        "/favicon.ico",
        "/theme.css",
        "/gradio_api/theme.css",
        "/manifest.json",
        "/robots.txt",
        "/gradio_api/login_check",
        "/gradio_api/login_check/",
    }
)
OPEN_PREFIXES = ("/assets/", "/static/", "/svelte/", "/pwa_icon", "/gradio_api/assets/", "/gradio_api/static/")


@dataclass(frozen=True)
class Keys:
    """The credentials a server accepts: the API key and/or a user:password login."""

    api_key: str | None = None
    login: tuple[str, str] | None = None

    @property
    def required(self) -> bool:
        return bool(self.api_key or self.login)

    def password_ok(self, user: str, password: str) -> bool:
        """Gradio's login form: the configured login, or any user name with the API key as password."""
        if self.login and _same(user, self.login[0]) and _same(password, self.login[1]):
            return True
        return bool(self.api_key) and _same(password, self.api_key or "")

    def header_ok(self, authorization: str) -> bool:
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() == "bearer":
            return bool(self.api_key) and _same(value.strip(), self.api_key or "")
        if scheme.lower() == "basic":
            try:
                user, sep, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError):
                return False
            return bool(sep) and self.password_ok(user, password)
        return False


class Sessions(Protocol):
    """The mounted chat's own logins (Gradio checks its session cookie on its routes)."""

    def logged_in(self, cookies: dict[str, str]) -> bool: ...

    def cookie(self) -> str:
        """`name=value` of a session cookie the chat accepts, for a caller that sent the key instead."""
        ...


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_open(path: str) -> bool:
    return path in OPEN_EXACT or path.startswith(OPEN_PREFIXES)


class Guard:
    """ASGI middleware: credentials first, then a body cap enforced on the bytes actually received."""

    def __init__(
        self,
        app: ASGIApp,
        keys: Keys,
        upload_limit: int,
        sessions: Sessions | None = None,
        body_limit: int = MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.keys = keys
        self.upload_limit = upload_limit
        self.body_limit = body_limit
        self.sessions = sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if self.keys.required:
            how = self._authorized(scope)
            if how is None and not is_open(scope.get("path", "")):
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await _refuse(send, 401, "missing or wrong credentials: send Authorization: Bearer <ASSISTANT_API_KEY>")
                return
            if how == "header" and self.sessions is not None:
                # The chat's routes check their own login cookie; a caller that sent the key passes them too.
                scope = dict(scope, headers=_with_cookie(scope.get("headers", []), self.sessions.cookie()))
        if scope["type"] == "http":
            limit = self.upload_limit if scope.get("path", "").endswith(UPLOAD_PATHS) else self.body_limit
            await self._capped(scope, receive, send, limit)
            return
        await self.app(scope, receive, send)

    def _authorized(self, scope: Scope) -> str | None:
        """ "header" (key or login sent with the request), "session" (a browser that logged in), or None."""
        headers = _headers(scope)
        if self.keys.header_ok(headers.get("authorization", "")):
            return "header"
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is no session
            return None
        cookies = {name: morsel.value for name, morsel in cookie.items()}
        if cookies and self.sessions is not None and self.sessions.logged_in(cookies):
            return "session"
        return None

    async def _capped(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        declared = _headers(scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, 413, f"request body too large ({int(declared)} bytes; limit {limit})")
            return
        received = 0
        over = False
        started = False

        async def counted() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    # Read no further: the application sees a client that went away, and its answer is
                    # replaced by the 413 below.
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over:
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _refuse(send, 413, f"request body too large (over {limit} bytes)")
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not started:
            await _refuse(send, 413, f"request body too large (over {limit} bytes)")


def _with_cookie(headers: list[tuple[bytes, bytes]], cookie: str) -> list[tuple[bytes, bytes]]:
    others = [(k, v) for k, v in headers if k.lower() != b"cookie"]
    sent = [v.decode("latin-1") for k, v in headers if k.lower() == b"cookie"]
    return [*others, (b"cookie", "; ".join([*sent, cookie]).encode("latin-1"))]


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


async def _refuse(send: Send, status: int, message: str) -> None:
    kind = "invalid_api_key" if status == 401 else None
    body = json.dumps({"error": {"message": message, "type": "invalid_request_error", "param": None, "code": kind}})
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        # Bearer only: a Basic challenge would make browsers open their own login box over the chat's.
        headers.append((b"www-authenticate", b'Bearer realm="assistant"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body.encode()})
