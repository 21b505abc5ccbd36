"""The lexical index persisted beside the store: built once per change, opened (not rebuilt) by other readers,
and an ingestion stopped half-way that resumes without losing or duplicating anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant import text as tx
from assistant.app import App
from assistant.ingestion import index as index_module
from assistant.retrieval.lexical import Lexicon
from assistant.settings import Settings

from .test_index import expected_ids, make_corpus


def lexical_folders(store: Path) -> list[Path]:
    return [p for p in (store / "lexical").glob("*/*") if p.is_dir()]


def test_a_second_reader_opens_the_lexical_index_the_ingestion_built(shared_store: Settings, embedder):
    folders = lexical_folders(shared_store.store_dir)
    assert len(folders) == 1, folders  # one version, built by the ingesting process
    stamp = (folders[0] / "meta.json").stat().st_mtime_ns
    reader = App(shared_store, embedder=embedder).retriever
    hits = reader.search("Who leads the Pakistani Taliban?", 5)
    assert hits and not reader.lexicon.built
    assert (folders[0] / "meta.json").stat().st_mtime_ns == stamp
    assert reader.lexicon.size == reader.index.sentences.count()


def test_another_process_opens_it_without_reading_the_archive(shared_store: Settings):
    # A fresh interpreter (no embedder loaded: only the lexical side is asked) must find it on disk.
    code = (
        "from assistant.app import App\n"
        "from assistant.settings import Settings\n"
        "from assistant.retrieval.lexical import open_lexicon\n"
        f"app = App(Settings(store_dir={str(shared_store.store_dir)!r}))\n"
        "lex = open_lexicon(app.index)\n"
        "print(lex.built, lex.size, len(lex.bm25_search('Noor Wali Mehsud', 3)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    built, size, found = out.stdout.split()
    assert built == "False" and int(size) > 100 and int(found) == 3


def test_every_sentence_is_found_by_its_own_words(shared_store: Settings, embedder):
    app = App(shared_store, embedder=embedder)
    lexicon: Lexicon = app.retriever.lexicon
    articles = app.index.articles()
    stored = {(a.doc_id, i) for a in articles.values() for i in range(len(a.spans))}
    assert {lexicon.key(n) for n in range(lexicon.size)} == stored
    for n in range(0, lexicon.size, 17):
        doc_id, i = lexicon.key(n)
        sentence = articles[doc_id].sentence(i)
        assert n in lexicon.bm25_search(sentence, 3), sentence
        for pair in sorted(tx.phrases(sentence))[:3]:
            assert n in lexicon.phrase_rows(pair)


def test_the_top_sentences_score_as_bm25s_scores_them_ties_in_sentence_order(shared_store: Settings):
    import bm25s

    lexicon = Lexicon(lexical_folders(shared_store.store_dir)[0])
    for query in ("Who leads the Pakistani Taliban?", "taliban taliban pakistan", "ceasefire collapse in 2022"):
        stemmed = bm25s.tokenize([query], stopwords="en", stemmer=tx.stemmer(), show_progress=False)
        words = {i: w for w, i in stemmed.vocab.items()}
        scores = lexicon.bm25.get_scores([words[i] for i in stemmed.ids[0] if words[i] in lexicon.bm25.vocab_dict])
        best = sorted(range(lexicon.size), key=lambda n: (-scores[n], n))[:10]
        assert lexicon.bm25_search(query, 10) == [n for n in best if scores[n] > 0], query
    assert lexicon.bm25_search("zzqx", 10) == []


def test_an_article_ingested_by_another_writer_reaches_a_running_reader(tmp_path: Path, articles_dir: Path, embedder):
    settings = Settings(store_dir=tmp_path / "store", articles_dir=articles_dir)
    App(settings, embedder=embedder).ingest()
    reader = App(settings, embedder=embedder)
    reader.index.refresh_seconds = 0.0
    before = reader.retriever.search("Who is Zorvanek Quillibrand?", 5)
    assert all("Zorvanek" not in h.article.text for h in before)
    (articles_dir / "new.txt").write_text(
        "Zorvanek Quillibrand leads the harbour council.\n\n"
        "Zorvanek Quillibrand, a former ferry captain, was elected in March by the council members.\n",
        encoding="utf-8",
    )
    App(settings, embedder=embedder).ingest()  # another writer; it builds the new lexical index at its end
    hits = reader.retriever.search("Who is Zorvanek Quillibrand?", 5)
    assert "Zorvanek" in hits[0].article.sentence(hits[0].index)
    assert not reader.retriever.lexicon.built
    assert len(lexical_folders(settings.store_dir)) == 1  # the older version was removed


class Stop(Exception):
    pass


def test_an_ingestion_stopped_half_way_resumes_without_losing_or_duplicating(
    tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch
):
    folder = make_corpus(tmp_path / "corpus", 30)
    settings = Settings(store_dir=tmp_path / "store", articles_dir=folder)
    monkeypatch.setattr(index_module, "WRITE_BATCH", 48)  # several groups in a small corpus
    seen: list[int] = []

    def stop_in_second_group(n: int, total: int) -> None:
        seen.append(n)
        if sum(seen) > 60:
            raise Stop

    with pytest.raises(Stop):
        App(settings, embedder=embedder).ingest(progress=stop_in_second_group)
    app = App(settings, embedder=embedder)
    kept = set(app.index.articles())
    assert kept, "the first group should have been stored before the stop"
    progress: list[int] = []
    report = app.ingest(progress=lambda n, total: progress.append(total)).report
    docs, sentences = expected_ids(folder)
    assert len(report.unchanged) == len(kept) and len(report.added) == len(docs) - len(kept)
    assert progress and progress[0] == sum(len(a.spans) for a in app.index.articles().values() if a.doc_id not in kept)
    assert set(app.index.records.get(include=[])["ids"]) == docs
    stored = app.index.sentences.get(include=[])["ids"]
    assert len(stored) == len(set(stored)) and set(stored) == sentences
    assert app.retriever.lexicon.size == len(sentences)


def test_a_reader_fetches_only_the_articles_it_asks_for(shared_store: Settings, embedder, tmp_path: Path):
    index = App(shared_store, embedder=embedder).index
    some = sorted(index.articles())[:2]
    reader = App(shared_store, embedder=embedder).index  # nothing loaded yet
    got = reader.fetch([*some, "no-such-article"])
    assert list(got) == some and all(got[d] == index.articles()[d] for d in some)
    texts = reader.sentence_texts([(some[0], 0), (some[0], 1)])
    assert texts == {(some[0], i): index.articles()[some[0]].sentence(i) for i in (0, 1)}
    # Cut from the article, not stored twice: a sentence row's text costs the server a full-text index entry.
    assert reader.sentences.get(ids=[f"{some[0]}:0"], include=["documents"])["documents"] == [None]
    assert not reader.is_empty()
    assert App(Settings(store_dir=tmp_path / "empty"), embedder=embedder).index.is_empty()


def test_readers_keep_their_index_while_an_ingestion_runs_and_build_one_when_none_was_built(
    tmp_path: Path, articles_dir: Path, embedder
):
    import os

    from assistant.ingestion.ingest import ingest_folder
    from assistant.ingestion.lock import PID_FILE

    settings = Settings(store_dir=tmp_path / "store", articles_dir=articles_dir)
    App(settings, embedder=embedder).ingest()
    reader = App(settings, embedder=embedder)
    reader.index.refresh_seconds = 0.0
    before = reader.retriever.lexicon
    (articles_dir / "new.txt").write_text("Velmora Thistlewick opened the new harbour bridge on Monday.\n")
    writer = App(settings, embedder=embedder)
    ingest_folder(articles_dir, writer.index, settings.max_file_mb)  # no lexical build: as if it were still running
    (settings.store_dir / PID_FILE).write_text(str(os.getpid()))  # a live writer holds the store
    assert reader.retriever.lexicon is before  # kept: the writer builds the new one at its end
    (settings.store_dir / PID_FILE).unlink()  # the writer is gone without building it
    after = reader.retriever.lexicon
    assert after is not before and after.built and after.version == reader.index.version()
    assert after.term_rows("velmora").size == 1


def test_the_aliases_read_back_are_those_the_build_learned(shared_store: Settings):
    from assistant.retrieval.aliases import learn
    from assistant.retrieval.lexical import open_lexicon

    app = App(shared_store)
    opened = open_lexicon(app.index)
    assert not opened.built  # read from its files, not rebuilt
    texts = [a.text for a in app.index.articles().values()]
    learned = learn(texts)
    # the corpus defines "Tehrik-e-Taliban Pakistan (TTP)": the saved data gives the same groups back
    assert opened.aliases.of("ttp") == learned.of("ttp") and len(learned.of("ttp")) > 1
    assert opened.aliases.groups == learned.groups


def test_a_lexical_index_of_an_older_format_is_rebuilt_not_read(shared_store: Settings, tmp_path: Path):
    import shutil

    from assistant.retrieval import lexical

    store = tmp_path / "store"
    shutil.copytree(shared_store.store_dir, store)
    settings = shared_store.model_copy(update={"store_dir": store})
    current = lexical_folders(store)[0]
    # what an older version left: its folder named by its format, holding files this one cannot read
    old = current.with_name(current.name.replace(f"v{lexical.FORMAT}-", f"v{lexical.FORMAT - 1}-"))
    current.rename(old)
    (old / "aliases.json").unlink()
    opened = lexical.open_lexicon(App(settings).index)
    assert opened.built and opened.size > 100
