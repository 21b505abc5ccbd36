"""Wires the stages together once per process: one embedder, one store, one model."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from .answer import Assistant
from .errors import IngestError
from .index import Embedder, Index, make_embedder
from .ingest import IngestResult, ingest_folder
from .injection import Screen
from .judge import Judge
from .llms import LLM, make_llm
from .prompts import Prompts
from .retrieve import Retriever
from .settings import Settings

# Nothing may reach for a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars on every start


class App:
    def __init__(
        self, settings: Settings | None = None, llm: LLM | None = None, embedder: Embedder | None = None
    ) -> None:
        self.settings = settings or Settings()
        self._llm = llm
        self._embedder = embedder

    @cached_property
    def index(self) -> Index:
        return Index(self.settings, self._embedder or make_embedder(self.settings))

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.index, self.settings.candidates)

    @property
    def llm(self) -> LLM:
        if self._llm is None:
            self._llm = make_llm(self.settings)
        return self._llm

    @cached_property
    def judge(self) -> Judge:
        """The support judge; shares the answering model when it is the one asked for (one copy in memory),
        without loading it when only the judge is needed (`assistant check --pairs`)."""
        from .llms import make_judge_scorer

        scorer = make_judge_scorer(self.settings, self._llm)
        return Judge(scorer, Prompts(), self.settings.judge_threshold, aliases=self.retriever.aliases)

    @cached_property
    def screen(self) -> Screen:
        """Tells instructions aimed at an AI from news; uses the judge's model."""
        return Screen(self.judge.scorer, Prompts())

    @cached_property
    def assistant(self) -> Assistant:
        return Assistant(self.settings, self.retriever, self.llm, judge=self.judge, screen=self.screen)

    def ingest(self, folder: Path | None = None, progress: Callable[[int, int], None] | None = None) -> IngestResult:
        folder = folder or self.settings.articles_dir
        if not folder.is_dir():  # before loading any model: a typo should fail fast
            raise IngestError(f"articles folder not found: {folder}")
        result = ingest_folder(folder, self.index, self.settings.max_file_mb, progress)
        self.retriever.refresh()
        return result

    def ensure_ingested(self, progress: Callable[[int, int], None] | None = None) -> IngestResult | None:
        """Index the configured articles when the store is empty (first use)."""
        if self.index.articles():
            return None
        return self.ingest(progress=progress)
