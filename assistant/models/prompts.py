"""Prompt templates live as files in `prompts/`; rendering is strict (a missing variable is an error).

The folder ships inside the package as `assistant.prompt_files` (pyproject.toml maps it), so an installed
wheel reads the templates through importlib.resources; a source checkout on PYTHONPATH reads the folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from ..errors import ConfigError
from ..settings import PROJECT_ROOT

PACKAGE = "assistant.prompt_files"


def prompts_dir() -> Traversable:
    """The installed templates, or the checkout's `prompts/` folder when running from source."""
    try:
        return resources.files(PACKAGE)
    except ModuleNotFoundError:
        return PROJECT_ROOT / "prompts"


class Prompts:
    def __init__(self, folder: Path | Traversable | None = None) -> None:
        self.folder = folder if folder is not None else prompts_dir()

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
