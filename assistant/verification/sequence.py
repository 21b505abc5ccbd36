"""What comes first: a cause comes before what it causes.

"Protests led to Khan's arrest" is not supported by "... arrested following protests following Khan's
arrest": the quote puts the protests after the arrest. A claim that X led to (caused, prompted,
triggered …) Y fails when the quote has X, then "following" or "after" (or "in the wake of", "in
response to"), then Y: X came after Y, so it cannot have led to it. So does a claim that Y came "after"
or "in response to" X.
"""

from __future__ import annotations

import re

from .. import text as tx

# Verbs that make their subject the cause of their object (English grammar, no article's wording).
_CAUSES = re.compile(
    r"^(?P<cause>.+?)\s+(?:led|leads|lead)\s+to\s+(?P<effect>.+)$"
    r"|^(?P<cause2>.+?)\s+(?:caused|causes|cause|prompted|prompts|triggered|triggers|sparked|sparks|provoked|"
    r"provokes|resulted\s+in|results\s+in|brought\s+about|brings\s+about)\s+(?P<effect2>.+)$",
    re.IGNORECASE,
)
# A later event named before the earlier one it follows: "protests following the arrest".
_FOLLOWS = re.compile(r"\b(?:following|after|in\s+the\s+wake\s+of|in\s+response\s+to)\b", re.IGNORECASE)
NEAR = 4  # words between the later event, the link and the earlier one


def cause_after_effect(claim: str, quote: str) -> str:
    """Why the quote contradicts the claim's order of cause and effect; empty when it does not."""
    flat = " ".join(claim.split()).rstrip(". ")
    match = _CAUSES.match(flat)
    if match is not None:
        cause = _event_terms(match.group("cause") or match.group("cause2"))
        effect = _event_terms(match.group("effect") or match.group("effect2"))
    else:
        # "A in response to B", "A after B": the claim's own order, B first
        link = _FOLLOWS.search(flat)
        if link is None:
            return ""
        effect, cause = _event_terms(flat[: link.start()]), _event_terms(flat[link.end() :])
    if not cause or not effect:
        return ""
    words = re.findall(r"\S+", quote)
    terms = [tx.terms(w) for w in words]
    # The quote may name both events more than once ("arrested ... following protests following Khan's
    # arrest"): the reading that holds more of both sides decides which came first.
    wrong, right, found = 0, 0, ""
    for at in range(len(words)):
        link = _FOLLOWS.match(" ".join(words[at : at + 4]))
        if link is None:
            continue
        span = len(link.group(0).split())
        before = set().union(*terms[max(0, at - NEAR) : at])
        after = set().union(*terms[at + span : at + span + NEAR + 1])
        if before & cause and after & effect and len(before & cause) + len(after & effect) > wrong:
            wrong = len(before & cause) + len(after & effect)
            first = next(i for i in range(max(0, at - NEAR), at) if terms[i] & cause)
            last = max(i for i in range(at + span, min(len(words), at + span + NEAR + 1)) if terms[i] & effect)
            said = " ".join(words[first : last + 1]).strip(".,;:")
            found = f"the quote says “{said}”: what the claim calls the cause came after it"
        if before & effect and after & cause:
            right = max(right, len(before & effect) + len(after & cause))
    return found if wrong > right and not cause & effect else ""


def _event_terms(phrase: str) -> set[str]:
    """The phrase's words, less a name that only qualifies another noun ("Khan party arrests" are no arrest of
    Khan's; "Khan's arrest" is): a name counts where it is the phrase's last word or the one before it."""
    words = [w for w in re.findall(r"[\w’'-]+", phrase) if tx.terms(w)]
    names = set(tx.names(f"X {phrase}"))
    last = len(words) - 1
    return {t for i, w in enumerate(words) for t in tx.terms(w) if t not in names or i >= last - 1}
