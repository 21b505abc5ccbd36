"""The Chroma store: sentence vectors (through LlamaIndex's ChromaVectorStore) and the article texts.

Two collections per embedding model (so vectors of different models never mix):
- `<name>-sentences-<model>`: one node per kept sentence, its vector, and where it lies in its article;
- `<name>-articles-<model>`: one record per article with its full text, title and sentence spans; the
  record is written `complete=False` before its sentences and `complete=True` after, so an ingestion killed
  half-way is found and redone on the next run. Its collection metadata holds the store's change token
  (`version`), rewritten by every ingest write, so long-running readers in other processes see new articles.

A changed article is written first and its old version removed after, so a failed embedding (a server
down, a crash) leaves the old version in place.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import ConfigError
from ..schema import Article
from ..settings import Settings
from .chunking import searchable
from .embedders import EMBED_BATCH, Embedder, OpenAIEmbedder, make_embedder  # noqa: F401  (their home before embedders.py)
from .lock import WriteLock, ingest_running  # noqa: F401  (their home before lock.py)

# Sentences per Chroma write and articles per record write: large enough that Chroma's per-call cost
# fades, small enough that a crash redoes little and memory stays flat.
WRITE_BATCH = 2048
GROUP_ARTICLES = 256
# How often a reader asks the store whether another process has ingested (one small metadata read).
REFRESH_SECONDS = 2.0
FETCHED_ARTICLES = 512  # articles a reader keeps after fetching them one search at a time


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    sentences_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


RECORD_PAGE = 5_000  # records read per request (see Index._all_records)


def make_chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as err:  # chromadb raises plain ValueError/ConnectionError variants here
            where = f"{settings.chroma_host}:{settings.chroma_port}"
            raise ConfigError(f"Chroma server not reachable at {where} (ASSISTANT_CHROMA_HOST/PORT): {err}") from None
    path = settings.store_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class Index:
    def __init__(self, settings: Settings, embedder: Embedder | OpenAIEmbedder, client=None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.client = client or make_chroma_client(settings)
        tag = hashlib.sha256(embedder.name.encode()).hexdigest()[:8]
        self.sentences = self.client.get_or_create_collection(
            f"{settings.collection}-sentences-{tag}", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self.records = self.client.get_or_create_collection(
            f"{settings.collection}-articles-{tag}", embedding_function=None
        )
        self.space = distance_space(self.sentences)
        self.refresh_seconds = REFRESH_SECONDS
        self._articles: dict[str, Article] | None = None
        self._version: str | None = None
        self._checked = -float("inf")
        self._fetched: dict[str, Article] = {}

    # --- reading -------------------------------------------------------------------------------------

    def version(self) -> str:
        """The store's change token: it differs after any ingest write, by this or another process.

        Read from the store at most every `refresh_seconds`, so calling it on every search costs nothing;
        when it has changed, the article cache is dropped. A reader that keeps something derived from the
        articles (the BM25 index) rebuilds it when this value differs from the one it was built at."""
        now = time.monotonic()
        if self._version is None or now - self._checked >= self.refresh_seconds:
            token = self._read_version()
            self._checked = now
            if token != self._version:
                self._version, self._articles, self._fetched = token, None, {}
        return self._version

    def _read_version(self) -> str:
        # A fresh read: the collection object keeps the metadata it was fetched with.
        return str((self.client.get_collection(self.records.name).metadata or {}).get("version", ""))

    def _bump_version(self) -> None:
        token = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        self.records.modify(metadata={"version": token})
        self._version, self._articles, self._checked, self._fetched = token, None, time.monotonic(), {}

    def articles(self) -> dict[str, Article]:
        """Every completely indexed article by id (cached until the store's version changes)."""
        self.version()  # read before the records: a write between the two is seen on the next check
        if self._articles is None:
            got = self.records.get(where={"complete": True}, include=["documents", "metadatas"])
            self._articles = {
                doc_id: _article_from_record(doc_id, text, meta)
                for doc_id, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            }
        return self._articles

    def is_empty(self) -> bool:
        """Whether no article is completely indexed (one small read, whatever the archive's size)."""
        return not self.records.get(where={"complete": True}, limit=1, include=[])["ids"]

    def fetch(self, doc_ids: Iterable[str]) -> dict[str, Article]:
        """The named articles that are completely indexed, read from the store only when not read before
        (until the store's version changes): a reader of a large archive never loads all of it."""
        self.version()
        wanted = list(dict.fromkeys(doc_ids))
        if self._articles is not None:
            return {d: self._articles[d] for d in wanted if d in self._articles}
        fetched = self._fetched  # one dict for this call: another thread may replace it meanwhile
        missing = [d for d in wanted if d not in fetched]
        if missing:
            # Completeness is checked here: a `where` beside the ids makes a Chroma server scan (~160 ms
            # for 10 ids among 4k articles, against a few ms without).
            got = self.records.get(ids=missing, include=["documents", "metadatas"])
            if len(fetched) + len(got["ids"]) > FETCHED_ARTICLES:
                fetched = self._fetched = {}
            for doc_id, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
                if meta.get("complete"):
                    fetched[doc_id] = _article_from_record(doc_id, text, meta)
        return {d: fetched[d] for d in wanted if d in fetched}

    def sentence_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The texts of the given (article id, sentence index) sentences, cut from their articles (which
        the answer reads next anyway): sentence rows hold no text of their own."""
        wanted = list(dict.fromkeys(keys))
        articles = self.fetch(d for d, _ in wanted)
        return {(d, i): articles[d].sentence(i) for d, i in wanted if d in articles and 0 <= i < len(articles[d].spans)}

    def pages(self, size: int) -> Iterator[list[Article]]:
        """Every completely indexed article, `size` at a time: for a build that must read the whole
        archive without holding it."""
        offset = 0
        while True:
            got = self.records.get(
                where={"complete": True}, include=["documents", "metadatas"], limit=size, offset=offset
            )
            if not got["ids"]:
                return
            yield [
                _article_from_record(*row) for row in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            ]
            offset += len(got["ids"])

    def vector_search(self, embedding: list[float], k: int) -> list[tuple[str, int, float]]:
        """(article id, sentence index, cosine similarity) of the `k` nearest sentences."""
        # No count() first: an empty collection answers with empty lists, and on a server holding 100k
        # sentences count() alone costs ~80 ms.
        # Straight from Chroma, not through ChromaVectorStore, whose score is an undocumented transform
        # (exp(-distance)) of the distance: the refusal gate compares this value with a cosine threshold.
        got = self.sentences.query(query_embeddings=[embedding], n_results=k, include=["metadatas", "distances"])
        return [
            (meta["doc_id"], int(meta["index"]), similarity(distance, self.space))
            for meta, distance in zip(got["metadatas"][0], got["distances"][0], strict=True)
        ]

    def stats(self) -> dict:
        articles = self.articles()
        return {
            "articles": len(articles),
            "chunks": self.sentences.count(),
            "files": sorted(a.file for a in articles.values()),
            "embedding_model": self.embedder.name,
            "store": self._location(),
        }

    def _location(self) -> str:
        if self.settings.chroma_host:
            return f"chroma://{self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.store_dir / "chroma")

    # --- writing -------------------------------------------------------------------------------------

    def sync(
        self,
        found: Iterable[tuple[str, str]],
        parse: Callable[[str], Article | None],
        progress: Callable[[int, int], None] | None = None,
        keep_files: Iterable[str] = (),
    ) -> SyncReport:
        """Make the index hold exactly the given (file name, article id) pairs.

        `parse(file)` is called only for articles not yet indexed, so an unchanged corpus costs no
        splitting and no embedding; it returns None for a file it rejects. `progress(n, total)` is told
        of every batch of sentences embedded. The indexed version of a file in `keep_files` (one that could
        not be read this time) or of a file `parse` rejects is kept: bad input never loses what is indexed.
        """
        report = SyncReport()
        existing = self._all_records()
        self._drop_incomplete(existing)
        wanted: dict[str, str] = {}
        for file, doc_id in found:
            if doc_id in wanted:
                report.duplicates.append(file)
            else:
                wanted[doc_id] = file
        kept = set(keep_files)
        old_files = {meta["file"]: doc_id for doc_id, meta in existing.items() if meta.get("complete")}
        to_add: list[tuple[Article, bool]] = []
        wrote = False
        try:
            for doc_id, file in wanted.items():
                meta = existing.get(doc_id)
                if meta and meta.get("complete"):
                    if meta["file"] != file:
                        self.records.update(ids=[doc_id], metadatas=[{**meta, "file": file}])
                        wrote = True
                    report.unchanged.append(file)
                elif (article := parse(file)) is not None:
                    to_add.append((article, file in old_files))
                else:
                    kept.add(file)
            total = sum(len(article.spans) for article, _ in to_add)
            for group in _groups(to_add):
                wrote = True
                added = self._add([article for article, _ in group], lambda n: progress and progress(n, total))
                report.sentences_added += added
                for article, is_update in group:
                    (report.updated if is_update else report.added).append(article.file)
                self._bump_version()
            # Old versions go only once their replacements are in: a failed embedding above keeps them.
            for doc_id, meta in existing.items():
                if meta.get("complete") and doc_id not in wanted and meta["file"] not in kept:
                    wrote = True
                    self._delete(doc_id)
                    if meta["file"] not in wanted.values():
                        report.removed.append(meta["file"])
        finally:
            if wrote:
                self._bump_version()
        return report

    def _all_records(self) -> dict[str, dict]:
        # In pages: a Chroma server asked for every record's metadata at once builds one SQL statement
        # with a variable per record, and SQLite refuses more than 32,766 ("too many SQL variables"):
        # found by bench/scale.py at ~35k articles.
        found: dict[str, dict] = {}
        while True:
            got = self.records.get(include=["metadatas"], limit=RECORD_PAGE, offset=len(found))
            found.update(zip(got["ids"], got["metadatas"], strict=True))
            if len(got["ids"]) < RECORD_PAGE:
                return found

    def _drop_incomplete(self, existing: dict[str, dict]) -> None:
        for doc_id, meta in list(existing.items()):
            if not meta.get("complete"):
                self._delete(doc_id)
                del existing[doc_id]

    def _delete(self, doc_id: str) -> None:
        # Sentences first: a crash in between leaves a record without sentences, which reads as complete
        # but is harmless; the reverse would leave orphan vectors no record points to.
        self.records.update(ids=[doc_id], metadatas=[{"complete": False}])
        self.sentences.delete(where={"doc_id": doc_id})
        self.records.delete(ids=[doc_id])

    def _add(self, articles: list[Article], progress: Callable[[int], None] | None) -> int:
        """Index a group of articles with a few large Chroma writes (each write costs ~30 ms whatever its
        size). The group's records go in incomplete first, so a crash anywhere leaves the whole group to
        be redone, never half an article."""
        metas = [{"file": a.file, "title": a.title, "spans": json.dumps(a.spans)} for a in articles]
        ids = [a.doc_id for a in articles]
        self.records.upsert(
            ids=ids,
            documents=[a.text for a in articles],
            embeddings=[[1.0]] * len(articles),
            metadatas=[{**meta, "complete": False} for meta in metas],
        )
        where = [(a, i) for a in articles for i in range(len(a.spans))]
        for first in range(0, len(where), WRITE_BATCH):
            chunk = where[first : first + WRITE_BATCH]
            vectors = self._embed([searchable(a.text, a.spans, i) for a, i in chunk], progress)
            # Straight to the collection, as `vector_search` reads it: LlamaIndex's nodes add a serialised
            # copy of each node and three more metadata keys to every row, 0.63-0.69 ms a sentence written
            # against 0.49-0.51 (bench/results/ingest-write-path-2026-12-06.txt). No text either: the server
            # indexes every document for full-text search, ~0.1 ms a sentence nothing here uses (the text is
            # the article's, which the record holds; bench/write_path.py).
            self.sentences.add(
                ids=[f"{a.doc_id}:{i}" for a, i in chunk],
                embeddings=vectors,
                metadatas=[{"doc_id": a.doc_id, "index": i} for a, i in chunk],
            )
        self.records.update(ids=ids, metadatas=[{**meta, "complete": True} for meta in metas])
        return len(where)

    def _embed(self, texts: list[str], progress: Callable[[int], None] | None) -> list[list[float]]:
        # Batches of similar length waste little on padding: ~1.5x the sentences/s on news text.
        order = sorted(range(len(texts)), key=lambda j: len(texts[j]))
        vectors: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), EMBED_BATCH):
            batch = order[start : start + EMBED_BATCH]
            for j, vector in zip(batch, self.embedder.documents([texts[j] for j in batch]), strict=True):
                vectors[j] = vector
            if progress:
                progress(len(batch))
        return vectors


def distance_space(collection) -> str:
    """The distance function of a Chroma collection ("cosine", "l2" or "ip")."""
    config = getattr(collection, "configuration", None) or {}
    for key in ("hnsw", "spann"):
        space = (config.get(key) or {}).get("space")
        if space:
            return str(space)
    return str((collection.metadata or {}).get("hnsw:space", "l2"))


def similarity(distance: float, space: str) -> float:
    """Cosine similarity from a Chroma distance. Chroma's distances (chromadb docs, "Configure"): cosine
    1 - cos; inner product 1 - dot (= 1 - cos for the unit vectors sentence models produce); l2 the
    squared Euclidean distance, 2 - 2 cos for unit vectors."""
    if space == "l2":
        return 1.0 - distance / 2.0
    return 1.0 - distance


def _groups(to_add: list[tuple[Article, bool]]) -> Iterable[list[tuple[Article, bool]]]:
    """Consecutive articles bundled until they hold WRITE_BATCH sentences (or GROUP_ARTICLES articles)."""
    group: list[tuple[Article, bool]] = []
    sentences = 0
    for item in to_add:
        group.append(item)
        sentences += len(item[0].spans)
        if sentences >= WRITE_BATCH or len(group) >= GROUP_ARTICLES:
            yield group
            group, sentences = [], 0
    if group:
        yield group


def _article_from_record(doc_id: str, text: str, meta: dict) -> Article:
    spans = tuple((int(s), int(e)) for s, e in json.loads(meta["spans"]))
    return Article(doc_id=doc_id, file=meta["file"], title=meta["title"], text=text, spans=spans)
