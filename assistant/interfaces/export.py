"""A conversation or one answer as Markdown (numbered sources) or JSON, for the browser and `ask --format`.

Article text and model output are data: in Markdown, characters that would become markup (HTML tags,
links, emphasis) are escaped, so a viewer shows them as text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..schema import Answer, Citation

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_START = re.compile(r"^([#+=-])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: HTML-significant characters as entities, the rest of the
    syntax backslash-escaped; line breaks become spaces (quotes are single sentences)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LIST_NUMBER.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)


def _source(c: Citation) -> str:
    return (
        f"{c.marker}. **{md_escape(c.title)}**: {md_escape(c.article)}, characters {c.start}–{c.end}\n"
        f"   > {md_escape(c.quote)}"
    )


def answer_markdown(answer: Answer, heading: str = "##") -> str:
    lines = [f"{heading} {md_escape(answer.question)}", "", md_escape(answer.answer), ""]
    if answer.refused:
        if answer.see_also:
            lines += ["Closest passages (not an answer):", ""]
            lines += [
                f"- **{md_escape(c.title)}** ({md_escape(c.article)}): {md_escape(c.quote)}" for c in answer.see_also
            ]
            lines.append("")
    elif answer.citations:
        lines += ["Sources:", ""]
        lines += [_source(c) for c in answer.citations]
        lines.append("")
    lines.append(f"Answered by {md_escape(answer.model)}.")
    return "\n".join(lines) + "\n"


def conversation_markdown(answers: Sequence[Answer], title: str = "Conversation") -> str:
    parts = [f"# {md_escape(title)}\n"] + [answer_markdown(a) for a in answers]
    return "\n".join(parts)


def answer_json(answer: Answer) -> dict:
    """The documented `ask --json` object, plus the closest passages of a refusal."""
    out = answer.public()
    if answer.refused:
        out["see_also"] = [c.model_dump() for c in answer.see_also]
    return out


def conversation_json(answers: Sequence[Answer]) -> str:
    return json.dumps({"turns": [answer_json(a) for a in answers]}, ensure_ascii=False, indent=2)
