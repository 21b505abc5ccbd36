"""Prompt templates live as files in `prompts/`; rendering is strict (a missing variable is an error)."""

from __future__ import annotations

from pathlib import Path
from string import Template

from .errors import ConfigError
from .settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"


class Prompts:
    def __init__(self, folder: Path = PROMPTS_DIR) -> None:
        self.folder = folder

    def text(self, template: str, /) -> str:
        path = self.folder / f"{template}.txt"
        try:
            return path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise ConfigError(f"prompt template missing: {path}") from None

    def render(self, template: str, /, **values: str) -> str:
        try:
            return Template(self.text(template)).substitute(values)
        except KeyError as err:
            raise ConfigError(f"prompt {template!r} needs variable {err.args[0]!r}") from None
