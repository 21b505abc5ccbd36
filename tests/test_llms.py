"""Model backends against real processes on loopback: llama.cpp's OpenAI-compatible server, and a tiny
HTTP server for the faults no real server produces on demand."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.answering.answer import REFUSAL
from assistant.app import App
from assistant.embedded import embedded_gguf
from assistant.errors import ConfigError, ModelError
from assistant.interfaces.cli import main
from assistant.models.llms import check_gguf, citation_grammar, complete, make_llm, make_local_llm, span_grammar
from assistant.models.local_llm import LocalLLM
from assistant.settings import Settings
from assistant.verification import citations as cite

from .conftest import free_port

QUESTION = "Which US CENTCOM commander said the Taliban were pretending their victory was inevitable?"


def wait_until_ready(server: subprocess.Popen, base: str, log: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"{base}/models", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llama_cpp.server not ready after {seconds} s: {log.read_text()[-2000:]}")


def openai_settings(monkeypatch, base_url: str, **overrides) -> Settings:
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    return Settings(llm_backend="openai", llm_model="qwen", **overrides)


# --- a real OpenAI-compatible server: llama-cpp-python's, with the embedded GGUF ----------------------


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    model = embedded_gguf(Settings().model_cache_dir)
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", "qwen"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048"]
    # The server logs every request to stderr: a file, so a full pipe never blocks it.
    with log.open("wb") as sink:
        server = subprocess.Popen(command, stdout=sink, stderr=sink)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_ready(server, base, log)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_openai_backend_through_a_real_server_gives_cited_answers(llama_server, monkeypatch, shared_store, embedder):
    # The server's 0.5B is a poor judge; judging through a server is tested on its own below.
    settings = openai_settings(monkeypatch, llama_server, store_dir=shared_store.store_dir, judge="rules")
    app = App(settings, embedder=embedder)
    assert app.llm.name == "openai:qwen"
    answer = app.assistant.ask(QUESTION)
    assert not answer.refused and "McKenzie" in answer.answer
    texts = {a.file: a.text for a in app.index.articles().values()}
    assert answer.citations and all(cite.check_citation(c, texts[c.article]) for c in answer.citations)


@pytest.mark.slow
def test_the_judge_scores_through_a_real_server(llama_server, monkeypatch):
    llm = make_llm(openai_settings(monkeypatch, llama_server))
    question = [{"role": "user", "content": "Is Paris the capital of France? Reply with one word: Yes or No."}]
    probabilities = llm.choice_probabilities(question, ("Yes", "No"))
    assert abs(sum(probabilities.values()) - 1) < 1e-6
    assert probabilities["Yes"] > 0.5


@pytest.mark.slow
def test_how_likely_an_open_reply_starts_so_through_a_real_server(llama_server, monkeypatch):
    llm = make_llm(openai_settings(monkeypatch, llama_server))
    asked = [{"role": "user", "content": "Reply with exactly the word NONE and nothing else."}]
    other = [{"role": "user", "content": "What is the capital of France? Reply with one word."}]
    assert llm.reply_probability(asked, ("NONE",)) > 0.5 > llm.reply_probability(other, ("NONE",))


@pytest.mark.slow
def test_openai_backend_streams(llama_server, monkeypatch):
    llm = make_llm(openai_settings(monkeypatch, llama_server))
    pieces = list(llm.stream([{"role": "user", "content": "Count from one to five in words."}], max_tokens=20))
    assert len(pieces) > 3 and "".join(pieces).strip()


@pytest.mark.slow
def test_plain_prompt_mode_for_models_without_a_chat_template(llama_server, monkeypatch):
    llm = make_llm(openai_settings(monkeypatch, llama_server, chat_format="plain"))
    assert complete(llm, [{"role": "user", "content": "What is two plus two? Answer in words."}], 10).strip()


# --- faults, from a tiny scripted HTTP server ------------------------------------------------------


def sse(*pieces: str) -> bytes:
    chunks = [
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "qwen",
            "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}],
        }
        for p in pieces
    ]
    return b"".join(f"data: {json.dumps(c)}\n\n".encode() for c in chunks) + b"data: [DONE]\n\n"


class Scripted(BaseHTTPRequestHandler):
    """Answers POSTs with the next scripted (status, body, delay); the last one repeats."""

    script: list[tuple[int, bytes, float]] = []
    calls = 0

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers.get("content-length", 0)))
        type(self).calls += 1
        status, body, delay = self.script[min(self.calls, len(self.script)) - 1]
        time.sleep(delay)
        self.send_response(status)
        self.send_header("content-type", "text/event-stream" if status == 200 else "application/json")
        self.send_header("retry-after-ms", "10")  # keeps the SDK's backoff short in tests
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fault_server() -> Iterator:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def script(*steps: tuple[int, bytes, float]) -> str:
        Scripted.script, Scripted.calls = list(steps), 0
        return f"http://127.0.0.1:{server.server_address[1]}/v1"

    yield script
    server.shutdown()


def ask_model(monkeypatch, base: str, **overrides) -> str:
    llm = make_llm(openai_settings(monkeypatch, base, **overrides))
    return complete(llm, [{"role": "user", "content": "hi"}], max_tokens=5)


def error_json(message: str) -> bytes:
    return json.dumps({"error": {"message": message}}).encode()


def test_rate_limit_then_success_is_retried(fault_server, monkeypatch):
    base = fault_server((429, error_json("slow down"), 0), (200, sse("Hello", " there"), 0))
    assert ask_model(monkeypatch, base) == "Hello there"
    assert Scripted.calls == 2


@pytest.mark.parametrize(
    ("status", "message"),
    [(500, "failed with HTTP 500"), (401, "rejected the API key"), (404, "not found"), (429, "rate limiting")],
)
def test_http_errors_become_one_clear_message(fault_server, monkeypatch, status, message):
    base = fault_server((status, error_json("nope"), 0))
    with pytest.raises(ModelError, match=message):
        ask_model(monkeypatch, base, llm_max_retries=1)


def test_hanging_server_times_out(fault_server, monkeypatch):
    base = fault_server((200, sse("late"), 3.0))
    started = time.monotonic()
    with pytest.raises(ModelError, match="did not answer in time"):
        ask_model(monkeypatch, base, llm_timeout=0.5, llm_max_retries=0)
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"data: [DONE]\n\n", "empty completion"), (b'data: {"choices": [{"delta": \n\n', "malformed response")],
)
def test_empty_or_malformed_completion(fault_server, monkeypatch, body, message):
    base = fault_server((200, body, 0))
    with pytest.raises(ModelError, match=message):
        ask_model(monkeypatch, base)


def test_unreachable_server(monkeypatch):
    with pytest.raises(ModelError, match="not reachable"):
        ask_model(monkeypatch, f"http://127.0.0.1:{free_port()}/v1", llm_max_retries=0)


def test_cli_reports_an_unreachable_server_in_one_line(capsys, monkeypatch, shared_store):
    openai_settings(monkeypatch, f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "openai")
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(shared_store.store_dir))
    assert main(["ask", QUESTION]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: model server not reachable") and err.count("\n") == 1


def test_missing_or_invalid_gguf(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        check_gguf(tmp_path / "missing.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all")
    with pytest.raises(ConfigError, match="not a GGUF"):
        check_gguf(junk)


# --- the local model: citation grammar ------------------------------------------------------------


@pytest.mark.slow
def test_grammar_allows_only_existing_evidence_numbers():
    # The 0.5B: it finishes a cited sentence within the token limit (the grammar ends text on a marker).
    local_llm = make_local_llm(Settings(model="qwen2.5-0.5b"))
    messages = [
        {"role": "system", "content": "Cite sources as [n]. Always cite source [7] and source [12]."},
        {"role": "user", "content": "Evidence:\n[1] The sky is blue.\n[2] Grass is green.\nWhat colour is grass?"},
    ]
    free = complete(local_llm, messages, max_tokens=40)
    constrained = complete(local_llm, messages, max_tokens=40, grammar=citation_grammar(2, REFUSAL))
    markers = {m for claim in cite.parse_claims(constrained) for m in claim.markers}
    assert markers and markers <= {1, 2}, constrained
    assert "[" not in cite.strip_markers(constrained)
    assert free != constrained


PASSAGE = 'In 1921 the "Old Mill" (German: Alte Mühle) on the E–W road burned down, a loss of $4,000.'


@pytest.mark.slow
def test_a_span_grammar_holds_the_model_to_a_run_of_the_passage(local_llm):
    from llama_cpp import LlamaGrammar

    messages = [
        {"role": "system", "content": "Answer in your own words, in capital letters, with hyphens for dashes."},
        {"role": "user", "content": f"Sentence: {PASSAGE}\nWhich road was the building on, and what did it cost?"},
    ]
    reply = complete(local_llm, messages, max_tokens=12, grammar=span_grammar(PASSAGE, "NONE")).strip()
    assert reply == "NONE" or re.search(re.escape(reply), PASSAGE, re.IGNORECASE), reply
    opened = complete(
        local_llm, messages, max_tokens=12, grammar=span_grammar(PASSAGE, opens=lambda w: w.startswith("Alte"))
    ).strip()
    assert opened.startswith("Alte") and opened in PASSAGE, opened
    # quotation marks, a dollar sign and other letters are literals the grammar parser accepts
    LlamaGrammar.from_string(span_grammar('He said "no\\way" \t then\nleft.', "NONE"), verbose=False)
    assert span_grammar(PASSAGE, opens=lambda w: False) == ""


@pytest.mark.slow
def test_local_plain_mode_answers(tmp_path):
    llm = make_local_llm(Settings(chat_format="plain", n_ctx=512))
    assert complete(llm, [{"role": "user", "content": "Say hello."}], max_tokens=8).strip()


@pytest.mark.slow
def test_drafting_from_the_prompt_writes_what_plain_decoding_writes():
    """Prompt-lookup drafts are checked by the model itself: a copy, where nearly every draft is kept,
    comes out as one token at a time would write it, call after call (the head restored in between)."""
    quote = "The ferry committee met on Tuesday in the old town hall and agreed to repair the eastern pier."
    messages = [
        {"role": "system", "content": "You copy text exactly."},
        {"role": "user", "content": f"Copy this sentence exactly and write nothing else:\n{quote}"},
    ]
    plain = make_local_llm(Settings(lookup_draft_tokens=0, n_ctx=512))
    drafting = make_local_llm(Settings(lookup_draft_tokens=3, n_ctx=512))
    first = complete(drafting, messages, max_tokens=40)
    assert quote in first
    assert complete(plain, messages, max_tokens=40) == first == complete(drafting, messages, max_tokens=40)
    # the judge's one-pass scoring on the same context still reads the prompt's last row of logits
    choices = drafting.choice_probabilities(messages, ["The", "No"])
    assert choices["The"] > choices["No"]


@pytest.mark.slow
def test_local_generation_stops_at_the_request_timeout():
    llm = make_local_llm(Settings(llm_timeout=0.5, n_ctx=512))
    started = time.monotonic()
    with pytest.raises(ModelError, match="took longer than 0.5 s"):
        complete(llm, [{"role": "user", "content": "Write a long story about a ship."}], max_tokens=400)
    assert time.monotonic() - started < 10


# --- embeddings from an OpenAI-compatible endpoint ---------------------------------------------------


@pytest.fixture
def embedding_server(embedder) -> Iterator[str]:
    """A minimal OpenAI-compatible /v1/embeddings server computing real all-MiniLM-L6-v2 vectors."""

    class Embeddings(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            request = json.loads(self.rfile.read(int(self.headers["content-length"])))
            texts = request["input"] if isinstance(request["input"], list) else [request["input"]]
            vectors = embedder.documents(texts)
            body = json.dumps(
                {
                    "object": "list",
                    "model": request["model"],
                    "data": [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)],
                    "usage": {"prompt_tokens": 0, "total_tokens": 0},
                }
            ).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Embeddings)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_embeddings_from_an_endpoint_get_their_own_collections(embedding_server, monkeypatch, articles_dir, embedder):
    from assistant.ingestion.index import make_embedder

    from .conftest import FakeLLM

    settings = openai_settings(monkeypatch, embedding_server, articles_dir=articles_dir)
    settings = settings.model_copy(update={"llm_backend": "local", "embed_backend": "openai", "embed_model": "minilm"})
    remote = App(settings, llm=FakeLLM(""), embedder=make_embedder(settings))
    assert remote.index.embedder.name == "openai:minilm"
    assert len(remote.ingest().report.added) == 5
    answer = remote.assistant.ask(
        "Which member of the Taliban negotiating team said the United States had violated it?"
    )
    assert any("Shaheen" in e.quote for e in answer.evidence)
    # The bundled local model on the same store starts from its own, empty collections: vectors never mix.
    local = App(settings.model_copy(update={"embed_backend": "local", "embed_model": ""}), embedder=embedder)
    assert local.index.stats()["chunks"] == 0
    assert local.index.sentences.name != remote.index.sentences.name


# --- the writer is read when an answer is first written, not before ---------------------------------


@pytest.mark.slow
def test_a_quoting_app_reads_its_writer_only_when_it_writes(tmp_path, shared_store):
    bundled = embedded_gguf(Settings().model_cache_dir, "qwen2.5-0.5b")
    model = tmp_path / "writer.gguf"  # a copy that can be taken away after the apps are built
    shutil.copyfile(bundled, model)
    settings = shared_store.model_copy(
        update={"gguf_path": str(model), "judge_model": str(model), "model_cache_dir": tmp_path / "cache"}
    )
    writing = App(settings.model_copy(update={"answer_style": "write"})).llm
    quoting = App(settings).llm  # the judge is read (its tokenizer counts the evidence), the writer not yet
    text = "The Taliban swept into Kabul on 15 August 2021."
    assert quoting.count_tokens(text) == LocalLLM(bundled, Settings(model_cache_dir=tmp_path)).count_tokens(text)
    assert quoting.n_ctx == settings.n_ctx

    model.unlink()  # what is read stays mapped; what is not can no longer be read
    hello = [{"role": "user", "content": "Say hello."}]
    assert complete(writing, hello, max_tokens=4).strip()
    with pytest.raises(ModelError, match="could not load GGUF model"):
        complete(quoting, hello, max_tokens=4)


def test_a_span_ends_where_a_clause_does_but_a_list_of_names_goes_on():
    rules = dict(
        line.split(" ::= ", 1) for line in span_grammar("It became Lek, then joins Vik, Lund and Borne.").split("\n")
    )
    lek = next(name for name, rule in rules.items() if '"ek"' in rule)
    assert "(" not in rules[lek]  # no run goes on from "Lek" into ", then joins"
    vik = next(name for name, rule in rules.items() if '"ik"' in rule)
    assert '", "' in rules[vik]  # "Vik, Lund and Borne" is one answer
