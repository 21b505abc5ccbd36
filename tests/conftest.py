"""Shared fixtures: every test gets its own store under tmp_path; the real models are loaded once."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

from assistant.app import App  # noqa: E402
from assistant.settings import PROJECT_ROOT, Settings  # noqa: E402

ARTICLES = PROJECT_ROOT / "store" / "articles"


def free_port() -> int:
    """A free TCP port on loopback (for the servers the tests start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real store: ASSISTANT_STORE_DIR points into the test's own tmp_path."""
    store = tmp_path / "store"
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(store))
    for key in list(os.environ):
        if key.startswith("ASSISTANT_") and key != "ASSISTANT_STORE_DIR":
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no stray .env from the developer's folder
    return store


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled articles."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture(scope="session")
def embedder():
    from assistant.ingestion.index import make_embedder

    return make_embedder(Settings())


@pytest.fixture(scope="session", autouse=True)
def one_judge_per_session() -> Iterator[dict]:
    """Every App of the session whose judge is the same bundled model with the same settings shares one
    loaded judge, as the Apps of one long-running server do, instead of loading its own in each test
    (a llama context per App: seconds each, dozens of times). Apps whose judge settings differ (another
    model, context, cache folder, thread count...) still get their own. The shared judge holds a lock per
    request (LocalLLM), so two Apps of one test may use it at once."""
    from assistant.models import llms

    original = llms.make_judge_scorer
    loaded: dict[tuple, object] = {}

    def shared(settings: Settings, answering=None):
        backend = settings.llm_backend if settings.judge_backend == "same" else settings.judge_backend
        if settings.judge != "model" or backend != "local":
            return original(settings, answering)
        key = (
            settings.judge_model,
            min(settings.n_ctx, 1536),
            settings.temperature,
            settings.llm_timeout,
            settings.chat_format,
            str(settings.model_cache_dir),
            settings.resolved_threads(),
        )
        if key not in loaded:
            loaded[key] = original(settings, answering)
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(llms, "make_judge_scorer", shared)
        yield loaded


@pytest.fixture(scope="session")
def local_llm():
    """The default bundled model (Qwen2.5-Coder-1.5B), loaded once for the whole session."""
    from assistant.models.llms import make_local_llm

    return make_local_llm(Settings())


@pytest.fixture(scope="session")
def shared_store(tmp_path_factory: pytest.TempPathFactory, embedder) -> Settings:
    """One store holding the bundled articles, built once and shared by read-only tests."""
    store = tmp_path_factory.mktemp("shared-store")
    settings = Settings(store_dir=store, articles_dir=ARTICLES)
    App(settings, embedder=embedder).ingest()
    return settings


@pytest.fixture
def real_app(shared_store: Settings, embedder, local_llm) -> App:
    return App(shared_store, llm=local_llm, embedder=embedder)


class FakeLLM:
    """Deterministic stand-in behind the same interface: replies with scripted texts in order."""

    name = "fake"

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.calls: list[list[dict[str, str]]] = []

    def stream(self, messages, max_tokens: int, grammar: str | None = None, usage=None) -> Iterator[str]:
        self.calls.append(messages)
        reply = self.replies.pop(0) if self.replies else ""
        if usage is not None:
            usage.prompt_tokens = sum(len(m["content"]) // 4 for m in messages)
            usage.completion_tokens = len(reply) // 4
        for word in reply.split(" "):
            yield word + " "


@pytest.fixture
def fake_app(shared_store: Settings, embedder):
    """An app whose answers come from the scripted model and are judged by the rules alone (the judge
    model has tests of its own in test_judge.py)."""

    def build(*replies: str) -> App:
        return App(shared_store.model_copy(update={"judge": "rules"}), llm=FakeLLM(*replies), embedder=embedder)

    return build
