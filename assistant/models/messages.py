"""A chat as the backends receive it, and its plain-text form for models without a chat template."""

from __future__ import annotations

Messages = list[dict[str, str]]
PLAIN = "plain"  # ASSISTANT_CHAT_FORMAT value: prompt with plain text


def plain_prompt(messages: Messages) -> str:
    """A chat as plain text, for models that have no chat template."""
    names = {"system": "Instructions", "user": "User", "assistant": "Assistant"}
    turns = [f"{names.get(m['role'], m['role'].title())}: {m['content']}" for m in messages]
    return "\n\n".join(turns) + "\n\nAssistant:"
