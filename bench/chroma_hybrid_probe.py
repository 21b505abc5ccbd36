"""What the installed chromadb does with a BM25 sparse-vector index and `Search()` rank fusion, by running it.

    python bench/chroma_hybrid_probe.py

Each step is tried in embedded mode (PersistentClient) and against a `chroma run` server this script
starts on a free loopback port: (1) a collection whose schema holds a sparse-vector index fed by
ChromaBm25EmbeddingFunction from the documents; (2) adding documents with dense vectors; (3) `search()`
with a dense Knn, a sparse Knn, and the two fused by Rrf; (4) the classic `query()` as a control. Each step
prints `ok` or the error Chroma gives. The last line is the key=value summary.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import chroma_server, stop, summary

DOCS = [
    "Noor Wali Mehsud leads the Pakistani Taliban.",
    "The Rhine flows from the Swiss Alps to the North Sea.",
    "Heavy rains flooded the harbour district on Monday.",
]


def vectors(n: int) -> list[list[float]]:
    return [[1.0 if j == i else 0.0 for j in range(4)] for i in range(n)]


def probe(client, label: str) -> dict[str, str]:
    from chromadb import K, Knn, Rrf, Schema, Search, SparseVectorIndexConfig
    from chromadb.utils.embedding_functions import ChromaBm25EmbeddingFunction

    out: dict[str, str] = {}

    def step(name: str, action) -> object:
        try:
            result = action()
        except Exception as err:  # noqa: BLE001  (the point is to see whatever Chroma raises)
            out[name] = "error"
            print(f"{label} {name}: error: {type(err).__name__}: {str(err)[:300]}")
            return None
        out[name] = "ok"
        print(f"{label} {name}: ok")
        return result

    bm25 = ChromaBm25EmbeddingFunction()

    def create():
        schema = Schema()
        schema.create_index(
            config=SparseVectorIndexConfig(source_key=K.DOCUMENT, embedding_function=bm25, bm25=True),
            key="sparse",
        )
        return client.create_collection("probe", schema=schema, embedding_function=None)

    collection = step("create_sparse_schema", create)
    if collection is None:
        collection = step("create_plain", lambda: client.create_collection("probe", embedding_function=None))
    step("add", lambda: collection.add(ids=["a", "b", "c"], documents=DOCS, embeddings=vectors(3)))
    sparse_query = step("bm25_embed_query", lambda: bm25.embed_query(["Pakistani Taliban leader"])[0])
    if sparse_query is None:  # the BM25 function needs `snowballstemmer`; a hand-made sparse vector will do
        from chromadb import SparseVector

        sparse_query = SparseVector(indices=[1, 7], values=[1.0, 1.0])
    dense = Knn(query=vectors(1)[0], limit=3, return_rank=True)
    sparse = Knn(query=sparse_query, key="sparse", limit=3, return_rank=True)
    for name, rank in (("search_dense", dense), ("search_sparse", sparse), ("search_rrf", Rrf([dense, sparse]))):
        got = step(name, lambda rank=rank: collection.search(Search().rank(rank).limit(3)))
        if got is not None:
            print(f"{label} {name} ids: {got['ids']}")
    got = step("query_dense", lambda: collection.query(query_embeddings=vectors(1), n_results=3))
    if got is not None:
        print(f"{label} query_dense ids: {got['ids']}")
    return out


def main() -> int:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    print(f"chromadb {chromadb.__version__}")
    results: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="chroma-probe-") as tmp:
        root = Path(tmp)
        embedded = chromadb.PersistentClient(path=str(root / "embedded"), settings=settings)
        results.update({f"embedded_{k}": v for k, v in probe(embedded, "embedded").items()})
        server, port = chroma_server(root / "server", root / "server.log")
        try:
            client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=settings)
            results.update({f"server_{k}": v for k, v in probe(client, "server").items()})
        finally:
            stop(server)
    summary(chromadb=chromadb.__version__, **results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
