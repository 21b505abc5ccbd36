"""What of a streaming answer may be shown: only verified text.

`Assistant.stream` yields `Progress` (verified sentences so far), possibly plain `str` pieces (raw model
text, unverified), and finally one `Answer`. Every consumer (chat, API, CLI) reads it through
`verified_updates`, so raw model text never reaches a user, whatever the pipeline yields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..schema import Answer, Progress


def verified_updates(items: Iterable[object]) -> Iterator[Progress | Answer]:
    """`Progress` for every step (raw text turns into "still checking" on the last verified text), then
    the final `Answer`."""
    last = Progress()
    for item in items:
        if isinstance(item, Answer):
            yield item
            return
        if isinstance(item, Progress):
            last = item
            yield item
        else:
            yield last.model_copy(update={"checking": True})
    raise RuntimeError("the answer stream ended without an answer")


def new_text(shown: str, update: Progress | Answer) -> str | None:
    """The part of `update` after what was already shown; None when it does not extend it (a final answer
    that replaces what was shown)."""
    if update.answer.startswith(shown):
        return update.answer[len(shown) :]
    return None
