"""Whose the words are: what a relative clause says belongs to the noun the clause hangs on.

"The river flows through the Upper Rhine Plain, which is about 300 km long" gives the plain's length, not
the river's: a measure, a number or any answer inside ", which …", ", who …", ", where …" is said of the
noun before the comma. A claim (or a question's answer) that gives those words to something else takes
the quote for more than it says. English grammar only: no article's or question's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import text as tx
from .motion import moves
from .subjects import opening

# A non-restrictive relative clause: a comma, then the relative word. It runs to the next comma, semicolon,
# dash or bracket that is not inside it, or to the sentence's end.
_OPENER = re.compile(r",\s+(?:which|who|whom|whose|where)\b", re.IGNORECASE)
_CLOSER = re.compile(r",(?!\d{3})|[;()\[\]]|\s[–—-]\s")  # "4,000" goes on
# Footnote marks and bracketed asides between a noun and its comma ("the Rhine (Rhein)[note 2], which …").
_ASIDE = re.compile(r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))+\s*$")
_WORDS = re.compile(r"[^\W_][\w’'\-]*")
_PRONOUN = re.compile(r"\b(?:it|they|he|she)\b(?!['’])", re.I)
_WORD = re.compile(r"[^\W_][\w’'\-]*$")
# "the Old Rhine Bridge at Constance, which …": the clause may hang on the noun before the preposition.
_APPOSED = re.compile(r"((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*),\s+[^,;]{1,80}$")
_OF = re.compile(r"([^\W_][\w’'\-]*)\s+(?:of|at|in|on)\s+(?:the\s+)?(?:[^\W_][\w’'\-]*\s+){0,2}[^\W_][\w’'\-]*$", re.I)


def relative_clauses(sentence: str) -> list[tuple[int, int, str, set[str]]]:
    """Each non-restrictive relative clause of the sentence: its start and end offsets, and the noun it
    hangs on as written (the last word before its comma, an aside set apart) with the stems it may be
    (that word's, and the one before an "of" or "at" that governs it)."""
    found = []
    for opener in _OPENER.finditer(sentence):
        before = _ASIDE.sub("", sentence[: opener.start()])
        head = _WORD.search(before)
        if head is None or head.group().isdigit():  # "in 1932, when …": a time, not a noun
            continue
        closer = _CLOSER.search(sentence, opener.end())
        end = closer.start() if closer else len(sentence)
        governing = _OF.search(before)
        stems = set(tx.stem_words(tx.tokens(head.group() + (" " + governing.group(1) if governing else ""))))
        # "Baradar, Afghan Deputy Prime Minister for Economic Affairs, who …": a person's clause after the
        # apposition that describes him hangs on his name
        person = _APPOSED.search(before) if opener.group().lower().endswith(("who", "whom", "whose")) else None
        # by the surname: "Mullah" or "Abdul" may open another man's name in the same sentence
        stems |= set(tx.stem_words(tx.tokens(person.group(1).split()[-1]))) if person else set()
        if stems:
            found.append((opener.end(), end, person.group(1) if person else head.group(), stems))
    return found


def owner(sentence: str, span: tuple[int, int]) -> tuple[str, set[str]] | None:
    """The noun (as written, stemmed) whose relative clause holds the span; None when it stands outside one."""
    return next((h for start, end, *h in relative_clauses(sentence) if start <= span[0] and span[1] <= end), None)


# A measure set after its noun: "a fence 38 kilometres long", "a wall some 4 m high". The measure is the
# noun's, whatever the sentence's subject is.
_DIMENSION = re.compile(r"\s*(?:long|wide|high|deep|tall|thick|across|in\s+(?:length|width|height|depth|diameter))\b")
_MEASURED = re.compile(r"([^\W\d_][\w’'\-]*)\s+(?:(?:about|some|nearly|almost|roughly|around|over|under)\s+)?$")


def measured(sentence: str, span: tuple[int, int]) -> tuple[str, set[str]] | None:
    """The noun (as written, stemmed) that a measure at the span is set after; None when it is not one."""
    text = sentence[span[0] : span[1]]
    if not tx.numbers(text) or not (_DIMENSION.search(text) or _DIMENSION.match(sentence[span[1] :])):
        return None
    before = _MEASURED.search(sentence[: span[0]])
    if before is None or before.group(1).lower() in tx.stopwords() or before.group(1)[:1].isupper():
        return None  # "is 38 km long", "Ekstrand 38 km": no noun the measure is set after
    return before.group(1), set(tx.stem_words([before.group(1).lower()]))


def said_of_other(words: str, sentence: str, span: tuple[int, int]) -> str:
    """Why the span does not answer for `words` (the question or claim it is given to): it stands in a
    relative clause about a noun they do not name, or is a measure set after such a noun. Empty when it
    does not."""
    head = owner(sentence, span) or measured(sentence, span)
    # "what does it change its name to?": a question that calls its subject "it" may mean the clause's noun.
    # Only a number or measure is the noun's own property: "… treasure, which was thrown into the Rhine by
    # Hagen" names who threw it, whatever the question calls the treasure.
    if head is None or _named(head[1], words) or _PRONOUN.search(words) or not tx.numbers(sentence[span[0] : span[1]]):
        return ""
    return f"the sentence says that of “{head[0]}”, not of what is asked"


def other_owner(claim: str, quotes: str | Sequence[str]) -> str:
    """A number the claim states that the quotes give only inside relative clauses about a noun the claim
    does not name ("The Rhine is 300 km long" from "… the Upper Rhine Plain, which is about 300 km long")."""
    quotes = [quotes] if isinstance(quotes, str) else quotes
    for number in tx.numbers(claim):
        pattern = re.compile(rf"(?<![\w.,]){_written(number)}(?!\w)", re.IGNORECASE)
        heads = [owner(q, m.span()) for q in quotes for m in pattern.finditer(q)]
        if heads and all(head is not None and not _named(head[1], claim) for head in heads):
            return f"the quote says {number} of “{heads[0][0]}”, not of what the claim names"
    return ""


def _named(heads: set[str], words: str) -> bool:
    found = tx.terms(words)
    return bool(heads & found) or any(tx.same_start(h, t) for h in heads for t in found)


def _written(number: str) -> str:
    """A pattern for a number as `tx.numbers` reports it: digits with or without thousands commas, or its word."""
    forms = {number, tx.number_word(number)}
    if number.isdigit():
        forms.add(f"{int(number):,}")
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


# "The Rhine … is joined by its major tributary, the Aare": "its" is the sentence's subject's. A claim that
# makes it another's ("the major tributary of Lake Constance") reads the possessive as the nearest name's.
_SUBJECT = re.compile(
    r"^\W*(?:[Tt]he\s+)?(?!(?:The|A|An|In|On|At|By|For|From|With|As|After|Before|During|Since|Until|When|While|Although|Because|If)\b)((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?=[a-z])"
)
_POSSESSIVE = re.compile(r"\b(?:its|their)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)")
_OF_NAME = re.compile(
    r"\b((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+of\s+(?:the\s+)?((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)"
)
# A new clause may have a subject of its own, whose "its" it is.
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|but|which|who|that|because|although|though|when|where|if)\b|[;:]")


def other_possessor(claim: str, quotes: str | Sequence[str]) -> str:
    """A claim that gives "the N of X" where the quote says "its N" of its subject, and X is another name
    the quote mentions."""
    for quote in [quotes] if isinstance(quotes, str) else quotes:
        subject = _SUBJECT.match(quote)
        if subject is None:
            continue
        owner_terms = tx.terms(subject.group(1))
        for owned in _POSSESSIVE.finditer(quote):
            if _NEW_CLAUSE.search(quote[subject.end() : owned.start()]):
                continue
            heads = tx.terms(owned.group(1))
            for said in _OF_NAME.finditer(claim):
                other = tx.terms(said.group(2))
                if not (heads & tx.terms(said.group(1))) or not other or other & owner_terms:
                    continue
                if other <= tx.terms(quote):  # another party the quote names: the possessive is not theirs
                    return f"the quote gives “its {owned.group(1)}” to {subject.group(1)}, not to {said.group(2)}"
    return ""


# "Lake Vinn consists of three basins: the Ober, the Unter and a channel": a count, then what it counts.
_COUNT_LIST = re.compile(
    r"(?<![\w.,])(?P<n>\d[\d,.]*|"
    + "|".join(tx.NUMBER_WORDS)
    + r")\s+(?P<what>(?:[\w\-]+\s+){0,3}?[\w\-]+)\s*:\s*(?P<list>[^.;]+)",
    re.IGNORECASE,
)


def counted_member(claim: str, quotes: str | Sequence[str]) -> str:
    """A claim that gives a count to one of the things the quote lists as counted ("three basins make up
    the Ober" from "Lake Vinn consists of three basins: the Ober, …"): the count is the whole's, the
    sentence's subject, which the claim does not name."""
    for quote in [quotes] if isinstance(quotes, str) else quotes:
        subject = _SUBJECT.match(quote)
        if subject is None:
            continue
        whole = tx.terms(subject.group(1))
        claim_terms = tx.terms(claim)
        for listed in _COUNT_LIST.finditer(quote):
            number = tx.numbers(listed.group("n"))
            if not number or not number & tx.numbers(claim) or whole & claim_terms:
                continue
            members = set(tx.names(f"Q {listed.group('list')}")) - tx.terms(listed.group("what"))
            named = members & set(tx.names(f"Q {claim}"))
            if named:
                stem = sorted(named)[0]
                written = next((w for w in _WORDS.findall(listed.group("list")) if tx.names(f"Q {w}") == [stem]), stem)
                return f"the quote counts {written} among the {listed.group('what')} of {subject.group(1)}"
    return ""


# A gloss in brackets belongs to the word right before it: 'the Rheinrinne ("Rhine Gutter") and the
# Seerhein' translates the first name only.
_GLOSS = re.compile(r"((?:[A-Z][\w\-’']*\s+){0,3}[A-Z][\w\-’']*)\s*\(\s*[\"“‘']?([^()\"“”‘’']{2,60}?)[\"”’']?\s*\)")


def misplaced_gloss(claim: str, quotes: str) -> str:
    """A claim that gives a bracketed gloss to another name of the quote than the one it follows."""
    claimed = tx.terms(claim)
    for match in _GLOSS.finditer(quotes):
        if re.fullmatch(r"[A-Z\-]{2,}s?|.*\d.*", match.group(2).strip()):
            continue  # an acronym ("(ETIM)") names the whole name before it; a number restates a figure
        owner, gloss = tx.terms(match.group(1)), tx.terms(match.group(2))
        if not gloss or not gloss <= claimed or owner & claimed:
            continue
        rest = quotes[: match.start()] + quotes[match.end() :]
        others = sorted(n for n in tx.names(claim) if n in tx.terms(rest) and n not in gloss)
        if others:
            return f"the quote glosses {match.group(1).split()[-1]} as “{match.group(2)}”, not {others[0]}"
    return ""


def gloss_of(question: str, passage: str) -> str:
    """The bracketed gloss the passage gives right after a name the question asks about ('Rheinrinne
    ("Rhine Gutter")' for "what does Rheinrinne translate to?"), or ""."""
    asked = tx.terms(question)
    for match in _GLOSS.finditer(passage):
        owner = match.group(1).split()[-1]
        if tx.terms(owner) and tx.terms(owner) <= asked and not tx.terms(match.group(2)) <= asked:
            return match.group(2).strip()
    return ""


# Nouns that name a part of a thing, a closed class of English ("this section", "the northern part of",
# "its western branch", "the last phase"). Not "arms", "unit", "course": each is as often a whole of its own.
_PART_NOUNS = (
    "part|parts|section|sections|portion|portions|segment|segments|stretch|stretches|piece|pieces|fragment|"
    "fragments|half|halves|remainder|rest|branch|branches|wing|wings|faction|factions|subset|fraction|phase|phases"
)
# A sentence whose subject is a part: a determiner opens it, up to two lowercase modifiers stand between,
# and "of" may name the whole ("The northern section of this frontier, where …").
_PART_SUBJECT = re.compile(
    rf"^\W*(?i:the|this|these|that|those|its|their|one)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<part>{_PART_NOUNS})"
    r"(?![\w-])(?:\s+of\s+(?P<whole>(?:[^\s,;:()]+\s*){1,6}))?"
)
# Where a part is, its whole also is: "the river flows through the lake" is so if a section of it does.
_PLACED = re.compile(
    r"^\W*(?:[a-z]+ly\s+)?(?:is\s+|are\s+|was\s+|were\s+)?[a-z]+\s+"
    r"(?:in|into|through|across|along|past|at|near|to|from|within|between)\b"
)


_OWNER = re.compile(r"\b(?:is|was|are|were)\s+the\s+[a-z]+\s+of\s+(?:the\s+)?([^,.;]+)")


def part_for_whole(claim: str, quotes: str) -> str:
    """Why the claim gives the whole what the quote says of a part of it: "This section is nearly 86 km
    long", after a sentence naming the Rhine, is the section's length and not the river's; "the northern
    part of the frontier remained the boundary" is not said of all the frontier. Where the claim places its
    subject (what it flows through, lies in) is left alone: the whole is where its part is. Empty when the
    quote's subject is no part, or the claim speaks of the part."""
    match = _PART_SUBJECT.match(quotes)
    if match is None or set(tx.stem_words([match.group("part")])) & tx.terms(claim):
        return ""
    subject = opening(claim)
    said = claim[len(subject) :] if claim.startswith(subject) else ""
    named = {t for t in tx.terms(subject) if not t[:1].isdigit()}  # "The Rhine is 86": no number names it
    owner = _OWNER.search(claim) if not named else None
    if owner:  # "599 m is the height of the canton": an answer first, and the whole after "of"
        named, said = tx.terms(owner.group(1)), ""
    if not named and said:  # "The frontier remained …": a common noun is the subject's head
        head, _, said = said.strip().partition(" ")
        named = tx.terms(head)
    if not named or _PLACED.match(said) or moves(claim):
        return ""  # "… the alpine valley that the Rhine flows through": where a part goes, its whole goes
    # after "of" the part names its whole, which the claim's subject is; "this section" points at a whole
    # named before the quote, so the claim's subject is not in it
    whole = match.group("whole")
    taken = named <= tx.terms(whole) if whole else not named & tx.terms(_first_sentence(quotes))
    part = " ".join(match.group(0).split()[:4])
    return f"the quote speaks of a part (“{part}”), not of the whole" if taken else ""


# "Other rivers in the area, above all the Emscher, …": "other" leaves out what was named before, so the
# quote speaks of some of the kind, not of "the rivers" (all of them).
_OTHER = re.compile(r"\bother\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*s)\b")


def other_as_all(claim: str, quotes: str) -> str:
    folded, said = tx.fold(quotes), tx.fold(claim)
    if re.search(r"\bother\b", said):
        return ""
    for match in _OTHER.finditer(folded):
        noun = match.group(1)
        if len(re.findall(rf"\b{noun}\b", folded)) > 1:  # the kind also named without "other"
            continue
        if re.search(rf"\b(?:the|all)\s+(?:[a-z][\w-]*\s+)?{noun}\b", said):
            return f"the quote speaks of other {noun}, not of all the {noun}"
    return ""


def _first_sentence(text: str) -> str:
    """The text up to its first sentence end: the sentence whose subject is the part ("… It flows through
    the Rhine Valley" after it names another thing)."""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text, maxsplit=1)[0]


# "X is the major tributary of Y", "X was a founding member of Y": what the claim calls its subject.
_CALLED = re.compile(
    r"\b(?:is|was|are|were)\s+(?:the|a|an|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]{4,})\s+(?:of|in|on|for|to|from)\b"
)


# Nouns for how a thing is called, which a quote gives by "called", "known as" or a gloss in brackets.
_WORDING = frozenset(
    "name names term terms word words translation meaning title nickname abbreviation form forms spelling "
    "pronunciation plural singular version synonym acronym".split()
)
# Nouns for how one thing stands to another ("the purpose of the visit", "the significance of the naming"):
# a question's frame, which a claim composed from it keeps, not a kind the quote must name.
_RELATIONAL = frozenset(
    "purpose significance importance reason reasons cause causes effect effects result results consequence "
    "consequences impact role goal aim meaning motive basis outcome".split()
)
# Nouns that name any person or thing ("a leading figure in the group", "a key man in"): no kind at all.
_ANYONE = frozenset("figure figures person persons personality individual individuals man men woman women".split())


# A dimension and the adjective a measure is given with: English's own pairs, no wording of any claim.
_DIMENSIONS = {
    "depth": "deep",
    "width": "wide",
    "length": "long",
    "height": "high tall",
    "breadth": "broad",
    "thickness": "thick",
    "weight": "weighs weighed heavy",
    "age": "old",
}


def _measured(claim: str, quotes: str) -> set[str]:
    """The dimension adjectives the quote gives the claim's numbers with ("300 metres wide": "wide")."""
    adjectives = {a for forms in _DIMENSIONS.values() for a in forms.split()}
    found = set()
    for number in re.findall(r"\d[\d,.]*", claim):
        for after in re.findall(rf"(?<![\d,.]){re.escape(number)}\s+(?:[a-z]+\s+)?([a-z]+)", tx.fold(quotes)):
            found |= {after} & adjectives
    return found


def kind_unsaid(claim: str, quotes: str) -> str:
    """Why the quote cannot make the claim's subject what the claim calls it ("The Rhine is the major
    tributary of Lake Constance" from a quote that never says "tributary"): the noun is in no quote, in
    no word that begins like it. Empty when it is."""
    given = tx.terms(quotes)
    for noun in _CALLED.findall(tx.fold(claim)):
        if noun in _WORDING | _RELATIONAL | _ANYONE or noun.endswith(("ed", "ing")):
            continue  # "X is the name of Y" restates "Y, called X"; a participle is no kind
        if noun in _DIMENSIONS:  # "124 metres deep" gives a depth, "300 metres wide" none
            measured = _measured(claim, quotes)
            if measured and not measured & set(_DIMENSIONS[noun].split()):
                return f"the quote gives that number as {sorted(measured)[0]}, not as a {noun}"
            if measured or set(_DIMENSIONS[noun].split()) & set(tx.tokens(quotes)):
                continue
        stems = tx.terms(noun)
        if stems and not any(s == g or tx.same_start(s, g) for s in stems for g in given):
            return f"the quote never calls anything a {noun}"
    return ""


# "Wendler's paid assistant", "the second director's assistant": an owner (a name, or "the" and a noun) and
# what it owns, up to three lower-case words.
_OWNED = re.compile(
    r"((?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*|\bthe\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)['’]s\s+"
    r"((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
)


def possessor_swapped(claim: str, quotes: str) -> str:
    """A claim that gives something to one owner where the quote gives it, by name, to another ("the second
    director's paid assistant" from "The second director, Kessler, had been Wendler's paid assistant").
    The quote's owner must be a name, not one set beside the claim's owner ("Wendler, the second director,")."""
    folded = tx.fold(quotes)
    for said in _OWNED.finditer(claim):
        owner = tx.terms(said.group(1))
        held = tx.fold(said.group(2))
        theirs = [
            m for m in _OWNED.finditer(quotes) if tx.fold(m.group(2)).startswith(held) and m.group(1)[:1].isupper()
        ]
        if not theirs or any(tx.terms(m.group(1)) & owner for m in _OWNED.finditer(quotes)):
            continue
        other, mine = theirs[0].group(1), tx.fold(said.group(1))
        if f"{tx.fold(other)}, {mine}" in folded or f"{mine}, {tx.fold(other)}" in folded:
            continue
        return f"the quote says {other}'s {said.group(2)}, not {said.group(1)}'s"
    return ""
