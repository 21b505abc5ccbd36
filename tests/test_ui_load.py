"""The browser chat under load and its exposure: many sessions at once against a small queue (gradio_client,
loopback only), and where the real entry point listens.

The load test answers with a stand-in model behind the same interface whose reply depends on the prompt, so
that every answer can be traced back to the question (and session) it was produced for.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: nothing may leave the machine

import html
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client
from gradio_client.utils import QueueError

from assistant.app import App
from assistant.interfaces.webui import prepare
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import free_port
from tests.test_ui import serving

SESSIONS = 20
QUEUE_SIZE = 8  # waiting requests; one more is being answered (concurrency 1)
WAIT_S = 60  # every wait in this file is bounded by this
QUEUED = {"IN_QUEUE", "SENDING_DATA", "PROCESSING", "ITERATING", "PROGRESS"}  # gradio_client: accepted, not done


# --- a stand-in model whose answer depends on the question -------------------------------------------------


class EchoEvidenceLLM:
    """Answers by quoting, with its [n] marker, the evidence sentence that contains the snippet quoted in the
    question (the first sentence if none does), a few milliseconds per word. A follow-up is 'rewritten' to the
    last user question of the conversation it was shown, so a leaked history would change the answer too.
    Records every prompt; holds answers (not rewrites) while `gate` is closed."""

    name = "echo-evidence-fake"

    def __init__(self, delay: float = 0.005) -> None:
        self.delay = delay
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()  # set once an answer is waiting at (or has passed) the gate
        self.rewrites: list[str] = []
        self.answers: list[str] = []
        self._lock = threading.Lock()

    def stream(
        self, messages: list[dict[str, str]], max_tokens: int, grammar: str | None = None, usage=None
    ) -> Iterator[str]:
        prompt = messages[-1]["content"]
        if "Follow-up question:" in prompt:
            with self._lock:
                self.rewrites.append(prompt)
            asked = re.findall(r"^User: (.+)$", prompt, flags=re.M)
            yield asked[-1] if asked else prompt.rsplit("Follow-up question:", 1)[1].strip()
            return
        with self._lock:
            self.answers.append(prompt)
        self.entered.set()
        if not self.gate.wait(WAIT_S):
            raise TimeoutError("the test never opened the gate")
        snippet = re.search(r"reads: '(.+?)'", prompt)
        lines = re.findall(r"^\[(\d+)\] (.+)$", prompt, flags=re.M)
        number, sentence = next(((n, s) for n, s in lines if snippet and snippet[1] in s), lines[0])
        for word in f"{sentence.rstrip('.')} [{number}].".split(" "):
            time.sleep(self.delay)
            yield word + " "


# --- helpers -----------------------------------------------------------------------------------------------


@dataclass
class Session:
    """One browser-like user: its own gradio_client (own session hash, so its own gr.State)."""

    number: int
    target: str  # the article sentence its question asks about
    client: Any = None
    outputs: list[Any] = field(default_factory=list)

    @property
    def question(self) -> str:
        return f"What is reported in the sentence that reads: '{snippet(self.target)}'?"


def snippet(sentence: str) -> str:
    return " ".join(sentence.split()[:8])


def pick_targets(app: App, count: int) -> list[str]:
    """Sentences, spread over the articles, that the retriever ranks first for their own question."""
    sentences = [a.sentence(i) for a in app.index.articles().values() for i in range(len(a.spans))]
    per_article = [
        [a.sentence(i) for i in range(len(a.spans)) if 12 <= len(a.sentence(i).split()) <= 40]
        for a in app.index.articles().values()
    ]
    chosen: list[str] = []
    for round_ in range(max(map(len, per_article))):
        for candidates in per_article:
            if round_ >= len(candidates) or len(chosen) == count:
                continue
            sentence = candidates[round_]
            if sum(snippet(sentence) in s for s in sentences) != 1 or "'" in snippet(sentence):
                continue
            hits = app.retriever.search(Session(0, sentence).question, app.settings.top_k)
            if hits and hits[0].article.sentence(hits[0].index) == sentence:
                chosen.append(sentence)
    assert len(chosen) == count, f"only {len(chosen)} usable sentences in the bundled articles"
    return chosen


def content(message: dict[str, Any]) -> str:
    """A chat message's HTML, whether gradio hands it back as a string or as a list of text parts."""
    value = message["content"]
    return "".join(part["text"] for part in value) if isinstance(value, list) else str(value)


def answer_text(message: dict[str, Any]) -> str:
    """The visible answer sentence(s) of an assistant turn: no tags, no markers, no source cards."""
    found = re.search(r'<p class="text">(.*?)</p>', content(message), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>|\[\d+\]", "", found[1])) if found else ""


def plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def failure(job: Any) -> BaseException | None:
    """The exception a finished job ended with, None while it still runs or if it succeeded."""
    return job.exception(timeout=0) if job.done() else None


# --- 20 sessions at once, queue of 8 -----------------------------------------------------------------------


@pytest.fixture
def load_server(shared_store: Settings, embedder) -> Iterator[tuple[str, EchoEvidenceLLM, App]]:
    llm = EchoEvidenceLLM()
    # The stand-in model answers; the rules judge it (what is tested is who gets which answer, not quality).
    settings = shared_store.model_copy(
        update={"ui_concurrency": 1, "ui_queue_size": QUEUE_SIZE, "judge": "rules", "answer_style": "write"}
    )
    app = App(settings, llm=llm, embedder=embedder)
    prepare(app)  # as ui.py does: the lazy retrieval indexes are ready before the sessions race for them
    with serving(app) as url:
        yield url, llm, app


def test_twenty_sessions_at_once_get_their_own_answers_or_a_busy_message(load_server):
    url, llm, app = load_server
    started = time.monotonic()
    targets = pick_targets(app, SESSIONS + 1)
    sessions = [Session(n, target) for n, target in enumerate(targets[:SESSIONS])]
    with ThreadPoolExecutor(8) as pool:
        clients = list(pool.map(lambda _: Client(url, verbose=False), sessions))
    for session, client in zip(sessions, clients, strict=True):
        session.client = client
    assert len({c.session_hash for c in clients}) == SESSIONS
    try:
        # Wave 1: the model is held, so the queue fills up; every request arrives before anything finishes.
        llm.gate.clear()
        barrier = threading.Barrier(SESSIONS)

        def send(session: Session):
            barrier.wait(WAIT_S)
            return session.client.submit(session.question, api_name="/ask")

        with ThreadPoolExecutor(SESSIONS) as pool:
            jobs = list(pool.map(send, sessions))
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            rejected = [j for j in jobs if failure(j) is not None]
            waiting = [j for j in jobs if not j.done() and j.status().code.name in QUEUED]
            if llm.entered.is_set() and len(rejected) + len(waiting) == SESSIONS:
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"the queue never settled: {[j.status().code for j in jobs]}")
        statuses = [j.status().code.name for j in jobs]
        # While it is full, a plain HTTP join is turned away too, with the server's own reason.
        full = httpx.post(
            url + "gradio_api/queue/join",
            json={"data": ["x", []], "fn_index": 0, "session_hash": "outsider"},
            timeout=10,
        )
        llm.gate.set()

        accepted: list[Session] = []
        busy_messages: list[str] = []
        for session, job in zip(sessions, jobs, strict=True):
            try:
                session.outputs.append(job.result(timeout=WAIT_S))
                accepted.append(session)
            except QueueError as err:  # what gradio_client raises when the server answers 503 "Queue is full"
                busy_messages.append(str(err))
        rejected_sessions = [s for s in sessions if s not in accepted]
        print(
            f"\nwave 1: {SESSIONS} sessions, {len(accepted)} accepted, {len(rejected_sessions)} rejected; "
            f"statuses while held: {sorted(set(statuses))}; join while full: {full.status_code} {full.text[:80]}"
        )
        assert QUEUE_SIZE <= len(accepted) <= QUEUE_SIZE + 1  # the queue plus the one being answered
        assert len(rejected_sessions) == SESSIONS - len(accepted)
        assert busy_messages and all("Queue is full" in m and "try again" in m for m in busy_messages), busy_messages
        assert full.status_code == 503 and "Queue is full" in full.text
        for session in accepted:
            check_conversation(session, sessions, turns=1)

        # Wave 2: every accepted session asks a follow-up, at most a queue's worth at once.
        for batch in batches(accepted, QUEUE_SIZE):
            ask_all(batch, "Could you repeat that, please?")
        for session in accepted:
            check_conversation(session, sessions, turns=2)
            rewrites = [p for p in llm.rewrites if f"User: {session.question}" in p]
            assert len(rewrites) == 1, "the follow-up was rewritten with this session's first turn, once"
            assert rewrites[0].count("User: ") == 1  # its own single previous turn, nobody else's
            others = [s for s in sessions if s is not session]
            assert not any(snippet(o.target) in rewrites[0] for o in others)
            assert plain(session.target.rstrip("."))[:60] in plain(rewrites[0])  # its own answer was the context

        # The turned-away sessions were left clean: asking again later gives a conversation of one turn.
        for batch in batches(rejected_sessions, QUEUE_SIZE):
            ask_all(batch)
        for session in rejected_sessions:
            check_conversation(session, sessions, turns=1)

        # And the server is still up for someone new.
        fresh = Session(SESSIONS, targets[SESSIONS], Client(url, verbose=False))
        clients.append(fresh.client)
        ask_all([fresh])
        check_conversation(fresh, sessions, turns=1)
        print(
            f"follow-ups: {len(accepted)}, retried after busy: {len(rejected_sessions)}, fresh: 1; "
            f"model prompts: {len(llm.answers)} answers, {len(llm.rewrites)} rewrites; "
            f"{time.monotonic() - started:.1f} s"
        )
        assert len(llm.answers) == len(accepted) * 2 + len(rejected_sessions) + 1  # a rejected request cost nothing
    finally:
        llm.gate.set()
        with ThreadPoolExecutor(8) as pool:  # each close waits up to 1 s for its heartbeat thread
            list(pool.map(Client.close, clients))


def batches(items: list[Session], size: int) -> Iterator[list[Session]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def ask_all(sessions: list[Session], question: str | None = None) -> None:
    """Each session sends its question (or `question`) at the same time; all must be answered."""
    jobs = [s.client.submit(question or s.question, api_name="/ask") for s in sessions]
    for session, job in zip(sessions, jobs, strict=True):
        session.outputs.append(job.result(timeout=WAIT_S))


def check_conversation(session: Session, everyone: list[Session], turns: int) -> None:
    """The chat this session was sent back holds its own turns only, each answered from its own sentence."""
    chat, box = session.outputs[-1]  # gr.State stays on the server
    assert box == ""
    assert len(chat) == 2 * turns, [content(m)[:80] for m in chat]
    asked = [html.unescape(content(m)) for m in chat[0::2]]
    assert snippet(session.target) in asked[0], asked
    for message in chat[1::2]:
        assert 'class="turn answer"' in content(message), content(message)[:200]
        assert plain(answer_text(message)) == plain(session.target), (answer_text(message), session.target)
    # (the source cards show whole articles, which hold other sessions' sentences too: not compared)
    for other in everyone:
        if other.target != session.target:
            assert not any(snippet(other.target) in q for q in asked), f"session {other.number}'s question leaked"


# --- where the real entry point listens ---------------------------------------------------------------------


def tcp_sockets(pid: int) -> list[tuple[str, int, str, str]]:
    """(local address, local port, remote address, state) of every TCP socket the process holds, read from
    /proc (no psutil needed); state "0A" is LISTEN."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    found = []
    for table, family in (("tcp", socket.AF_INET), ("tcp6", socket.AF_INET6)):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] not in inodes:
                continue
            (local, port), (remote, _) = fields[1].split(":"), fields[2].split(":")
            found.append((_address(local, family), int(port, 16), _address(remote, family), fields[3]))
    return found


def _address(hex_address: str, family: int) -> str:
    raw = bytes.fromhex(hex_address)
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))  # /proc prints 32-bit words LE
    return socket.inet_ntop(family, words)


def is_loopback(address: str) -> bool:
    return address.startswith(("127.", "::ffff:127.")) or address == "::1"


@pytest.fixture
def entry_server(shared_store: Settings, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen, Path]]:
    """`python ui.py --port P` in its own process on the shared store, with basic auth from the environment,
    a model server that is down (no model load), and gradio's own host/share variables set to widen it."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "GRADIO_", "OPENAI_"))}
    env.update(
        ASSISTANT_STORE_DIR=str(shared_store.store_dir),
        ASSISTANT_ARTICLES_DIR=str(shared_store.articles_dir),
        ASSISTANT_UI_AUTH="ann:s3cret",
        ASSISTANT_LLM_BACKEND="openai",
        ASSISTANT_LLM_MAX_RETRIES="0",
        ASSISTANT_LLM_TIMEOUT="5",
        OPENAI_BASE_URL=f"http://127.0.0.1:{free_port()}/v1",  # nothing listens there
        OPENAI_API_KEY="test",
        GRADIO_ANALYTICS_ENABLED="False",
        GRADIO_SERVER_NAME="0.0.0.0",  # gradio's own defaults must not override ours
        GRADIO_SHARE="True",
        HF_HUB_OFFLINE="1",
    )
    log = tmp_path / "ui.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "ui.py"), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            if "serving on" in log.read_text():  # printed once launch() has returned
                break
            time.sleep(0.3)
        else:
            pytest.fail(f"ui.py did not serve: {log.read_text()}")
        yield url, proc, log
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def test_entry_point_listens_on_loopback_only_never_shares_and_asks_for_a_login(entry_server):
    url, proc, log = entry_server
    port = int(url.rsplit(":", 1)[1].strip("/"))
    sockets = tcp_sockets(proc.pid)
    listening = [(local, p) for local, p, _, state in sockets if state == "0A"]
    assert listening and all(local == "127.0.0.1" for local, _ in listening), sockets  # no 0.0.0.0, no ::
    assert ("127.0.0.1", port) in listening
    connected = [s for s in sockets if s[3] != "0A"]
    assert all(is_loopback(local) and is_loopback(remote) for local, _, remote, _ in connected), sockets
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    text = log.read_text()
    assert f"serving on http://127.0.0.1:{port}" in text and "gradio.live" not in text and "public URL" not in text

    # Basic auth from ASSISTANT_UI_AUTH: no page, config or chat API without it.
    assert httpx.get(url + "config", timeout=10).status_code == 401
    assert httpx.get(url + "gradio_api/info", timeout=10).status_code == 401
    page = httpx.get(url, timeout=10)
    assert re.search(r'"auth_required":\s*true', page.text) and "Ask about the news articles" not in page.text
    join = httpx.post(
        url + "gradio_api/queue/join",
        json={"data": ["Who is Noor Wali Mehsud?", []], "fn_index": 0, "session_hash": "intruder"},
        timeout=10,
    )
    assert join.status_code == 401, join.text
    call = httpx.post(url + "gradio_api/call/ask", json={"data": ["Who is Noor Wali Mehsud?", []]}, timeout=10)
    assert call.status_code == 401, call.text
    # (a wrong password is already refused in tests/test_ui.py::test_basic_auth_from_settings)
    client = Client(url, auth=("ann", "s3cret"), verbose=False)
    try:
        chat, _ = client.submit("Who is Noor Wali Mehsud?", api_name="/ask").result(timeout=WAIT_S)
    finally:
        client.close()
    reply = content(chat[-1])
    assert 'class="turn error"' in reply and "model server not reachable" in reply  # the chat itself ran
