"""`assistant eval`: run a question set through the pipeline and score answers and citations."""

from __future__ import annotations


def add_eval_command(sub) -> None:
    """Register `assistant eval` on the CLI's sub-parsers (to be written)."""
