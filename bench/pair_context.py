"""Add to each claim/quote pair the context the product's judge gets: the article's title and the two
sentences on either side of the quote (`assistant check` and the answer pipeline pass the same).

    python bench/pair_context.py eval/judge/qualifier-heldout.jsonl > eval/judge/qualifier-heldout-context.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.ingestion.chunking import split_article
from assistant.verification.short import CONTEXT

FOLDERS = (Path("../shared/articles"), Path("../shared/eval/squad-rhine/articles"), Path("store/articles"))


def with_context(pair: dict) -> dict:
    quote = pair["quotes"][0]
    path = next(folder / quote["file"] for folder in FOLDERS if (folder / quote["file"]).is_file())
    text = path.read_text(encoding="utf-8")
    title, spans = split_article(text)
    sentences = [text[start:end] for start, end in spans]
    index = next((i for i, s in enumerate(sentences) if quote["quote"].strip() in s or s in quote["quote"]), None)
    around = [] if index is None else range(max(0, index - CONTEXT), min(len(sentences), index + CONTEXT + 1))
    return {**pair, "context": [title, *[sentences[i] for i in around if i != index]]}


if __name__ == "__main__":
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            print(json.dumps(with_context(json.loads(line)), ensure_ascii=False))
