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
from collections.abc import Sequence

from .. import text as tx
from ..schema import Evidence
from .citations import QUESTION_OPENER

# Of the statement's content words, this share must be in the sentence for it to be about the same thing;
# two words at least, so that a short premise is not "denied" by a sentence that shares one name with it.
PREMISE_OVERLAP = 0.4
PREMISE_MIN_SHARED = 2
CORRECTIONS = 2  # sentences quoted at most
LEAD = "The articles say otherwise:"
# "Why did X do Y?" where no evidence sentence says that X did Y: the sentences closest to it are quoted
# under this lead, and the model is not asked to explain what may never have happened. The judge model
# is asked the assumption as a yes/no question of each of the closest sentences; on the public why- and
# since-questions its P(Yes) is 0.80-0.97 for six of seven true assumptions (0.67 for one a quote answers
# first) and 0.18-0.50 for false ones or ones the articles only imply (bench/results/premise-check.txt).
UNCONFIRMED_LEAD = "The articles don't say that outright. The closest they come:"
CONFIRMED = 0.7
ASSUMPTION_SENTENCES = 4  # closest evidence sentences asked

_AUX = r"(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|might|may|must)"
# "why did X ...", "how come X ...", "how does X ..." (not "how many ...": that asks for a number).
_WHY = re.compile(rf"^\W*(?:(?P<word>why|how)\s+(?P<aux>{_AUX})|how\s+come)\s+(?P<statement>.+)$", re.IGNORECASE)
_YES_NO = re.compile(rf"^\W*{_AUX}\s+(?P<statement>.+)$", re.IGNORECASE)
# "Since Washington recognized the Taliban, what ...": not "since when ...", which asks for a time.
_GIVEN = re.compile(
    r"^\W*(?:since|now\s+that|given\s+that|because|after)\s+(?!when\b)(?P<statement>[^,?]{12,}),\s*" + QUESTION_OPENER,
    re.IGNORECASE,
)


def assumption(question: str) -> str:
    """What a why- or since-question assumes, asked as a yes/no question ("Why did X do Y?" -> "Did X do
    Y?"; "Since X, what ...?" -> "Is it true that X?"); empty when it assumes nothing that way."""
    for part in _parts(question):
        match = _GIVEN.match(part)
        if match:
            return f"Is it true that {match.group('statement').strip()}?"
        match = _WHY.match(part)
        if match is None or (match.group("word") or "").lower() == "how":  # how it was done: not in doubt
            continue
        statement = match.group("statement").strip()
        aux = match.group("aux")  # none after "how come"
        return f"{aux.capitalize()} {statement}?" if aux else f"Is it true that {statement}?"
    return ""


_ACTOR = re.compile(r"^(?:(?:the|a|an)\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")


def actor(statement: str) -> str:
    """The names a statement opens with, its subject ("China" of "China shut its consulates"; "the UN
    Security Council" of "the UN Security Council committee concluded"); empty when it opens otherwise."""
    match = _ACTOR.match(statement.strip())
    return match.group(1) if match else ""


def closest(text: str, evidence: list[Evidence], k: int) -> list[Evidence]:
    """The k evidence sentences sharing most content words with `text` (ties: reading order)."""
    wanted = tx.terms(text)
    return sorted(evidence, key=lambda ev: (-len(wanted & tx.terms(ev.text)), ev.number))[:k]


def _parts(question: str) -> list[str]:
    return [p.strip().rstrip("?").strip() for p in re.split(r"(?<=\?)\s+", question.strip()) if p.strip()]


def premises(question: str) -> list[str]:
    """The statements the question takes for granted or asks to confirm, one a question sentence."""
    found = []
    for part in _parts(question):
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
    # "Why would it be hard for X to recognize Y?" takes the difficulty for granted, not a recognition: a
    # sentence saying X has not recognized Y agrees with it.
    denied = (wanted - tx.unasserted_terms(statement)) & tx.negated_terms(sentence)
    # "the recognition it wants" is not denied by "we don't want …": another doer's wish
    return {w for w in denied if not _other_pronoun_doer(w, statement, sentence)}


_PRONOUNS = {
    p: n for n, group in enumerate(("i me we us", "you", "he him", "she her", "it", "they them")) for p in group.split()
}
_NEGATED_VERB = re.compile(r"\b(\w+)\s+(?:\w+\s+)?(?:not|never|n['’]t)\s+(\w+)", re.I)


def _other_pronoun_doer(stem: str, statement: str, sentence: str) -> bool:
    """Whether the statement's word and the sentence's denied word each follow a personal pronoun, and
    the pronouns name different people ("it wants" / "we don't want")."""
    said = [w for w in tx.tokens(statement)]
    theirs = {
        _PRONOUNS.get(m.group(1).lower())
        for m in _NEGATED_VERB.finditer(tx.fold(sentence).replace("n't", " n't"))
        if tx.stem_words([m.group(2)]) == [stem]
    }
    ours = {_PRONOUNS.get(said[i - 1]) for i, w in enumerate(said) if i and tx.stem_words([w]) == [stem]}
    return bool(theirs) and bool(ours) and None not in theirs | ours and not theirs & ours


def corrections(statements: Sequence[str], evidence: list[Evidence]) -> list[Evidence]:
    """The evidence sentences that deny what the question takes for granted (its `premises`), closest first."""
    found: list[tuple[float, Evidence]] = []
    for statement in statements:
        for ev in evidence:
            if denial(statement, ev.text) and all(ev is not e for _, e in found):
                found.append((tx.overlap(statement, ev.text), ev))
    found.sort(key=lambda pair: -pair[0])
    return [ev for _, ev in found[:CORRECTIONS]]
