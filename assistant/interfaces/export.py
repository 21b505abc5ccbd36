"""A conversation or one answer as Markdown (numbered sources) or JSON, for the browser and `ask --format`.

Article text and model output are data: in Markdown, characters that would become markup (HTML tags,
links, emphasis) are escaped, so a viewer shows them as text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..schema import Answer, Citation, ShortAnswer
from .short_answer import lead, span_in_quote

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_START = re.compile(r"^([#+=-])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: HTML-significant characters as entities, the rest of the
    syntax backslash-escaped; line breaks become spaces (quotes are single sentences)."""
    return _line_start(_inline(" ".join(text.split())))


def _inline(text: str) -> str:
    """A piece from the middle of a line: escaped as `md_escape` does, the spaces at its edges kept."""
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _line_start(text: str) -> str:
    """Escape what would start a list, a heading or a rule at the start of a line."""
    return _LINE_START.sub(r"\\\1", _LIST_NUMBER.sub(r"\1\\\2", text))


def _bold(text: str) -> str:
    """`text` in bold, its edge spaces outside the `**` (CommonMark does not bold `** x**`)."""
    core = text.strip()
    if not core:
        return _inline(text)
    head, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{_inline(head)}**{_inline(core)}**{_inline(tail)}"


def _quote(c: Citation, short: ShortAnswer | None) -> str:
    """The quote, with the short answer bold inside it when this citation proves it."""
    inside = span_in_quote(c, short) if short is not None else None
    if inside is None:
        return md_escape(c.quote)
    s, e = inside
    return _line_start((_inline(c.quote[:s]) + _bold(c.quote[s:e]) + _inline(c.quote[e:])).strip())


def _source(c: Citation, short: ShortAnswer | None = None) -> str:
    return (
        f"{c.marker}. **{md_escape(c.title)}**: {md_escape(c.article)}, characters {c.start}–{c.end}\n"
        f"   > {_quote(c, short)}"
    )


def answer_markdown(answer: Answer, heading: str = "##") -> str:
    """The question as a heading, the short answer in bold first (when there is one), the answer text, then
    numbered sources with the short answer bold inside the quote that proves it."""
    top = lead(answer)
    lines = [f"{heading} {md_escape(answer.question)}", ""]
    if top.short is not None:
        marker = f" \\[{top.marker}\\]" if top.marker is not None else ""
        lines += [f"**{md_escape(top.text)}**{marker}", ""]
    if top.body or top.short is None:
        lines += [md_escape(top.body), ""]
    if answer.refused:
        if answer.see_also:
            lines += ["Closest passages (not an answer):", ""]
            lines += [
                f"- **{md_escape(c.title)}** ({md_escape(c.article)}): {md_escape(c.quote)}" for c in answer.see_also
            ]
            lines.append("")
    elif answer.citations:
        lines += ["Sources:", ""]
        lines += [_source(c, top.short if c.marker == top.marker else None) for c in answer.citations]
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
