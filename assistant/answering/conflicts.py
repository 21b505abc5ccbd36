"""Find evidence from two articles that disagrees about a duration the question is about.

Rule, for questions about time ("how long", "when", "last", "duration"): a cited sentence and an evidence
sentence from another article disagree when
- both state a duration ("year-long", "about six months", "18 months", "two weeks"), the durations differ, and
- the two sentences, each read with its neighbours in its article, share a content word with the question
  that is rare in the corpus (in under 10% of its sentences: both are about what was asked, e.g.
  "ceasefire", not "Taliban").
Durations are compared in days. Other kinds of disagreement are left to the model's own wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..retrieval.retrieve import Hit
from ..schema import Citation, Evidence
from ..text import NUMBER_WORDS, terms

RARE = 0.10
_ABOUT_TIME = re.compile(r"^\s*(?:how\s+long|when)\b|\b(?:last(?:ed|ing)?|duration)\b", re.IGNORECASE)
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_DURATION = re.compile(
    r"\b(?:(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty)[\s-]+)?(?P<unit>day|week|month|year)s?(?P<long>-long)?\b",
    re.IGNORECASE,
)


def durations(text: str) -> set[int]:
    """Durations stated in the text, in days ("year-long" = 365, "six months" = 180)."""
    found = set()
    for match in _DURATION.finditer(text):
        count, unit = match.group("n"), match.group("unit").lower()
        if count is None and not match.group("long"):
            continue  # "last year", "a day when" name a time, not a length
        value = 1.0 if count is None or count.lower() in {"a", "an"} else float(NUMBER_WORDS.get(count.lower(), count))
        found.add(round(value * _DAYS[unit]))
    return found


def disagreements(
    question: str,
    citations: list[Citation],
    evidence: list[Evidence],
    hits: list[Hit],
    frequency: Callable[[str], float],
) -> list[tuple[Evidence, Evidence]]:
    """Pairs (cited sentence, conflicting sentence of another article). The other side may lie outside
    the evidence the model saw: any retrieved sentence or its neighbour counts."""
    if not _ABOUT_TIME.search(question):
        return []
    topic = {term for term in terms(question) if frequency(term) < RARE}
    cited = [ev for ev in evidence if any(c.article == ev.article.file and c.start == ev.start for c in citations)]
    pairs = []
    for first in cited:
        first_days = durations(first.text)
        if not first_days or not topic & _window_terms(first):
            continue
        for other in _pool(evidence, hits):
            if other.article.doc_id == first.article.doc_id:
                continue
            other_days = durations(other.text)
            if other_days and not other_days & first_days and topic & _window_terms(other):
                pairs.append((first, other))
                break
    return pairs


def _pool(evidence: list[Evidence], hits: list[Hit]) -> list[Evidence]:
    seen = {(ev.article.doc_id, ev.index) for ev in evidence}
    pool = list(evidence)
    for hit in hits:
        for i in (hit.index - 1, hit.index, hit.index + 1):
            if 0 <= i < len(hit.article.spans) and (hit.article.doc_id, i) not in seen:
                seen.add((hit.article.doc_id, i))
                pool.append(Evidence(number=0, article=hit.article, index=i))
    return pool


def _window_terms(ev: Evidence) -> set[str]:
    spans = ev.article.spans
    lo, hi = max(0, ev.index - 1), min(len(spans) - 1, ev.index + 1)
    return terms(ev.article.text[spans[lo][0] : spans[hi][1]])
