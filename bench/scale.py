"""An archive of 10k, 100k or 1M sentences on a Chroma server: ingest, memory, retrieval latency and quality.

    python bench/scale.py --sizes 10000 100000 [1000000] [--stop-after 20]

The corpus (bench/scale_corpus.py: prose word order, a Zipf-weighted vocabulary of ~20k real English
words, every article with its own topic words and names) plus the five bundled articles is written to
`store/bench-scale/articles/` and ingested through `App.ingest` into one collection on a Chroma server
this script starts (`chroma run`, loopback, data in `store/bench-scale/chroma/`). The collection grows
size by size: each sentence is embedded once, and a later run finds what is stored and embeds only what
is missing (the Chroma data folder is the cache; `store/` is git-ignored). Sizes must ascend; a size
smaller than what the store already holds is skipped.

For each size, each part in a process of its own (so each memory figure is that process's alone):
- ingest: the embedding model's raw rate on 2,000 of the new sentences (before and after), then
  `App.ingest` (read, split, embed, write), then the lexical index build; progress on stderr. The
  share of the ingest's time spent inside the embedding model (`embed_share`) is the same comparison
  without the CPU speed drifting between the raw measurements and the ingest. With
  --stop-after S the first ingest is killed (SIGKILL) after S seconds and run again: the store must then
  hold every sentence exactly once.
- serve: a fresh process opens the store and searches (`Retriever.search`, the product's fused retrieval:
  query embedding, Chroma's HNSW, BM25, names, phrases); time to ready, p50/p95 over the queries (a
  window of words from sampled corpus sentences, and the public questions), and its memory beyond the
  models. Then the same fused search with the dense ranking taken from an exact (brute-force) cosine
  search over every stored vector: the share of the fused top-10 both agree on.
- a second serving process: time to its first answer, and whether it built anything (it must not).
The last line is key=value pairs for the largest size run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import ARTICLES, ROOT, chroma_server, load_questions, median, percentile, stop, summary

CACHE = ROOT / "store" / "bench-scale"
PER_ARTICLE = 25  # sentences written per synthetic article (the chunker keeps ~97% of them)
RAW_SAMPLE = 2000
TOP = 10


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settings_for(port: int):
    from assistant.settings import Settings

    return Settings(store_dir=CACHE / "store", chroma_host="127.0.0.1", chroma_port=port, collection="scale")


def write_corpus(folder: Path, sentences: int) -> int:
    """Article files until they hold about `sentences` written sentences; files already there are kept."""
    from scale_corpus import Corpus

    folder.mkdir(parents=True, exist_ok=True)
    for path in ARTICLES.glob("*.txt"):
        if not (folder / path.name).exists():
            shutil.copy(path, folder / path.name)
    count = -(-sentences // PER_ARTICLE)
    corpus = None
    for n in range(count):
        path = folder / f"scale_{n:07d}.txt"
        if not path.exists():
            corpus = corpus or Corpus()
            path.write_text(corpus.article(n, PER_ARTICLE), encoding="utf-8")
    return count


# --- the child processes -------------------------------------------------------------------------------


class Stopped(Exception):
    pass


def role_ingest(args) -> dict:
    from assistant.app import App, progress_bar
    from assistant.ingestion.chunking import matching_text
    from assistant.ingestion.index import EMBED_BATCH
    from assistant.ingestion.ingest import article_files, read_article

    app = App(settings_for(args.port))
    embedder = app.index.embedder
    embedder.documents(["warm up"])
    stored = set(app.index.records.get(include=[])["ids"])
    sample: list[str] = []
    for path in reversed(list(article_files(args.folder))):  # the newest articles: those not stored yet
        article = read_article(path)
        if article.doc_id not in stored:
            sample += [matching_text(article.sentence(i)) for i in range(len(article.spans))]
        if len(sample) >= RAW_SAMPLE:
            break

    def raw_rate() -> float:
        ordered = sorted(sample[:RAW_SAMPLE], key=len)  # as ingestion batches them
        started = time.perf_counter()
        for first in range(0, len(ordered), EMBED_BATCH):
            embedder.documents(ordered[first : first + EMBED_BATCH])
        return len(ordered) / (time.perf_counter() - started) if ordered else float("nan")

    # One pass discarded first: the model's first batches of each shape run slower (buffers, thread pool),
    # which made the "before" rate read 20-30% under the "after" one in every run.
    raw_rate()
    raw_before = raw_rate()
    # The time the ingestion itself spends embedding: its share of the ingest's wall time is what the
    # rest (reading, splitting, the store's writes) costs, free of the CPU speed drifting between the
    # raw measurements and the ingest on a shared VM.
    embed_s = 0.0
    real_documents = embedder.documents

    def timed_documents(texts: list[str]) -> list[list[float]]:
        nonlocal embed_s
        begun = time.perf_counter()
        try:
            return real_documents(texts)
        finally:
            embed_s += time.perf_counter() - begun

    embedder.documents = timed_documents
    started = time.perf_counter()
    from assistant.ingestion.ingest import ingest_folder

    bar = progress_bar("ingest")
    embedded = 0

    def progress(n: int, total: int) -> None:
        nonlocal embedded
        bar(n, total)
        embedded += n
        if args.budget and time.perf_counter() - started > args.budget:
            raise Stopped  # as a kill would, mid-group: the next ingest redoes that group

    stopped, added_articles = False, 0
    try:
        result = ingest_folder(args.folder, app.index, app.settings.max_file_mb, progress)
        added_articles = len(result.report.added)
    except Stopped:
        stopped = True
    ingest_s = time.perf_counter() - started
    embedder.documents = real_documents
    started = time.perf_counter()
    app.retriever.refresh()  # what `App.ingest` does next: the lexical index of the new version
    lexical_s = time.perf_counter() - started
    raw_after = raw_rate()
    return {
        "added_sentences": embedded,  # embedded and written (the stopped group's too)
        "added_articles": added_articles,
        "stopped": stopped,
        "ingest_s": ingest_s,
        "embed_s": embed_s,
        "lexical_build_s": lexical_s,
        "lexical_built": app.retriever.lexicon.built,  # False: nothing changed, the saved one was opened
        "raw_before": raw_before,
        "raw_after": raw_after,
        "stored_sentences": app.index.sentences.count(),
        # Every file's article stored once, and exactly its sentences (none lost, none left over).
        "files": len(list(article_files(args.folder))),
        "complete_articles": len(app.retriever.lexicon.doc_ids),
        "sentences_of_complete_articles": app.retriever.lexicon.size,
        "ingest_peak_mb": peak_mb(),
    }


def role_serve(args) -> dict:
    started = args.t0
    from assistant.app import App

    app = App(settings_for(args.port))  # as `assistant serve` opens the store (its query embedder too)
    app.index.embedder.query("warm up")
    models_at, models_mb = time.time() - started, rss_mb()
    retriever, settings = app.retriever, app.settings
    retriever.search("warm up", settings.top_k)
    ready_at = time.time() - started
    out = {
        "models_s": models_at,
        "ready_s": ready_at,
        "built_lexicon": retriever.lexicon.built,
        "lexicon_sentences": retriever.lexicon.size,
        "models_mb": models_mb,
    }
    queries = json.loads(args.queries.read_text(encoding="utf-8"))[: args.limit or None]
    times, fused = [], []
    for q in queries:
        t = time.perf_counter()
        hits = retriever.search(q, TOP)
        times.append((time.perf_counter() - t) * 1000)
        fused.append([(h.article.doc_id, h.index) for h in hits])
    out |= {"queries": len(times), "p50_ms": median(times), "p95_ms": percentile(times, 95)}
    out |= {"serve_rss_mb": rss_mb(), "serve_peak_mb": peak_mb(), "serve_mem_mb": peak_mb() - models_mb}
    if args.exact:
        # Reading every stored vector for the brute-force search costs GBs at 1M: this figure is the bench's
        # own, taken after the serving figures above, so it never counts as the serving process's.
        out |= exact_overlap(retriever, queries, fused)
        out |= {"exact_step_peak_mb": peak_mb()}
    return out


def exact_overlap(retriever, queries: list[str], fused: list[list[tuple[str, int]]]) -> dict:
    """The same fusion with the dense ranking from a brute-force cosine search over every stored vector."""
    import numpy as np

    from assistant.retrieval.retrieve import Retriever

    index = retriever.index
    keys, blocks, offset = [], [], 0
    while True:
        got = index.sentences.get(include=["embeddings", "metadatas"], limit=5000, offset=offset)
        if not got["ids"]:
            break
        keys += [(m["doc_id"], int(m["index"])) for m in got["metadatas"]]
        blocks.append(np.asarray(got["embeddings"], dtype=np.float32))
        offset += len(got["ids"])
    matrix = np.concatenate(blocks)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)

    class ExactIndex(type(index)):
        def vector_search(self, embedding, k):
            scores = matrix @ (np.asarray(embedding, dtype=np.float32) / np.linalg.norm(embedding))
            top = np.argpartition(-scores, k)[:k]
            return [(*keys[j], float(scores[j])) for j in top[np.argsort(-scores[top])]]

    exact_index = ExactIndex(index.settings, index.embedder, client=index.client)
    exact = Retriever(exact_index, retriever.candidates)
    overlaps, dense_recall = [], []
    for q, got in zip(queries, fused, strict=True):
        want = [(h.article.doc_id, h.index) for h in exact.search(q, TOP)]
        overlaps.append(len(set(want) & set(got)) / max(1, len(want)))
        vector = index.embedder.query(q)
        approx = {(d, i) for d, i, _ in index.vector_search(vector, retriever.candidates)}
        truth = {(d, i) for d, i, _ in exact_index.vector_search(vector, retriever.candidates)}
        dense_recall.append(len(approx & truth) / len(truth))
    return {"fused_top10_overlap": float(np.mean(overlaps)), "dense_recall": float(np.mean(dense_recall))}


# --- the driver ----------------------------------------------------------------------------------------


def child(role: str, port: int, log: Path, **extra) -> dict:
    cmd = [sys.executable, __file__, "--role", role, "--port", str(port), "--t0", str(time.time())]
    for key, value in extra.items():
        if value is not False:
            cmd += [f"--{key.replace('_', '-')}", str(value)] if value is not True else [f"--{key}"]
    with log.open("ab") as err:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=err, check=True).stdout.decode()
    return json.loads(out.strip().splitlines()[-1])


def interrupted_ingest(port: int, folder: Path, log: Path, after: float) -> None:
    """The first ingest killed after `after` seconds (it must then resume cleanly)."""
    cmd = [
        sys.executable,
        __file__,
        "--role",
        "ingest",
        "--port",
        str(port),
        "--folder",
        str(folder),
        "--cache",
        str(CACHE),
    ]
    with log.open("ab") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        try:
            proc.wait(timeout=after)
            print(f"  the ingest ended before it could be stopped ({after:g} s)")
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            print(f"  ingest killed (SIGKILL) after {after:g} s; running it again", flush=True)


def make_queries(folder: Path, count: int, seed: int) -> list[str]:
    """A window of 5-9 words from sampled sentences of the corpus, then the public questions."""
    from assistant.ingestion.ingest import article_files, read_article

    rng = random.Random(seed)
    files = list(article_files(folder))
    queries = []
    for path in rng.sample(files, min(count, len(files))):
        article = read_article(path)
        words = article.sentence(rng.randrange(len(article.spans))).split()
        width = min(len(words), rng.randint(5, 9))
        start = rng.randrange(len(words) - width + 1)
        queries.append(" ".join(words[start : start + width]))
    return queries + [q.question for q in load_questions()]


def run_size(size: int, port: int, args, log: Path) -> dict:
    folder = CACHE / "articles"
    stored = len(list(folder.glob("scale_*.txt"))) if folder.is_dir() else 0
    if stored > -(-size // PER_ARTICLE):
        print(f"{size} sentences: skipped (the store already holds {stored} synthetic articles; sizes ascend)")
        return {}
    written = write_corpus(folder, size)
    print(f"{size} sentences: {written} synthetic articles (+5 bundled) in {folder}", flush=True)
    if args.stop_after:
        interrupted_ingest(port, folder, log, args.stop_after)
        args.stop_after = 0  # once, on the first size
    ing = child("ingest", port, log, cache=CACHE, folder=folder, budget=args.ingest_budget)
    print(
        f"  ingest: {ing['added_sentences']} sentences embedded in {ing['ingest_s']:.0f} s "
        f"({ing['added_sentences'] / ing['ingest_s']:.1f}/s); raw embedding {ing['raw_before']:.1f}/s before, "
        f"{ing['raw_after']:.1f}/s after; {ing['embed_s'] / ing['ingest_s']:.0%} of the ingest's time spent embedding; "
        f"lexical index {'built' if ing.get('lexical_built', True) else 'opened'} "
        f"in {ing['lexical_build_s']:.1f} s; "
        f"peak memory {ing['ingest_peak_mb']:.0f} MB; store holds {ing['stored_sentences']} sentences, "
        f"{ing['sentences_of_complete_articles']} in its {ing['complete_articles']} complete articles "
        f"({ing['files']} files)",
        flush=True,
    )
    intact = ing["stored_sentences"] == ing["sentences_of_complete_articles"]
    intact = intact and ing["files"] == ing["complete_articles"]
    if ing["stopped"]:
        print(f"  INGEST STOPPED at the time budget ({args.ingest_budget:g} s): measured on what is stored")
    print(f"  store consistent (each file's article once, no sentence lost or left over): {intact}")
    queries = CACHE / f"queries-{size}.json"
    queries.write_text(json.dumps(make_queries(folder, args.queries, seed=size)), encoding="utf-8")
    serve = child("serve", port, log, cache=CACHE, queries_file=queries, exact=not args.no_exact)
    print(
        f"  serve: ready in {serve['ready_s']:.1f} s (models {serve['models_s']:.1f} s; lexical index built: "
        f"{serve['built_lexicon']}); {serve['queries']} searches p50 {serve['p50_ms']:.0f} ms, p95 "
        f"{serve['p95_ms']:.0f} ms; memory {serve['serve_peak_mb']:.0f} MB peak, {serve['serve_mem_mb']:.0f} MB "
        "beyond the models",
        flush=True,
    )
    if not args.no_exact:
        print(
            f"  fused top-{TOP} overlap with exact search {serve['fused_top10_overlap']:.3f}, HNSW recall of the "
            f"exact dense top-{settings_for(port).candidates} {serve['dense_recall']:.3f} (the exact search's "
            f"own step then peaked at {serve['exact_step_peak_mb']:.0f} MB)",
            flush=True,
        )
    second = child("serve", port, log, cache=CACHE, queries_file=queries, limit=5)
    print(
        f"  second serving process: ready in {second['ready_s']:.1f} s, of which models "
        f"{second['models_s']:.1f} s; lexical index built: {second['built_lexicon']}",
        flush=True,
    )
    return {"ingest": ing, "serve": serve, "second": second, "articles": written, "intact": intact}


def main() -> int:
    global CACHE  # the children are told the cache folder (--cache) and read the store from there
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=100, help="queries sampled from the corpus")
    parser.add_argument("--stop-after", type=float, default=0, help="kill the first ingest after S seconds")
    parser.add_argument("--cache", type=Path, default=CACHE, help="corpus, Chroma data and logs (git-ignored)")
    parser.add_argument("--ingest-budget", type=float, default=0, help="stop the ingest after S seconds")
    parser.add_argument("--no-exact", action="store_true", help="skip the exact-search overlap (GBs and minutes at 1M)")
    parser.add_argument("--budget", type=float, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--role", choices=["ingest", "serve"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--queries-file", dest="queries_path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--exact", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    CACHE = args.cache.resolve()
    if args.role:
        args.queries = args.queries_path
        out = role_ingest(args) if args.role == "ingest" else role_serve(args)
        print(json.dumps(out), flush=True)
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    log = CACHE / "bench.log"
    server, port = chroma_server(CACHE / "chroma", CACHE / "chroma.log")
    print(f"chroma server on 127.0.0.1:{port}, data in {CACHE / 'chroma'}; child logs in {log}", flush=True)
    results = {}
    try:
        for size in sorted(args.sizes):
            if got := run_size(size, port, args, log):
                results[size] = got
    finally:
        stop(server)
    return report(results)


def report(results: dict[int, dict]) -> int:
    if not results:
        print("no size was run")
        return 1
    pairs: dict[str, object] = {}
    for size, r in results.items():
        pairs[f"p50_ms_{size}"], pairs[f"p95_ms_{size}"] = r["serve"]["p50_ms"], r["serve"]["p95_ms"]
    size, r = max(results.items())
    ing, serve, second = r["ingest"], r["serve"], r["second"]
    rate = ing["added_sentences"] / ing["ingest_s"] if ing["added_sentences"] else float("nan")
    raw = (ing["raw_before"] + ing["raw_after"]) / 2
    summary(
        **pairs,
        sentences=serve["lexicon_sentences"],
        p50_ms=serve["p50_ms"],
        p95_ms=serve["p95_ms"],
        serve_mem_mb=serve["serve_mem_mb"],
        serve_peak_mb=serve["serve_peak_mb"],
        ingest_rate=rate,
        raw_rate=raw,
        ingest_ratio=rate / raw,
        embed_share=ing["embed_s"] / ing["ingest_s"],
        ingest_peak_mb=ing["ingest_peak_mb"],
        lexical_build_s=ing["lexical_build_s"],
        fused_top10_overlap=serve.get("fused_top10_overlap", float("nan")),
        dense_recall=serve.get("dense_recall", float("nan")),
        second_ready_s=second["ready_s"],
        second_models_s=second["models_s"],
        second_built=second["built_lexicon"],
        store_intact=r["intact"],
        ingest_complete=not ing["stopped"],
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    raise SystemExit(main())
