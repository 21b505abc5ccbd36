"""The browser chat: a real server in-process, driven by Debian's Chromium (Playwright) and gradio_client.

Tests marked slow answer with the real embedded model; the others use a stand-in model behind the same
interface, so that the UI's own logic (sessions, queue, errors, escaping) is checked in seconds.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: nothing may leave the machine

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.app import App
from assistant.interfaces.chat_html import render_progress
from assistant.interfaces.server import running
from assistant.interfaces.webui import prepare
from assistant.schema import Answer, Progress
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import ARTICLES, free_port
from tests.fakes import QuotingLLM

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
CHROMIUM = Path("/usr/bin/chromium")
ANSWER_TIMEOUT_MS = 120_000  # the embedded model takes 5-10 s here, much more on a busy machine
HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


# --- servers and browser ----------------------------------------------------------------------------


@contextmanager
def serving(app: App) -> Iterator[str]:
    with running(app, "127.0.0.1", free_port()) as url:
        yield f"{url}/"


# Known gap (closing note): the 1.5B answers this follow-up with a bare "CNN [4]" citing the wrong
# sentence, and the judge model does not accept it re-cited to the right one.
def settings_for(base: Settings, **changes) -> Settings:
    return base.model_copy(update=changes)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """New isolated browser sessions; each records dialogs and any request that tried to leave loopback."""
    contexts = []

    def make(url: str):
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.dialogs, page.external = [], []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))

        def guard(route) -> None:
            if re.match(r"https?://(127\.0\.0\.1|localhost)[:/]", route.request.url):
                route.continue_()
            else:
                page.external.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page.goto(url)
        page.locator("#question textarea").wait_for()
        return page

    yield make
    for context in contexts:
        context.close()


def ask(page, question: str, n: int):
    """Send a question; the n-th finished assistant turn of this page (1-based)."""
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    finished = page.locator("#chat .turn:not(.streaming)")
    expect(finished).to_have_count(n, timeout=ANSWER_TIMEOUT_MS)
    return finished.nth(n - 1)


def article_text(file: str, folder: Path = ARTICLES) -> str:
    return (folder / file).read_bytes().decode("utf-8-sig")  # as ingestion decodes it, offsets included


def check_citation_card(page, turn, number: int, folder: Path = ARTICLES) -> str:
    """Click [number]; its card must come into view with exactly the file's text at its offsets marked."""
    link = turn.locator("a.cite", has_text=f"[{number}]").first
    target = link.get_attribute("href")
    link.click()
    card = turn.locator(f"{target}.card")
    expect(card).to_be_in_viewport()
    assert page.url.endswith(target)
    where = re.fullmatch(r"(\S+), characters (\d+)–(\d+)", card.locator(".file").text_content())
    text = article_text(where[1], folder)
    start, end = int(where[2]), int(where[3])
    marked = card.locator(".para mark").text_content()
    assert marked == text[start:end] and marked in text
    card.locator("summary").click()  # the whole article, same span marked
    expect(card.locator(".full")).to_be_visible()
    assert card.locator(".full").text_content() == text
    assert card.locator(".full mark").text_content() == marked
    return marked


# --- rendering, without a server ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_server(shared_store: Settings, embedder, local_llm) -> Iterator[tuple[str, list[Answer]]]:
    """One chat server on the real model for the module; also hands out every answer it produced."""
    app = App(shared_store, llm=local_llm, embedder=embedder)
    prepare(app)
    answers: list[Answer] = []
    stream = app.assistant.stream

    def recording(question, history=()):
        for item in stream(question, history):
            if isinstance(item, Answer):
                answers.append(item)
            yield item

    app.assistant.stream = recording
    with serving(app) as url:
        yield url, answers


@pytest.mark.slow
def test_answer_streams_then_cites_a_verbatim_span(real_server, open_page):
    url, answers = real_server
    page = open_page(url)
    expect(page.locator("#status")).to_contain_text("5 articles")
    expect(page.locator("#status")).to_contain_text("qwen")
    turn = ask(page, "Which US CENTCOM commander said the Taliban were pretending their victory was inevitable?", 1)
    expect(turn).to_contain_text("McKenzie")
    marked = check_citation_card(page, turn, 1)
    answer = answers[-1]
    assert marked == answer.citations[0].quote
    assert turn.locator(".card").count() == len(answer.citations)  # cited sources only, not all retrieved
    assert not page.dialogs and not page.external


@pytest.mark.slow
def test_one_users_questions_never_change_another_users_answer(real_server):
    """Browser sessions on one real model: the same question gets the same answer whether it comes first,
    right after another user's question, or after several."""
    from gradio_client import Client

    url, answers = real_server
    question = "How many Taliban fighters have pledged allegiance to al-Qaeda?"
    bob = Client(url, verbose=False)

    def fresh_session_asks() -> str:
        return str(Client(url, verbose=False).predict(question, api_name="/ask")[0][-1]["content"])

    first = fresh_session_asks()
    bob.predict("Who is Noor Wali Mehsud?", api_name="/ask")
    after_other = fresh_session_asks()
    bob.predict("What did the Pakistani Foreign Ministry spokesman say?", api_name="/ask")
    after_more = fresh_session_asks()
    texts = [a.raw_output for a in answers if a.question == question]
    assert len(texts) == 3 and len(set(texts)) == 1, texts

    shown = [a for a in answers if a.question == question]
    assert all(a.answer == shown[0].answer and a.citations == shown[0].citations for a in shown)
    assert first.count('class="cite"') == after_other.count('class="cite"') == after_more.count('class="cite"')


@pytest.mark.slow
def test_unanswerable_question_is_a_refusal_note_with_closest_passages(real_server, open_page):
    page = open_page(real_server[0])
    turn = ask(page, "What is the capital of France?", 1)
    expect(turn).to_have_class(re.compile(r"\brefusal\b"))
    expect(turn.locator(".note")).to_have_text("The articles don't answer this.")
    expect(turn).to_contain_text("Closest passages")
    assert turn.locator("a.cite").count() == 0 and turn.locator(".card").count() == 0


@pytest.mark.slow
def test_follow_up_uses_the_conversation_and_new_conversation_forgets_it(real_server, open_page):
    url, answers = real_server
    page = open_page(url)
    ask(page, "Who is Noor Wali Mehsud?", 1)
    follow = ask(page, "Which news network interviewed him?", 2)
    expect(follow).to_contain_text("CNN")
    assert "Mehsud" in answers[-1].standalone_question
    page.locator("#new").click()
    expect(page.locator("#chat .turn")).to_have_count(0)
    ask(page, "What is the capital of France?", 1)
    assert answers[-1].standalone_question == "What is the capital of France?"  # no history was used


# --- UI logic with the stand-in model -------------------------------------------------------------------


@pytest.fixture(scope="module")
def fake_server(shared_store: Settings, embedder) -> Iterator[tuple[str, QuotingLLM]]:
    llm = QuotingLLM(delay=0.02)
    # The chat's logic is under test here, not the judge model: the rules judge.
    app = App(settings_for(shared_store, ui_concurrency=2, judge="rules"), llm=llm, embedder=embedder)
    prepare(app)  # as `ui.py` does: the lazy retrieval indexes are built before two sessions race for them
    with serving(app) as url:
        yield url, llm


def test_empty_and_too_long_questions_are_readable_messages_in_the_chat(fake_server, open_page):
    page = open_page(fake_server[0])
    turn = ask(page, "", 1)
    expect(turn).to_have_class(re.compile(r"\berror\b"))
    expect(turn).to_contain_text("the question is empty")
    turn = ask(page, "Why? " * 600, 2)
    expect(turn).to_contain_text("the question is too long")
    assert "Traceback" not in page.locator("#chat").text_content()


def test_model_server_down_is_a_readable_message(shared_store, embedder, open_page, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")  # nothing listens there
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    settings = settings_for(shared_store, llm_backend="openai", llm_max_retries=0, llm_timeout=5)
    with serving(App(settings, embedder=embedder)) as url:
        page = open_page(url)
        turn = ask(page, "Who is Noor Wali Mehsud?", 1)
        expect(turn).to_have_class(re.compile(r"\berror\b"))
        expect(turn).to_contain_text("model server not reachable")


def test_two_sessions_keep_separate_histories(fake_server):
    from gradio_client import Client

    url, llm = fake_server
    alice, bob = Client(url, verbose=False), Client(url, verbose=False)
    firsts = {alice: "Who is Noor Wali Mehsud?", bob: "Who is General Frank McKenzie?"}
    follow = {alice: "Which news network interviewed him?", bob: "What did he say about the Taliban?"}
    for questions in (firsts, follow):  # both sessions at once, twice
        jobs = {client: client.submit(q, api_name="/ask") for client, q in questions.items()}
        results = {client: job.result(timeout=60) for client, job in jobs.items()}
    for me, other in ((alice, bob), (bob, alice)):
        condense = [p for p in llm.prompts if follow[me] in p and "Follow-up question:" in p]
        assert len(condense) == 1
        assert firsts[me] in condense[0] and firsts[other] not in condense[0]
        chat = results[me][0]
        shown = " ".join(str(m["content"]) for m in chat)
        assert len(chat) == 4 and firsts[me] in shown and firsts[other] not in shown


def test_while_the_answer_is_checked_only_verified_text_is_shown(fake_server):
    from gradio_client import Client

    job = Client(fake_server[0], verbose=False).submit("Who is Noor Wali Mehsud?", api_name="/ask")
    job.result(timeout=60)
    shown = [str(out[0][-1]["content"]) for out in job.outputs()]
    final = shown[-1]
    assert 'class="turn answer"' in final and 'class="cite"' in final
    words = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", final))  # markers are links in the final answer
    for partial in shown[:-1]:  # the stand-in model streams word by word; none of it may show unverified
        assert 'class="turn streaming"' in partial
        text = (
            re.sub(r"<[^>]+>", " ", partial)
            .replace("checking…", "")
            .replace("Searching and checking the articles…", "")
        )
        assert all(w in words for w in re.findall(r"\w+", text))


def test_progress_shows_verified_sentences_with_a_checking_note():
    rendered = render_progress(Progress(answer="Mehsud leads the TTP [1].", checking=True))
    assert "Mehsud leads the TTP [1]." in rendered and "checking…" in rendered and "streaming" in rendered
    assert "checking…" not in render_progress(Progress(answer="Done [1].", checking=False))


def test_conversation_and_one_answer_export_from_the_browser(fake_server, open_page):
    import json

    page = open_page(fake_server[0])
    ask(page, "Who is Noor Wali Mehsud?", 1)
    ask(page, "Who is General Frank McKenzie?", 2)
    with page.expect_download() as got:
        page.locator("#export-json").click()
    turns = json.loads(Path(got.value.path()).read_text())["turns"]
    assert [t["question"] for t in turns] == ["Who is Noor Wali Mehsud?", "Who is General Frank McKenzie?"]
    for turn in turns:
        for c in turn["citations"]:
            assert article_text(c["article"])[c["start"] : c["end"]] == c["quote"]
            assert f"[{c['marker']}]" in turn["answer"]
    page.locator("#export-scope input").click()
    page.get_by_role("option", name=re.compile("^Answer 2")).click()
    expect(page.locator("#export-md")).to_be_enabled()
    page.wait_for_timeout(500)  # the new file replaces the conversation's on the button
    with page.expect_download() as got:
        page.locator("#export-md").click()
    markdown = Path(got.value.path()).read_text()
    assert got.value.suggested_filename == "answer-2.md"
    assert "General Frank McKenzie" in markdown and "Noor Wali Mehsud?" not in markdown
    for c in turns[1]["citations"]:
        assert f"{c['article'].replace('_', chr(92) + '_')}, characters {c['start']}–{c['end']}" in markdown


def test_past_the_queue_the_chat_says_busy(shared_store, embedder, open_page):
    llm = QuotingLLM()
    llm.gate.clear()  # hold the first answer in the model
    app = App(settings_for(shared_store, ui_concurrency=1, ui_queue_size=1), llm=llm, embedder=embedder)
    try:
        with serving(app) as url:
            pages = [open_page(url) for _ in range(3)]
            for page, send in zip(pages, ["Enter", "button", "Enter"], strict=True):  # both triggers share the limit
                page.locator("#question textarea").fill("Who is Noor Wali Mehsud?")
                if send == "button":
                    page.locator("#ask").click()
                else:
                    page.locator("#question textarea").press("Enter")
                time.sleep(0.5)  # in this order: running, waiting, turned away
            expect(pages[2].get_by_text("currently busy. Please try again").first).to_be_visible(timeout=15_000)
            llm.gate.set()
            for page in pages[:2]:
                expect(page.locator("#chat .turn.answer")).to_have_count(1, timeout=30_000)
    finally:
        llm.gate.set()


# --- hostile article text -------------------------------------------------------------------------------


def test_markup_in_articles_and_model_output_is_shown_as_text(tmp_path, embedder, open_page):
    folder = tmp_path / "hostile"
    folder.mkdir()
    shutil.copy(ARTICLES / "000_45d2fcbcc429a1f9.txt", folder)
    (folder / "evil.txt").write_text(
        f"City council warns of {HOSTILE_IMG} hacking attempt\n\n"
        "The city council of Lakeside said on Monday that its website had been attacked by an unknown group.\n\n"
        "Council spokesperson Maria Gonzalez said the attackers defaced the public noticeboard page of the council. "
        f"They posted the code {HOSTILE} and {HOSTILE_IMG} there.\n\n"
        "The council restored the noticeboard within two hours and reported the incident to the police.\n",
        encoding="utf-8",
    )
    llm = QuotingLLM("Gonzalez", delay=0.05, tail=f"It read {HOSTILE_IMG} {HOSTILE} [1].")
    # Escaping is under test, not the judge model (whose short-answer check reads the question's markup as
    # a number it asks about): the rules judge.
    settings = Settings(store_dir=tmp_path / "store", articles_dir=folder, judge="rules")
    app = App(settings, llm=llm, embedder=embedder)
    app.ingest()
    with serving(app) as url:
        page = open_page(url)
        turn = ask(page, f"What did the attackers do to the council's noticeboard? {HOSTILE_IMG}", 1)
        check_citation_card(page, turn, 1, folder)
        card = turn.locator(".card").first
        for shown in (card.locator(".head"), card.locator(".para"), card.locator(".full")):
            expect(shown).to_contain_text(HOSTILE_IMG)  # the article's markup, as text
        expect(card.locator(".para")).to_contain_text(HOSTILE)
        expect(page.locator("#chat .question")).to_contain_text(HOSTILE_IMG)
        time.sleep(0.5)  # an onerror handler would have fired by now
        assert page.locator("#chat img[src='x'], #chat script").count() == 0
        assert not page.dialogs and not page.external  # the raw stream carried the markup too


# --- start-up, flags and auth ---------------------------------------------------------------------------


def test_ui_command_and_script_take_the_same_flags():
    from assistant.interfaces.cli import _parser

    args = _parser(full=True).parse_args(["ui", "--host", "0.0.0.0", "--port", "7999"])
    assert (args.host, args.port) == ("0.0.0.0", 7999) and callable(args.run)
    script = subprocess.run([sys.executable, str(PROJECT_ROOT / "ui.py"), "--help"], capture_output=True, text=True)
    assert script.returncode == 0 and all(flag in script.stdout for flag in ("--host", "--port"))


def test_basic_auth_from_settings(shared_store, embedder):
    from gradio_client import Client

    app = App(settings_for(shared_store, ui_auth="ann:s3cret"), llm=QuotingLLM(), embedder=embedder)
    with serving(app) as url:
        assert httpx.get(url + "config").status_code == 401
        with pytest.raises(ValueError):
            Client(url, auth=("ann", "wrong"), verbose=False)
        Client(url, auth=("ann", "s3cret"), verbose=False)


def test_a_busy_port_is_one_clear_error(shared_store, embedder):
    from assistant.errors import ConfigError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = App(shared_store, llm=QuotingLLM(), embedder=embedder)
        with pytest.raises(ConfigError, match=f"cannot serve on 127.0.0.1:{port}"), running(app, "127.0.0.1", port):
            pass


@pytest.mark.slow
def test_python_ui_py_indexes_on_first_start_then_serves(isolated_store, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "ui.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "ui.py"), "--port", str(port)], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                config = httpx.get(url + "config", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            pytest.fail(f"ui.py did not serve: {log.read_text()}")
        assert config.status_code == 200, log.read_text()
        assert "first start: indexed 5 articles" in config.text and "5 articles" in config.text, log.read_text()
        assert (isolated_store / "chroma").is_dir()  # the configured store, not the bundled one
    finally:
        proc.terminate()
        proc.wait(30)
    assert f"serving on {url}".rstrip("/") in log.read_text() and "loopback" in log.read_text()
