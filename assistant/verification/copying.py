"""The judge model's copy of the words of a passage that answer a question, or NONE.

Read freely first: a llama.cpp grammar costs 1.6 s a reply on 2 cores against 0.25 s free (p50 of 20,
`bench/span_grammar_cost.py`, bench/results/span-grammar-cost.txt), and 19 of 20 free replies already stand
in the passage as written. Where the free reply does, greedy reading under the grammar (`llms.span_grammar`)
takes the same tokens, up to where a clause ends (where the grammar ends the run). Only a reply the passage
does not hold as written ("N-S" for "N–S") is read again, held to the passage's words; a free reply is cut
short as soon as it strays, since the held reading must evaluate the prompt again anyway.
"""

from __future__ import annotations

import re

from .. import text as tx
from ..models.llms import Scorer, complete, span_grammar
from ..models.messages import Messages

NO_ANSWER = ("NONE", "None")
ANSWER_TOKENS = 16
# Where `llms.span_grammar` ends a run: a comma, semicolon or colon before a lowercase word.
_CLAUSE_MARK = re.compile(r"[,;:]\W*")
_COUNTING = frozenset(tx.NUMBER_WORDS)


def copy_words(scorer: Scorer, messages: Messages, passage: str) -> str:
    """The reply, as the passage writes it, or NONE."""
    from .short import locate

    reply = ""
    pieces = scorer.stream(messages, ANSWER_TOKENS)
    for piece in pieces:
        reply += piece
        if _strays(reply, passage):  # no longer a copy: stop paying for words the grammar will replace
            pieces.close()  # type: ignore[attr-defined]  (every backend's stream is a generator)
            break
    reply = read(reply)
    if reply.startswith(NO_ANSWER):
        return NO_ANSWER[0]
    if reply and locate(reply, passage) is not None:
        return _clause(reply)
    grammar = span_grammar(passage, NO_ANSWER[0])
    return read(complete(scorer, messages, ANSWER_TOKENS, grammar)) if grammar else reply


def read(reply: str) -> str:
    return " ".join(reply.split())


def _strays(reply: str, passage: str) -> bool:
    """Whether a reply being written can no longer be a copy of the passage's words that `short.locate`
    finds. Only said where that is sure: not for a reply that may still be NONE, nor one holding a number
    (locate reads "3" as "three")."""
    text = " ".join(reply.split()).strip(" .,;:\"“”'‘’").casefold()
    if not text or "none".startswith(text[:4]) or any(c.isdigit() for c in text):
        return False
    if set(re.findall(r"[a-z]+", text)) & _COUNTING:
        return False
    flat = " ".join(passage.split()).casefold()
    return text not in flat and re.sub(r"^(?:the|a|an)\s+", "", text) not in flat


def _clause(reply: str) -> str:
    """The reply up to where `llms.span_grammar` would have ended it."""
    for mark in _CLAUSE_MARK.finditer(reply):
        if reply[mark.end() : mark.end() + 1].islower():
            return reply[: mark.start()]
    return reply
