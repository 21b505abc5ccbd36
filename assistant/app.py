"""Wires the stages together once per process: one embedder, one store, one model."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import IngestError

if TYPE_CHECKING:  # the heavy stages are imported when first used, not when the CLI starts
    from .answering.answer import Assistant
    from .ingestion.index import Embedder, Index
    from .ingestion.ingest import IngestResult
    from .models.llms import LLM, Scorer
    from .retrieval.retrieve import Retriever
    from .settings import Settings
    from .verification.injection import Screen
    from .verification.judge import Judge

# Nothing may reach for a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars on every start


class App:
    def __init__(
        self, settings: Settings | None = None, llm: LLM | None = None, embedder: Embedder | None = None
    ) -> None:
        if settings is None:
            from .settings import Settings

            settings = Settings()
        self.settings = settings
        self._llm = llm
        self._embedder = embedder
        self._llm_lock = threading.Lock()
        self._scorer: Scorer | None = None
        self._scorer_built = False
        self._scorer_lock = threading.Lock()

    @cached_property
    def index(self) -> Index:
        from .ingestion.index import Index, make_embedder
        from .ingestion.light_embed import make_query_embedder

        embedder = self._embedder or make_query_embedder(self.settings) or make_embedder(self.settings)
        return Index(self.settings, embedder)

    def warm_model(self) -> None:
        """Read the system prompt into the local model's cache (kept between calls, the same for every
        question), so the first question pays only for its own part of the prompt; a remote model is left
        alone."""
        from .models.llms import complete
        from .models.local_llm import LocalLLM
        from .models.prompts import Prompts

        if isinstance(self.llm, LocalLLM):
            system = Prompts().text("system")  # what Assistant uses; built here so no stage is touched
            complete(self.llm, [{"role": "system", "content": system}, {"role": "user", "content": "Hi"}], max_tokens=1)

    def preload_model(self) -> None:
        """Start loading the model the first answer needs on a thread, while the index and retrieval start
        on this one (llama.cpp works outside the GIL): the judge's when answers are quoted first (the
        writer is then read only if an answer must be written), else the writer with its system prompt.
        A failure is left for the first real use to raise."""
        quotes = self._quotes_with_local_judge()

        def load() -> None:
            with contextlib.suppress(Exception):  # the same error is raised again where the model is needed
                if quotes:
                    self.judge_scorer  # noqa: B018  (built for its side effect: the model is read)
                else:
                    self.warm_model()

        # numpy is imported here, before the thread starts: the thread (llama.cpp) and this one (Chroma, the
        # query embedder) both import it, and two threads importing numpy at once can meet it half
        # initialised ("cannot import name 'NDArray' from partially initialized module").
        import numpy  # noqa: F401

        threading.Thread(target=load, name="load-model", daemon=True).start()

    def _quotes_with_local_judge(self) -> bool:
        """Answers are quoted first and judged by an in-process model: most never need the writer."""
        s = self.settings
        judge_backend = s.llm_backend if s.judge_backend == "same" else s.judge_backend
        return s.answer_style == "quote" and s.judge == "model" and judge_backend == "local"

    @cached_property
    def retriever(self) -> Retriever:
        from .retrieval.retrieve import Retriever

        return Retriever(self.index, self.settings.candidates)

    @property
    def llm(self) -> LLM:
        with self._llm_lock:  # the API and the chat may both ask for it first; load it once
            if self._llm is None:
                from .models.llms import make_llm

                lazy = self._quotes_with_local_judge() and self.settings.llm_backend == "local"
                self._llm = make_llm(self.settings, lazy=lazy, tokenizer=self.judge_scorer if lazy else None)
        return self._llm

    @property
    def judge_scorer(self) -> Scorer | None:
        """The judge's model: None for the rules alone. Its own llama context, or the answering server's
        client when that serves the judge's model too."""
        with self._scorer_lock:
            if not self._scorer_built:
                from .models.llms import make_judge_scorer

                self._scorer, self._scorer_built = make_judge_scorer(self.settings, self._llm), True
        return self._scorer

    @cached_property
    def judge(self) -> Judge:
        """The support judge, with a llama context of its own (or the answering server's client); built
        without loading the answering model when only the judge is needed (`assistant check --pairs`)."""
        from .models.prompts import Prompts
        from .verification.judge import Judge

        return Judge(
            self.judge_scorer,
            Prompts(),
            self.settings.judge_threshold,
            self.settings.answer_threshold,
            aliases=self.retriever.aliases,
        )

    @cached_property
    def screen(self) -> Screen:
        """Tells instructions aimed at an AI from news by the form of the sentence. The judge model is not
        asked about the sentences the form leaves open: on hand-written sentences it was never tuned on it
        dropped more news than it caught instructions there (bench/results/injection-screen.txt)."""
        from .models.prompts import Prompts
        from .verification.injection import Screen

        return Screen(None, Prompts())

    @cached_property
    def assistant(self) -> Assistant:
        from .answering.answer import Assistant

        return Assistant(self.settings, self.retriever, self.llm, judge=self.judge, screen=self.screen)

    @cached_property
    def slots(self) -> Slots:
        """Answers generated at once, shared by the chat and the API (one model behind both)."""
        return Slots(self.concurrency(), self.settings.api_max_waiting)

    def concurrency(self) -> int:
        """One llama.cpp context cannot serve two requests at once, whatever the setting says."""
        from .models.local_llm import LocalLLM

        return 1 if isinstance(self.llm, LocalLLM) else self.settings.ui_concurrency

    def ingest(self, folder: Path | None = None, progress: Callable[[int, int], None] | None = None) -> IngestResult:
        from .ingestion.ingest import ingest_folder

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


class Slots:
    """A counting gate: `acquire` waits while all slots are taken, unless `max_waiting` callers already
    wait, in which case it returns False at once (the caller answers "busy")."""

    def __init__(self, size: int, max_waiting: int) -> None:
        self._free = threading.BoundedSemaphore(size)
        self._waiting = 0
        self._max_waiting = max_waiting
        self._lock = threading.Lock()

    def acquire(self, timeout: float | None = None) -> bool:
        if self._free.acquire(blocking=False):
            return True
        with self._lock:
            if self._waiting >= self._max_waiting:
                return False
            self._waiting += 1
        try:
            return self._free.acquire(timeout=timeout)
        finally:
            with self._lock:
                self._waiting -= 1

    def release(self) -> None:
        self._free.release()


# --- start-up shared by the commands and the servers -------------------------------------------------


def progress_bar(desc: str = "embedding") -> Callable[[int, int], None]:
    """A tqdm bar on stderr, created on the first report (when the total is known)."""
    from tqdm import tqdm

    bar = None

    def update(n: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="sentence", desc=desc, file=sys.stderr, leave=False)
        bar.update(n)

    return update


def ingest_summary(result: IngestResult) -> list[str]:
    """The skipped files with their reasons, then the one-line count."""
    lines = [f"skipped {s.file}: {s.reason}" for s in result.skipped]
    r = result.report
    lines.append(
        f"{len(r.added)} added, {len(r.updated)} updated, {len(r.removed)} removed, {len(r.unchanged)} unchanged, "
        f"{len(r.duplicates)} duplicate, {len(result.skipped)} skipped; {r.sentences_added} sentences embedded"
    )
    return lines


def ready_app(app: App | None = None, log: TextIO | None = None) -> App:
    """An App whose index holds the articles: indexes them on first use, reporting on `log` (stderr),
    never on stdout, which belongs to the command's own output (`ask --json`)."""
    app = app or App()
    log = log or sys.stderr
    result = app.ensure_ingested(progress=progress_bar("indexing articles"))
    if result is not None:
        print("first use: indexing the articles", file=log)
        for line in ingest_summary(result):
            print(line, file=log)
    return app
