"""The store: crash safety, one writer at a time, and the Chroma server mode."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.app import App
from assistant.errors import StoreBusyError
from assistant.index import WriteLock
from assistant.ingest import article_files, read_article
from assistant.settings import Settings

from .conftest import ARTICLES, FakeLLM, free_port


def make_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """`count` distinct articles recombined from the real articles' sentences."""
    sentences = []
    for path in sorted(ARTICLES.glob("*.txt")):
        article = read_article(path)
        sentences += [article.sentence(i) for i in range(len(article.spans))]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = " ".join(rng.sample(sentences, 6))
        (folder / f"gen_{n:04d}.txt").write_text(f"Generated report number {n}\n\n{body}\n", encoding="utf-8")
    return folder


def expected_ids(folder: Path) -> tuple[set[str], set[str]]:
    docs, sentences = set(), set()
    for path in article_files(folder):
        article = read_article(path)
        docs.add(article.doc_id)
        sentences |= {f"{article.doc_id}:{i}" for i in range(len(article.spans))}
    return docs, sentences


def test_kill_9_during_ingestion_then_ingest_again(tmp_path: Path, embedder):
    folder = make_corpus(tmp_path / "corpus", 300)
    store = tmp_path / "store"
    env = {**os.environ, "ASSISTANT_STORE_DIR": str(store), "ASSISTANT_ARTICLES_DIR": str(folder)}
    writer = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 300
    chroma_files = store / "chroma"
    # Kill once embedding is under way (the store has data on disk), not before it started.
    while time.monotonic() < deadline and not any(chroma_files.glob("*/*.bin")) and writer.poll() is None:
        time.sleep(0.2)
    time.sleep(3)
    assert writer.poll() is None, "ingestion finished before it could be killed; use a larger corpus"
    writer.send_signal(signal.SIGKILL)
    writer.wait()

    app = App(Settings(store_dir=store, articles_dir=folder), llm=FakeLLM(""), embedder=embedder)
    app.ingest()
    docs, sentences = expected_ids(folder)
    assert set(app.index.records.get(include=[])["ids"]) == docs
    stored = app.index.sentences.get(include=[])["ids"]
    assert len(stored) == len(set(stored)) and set(stored) == sentences
    answer = app.assistant.ask("Which member of the Taliban negotiating team said the United States had violated it?")
    texts = {a.file: a.text for a in app.index.articles().values()}
    assert all(texts[c.article][c.start : c.end] == c.quote for c in answer.citations + answer.evidence)


def test_second_writer_gets_a_clear_message_and_readers_keep_working(shared_store: Settings, embedder):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from assistant.index import WriteLock; "
            f"lock = WriteLock(__import__('pathlib').Path({str(shared_store.store_dir)!r})); lock.__enter__(); "
            "print('locked', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        app = App(shared_store, embedder=embedder)
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match=f"in use by PID {holder.pid}"):
            app.ingest()
        assert time.monotonic() - started < 5  # no waiting on the lock
        assert app.index.stats()["articles"] == 5
    finally:
        holder.kill()
        holder.wait()
    with WriteLock(shared_store.store_dir):  # released when its holder died
        pass


# --- Chroma server mode -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    chroma = Path(sys.executable).with_name("chroma")
    log = (data / "server.log").open("wb")
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"chroma server did not start: {(data / 'server.log').read_text()[-1500:]}")
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_chroma_server_mode_needs_no_code_change(chroma_server: int, articles_dir: Path, tmp_path: Path, embedder):
    settings = Settings(chroma_host="127.0.0.1", chroma_port=chroma_server, articles_dir=articles_dir)
    app = App(settings, llm=FakeLLM(""), embedder=embedder)
    first = app.ingest()
    assert len(first.report.added) == 5
    assert app.index.stats()["store"] == f"chroma://127.0.0.1:{chroma_server}"
    assert not App(settings, embedder=embedder).ingest().report.changed  # a second process sees the same data
    answer = app.assistant.ask("Which member of the Taliban negotiating team said the United States had violated it?")
    assert any("Shaheen" in e.quote for e in answer.evidence)
    assert not (tmp_path / "store" / "chroma").exists()  # nothing went to the local store
