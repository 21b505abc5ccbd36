"""Months as news text writes them: a name, a short form, or a US-style date's first number."""

from __future__ import annotations

import re
import unicodedata

from . import text as tx

MONTHS = "january february march april may june july august september october november december".split()
# A month as news text writes it: its name, a short form ("Aug.", "Sept."), or the first number of a
# US-style date ("9/11" for September 11).
_MONTH = re.compile(
    r"\b(?:(?P<name>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?|(?P<num>1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])\b)",
    re.IGNORECASE,
)


def months(text: str) -> set[int]:
    """The months a text names (1-12), however written; a name capitalised ("may" is a verb)."""
    found = set()
    for match in _MONTH.finditer(unicodedata.normalize("NFKC", text)):
        name, num = (match.group("name") or "").casefold(), match.group("num")
        word = match.group().rstrip(".").casefold()
        if name and match.group()[0].isupper() and (word in MONTHS or len(word) <= 4):
            found.add(next(n for n, m in enumerate(MONTHS, 1) if m.startswith(name)))
        elif num:
            found.add(int(num))
    return found


def month_of(name: str) -> int | None:
    """The month a name's stem stands for ("septemb", "aug"), if any."""
    return next(
        (n for n, m in enumerate(MONTHS, 1) if len(name) >= 3 and name in (m[: len(name)], tx.stem_words([m])[0])), None
    )


# What a point in time asked by its unit is written with: a year's digits, a month's name, an ordinal century.
POINTS = {
    "year": re.compile(r"\b\d{3,4}s?\b|['’]\d{2}\b"),
    "month": re.compile(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{1,2}/\d{2,4}\b", re.I
    ),
    "century": re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b|\bcentur|\b(?:first|second|third|[a-z]+th)\b", re.I),
    "decade": re.compile(
        r"\b\d{2,4}s\b|['’]\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I
    ),
}
