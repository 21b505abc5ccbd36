"""Hybrid retrieval latency (`Retriever.search`: query embedding, Chroma vectors, BM25, fusion) by corpus size.

    python bench/retrieval.py [--chunks 1000 10000 100000] [--server] [--repeat 5]

For each size a synthetic corpus of varied text is generated (common.varied_articles: every article has
its own topic vocabulary of names, places, organisations and subject words drawn with Zipf weights from a
pool of ~40k made-up words, in news-prose templates, --per-article sentences each), plus the five bundled
articles so the public questions have real answers, and ingested through the normal `app.ingest` path into
a fresh store with the real embedding model: HNSW sees distinct vectors and BM25 a long-tailed vocabulary
(the earlier corpus recombined the ~190 bundled sentences, so both indexes saw the same few texts over and
over). Real embeddings cost time: about 2 minutes per 10k chunks on 2 cores.

The chunk count reported is what the store holds. One-off costs are reported apart from query time:
loading the article records, and opening the lexical index the ingestion built (the script checks that the
reader opens it rather than building it, and that no query reopens it).
Then the public questions are searched --repeat times (after one untimed warm-up search): p50/p95 of the
whole search, and of its query-embedding and vector-search parts; also the vocabulary BM25 indexed.

--server runs the same against a Chroma server this script starts (`chroma run` on a free loopback port,
its own temporary data folder), through Settings(chroma_host, chroma_port); otherwise embedded Chroma.
The last line is the key=value summary (keys suffixed with the requested size).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import tempfile
from pathlib import Path

from common import (
    ARTICLES,
    Timer,
    check,
    chroma_server,
    load_questions,
    median,
    percentile,
    stop,
    summary,
    varied_articles,
    write_articles,
)

TARGET_MS = 50.0
TARGET_CHUNKS = 100_000


def build(settings, embedder, folder: Path, chunks: int, per_article: int):
    import shutil

    from assistant.app import App

    count = math.ceil(chunks / per_article)
    write_articles(folder, varied_articles(count, per_article, seed=chunks))
    for path in ARTICLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    app = App(settings, embedder=embedder)
    with Timer() as t:
        app.ingest(folder)
    print(f"  built: {app.index.sentences.count()} chunks in {count + 5} articles, {t.ms / 1000:.1f} s")
    return app


def timings(app, retriever, questions: list[str], repeat: int) -> dict[str, list[float]]:
    k, candidates = app.settings.top_k, app.settings.candidates
    out: dict[str, list[float]] = {"search": [], "embed": [], "vector": []}
    for _ in range(repeat):
        for q in questions:
            with Timer() as t:
                retriever.search(q, k)
            out["search"].append(t.ms)
            with Timer() as t:
                vector = app.index.embedder.query(q)
            out["embed"].append(t.ms)
            with Timer() as t:
                app.index.vector_search(vector, candidates)
            out["vector"].append(t.ms)
    return out


def one_size(settings, embedder, folder: Path, chunks: int, args) -> dict[str, float]:
    app = build(settings, embedder, folder, chunks, args.per_article)
    with Timer() as load:
        app.index.articles()
    # The ingestion built the lexical index (BM25 and postings) and saved it beside the store; a reader
    # opens it (memory-mapped). Opened here, in a fresh retriever, so that cost is seen on its own.
    from assistant.retrieval.retrieve import Retriever

    retriever = Retriever(app.index, app.settings.candidates)
    with Timer() as bm25:
        built = retriever.lexicon
    if built.built:
        raise SystemExit("error: the reader rebuilt the lexical index instead of opening it")
    vocabulary = len(built.bm25.vocab_dict) if built.bm25 is not None else math.nan
    retriever.search("warm up", app.settings.top_k)
    questions = [q.question for q in load_questions()]
    times = timings(app, retriever, questions, args.repeat)
    if retriever.lexicon is not built:
        raise SystemExit("error: the lexical index was reopened during the queries")
    stats = {
        "chunks": app.index.sentences.count(),
        "records_ms": load.ms,
        "lexicon_open_ms": bm25.ms,
        "p50_ms": median(times["search"]),
        "p95_ms": percentile(times["search"], 95),
        "embed_p50_ms": median(times["embed"]),
        "vector_p50_ms": median(times["vector"]),
        "bm25_vocabulary": vocabulary,
    }
    print(
        f"  one-off: article records {load.ms:.0f} ms, lexical index opened in {bm25.ms:.0f} ms, "
        f"{vocabulary} BM25 terms (built by the ingestion; not rebuilt by any query)\n"
        f"  search over {len(times['search'])} queries: p50 {stats['p50_ms']:.1f} ms, p95 {stats['p95_ms']:.1f} ms "
        f"(query embedding p50 {stats['embed_p50_ms']:.1f} ms, vector search p50 {stats['vector_p50_ms']:.1f} ms)",
        flush=True,
    )
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, nargs="+", default=[1000, 10_000, 100_000], help="corpus sizes")
    parser.add_argument("--server", action="store_true", help="use a Chroma server started by this script")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the public questions per size")
    parser.add_argument("--per-article", type=int, default=40, help="sentences per synthetic article")
    args = parser.parse_args()

    from assistant.ingestion.index import make_embedder
    from assistant.settings import Settings

    store = "chroma server" if args.server else "embedded chroma"
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        root = Path(tmp)
        server: subprocess.Popen | None = None
        try:
            where: dict = {}
            if args.server:
                server, port = chroma_server(root / "server-data", root / "chroma.log")
                where = {"chroma_host": "127.0.0.1", "chroma_port": port}
                print(f"chroma server on 127.0.0.1:{port}")
            embedder = make_embedder(Settings())
            for n in args.chunks:
                print(f"{n} chunks ({store}):", flush=True)
                settings = Settings(store_dir=root / f"store-{n}", collection=f"bench{n}", **where)
                results[n] = one_size(settings, embedder, root / f"articles-{n}", n, args)
        finally:
            if server is not None:
                stop(server)
    return report(results, store)


def report(results: dict[int, dict[str, float]], store: str) -> int:
    pairs: dict[str, object] = {"store": store.replace(" ", "_")}
    for n, stats in results.items():
        keys = ("chunks", "p50_ms", "p95_ms", "lexicon_open_ms", "bm25_vocabulary", "embed_p50_ms", "vector_p50_ms")
        for key in keys:
            pairs[f"{key}_{n}"] = stats[key]
    met = None
    if TARGET_CHUNKS in results:
        met = check(f"p50 at {TARGET_CHUNKS} chunks", results[TARGET_CHUNKS]["p50_ms"], TARGET_MS, unit=" ms")
    else:
        print(f"target p50 <= {TARGET_MS:g} ms at {TARGET_CHUNKS} chunks: not measured (size not run)")
    summary(**pairs, target_met="NA" if met is None else met)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
