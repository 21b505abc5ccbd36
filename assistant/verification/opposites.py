"""Opposites: a claim that uses a word where the quote uses its opposite reverses what it says.

Part of the structure checks (`structure.structure_failure`). Two kinds, both closed classes of English:
pairs of words with opposite senses (north/south, begin/end, tributary/distributary by their prefix), and
prefixes of opposition ("armed" / "unarmed"). None is wording from any claim.
"""

from __future__ import annotations

import re
from functools import cache

from .. import text as tx

# Words with an opposite: a claim that uses one where the quote uses the other reverses what it says.
OPPOSITES = [
    ("more", "less"),
    ("more", "fewer"),
    ("larger", "smaller"),
    ("bigger", "smaller"),
    ("longer", "shorter"),
    ("higher", "lower"),
    ("older", "younger"),
    ("earlier", "later"),
    ("first", "last"),
    (
        "increase increases increased increasing raise raises raised raising",
        "decrease decreases decreased decreasing reduce reduces reduced lowers lowered lowering",
    ),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("north", "south"),
    ("east", "west"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("upstream", "downstream"),
    ("above", "below"),
    ("exceed exceeds exceeded exceeding", "below"),
    ("upper", "lower"),
    ("win wins won winning", "lose loses lost losing"),
    ("success successful succeeded", "failure failed unsuccessful"),
    ("major", "minor"),
    ("ancient", "modern"),
    ("natural", "artificial man-made"),
    ("inner", "outer"),
    ("import", "export"),
    ("imports", "exports"),
    ("maximum", "minimum"),
    ("largest", "smallest"),
    ("highest", "lowest"),
    ("most", "least"),
    ("longest", "shortest"),
    ("oldest", "youngest"),
    ("inside", "outside"),
    ("entered", "left"),
    ("northward", "southward"),
    ("eastward", "westward"),
    ("northwards", "southwards"),
    ("eastwards", "westwards"),
    ("join joins joined joining", "separate separates separated separating"),
    ("open opens opened opening", "close closes closed closing"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("allow allows allowed allowing", "ban bans banned banning forbid forbids forbade forbidden"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("add adds added adding", "remove removes removed removing"),
    ("arrive arrives arrived arriving", "depart departs departed departing"),
    ("large big", "small"),
    ("wide", "narrow"),
    ("deep", "shallow"),
    ("strong", "weak"),
    ("into", "out_of"),  # "out of", read as one word (below)
    # A verb's forms: "When did X end?" answered by "at the begin of X", "stopped" by "began".
    (
        "begin began begun begins beginning start started starts starting",
        "end ended ends ending stop stopped stops stopping finish finished ceased completion completed",
    ),
]
# Verbs with an opposite act, by their plain form (every inflection counts): English's common antonyms,
# none that is also a common noun or adjective ("fire", "release", "lower", "left").
OPPOSITE_VERBS = [
    ("pledge", "renounce"),
    ("merge", "diverge"),
    ("converge", "diverge"),
    ("confirm", "deny"),
    ("admit", "deny"),
    ("approve", "reject"),
    ("appoint", "dismiss"),
    ("buy", "sell"),
    ("attack", "defend"),
    ("build", "destroy"),
    ("create", "destroy"),
    ("include", "exclude"),
    ("strengthen", "weaken"),
    ("expand", "shrink"),
    ("borrow", "lend"),
    ("widen", "narrow"),
    ("grant", "revoke"),
    ("take", "lose"),
    ("seize", "lose"),
    ("capture", "lose"),
]


# Opposite acts that are one exchange seen from its other side: "the bank lent X to the society" is "the
# society borrowed X from the bank".
CONVERSES = frozenset({("borrow", "lend"), ("buy", "sell")})


def _converse(claim: str, quotes: str, mine: str, theirs: str) -> bool:
    """The claim's doer of one side of an exchange is the quote's other party, named after "from"/"to" its
    verb ("the bank lent" from "borrowed … from the bank"): the same exchange, not its opposite."""
    from lemminflect import getLemma

    pair = tuple(sorted({getLemma(mine, upos="VERB")[0], getLemma(theirs, upos="VERB")[0]}))
    doer = re.search(rf"((?:\S+\s+){{1,4}}){mine}\b", claim)
    other = re.search(rf"\b{theirs}\b(?:\s+\S+){{0,6}}?\s+(?:from|to)\s+((?:\S+\s*){{1,5}})", quotes)
    if pair not in CONVERSES or not doer or not other:
        return False
    # the same party, most of its words ("the Chile Exploration Company" is not "the Anaconda Copper Company")
    ours, theirs = tx.terms(doer.group(1)), tx.terms(other.group(1))
    return bool(ours) and len(ours & theirs) * 3 >= len(ours) * 2


def _forms(verb: str) -> str:
    from lemminflect import getAllInflections

    return " ".join({verb, *(f for forms in getAllInflections(verb, upos="VERB").values() for f in forms)})


@cache  # lemminflect is read on the first claim checked, not when the package is imported
def _families() -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(frozenset(a.split()), frozenset(b.split())) for a, b in OPPOSITES] + [
        (frozenset(_forms(a).split()), frozenset(_forms(b).split())) for a, b in OPPOSITE_VERBS
    ]


_OUT_OF = re.compile(r"\bout\s+of\b")
# "took place", "take part": "take" with a noun that makes one verb of them ("happen", "join") gains nothing
_LIGHT_TAKE = re.compile(r"\b(?:take|takes|took|taken|taking)\s+(?=(?:place|part|effect|shape|note|care|turns)\b)")


def opposite_mismatch(claim: str, quotes: str) -> str:
    claim, quotes = _LIGHT_TAKE.sub("", tx.fold(claim)), _LIGHT_TAKE.sub("", tx.fold(quotes))
    said, given = set(tx.tokens(claim)), set(tx.tokens(quotes))
    said |= {"out_of"} if _OUT_OF.search(tx.fold(claim)) else set()
    given |= {"out_of"} if _OUT_OF.search(tx.fold(quotes)) else set()
    # "until the end of the Pleistocene" dates something else: it says nothing about how the claim's
    # subject ends or begins unless what it is the end of is the claim's too.
    folded, claimed = tx.fold(quotes), tx.terms(claim)
    for word, whose in re.findall(r"\b([a-z]+)\s+of\s+(?:the\s+|a\s+|an\s+)?([\w-]+)", folded):
        if word in given and not tx.terms(whose) & claimed and len(re.findall(rf"\b{word}\b", folded)) == 1:
            given.discard(word)
    for a, b in _families():
        for mine, theirs in ((a, b), (b, a)):
            if said & mine and given & theirs and not given & mine:
                theirs_word, mine_word = min(given & theirs), min(said & mine)
                if _converse(claim, quotes, mine_word, theirs_word):
                    continue
                return f"the quote says {theirs_word.replace('_', ' ')}, not {mine_word.replace('_', ' ')}"
    return _prefixed_opposite(said - given, given) or _done_again(claim, quotes) or _side_taken(claim, quotes)


_SIDE = re.compile(r"\b([a-z]{3,})\s+(for|against)\b")


def _side_taken(claim: str, quotes: str) -> str:
    """ "voted for the offer" where the quote says "had voted against": one act on the opposite side."""
    given = {(tx.stem_words([verb])[0], side) for verb, side in _SIDE.findall(quotes)}
    for verb, side in _SIDE.findall(claim):
        other = "against" if side == "for" else "for"
        stem = tx.stem_words([verb])[0]
        if (stem, other) in given and (stem, side) not in given:
            return f"the quote says {verb} {other}, not {side}"
    return ""


# Prefixes that turn a word into its opposite: "tributary" / "distributary", "armed" / "unarmed". Not "in-"
# or "de-": too many words only begin so ("include", "detail").
_OPPOSING_PREFIXES = ("dis", "un", "non", "non-", "anti", "anti-", "counter", "mis", "ir", "il")


def _prefixed_opposite(said: set[str], given: set[str]) -> str:
    """A claim's word that is a quote's word with a prefix of opposition added or taken away."""
    for word in sorted(said):
        for other in sorted(given):
            longer, shorter = (word, other) if len(word) > len(other) else (other, word)
            prefix = longer[: len(longer) - len(shorter)]
            if len(shorter) >= 5 and longer.endswith(shorter) and prefix in _OPPOSING_PREFIXES:
                return f"the quote says {other}, not {word}"
    return ""


def _done_again(claim: str, quotes: str) -> str:
    """ "refounded" where the quote says "founding": a verb with "re-" is another event than the verb (both
    verbs, the bare one at least four letters, so "remain" is no "main")."""
    from lemminflect import getAllLemmas

    given = tx.terms(quotes)
    for word in sorted(set(tx.tokens(claim)) - set(tx.tokens(quotes))):
        bare = word[2:].lstrip("-")
        if word.startswith("re") and len(bare) >= 4 and tx.terms(bare) <= given and tx.terms(word) - given:
            kinds = getAllLemmas(word)  # "refounded" is in no dictionary: a verb by its parts
            if "VERB" in getAllLemmas(bare) and (not kinds or "VERB" in kinds):
                return f"the quote says {bare}, not {word}"
    return ""
