"""The browser's Articles tab: the indexed articles, drag-and-drop upload with progress, delete, re-index.

Every change goes through `assistant.ingestion.library` (ingestion's own checks and sync); this module only turns
its results into escaped HTML. Changes run one at a time (their own queue group)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AssistantError
from ..ingestion.ingest import SUPPORTED
from ..ingestion.library import UploadResult, add_files, delete_article, list_articles, reindex

if TYPE_CHECKING:
    import gradio as gr

    from ..app import App
    from ..ingestion.ingest import IngestResult

CSS = """
#articles-table table { width: 100%; border-collapse: collapse; }
#articles-table th, #articles-table td { text-align: left; padding: 0.25em 0.6em;
  border-bottom: 1px solid var(--border-color-primary); }
#articles-table td.n { text-align: right; font-variant-numeric: tabular-nums; }
#articles-result .ok { color: #1e7e34; } #articles-result .bad { color: #c0392b; }
"""
READ_ONLY = (
    "Adding and deleting articles is off on this server (ASSISTANT_LIBRARY_READONLY, or it listens beyond this "
    "machine without a key or login)."
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_table(app: App) -> str:
    rows = "".join(
        f'<tr><td class="title">{esc(a.title)}</td><td class="file">{esc(a.file)}</td>'
        f'<td class="n">{a.sentences}</td></tr>'
        for a in list_articles(app)
    )
    if not rows:
        return "<p>No articles are indexed yet.</p>"
    return f"<table><thead><tr><th>Title</th><th>File</th><th>Sentences</th></tr></thead><tbody>{rows}</tbody></table>"


def render_upload(result: UploadResult) -> str:
    lines = [f'<li class="ok">added {esc(f)}</li>' for f in result.added]
    lines += [f'<li class="ok">updated {esc(f)}</li>' for f in result.updated]
    lines += [f'<li class="ok">{esc(f)} is already indexed, unchanged</li>' for f in result.unchanged]
    lines += [
        f'<li class="bad">{esc(d.file)}: same text as {esc(d.same_as)}, not added</li>' for d in result.duplicates
    ]
    lines += [f'<li class="bad">rejected {esc(s.file)}: {esc(s.reason)}</li>' for s in result.rejected]
    summary = f"{result.sentences} sentences indexed" if result.sentences else "nothing new indexed"
    return f"<p>{summary}</p><ul>{''.join(lines)}</ul>"


def render_sync(action: str, result: IngestResult) -> str:
    r = result.report
    skipped = "".join(f'<li class="bad">skipped {esc(s.file)}: {esc(s.reason)}</li>' for s in result.skipped)
    return (
        f"<p>{esc(action)}: {len(r.added)} added, {len(r.updated)} updated, {len(r.removed)} removed, "
        f"{len(r.unchanged)} unchanged; {r.sentences_added} sentences indexed</p><ul>{skipped}</ul>"
    )


def render_error(message: str) -> str:
    return f'<p class="bad">Could not change the articles: {esc(message)}</p>'


class ArticlesPanel:
    def __init__(self, app: App, status) -> None:
        self.app = app
        self.status = status  # () -> the chat's status line, which counts the articles

    def files(self) -> list[str]:
        return [a.file for a in list_articles(self.app)]

    def _after(self, message: str) -> tuple[Any, ...]:
        import gradio as gr

        return render_table(self.app), message, gr.update(choices=self.files(), value=None), self.status(), None

    def upload(self, paths: list[str] | None, progress: Any = None) -> tuple[Any, ...]:
        uploads, refused = [], []
        for p in paths or []:
            if uploaded_here(Path(p)):
                uploads.append((Path(p), Path(p).name))  # gradio keeps the original name last
            else:
                refused.append(Path(p).name)
        if refused:  # a hand-made file reference: nothing of the request is read or indexed
            return self._after(render_error(f"not a file uploaded through this page: {', '.join(refused)}"))
        if not uploads:
            return self._after("")
        try:
            result = add_files(self.app, uploads, _reporter(progress))
        except AssistantError as err:
            return self._after(render_error(str(err)))
        return self._after(render_upload(result))

    def delete(self, file: str | None) -> tuple[Any, ...]:
        if not file:
            return self._after(render_error("choose an article to delete"))
        try:
            return self._after(render_sync(f"deleted {file}", delete_article(self.app, file)))
        except AssistantError as err:
            return self._after(render_error(str(err)))

    def reindex(self, progress: Any = None) -> tuple[Any, ...]:
        try:
            return self._after(render_sync("re-indexed the folder", reindex(self.app, _reporter(progress))))
        except AssistantError as err:
            return self._after(render_error(str(err)))


def uploaded_here(path: Path) -> bool:
    """Whether `path` is a file Gradio received through this server's upload route: a regular file (no
    link) inside its upload folder. Anything else was named by the caller and may be any file of the
    server's disk (a hand-made file reference in a queue request)."""
    from gradio.utils import get_upload_folder

    root = Path(get_upload_folder()).resolve()
    try:
        return not path.is_symlink() and path.is_file() and path.resolve().is_relative_to(root)
    except OSError:
        return False


def _reporter(progress: Any):
    if progress is None:
        return None
    done = 0

    def update(n: int, total: int) -> None:
        nonlocal done
        done += n
        progress((done, total), desc="indexing sentences", unit="sentences")

    return update


def articles_tab(app: App, status: gr.HTML, status_line, manage: bool) -> None:
    """The tab's components and events, inside the caller's gr.Blocks and gr.Tab."""
    import gradio as gr

    panel = ArticlesPanel(app, status_line)
    table = gr.HTML(render_table(app), elem_id="articles-table")
    result = gr.HTML("" if manage else f"<p>{esc(READ_ONLY)}</p>", elem_id="articles-result")
    if not manage:
        return
    types = sorted(SUPPORTED)
    upload = gr.File(
        label=f"Drop article files here ({', '.join(types)})",
        file_count="multiple",
        file_types=types,
        type="filepath",
        elem_id="upload",
    )
    with gr.Row():
        choice = gr.Dropdown(panel.files(), label="Article", value=None, elem_id="delete-choice", scale=4)
        delete = gr.Button("Delete", variant="stop", elem_id="delete", scale=1)
        again = gr.Button("Re-index the folder", elem_id="reindex", scale=1)
    outputs = [table, result, choice, status, upload]
    group = {"concurrency_id": "articles", "concurrency_limit": 1, "api_visibility": "private"}

    def on_upload(paths, progress=gr.Progress()):  # noqa: B008 (gradio's way of asking for a progress bar)
        return panel.upload(paths, progress)

    def on_reindex(progress=gr.Progress()):  # noqa: B008
        return panel.reindex(progress)

    upload.upload(on_upload, [upload], outputs, show_progress_on=[result], **group)
    delete.click(panel.delete, [choice], outputs, **group)
    again.click(on_reindex, None, outputs, show_progress_on=[result], **group)
