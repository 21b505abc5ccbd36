"""`assistant serve` / `assistant ui`: one process, one loaded model, the browser chat at `/` and the API
under `/v1`.

A FastAPI app holds the API; the Gradio page is mounted on it at the root (routes registered first win,
so `/v1/...` never reaches Gradio). `guard.Guard` wraps the whole of it: one key for every route, and body
limits that hold for chunked requests. uvicorn serves both.

Without a key or a login the server binds loopback only, unless ASSISTANT_ALLOW_ANONYMOUS says otherwise."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..app import App

API_DESCRIPTION = """OpenAI-compatible chat completions over news articles, every sentence cited.

`choices[0].message` carries, besides `content` (the answer with `[n]` markers): `refused` (bool),
`citations` (`marker`, `article`, `title`, `quote`, `start`, `end`; `text[start:end] == quote`) and
`see_also` (closest passages of a refusal). Streaming sends them in the last chunk's `delta`, before
`data: [DONE]`. Authentication: `Authorization: Bearer <ASSISTANT_API_KEY>` when that is set (or HTTP Basic
with the chat's login); the same key guards every route of the server, the chat's included."""


def create(app: App, host: str = "127.0.0.1", note: str = "") -> FastAPI:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr
    from fastapi import FastAPI

    from . import api
    from .articles_ui import CSS as ARTICLES_CSS
    from .chat_html import CSS
    from .guard import Guard, Keys
    from .webui import build, max_upload, may_manage_articles, parse_auth

    service = FastAPI(
        title="News assistant API",
        version="1",
        description=API_DESCRIPTION,
        openapi_url="/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN; nothing may leave the machine
        redoc_url=None,
    )
    api.install(service, app)
    keys = Keys(app.settings.api_key or None, parse_auth(app.settings.ui_auth))
    manage = may_manage_articles(host, keys.required) and not app.settings.library_readonly
    demo = build(app, note, manage_articles=manage)
    demo.queue(default_concurrency_limit=app.concurrency(), max_size=app.settings.ui_queue_size)
    service = gr.mount_gradio_app(
        service,
        demo,
        path="",
        auth=keys.password_ok if keys.required else None,
        auth_message="Log in with ASSISTANT_UI_AUTH, or any name and ASSISTANT_API_KEY as the password."
        if keys.required
        else None,
        max_file_size=max_upload(app),
        footer_links=[],
        css=CSS + ARTICLES_CSS,
    )
    # Gradio checks that a file reference sent to a handler was uploaded only in a launched app; a mounted
    # one counts as launched here, so a hand-made reference to a server file is refused before any handler.
    demo.has_launched = True
    upload_limit = max_upload(app) * UPLOAD_FILES + (1 << 20)
    service.add_middleware(Guard, keys=keys, upload_limit=upload_limit, sessions=ChatSessions(service))
    return service


UPLOAD_FILES = 20  # files one upload request may carry at the per-file limit (Gradio checks each file)


class ChatSessions:
    """The logins of the chat mounted on `service`: Gradio keeps a token per browser that logged in."""

    def __init__(self, service: FastAPI) -> None:
        from starlette.routing import Mount

        self.chat = next(route.app for route in service.routes if isinstance(route, Mount))
        self._token = ""

    def _names(self) -> tuple[str, str]:
        return f"access-token-{self.chat.cookie_id}", f"access-token-unsecure-{self.chat.cookie_id}"

    def logged_in(self, cookies: dict[str, str]) -> bool:
        return any(self.chat.tokens.get(cookies[name]) for name in self._names() if name in cookies)

    def cookie(self) -> str:
        if not self._token:
            import secrets

            self._token = secrets.token_urlsafe(32)
            self.chat.tokens[self._token] = "api-key"
        return f"{self._names()[1]}={self._token}"


LOOPBACK = ("127.0.0.1", "localhost", "::1")
# Seconds a stopping server waits for open connections. A browser tab's event stream stays open, so an
# unbounded wait held Ctrl-C (and every test server's stop) for 12-13 s; a request in flight is cut.
SHUTDOWN_GRACE_S = 3


def check_port(host: str, port: int) -> None:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError:
        raise ConfigError(
            f"cannot serve on {host}:{port}: port in use or address unavailable (try --port or ASSISTANT_UI_PORT)"
        ) from None


class Running:
    """A uvicorn server on a background thread (tests, `ask --server` checks); `stop()` ends it."""

    def __init__(self, service: FastAPI, host: str, port: int) -> None:
        import uvicorn

        config = uvicorn.Config(
            service,
            host=host,
            port=port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
        )
        self.server = uvicorn.Server(config)
        self.url = f"http://{host}:{port}"
        self.address = f"{host}:{port}"
        self._thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self, timeout: float = 30) -> Running:
        import time

        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ConfigError(f"cannot serve on {self.address}: port in use or address unavailable")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(15)


@contextmanager
def running(app: App, host: str, port: int) -> Iterator[str]:
    server = Running(create(app, host), host, port).start()
    try:
        yield server.url
    finally:
        server.stop()


def check_exposure(app: App, host: str) -> str:
    """Refuse to serve beyond this machine without a key or login (unless told to); returns the start-up
    line that says who can reach the server."""
    s = app.settings
    if s.api_key or s.ui_auth:
        return "every route needs the API key or the login"
    if host not in LOOPBACK and not s.allow_anonymous:
        raise ConfigError(
            f"refusing to serve on {host} without ASSISTANT_API_KEY or ASSISTANT_UI_AUTH: anyone who can reach "
            "it could ask and change the articles. Set a key, or ASSISTANT_ALLOW_ANONYMOUS=true to serve anyway."
        )
    if host not in LOOPBACK:
        return f"no key set: anyone who can reach {host} can use the chat and the API (ASSISTANT_ALLOW_ANONYMOUS)"
    return "no key set: serving this machine only (loopback); set ASSISTANT_API_KEY before serving others"


def serve(host: str | None = None, port: int | None = None, command: str = "serve") -> int:
    """Load everything, then serve until Ctrl-C."""
    import uvicorn

    from ..app import App
    from .webui import parse_auth, prepare

    app = App()
    parse_auth(app.settings.ui_auth)  # a malformed setting fails now, not after loading the models
    host = host or app.settings.ui_host
    port = app.settings.ui_port if port is None else port
    exposure = check_exposure(app, host)
    check_port(host, port)  # before the minutes of loading, not after
    service = create(app, host, note=prepare(app))
    config = uvicorn.Config(
        service, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE_S
    )
    server = uvicorn.Server(config)

    def announce() -> None:  # once the port answers, not before
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            url = f"http://{host}:{port}"
            print(f"{command}: serving on {url}: the chat at / and the API at /v1 (Ctrl-C to stop)", file=sys.stderr)
            print(f"{command}: {exposure}", file=sys.stderr)

    threading.Thread(target=announce, name="announce", daemon=True).start()
    server.run()
    if not server.started:
        raise ConfigError(f"cannot serve on {host}:{port}: port in use or address unavailable (try --port)")
    return 0
