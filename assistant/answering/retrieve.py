"""Hybrid retrieval over sentences (Chroma vectors + BM25), fused, then packed into tight evidence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .. import text as tx
from ..ingestion.index import Index
from ..schema import Article, Evidence
from .aliases import Aliases, learn

RARE_TERM = 0.02  # share of sentences: a word this rare names what a question is about
SHORT_QUESTION_TERMS = 5  # content words of a chat-style question ("who is faiz hameed")
RRF_K = 60  # the constant of Cormack et al.'s reciprocal rank fusion; robust across collections
PERSON_BOOST = 1.3  # fused score of a sentence naming someone new, for a "who" question
LEADERS = 1  # from each ranking, this many always reach the evidence


@dataclass(frozen=True)
class Hit:
    article: Article
    index: int
    score: float  # fused
    cosine: float  # vector similarity to the question (0.0 when only BM25 found it)


class Retriever:
    def __init__(self, index: Index, candidates: int = 30) -> None:
        self.index = index
        self.candidates = candidates
        self._bm25 = None
        self._keys: list[tuple[str, int]] = []
        self._df: dict[str, float] = {}
        self._aliases = Aliases()
        self._terms: list[set[str]] = []  # each sentence's stemmed content words, in `_keys` order
        self._names: set[str] = set()  # stems the articles write capitalised inside a sentence
        self._built_at: str | None = None  # the store's change token the BM25 index was built from
        self._titles: dict[str, tuple[str, set[str]]] = {}  # each article's folded headline and its words
        self._position: dict[tuple[str, int], int] = {}  # a sentence's place in `_keys`
        self._phrase_index: dict[tuple[str, str], list[int]] = {}  # adjacent content-word pair -> sentences

    def refresh(self) -> None:
        """Forget the BM25 index (call after ingestion); it is rebuilt once, on the next search."""
        self._bm25 = None

    def search(self, query: str, k: int) -> list[Hit]:
        # Another process may have ingested since (a chat server beside `assistant ingest`).
        if self.index.version() != self._built_at:
            self._bm25 = None
        if self._bm25 is None:
            self._build_bm25()
        articles = self.index.articles()
        if not articles:
            return []
        # The question may name what the articles call otherwise ("Pakistani Taliban" / "TTP").
        expanded = " ".join([query, *self._aliases.expand(query), *self._agent_nouns(query)])
        vector = self.index.vector_search(self.index.embedder.query(query), self.candidates)
        lexical = self._bm25_search(expanded)
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
        named = self._named_articles(query)
        if named:
            asked = tx.terms(expanded)
            inside = sorted(
                ((d, i) for d in named if d in articles for i in range(len(articles[d].spans))),
                key=lambda key: (-fused.get(key, 0.0), -len(asked & self._terms[self._position[key]])),
            )
            rankings = (*rankings, inside)
            for rank, key in enumerate(inside):
                fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank + 1)
        # "Who ..." is answered by a person: sentences naming someone the question does not are preferred.
        if _WHO.search(query):
            asked = tx.terms(expanded)
            for key in fused:
                if key[0] in articles and _names_someone_else(articles[key[0]].sentence(key[1]), asked):
                    fused[key] *= PERSON_BOOST
        ordered = sorted(fused, key=fused.get, reverse=True)
        # Fusion favours sentences both retrievers found; the very best of each one alone (an exact name
        # match that embeds far from the question) keeps its place all the same.
        leaders = [key for ranking in rankings for key in ranking[:LEADERS]]
        best = list(dict.fromkeys([*(key for key in ordered if key in leaders), *ordered]))[:k]
        best.sort(key=ordered.index)
        return [
            Hit(articles[d], i, fused[(d, i)], cosine.get((d, i), 0.0))
            for d, i in best
            if d in articles and i < len(articles[d].spans)
        ]

    def _bm25_search(self, query: str) -> list[tuple[str, int]]:
        import bm25s

        if self._bm25 is None:
            self._build_bm25()
        if not self._keys:
            return []
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=tx.stemmer(), show_progress=False)
        if not tokens.vocab:
            return []
        k = min(self.candidates, len(self._keys))
        docs, scores = self._bm25.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        return [self._keys[int(d)] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def _name_search(self, query: str) -> list[tuple[str, int]]:
        """Sentences holding the question's rare words (names, mostly), those that define them first.

        A short question ("who is sami sadat") embeds far from the sentence that answers it, and BM25
        favours short sentences that merely mention the name; here the sentences holding most of the rare
        words come first, and among them those that say what the name is: an appositive ("X, commanding
        general of ...") or a copula ("X is ...") right after it."""
        asked = tx.terms(query)
        rare = {t for t in asked if 0 < self._df.get(t, 0.0) <= RARE_TERM and t in self._names}
        # In a longer question a name is one constraint among several, which BM25 already weighs.
        if not rare or len(asked) > SHORT_QUESTION_TERMS:
            return []
        articles = self.index.articles()
        scored = []
        for n, (key, words) in enumerate(zip(self._keys, self._terms, strict=True)):
            held = len(rare & words)
            if held:
                sentence = articles[key[0]].sentence(key[1])
                scored.append((-held, -_defines(sentence, rare), n, key))
        return [key for *_, key in sorted(scored)[: self.candidates]]

    def _phrase_search(self, query: str) -> list[tuple[str, int]]:
        """Sentences that use the question's own phrases ("former Taliban minister"), most phrases first.

        BM25 scores each word alone and favours short sentences; two words of the question side by side
        in a sentence are evidence that it speaks of the same thing. Only phrases of rare pairs count."""
        shared: Counter[int] = Counter()
        for pair in tx.phrases(query):
            holders = self._phrase_index.get(pair, ())
            if len(holders) <= max(1, RARE_TERM * len(self._keys)):
                shared.update(holders)
        ranked = sorted(shared, key=lambda n: (-shared[n], n))
        return [self._keys[n] for n in ranked[: self.candidates]]

    def _named_articles(self, query: str) -> list[str]:
        """Articles the question names by their headline: a quoted phrase from it, or most of its words
        (at least three)."""
        phrases = [tx.fold(p).strip() for p in _QUOTED.findall(query) if len(tx.terms(p)) >= 2]
        asked = tx.terms(query)
        return [
            doc_id
            for doc_id, (folded, words) in self._titles.items()
            if any(p in folded for p in phrases) or (len(words) >= 3 and len(words & asked) / len(words) >= TITLE_SHARE)
        ]

    def _agent_nouns(self, query: str) -> list[str]:
        """ "Who leads X" is answered by "X's leader": each question word gets its agent noun ("lead" ->
        "leader", "rule" -> "ruler", "found" -> "founder") when the articles use that noun."""
        found = []
        for word in tx.tokens(query):
            stem = tx.stem_words([word])[0]
            for noun in (stem + "er", stem + "r", stem + "or"):
                if noun != word and self._df.get(noun, 0.0) > 0 and noun not in found:
                    found.append(noun)
        return found

    def is_name(self, term: str) -> bool:
        """Whether the articles write this (stemmed) word capitalised inside a sentence: a name."""
        if self._bm25 is None:
            self._build_bm25()
        return term in self._names

    def aliases(self) -> Aliases:
        if self._bm25 is None:
            self._build_bm25()
        return self._aliases

    def _build_bm25(self) -> None:
        import bm25s

        version = self.index.version()
        articles = self.index.articles()
        keys = [(a.doc_id, i) for a in articles.values() for i in range(len(a.spans))]
        texts = [articles[d].sentence(i) for d, i in keys]
        aliases = learn(a.text for a in articles.values())
        terms = [tx.terms(t) for t in texts]
        phrase_index: dict[tuple[str, str], list[int]] = {}
        for n, t in enumerate(texts):
            for pair in tx.phrases(t):
                phrase_index.setdefault(pair, []).append(n)
        names = {name for t in texts for name in tx.names(t)}
        bm25, df = bm25s.BM25(), {}
        if texts:
            corpus = bm25s.tokenize(texts, stopwords="en", stemmer=tx.stemmer(), show_progress=False)
            bm25.index(corpus, show_progress=False)
            by_id = {i: term for term, i in corpus.vocab.items()}
            counts = Counter(by_id[i] for doc in corpus.ids for i in set(doc))
            df = {term: n / len(texts) for term, n in counts.items()}
        # Published only when complete: the browser chat may search from two threads at once.
        titles = {a.doc_id: (tx.fold(a.title), tx.terms(a.title)) for a in articles.values() if a.title}
        self._titles, self._position = titles, {key: n for n, key in enumerate(keys)}
        self._keys, self._df, self._aliases, self._terms, self._names = keys, df, aliases, terms, names
        self._phrase_index = phrase_index
        self._bm25, self._built_at = bm25, version

    def document_frequency(self, term: str) -> float:
        """Share of indexed sentences that contain the (stemmed) term."""
        if self._bm25 is None:
            self._build_bm25()
        return self._df.get(term, 0.0)


_WHO = re.compile(r"^\W*(?:who|whom)\b", re.IGNORECASE)
_PERSON = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,3}\b")


_QUOTED = re.compile(r"[“\"‘]([^”\"’]{6,}?)[”\"’]")
TITLE_SHARE = 0.6  # of a headline's content words, for a question to name the article without quotes


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
