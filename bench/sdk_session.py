"""A real session as a user runs it: `assistant serve` on loopback, the official openai SDK (a question, then
a streamed follow-up with the history), and a Chromium screenshot of the Articles tab.

    python bench/sdk_session.py [--port 7873] [--screenshot docs/articles.png]

Uses the configured store (`ASSISTANT_STORE_DIR`, default `store/`); prints what the SDK returned.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from common import ROOT, stop, tool, wait_http

QUESTION = "Who leads the Pakistani Taliban?"
FOLLOW_UP = "Which news network interviewed him?"


def show_citations(citations: list[dict]) -> None:
    for c in citations:
        print(f"  [{c['marker']}] {c['article']} {c['start']}-{c['end']} {c['title']!r}: {c['quote'][:100]}")


def sdk_session(base_url: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=base_url, api_key="unused")
    model = client.models.list().data[0].id
    print("model:", model)
    started = time.perf_counter()
    done = client.chat.completions.create(model=model, messages=[{"role": "user", "content": QUESTION}])
    message = done.choices[0].message
    print(f"--- non-streaming ({time.perf_counter() - started:.1f} s)")
    print(f"content: {message.content}\nrefused: {message.refused}")
    show_citations(message.citations)

    history = [
        {"role": "user", "content": QUESTION},
        {"role": "assistant", "content": message.content},
        {"role": "user", "content": FOLLOW_UP},
    ]
    started, first, text, citations = time.perf_counter(), None, "", []
    for chunk in client.chat.completions.create(model=model, stream=True, messages=history):
        delta = chunk.choices[0].delta if chunk.choices else None
        if delta and delta.content:
            first = first or time.perf_counter() - started
            text += delta.content
        if delta and getattr(delta, "citations", None) is not None:
            citations = delta.citations
    print(f"--- streamed follow-up (first content {first:.1f} s, done {time.perf_counter() - started:.1f} s)")
    print(f"content: {text}")
    show_citations(citations)


def articles_screenshot(url: str, path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url)
        page.locator("#question textarea").wait_for()
        page.get_by_role("tab", name="Articles").click()
        page.locator("#articles-table table").wait_for()
        page.wait_for_timeout(500)
        page.screenshot(path=str(path), full_page=True)
        print(f"--- articles panel ({path})\n" + page.locator("#articles-table").inner_text())
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7873)
    parser.add_argument("--screenshot", type=Path, default=ROOT / "docs" / "articles.png")
    args = parser.parse_args()
    exe = tool("assistant")
    if exe is None:
        raise SystemExit("error: the assistant command is not installed (scripts/setup.sh)")
    with tempfile.TemporaryDirectory() as tmp, (Path(tmp) / "serve.log").open("wb") as log:
        proc = subprocess.Popen([exe, "serve", "--port", str(args.port)], cwd=ROOT, stdout=log, stderr=log)
        try:
            ready = wait_http(f"http://127.0.0.1:{args.port}/v1/models", proc, 300)
            if ready is None:
                raise SystemExit(f"error: assistant serve did not start:\n{(Path(tmp) / 'serve.log').read_text()}")
            print(f"serve ready after {ready / 1000:.1f} s")
            sdk_session(f"http://127.0.0.1:{args.port}/v1")
            articles_screenshot(f"http://127.0.0.1:{args.port}/", args.screenshot)
        finally:
            stop(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
