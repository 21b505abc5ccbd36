"""Articles managed from the browser: the library's checked path (ingestion's own reasons), uploads capped
and behind the app's login, and the Articles tab driven in real Chromium.

Each test that changes articles gets its own store and folder (one bundled article), the real embedding
model and a stand-in answering model."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import shutil
from pathlib import Path

import httpx
import pytest

from assistant.app import App
from assistant.errors import IngestError
from assistant.ingestion.ingest import ingest_folder
from assistant.ingestion.library import TRASH, add_files, delete_article, list_articles
from assistant.interfaces.server import running
from assistant.settings import Settings
from tests.conftest import ARTICLES, free_port
from tests.fakes import QuotingLLM
from tests.test_ui import browser, expect, open_page  # noqa: F401  (the Chromium fixtures and expect)

FIRST = "000_45d2fcbcc429a1f9.txt"
NEW_ARTICLE = (
    "Harbour town opens a floating library\n\n"
    "The harbour town of Westmere opened a floating library on a converted ferry on Saturday.\n\n"
    "Librarian Agnes Whitcombe said the ferry holds four thousand books and a reading room for children.\n\n"
    "The council expects the library to visit six villages along the coast every month.\n"
)


@pytest.fixture
def own_app(tmp_path: Path, embedder) -> App:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ARTICLES / FIRST, folder)
    app = App(
        Settings(store_dir=tmp_path / "store", articles_dir=folder, max_file_mb=0.05),
        llm=QuotingLLM("Whitcombe"),
        embedder=embedder,
    )
    app.ingest()
    return app


def bad_files(where: Path) -> dict[str, str]:
    """name -> the reason ingestion gives for skipping it."""
    where.mkdir(exist_ok=True)
    (where / "empty.txt").write_bytes(b"")
    (where / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (where / "huge.txt").write_text("The council met on Tuesday to debate the school budget again.\n" * 2000)
    (where / "scripts.html").write_text("<html><script>var a = 1;</script><style>p {}</style></html>")
    (where / "menu.md").write_text("# Menu\n\n- Home\n- News\n")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary",
        "huge.txt": "too large",
        "scripts.html": "no article sentences",
        "menu.md": "no article sentences",
    }


# --- the library: ingestion's checks, nothing indexed lost ---------------------------------------------


def test_uploads_are_checked_for_exactly_the_reasons_ingest_gives(own_app, tmp_path):
    expected = bad_files(tmp_path / "uploads")
    (tmp_path / "uploads" / "westmere.txt").write_text(NEW_ARTICLE)
    (tmp_path / "uploads" / "notes.pdf").write_bytes(b"%PDF-1.4 nothing")
    uploads = [(p, p.name) for p in sorted((tmp_path / "uploads").iterdir())]
    result = add_files(own_app, uploads)

    by_ingest = ingest_folder(
        tmp_path / "uploads",
        App(Settings(store_dir=tmp_path / "other"), embedder=own_app.index.embedder).index,
        own_app.settings.max_file_mb,
    )
    ingest_reasons = {s.file: s.reason for s in by_ingest.skipped}
    reasons = {s.file: s.reason for s in result.rejected}
    assert reasons.pop("notes.pdf").startswith("unsupported file type")
    assert reasons == ingest_reasons  # word for word what `assistant ingest` prints
    for name, why in expected.items():
        assert why in reasons[name]
    assert result.added == ["westmere.txt"]
    files = {a.file: a for a in list_articles(own_app)}
    assert set(files) == {FIRST, "westmere.txt"}  # the article already indexed is kept
    assert (
        files["westmere.txt"].title == "Harbour town opens a floating library" and files["westmere.txt"].sentences == 3
    )
    assert sorted(p.name for p in own_app.settings.articles_dir.iterdir() if p.is_file()) == [FIRST, "westmere.txt"]
    answer = own_app.assistant.ask("Who is the librarian of the floating library?")
    assert any(c.article == "westmere.txt" and "Whitcombe" in c.quote for c in answer.citations)


def test_delete_drops_the_article_and_keeps_its_file_aside(own_app, tmp_path):
    (tmp_path / "westmere.txt").write_text(NEW_ARTICLE)
    add_files(own_app, [(tmp_path / "westmere.txt", "westmere.txt")])
    delete_article(own_app, "westmere.txt")
    assert [a.file for a in list_articles(own_app)] == [FIRST]
    assert not (own_app.settings.articles_dir / "westmere.txt").exists()
    kept = list((own_app.settings.articles_dir / TRASH).iterdir())
    assert len(kept) == 1 and kept[0].read_text() == NEW_ARTICLE
    assert all(c.article != "westmere.txt" for c in own_app.assistant.ask("Who is Agnes Whitcombe?").see_also)
    with pytest.raises(IngestError, match="no indexed article"):
        delete_article(own_app, "westmere.txt")


def test_reindex_picks_up_files_changed_in_the_folder(own_app):
    from assistant.ingestion.library import reindex

    (own_app.settings.articles_dir / "westmere.md").write_text(NEW_ARTICLE)
    result = reindex(own_app)
    assert result.report.added == ["westmere.md"] and result.report.unchanged == [FIRST]
    assert {a.file for a in list_articles(own_app)} == {FIRST, "westmere.md"}


def test_upload_names_cannot_leave_the_folder(own_app, tmp_path):
    (tmp_path / "a.txt").write_text(NEW_ARTICLE)
    result = add_files(own_app, [(tmp_path / "a.txt", "../../escape.txt")])
    assert result.added == ["escape.txt"] and (own_app.settings.articles_dir / "escape.txt").is_file()
    assert not (tmp_path / "escape.txt").exists()
    result = add_files(own_app, [(tmp_path / "a.txt", ".hidden.txt")])
    assert result.rejected and "file name" in result.rejected[0].reason


# --- gradio's upload endpoint: capped, behind the login --------------------------------------------------


def upload(url: str, size: int, cookies=None) -> httpx.Response:
    files = {"files": ("big.txt", b"a" * size, "text/plain")}
    return httpx.post(f"{url}/gradio_api/upload", files=files, cookies=cookies, timeout=30)


def test_oversized_uploads_are_rejected_by_the_server(own_app):
    with running(own_app, "127.0.0.1", free_port()) as url:
        limit = int(own_app.settings.max_file_mb * 1024 * 1024)
        assert upload(url, limit // 2).status_code == 200
        reply = upload(url, limit * 3)
        assert reply.status_code == 413, reply.text


def test_with_auth_on_an_unauthenticated_upload_is_rejected(own_app):
    own_app.settings = own_app.settings.model_copy(update={"ui_auth": "ann:s3cret"})
    with running(own_app, "127.0.0.1", free_port()) as url:
        assert upload(url, 100).status_code == 401
        login = httpx.post(f"{url}/login", data={"username": "ann", "password": "s3cret"})
        assert login.status_code == 200
        assert upload(url, 100, cookies=login.cookies).status_code == 200


# --- the Articles tab in Chromium -------------------------------------------------------------------------


def test_upload_list_and_delete_in_the_browser(own_app, tmp_path, open_page):  # noqa: F811
    good = tmp_path / "westmere.txt"
    good.write_text(NEW_ARTICLE)
    bad_files(tmp_path / "bad")
    with running(own_app, "127.0.0.1", free_port()) as url:
        page = open_page(url + "/")
        page.get_by_role("tab", name="Articles").click()
        table = page.locator("#articles-table tbody tr")
        expect(table).to_have_count(1)
        expect(table.first).to_contain_text(FIRST)

        page.locator("#upload input[type=file]").set_input_files([str(good), str(tmp_path / "bad" / "binary.txt")])
        result = page.locator("#articles-result")
        expect(result).to_contain_text("added westmere.txt", timeout=60_000)
        expect(result).to_contain_text("rejected binary.txt: binary file")
        expect(table).to_have_count(2)
        row = table.filter(has_text="westmere.txt")
        expect(row).to_contain_text("Harbour town opens a floating library")
        expect(row.locator("td.n")).to_have_text("3")
        expect(page.locator("#status")).to_contain_text("2 articles")
        page.screenshot(path=str(tmp_path / "articles.png"), full_page=True)
        if os.environ.get("ASSISTANT_SCREENSHOT"):
            shutil.copy(tmp_path / "articles.png", os.environ["ASSISTANT_SCREENSHOT"])

        page.locator("#delete-choice input").click()
        page.get_by_role("option", name="westmere.txt").click()
        page.locator("#delete").click()
        expect(result).to_contain_text("deleted westmere.txt", timeout=60_000)
        expect(table).to_have_count(1)
        expect(page.locator("#status")).to_contain_text("1 articles")
        assert not page.dialogs and not page.external
    assert [a.file for a in list_articles(own_app)] == [FIRST]
