"""What a question takes for granted, and the evidence sentence that denies it.

"Why did X do Y?", "Is X Y?" and "Since X, what ...?" each rest on a statement: X did Y, X is Y, X. When
an evidence sentence about that statement denies one of its words ("does not officially recognize" for
"formally recognized"; "a major non-NATO ally" for "a NATO ally"), that sentence is the answer: the
correction, quoted. Otherwise a small model restates the premise, or refuses an answer the articles give.

The check is lexical on purpose: negation is one of the few things words alone can be sure of, and it
runs the same with or without a judge model. The statement is the question's own words without the
question word and its auxiliary ("Esmail Qaani lead the Fatemiyoun Division ..."); the word order is
never restored because only its content words are compared.
"""

from __future__ import annotations

import re

from .. import text as tx
from ..schema import Evidence

# Of the statement's content words, this share must be in the sentence for it to be about the same thing;
# two words at least, so that a short premise is not "denied" by a sentence that shares one name with it.
PREMISE_OVERLAP = 0.4
PREMISE_MIN_SHARED = 2
CORRECTIONS = 2  # sentences quoted at most
LEAD = "The articles say otherwise:"

_AUX = r"(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|might|may|must)"
# "why did X ...", "how come X ...", "how does X ..." (not "how many ...": that asks for a number).
_WHY = re.compile(rf"^\W*(?:(?:why|how)\s+{_AUX}|how\s+come)\s+(?P<statement>.+)$", re.IGNORECASE)
_YES_NO = re.compile(rf"^\W*{_AUX}\s+(?P<statement>.+)$", re.IGNORECASE)
# "Since Washington recognized the Taliban, what ...": not "since when ...", which asks for a time.
_GIVEN = re.compile(
    r"^\W*(?:since|now\s+that|given\s+that|because|after)\s+(?!when\b)(?P<statement>[^,?]{12,}),\s*"
    r"(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|has|have|had|will|would|can)\b",
    re.IGNORECASE,
)


def premises(question: str) -> list[str]:
    """The statements the question takes for granted or asks to confirm, one a question sentence."""
    found = []
    for part in re.split(r"(?<=\?)\s+", question.strip()):
        part = part.strip().rstrip("?").strip()
        for pattern in (_GIVEN, _WHY, _YES_NO):
            match = pattern.match(part)
            if match:
                found.append(match.group("statement").strip())
                break
    return found


def denial(statement: str, sentence: str) -> set[str]:
    """The statement's words the sentence denies, when the sentence is about the statement; empty
    otherwise. A statement that itself denies ("why didn't X ...") is left alone: its match is the
    sentence that affirms, which negation cues cannot find."""
    if tx.negated(statement):
        return set()
    wanted = tx.terms(statement)
    shared = wanted & tx.terms(sentence)
    if len(shared) < PREMISE_MIN_SHARED or len(shared) < PREMISE_OVERLAP * len(wanted):
        return set()
    return wanted & tx.negated_terms(sentence)


def corrections(question: str, evidence: list[Evidence]) -> list[Evidence]:
    """The evidence sentences that deny what the question takes for granted, closest first."""
    found: list[tuple[float, Evidence]] = []
    for statement in premises(question):
        for ev in evidence:
            if denial(statement, ev.text) and all(ev is not e for _, e in found):
                found.append((tx.overlap(statement, ev.text), ev))
    found.sort(key=lambda pair: -pair[0])
    return [ev for _, ev in found[:CORRECTIONS]]
