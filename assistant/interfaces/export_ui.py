"""The chat's export buttons: the conversation, or one chosen answer, as Markdown and JSON files."""

from __future__ import annotations

import json
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export import answer_json, answer_markdown, conversation_json, conversation_markdown

if TYPE_CHECKING:
    from .webui import Exchange


CONVERSATION = "Whole conversation"
_EXPORTS = None  # this process's folder of exported files (gradio serves them from its cache)


def export_files(exchanges: list[Exchange] | None, scope: str | None) -> tuple[Any, Any, Any]:
    """(scope choices, Markdown file, JSON file) for the chosen scope; buttons off with nothing to export."""
    import gradio as gr

    answered = [ex.answer for ex in exchanges or [] if ex.answer is not None]
    choices = [CONVERSATION] + [f"Answer {i}: {a.question[:60]}" for i, a in enumerate(answered, start=1)]
    scope = scope if scope in choices else CONVERSATION
    if not answered:
        off = gr.update(value=None, interactive=False)
        return gr.update(choices=choices, value=scope), off, off
    if scope == CONVERSATION:
        stem, md, js = "conversation", conversation_markdown(answered), conversation_json(answered)
    else:
        n = choices.index(scope)
        one = answered[n - 1]
        stem, md = f"answer-{n}", answer_markdown(one, heading="#")
        js = json.dumps(answer_json(one), ensure_ascii=False, indent=2)
    folder = _export_folder() / uuid.uuid4().hex[:12]
    folder.mkdir()
    (folder / f"{stem}.md").write_text(md, encoding="utf-8")
    (folder / f"{stem}.json").write_text(js, encoding="utf-8")
    return (
        gr.update(choices=choices, value=scope),
        gr.update(value=str(folder / f"{stem}.md"), interactive=True),
        gr.update(value=str(folder / f"{stem}.json"), interactive=True),
    )


def _export_folder() -> Path:
    global _EXPORTS
    if _EXPORTS is None:
        _EXPORTS = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    return _EXPORTS
