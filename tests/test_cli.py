"""Every command in-process: argv in, exit code and printed output out."""

import io
import json

import pytest

from assistant.interfaces.cli import main
from assistant.settings import Settings


@pytest.fixture
def cli_env(monkeypatch, shared_store: Settings):
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(shared_store.store_dir))


def test_ingest_then_stats(capsys, articles_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_ARTICLES_DIR", str(articles_dir))
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out
    assert "5 added" in out
    assert main(["ingest", str(articles_dir)]) == 0
    assert "0 added, 0 updated, 0 removed, 5 unchanged" in capsys.readouterr().out
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 5 and stats["chunks"] > 50


def test_ingest_missing_folder_is_one_clear_line(capsys, tmp_path):
    assert main(["ingest", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: articles folder not found") and "Traceback" not in err


@pytest.mark.slow
def test_ask_json_prints_exactly_one_documented_object(capsys, cli_env):
    assert main(["ask", "Where does the al-Qaeda member who spoke of a shared global agenda live?", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"question", "answer", "short_answer", "refused", "mode", "citations", "model", "timings_ms"}
    assert set(result["timings_ms"]) >= {"retrieve", "generate", "total"}
    assert not result["refused"] and "Peshawar" in result["answer"]
    for c in result["citations"]:
        assert set(c) == {"marker", "article", "title", "quote", "start", "end"}
        assert f"[{c['marker']}]" in result["answer"]
    short = result["short_answer"]
    if short is not None:  # the exact words, inside the quote of its citation
        proof = next(c for c in result["citations"] if c["marker"] == short["marker"])
        assert proof["start"] <= short["start"] < short["end"] <= proof["end"]
        assert proof["quote"][short["start"] - proof["start"] : short["end"] - proof["start"]] == short["text"]


@pytest.mark.slow
def test_ask_plain_lists_sources(capsys, cli_env):
    assert main(["ask", "Who is the Pakistani Foreign Ministry spokesperson who declined to comment?"]) == 0
    out = capsys.readouterr().out
    assert "Sources:" in out and "Baloch" in out


@pytest.mark.slow
def test_chat_keeps_the_conversation(capsys, cli_env, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Who is Noor Wali Mehsud?\nWhich news network interviewed him?\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert out.count("Sources:") + out.count("Closest passages") == 2
    assert "CNN" in out


def test_empty_question_exits_non_zero(capsys, cli_env):
    assert main(["ask", "  "]) == 1
    assert "question is empty" in capsys.readouterr().err


def test_bad_gguf_path_is_a_clear_error(capsys, cli_env, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_GGUF_PATH", str(tmp_path / "nope.gguf"))
    assert main(["ask", "Who is Noor Wali Mehsud?"]) == 1
    assert "GGUF model file not found" in capsys.readouterr().err


def test_ingest_skips_bad_files_with_reasons_and_keeps_good_ones(capsys, articles_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_ARTICLES_DIR", str(articles_dir))
    assert main(["ingest"]) == 0
    capsys.readouterr()
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (articles_dir / "latin1.txt").write_bytes(
        "Le conseil a approuvé le budget mardi après un très long débat public.\n".encode("latin-1")
    )
    with (articles_dir / "huge.txt").open("w") as f:  # 50 MB, over the 10 MB default limit
        line = "The council approved the budget on Tuesday after a long debate about schools.\n"
        f.write(line * (50_000_000 // len(line)))
    (articles_dir / "scripts.html").write_text("<html><script>var a = 1;</script><style>p {}</style></html>")
    (articles_dir / "nosentences.md").write_text("# Menu\n\n- Home\n- News\n")
    assert main(["ingest"]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and "5 unchanged" in out and "5 skipped" in out
    for name, reason in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary"),
        ("huge.txt", "too large"),
        ("scripts.html", "no article sentences"),
        ("nosentences.md", "no article sentences"),
    ]:
        line = next(x for x in err.splitlines() if x.startswith(f"skipped {name}:"))
        assert reason in line
    assert "Traceback" not in err
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 6


# --- `ask` output hygiene, Markdown, and a running server ------------------------------------------------

QUESTION = "Who is Noor Wali Mehsud?"


@pytest.fixture
def fake_model(monkeypatch):
    """`ask` in-process with the stand-in model (the CLI builds its own App, so the factory is replaced)."""
    from tests.fakes import QuotingLLM

    llm = QuotingLLM("Mehsud")
    monkeypatch.setattr("assistant.models.llms.make_llm", lambda settings, **_: llm)
    return llm


def test_first_use_ask_json_prints_exactly_one_object(capsys, tmp_path, monkeypatch, fake_model, isolated_store):
    import shutil

    from tests.conftest import ARTICLES

    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(ARTICLES / "000_45d2fcbcc429a1f9.txt", folder)  # one article: first use stays quick
    monkeypatch.setenv("ASSISTANT_ARTICLES_DIR", str(folder))
    assert not (isolated_store / "chroma").exists()  # first use: nothing indexed yet
    assert main(["ask", QUESTION, "--json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)  # the whole of stdout is one object
    assert out.count("\n") == 1 and "first use" in err and "1 added" in err
    assert set(result) == {"question", "answer", "short_answer", "refused", "mode", "citations", "model", "timings_ms"}
    assert not result["refused"] and "Mehsud" in result["answer"]


def test_ask_json_errors_are_one_object_too(capsys, cli_env):
    assert main(["ask", "  ", "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == {"question": "  ", "error": "the question is empty"}
    assert "error: the question is empty" in err


def test_ask_json_in_a_fresh_process_keeps_stdout_clean(tmp_path):
    """A real process, first use, model unreachable: C-level and library output still never reach stdout."""
    import os
    import shutil
    import subprocess
    import sys

    from assistant.settings import PROJECT_ROOT
    from tests.conftest import ARTICLES, free_port

    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(ARTICLES / "000_45d2fcbcc429a1f9.txt", folder)
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "ASSISTANT_STORE_DIR": str(tmp_path / "store"),
        "ASSISTANT_ARTICLES_DIR": str(folder),
        "ASSISTANT_LLM_BACKEND": "openai",
        "ASSISTANT_LLM_MAX_RETRIES": "0",
        "OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",  # nothing listens there
        "OPENAI_API_KEY": "test",
    }
    done = subprocess.run(
        [sys.executable, "-m", "assistant.interfaces.cli", "ask", QUESTION, "--json"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"question", "error"} and "not reachable" in result["error"]
    assert "first use" in done.stderr and "1 added" in done.stderr


def test_ask_format_md_matches_the_json_answer(capsys, cli_env, fake_model):
    import html
    import re

    from markdown_it import MarkdownIt

    assert main(["ask", QUESTION, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert main(["ask", QUESTION, "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    page = MarkdownIt("commonmark").render(markdown)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert " ".join(answer["answer"].split()) in text
    assert page.count("<li>") == len(answer["citations"]) > 0
    for c in answer["citations"]:
        assert " ".join(c["quote"].split()) in text
        assert f"{c['article']}, characters {c['start']}–{c['end']}" in text


def test_ask_server_uses_a_running_assistant_serve(capsys, shared_store, embedder):
    from assistant.app import App
    from assistant.interfaces.server import running
    from tests.conftest import ARTICLES, free_port
    from tests.fakes import QuotingLLM

    app = App(shared_store, llm=QuotingLLM("Mehsud"), embedder=embedder)
    with running(app, "127.0.0.1", free_port()) as url:
        assert main(["ask", QUESTION, "--server", url, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "Mehsud" in result["answer"] and result["model"] == f"quoting-fake via {url}"
    for c in result["citations"]:
        text = (ARTICLES / c["article"]).read_bytes().decode("utf-8-sig")
        assert text[c["start"] : c["end"]] == c["quote"] and f"[{c['marker']}]" in result["answer"]
    assert main(["ask", QUESTION, "--server", f"http://127.0.0.1:{free_port()}"]) == 1
    assert "not reachable" in capsys.readouterr().err


def test_ready_app_moved_to_app_and_old_imports_still_work():
    from assistant import app
    from assistant.interfaces import cli

    assert cli.ready_app is app.ready_app and cli.progress_bar is app.progress_bar


def test_serve_on_a_busy_port_fails_at_once_with_one_line(capsys, cli_env):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot serve on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_control_sequences_from_an_article_never_reach_the_terminal():
    from assistant.interfaces.cli import printable

    assert printable("red \x1b[31mthe\x1b[0m end\x07") == "red \\x1b[31mthe\\x1b[0m end\\x07"
    assert printable("line one\nline two\ttab") == "line one\nline two\ttab"
