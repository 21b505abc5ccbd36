"""SQuAD 2.0's scores of a short answer: exact match (EM) and token F1, as the official evaluation script
(`evaluate-v2.0.py`, Rajpurkar et al. 2018) computes them.

- Both sides are normalised: lower case, ASCII punctuation (`string.punctuation`) removed, the articles
  a/an/the removed as words, whitespace collapsed. Nothing else: "6,000" is "6000" and "three" is not "3".
- EM is 1 when the normalised prediction equals a normalised gold string; F1 is the harmonic mean of token
  precision and recall (tokens counted with multiplicity). Both take the best gold string.
- Gold strings that normalise to nothing are dropped, as the official script drops them.
- SQuAD 2.0's rule for questions the text does not answer: a refusal scores 1 (EM and F1), anything else 0.
  For answerable questions, a refusal or an answer without a short answer scores 0.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = str.maketrans("", "", string.punctuation)


def normalize_answer(text: str) -> str:
    """The official script's `normalize_answer`: lower, no punctuation, no articles, single spaces."""
    text = text.lower().translate(_PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def tokens(text: str) -> list[str]:
    return normalize_answer(text).split()


def exact_match(prediction: str, gold: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(gold))


def token_f1(prediction: str, gold: str) -> float:
    pred, want = tokens(prediction), tokens(gold)
    if not pred or not want:  # an empty side: 1 only when both are empty
        return float(pred == want)
    same = sum((Counter(pred) & Counter(want)).values())
    if not same:
        return 0.0
    precision, recall = same / len(pred), same / len(want)
    return 2 * precision * recall / (precision + recall)


def usable_gold(golds: Iterable[str]) -> list[str]:
    """The gold strings that keep at least one token after normalisation."""
    return [g for g in golds if normalize_answer(g)]


def best(prediction: str, golds: Iterable[str]) -> tuple[float, float]:
    """(EM, F1) of one prediction against its best gold strings (taken separately, as the script does)."""
    golds = usable_gold(golds)
    if not golds:
        raise ValueError("no gold string with a word in it")
    return max(exact_match(prediction, g) for g in golds), max(token_f1(prediction, g) for g in golds)


def squad_scores(
    answerable: bool | None, golds: Iterable[str], refused: bool, short_answer: str | None
) -> tuple[float | None, float | None]:
    """(EM, F1) of one answer under SQuAD 2.0's rules; (None, None) where the question has no usable gold
    (no `answerable` flag, or an answerable question without a gold string)."""
    if answerable is False:
        score = 1.0 if refused else 0.0
        return score, score
    golds = usable_gold(golds)
    if answerable is None or not golds:
        return None, None
    if refused or short_answer is None:
        return 0.0, 0.0
    return best(short_answer, golds)
