"""How long a run of the claim's own words the quotes do not hold: a signal for an added detail.

A claim that states everything its quote says plus one more thing ("… and a shared source of funding")
carries a run of content words that neither the quotes nor any of their words' near-synonyms hold. A true
paraphrase changes words here and there, so its unheld words stand apart. For every labelled pair this
prints the longest such run at several word-similarity cut-offs (MiniLM, one word at a time), by type and
label, so that a cut-off can be fitted on development pairs and reported on pairs kept apart.

    python bench/added_detail.py eval/judge/tune.jsonl eval/judge/fresh-news-dev.jsonl ...
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import text as tx  # noqa: E402


def _content(text: str) -> list[tuple[str, str]]:
    """The text's content words in order, each as written (folded) and as stemmed (number words as digits)."""
    stop = tx.stopwords()
    words = [w for w in tx.tokens(text) if w not in stop]
    return list(zip(words, tx.stem_words([tx.NUMBER_WORDS.get(w, w) for w in words]), strict=True))


def _held(word: str, stem: str, held: set[str], numbers: set[str]) -> bool:
    if stem in held or word in numbers or tx.NUMBER_WORDS.get(word) in numbers:
        return True
    # "Pakistan" / "Pakistani": one word begins the other.
    return any(min(len(stem), len(h)) >= 4 and (stem.startswith(h) or h.startswith(stem)) for h in held)


def unheld_runs(claim: str, quotes: Sequence[str], similar: Callable[[str, str], bool]) -> list[list[str]]:
    """Runs of consecutive content words of the claim that no quote holds, by stem or by a word `similar`
    to one of the quotes' words; function words do not break a run, a held word does."""
    joined = " ".join(quotes)
    quoted = _content(joined)
    held = {stem for _, stem in quoted}
    numbers = tx.numbers(joined)
    runs: list[list[str]] = [[]]
    for word, stem in _content(claim):
        if _held(word, stem, held, numbers) or any(similar(word, other) for other, _ in quoted):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=Path, nargs="+")
    parser.add_argument("--cuts", default="0.5,0.6,0.7,1.01")
    parser.add_argument("--show", type=int, default=3, help="print pairs whose run is at least this long")
    args = parser.parse_args()

    from assistant.embedded import EMBED_NAME, embedding_model_dir
    from assistant.ingestion.light_embed import LightEmbedder

    embedder = LightEmbedder(embedding_model_dir(), EMBED_NAME)
    cache: dict[str, object] = {}

    def vector(word: str):
        if word not in cache:
            cache[word] = embedder.encode(word)
        return cache[word]

    def similarity(a: str, b: str) -> float:
        return float(vector(a) @ vector(b))

    cuts = [float(c) for c in args.cuts.split(",")]
    table: dict[tuple[str, str], list[list[int]]] = defaultdict(list)
    for path in args.pairs:
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            pair = json.loads(line)
            quotes = [q["quote"] for q in pair["quotes"]]
            lengths = []
            for cut in cuts:
                runs = unheld_runs(pair["claim"], quotes, lambda a, b, cut=cut: similarity(a, b) >= cut)
                lengths.append(max((len(r) for r in runs), default=0))
            table[(pair["label"], pair["type"])].append(lengths)
            if lengths[1] >= args.show:
                runs = unheld_runs(pair["claim"], quotes, lambda a, b: similarity(a, b) >= cuts[1])
                print(f"{path.name} {pair['id']} {pair['label']} {pair['type']} {lengths}: {runs}")
    print()
    print("label type n | pairs with longest run >= 2 / >= 3 / >= 4 at each cut " + str(cuts))
    for (label, kind), rows in sorted(table.items()):
        cells = []
        for i in range(len(cuts)):
            cells.append("/".join(str(sum(r[i] >= k for r in rows)) for k in (2, 3, 4)))
        print(f"{label:11} {kind:20} {len(rows):3} | " + "  ".join(cells))


if __name__ == "__main__":
    main()
