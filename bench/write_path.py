"""What a sentence costs to write into a Chroma server: through LlamaIndex's ChromaVectorStore (TextNode with a
source relationship, as `Index._add` wrote first), straight to the collection with the sentence's text and
three metadata keys (as it wrote next), or with the vector and two keys only (as it writes now: the text
is cut from the article record when read).

    python bench/write_path.py [--writes 4] [--rounds 2]

A fresh `chroma run` on loopback; each way writes `--writes` batches of 2,048 sentences (random unit vectors,
384 dimensions, the texts of `scale_corpus.Corpus` articles) into a collection of its own, and the ways
alternate for `--rounds` rounds. Reported per sentence: the client's wall time inside the write calls, and the
CPU time of the server process and of this process over the writes (3 s after the last one: the server indexes
on). The embedding model is not involved: this is the part of an ingest that is not embedding.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

import numpy as np
from common import chroma_server, stop
from scale_corpus import Corpus

BATCH = 2048


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    rng = np.random.default_rng(0)
    corpus = Corpus()
    texts = [line for n in range(BATCH // 10) for line in re.split(r"(?<=[.!?])\s+", corpus.article(n, 25))][:BATCH]
    with tempfile.TemporaryDirectory() as tmp:
        proc, port = chroma_server(Path(tmp) / "chroma", Path(tmp) / "log")
        try:
            client = chromadb.HttpClient(port=port, settings=ChromaSettings(anonymized_telemetry=False))
            for round_ in range(args.rounds):
                for way in ("llamaindex", "direct", "vectors"):
                    name = f"{way}-{round_}"
                    col = client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
                    store = ChromaVectorStore(chroma_collection=col)
                    wall, server0, own0 = 0.0, cpu_s(proc.pid), cpu_s(os.getpid())
                    for w in range(args.writes):
                        vectors = rng.standard_normal((BATCH, 384)).astype(np.float32)
                        vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).tolist()
                        doc = f"d{w}"
                        begun = time.perf_counter()
                        if way == "llamaindex":
                            store.add(
                                [
                                    TextNode(
                                        id_=f"{doc}:{i}",
                                        text=texts[i],
                                        embedding=vectors[i],
                                        metadata={"doc_id": doc, "index": i, "file": "x.txt"},
                                        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc)},
                                    )
                                    for i in range(BATCH)
                                ]
                            )
                        elif way == "direct":
                            col.add(
                                ids=[f"{doc}:{i}" for i in range(BATCH)],
                                embeddings=vectors,
                                documents=texts,
                                metadatas=[{"doc_id": doc, "index": i, "file": "x.txt"} for i in range(BATCH)],
                            )
                        else:
                            col.add(
                                ids=[f"{doc}:{i}" for i in range(BATCH)],
                                embeddings=vectors,
                                metadatas=[{"doc_id": doc, "index": i} for i in range(BATCH)],
                            )
                        wall += time.perf_counter() - begun
                    time.sleep(3)
                    n = BATCH * args.writes
                    print(
                        f"{name:14s} write_ms_per_sentence={wall / n * 1000:.3f} "
                        f"server_cpu_ms={(cpu_s(proc.pid) - server0) / n * 1000:.3f} "
                        f"client_cpu_ms={(cpu_s(os.getpid()) - own0) / n * 1000:.3f}",
                        flush=True,
                    )
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
