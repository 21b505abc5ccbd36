"""Checks on the words that qualify a claim: an opposite, a comparison, a changed modifier.

Part of the structure checks (`structure.structure_failure`): each compares the claim's wording with the
quotes' and names what differs. The word lists are closed classes of English (opposites, comparatives,
function words), not wording from any claim.
"""

from __future__ import annotations

import re

from .. import text as tx
from .subjects import verb_only

# A comparison: "larger than", "more ... than", "the longest", "Europe's second-largest", "most", "least".
_COMPARATIVE = re.compile(
    r"\b[a-z]{2,}(?:er|ier)\s+than\b|\b(?:more|less|fewer)\s+\w+\s+than\b|\b(?:in\s+)?comparison\s+(?:to|with)\b"
    r"|\bcompared\s+(?:to|with)\b"
)
# "most of the fighters" is a share and "at least 12" a bound, not comparisons (the quantifier rules read them)
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|his|her|[a-z]+['’]s)\s+(?:[a-z]+-)?([a-z]{2,}est)\b|(?<!\bat\s)\b(?:most|least)\b(?!\s+of\b)"
)
# Nouns and verbs that end like a superlative ("the west", "the forest", "the arrest").
_NOT_SUPERLATIVE = frozenset(
    "west east rest forest interest request protest contest test quest guest nest chest crest arrest harvest "
    "conquest honest modest southwest northwest southeast northeast midwest priest suggest invest digest "
    "manifest behest unrest".split()
)


# A verb of change in degree compares a thing with itself before: "shortened from its natural course" says
# it is shorter than that course. A closed class of English verbs.
_DEGREE_CHANGE = re.compile(
    r"\b(?:shorten|lengthen|widen|deepen|broaden|heighten|lessen|weaken|strengthen|worsen|narrow|increas|decreas|"
    r"reduc|doubl|halv|shrink|shrank|shrunk|expand)\w*"
)


def _compares(text: str, changes: bool = False) -> bool:
    """`changes`: a verb of change in degree counts (on the quote's side; a claim's "reduce" compares nothing)."""
    if _COMPARATIVE.search(text) or (changes and _DEGREE_CHANGE.search(text)):
        return True
    return any(m.group(1) is None or m.group(1) not in _NOT_SUPERLATIVE for m in _SUPERLATIVE.finditer(text))


def comparison_mismatch(claim: str, quotes: str) -> str:
    """A claim that compares ("larger than", "the longest") from a quote that compares nothing: what is
    compared cannot be read off it."""
    if _compares(tx.fold(claim)) and not _compares(tx.fold(quotes), changes=True):
        return "the quote makes no comparison"
    # "the least important instrument" from "fainter than the fifth magnitude": a comparison singles out none
    if _singles_out(tx.fold(claim)) and not _singles_out(tx.fold(quotes)) and not _NONE_OTHER.search(tx.fold(quotes)):
        return "the quote singles out nothing as the claim does"
    return ""


_NONE_OTHER = re.compile(r"\b(?:than\s+any|no\s+other|none\s+other)\b")


def _singles_out(text: str) -> bool:
    return any(m.group(1) is None or m.group(1) not in _NOT_SUPERLATIVE for m in _SUPERLATIVE.finditer(text))


# Superlatives that say the same of size: "the biggest city" is "the largest city".
_SAME_SUPERLATIVE = {"biggest": "largest", "greatest": "largest"}


def _same_size(a: str, b: str) -> bool:
    return _SAME_SUPERLATIVE.get(a, a) == _SAME_SUPERLATIVE.get(b, b)


def _superlatives(text: str) -> list[tuple[str, list[str], str]]:
    """(superlative, noun stems, noun as written) of "the biggest city", "Europe's largest river port" and
    "the most important town". The noun is the last of up to two lowercase words after the superlative;
    the stems hold the first one too, because the second may be a verb ("the longest war earned them")."""
    found = []
    for match in _SUPERLATIVE.finditer(text):
        word = match.group(1)
        if word in _NOT_SUPERLATIVE:
            continue
        rest = re.findall(r"[a-z][a-z\-]*|[^\sa-z]", text[match.end() :])[:3]
        if word is None:  # "most"/"least" and the adjective it grades
            if not rest or not rest[0][0].isalpha():
                continue
            word, rest = f"{match.group()} {rest[0]}", rest[1:]
        run = []
        for token in rest[:2]:
            if not token[0].isalpha() or token in tx.stopwords():
                break
            run.append(token)
        if run:
            found.append((_SAME_SUPERLATIVE.get(word, word), tx.stem_words(run[::-1]), run[-1]))
    return found


def superlative_mismatch(claim: str, quotes: str) -> str:
    """A superlative given to another thing ("Cologne has the biggest port" from "The biggest city on the
    river is Cologne"): the quote singles out one thing by it, and the claim's thing is not in it."""
    given = {(word, stems[0]): plain for word, stems, plain in _superlatives(tx.fold(quotes))}
    quote_terms = tx.terms(quotes)
    for word, stems, plain in sorted(_superlatives(tx.fold(claim))):
        if stems[0] in quote_terms or any((word, noun) in given for noun in stems):
            continue
        others = sorted(given[w, n] for w, n in given if w == word)
        if others:
            return f"the quote says the {word} {others[0]}, not the {word} {plain}"
    return ""


_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")
# Words that order, link or point rather than describe ("even though last year's deal", "deal last year").
_NOT_MODIFIERS = frozenset(
    "last next first other another same such own even though although also yet still "
    # prepositions are neither ("an encounter near the post" puts no modifier on a noun "near")
    "near beside inside outside across along around through past toward towards within behind beyond amid "
    "among despite against beneath underneath alongside".split()
)


def _modified(text: str, classifiers: bool = False) -> set[tuple[str, str]]:
    """(modifier, noun) stems of two lowercase words standing next to each other, the first an
    adjective's shape (not a function word, a number, a verb's -ed/-ing form or a name). `classifiers`:
    a noun in a modifier's place too (the quote's side: "reaction turbine" against "impulse turbine")."""
    skip = tx.stopwords() | _NOT_MODIFIERS
    words = re.findall(r"[A-Za-z][a-z\-]+|\S", text)
    pairs = set()
    for first, noun in zip(words, words[1:], strict=False):
        if not (first.islower() and noun.islower()) or {first, noun} & skip:
            continue
        if first.endswith(("ed", "ing", "ly")) or noun.endswith(("ed", "ing")) or len(first) < 3 or len(noun) < 3:
            continue  # a verb's form on either side: "a vehicle assisting" is no modifier and its noun
        # A noun in a modifier's place ("the vaccination team") classifies: another word for it is more
        # often a synonym ("inoculation") than a change of meaning, which adjectives carry.
        if first.endswith(_NOUN_ENDINGS) and not classifiers:
            continue
        if first in tx.NUMBER_WORDS or ("-" in first and tx.numbers(first.split("-")[0])):
            continue  # "a two-decade mission": a measure, which the checks on numbers compare
        if verb_only(first):
            continue  # "took power", "seize power": a verb and its object, which the checks on acts compare

        pairs.add(tuple(tx.stem_words([first, noun])))
    return pairs


_ORDINALS = frozenset(
    tx.stem_words(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
)


def modifier_mismatch(claim: str, quotes: str) -> str:
    """A word qualifying the same noun changed ("ancient languages" where the quote says "modern
    languages"): the claim's modifier is nowhere in the quote, which qualifies that noun otherwise."""
    given = _modified(quotes, classifiers=True)
    quote_terms = tx.terms(quotes)
    for first, noun in sorted(_modified(claim) - given):
        if any(first[:4] == t[:4] for t in quote_terms):
            continue
        # "land route" for "overland route": one word inside the other is the same modifier
        others = sorted(
            a
            for a, n in given
            if n == noun
            and a != first
            and not _same_size(a, first)
            and first not in a
            and a not in first
            # "the fourth tower" is "the new tower" counted: an ordinal is compared with ordinals only
            and (a in _ORDINALS) == (first in _ORDINALS)
        )
        if others:
            return f"the quote says {others[0]} {noun}, not {first} {noun}"
    return ""


# The compass: a claim that something lies or moves one way, where the quote gives it only another way
# ("flows east" from "flows North"). Opposites are caught above; this catches the quarter turn too.
_COMPASS = re.compile(r"\b(north|south|east|west)(?:ern|erly|wards?)?(?:-?(?:east|west)(?:ern|erly|wards?)?)?\b", re.I)


def _directions(text: str) -> set[str]:
    """The compass points a text gives, not those inside a name ("North Sea", "Western Europe")."""
    found = set()
    for match in _COMPASS.finditer(text):
        before = text[: match.start()].rstrip().split()
        after = text[match.end() :].split()
        if match.group()[0].isupper() and (
            (after and after[0][:1].isupper()) or (before and before[-1][:1].isupper() and before[-1][-1] not in ".!?")
        ):
            continue  # "North Sea", "Central and Western Europe": a compass word inside a name
        found.add(match.group().lower().replace("-", ""))
    return found


def _points(direction: str) -> set[str]:
    return {p for p in ("north", "south", "east", "west") if p in direction}


def direction_mismatch(claim: str, quotes: str) -> str:
    said, given = _directions(claim), _directions(quotes)
    if not said or not given or {_base(d) for d in said} & {_base(d) for d in given}:
        return ""
    if any(_points(a) & _points(b) for a in said for b in given):
        return ""  # "north-east" and "east": not another way
    return f"the quote says {min(given)}, not {min(said)}"


def _base(direction: str) -> str:
    return re.sub(r"(?:ern|erly|wards?)", "", direction)


# Where something stands relative to a named place or thing: words of one group say the same ("after"
# and "beyond" Basel); of two groups, not ("after Basel" is not "between Basel and Bonn").
_POSITIONS = {
    "after": "after",
    "beyond": "after",
    "past": "after",
    "before": "before",
    "between": "between",
    "near": "near",
    "beside": "near",
    "away from": "away",
    "far from": "away",
    "above": "above",
    "below": "below",
    "beneath": "below",
    "upstream of": "upstream",
    "downstream of": "downstream",
    "inside": "inside",
    "within": "inside",
    "outside": "outside",
    "north of": "north",
    "south of": "south",
    "east of": "east",
    "west of": "west",
}
_POSITION_WORDS = "|".join(w.replace(" ", r"\s+") for w in sorted(_POSITIONS, key=len, reverse=True))
# the preposition in any case, the name capitalised: "near Dordrecht", "between the Alps"
_POSITION = re.compile(rf"\b((?i:{_POSITION_WORDS}))\s+(?:the\s+)?([A-Z][\w’'-]+)")


_PLACES = frozenset("near away above below upstream downstream inside outside north south east west".split())


def _positions(text: str) -> dict[str, dict[str, str]]:
    """Name -> the groups of the position words right before it, each with the words as written."""
    found: dict[str, dict[str, str]] = {}
    for word, name in _POSITION.findall(text):
        said = " ".join(word.lower().split())
        found.setdefault(tx.stem_words([tx.fold(name)])[0], {})[_POSITIONS[said]] = f"{said} {name}"
    return found


def position_mismatch(claim: str, quotes: str) -> str:
    """A claim that places something after, near or away from a name the quote places it otherwise by."""
    given = _positions(quotes)
    for name, groups in _positions(claim).items():
        theirs = given.get(name, {})
        if theirs and not groups.keys() & theirs.keys():
            return f"the quote says {min(theirs.values())}, not {min(groups.values())}"
        # "near Worms" where the quote has it "near Bonn" and Worms elsewhere ("at Worms"): places only
        # ("after" and "before" also order time; "between" takes a list).
        others = [
            s for o, kinds in given.items() if o != name for k, s in kinds.items() if k in groups and k in _PLACES
        ]
        if not theirs and others and name in tx.terms(quotes):
            return f"the quote says {min(others)}, not {min(groups.values())}"
    return ""


# When something began or ended: a claim that says it did needs a quote that marks that edge of it. The
# claim's words are the closed class of aspect verbs; a quote marks a beginning or an end in more ways.
_STARTS = frozenset("start started starts starting begin began begun begins beginning commence commenced".split())
_ENDS = frozenset("stop stopped stops stopping end ended ends ending cease ceased ceases finish finished".split())
_MARKS_START = _STARTS | frozenset(
    "since from onset onward onwards first founded established introduced launched opened initiated".split()
)
_MARKS_END = _ENDS | frozenset("until till fell collapsed closed completed concluded dissolved abandoned".split())
_RANGE = re.compile(r"\bfrom\b[^.;]{1,80}?\b(?:to|until|till)\b", re.IGNORECASE)  # both edges at once


def aspect_mismatch(claim: str, quotes: str) -> str:
    """A claim that something began (or ended) when the quote marks no beginning (or end) of it: "the
    Holocene ended 11,700 years ago" from a quote about its beginning then."""
    said, marked = set(tx.tokens(claim)), set(tx.tokens(quotes))
    if _RANGE.search(quotes):
        return ""
    if said & _STARTS and not marked & _MARKS_START:
        return "the quote does not say when it began"
    if said & _ENDS and not marked & _MARKS_END:
        return "the quote does not say when it ended"
    return ""


# "How wide is X?": the extent asked for; the words that name each extent, and those that surely measure
# it (nouns and superlatives only: "has long been", "high-ranking" measure nothing).
_HOW = re.compile(r"\bhow\s+(wide|broad|long|high|tall|deep)\b", re.IGNORECASE)
_ASKED = {"wide": "width", "broad": "width", "long": "length", "high": "height", "tall": "height", "deep": "depth"}
_EXTENT_WORDS = {
    "width": r"wide|wider|widest|width|widths|broad|breadth",
    "length": r"long|longer|longest|length|lengths",
    "height": r"high|higher|highest|height|heights|tall|taller|tallest|elevation|altitude",
    "depth": r"deep|deeper|deepest|depth|depths",
}
_MEASURED_BY = {
    "width": re.compile(r"\b(?:width|widths|breadth|widest)\b"),
    "length": re.compile(r"\b(?:length|lengths|longest)\b"),
    "height": re.compile(r"\b(?:height|heights|elevation|altitude|highest|tallest)\b"),
    "depth": re.compile(r"\b(?:depth|depths|deepest)\b"),
}
_NAMES = {extent: re.compile(rf"\b(?:{words})\b") for extent, words in _EXTENT_WORDS.items()}
# A number in these units measures a flow, an area, a share or an amount, never an extent.
_NOT_EXTENT = re.compile(
    r"\s*(?:m3|m³|cu\b|cubic|km2|km²|sq\b|square|hectares?|acres?|%|percent|per\s+cent|litres?|liters?|tonnes?|tons?)",
    re.IGNORECASE,
)


# "How fast is X falling?": a speed or rate; a number the quote gives one in is followed by a per-unit.
_HOW_FAST = re.compile(r"\bhow\s+(?:fast|quickly|rapidly|slowly)\b|\bat\s+what\s+(?:rate|speed|pace)\b", re.IGNORECASE)
_PER_UNIT = re.compile(
    r"[^;]{0,30}?(?:\bper\b|/|\b(?:a|an|each|every)\s+(?:second|minute|hour|day|week|month|year|decade|century)\b|"
    r"\b(?:annually|yearly|daily|hourly|mph|kph|knots?)\b)",
    re.IGNORECASE,
)


def rate_mismatch(question: str, claim: str, quotes: str) -> str:
    """A "how fast" question answered with a number the quote gives as an amount ("dropped 120 m"),
    with no unit per time or per anything after it."""
    if not _HOW_FAST.search(question):
        return ""
    plain = quotes.replace(",", "")
    for number in tx.numbers(claim):
        places = list(re.finditer(rf"(?<![\d.]){re.escape(number)}(?![\d])", plain))
        if places and not any(_PER_UNIT.match(plain[at.end() :]) for at in places):
            return f"the quote gives {number} as an amount, not a rate"
    return ""


def extent_mismatch(question: str, claim: str, quotes: str) -> str:
    """A "how wide/long/high/deep" question answered with a number the quote gives for another extent
    ("its total length was 1,232 km" for "how wide"), or in a unit that measures no extent (m3/s)."""
    asked = _HOW.search(question)
    if not asked:
        return rate_mismatch(question, claim, quotes)
    extent = _ASKED[asked.group(1).lower()]
    folded = tx.fold(quotes)
    plain = quotes.replace(",", "")  # "2,900" as tx.numbers writes it
    for number in tx.numbers(claim):
        for at in re.finditer(rf"(?<![\d.]){re.escape(number)}(?![\d])", plain):
            unit = _NOT_EXTENT.match(plain[at.end() :])
            if unit:
                return f"the quote gives {number} in {unit.group().strip()}, which measures no {extent}"
    if _NAMES[extent].search(folded):
        return ""
    other = next((e for e, pattern in _MEASURED_BY.items() if e != extent and pattern.search(folded)), "")
    return f"the quote gives the {other}, not the {extent}" if other else ""


# "between X and Y": the two parties of a relation, a pair the quote must give as it is. The second part
# ends where the clause or a phrase of time, place or purpose begins.
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[^,;.]+?)\s+and\s+(?:the\s+)?(?P<b>[^,;.]+?)"
    r"(?=\s*[,;.]|\s+(?:in|on|at|last|this|since|for|to|after|before|over|during|that|which|who|was|were|is|are)\b|$)",
    re.IGNORECASE,
)


_GAP = re.compile(r"\b(?:what|which|who|whom|where)\b", re.IGNORECASE)  # a question's gap is no party


def _pairs(text: str) -> list[tuple[set[str], set[str], str]]:
    found = [m for m in _BETWEEN.finditer(text) if not _GAP.search(m.group(0))]
    return [(tx.terms(m.group("a")), tx.terms(m.group("b")), m.group(0)) for m in found]


def between_mismatch(claim: str, quotes: str) -> str:
    """A relation "between X and Y" where the quote has one of the two with another party: "a ceasefire
    between the army and the rebels" from "a ceasefire between the government and the rebels"."""
    given = _pairs(quotes)
    for a, b, said in _pairs(claim):
        for c, d, theirs in given:
            for mine, other, kept, their_other in ((a, b, c, d), (b, a, c, d), (a, b, d, c), (b, a, d, c)):
                swapped = mine and mine == kept and other and their_other and not other & their_other
                if swapped and not any(other <= (x | y) for x, y, _ in given):
                    return f"the quote says {theirs.strip()}, not {said.strip()}"
    return ""
