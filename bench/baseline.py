"""Ours against a plain LlamaIndex pipeline on the public question set, same model, same embeddings.

    python bench/baseline.py [--limit N | --ids p01,p16] [--chunk-size 512] [--top-k 2]

The baseline is what the LlamaIndex documentation builds: the article files read by `SimpleDirectoryReader`,
split by `SentenceSplitter`, embedded by `HuggingFaceEmbedding` over the bundled all-MiniLM-L6-v2 folder
into a `VectorStoreIndex` on its own Chroma collection (cosine space, in a temporary store), and asked
through `CitationQueryEngine` (defaults: top-2 chunks, 512-token citation chunks, compact synthesis).
The chunk size is 512 rather than the splitter's 1024 so that the top-2 chunks fit the model's 2048-token
window in one model call: with 1024 the synthesizer would make refine round-trips and look slower than a
plain pipeline is.

Both pipelines use ONE loaded llama.cpp model: the baseline reaches it through `SharedLlama`, a minimal
LlamaIndex `CustomLLM` that calls the already-loaded `llama_cpp.Llama` with `create_chat_completion` (the
model's own chat template), temperature 0 and the same `max_tokens` as ours. (`llama-index-llms-llama-cpp`
is not used: its `LlamaCPP` constructor always loads its own model from a path, and by default formats
prompts with Llama-2 tags.) LlamaIndex counts tokens with the model's own tokenizer.

The two run interleaved, question by question (ours, baseline, ours, baseline, ...), so that a change in
machine load during the run (other processes, thermal throttling) falls on both alike rather than on
whichever ran second. One warm-up question for each (not counted) precedes the first pair. Sharing one
model, each pipeline's prompt prefix is evicted from llama.cpp's KV cache by the other's in between: both
pay that cost alike.

Figures (both pipelines, in this run):
- accuracy: answerable questions whose answer contains one `must_include` string (the `assistant eval`
  rule) and is not a refusal;
- refusal: share of unanswerable questions refused. The baseline counts as refused when it says it cannot
  answer (cannot answer / not in the sources / no information / "Empty Response") or cites nothing;
  for accuracy only the explicit refusal counts, so an uncited right answer still scores (both choices
  favour the baseline);
- verbatim: share of citations whose quoted text occurs exactly in the cited article (ours: the quote
  equals article_text[start:end]; baseline: the cited source node's text without its "Source N:" line is a
  substring of the source file). quote_chars = mean length of a cited quote (how precise a citation is);
- p50 latency: wall time of one question (`Assistant.ask` / `CitationQueryEngine.query`).

The last line is the key=value summary.
"""

from __future__ import annotations

import argparse
import math
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import ARTICLES, add_question_options, check, is_correct, load_questions, median, summary
from llama_index.core.llms import CompletionResponse, CompletionResponseGen, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback
from pydantic import PrivateAttr

WARM_UP = "What do the articles say about Pakistan?"
_CITE = re.compile(r"\[(\d+)\]")
_SOURCE_LINE = re.compile(r"^Source \d+:\n")
_DECLINED = re.compile(
    r"cannot answer|can't answer|can not answer|unable to (?:answer|find|determine)|empty response"
    r"|not (?:mentioned|provided|stated|specified|found|given|included|available|contained) in"
    r"|(?:no|not enough|insufficient) information|none of the (?:provided )?sources"
    r"|(?:do|does|did)(?: not|n't) (?:provide|mention|contain|specify|say|include|state|answer)"
    r"|articles don't answer",
    re.IGNORECASE,
)


class SharedLlama(CustomLLM):
    """LlamaIndex LLM over an already-loaded llama_cpp.Llama, so both pipelines share one model."""

    max_tokens: int = 80
    context_window: int = 2048
    calls: int = 0
    _llama: Any = PrivateAttr()

    def __init__(self, llama: Any, max_tokens: int) -> None:
        super().__init__(max_tokens=max_tokens, context_window=llama.n_ctx())
        self._llama = llama

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens, model_name="shared-gguf")

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        self.calls += 1
        out = self._llama.create_chat_completion(
            messages=[{"role": "user", "content": prompt}], max_tokens=self.max_tokens, temperature=0.0
        )
        return CompletionResponse(text=out["choices"][0]["message"]["content"] or "")

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        text = ""
        self.calls += 1
        chunks = self._llama.create_chat_completion(
            messages=[{"role": "user", "content": prompt}], max_tokens=self.max_tokens, temperature=0.0, stream=True
        )
        for chunk in chunks:
            delta = chunk["choices"][0]["delta"].get("content") or ""
            text += delta
            yield CompletionResponse(text=text, delta=delta)


@dataclass
class Outcome:
    id: str
    answerable: bool | None
    correct: bool | None  # None: not an answerable question with must_include
    refused: bool
    citations: int
    verbatim: int
    quote_chars: int
    ms: float
    text: str


# --- ours --------------------------------------------------------------------------------------------------


def ours(app, question, texts: dict[str, str]) -> Outcome:
    started = time.perf_counter()
    answer = app.assistant.ask(question.question)
    ms = (time.perf_counter() - started) * 1000
    good = sum(texts.get(c.article, "")[c.start : c.end] == c.quote for c in answer.citations)
    return Outcome(
        id=question.id,
        answerable=question.answerable,
        correct=_judge(question, answer.answer, answer.refused),
        refused=answer.refused,
        citations=len(answer.citations),
        verbatim=good,
        quote_chars=sum(len(c.quote) for c in answer.citations),
        ms=ms,
        text=answer.answer,
    )


# --- the baseline ------------------------------------------------------------------------------------------


def build_baseline(llama, files: Sequence[Path], store: Path, chunk_size: int, top_k: int, max_tokens: int):
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings as LISettings
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.query_engine import CitationQueryEngine
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.embedded import embedding_model_dir

    llm = SharedLlama(llama, max_tokens)
    embed = HuggingFaceEmbedding(model_name=str(embedding_model_dir()), device="cpu")
    # Global defaults would otherwise resolve to OpenAI and to tiktoken's counts.
    LISettings.llm, LISettings.embed_model = llm, embed
    LISettings.tokenizer = lambda text: llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)
    client = chromadb.PersistentClient(path=str(store), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("baseline", metadata={"hnsw:space": "cosine"})
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    documents = SimpleDirectoryReader(input_files=[str(f) for f in files]).load_data()
    nodes = SentenceSplitter(chunk_size=chunk_size).get_nodes_from_documents(documents)
    index = VectorStoreIndex(nodes, storage_context=storage, embed_model=embed)
    engine = CitationQueryEngine.from_args(index, llm=llm, similarity_top_k=top_k)
    print(f"baseline index: {len(nodes)} chunks of <= {chunk_size} tokens; top-{top_k} per question")
    return engine, llm


def baseline(engine, question, texts: dict[str, str]) -> Outcome:
    started = time.perf_counter()
    response = engine.query(question.question)
    ms = (time.perf_counter() - started) * 1000
    text = str(response)
    markers = sorted({int(n) for n in _CITE.findall(text)})
    good = chars = 0
    for n in markers:
        if 1 <= n <= len(response.source_nodes):
            node = response.source_nodes[n - 1].node
            quote = _SOURCE_LINE.sub("", node.get_content()).rstrip("\n")
            chars += len(quote)
            good += bool(quote) and quote in texts.get(node.metadata.get("file_name", ""), "")
    declined = bool(_DECLINED.search(text)) or not text.strip()
    return Outcome(
        id=question.id,
        answerable=question.answerable,
        correct=_judge(question, text, declined),
        refused=declined or not markers,
        citations=len(markers),
        verbatim=good,
        quote_chars=chars,
        ms=ms,
        text=text,
    )


# --- scoring -----------------------------------------------------------------------------------------------


def _judge(question, text: str, refused: bool) -> bool | None:
    if not question.answerable or not question.must_include:
        return None
    return is_correct(text, refused, question.must_include)


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    judged = [o.correct for o in outcomes if o.correct is not None]
    unanswerable = [o.refused for o in outcomes if o.answerable is False]
    cited = sum(o.citations for o in outcomes)
    nan = float("nan")
    return {
        "accuracy": sum(judged) / len(judged) if judged else nan,
        "refusal": sum(unanswerable) / len(unanswerable) if unanswerable else nan,
        "verbatim": sum(o.verbatim for o in outcomes) / cited if cited else nan,
        "quote_chars": sum(o.quote_chars for o in outcomes) / cited if cited else nan,
        "p50_ms": median([o.ms for o in outcomes]),
    }


def show(who: str, o: Outcome) -> None:
    verdict = {True: "correct", False: "wrong", None: "-"}[o.correct]
    print(
        f"{who:>8} {o.id:>5}  {o.ms:7.0f} ms  {verdict:>7}  {'refused' if o.refused else 'answered':>8}  "
        f"citations {o.citations} ({o.verbatim} verbatim)  {' '.join(o.text.split())[:100]!r}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_question_options(parser)
    parser.add_argument("--chunk-size", type=int, default=512, help="baseline SentenceSplitter chunk size")
    parser.add_argument("--top-k", type=int, default=2, help="baseline chunks retrieved per question")
    args = parser.parse_args()

    from assistant.app import App
    from assistant.ingestion.ingest import article_files
    from assistant.models.local_llm import LocalLLM
    from assistant.settings import Settings

    questions = load_questions(args.limit, args.ids)
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as tmp:
        app = App(Settings(store_dir=Path(tmp) / "store"))
        app.ingest(ARTICLES)
        if not isinstance(app.llm, LocalLLM):
            raise SystemExit("error: this benchmark shares the local llama.cpp model (ASSISTANT_LLM_BACKEND=local)")
        texts = {a.file: a.text for a in app.index.articles().values()}
        files = list(article_files(ARTICLES))
        engine, llm = build_baseline(
            app.llm._llama, files, Path(tmp) / "baseline", args.chunk_size, args.top_k, app.settings.max_tokens
        )
        app.assistant.ask(WARM_UP)
        engine.query(WARM_UP)
        llm.calls = 0
        mine, theirs = [], []
        for q in questions:  # A B A B: load changes during the run hit both pipelines alike
            mine.append(ours(app, q, texts))
            show("ours", mine[-1])
            theirs.append(baseline(engine, q, texts))
            show("baseline", theirs[-1])
        calls = llm.calls / max(1, len(questions))
    return report(figures(mine), figures(theirs), calls, len(questions))


def compare(key: str, ours: float, theirs: float) -> bool | None:
    """Ours must not be worse; a tie (e.g. both 100% verbatim) is printed as such."""
    if math.isnan(ours) or math.isnan(theirs):
        print(f"target {key} ours >= baseline: not measured")
        return None
    word = "better" if ours > theirs else "tie" if ours == theirs else "worse"
    verdict = "MISSED" if word == "worse" else "MET"
    print(f"target {key} ours >= baseline: {ours:.3f} vs {theirs:.3f} ({word}) -> {verdict}")
    return word != "worse"


def report(a: dict[str, float], b: dict[str, float], calls: float, n: int) -> int:
    print(f"{'':>12} {'ours':>9} {'baseline':>9}")
    for key in ("accuracy", "refusal", "verbatim", "quote_chars", "p50_ms"):
        print(f"{key:>12} {a[key]:9.3f} {b[key]:9.3f}")
    print(f"baseline model calls per question: {calls:.2f}")
    ratio = a["p50_ms"] / b["p50_ms"] if b["p50_ms"] else float("nan")
    met = [check("latency ours/baseline", ratio, 1.0, unit="x")]
    for key in ("accuracy", "refusal", "verbatim"):
        met.append(compare(key, a[key], b[key]))
    summary(
        n=n,
        ours_accuracy=a["accuracy"],
        ours_refusal=a["refusal"],
        ours_verbatim=a["verbatim"],
        ours_p50_ms=a["p50_ms"],
        base_accuracy=b["accuracy"],
        base_refusal=b["refusal"],
        base_verbatim=b["verbatim"],
        base_p50_ms=b["p50_ms"],
        ours_quote_chars=a["quote_chars"],
        base_quote_chars=b["quote_chars"],
        latency_ratio=ratio,
        targets_met=all(m is True for m in met),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
