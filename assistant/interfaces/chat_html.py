"""The chat's HTML: answers whose [n] markers open their verbatim source passages, refusals, errors and
the verified text while an answer streams. Every piece of text is escaped before any tag of ours is added;
gradio only displays the result (`webui`)."""

from __future__ import annotations

import html
import re

from ..schema import Answer, Citation, Progress, ShortAnswer
from .short_answer import lead, span_in_quote, span_in_text

SHOWN_QUESTION_CHARS = 400  # a pasted essay should not flood the chat; the error says how long it was
_MARKER = re.compile(r"\[(\d+)\]")

CSS = """
.turn { line-height: 1.5; }
.turn a.cite { font-weight: 600; text-decoration: none; padding: 0 1px; }
.turn .meta { color: var(--body-text-color-subdued); font-size: 0.8em; margin-top: 0.4em; }
.turn .sources { margin-top: 0.6em; }
.turn .card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.4em 0.7em;
  margin-top: 0.5em; background: var(--background-fill-secondary); scroll-margin-top: 1em; }
.turn .card:target { border-color: var(--color-accent); box-shadow: 0 0 0 2px var(--color-accent-soft); }
.turn .card .head { font-weight: 600; }
.turn .card .file { color: var(--body-text-color-subdued); font-weight: 400; font-size: 0.85em; }
.turn .card .para, .turn .card .full { white-space: pre-wrap; margin: 0.3em 0; }
.turn .card .full { max-height: 22em; overflow-y: auto; font-size: 0.9em; }
.turn mark { background: #ffe27a; color: #111; padding: 0 1px; border-radius: 2px; }
.turn .short { font-size: 1.15em; font-weight: 600; margin: 0 0 0.3em 0; }
.turn strong.span { font-weight: 700; background: #ffc933; color: #111; border-radius: 2px; }
.turn.refusal .note { border-left: 4px solid #d9a400; padding: 0.3em 0.7em; background: rgba(217, 164, 0, 0.10); }
.turn.refusal .closest li { margin: 0.3em 0; }
.turn.error .note { border-left: 4px solid #c0392b; padding: 0.3em 0.7em; background: rgba(192, 57, 43, 0.10); }
.turn.streaming { white-space: pre-wrap; }
.turn .checking { color: var(--body-text-color-subdued); font-style: italic; }
#status { font-size: 0.9em; color: var(--body-text-color-subdued); }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_answer(answer: Answer, texts: dict[str, str], uid: str) -> str:
    """The short answer on top (when there is one), the answer text, then one card per citation; the short
    answer's span is marked inside the quote that proves it, in the text and in its card."""
    if answer.refused:
        return render_refusal(answer)
    markers = {c.marker for c in answer.citations}

    def anchor(n: int) -> str:
        return f'<a class="cite" href="#src-{uid}-{n}">[{n}]</a>'

    def link(m: re.Match) -> str:
        return anchor(int(m.group(1))) if int(m.group(1)) in markers else m.group()

    def linked(text: str) -> str:
        return _MARKER.sub(link, esc(text))

    top, body = lead(answer), ""
    short = top.short if top.marker is not None else None
    proof = next((c for c in answer.citations if c.marker == top.marker), None)
    where = span_in_text(top.body, proof, short) if proof is not None and short is not None else None
    if where is not None:  # the proof quoted in the text: its span marked there too
        s, e = where
        body = f'{linked(top.body[:s])}<strong class="span">{esc(top.body[s:e])}</strong>{linked(top.body[e:])}'
    elif top.body:
        body = linked(top.body)
    head = ""
    if top.short is not None:
        cite = f" {anchor(top.marker)}" if top.marker is not None else ""
        head = f'<p class="short">{esc(top.text)}{cite}</p>'
    text = f'<p class="text">{body}</p>' if body or top.short is None else ""
    cards = "".join(
        render_card(c, texts.get(c.article, ""), uid, short if c.marker == top.marker else None)
        for c in answer.citations
    )
    return f'<div class="turn answer">{head}{text}<div class="sources">{cards}</div>{_meta(answer)}</div>'


def render_card(c: Citation, text: str, uid: str, short: ShortAnswer | None = None) -> str:
    """Title, the quote marked inside its paragraph, and the whole article with the same span marked; the
    short answer, when this card proves it, marked again inside the quote."""
    inside = span_in_quote(c, short) if short is not None else None
    if text[c.start : c.end] != c.quote:  # never mark a span that is not the quote; show the quote alone
        para = f"<mark>{_inner(c.quote, inside)}</mark>"
        full = ""
    else:
        p_start, p_end = paragraph_bounds(text, c.start, c.end)
        para = highlight(text[p_start:p_end], c.start - p_start, c.end - p_start, inside)
        full = (
            f'<details><summary>Whole article</summary><div class="full">{highlight(text, c.start, c.end, inside)}'
            f"</div></details>"
        )
    return (
        f'<div class="card" id="src-{uid}-{c.marker}"><div class="head">[{c.marker}] {esc(c.title)} '
        f'<span class="file">{esc(c.article)}, characters {c.start}–{c.end}</span></div>'
        f'<div class="para">{para}</div>{full}</div>'
    )


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line(s) holding [start, end): articles put one paragraph per line."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, len(text) if p_end == -1 else p_end


def highlight(text: str, start: int, end: int, inside: tuple[int, int] | None = None) -> str:
    """`text` with [start, end) marked; `inside` (offsets within that span) marked again, bold."""
    return f"{esc(text[:start])}<mark>{_inner(text[start:end], inside)}</mark>{esc(text[end:])}"


def _inner(quote: str, inside: tuple[int, int] | None) -> str:
    if inside is None:
        return esc(quote)
    s, e = inside
    return f'{esc(quote[:s])}<strong class="span">{esc(quote[s:e])}</strong>{esc(quote[e:])}'


def render_refusal(answer: Answer) -> str:
    items = "".join(
        f'<li><b>{esc(c.title)}</b> <span class="file">({esc(c.article)})</span>: “{esc(c.quote)}”</li>'
        for c in answer.see_also
    )
    closest = f'<div class="closest"><p>Closest passages (not an answer):</p><ul>{items}</ul></div>' if items else ""
    return f'<div class="turn refusal"><p class="note">{esc(answer.answer)}</p>{closest}{_meta(answer)}</div>'


def render_error(message: str) -> str:
    return f'<div class="turn error"><p class="note">Could not answer: {esc(message)}</p></div>'


def render_stream(raw: str = "") -> str:
    """The turn before anything is verified: never the model's raw text, only that it is at work."""
    del raw  # kept for callers of the old signature; unverified text is not shown
    return '<div class="turn streaming"><span class="checking">Searching and checking the articles…</span></div>'


def render_progress(progress: Progress) -> str:
    """The verified sentences so far (markers plain: their cards come with the finished answer)."""
    if not progress.answer:
        return render_stream()
    checking = ' <span class="checking">checking…</span>' if progress.checking else ""
    return f'<div class="turn streaming"><p class="text">{esc(progress.answer)}{checking}</p></div>'


def render_question(question: str) -> str:
    shown = question if len(question) <= SHOWN_QUESTION_CHARS else question[:SHOWN_QUESTION_CHARS] + "…"
    return f'<div class="question">{esc(shown)}</div>'


def _meta(answer: Answer) -> str:
    seconds = answer.timings_ms.total / 1000
    dropped = f" · {len(answer.dropped)} unsupported sentence(s) left out" if answer.dropped else ""
    return f'<div class="meta">{esc(answer.model)} · {seconds:.1f} s{dropped}</div>'
