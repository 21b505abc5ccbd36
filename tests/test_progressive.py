"""Consumers of a streaming answer that yields `Progress` (verified prefixes), raw `str` pieces and a final
`Answer`: the API and the chat show only verified text, in order, and a neutral "checking" state otherwise.

The pipeline's stream is replaced by a scripted one with the same contract (the real pipeline may yield
either kind today), so each shape of stream is checked exactly; everything after it is the real code."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json
from collections.abc import Iterator

import httpx
import pytest

from assistant.app import App
from assistant.interfaces.progressive import new_text, verified_updates
from assistant.interfaces.server import running
from assistant.interfaces.webui import Chat
from assistant.schema import Answer, Citation, Progress, Timings
from tests.conftest import free_port
from tests.fakes import QuotingLLM

RAW = "UNVERIFIED raw model words"


def citations(app: App) -> list[Citation]:
    article = sorted(app.index.articles().values(), key=lambda a: a.file)[0]
    return [
        Citation(
            marker=n,
            article=article.file,
            title=article.title,
            quote=article.sentence(i),
            start=article.spans[i][0],
            end=article.spans[i][1],
        )
        for n, i in ((1, 0), (2, 1))
    ]


def scripted(app: App, final_text: str = "First [1]. Second [2]. Note [2].") -> None:
    cites = citations(app)

    def stream(question, history=()) -> Iterator[object]:
        yield RAW
        yield Progress(answer="First [1].", citations=cites[:1], checking=True)
        yield RAW
        yield Progress(answer="First [1]. Second [2].", citations=cites, checking=True)
        yield Progress(answer="First [1]. Second [2].", citations=cites, checking=False)
        yield Answer(
            question=question,
            answer=final_text,
            refused=False,
            citations=cites,
            model="scripted",
            timings_ms=Timings(total=1),
        )

    app.assistant.stream = stream


@pytest.fixture
def app(shared_store, embedder) -> App:
    return App(shared_store, llm=QuotingLLM(), embedder=embedder)


def test_raw_pieces_become_checking_and_progress_passes_through():
    items = list(verified_updates(["raw", Progress(answer="A [1].", checking=True), "more", _answer("A [1].")]))
    assert [type(i).__name__ for i in items] == ["Progress", "Progress", "Progress", "Answer"]
    assert items[0].answer == "" and items[0].checking and items[2].answer == "A [1]." and items[2].checking
    assert new_text("A [1].", _answer("A [1]. B [2].")) == " B [2]." and new_text("A [1].", _answer("No.")) is None
    with pytest.raises(RuntimeError):
        list(verified_updates(["raw only"]))


def test_api_stream_sends_each_verified_sentence_once_in_order(app):
    scripted(app)
    with running(app, "127.0.0.1", free_port()) as url:
        body = {"messages": [{"role": "user", "content": "Anything?"}], "stream": True}
        with httpx.stream("POST", f"{url}/v1/chat/completions", json=body, timeout=30) as response:
            lines = list(response.iter_lines())
        plain = httpx.post(f"{url}/v1/chat/completions", json={**body, "stream": False}, timeout=30).json()
    assert RAW not in "\n".join(lines)
    events = [json.loads(line[6:]) for line in lines if line.startswith("data: {")]
    deltas = [e["choices"][0]["delta"].get("content") for e in events if e["choices"]]
    assert [d for d in deltas if d] == ["First [1].", " Second [2].", " Note [2]."]
    assert ": checking" in lines
    assert plain["choices"][0]["message"]["content"] == "First [1]. Second [2]. Note [2]."
    assert [c["marker"] for c in events[-1]["choices"][0]["delta"]["citations"]] == [1, 2]


def test_api_never_sends_a_final_answer_that_contradicts_what_was_sent(app):
    scripted(app, final_text="Something else entirely [1].")
    with running(app, "127.0.0.1", free_port()) as url:
        body = {"messages": [{"role": "user", "content": "Anything?"}], "stream": True}
        with httpx.stream("POST", f"{url}/v1/chat/completions", json=body, timeout=30) as response:
            lines = list(response.iter_lines())
    assert "Something else" not in "\n".join(lines)
    assert any('"error"' in line for line in lines) and "data: [DONE]" in lines


def test_chat_shows_verified_sentences_with_checking_then_the_answer(app):
    scripted(app)
    shown = [out[0][-1]["content"] for out in Chat(app).respond("Anything?", [])]
    assert all(RAW not in html for html in shown)
    progress = [h for h in shown if "First [1]." in h and "streaming" in h]
    assert progress and "checking…" in progress[0]
    assert any("Second [2]." in h and "checking…" not in h and "streaming" in h for h in shown)
    assert 'class="turn answer"' in shown[-1] and 'Note <a class="cite"' in shown[-1]


def _answer(text: str) -> Answer:
    return Answer(question="q", answer=text, refused=False, citations=[], model="m", timings_ms=Timings())


def test_cli_prints_verified_sentences_as_they_come_then_the_sources(app, capsys):
    from assistant.interfaces.cli import print_streamed

    scripted(app)
    answer = print_streamed(app.assistant.stream("Anything?"))
    out = capsys.readouterr().out
    assert RAW not in out
    assert out.startswith("First [1]. Second [2]. Note [2].\n\nSources:\n[1] ")
    assert out.count("First [1].") == 1 and answer.answer == "First [1]. Second [2]. Note [2]."
