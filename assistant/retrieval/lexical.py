"""The lexical half of retrieval, persisted beside the store: built once per store change, then memory-mapped.

Chroma 1.5 has a BM25 sparse-vector index and a `Search()` API that fuses rankings, but its local
executor (the embedded `PersistentClient` and a `chroma run` server alike) answers "Search operation is
not implemented for local executor" (see docs/notes-scale.md). So the lexical structures live in files under
`<store>/lexical/<collection>/<version>/`, written once by whoever first needs them after a change (the
ingesting process, at the end of its run) and opened by every other reader with `mmap`: a second
`serve` on the same store is ready without reading the archive, and its memory holds the vocabulary, not
the corpus. Kept there:

- the BM25 index (bm25s's own files: a term-by-sentence score matrix, and the vocabulary);
- every sentence's place: (article number, sentence index) arrays, and the article ids;
- postings of each stemmed content word and of each adjacent pair of them (`text.terms`, `text.phrases`),
  hashed to 63-bit keys and sorted, for the name and phrase rankings;
- the stems written capitalised inside a sentence (names), the headlines, and the learned aliases.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .. import text as tx
from ..ingestion.chunking import searchable
from ..ingestion.index import Index, ingest_running
from .aliases import Aliases, learn

# Bump when the files change meaning: older folders are then rebuilt. 2: the aliases saved as JSON data,
# not a pickle of the class (a pickle names the module, and the modules moved).
FORMAT = 2
PAGE = 256  # articles read from the store at a time while building
BUILD_WAIT = 1800  # seconds a reader waits for another process's build of the same version


class Lexicon:
    """One version of the store's lexical index, opened from its folder."""

    def __init__(self, folder: Path, built: bool = False) -> None:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.folder = folder
        self.version: str = meta["version"]
        self.size: int = meta["sentences"]
        self.built = built  # True when this process built it, False when it was only opened
        self.doc_ids: list[str] = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        self.names: frozenset[str] = frozenset(json.loads((folder / "names.json").read_text(encoding="utf-8")))
        titles = json.loads((folder / "titles.json").read_text(encoding="utf-8"))
        self.titles = {d: (tx.fold(t), tx.terms(t)) for d, t in titles.items()}
        # Which headlines hold a word: a question is matched against the few that share its words, not
        # against every headline of the archive (~0.1 s per question at 40k articles).
        self.title_holders: dict[str, list[str]] = {}
        for doc_id, (_, words) in self.titles.items():
            for word in words:
                self.title_holders.setdefault(word, []).append(doc_id)
        groups = json.loads((folder / "aliases.json").read_text(encoding="utf-8"))
        self.aliases = Aliases(frozenset(group) for group in groups)
        self._article = np.load(folder / "article.npy", mmap_mode="r")
        self._sentence = np.load(folder / "sentence.npy", mmap_mode="r")
        self._keys = np.load(folder / "posting-keys.npy", mmap_mode="r")
        self._ptr = np.load(folder / "posting-ptr.npy", mmap_mode="r")
        self._rows = np.load(folder / "posting-rows.npy", mmap_mode="r")
        self.bm25 = None
        if self.size:
            import bm25s

            self.bm25 = bm25s.BM25.load(str(folder / "bm25"), mmap=True)
            indptr = self.bm25.scores["indptr"]
            self._df_ptr, self._vocab = indptr, self.bm25.vocab_dict

    def key(self, row: int) -> tuple[str, int]:
        """(article id, sentence index) of the sentence numbered `row`."""
        return self.doc_ids[int(self._article[row])], int(self._sentence[row])

    def df(self, term: str) -> float:
        """Share of sentences holding the stemmed term (as BM25 tokenizes them)."""
        column = self._vocab.get(term) if self.bm25 is not None else None
        if column is None or not term:
            return 0.0
        return float(self._df_ptr[column + 1] - self._df_ptr[column]) / self.size

    def term_rows(self, term: str) -> np.ndarray:
        """Sentence numbers whose `text.terms` hold the stem."""
        return self._postings(f"t {term}")

    def phrase_rows(self, pair: tuple[str, str]) -> np.ndarray:
        """Sentence numbers whose `text.phrases` hold the pair."""
        return self._postings(f"p {pair[0]} {pair[1]}")

    def _postings(self, what: str) -> np.ndarray:
        key = _hash(what)
        at = int(np.searchsorted(self._keys, key))
        if at == len(self._keys) or int(self._keys[at]) != key:
            return np.empty(0, dtype=np.int32)
        return np.asarray(self._rows[int(self._ptr[at]) : int(self._ptr[at + 1])])

    def bm25_search(self, query: str, k: int) -> list[int]:
        """Sentence numbers of the BM25 top `k`, best first (those scoring above zero; ties in sentence
        order)."""
        import bm25s

        if self.bm25 is None:
            return []
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=tx.stemmer(), show_progress=False)
        words = {i: w for w, i in tokens.vocab.items()}
        columns = [self._vocab[w] for w in (words[i] for i in tokens.ids[0]) if w in self._vocab]
        if not columns:
            return []
        # bm25s's own scorer adds each posting into the score array one by one (~65 ms a question at a
        # million sentences); the same sums over its stored postings in one `bincount` take ~10 ms.
        scores = self.bm25.scores
        parts = [(int(self._df_ptr[c]), int(self._df_ptr[c + 1])) for c in columns]
        rows = np.concatenate([scores["indices"][start:end] for start, end in parts])
        weights = np.concatenate([scores["data"][start:end] for start, end in parts]).astype(np.float64)
        total = np.bincount(rows, weights=weights, minlength=self.size)
        held = np.flatnonzero(total > 0)  # the k-th best is looked for among these only
        if len(held) > k:
            kth = np.partition(total[held], len(held) - k)[len(held) - k]
            held = held[total[held] >= kth]
        return [int(row) for row in held[np.lexsort((held, -total[held]))][:k]]


def open_lexicon(index: Index, current: Lexicon | None = None) -> Lexicon:
    """The lexical index of the store's current version: opened from disk when it was built already;
    the `current` one while another process is ingesting (it builds the new one at its end); built and
    saved here otherwise (a store ingested from another machine, or by an older version of this code)."""
    from filelock import FileLock

    version = index.version()
    folder = _folder(index, version)
    if (folder / "meta.json").is_file():
        return Lexicon(folder)
    if current is not None and ingest_running(index.settings.store_dir):
        return current
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.parent / ".build.lock"), timeout=BUILD_WAIT):
        if (folder / "meta.json").is_file():  # another process built it while this one waited
            return Lexicon(folder)
        build(index, version, folder)
        for old in folder.parent.iterdir():  # earlier versions; a reader that mapped them keeps its map
            if old.is_dir() and old != folder:
                shutil.rmtree(old, ignore_errors=True)
    return Lexicon(folder, built=True)


def _folder(index: Index, version: str) -> Path:
    return index.settings.store_dir / "lexical" / index.sentences.name / f"v{FORMAT}-{version or 'empty'}"


def build(index: Index, version: str, folder: Path) -> None:
    """Read every article of the store once, a page at a time, and write the lexical index to `folder`
    (through a temporary folder renamed at the end, so a reader never sees half of it)."""
    import bm25s

    tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    doc_ids: list[str] = []
    titles: dict[str, str] = {}
    texts: list[str] = []
    article, sentence = array("i"), array("i")
    keys, rows = array("q"), array("i")
    names: set[str] = set()

    def articles() -> Iterator[str]:
        # Everything per sentence is gathered while the aliases are learned from the same pass.
        for page in index.pages(PAGE):
            for a in page:
                number = len(doc_ids)
                doc_ids.append(a.doc_id)
                if a.title:
                    titles[a.doc_id] = a.title
                for i in range(len(a.spans)):
                    text, row = searchable(a.text, a.spans, i), len(texts)
                    texts.append(text)
                    article.append(number)
                    sentence.append(i)
                    names.update(tx.names(text))
                    found = [f"t {t}" for t in tx.terms(text)] + [f"p {p} {q}" for p, q in tx.phrases(text)]
                    keys.extend(_hash(f) for f in found)
                    rows.extend([row] * len(found))
                yield a.text

    aliases = learn(articles())
    key_array, row_array = np.frombuffer(keys, dtype=np.int64), np.frombuffer(rows, dtype=np.int32)
    order = np.argsort(key_array, kind="stable")
    unique, starts = np.unique(key_array[order], return_index=True)
    np.save(tmp / "posting-keys.npy", unique)
    np.save(tmp / "posting-ptr.npy", np.append(starts, len(order)).astype(np.int64))
    np.save(tmp / "posting-rows.npy", row_array[order])
    np.save(tmp / "article.npy", np.frombuffer(article, dtype=np.int32))
    np.save(tmp / "sentence.npy", np.frombuffer(sentence, dtype=np.int32))
    if texts:
        corpus = bm25s.tokenize(texts, stopwords="en", stemmer=tx.stemmer(), show_progress=False)
        bm25 = bm25s.BM25()
        bm25.index(corpus, show_progress=False)
        bm25.save(str(tmp / "bm25"))
    (tmp / "aliases.json").write_text(json.dumps(aliases.groups, ensure_ascii=False), encoding="utf-8")
    (tmp / "articles.json").write_text(json.dumps(doc_ids), encoding="utf-8")
    (tmp / "titles.json").write_text(json.dumps(titles, ensure_ascii=False), encoding="utf-8")
    (tmp / "names.json").write_text(json.dumps(sorted(names), ensure_ascii=False), encoding="utf-8")
    meta = {"format": FORMAT, "version": version, "sentences": len(texts), "articles": len(doc_ids)}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    tmp.rename(folder)


def _hash(what: str) -> int:
    """A stable 63-bit key (Python's own `hash` of a string changes with every process)."""
    return int.from_bytes(hashlib.blake2b(what.encode(), digest_size=8).digest(), "little") >> 1
