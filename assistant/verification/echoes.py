"""What a claim or reply adds to the question it answers: the words beyond the question's, a name the
question does not give, a bare answer that is complete as it stands. An echo adds nothing."""

from __future__ import annotations

import re

from .. import text as tx

# Words a sentence can add to the question without answering it ("the person who brokered ...").
# A noun that only stands for a place or body the question named ("extremism in the country" for "in
# Pakistan") adds nothing either.
GENERIC = frozenset(
    tx.stem_words(
        "person people thing things number something someone one way time country city group region place".split()
    )
)

# A run of capitalised words: a name as written ("Lake Constance", "Rhine Valley").
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


_WH = re.compile(r"^\W*(?:who|whom|whose|which|what|where|when|how\s+(?:many|much|long|old))\b", re.IGNORECASE)


def short_answer(question: str, claim: str) -> bool:
    """A bare answer to a wh-question ("Sohail Shaheen.", "About 6,000.") is complete as it stands: a name
    or a number, at most four words, not ending on a function word."""
    words = tx.tokens(claim)
    if not (1 <= len(words) <= 4) or not _WH.search(question) or words[-1] in tx.DANGLING:
        return False
    return bool(tx.names(f"Answer: {claim}") or tx.numbers(claim))


def beyond(text: str, asked: set[str]) -> set[str]:
    """The content words of `text` that the question (its `asked` words) did not already say; a word
    one of the question's begins, or that begins one of them, is said ("Pakistan" / "Pakistani")."""
    new = tx.terms(text) - asked - GENERIC
    return {t for t in new if not any(min(len(t), len(a)) >= 4 and (t.startswith(a) or a.startswith(t)) for a in asked)}


def new_name(claim: str, question: str) -> bool:
    """A name the question does not give, though every word of it is the question's: "Rhine Valley" where
    the question has the valley and the Rhine apart, or "Rhin" where it has "Rhine" (a name that begins
    another is the same only as a place's people or adjective: `same_name`)."""
    asked, pairs = tx.terms(question), tx.phrases(question)
    for name in CAPITALISED.findall(claim):
        words = tx.terms(name) - GENERIC  # "Someone opened it": no name
        if len(words) >= 2 and not all(any(_same_pair(p, q) for q in pairs) for p in tx.phrases(name)):
            return True
        if any(not any(tx.same_name(w, a) for a in asked) for w in words):
            return True
    return False


def _same_pair(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return tx.same_name(a[0], b[0]) and tx.same_name(a[1], b[1])  # "Pakistan's Foreign" / "Pakistani Foreign"


def composed_anew(reply: str, question: str) -> bool:
    """Whether the reply sets two content words side by side that the question never does."""
    pairs = {pair for pair in tx.phrases(reply) if not set(pair) & GENERIC}
    return bool(pairs) and not pairs <= tx.phrases(question)
