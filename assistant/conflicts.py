"""Find evidence from two articles that disagrees about a duration the question is about.

Rule: a cited sentence and an evidence sentence from another article disagree when
- both state a duration ("year-long", "about six months", "18 months", "two weeks"), the durations differ, and
- the two sentences, each read with its neighbours in its article, share a content word with the question
  (so both are about what was asked, e.g. "ceasefire").
Durations are compared in days. Other kinds of disagreement are left to the model's own wording.
"""

from __future__ import annotations

import re

from .citations import _NUMBER_WORDS, terms
from .schema import Citation, Evidence

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
        value = 1.0 if count is None or count.lower() in {"a", "an"} else float(_NUMBER_WORDS.get(count.lower(), count))
        found.add(round(value * _DAYS[unit]))
    return found


def disagreements(
    question: str, citations: list[Citation], evidence: list[Evidence]
) -> list[tuple[Evidence, Evidence]]:
    topic = terms(question)
    cited = [ev for ev in evidence if any(c.article == ev.article.file and c.start == ev.start for c in citations)]
    pairs = []
    for first in cited:
        first_days = durations(first.text)
        if not first_days or not topic & _window_terms(first):
            continue
        for other in evidence:
            if other.article.doc_id == first.article.doc_id:
                continue
            other_days = durations(other.text)
            if other_days and not other_days & first_days and topic & _window_terms(other):
                pairs.append((first, other))
                break
    return pairs


def _window_terms(ev: Evidence) -> set[str]:
    spans = ev.article.spans
    lo, hi = max(0, ev.index - 1), min(len(spans) - 1, ev.index + 1)
    return terms(ev.article.text[spans[lo][0] : spans[hi][1]])
