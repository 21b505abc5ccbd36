"""HTML extraction: the hand rules in assistant/ingestion/ingest.py against trafilatura, on the realistic news pages in
tests/data/html/ (navigation, share bars, cookie banners, newsletter boxes, related links, comments).

Each page goes through the whole ingestion path (extract, then split into sentences by chunking.py) and is
scored against its gold: the article's sentences that are kept (recall) and the boilerplate sentences that
leak in (comments, teasers, banners), plus whether the headline became the title.

    python bench/html_extraction.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.ingestion.chunking import split  # noqa: E402
from assistant.ingestion.ingest import html_to_text  # noqa: E402

PAGES = ROOT / "tests" / "data" / "html"


def hand_rules(html: str) -> tuple[str, str]:
    """The BeautifulSoup rules that ingest.py used before trafilatura (kept here for the comparison)."""
    import re

    from bs4 import BeautifulSoup

    drop = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button"]
    blocks = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "br", "tr", "pre"]
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(drop):
        tag.decompose()
    heading = soup.find("h1") or soup.find("title")
    title = re.sub(r"\s+", " ", heading.get_text(" ")).strip() if heading else ""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for block in root.find_all(blocks):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    lines = (re.sub(r"\s+", " ", line).strip() for line in root.get_text().splitlines())
    return title, "\n\n".join(line for line in lines if line)


def score(extract: Callable[[str], tuple[str, str]]) -> dict[str, object]:
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    found = leaked = wanted = junk = titles = 0
    missed: list[str] = []
    leaks: list[str] = []
    for name, expected in gold.items():
        title, text = extract((PAGES / name).read_text(encoding="utf-8"))
        parts = split(text)
        kept = [" ".join(text[s:e].split()) for s, e in parts.spans]
        title = title or parts.title
        titles += title == expected["title"]
        for sentence in expected["article"]:
            wanted += 1
            if sentence in kept:
                found += 1
            else:
                missed.append(f"{name}: {sentence[:70]}")
        for sentence in expected["boilerplate"]:
            junk += 1
            if any(sentence in k for k in kept):
                leaked += 1
                leaks.append(f"{name}: {sentence[:70]}")
    return {
        "recall": found / wanted,
        "found": f"{found}/{wanted}",
        "leaked": f"{leaked}/{junk}",
        "titles": f"{titles}/{len(gold)}",
        "missed": missed,
        "leaks": leaks,
    }


def main() -> int:
    results = {"hand_rules": score(hand_rules), "trafilatura": score(html_to_text)}  # what ingest.py uses
    for name, result in results.items():
        print(
            f"== {name}: article sentences kept {result['found']}, boilerplate leaked {result['leaked']}, "
            f"titles {result['titles']}"
        )
        for line in result["missed"]:
            print(f"   missed  {line}")
        for line in result["leaks"]:
            print(f"   leaked  {line}")
    line = " ".join(f"{name}_recall={r['recall']:.3f} {name}_leaked={r['leaked']}" for name, r in results.items())
    print(f"summary pages={len(json.loads((PAGES / 'gold.json').read_text()))} {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
