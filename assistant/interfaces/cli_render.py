"""How the command line shows an answer: the short answer first, the verified text, then its sources;
nothing from an article reaches the terminal as a control sequence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..schema import Answer


def print_streamed(stream) -> Answer:
    """Print the answer's verified sentences as they come (never the model's raw text), then its sources."""
    from ..schema import Answer
    from .progressive import new_text, verified_updates

    shown = ""
    for item in verified_updates(stream):
        piece = new_text(shown, item)
        if isinstance(item, Answer):
            if piece is None or not shown:  # nothing shown yet, or replaced: the whole answer, short one first
                piece = ("\n" if shown else "") + answer_text(item)
            print(printable(piece), flush=True)
            print(render_sources(item))
            return item
        if piece:
            shown += piece
            print(printable(piece), end="", flush=True)
    raise AssertionError("unreachable: verified_updates ends with an Answer")


def render_answer(answer: Answer) -> str:
    return f"{printable(answer_text(answer))}\n{render_sources(answer)}".rstrip()


def answer_text(answer: Answer) -> str:
    """The short answer with its marker on a line of its own, then the rest of the answer; an answer that
    already opens that way is printed as it is, never with the short answer twice."""
    from .short_answer import lead

    top = lead(answer)
    if top.short is None:
        return answer.answer
    marker = f" [{top.marker}]" if top.marker is not None else ""
    return f"{top.text}{marker}" + (f"\n\n{top.body}" if top.body else "")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe for a terminal: a control character in an article (an ANSI or OSC sequence) is printed
    as its escape, never sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render_sources(answer: Answer) -> str:
    lines = [""]
    if answer.refused:
        if answer.see_also:
            lines.append("Closest passages (not an answer):")
            lines += [f"  - {printable(c.title)}: “{printable(c.quote)}”" for c in answer.see_also]
        return "\n".join(lines).rstrip()
    lines.append("Sources:")
    for c in answer.citations:
        lines.append(f"[{c.marker}] {printable(c.title)} ({printable(c.article)}, characters {c.start}-{c.end})")
        lines.append(f"    “{printable(c.quote)}”")
    return "\n".join(lines)
