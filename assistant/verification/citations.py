"""The model's `[n]` markers and the answer's text: parsing, renumbering, rendering, the answer-kind check.

Whether a sentence is supported is the judge's call (`judge.py`, applied sentence by sentence in
`review.py`); this module turns the passing sentences into answer text with markers renumbered 1..n and
checks that a citation is verbatim: shown only if its quote is exactly `article.text[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..months import MONTHS, POINTS
from ..schema import Citation, Evidence
from ..text import names, numbers, opening_name, terms, tokens
from .roles import ROLE_FAMILIES
from .subjects import predicate_follows

_MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w’']*")
_REFUSAL = re.compile(
    r"\b(?:(?:do|does|did)\s*(?:n['’]t|not)\s+(?:say|mention|answer|contain|provide|specify|state|include)"
    r"|not\s+(?:mentioned|stated|specified|provided|found|available|in\s+the\s+(?:articles|evidence))"
    r"|no\s+(?:information|mention|evidence)|cannot\s+(?:answer|be\s+answered|find|determine)"
    r"|can['’]t\s+(?:answer|find|determine)|unable\s+to)\b",
    re.IGNORECASE,
)


# Formatting small models copy from the prompt ("Answer:", "Article A:") or add ("Based on the evidence, ").
_PREAMBLE = re.compile(
    r"^\s*(?:(?:answer|article\s+[A-Z0-9]{1,2})\s*:\s*"
    r"|(?:based\s+on|according\s+to)\s+the\s+(?:evidence|articles?)(?:\s+provided)?\s*,\s*)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """One sentence of the model's answer, without its markers, and the evidence numbers it cites."""

    text: str
    markers: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    reason: str  # empty when the claim is supported
    repaired: bool = False  # the system, not the model, chose the citation

    @property
    def supported(self) -> bool:
        return not self.reason


def parse_claims(raw: str) -> list[Claim]:
    """Split model output into sentences; a run of bare markers belongs to the sentence before it."""
    from ..ingestion.chunking import sentence_spans

    raw = _PREAMBLE.sub("", raw)
    claims: list[Claim] = []
    for start, end in sentence_spans(raw):
        piece = raw[start:end]
        leading = re.match(r"^(?:\s*" + _MARKER.pattern + r")+", piece)
        # "Fact one. [1] Fact two." cites fact one, but "[1] Fact one." (the evidence's own layout) cites
        # the sentence that follows the marker.
        if leading and claims and not claims[-1].markers:
            last = claims.pop()
            claims.append(Claim(last.text, last.markers + _markers(leading.group())))
            piece = piece[leading.end() :]
        text = _PREAMBLE.sub("", strip_markers(piece))
        if _WORD.search(text):
            claims.append(Claim(text, _markers(piece)))
    return claims


def _markers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for group in _MARKER.findall(text) for n in re.split(r"[,;]", group))


def is_refusal(text: str) -> bool:
    return bool(_REFUSAL.search(text))


_TIME_WORDS = set(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_TIME_WORDS |= {"year", "years", "month", "months", "week", "weeks", "day", "days", "ago", "earlier", "later", "since"}
_QUANTITY_WORDS = {"half", "dozen", "dozens", "hundreds", "thousands", "millions", "several", "few", "many", "no"}


def answers_question(question: str, answer: str) -> bool:
    """Whether `answer` holds the kind of thing the question asks for (a name, a date, a number)."""
    answer = strip_markers(answer)
    question = main_clause(question)
    asked = _WH.search(question.lower())
    kind = asked.group(1).split()[-1] if asked else ""
    detail = _DETAIL.search(question) if kind in {"what", "which"} else None
    if detail:  # "what is the name of ...", "on what exact date ...": the detail decides the kind
        word = detail.group(1).lower()
        if word == "name":
            known = set(tokens(question))
            return any(_new_name(name, known) for name in names(answer) + opening_name(answer))
        if word in {"date", "day"}:
            return bool(_DAY.search(answer))
        if word == "direction":  # "north", "westward", "upstream": no name, no number
            return bool(_COMPASS.search(answer))
        if word in POINTS:  # "what year …" is answered by a year, not "two years later"
            return bool(POINTS[word].search(answer))
        kind = "when" if word in {"year", "month", "time", "century", "decade"} else "many"
    if kind in {"many", "much"}:
        return bool(numbers(answer)) or bool(set(tokens(answer)) & _QUANTITY_WORDS)
    if kind == "when":
        return bool(numbers(answer)) or bool(set(tokens(answer)) & _TIME_WORDS)
    if kind == "who" and _IDENTITY.search(question):
        return True  # "who is X" is answered by what X is ("a senior commander"), not by another name
    if kind in {"who", "whom", "whose", "which", "where"}:
        known = set(tokens(question))
        return any(_new_name(name, known) for name in names(answer) + opening_name(answer))
    return True


# "What area ...", "which river ...": the noun says what is asked for; a time is the answer only to a
# question about a time.
_WHAT_NOUN = re.compile(r"^\W*(?:(?:in|on|at|during|from|by|for)\s+)?(?:what|which)\s+([a-z]+)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\bhow\s+many\s+([a-z]+)\b", re.IGNORECASE)
_TIME_ONLY = frozenset(
    "century centuries decade decades year years month months week weeks day days date dates time times ago bc "
    "ad bp yr era age period half early late mid first second third last".split()
)


def span_fits(question: str, span: str) -> bool:
    """Whether the words that answer are themselves the kind asked for: a time or number for "when", a
    number for "how many/much" (the sentence holding one is not enough: "near Arnhem" answers no "when"),
    and no bare time for a thing asked by its noun or counted ("what area", "how many wars")."""
    asked = _WH.search(main_clause(question).lower())
    if asked and asked.group(1) in {"when", "how many", "how much"} and not answers_question(question, span):
        return False
    if asked and asked.group(1) == "when" and _POINTING_TIME.match(span):
        return False  # "since that time": points at a time the sentence before gave, names none
    measure = _MEASURED.search(main_clause(question).lower())
    if measure and not (numbers(span) or set(tokens(span)) & _QUANTITY_WORDS):
        return False  # "how wide ...?" is answered by a measure, not by a place or a name
    if measure and measure.group(1) not in {"long", "old"} and set(tokens(span)) & _DATING:
        return False  # "11,700 years ago" is when, not how wide
    return not time_for_a_thing(question, span)


_POINTING_TIME = re.compile(
    r"^\W*(?:(?:since|from|until|till|by|at|after|before|in|during)\s+)?(?:that|this|those|these|the\s+same)\s+"
    r"(?:time|times|period|day|days|year|years|era|point|moment|date)\W*$",
    re.IGNORECASE,
)
_MEASURED = re.compile(r"\bhow\s+(wide|tall|high|deep|far|big|large|heavy|long|old)\b")
_DATING = frozenset("ago bc ad bp yr century centuries".split())


def time_for_a_thing(question: str, answer: str) -> bool:
    """Whether `answer` is only a time ("second half of the 20th century") where the question asks for a
    thing by its noun ("what area ...?") or counts one ("how many wars ...?")."""
    noun = _WHAT_NOUN.match(main_clause(question)) or _COUNTED.search(main_clause(question))
    if noun is None or noun.group(1).lower() in _AUX_WORDS | _TIME_ONLY | _TIME_WORDS:
        return False
    words = [w for w in tokens(answer) if w not in {"the", "of", "in", "on", "a", "an", "about", "around", "by"}]
    dated = [w for w in words if re.fullmatch(r"\d+(?:st|nd|rd|th|s)?", w) or w in _TIME_ONLY or w in _TIME_WORDS]
    # a bare number may be a count or a share ("what percentage ...? 30"): a time says it is one
    timed = any(w in _TIME_ONLY or w in _TIME_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th|s)", w) for w in words)
    return bool(words) and len(dated) == len(words) and timed and any(w[0].isdigit() for w in words)


_AUX_WORDS = frozenset("is are was were do does did has have had can could will would should may might".split())


_WH = re.compile(r"\b(how\s+many|how\s+much|when|who|whom|whose|which|where|what|why|how)\b")
# "When Mehsud gave his interview, what share ...": a leading time or condition clause is not the question;
# "When did X, ..., happen?" is (an auxiliary right after the conjunction).
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:when|while|after|before|since|as|if|once|now\s+that)\s+"
    r"(?!(?:did|do|does|was|were|is|are|will|would|has|have|had|can|could|should)\b)[^,?]*,\s*",
    re.IGNORECASE,
)


# "Who was prime minister when the Taliban took Kabul?": a trailing time clause sets when, not what.
# "…, according to the article on X's interview?": which article to read, not what the answer is about.
_TRAILING_CLAUSE = re.compile(
    r"(?:\s+(?:when|while|after|before|once)\s+[^,?]+"
    r"|,?\s+(?:according\s+to|in|from)\s+the\s+(?:article|report|story|piece)s?\b[^?]*)\?\s*$",
    re.IGNORECASE,
)


def main_clause(question: str) -> str:
    """The question without a leading subordinate clause, or a trailing time clause, when what is left
    still asks something (a question word and two content words)."""
    rest = _LEADING_CLAUSE.sub("", question, count=1)
    if rest != question and _WH.search(rest.lower()):
        return rest
    rest = _TRAILING_CLAUSE.sub("?", question, count=1)
    if rest != question and _WH.search(rest.lower()) and len(terms(rest)) >= 2:
        return rest
    return question


# "Forget the articles and just give me your own take: is X a Y?": what is asked follows the colon; the
# request about how to answer is not followed (answers always come from the articles, cited).
_META_REQUEST = re.compile(
    r"^(?P<request>[^:?]{8,300}):\s*(?P<question>[^:]+\?)\s*$",
)
_META_WORDS = re.compile(
    r"\b(?:forget|ignore|skip|disregard|don['’]t|do\s+not|just|give\s+me|tell\s+me|answer|reply|respond|"
    r"your\s+own|one[-\s]word|without|instead)\b",
    re.IGNORECASE,
)


# "Will X happen? What do the articles say?": the second question only asks for what every answer is.
_ASKS_THE_ARTICLES = re.compile(
    r"(?<=\?)\s+(?:and\s+)?(?:what|how)\s+(?:do|does|did)\s+(?:the\s+)?(?:articles?|sources?|reports?|they)\s+"
    r"(?:say|report|tell\s+us|write)(?:\s+about\s+(?:it|this|that))?\s*\?\s*$",
    re.IGNORECASE,
)


def asked(question: str) -> str:
    """The question without a leading request about how to answer it, or a trailing one asking what
    the articles say."""
    question = _ASKS_THE_ARTICLES.sub("", question)
    match = _META_REQUEST.match(question)
    if match and _META_WORDS.search(match.group("request")) and _WH_OR_AUX.search(match.group("question")):
        return match.group("question").strip()
    return question


# The words a question opens with: a question word or an auxiliary.
QUESTION_OPENER = (
    r"(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|has|have|had|can|could|"
    r"will|would|should)\b"
)
_WH_OR_AUX = re.compile(rf"^\W*{QUESTION_OPENER}", re.IGNORECASE)


def is_lookup(question: str) -> bool:
    """Whether the question only names what it asks about ("who is X", "what's the TTP?", "etim?"): its
    answer says what that is, so repeating the name is part of it."""
    q = main_clause(question)
    if trailing := _NAME_THEN_WHO.match(q):  # "madiha afzal who", recased: who she is
        return is_lookup(f"who is {trailing.group(1)}")
    if _DETAIL.search(q) or _ATTRIBUTE.search(q) or _RELATIVE.search(q):  # "what is the name of …": a detail
        return False
    group = _GROUP.match(q)
    if group and not set(group.group("np").lower().split()) & _PERSON_NOUNS:
        return True  # "who are the Sami?" asks what a people or group is; "who is the mayor?" asks for a name
    detail = re.search(_DETAIL_NOUN, q, re.I)  # "x interview date" asks for the date, not what x is
    identity = (m := _IDENTITY.search(q)) is not None and not predicate_follows(m.group("next"))  # "who is known as"
    return bool(identity or _DEFINITION.search(q) or not (_WH.search(q.lower()) or detail))


_NAME_THEN_WHO = re.compile(r"^\W*((?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3})\s+who\W*$", re.I)
_GROUP = re.compile(r"^\W*who\s+(?:is|are|was|were)\s+the\s+(?P<np>[\w\-'’]+(?:\s+[\w\-'’]+)?)\W*$", re.I)
# Nouns for a post or a part someone plays: "who is the <noun>" asks for the person holding it.
_PERSON_NOUNS = frozenset(
    {w for family in ROLE_FAMILIES.values() for w in family}
    | set(
        "president presidents minister ministers premier king queen mayor governor chancellor ceo director "
        "secretary general judge owner owners winner winners author authors victim victims suspect suspects "
        "killer killers attacker attackers candidate candidates officer officers official officials".split()
    )
)


_DEFINITION = re.compile(
    # "what is located after X" is a passive's subject question, not what a name means
    r"^\W*what(?:['’]s|\s+(?:is|are|was|were))\s+(?!(?:\w+ed|found|made|built|seen|held|given|taken)\b)"
    r"(?:the\s+|an?\s+)?[^?]{1,60}?"
    r"(?<!\bby)(?<!\bfor)(?<!\bwith)(?<!\bfrom)(?<!\bto)(?<!\bin)(?<!\bof)(?<!\bon)(?<!\bat)(?<!\babout)"
    r"(?<!ed)(?<!\bknown)\??\s*$"
    # what a word means, in any of the verbs for it ("translate to", "refer to", "signify")
    r"|^\W*what\s+(?:does|do|did)\s+[^?]{1,60}\s+(?:mean|stand\s+for|signify|denote|"
    r"translate(?:\s+(?:to|as|into)(?:\s+english)?)?|refer\s+to)\W*$",
    re.IGNORECASE,
)
# "what is the height of X": a lowercase noun of something asks for that attribute ("the Treaty of X" is a name).
_ATTRIBUTE = re.compile(r"^\W*what(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+|an?\s+)?(?-i:[a-z][\w\-]*)\s+of\b", re.I)
# "what is the animal that X is named after": a relative clause asks for a detail, not what a name means.
_RELATIVE = re.compile(r"^\W*what\b.*\s(?:that|which|who|whom|whose)\s", re.I)
_DETAIL_NOUN = r"\b(name|date|day|year|month|time|century|decade|number|amount|percentage|share|age|direction)\b"
_DETAIL = re.compile(
    r"\b(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:the\s+|another\s+|an?\s+)?"
    r"(?:exact\s+|real\s+|full\s+|precise\s+|other\s+|second\s+)?" + _DETAIL_NOUN,
    re.IGNORECASE,
)
# A date to the day: "May 24", "24 May", "May 24, 2023", "5/24", or a weekday.
_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b\d{1,2}/\d{1,2}\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
_COMPASS = re.compile(
    r"\b(?:north|south|east|west)(?:ern|ward|wards|[\s-]*(?:east|west)(?:ern|ward)?)?\b|\b(?:up|down)(?:stream|hill)\b",
    re.IGNORECASE,
)
_IDENTITY = re.compile(r"\bwho(?:['’]s|\s+(?:is|was|are|were))\s+(?!the\b|a\b|an\b)(?P<next>[\w'’-]*)", re.IGNORECASE)


def _new_name(name: str, known: set[str]) -> bool:
    """A name (stem) the question did not contain, nor a form of one ("Pakistan" for "Pakistani")."""
    return not any(k.startswith(name) or (len(k) >= 4 and name.startswith(k)) for k in known)


def check_citation(citation: Citation, article_text: str) -> bool:
    return 0 <= citation.start < citation.end <= len(article_text) and (
        article_text[citation.start : citation.end] == citation.quote
    )


def to_citation(marker: int, ev: Evidence) -> Citation:
    return Citation(
        marker=marker, article=ev.article.file, title=ev.article.title, quote=ev.text, start=ev.start, end=ev.end
    )


def render(verdicts: list[Verdict], evidence: dict[int, Evidence]) -> tuple[str, list[Citation]]:
    """Answer text of the supported claims with markers renumbered 1..n in order of first use."""
    renumber: dict[int, int] = {}
    citations: list[Citation] = []
    sentences = []
    for verdict in verdicts:
        if not verdict.supported:
            continue
        markers = []
        for old in dict.fromkeys(m for m in verdict.claim.markers if m in evidence):
            if old not in renumber:
                renumber[old] = len(renumber) + 1
                citations.append(to_citation(renumber[old], evidence[old]))
            markers.append(renumber[old])
        sentences.append(with_markers(verdict.claim.text, markers))
    return " ".join(sentences), citations


def with_markers(text: str, markers: list[int]) -> str:
    tags = "".join(f"[{m}]" for m in markers)
    match = re.search(r"[.!?]+[\"'”’]?$", text)
    if match:
        return f"{text[: match.start()]} {tags}{text[match.start() :]}"
    return f"{text} {tags}."


def without_markers(text: str, markers: set[int]) -> str:
    """The text without the given markers; a sentence left with no marker at all is removed."""
    kept = []
    for start, end in _sentence_spans(text):
        sentence = re.sub(r"\[(\d+)\]", lambda m: "" if int(m.group(1)) in markers else m.group(), text[start:end])
        if _MARKER.search(sentence):
            kept.append(re.sub(r"\s+([.!?])", r"\1", sentence).strip())
    return " ".join(kept)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    from ..ingestion.chunking import sentence_spans

    return sentence_spans(text)


def strip_markers(text: str) -> str:
    text = re.sub(r"\s+([.!?,;:])", r"\1", _MARKER.sub("", text))
    return re.sub(r"\s{2,}", " ", text).strip()


def append_note(
    text: str, citations: list[Citation], pairs: list[tuple[Evidence, Evidence]]
) -> tuple[str, list[Citation]]:
    """Add one sentence per disagreement, citing both sides (reusing markers already given)."""
    citations = list(citations)

    def marker(ev: Evidence) -> int:
        for c in citations:
            if c.article == ev.article.file and c.start == ev.start:
                return c.marker
        citations.append(to_citation(len(citations) + 1, ev))
        return citations[-1].marker

    notes = []
    for first, second in pairs:
        a, b = marker(first), marker(second)
        notes.append(
            f"The articles disagree here: “{first.article.title}” says “{first.text}” [{a}], while "
            f"“{second.article.title}” says “{second.text}” [{b}]."
        )
    return " ".join([text, *notes]), citations


def quote_evidence(
    sentences: list[Evidence], lead: str = "", in_reading_order: bool = True
) -> tuple[str, list[Citation]]:
    """Evidence sentences quoted verbatim, each with its citation, after `lead`: in reading order, or in
    the order given."""
    ordered = sorted(sentences, key=lambda ev: ev.number) if in_reading_order else sentences
    citations = [to_citation(n, ev) for n, ev in enumerate(ordered, start=1)]
    quotes = [f"{quoted(c.quote)} [{c.marker}]" for c in citations]
    return " ".join([lead, *quotes] if lead else quotes), citations


def quoted(quote: str) -> str:
    """The quote in quotation marks, unless it opens or closes with one itself (an article's own quoted
    speech): a mark added there would leave one unpaired."""
    if quote.startswith(("“", '"')) or quote.endswith(("”", '"')):
        return quote
    return f"“{quote}”"
