"""What a claim adds that its quotes do not hold: runs of its own content words, none of them in the quotes
nor near a word of theirs. A claim that repeats its quote and adds a motive, a place or a result ("… and a
shared source of funding") carries such a run; a paraphrase changes single words here and there."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import text as tx


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
