"""`assistant serve`: one process, one loaded model, the browser chat at `/` and the API under `/v1`.

A FastAPI app holds the API; the Gradio page is mounted on it at the root (routes registered first win,
so `/v1/...` never reaches Gradio). uvicorn serves both."""

from __future__ import annotations

import os
import sys
import threading
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
`data: [DONE]`. Authentication: `Authorization: Bearer <ASSISTANT_API_KEY>` when that is set."""


def create(app: App, host: str = "127.0.0.1", note: str = "") -> FastAPI:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr
    from fastapi import FastAPI

    from . import api
    from .articles_ui import CSS as ARTICLES_CSS
    from .chat_html import CSS
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
    auth = parse_auth(app.settings.ui_auth)
    demo = build(app, note, manage_articles=may_manage_articles(host, auth))
    demo.queue(default_concurrency_limit=app.concurrency(), max_size=app.settings.ui_queue_size)
    return gr.mount_gradio_app(
        service,
        demo,
        path="",
        auth=auth,
        max_file_size=max_upload(app),
        footer_links=[],
        css=CSS + ARTICLES_CSS,
    )


LOOPBACK = ("127.0.0.1", "localhost", "::1")


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

        config = uvicorn.Config(service, host=host, port=port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self, timeout: float = 30) -> Running:
        import time

        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ConfigError(f"cannot serve on {self.url}: port in use or address unavailable")
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


def serve(host: str | None = None, port: int | None = None) -> int:
    """Load everything, then serve until Ctrl-C."""
    import uvicorn

    from ..app import App
    from .webui import parse_auth, prepare

    app = App()
    parse_auth(app.settings.ui_auth)  # a malformed setting fails now, not after loading the models
    host = host or app.settings.ui_host
    port = app.settings.ui_port if port is None else port
    check_port(host, port)  # before the minutes of loading, not after
    if not app.settings.api_key and host not in LOOPBACK:
        print(
            f"serve: warning: the API on {host} answers anyone who can reach it (set ASSISTANT_API_KEY)",
            file=sys.stderr,
        )
    service = create(app, host, note=prepare(app))
    print(f"serve: chat on http://{host}:{port}/ and API on http://{host}:{port}/v1 (Ctrl-C to stop)", file=sys.stderr)
    config = uvicorn.Config(service, host=host, port=port, log_level="warning")
    server = uvicorn.Server(config)
    server.run()
    if not server.started:
        raise ConfigError(f"cannot serve on {host}:{port}: port in use or address unavailable (try --port)")
    return 0
