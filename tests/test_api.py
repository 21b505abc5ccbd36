"""The OpenAI-compatible API of `assistant serve`: a real uvicorn server on loopback, driven by the official
openai client (streaming and not) and by raw HTTP for the error cases.

The model is a stand-in behind the same interface (it quotes the evidence it is shown), so every check of
the citations is against the real index and the article files on disk."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import openai
import pytest

from assistant.app import App
from assistant.interfaces.server import running
from assistant.settings import Settings
from tests.conftest import ARTICLES, free_port
from tests.fakes import QuotingLLM

QUESTION = "Who is Noor Wali Mehsud?"
UNSUPPORTED = "The moon is made of green cheese and Mehsud owns it [1]."


@contextmanager
def api_server(settings: Settings, embedder, llm) -> Iterator[tuple[str, App]]:
    # The API is under test, not the judge model (tests/test_judge.py): the rules judge.
    app = App(settings.model_copy(update={"judge": "rules"}), llm=llm, embedder=embedder)
    app.retriever.search("warm up", 1)
    with running(app, "127.0.0.1", free_port()) as url:
        yield url, app


@pytest.fixture(scope="module")
def server(shared_store: Settings, embedder) -> Iterator[tuple[str, QuotingLLM]]:
    llm = QuotingLLM("Mehsud", tail=UNSUPPORTED)
    with api_server(shared_store, embedder, llm) as (url, _):
        yield url, llm


def client(url: str, key: str = "unused") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0, timeout=60)


def article_text(file: str) -> str:
    return (ARTICLES / file).read_bytes().decode("utf-8-sig")


def check_citations(content: str, citations: list[dict]) -> None:
    """Every [n] in the content has a citation whose quote is the article file's text at its offsets."""
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", content)}
    assert markers, content
    by_marker = {c["marker"]: c for c in citations}
    assert markers == set(by_marker)
    for c in citations:
        assert set(c) == {"marker", "article", "title", "quote", "start", "end"}
        assert article_text(c["article"])[c["start"] : c["end"]] == c["quote"]


# --- the openai SDK ---------------------------------------------------------------------------------------


def test_models_lists_the_configured_model(server):
    models = client(server[0]).models.list()
    assert [m.id for m in models.data] == ["quoting-fake"]


def test_non_streaming_answer_carries_structured_citations(server):
    done = client(server[0]).chat.completions.create(
        model="quoting-fake", messages=[{"role": "user", "content": QUESTION}]
    )
    message = done.choices[0].message
    assert message.role == "assistant" and done.choices[0].finish_reason == "stop"
    assert "Mehsud" in message.content and "cheese" not in message.content  # the unsupported sentence is gone
    assert message.refused is False
    check_citations(message.content, message.citations)
    assert done.usage.prompt_tokens > 0 and done.usage.total_tokens >= done.usage.prompt_tokens


def test_streaming_sends_only_verified_text_then_the_citations_before_done(server):
    url = server[0]
    plain = client(url).chat.completions.create(messages=[{"role": "user", "content": QUESTION}], model="quoting-fake")
    stream = client(url).chat.completions.create(
        model="quoting-fake",
        messages=[{"role": "user", "content": QUESTION}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    content = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert content == plain.choices[0].message.content
    assert "cheese" not in json.dumps([c.model_dump() for c in chunks])  # raw model text never sent
    last = [c for c in chunks if c.choices][-1]
    assert last.choices[0].finish_reason == "stop"
    delta = last.choices[0].delta.model_dump()
    assert delta["refused"] is False
    check_citations(content, delta["citations"])
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0

    # Raw SSE: the citations come in a data event before [DONE], and the stream ends with it.
    with httpx.stream(
        "POST", f"{url}/v1/chat/completions", json={"messages": [{"role": "user", "content": QUESTION}], "stream": True}
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line[6:] for line in response.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]" and "citations" in json.loads(events[-2])["choices"][0]["delta"]


def test_conversation_comes_from_the_messages(server):
    url, llm = server
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "Who is General Frank McKenzie?"},
        {"role": "assistant", "content": "He is the head of US Central Command [1]."},
        {"role": "user", "content": [{"type": "text", "text": "What did he say about the Taliban?"}]},
    ]
    done = client(url).chat.completions.create(model="quoting-fake", messages=messages)
    condense = [p for p in llm.prompts if "Follow-up question:" in p and "What did he say about the Taliban?" in p]
    assert condense and "Who is General Frank McKenzie?" in condense[-1]
    check_citations(done.choices[0].message.content, done.choices[0].message.citations)


def test_a_question_the_articles_do_not_answer_is_refused(server):
    done = client(server[0]).chat.completions.create(
        model="quoting-fake", messages=[{"role": "user", "content": "What is the boiling point of tungsten?"}]
    )
    message = done.choices[0].message
    assert message.refused is True and message.citations == []
    assert message.content == "The articles don't answer this." and message.see_also


def test_bearer_token_required_when_configured(shared_store, embedder):
    settings = shared_store.model_copy(update={"api_key": "s3cret-key"})
    with api_server(settings, embedder, QuotingLLM("Mehsud")) as (url, _):
        with pytest.raises(openai.AuthenticationError):
            client(url, "wrong").models.list()
        with pytest.raises(openai.AuthenticationError):
            client(url, "wrong").chat.completions.create(
                model="quoting-fake", messages=[{"role": "user", "content": QUESTION}]
            )
        assert httpx.get(f"{url}/v1/models").status_code == 401  # no header at all
        done = client(url, "s3cret-key").chat.completions.create(
            model="quoting-fake", messages=[{"role": "user", "content": QUESTION}]
        )
        check_citations(done.choices[0].message.content, done.choices[0].message.citations)


# --- raw HTTP: every bad request is a clear 4xx in OpenAI's error format -----------------------------------


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"messages": []}, 400, "at least one user message"),
        ({}, 400, "messages: Field required"),
        ({"messages": "Who?"}, 400, "messages"),
        ({"messages": [{"role": "user", "content": 42}]}, 400, "messages.0.content"),
        ({"messages": [{"role": "wizard", "content": "hi"}]}, 400, "messages.0.role"),
        ({"messages": [{"role": "user", "content": "hi"}], "stream": "sometimes"}, 400, "stream"),
        ({"messages": [{"role": "assistant", "content": "Hello"}]}, 400, "last message must be the user's"),
        ({"messages": [{"role": "user", "content": "   "}]}, 400, "the question is empty"),
        ({"messages": [{"role": "user", "content": "Why? " * 1000}]}, 400, "the question is too long"),
        ({"messages": [{"role": "user", "content": "Why? " * 1000}], "stream": True}, 400, "too long"),
        ({"model": "gpt-17", "messages": [{"role": "user", "content": QUESTION}]}, 404, "unknown model"),
    ],
)
def test_bad_requests_are_clear_errors(server, body, status, says):
    reply = httpx.post(f"{server[0]}/v1/chat/completions", json=body, timeout=30)
    assert reply.status_code == status, reply.text
    error = reply.json()["error"]
    assert says in error["message"] and error["type"]


def test_malformed_and_oversized_bodies(server):
    url = server[0]
    reply = httpx.post(f"{url}/v1/chat/completions", content=b"{not json", headers={"content-type": "application/json"})
    assert reply.status_code == 400 and "not valid JSON" in reply.json()["error"]["message"]
    huge = json.dumps({"messages": [{"role": "user", "content": "x" * (2 << 20)}]})
    reply = httpx.post(f"{url}/v1/chat/completions", content=huge, headers={"content-type": "application/json"})
    assert reply.status_code == 413


def test_busy_is_503_with_retry_after(shared_store, embedder):
    llm = QuotingLLM("Mehsud")
    llm.gate.clear()  # the first answer waits inside the model
    settings = shared_store.model_copy(update={"api_max_waiting": 0})
    body = {"messages": [{"role": "user", "content": QUESTION}]}
    try:
        with api_server(settings, embedder, llm) as (url, app):
            first = threading.Thread(
                target=httpx.post, args=(f"{url}/v1/chat/completions",), kwargs={"json": body, "timeout": 60}
            )
            first.start()
            for _ in range(200):  # until the first request holds the model
                if llm.prompts:
                    break
                threading.Event().wait(0.05)
            reply = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=30)
            assert reply.status_code == 503 and reply.headers["retry-after"]
            assert "busy" in reply.json()["error"]["message"]
            llm.gate.set()
            first.join(30)
            assert httpx.post(f"{url}/v1/chat/completions", json=body, timeout=30).status_code == 200  # slot freed
    finally:
        llm.gate.set()


# --- one process serves the chat, the API and its description ---------------------------------------------


def test_openapi_describes_the_citation_fields_and_the_chat_is_served_beside(server):
    url = server[0]
    spec = httpx.get(f"{url}/v1/openapi.json").json()
    assert "/v1/chat/completions" in spec["paths"] and "/v1/models" in spec["paths"]
    fields = spec["components"]["schemas"]["ApiCitation"]["properties"]
    assert set(fields) == {"marker", "article", "title", "quote", "start", "end"}
    message = spec["components"]["schemas"]["AssistantMessage"]["properties"]
    assert {"refused", "citations", "content", "short_answer"} <= set(message)
    short = spec["components"]["schemas"]["ApiShortAnswer"]["properties"]
    assert {"text", "article", "start", "end"} <= set(short) and all(f.get("description") for f in short.values())
    page = httpx.get(f"{url}/")
    assert page.status_code == 200 and "Ask about the news articles" in page.text


# --- the real entry point ----------------------------------------------------------------------------------


def test_assistant_serve_process_listens_on_loopback_and_reports_a_dead_model_as_502(shared_store, tmp_path):
    """`assistant serve` in its own process (model behind an OpenAI-compatible URL where nothing listens, so
    it starts without loading a local model): both surfaces answer, only on loopback."""
    import subprocess
    import sys
    import time

    from assistant.settings import PROJECT_ROOT
    from tests.test_ui_load import is_loopback, tcp_sockets

    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "ASSISTANT_STORE_DIR": str(shared_store.store_dir),
        "ASSISTANT_LLM_BACKEND": "openai",
        "ASSISTANT_LLM_MODEL": "remote-model",
        "ASSISTANT_LLM_MAX_RETRIES": "0",
        "ASSISTANT_API_KEY": "k3y",
        "OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",
        "OPENAI_API_KEY": "test",
    }
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.interfaces.cli", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                models = httpx.get(f"{url}/v1/models", headers={"Authorization": "Bearer k3y"}, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail(f"assistant serve did not start: {log.read_text()}")
        assert [m["id"] for m in models.json()["data"]] == ["openai:remote-model"], log.read_text()
        assert "Ask about the news articles" not in httpx.get(f"{url}/").text  # the key guards the page too
        assert "Ask about the news articles" in httpx.get(f"{url}/", headers={"Authorization": "Bearer k3y"}).text
        with pytest.raises(openai.InternalServerError, match="not reachable"):  # 502 from our API
            client(url, "k3y").chat.completions.create(messages=[{"role": "user", "content": QUESTION}], model="")
        listening = [s for s in tcp_sockets(proc.pid) if s[3] == "0A"]
        assert listening and all(is_loopback(address) for address, *_ in listening)
    finally:
        proc.terminate()
        proc.wait(30)


def test_check_endpoint_supports_and_contradicts_with_verbatim_citations(server):
    url = server[0]
    supported = httpx.post(
        f"{url}/v1/check",
        json={"claim": "The Pakistani Taliban leader, Noor Wali Mehsud, has criticized the ceasefire's failure."},
        timeout=60,
    ).json()
    assert supported["status"] == "supported", supported
    for c in supported["citations"]:
        assert article_text(c["article"])[c["start"] : c["end"]] == c["quote"]
    contradicted = httpx.post(
        f"{url}/v1/check", json={"claim": "The TTP claimed the suicide car bomb attack on May 24."}, timeout=60
    ).json()
    assert contradicted["status"] == "contradicted", contradicted
    assert "not claimed by the TTP" in contradicted["citations"][0]["quote"]
    assert httpx.post(f"{url}/v1/check", json={"claim": ""}, timeout=60).status_code == 400
