"""Where a passage states, in its own words, the cause of what a why-question asks about.

"X, and I think that's why they treat Pakistan differently" answers "What was behind the feeling that
the US treats Pakistan differently?" by its grammar: the connective ties a cause to an effect, and the
effect is the question's own matter. The judge model reads such sentences unevenly (0.43-0.61 for the
same sentence asked five ways), so the grammar decides where it is plain: a causal connective, an
effect side made of the question's words, and a cause side that says something the question does not.

Two of the judge's structure checks read the same grammar from the other side: a claim that gives a cause
the quotes never state (`unstated_cause`), and one that makes a contributor the whole cause (`sole_cause`).
"""

from __future__ import annotations

import re

from .. import text as tx

# Connectives with the effect after them ("that's why Y", "as a result, Y") ...
_EFFECT_AFTER = re.compile(
    r"\b(?:that['’]?s|that\s+is|this\s+is|which\s+is|it\s+is|it['’]s)\s+(?:\w+\s+)?why\b|\bas\s+a\s+result\b(?!\s+of)"
    r"|\bfor\s+(?:that|this)\s+reason\b",
    re.IGNORECASE,
)
# ... and with the cause or purpose after them ("Y because X", "Y in order to X").
_CAUSE_AFTER = re.compile(
    r"\bbecause\b|\bdue\s+to\b|\bowing\s+to\b|\bas\s+a\s+result\s+of\b|\bin\s+order\s+to\b|\bso\s+that\b"
    r"|\bso\s+as\s+to\b|\bfor\s+fear\b",
    re.IGNORECASE,
)
# Of the effect side's content words, the share that must be the question's: the side restates what is
# asked about. Fitted on the gold passages of the causal why-questions in the public and own question sets
# 1-11 (bench/results/causal-link.txt); own set 12 was not read.
EFFECT_SHARE = 0.6
MIN_SHARED = 2  # a side sharing one word with the question is not about it
MIN_CAUSE_TERMS = 2  # the cause must say more than the question


def stated_cause(question: str, passage: str) -> str:
    """The cause side of a connective whose effect side restates the question ("" when there is none)."""
    asked = tx.terms(question)
    for sentence in re.split(r"(?<=[.!?”])\s+", passage):
        # the effect after "that's why" ends with the quotation or clause it is in ("…,” Khan said)
        sides = [
            (m.end(), re.split(r"[”\";]|\s[—–]\s", sentence[m.end() :])[0], sentence[: m.start()])
            for m in _EFFECT_AFTER.finditer(sentence)
        ]
        sides += [(m.start(), sentence[: m.start()], sentence[m.end() :]) for m in _CAUSE_AFTER.finditer(sentence)]
        for _, effect, cause in sorted(sides):
            effect_terms = tx.terms(effect)
            shared = effect_terms & asked
            if len(shared) < MIN_SHARED or len(shared) < EFFECT_SHARE * len(effect_terms):
                continue
            if len(tx.terms(cause) - asked) >= MIN_CAUSE_TERMS:
                return cause.strip(' ,;:—–“”"')
    return ""


# A claim that ties a cause to an effect ("X because Y", "Y caused X") says what a quote with no causal or
# sequence word anywhere does not: the link is the writer's. "Due to be completed" schedules, it gives no cause.
_CLAIMED_CAUSE = re.compile(
    r"\bbecause\b|\bdue\s+to\b(?!\s+be\b)|\bowing\s+to\b|\bas\s+a\s+result\s+of\b|\bthanks\s+to\b|\bcaused\b",
    re.IGNORECASE,
)
# Any word a quote may tie two things together with, in cause, purpose, means or sequence: kept broad, so
# that the claim's link must come from nowhere in the quote before it is turned down.
_ANY_LINK = re.compile(
    r"\b(?:because|due|owing|result\w*|thanks|lead|leads|leading|led|caus\w*|contribut\w*|why|therefore|hence|thus"
    r"|so|since|as|for|after|following|amid|over|given|response|retaliation|consequen\w*|make|makes|made|making"
    r"|help\w*|allow\w*|enabl\w*|forc\w*|prompt\w*|driv\w*|drove|fuel\w*|trigger\w*|spark\w*|stem\w*|attribut\w*"
    r"|blam\w*|reason\w*|motiv\w*|aim\w*|purpose|goal|meant|order|through|by|from|via|with|when|once|if)\b",
    re.IGNORECASE,
)


# "for reasons that are still debated", "it is unclear why": the quote says the cause is not known.
_CAUSE_UNKNOWN = re.compile(
    r"\bfor\s+(?:\w+\s+)?reasons?\s+(?:that\s+|which\s+)?(?:are|is|were|was|remain|remains)\s+(?:still\s+|largely\s+)*"
    r"(?:unknown|unclear|debated|disputed|obscure|uncertain|not\s+(?:\w+\s+)?(?:known|understood|clear))\b"
    r"|\b(?:it\s+is|it\s+was|it\s+remains)\s+(?:still\s+)?(?:unclear|unknown|not\s+known|uncertain)\s+why\b",
    re.IGNORECASE,
)


def unstated_cause(claim: str, quotes: str) -> str:
    if _CLAIMED_CAUSE.search(claim) and not _ANY_LINK.search(quotes):
        return "the quote states no cause for it"
    if _CLAIMED_CAUSE.search(claim) and _CAUSE_UNKNOWN.search(quotes):
        return "the quote says the cause is not known"
    return ""


# A quote that makes something one contributor ("contributing to its fertility", "helped", "partly") does not
# make it the whole cause ("is what makes it fertile").
_PARTIAL_CAUSE = re.compile(
    r"\bcontribut\w*|\bhelp(?:s|ed|ing)?\b|\bpartly\b|\bin\s+part\b|\bpartially\b|\bplay(?:s|ed|ing)?\s+(?:a|an)\s+(?:\w+\s+)?role\b"
    r"|\bone\s+of\s+the\s+(?:\w+\s+)?(?:reasons|causes|factors|drivers)\b",
    re.IGNORECASE,
)
_WHOLE_CAUSE = re.compile(
    r"\b(?:is|was|are|were)\s+what\b|\bmakes?\b|\bmade\b|\bcaus(?:e|es|ed)\b|\bbecause\b|\bthanks\s+to\b"
    r"|\bresult(?:s|ed)?\s+in\b|\bthe\s+(?:reason|cause)\b|\bresponsible\s+for\b",
    re.IGNORECASE,
)


def sole_cause(claim: str, quotes: str) -> str:
    if _PARTIAL_CAUSE.search(quotes) and not _PARTIAL_CAUSE.search(claim) and _WHOLE_CAUSE.search(claim):
        return "the quote makes it one cause among others, the claim the whole cause"
    return ""
