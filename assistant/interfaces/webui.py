"""The browser chat (Gradio): streamed answers whose [n] markers open the verbatim source passages.

Everything shown is built as HTML from escaped text (`chat_html`); gradio only displays it. The Chatbot's
markdown is off so that neither article text nor model output can smuggle markup or LaTeX in.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import AssistantError
from ..schema import Answer, Turn
from .chat_html import esc, render_answer, render_error, render_progress, render_question, render_stream
from .progressive import verified_updates

if TYPE_CHECKING:
    import gradio as gr

    from ..app import App

EXAMPLES = [
    "Which US CENTCOM commander said the Taliban were pretending their victory was inevitable?",
    "Who is Noor Wali Mehsud?",
    "Where does the al-Qaeda member who spoke of a shared global agenda live?",
    "Who is the Pakistani Foreign Ministry spokesperson who declined to comment?",
]


@dataclass
class Exchange:
    """One question and what the chat shows for it; `answer` is None when it failed."""

    question: str
    html: str
    answer: Answer | None = None


# --- the conversation ------------------------------------------------------------------------------


def messages(exchanges: list[Exchange]) -> list[dict[str, str]]:
    out = []
    for ex in exchanges:
        if ex.question.strip():
            out.append({"role": "user", "content": render_question(ex.question)})
        out.append({"role": "assistant", "content": ex.html})
    return out


def history(exchanges: list[Exchange]) -> list[Turn]:
    """Past turns for rewriting follow-ups: the verified answers, never the raw streams or errors."""
    return [Turn(ex.question, ex.answer.answer) for ex in exchanges if ex.answer is not None]


class Chat:
    """The per-process handlers; all per-user data lives in the session's gr.State list."""

    def __init__(self, app: App) -> None:
        self.app = app

    def respond(self, question: str, exchanges: list[Exchange] | None) -> Iterator[tuple[Any, ...]]:
        exchanges = list(exchanges or [])
        past = history(exchanges)
        current = Exchange(question, render_stream())
        exchanges.append(current)
        yield messages(exchanges), exchanges, ""
        # The API shares the model: its requests and the chat's take turns through the same slots.
        if not self.app.slots.acquire(timeout=self.app.settings.api_wait_s):
            current.html = render_error("the assistant is busy answering other questions; try again shortly")
            yield messages(exchanges), exchanges, ""
            return
        try:
            shown = current.html
            for item in verified_updates(self.app.assistant.stream(question, past)):
                if isinstance(item, Answer):
                    current.answer = item
                    current.html = render_answer(item, self._texts(), uuid.uuid4().hex[:8])
                else:
                    current.html = render_progress(item)
                if current.html != shown or isinstance(item, Answer):
                    shown = current.html
                    yield messages(exchanges), exchanges, ""
        except AssistantError as err:
            current.html = render_error(str(err))
            yield messages(exchanges), exchanges, ""
        except Exception as err:  # one readable line in the chat; the console keeps the details
            traceback.print_exc()
            current.html = render_error(f"unexpected {type(err).__name__}: {err}")
            yield messages(exchanges), exchanges, ""
        finally:
            self.app.slots.release()

    def _texts(self) -> dict[str, str]:
        return {a.file: a.text for a in self.app.index.articles().values()}

    def status(self, note: str = "") -> str:
        stats = self.app.index.stats()
        line = (
            f"Answers by <b>{esc(self.app.llm.name)}</b> · {stats['articles']} articles, "
            f"{stats['chunks']} chunks indexed ({esc(stats['embedding_model'])})"
        )
        return f"<div>{line}{' · ' + esc(note) if note else ''}</div>"


def build(app: App, note: str = "", manage_articles: bool = True) -> gr.Blocks:
    """The page for one App (shared by every session): the chat, and the articles it answers from."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry or version check leaves the machine
    import gradio as gr

    from .articles_ui import articles_tab
    from .export_ui import CONVERSATION, export_files

    chat = Chat(app)
    with gr.Blocks(title="News assistant", analytics_enabled=False) as demo:
        gr.Markdown("## Ask about the news articles\nEvery sentence cites the article text it comes from.")
        status = gr.HTML(chat.status(note), elem_id="status")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab", elem_id="chat-tab"):
                chatbot = gr.Chatbot(
                    show_label=False,
                    render_markdown=False,  # we hand over finished, escaped HTML
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    height=620,
                    elem_id="chat",
                )
                state = gr.State([])
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Ask a question about the articles…", show_label=False, scale=8, elem_id="question"
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                with gr.Row():
                    new = gr.Button("New conversation", size="sm", elem_id="new")
                    scope = gr.Dropdown(
                        [CONVERSATION], value=CONVERSATION, show_label=False, elem_id="export-scope", scale=2
                    )
                    as_md = gr.DownloadButton("Export Markdown", size="sm", elem_id="export-md", interactive=False)
                    as_json = gr.DownloadButton("Export JSON", size="sm", elem_id="export-json", interactive=False)
                gr.Examples(EXAMPLES, inputs=[box], label="Examples")
            with gr.Tab("Articles", id="articles-tab", elem_id="articles-tab"):
                articles_tab(app, status, chat.status, manage_articles)
        # One concurrency group for both triggers, so the queue's limit counts every answer being generated.
        answer = {
            "fn": chat.respond,
            "inputs": [box, state],
            "outputs": [chatbot, state, box],
            "concurrency_id": "answer",
            "concurrency_limit": _concurrency(app),
        }
        exports = {"fn": export_files, "inputs": [state, scope], "outputs": [scope, as_md, as_json], "queue": False}
        box.submit(**answer, api_name="ask").then(**exports, api_visibility="private")
        send.click(**answer, api_visibility="private").then(**exports, api_visibility="private")
        scope.input(**exports, api_visibility="private")
        new.click(lambda: ([], [], ""), None, [chatbot, state, box], queue=False, api_name="new").then(
            **exports, api_visibility="private"
        )
        chatbot.clear(lambda: ([], ""), None, [state, box], queue=False, api_visibility="private").then(
            **exports, api_visibility="private"
        )
    return demo


def max_upload(app: App) -> int:
    """Gradio's cap on any upload (bytes): the largest article ingestion accepts."""
    return int(app.settings.max_file_mb * 1024 * 1024)


def may_manage_articles(host: str, credentials: bool) -> bool:
    """Adding and deleting articles needs a key or login unless only this machine can reach the server."""
    return credentials or host in ("127.0.0.1", "localhost", "::1")


def _concurrency(app: App) -> int:
    return app.concurrency()


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        from ..errors import ConfigError

        raise ConfigError("ASSISTANT_UI_AUTH must look like user:password")
    return user, password


# --- start-up --------------------------------------------------------------------------------------


def prepare(app: App) -> str:
    """Index on first use and load every model before serving; returns a note for the status line."""
    from ..app import progress_bar

    note = ""
    result = app.ensure_ingested(progress=progress_bar("indexing articles"))
    if result is not None:
        r = result.report
        note = f"first start: indexed {len(r.added)} articles"
        print(f"ui: {note} ({r.sentences_added} sentences)", file=sys.stderr)
    started = time.perf_counter()
    app.retriever.search("warm up", 1)  # loads the embedder and builds BM25 now, not on the first question
    app.warm_model()
    print(f"ui: {app.llm.name} ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return note
