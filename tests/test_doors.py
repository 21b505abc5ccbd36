"""Locked doors, tried as an attacker would against a real server on loopback (FastAPI + Gradio + uvicorn, as
`assistant serve` runs it): hand-made file references, every route without the key, chunked floods, loose
request fields, and a server that would listen beyond this machine with no key at all.

The answering model is a stand-in and the judge the rules (neither is under test); the index, the embedding
model and the article folder are real."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.app import App
from assistant.errors import ConfigError
from assistant.interfaces.articles_ui import uploaded_here
from assistant.interfaces.guard import is_open
from assistant.interfaces.server import check_exposure, create, running
from assistant.settings import Settings
from tests.conftest import ARTICLES, free_port
from tests.fakes import QuotingLLM

FIRST = "000_45d2fcbcc429a1f9.txt"
KEY = "k3y-for-every-door"
SECRET = "The vault code is 4417 and the spare key is under the third stone."


def make_app(tmp_path: Path, embedder, **settings) -> App:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ARTICLES / FIRST, folder)
    base = Settings(store_dir=tmp_path / "store", articles_dir=folder, judge="rules", max_file_mb=0.05)
    app = App(base.model_copy(update=settings), llm=QuotingLLM("Mehsud"), embedder=embedder)
    app.ingest()
    return app


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    """A file of the server's disk that nobody uploaded, written like an article so ingestion would take it."""
    path = tmp_path / "outside" / "vault-note.txt"
    path.parent.mkdir()
    path.write_text(f"Vault note\n\n{SECRET} Nobody else knows where the spare key is kept.\n", encoding="utf-8")
    return path


def config(url: str, headers: dict | None = None) -> dict:
    reply = httpx.get(f"{url}/config", headers=headers, timeout=30)
    assert reply.status_code == 200, reply.text
    return reply.json()


def handler_index(cfg: dict, elem_id: str, trigger: str) -> int:
    """The fn_index of the event `trigger` of the component with `elem_id` (as the page's script sends it)."""
    ids = {c["id"] for c in cfg["components"] if c.get("props", {}).get("elem_id") == elem_id}
    for n, dep in enumerate(cfg["dependencies"]):
        if any(target[0] in ids and target[1] == trigger for target in dep["targets"]):
            return dep.get("id", n)
    raise AssertionError(f"no {trigger} handler on #{elem_id}")


def queue_join(url: str, fn_index: int, data: list, headers: dict | None = None) -> tuple[int, list[dict]]:
    """A queue request as the page sends it; returns (join status, the events of its result stream)."""
    session = uuid.uuid4().hex[:10]
    body = {"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None}
    joined = httpx.post(f"{url}/gradio_api/queue/join", json=body, headers=headers, timeout=30)
    if joined.status_code != 200:
        return joined.status_code, []
    events: list[dict] = []
    with httpx.stream(
        "GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}, headers=headers, timeout=60
    ) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                events.append(json.loads(line[5:]))
                if events[-1].get("msg") == "process_completed":
                    break
    return joined.status_code, events


def file_reference(path: Path) -> dict:
    return {"path": str(path), "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}


# --- 1. no file reaches the index unless it was uploaded through this server -------------------------------


def test_a_hand_made_file_reference_is_refused_and_nothing_is_indexed(tmp_path, embedder, secret_file):
    app = make_app(tmp_path, embedder)
    before = app.index.version()
    with running(app, "127.0.0.1", free_port()) as url:
        fn = handler_index(config(url), "upload", "upload")
        status, events = queue_join(url, fn, [[file_reference(secret_file)]])
    assert status == 200
    assert events and events[-1]["msg"] == "process_completed"
    assert not (app.settings.articles_dir / secret_file.name).exists()
    assert [a.file for a in app.index.articles().values()] == [FIRST]
    assert app.index.version() == before
    answer = app.assistant.ask("What is the vault code and where is the spare key?")
    assert "4417" not in json.dumps(answer.model_dump())


def test_only_regular_files_inside_gradios_upload_folder_count_as_uploaded(tmp_path, secret_file):
    from gradio.utils import get_upload_folder

    folder = Path(get_upload_folder())
    folder.mkdir(parents=True, exist_ok=True)
    inside = folder / f"test-{uuid.uuid4().hex}"
    inside.mkdir()
    try:
        real = inside / "story.txt"
        real.write_text("A story.\n")
        link = inside / "link.txt"
        link.symlink_to(secret_file)
        assert uploaded_here(real)
        assert not uploaded_here(secret_file)
        assert not uploaded_here(link)  # a link planted in the folder still points outside
        assert not uploaded_here(inside / ".." / ".." / secret_file.name)
        assert not uploaded_here(inside / "missing.txt")
    finally:
        shutil.rmtree(inside)


# --- 2. one key for every door -------------------------------------------------------------------------------


@pytest.fixture
def locked(tmp_path, embedder) -> Iterator[tuple[str, App]]:
    app = make_app(tmp_path, embedder, api_key=KEY)
    with running(app, "127.0.0.1", free_port()) as url:
        yield url, app


BEARER = {"Authorization": f"Bearer {KEY}"}


def route_paths(routes, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route of the served app, the mounted chat's and its routers' included."""
    from starlette.routing import Mount

    for route in routes:
        if isinstance(route, Mount):
            yield from route_paths(route.app.routes, prefix + route.path)
        elif hasattr(route, "effective_candidates"):  # a router included with a prefix
            yield from route_paths(route.effective_candidates(), prefix)
        else:
            yield prefix + route.path, set(getattr(route, "methods", None) or {"GET"})


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_every_route_refuses_a_caller_without_the_key(locked, tmp_path):
    url, app = locked
    cfg = config(url, BEARER)  # with the key, the page's config and API listing are there
    info = httpx.get(f"{url}/gradio_api/info", headers=BEARER, timeout=30)
    assert info.status_code == 200
    named = list(info.json()["named_endpoints"])
    assert "/ask" in named
    refused = 0
    for path in named:  # what /gradio_api/info lists
        for route in (f"/gradio_api/call{path}", f"/gradio_api/run{path}", f"/gradio_api/api{path}"):
            reply = httpx.post(f"{url}{route}", json={"data": ["Who is Noor Wali Mehsud?", []]}, timeout=30)
            assert reply.status_code == 401, (route, reply.status_code, reply.text[:200])
            refused += 1
    for n, dep in enumerate(cfg["dependencies"]):  # what /config lists: every handler of the page
        status, _ = queue_join(url, dep.get("id", n), [])
        assert status == 401, (dep.get("id", n), status)
        refused += 1
    # Every other route the server has, with any path parameter filled in.
    service = create(app, "127.0.0.1")
    for path, methods in route_paths(service.routes):
        if is_open(concrete(path)):
            continue
        for method in sorted(methods - {"HEAD", "OPTIONS"}):
            reply = httpx.request(method, f"{url}{concrete(path)}", timeout=30)
            assert reply.status_code == 401, (method, path, reply.status_code, reply.text[:200])
            refused += 1
    assert refused > 40
    files = {"files": ("story.txt", b"A story about the harbour.\n", "text/plain")}
    assert httpx.post(f"{url}/gradio_api/upload", files=files, timeout=30).status_code == 401
    assert httpx.get(f"{url}/config", timeout=30).status_code == 401  # the page's config needs a login too
    assert [a.file for a in app.index.articles().values()] == [FIRST]


def test_the_key_opens_every_door_as_a_header_or_a_login(locked):
    url, _ = locked
    assert httpx.get(f"{url}/v1/models", headers=BEARER, timeout=30).status_code == 200
    assert httpx.get(f"{url}/v1/models", headers={"Authorization": "Bearer wrong"}, timeout=30).status_code == 401
    assert httpx.get(f"{url}/v1/models", auth=("anyone", KEY), timeout=30).status_code == 200
    login = httpx.post(f"{url}/login", data={"username": "anyone", "password": KEY}, timeout=30)
    assert login.status_code == 200
    files = {"files": ("story.txt", b"A story about the harbour.\n", "text/plain")}
    assert httpx.post(f"{url}/gradio_api/upload", files=files, cookies=login.cookies, timeout=30).status_code == 200
    wrong = httpx.post(f"{url}/login", data={"username": "anyone", "password": "guess"}, timeout=30)
    assert wrong.status_code != 200 and not wrong.cookies


# --- 3. body limits hold for chunked requests; fields are strict ------------------------------------------


def chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    yield b'{"messages": [{"role": "user", "content": "'
    while sent < total:
        yield b"a" * size
        sent += size
    yield b'"}]}'


def multipart_chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    yield b'--xyzzy\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
    yield b"Content-Type: text/plain\r\n\r\n"
    for _ in range(total // size):
        yield b"The council met again on Tuesday. " * (size // 34)
    yield b"\r\n--xyzzy--\r\n"


def test_a_chunked_flood_is_refused_on_every_route(tmp_path, embedder):
    app = make_app(tmp_path, embedder)
    with running(app, "127.0.0.1", free_port()) as url:
        for route in ("/v1/chat/completions", "/gradio_api/queue/join", "/gradio_api/call/ask"):
            reply = httpx.post(f"{url}{route}", content=chunks(10 << 20), timeout=60)
            assert reply.status_code == 413, (route, reply.status_code, reply.text[:200])
        reply = httpx.post(
            f"{url}/gradio_api/upload",
            content=multipart_chunks(8 << 20),
            headers={"content-type": "multipart/form-data; boundary=xyzzy"},
            timeout=60,
        )
        assert reply.status_code == 413, reply.text[:200]
        assert not any(app.settings.articles_dir.glob("big*"))
        # The server still answers afterwards.
        assert httpx.get(f"{url}/v1/models", timeout=30).status_code == 200


def test_a_string_is_not_a_boolean(tmp_path, embedder):
    app = make_app(tmp_path, embedder)
    with running(app, "127.0.0.1", free_port()) as url:
        body = {"messages": [{"role": "user", "content": "Who is Noor Wali Mehsud?"}], "stream": "yes"}
        reply = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=60)
        assert reply.status_code == 400 and "stream" in reply.text
        body = {**body, "stream": False, "stream_options": {"include_usage": "true"}}
        assert httpx.post(f"{url}/v1/chat/completions", json=body, timeout=60).status_code == 400


# --- 4. who may reach a server with no key ------------------------------------------------------------------


def test_without_a_key_the_server_stays_on_loopback_unless_told(tmp_path):
    app = App(Settings(store_dir=tmp_path / "store"))
    assert "loopback" in check_exposure(app, "127.0.0.1")
    with pytest.raises(ConfigError, match="ASSISTANT_API_KEY"):
        check_exposure(app, "0.0.0.0")
    app.settings = app.settings.model_copy(update={"allow_anonymous": True})
    assert "anyone" in check_exposure(app, "0.0.0.0")
    app.settings = app.settings.model_copy(update={"allow_anonymous": False, "api_key": KEY})
    assert "key" in check_exposure(app, "0.0.0.0")


def test_a_read_only_library_has_no_write_actions(tmp_path, embedder, secret_file):
    app = make_app(tmp_path, embedder, library_readonly=True)
    with running(app, "127.0.0.1", free_port()) as url:
        cfg = config(url)
        ids = {c.get("props", {}).get("elem_id") for c in cfg["components"]}
        assert not ids & {"upload", "delete", "reindex"}
        for n, dep in enumerate(cfg["dependencies"]):  # no handler of the page takes a file
            queue_join(url, dep.get("id", n), [[file_reference(secret_file)]])
        time.sleep(0.5)
    assert [a.file for a in app.index.articles().values()] == [FIRST]
