"""The browser chat (Gradio)."""

from __future__ import annotations


def add_ui_command(sub) -> None:
    """Register `assistant ui` on the CLI's sub-parsers (to be written)."""
