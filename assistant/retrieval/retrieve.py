"""Hybrid retrieval over sentences (Chroma vectors + BM25), fused, then packed into tight evidence."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import text as tx
from ..ingestion.index import Index
from ..schema import Article, Evidence
from .aliases import Aliases
from .lexical import Lexicon, open_lexicon

RARE_TERM = 0.02  # share of sentences: a word this rare names what a question is about
SHORT_QUESTION_TERMS = 5  # content words of a chat-style question ("who is faiz hameed")
RRF_K = 60  # the constant of Cormack et al.'s reciprocal rank fusion; robust across collections
PERSON_BOOST = 1.3  # fused score of a sentence naming someone new, for a "who" question
LEADERS = 1  # from each ranking, this many always reach the evidence
DEFINES_READ = 100  # holders of a name read to see whether they define it (all of them in small archives)


@dataclass(frozen=True)
class Hit:
    article: Article
    index: int
    score: float  # fused
    cosine: float  # vector similarity to the question (0.0 when only BM25 found it)


class Retriever:
    """Dense (Chroma) and lexical rankings fused. The lexical index (BM25, name and phrase postings) is
    built once per store change and memory-mapped from the store's folder (`lexical.py`); the articles
    are fetched from the store a search at a time, so a reader never holds the archive."""

    def __init__(self, index: Index, candidates: int = 30) -> None:
        self.index = index
        self.candidates = candidates
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()  # the browser chat may search from two threads at once

    def refresh(self) -> None:
        """Bring the lexical index up to date now (call after ingestion: the ingesting process builds it,
        so that readers only open it)."""
        with self._lock:
            self._lexicon = open_lexicon(self.index)

    @property
    def lexicon(self) -> Lexicon:
        """The lexical index of the store's current version (another process may have ingested since)."""
        current = self._lexicon
        if current is None or current.version != self.index.version():
            with self._lock:
                if self._lexicon is current:
                    try:
                        self._lexicon = open_lexicon(self.index, current)
                    except FileNotFoundError:  # pruned while opening: a newer version exists
                        if current is None:
                            raise
        return self._lexicon

    def search(self, query: str, k: int) -> list[Hit]:
        lexicon = self.lexicon
        if not lexicon.size:
            return []
        # The question may name what the articles call otherwise ("Pakistani Taliban" / "TTP").
        expanded = " ".join([query, *lexicon.aliases.expand(query), *self._agent_nouns(query)])
        vector = self.index.vector_search(self.index.embedder.query(query), self.candidates)
        lexical = [lexicon.key(n) for n in lexicon.bm25_search(expanded, self.candidates)]
        fused: dict[tuple[str, int], float] = {}
        cosine: dict[tuple[str, int], float] = {}
        # Fusion is done here rather than with LlamaIndex's QueryFusionRetriever because the refusal
        # gate needs each hit's own cosine similarity, which fused scores hide.
        rankings = ([(d, i) for d, i, _ in vector], lexical, self._name_search(expanded), self._phrase_search(query))
        for ranking in rankings:
            for rank, key in enumerate(ranking):
                fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank + 1)
        for doc_id, i, similarity in vector:
            cosine[(doc_id, i)] = similarity
        # "according to the 'America's Taliban dilemma' article": that article's sentences get a ranking.
        named = self.index.fetch(self.named_articles(query))
        if named:
            asked = tx.terms(expanded)
            shared = {
                (d, i): len(asked & tx.terms(a.sentence(i))) for d, a in named.items() for i in range(len(a.spans))
            }
            inside = sorted(shared, key=lambda key: (-fused.get(key, 0.0), -shared[key]))
            rankings = (*rankings, inside)
            for rank, key in enumerate(inside):
                fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank + 1)
        # "Who ..." is answered by a person: sentences naming someone the question does not are preferred.
        if _WHO.search(query):
            asked = tx.terms(expanded)
            for key, sentence in self.index.sentence_texts(fused).items():
                if _names_someone_else(sentence, asked):
                    fused[key] *= PERSON_BOOST
        ordered = sorted(fused, key=fused.get, reverse=True)
        # Fusion favours sentences both retrievers found; the very best of each one alone (an exact name
        # match that embeds far from the question) keeps its place all the same.
        leaders = [key for ranking in rankings for key in ranking[:LEADERS]]
        best = list(dict.fromkeys([*(key for key in ordered if key in leaders), *ordered]))[:k]
        best.sort(key=ordered.index)
        articles = self.index.fetch(d for d, _ in best)
        return [
            Hit(articles[d], i, fused[(d, i)], cosine.get((d, i), 0.0))
            for d, i in best
            if d in articles and i < len(articles[d].spans)
        ]

    def _name_search(self, query: str) -> list[tuple[str, int]]:
        """Sentences holding the question's rare words (names, mostly), those that define them first.

        A short question ("who is sami sadat") embeds far from the sentence that answers it, and BM25
        favours short sentences that merely mention the name; here the sentences holding most of the rare
        words come first, and among them those that say what the name is: an appositive ("X, commanding
        general of ...") or a copula ("X is ...") right after it."""
        lexicon = self.lexicon
        asked = tx.terms(query)
        rare = {t for t in asked if 0 < lexicon.df(t) <= RARE_TERM and t in lexicon.names}
        # In a longer question a name is one constraint among several, which BM25 already weighs.
        if not rare or len(asked) > SHORT_QUESTION_TERMS:
            return []
        rows, held = np.unique(np.concatenate([lexicon.term_rows(t) for t in rare]), return_counts=True)
        # Most rare words held first, then the article's order; only the head of that order is read
        # to see which sentences define the name (a million-sentence archive has thousands of holders).
        head = np.lexsort((rows, -held))[: DEFINES_READ + self.candidates]
        keys = [lexicon.key(int(rows[j])) for j in head]
        texts = self.index.sentence_texts(keys[:DEFINES_READ])
        scored = [
            (-int(held[j]), -_defines(texts.get(key, ""), rare), int(rows[j]), key)
            for j, key in zip(head, keys, strict=True)
        ]
        return [key for *_, key in sorted(scored)[: self.candidates]]

    def _phrase_search(self, query: str) -> list[tuple[str, int]]:
        """Sentences that use the question's own phrases ("former Taliban minister"), most phrases first.

        BM25 scores each word alone and favours short sentences; two words of the question side by side
        in a sentence are evidence that it speaks of the same thing. Only phrases of rare pairs count."""
        lexicon = self.lexicon
        shared: Counter[int] = Counter()
        for pair in tx.phrases(query):
            holders = lexicon.phrase_rows(pair)
            if len(holders) <= max(1, RARE_TERM * lexicon.size):
                shared.update(holders.tolist())
        ranked = sorted(shared, key=lambda n: (-shared[n], n))
        return [lexicon.key(n) for n in ranked[: self.candidates]]

    def named_articles(self, query: str) -> list[str]:
        """Articles the question names by their headline: a quoted phrase from it, or most of its words
        (at least three)."""
        phrases = [tx.fold(p).strip() for p in _QUOTED.findall(query) if len(tx.terms(p)) >= 2]
        titles = self.lexicon.titles
        shared = Counter(d for t in tx.terms(query) for d in self.lexicon.title_holders.get(t, ()))
        named = {d for d, n in shared.items() if len(words := titles[d][1]) >= 3 and n / len(words) >= TITLE_SHARE}
        if phrases:  # a quoted phrase may stand anywhere in a headline: only then is every headline read
            named |= {d for d, (folded, _) in titles.items() if any(p in folded for p in phrases)}
        # "the article on America's Taliban dilemma": the words after it are the headline's, if most of them are
        if (pointed := _REFERENCE.search(query)) and (cue := tx.terms(pointed.group("what"))):
            share = {d: len(cue & words) / len(cue) for d, (_, words) in titles.items()}
            best = max(share.values(), default=0.0)
            named |= {d for d, n in share.items() if n == best and n >= REFERENCE_SHARE}
        return [d for d in titles if d in named] if named else []

    def _agent_nouns(self, query: str) -> list[str]:
        """ "Who leads X" is answered by "X's leader": each question word gets its agent noun ("lead" ->
        "leader", "rule" -> "ruler", "found" -> "founder") when the articles use that noun."""
        found = []
        for word in tx.tokens(query):
            stem = tx.stem_words([word])[0]
            for noun in (stem + "er", stem + "r", stem + "or"):
                if noun != word and self.lexicon.df(noun) > 0 and noun not in found:
                    found.append(noun)
        return found

    def is_name(self, term: str) -> bool:
        """Whether the articles write this (stemmed) word capitalised inside a sentence: a name."""
        return term in self.lexicon.names

    def aliases(self) -> Aliases:
        return self.lexicon.aliases

    def document_frequency(self, term: str) -> float:
        """Share of indexed sentences that contain the (stemmed) term."""
        return self.lexicon.df(term)


_WHO = re.compile(r"^\W*(?:who|whom)\b", re.IGNORECASE)
_PERSON = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,3}\b")


_QUOTED = re.compile(r"[“\"‘]([^”\"’]{6,}?)[”\"’]")
TITLE_SHARE = 0.6  # of a headline's content words, for a question to name the article without quotes
# "the article on/about/titled X": most of X's content words in one headline (two of three) name it
_REFERENCE = re.compile(
    r"\b(?:article|piece|story|report|column|op-ed)\s+(?:on|about|titled|called|headlined|entitled)\s+"
    r"[\"“‘']?(?P<what>[^,?;:\"”]+)",
    re.IGNORECASE,
)
REFERENCE_SHARE = 2 / 3


def _names_someone_else(sentence: str, asked: set[str]) -> bool:
    """A run of two to four capitalised words inside the sentence ("Noor Wali Mehsud") none of whose words
    the question used."""
    return any(not (tx.terms(m.group()) & asked) for m in _PERSON.finditer(sentence) if m.start() > 0)


def _defines(sentence: str, rare: set[str]) -> int:
    """1 when a rare word is followed by an appositive comma or a copula: the sentence says what it is."""
    words = re.findall(r"[\w’'-]+|,", sentence)
    stems = [tx.stem_words([tx.fold(w)])[0] if w != "," else "," for w in words]
    for i, stem in enumerate(stems[:-1]):
        if stem in rare and stem not in rare.intersection(stems[i + 1 : i + 2]):
            following = words[i + 1].casefold()
            if following == "," or following in {"is", "was", "as"}:
                return 1
    return 0


def approx_tokens(text: str) -> int:
    """About four characters a token for English text and this family of tokenizers."""
    return len(text) // 4 + 1


def build_evidence(hits: list[Hit], budget: int, count: Callable[[str], int] = approx_tokens) -> list[Evidence]:
    """The hit sentences in rank order while they fit `budget` tokens, then as many of their neighbours
    (next sentence first: it often finishes the thought) as still fit; numbered in reading order."""
    chosen: dict[tuple[str, int], Article] = {}
    used = 0

    def take(article: Article, i: int) -> None:
        nonlocal used
        if (article.doc_id, i) in chosen or not 0 <= i < len(article.spans):
            return
        cost = count(article.sentence(i)) + 4
        if all(doc_id != article.doc_id for doc_id, _ in chosen):
            cost += 4  # the "Article X:" line
        if used + cost <= budget:
            chosen[(article.doc_id, i)] = article
            used += cost

    for hit in hits:
        take(hit.article, hit.index)
    for hit in hits:
        if (hit.article.doc_id, hit.index) in chosen:
            take(hit.article, hit.index + 1)
            take(hit.article, hit.index - 1)
    order = {hit.article.doc_id: n for n, hit in reversed(list(enumerate(hits)))}
    keys = sorted(chosen, key=lambda key: (order[key[0]], key[1]))
    return [Evidence(number=n, article=chosen[key], index=key[1]) for n, key in enumerate(keys, start=1)]


def format_evidence(evidence: list[Evidence]) -> str:
    """Evidence grouped by article under a short letter label (headlines would cost prompt tokens)."""
    lines: list[str] = []
    labels: dict[str, str] = {}
    for ev in evidence:
        if ev.article.doc_id not in labels:
            labels[ev.article.doc_id] = _label(len(labels))
            lines.append(f"Article {labels[ev.article.doc_id]}:")
        lines.append(f"[{ev.number}] {ev.text}")
    return "\n".join(lines)


def _label(n: int) -> str:
    return chr(ord("A") + n) if n < 26 else str(n + 1)
