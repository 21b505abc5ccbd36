"""A news-like corpus of any size for bench/scale.py: real English word order, a long-tailed real vocabulary.

Sentences are walked from a word-bigram chain learned on the real articles at hand (the bundled articles,
the shared articles and the SQuAD Rhine texts: about 15k words), so word order and sentence lengths are
those of prose. The vocabulary is widened to that of a large archive: each article draws its own topic
words and names, Zipf-weighted, from a word-frequency list (the embedding model's own WordPiece
vocabulary, whose whole-word entries come roughly in order of frequency: about 20k English words), and
content words of the walk are swapped for them. So some terms recur across thousands of articles and most
are rare, as in a real archive, and no sentence repeats another (checked by the bench, which counts them).
Deterministic for a given seed: article n is the same text whatever the corpus size.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the project's shared data, beside the checkout (optional)
REAL_TEXTS = [ROOT / "store" / "articles", SHARED / "articles", SHARED / "eval" / "squad-rhine" / "articles"]
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[.,;:?!]")
SWAP = 0.35  # share of content words replaced by the article's topic words or the wider vocabulary
WIDE = 0.25  # of those, the share drawn from the whole frequency list instead of the topic


def frequency_list() -> list[str]:
    """Whole English words of the embedding model's WordPiece vocabulary, in its (frequency) order."""
    from assistant.embedded import embedding_model_dir

    words = (embedding_model_dir() / "vocab.txt").read_text(encoding="utf-8").split("\n")
    return [w for w in words if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3]


def real_text() -> str:
    texts = []
    for folder in REAL_TEXTS:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    return "\n".join(texts)


class Corpus:
    def __init__(self, seed: int = 7) -> None:
        from assistant import text as tx

        self.seed = seed
        self.stop = tx.stopwords()
        self.words = [w for w in frequency_list() if w not in self.stop]
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(self.words))))
        self.next: dict[str, list[str]] = {}
        for sentence in re.split(r"(?<=[.?!])\s+", real_text()):
            tokens = TOKEN.findall(sentence)
            if len(tokens) < 6 or tokens[-1] not in ".?!":
                continue
            for a, b in zip(["<s>", *tokens], tokens, strict=False):
                self.next.setdefault(a, []).append(b)

    def article(self, n: int, sentences: int) -> str:
        """Article number `n`: a headline and `sentences` sentences, three a paragraph."""
        rng = random.Random(self.seed * 1_000_003 + n)
        topic = self._draw(rng, 12)
        names = [w.title() for w in self._draw(rng, 6)]
        body = [self._sentence(rng, topic, names) for _ in range(sentences)]
        paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        headline = f"{names[0]} {names[1]} and the {topic[0]} of {names[2]}: report {n + 1}"
        return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"

    def _draw(self, rng: random.Random, k: int) -> list[str]:
        """`k` words of the frequency list, Zipf-weighted by rank."""
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def _sentence(self, rng: random.Random, topic: list[str], names: list[str]) -> str:
        for _ in range(20):
            tokens, word = [], "<s>"
            while len(tokens) < 45:
                word = rng.choice(self.next.get(word) or ["."])
                tokens.append(word)
                if word in ".?!":
                    break
            if 8 <= len(tokens) < 45 and tokens[-1] in ".?!":
                break
        out = []
        for i, token in enumerate(tokens):
            if token[0].isupper() and i > 0 and token.casefold() not in self.stop and rng.random() < 0.5:
                token = rng.choice(names)
            elif token.isalpha() and token.islower() and token not in self.stop and rng.random() < SWAP:
                wide = rng.random() < WIDE
                token = self._draw(rng, 1)[0] if wide else rng.choice(topic)
            out.append(token)
        out[0] = out[0][:1].upper() + out[0][1:]
        text = " ".join(out)
        return re.sub(r" ([.,;:?!])", r"\1", text)


def articles(count: int, sentences: int, seed: int = 7) -> Iterator[tuple[int, str]]:
    corpus = Corpus(seed)
    for n in range(count):
        yield n, corpus.article(n, sentences)
