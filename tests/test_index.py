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
from assistant.ingestion.index import WriteLock
from assistant.ingestion.ingest import article_files, read_article
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


@pytest.mark.slow  # minutes on 2 cores: a corpus embedded twice / a Chroma server
def test_kill_9_during_ingestion_then_ingest_again(tmp_path: Path, embedder):
    folder = make_corpus(tmp_path / "corpus", 300)
    store = tmp_path / "store"
    env = {**os.environ, "ASSISTANT_STORE_DIR": str(store), "ASSISTANT_ARTICLES_DIR": str(folder)}
    writer = subprocess.Popen(
        [sys.executable, "-m", "assistant.interfaces.cli", "ingest"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
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
            "import sys, time; from assistant.ingestion.index import WriteLock; "
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


@pytest.mark.slow  # minutes on 2 cores: a corpus embedded twice / a Chroma server
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


# --- updates, change token, similarity -----------------------------------------------------------------


class FailingEmbedder:
    """The real embedding model behind an embedding server that has gone down (same model name, so the
    same collections)."""

    def __init__(self, real) -> None:
        self.name = real.name
        self._real = real

    def documents(self, texts: list[str]) -> list[list[float]]:
        from assistant.errors import ModelError

        raise ModelError("embedding server not reachable at http://127.0.0.1:9/v1")

    def query(self, text: str) -> list[float]:
        return self._real.query(text)


def article_state(app: App) -> dict[str, list[str]]:
    return {a.file: [a.sentence(i) for i in range(len(a.spans))] for a in app.index.articles().values()}


def test_a_changed_article_keeps_its_old_version_when_embedding_fails(articles_dir: Path, embedder):
    from assistant.errors import ModelError

    settings = Settings(articles_dir=articles_dir)
    App(settings, embedder=embedder).ingest()
    before = article_state(App(settings, embedder=embedder))
    edited = articles_dir / "002_38e1f6e2efff039d.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new paragraph was added by the editors today.\n")

    with pytest.raises(ModelError, match="not reachable"):
        App(settings, embedder=FailingEmbedder(embedder)).ingest()
    app = App(settings, embedder=embedder)
    assert article_state(app) == before
    assert app.index.stats()["chunks"] == sum(len(s) for s in before.values())

    assert app.ingest().report.updated == ["002_38e1f6e2efff039d.txt"]  # the next run replaces it
    after = article_state(app)
    assert after["002_38e1f6e2efff039d.txt"][-1] == "A new paragraph was added by the editors today."
    assert app.index.stats()["chunks"] == sum(len(s) for s in after.values())


def test_a_file_that_turned_bad_keeps_its_indexed_version(articles_dir: Path, embedder):
    app = App(Settings(articles_dir=articles_dir), embedder=embedder)
    app.ingest()
    before = article_state(app)
    (articles_dir / "000_45d2fcbcc429a1f9.txt").write_bytes(b"\x00\x01" * 100)
    (articles_dir / "001_edaec66f59fb5e6d.txt").write_text("Home\nNews\n", encoding="utf-8")
    result = app.ingest()
    assert sorted(s.file for s in result.skipped) == ["000_45d2fcbcc429a1f9.txt", "001_edaec66f59fb5e6d.txt"]
    assert not result.report.removed and article_state(app) == before


def test_a_long_running_reader_sees_another_process_ingest(articles_dir: Path, tmp_path: Path, embedder):
    settings = Settings(articles_dir=articles_dir)
    App(settings, embedder=embedder).ingest()
    reader = App(settings, embedder=embedder).index
    reader.refresh_seconds = 0.0
    first = reader.version()
    assert len(reader.articles()) == 5 and reader.version() == first  # no write, no change
    assert not App(settings, embedder=embedder).ingest().report.changed
    assert reader.version() == first  # an ingest that changes nothing leaves readers' caches alone

    (articles_dir / "new.txt").write_text(
        "Floods in the valley\n\nThe river burst its banks on Sunday and flooded two villages in the valley.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "ASSISTANT_STORE_DIR": str(settings.store_dir), "ASSISTANT_ARTICLES_DIR": str(articles_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant.interfaces.cli", "ingest"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert reader.version() != first
    assert "new.txt" in {a.file for a in reader.articles().values()}
    flood = embedder.query("The river burst its banks on Sunday and flooded two villages in the valley.")
    doc_id, _, _ = reader.vector_search(flood, 1)[0]
    assert reader.articles()[doc_id].file == "new.txt"


def test_vector_similarity_is_the_cosine_of_the_embeddings(shared_store: Settings, embedder):
    import numpy as np

    from assistant.ingestion.chunking import searchable

    index = App(shared_store, embedder=embedder).index
    assert index.space == "cosine"
    article = next(a for a in index.articles().values() if a.file == "001_edaec66f59fb5e6d.txt")
    at = next(i for i in range(len(article.spans)) if "Shaheen" in article.sentence(i))
    sentence = article.sentence(at)
    own = embedder.documents([searchable(article.text, article.spans, at)])[0]
    doc_id, i, similarity = index.vector_search(own, 1)[0]
    assert (doc_id, article.sentence(i)) == (article.doc_id, sentence)
    assert similarity == pytest.approx(1.0, abs=1e-4)

    question = embedder.query("Who said the United States violated the agreement?")
    for doc_id, i, similarity in index.vector_search(question, 5):
        found = index.articles()[doc_id]
        vector = np.array(embedder.documents([searchable(found.text, found.spans, i)])[0])
        cosine = float(vector @ question / (np.linalg.norm(vector) * np.linalg.norm(question)))
        assert similarity == pytest.approx(cosine, abs=1e-4)


def test_control_sequences_are_stripped_from_what_is_indexed_and_quoted(tmp_path: Path, embedder):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = "Storm news\n\nIt was \x1b[31mthe worst\x1b[0m storm in years on the coast, officials\x07 said on Monday.\n"
    (folder / "ansi.txt").write_text(text, encoding="utf-8")
    app = App(Settings(articles_dir=folder), embedder=embedder)
    app.ingest()
    article = next(iter(app.index.articles().values()))
    clean = "It was the worst storm in years on the coast, officials said on Monday."
    assert article.sentence(0) == clean  # offsets point into the cleaned text the index keeps
    assert "\x1b" not in article.text and "\x07" not in article.text
    vector = embedder.documents([clean])[0]
    assert app.index.vector_search(vector, 1)[0][2] == pytest.approx(1.0, abs=1e-4)


def test_the_index_reads_its_records_in_pages(articles_dir: Path, embedder, monkeypatch):
    """A Chroma server refuses one request for every record's metadata past ~32k records ("too many SQL
    variables"), so they are read in pages; with pages of two, a second run still finds all five
    articles unchanged and indexes none twice."""
    from assistant.ingestion import index

    monkeypatch.setattr(index, "RECORD_PAGE", 2)
    app = App(Settings(articles_dir=articles_dir), embedder=embedder)
    first = app.ingest().report
    again = app.ingest().report
    assert len(first.added) == 5 and sorted(again.unchanged) == sorted(first.added)
    assert not again.added and not again.removed
    assert app.index.stats()["chunks"] == sum(len(s) for s in article_state(app).values())
