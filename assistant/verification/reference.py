"""What a quote points back to: pronouns and demonstratives, and what a claim may take from the question
or the article about it (a negation that describes what "this promise" is, an attribution's names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import text as tx
from ..months import MONTHS
from .echoes import CAPITALISED
from .roles import office_mismatch

# A quote that refers back anywhere: a personal pronoun, or an opening noun phrase that points back
# ("The lake is situated ...", "This section is ..."; not "The discharge of X").
PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their)\b")
POINTER = re.compile(r"^\W*(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose)\s+[a-z][\w-]*\s+(?!of\b)")


def refers(quote: str) -> bool:
    return bool(PRONOUN.search(tx.fold(quote)) or POINTER.search(quote))


def reaches_back(quote: str) -> bool:
    """A quote that refers to something before it: it opens on a pointer, or a pronoun comes before any name
    of its own ("China … pledged …, only if the Taliban cut its ties": "its" is a name's in the quote)."""
    if POINTER.search(quote):
        return True
    first = PRONOUN.search(tx.fold(quote))
    before = quote[: first.start()] if first else ""
    # "Last January, the group killed …, one of the deadliest attacks in its history": a noun phrase on
    # "the" before the pronoun may itself point back
    own = [m.group() for m in _OWN_NAME.finditer(before) if m.group().casefold() not in _CALENDAR]
    return bool(first) and (not own or bool(_DEFINITE.search(before)))


_DEFINITE = re.compile(r"\b[Tt]he\s+[a-z][\w-]*\b(?!\s+of\b)")
_OWN_NAME = re.compile(r"(?<![.!?“\"]\s)(?<![“\"‘])(?<!^)\b[A-Z][a-z]+")  # not a sentence's first word
# "In August 1928 he left …": a month or a day is no one the pronoun could stand for
_CALENDAR = frozenset([*MONTHS, *"monday tuesday wednesday thursday friday saturday sunday".split()])


def owners_left_to_context(claim: str, quote: str, context: Sequence[str]) -> set[str]:
    """The names the claim gives as an owner ("Roebuck's stake in Watt's patent") of a thing the quote calls
    by "the" alone ("his share in the patent"), which the sentences around name: the article's "the" stands
    for an owner named before it."""
    found: set[str] = set()
    for owner, thing in re.findall(r"\b([A-Z][\w-]*)['’]s\s+([a-z][\w-]{2,})\b", claim):
        if re.search(rf"\bthe\s+{re.escape(thing)}\b(?!\s+of\b)", quote, re.IGNORECASE):
            found |= set(tx.names(f"X {owner}")) - {"x"}
    return found & tx.terms(" ".join(context))


def kinds_left_to_context(claim: str, quote: str, context: Sequence[str]) -> set[str]:
    """The names the claim puts beside a thing the quote calls by "the" alone ("the school at Gries", "the
    Gries school" for "By 1914 the school had trained …"), where a sentence around names that thing with
    them ("… opened a cheese-making school at Gries"): the article's "the" stands for the one named before."""
    found: set[str] = set()
    for kind in set(re.findall(r"\b[Tt]he\s+([a-z][\w-]{2,})\b(?!\s+of\b)", quote)):
        beside = rf"\b{re.escape(kind)}\s+(?:at|in|of|on|near|from)\s+((?:the\s+)?(?:[A-Z][\w'’-]*\s*)+)"
        before = rf"((?:[A-Z][\w'’-]*\s+)+){re.escape(kind)}\b"
        for match in [*re.finditer(beside, claim), *re.finditer(before, claim)]:
            names = set(tx.names(f"X {match.group(1)}")) - {"x"}
            if names and any(re.search(rf"\b{re.escape(kind)}\b", s, re.I) and names <= tx.terms(s) for s in context):
                found |= names
    return found


def left_to_context(claim: str, quote: str, context: Sequence[str]) -> set[str]:
    """The claim's names that the quote's "the <thing>" leaves to the sentences around: an owner or a name
    beside the thing."""
    return owners_left_to_context(claim, quote, context) | kinds_left_to_context(claim, quote, context)


def negation_referred_to(claim: str, quote: str, question: str, context: Sequence[str]) -> bool:
    """Whether the claim's negation is the question's own description of something the quote refers back
    to: "the pledge not to give X a base" asked about, "this promise" in the quote, and the sentence
    before saying "the promise not to provide X a place". The claim then denies nothing the quote says."""
    asked = tx.fold(question)
    negations = re.findall(r"\bnot\s+to\s+\w+", tx.fold(claim))
    if not negations or len(negations) != len(re.findall(r"\b(?:not|never|no)\b|n't", tx.fold(claim))):
        return False
    points_back = refers(quote) or _DEMONSTRATIVE.search(tx.fold(quote))
    return all(n in asked for n in negations) and bool(points_back) and any(tx.negated(c) for c in context[1:])


_DEMONSTRATIVE = re.compile(r"\b(?:this|these|such)\s+[a-z]{3,}")
_POINTED = re.compile(r"\b(?:this|these|that|those)\s+([a-z]{3,})\b")
_TIMES = frozenset("year years month months week weeks day days time times decade century morning night".split())


def demonstrated(quote: str, context: Sequence[str]) -> list[str]:
    """The sentences around (after the title) that name what the quote's "this promise" points back to: those
    with the noun itself ("the Taliban's promise not to provide …"). "This year" points at no sentence."""
    nouns = {tx.stem_words([n])[0] for n in _POINTED.findall(tx.fold(quote)) if n not in _TIMES}
    return [c for c in context[1:] if nouns & tx.terms(c)] if nouns else []


def _sentences(article: str) -> list[str]:
    """The article cut after each sentence's end (a closing quotation mark included); rough, for lookups."""
    return re.split(r"(?<=[.!?”\"])\s+", article)


_ACCORDING = re.compile(r"^\W*according\s+to\s+([^,]{3,120}),", re.IGNORECASE)


def attributed(claim: str, question: str, quote: str, article: str) -> set[str]:
    """The names of an attribution the question gives and the claim keeps ("According to the Stanford
    researcher quoted by The Daily Beast, …"), when one sentence of the article names them together with a
    speaker the quote names ("Ali Mir Asfandyar, postdoctoral fellow at Stanford University's …, told The
    Daily Beast" for a quote of Asfandyar's): who said it is checked there, what was said in the quote."""
    opener = _ACCORDING.match(claim)
    if opener is None or tx.fold(opener.group(1)) not in tx.fold(question):
        return set()
    given = set(tx.names(f"X {opener.group(1)}"))
    speakers = set(tx.names(f"X {quote}")) - {"x"}  # a name may open the quote
    for sentence in _sentences(article):
        held = tx.terms(sentence) | tx.acronyms(sentence)
        if given and given <= held and speakers & held:
            return given
    return set()


# Words of saying, lower case only: "the US State Department" names no speech.
_SPEECH = (
    r"(?-i:say|says|said|tell|tells|told|claim|claims|claimed|warn|warns|warned|argue|argues|argued|state|states|"
    r"stated|write|writes|wrote|explain|explains|explained|add|adds|added|insist|insists|insisted|suggest|"
    r"suggests|suggested|describe|describes|described|call|calls|called|give|gives|gave|offer|offers|offered|"
    r"cite|cites|cited|justify|justifies|justified|mean|meant|think|thinks|thought|believe|believes|believed|"
    r"remark|remarks|remarked|comment|comments|commented|joke|jokes|joked|reply|replies|replied|observe|"
    r"observes|observed|declare|declares|declared|conclude|concludes|concluded)"
)
# "What reason did X give …", "How does X explain …", "According to X, …": the question asks for X's words.
_ASKED_SPEAKER = re.compile(
    rf"^\W*(?:what|how|why|which|who)\b[^?]*?\b(?:did|does|do|has|have|had)\s+(?P<s>(?:\S+\s+){{0,7}}?\S+)\s+"
    rf"{_SPEECH}\b",
    re.I,
)
_ACCORDING_ANYWHERE = re.compile(r"\baccording\s+to\s+(?P<s>[^,?]{2,80})", re.I)
_NAME_RUN = r"(?P<{}>(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]+)"
# The sentence's own attribution: "…,” Khan said", "Khan told …", "said Khan", "according to Khan".
_SAID_BY = re.compile(
    _NAME_RUN.format("a") + r"(?:,(?:\s+[^\s,]+){1,12},)?"  # "Sohail Shaheen, a member of the team, told"
    r"\s+(?:said|says|told|added|wrote|warned|explained|argued|claimed|stated|insisted)\b"
    r"|\b(?:said|says|according\s+to)\s+" + _NAME_RUN.format("b")
)
_WRITINGS = frozenset("article articles report reports text texts story stories piece pieces".split())


# First person, as written: "US" is a country, not "us".
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|I|me|[Mm]y)\b")


def said_in(text: str) -> bool:
    """Whether the text says or quotes anyone: a verb of saying, someone speaking in the first person ("we
    have seen"), or a quotation that opens it or ends on the comma before its attribution ("…,” he said");
    not a title in quotation marks ("under the title “X”")."""
    return bool(
        re.search(rf"\b{_SPEECH}\b", text)
        or FIRST_PERSON.search(text)
        or re.match(r"\W*[“\"]", text)
        or re.search(r",\s*[”\"]", text)
    )


def asked_speaker(question: str) -> str:
    """Whose words the question asks for ("President Biden" in "What reason did President Biden give …");
    "" when it asks for no one's, or for the articles' own."""
    match = _ASKED_SPEAKER.match(" ".join(question.split())) or _ACCORDING_ANYWHERE.search(question)
    # "according to the article on X's interview": the articles' own words, whoever they are about
    if match is None or set(tx.tokens(match.group("s"))[:2]) & _WRITINGS or not tx.terms(match.group("s")):
        return ""
    return match.group("s")


def speaker_failure(question: str, quote: str, article: str) -> str:
    """Why the quote is not the words the question asks for; "" when it may be."""
    speaker = other_speaker(question, quote, article)
    if speaker:
        return f"the quote gives {speaker}’s words, not those asked for"
    asked = asked_speaker(question)  # "the defence minister" asked, only "the foreign minister" in the quote
    return office_mismatch(asked, quote) if asked else ""


def other_speaker(question: str, quote: str, article: str) -> str:
    """The speaker the quote attributes its words to, when the question asks for someone else's. "" when
    the quote names no speaker of its own (its speaker may then be named around it), and when the two may
    be one person: the quote names the asked speaker, or the article describes the quote's speaker with
    a word of the asked one ("the Stanford researcher" for "Ali Mir Asfandyar, … at Stanford …"). Only an
    office with another portfolio ("Foreign Minister Muttaqi" for "the defence minister") tells them apart
    when both are named in one breath."""
    speaker = asked_speaker(question)
    asked = tx.terms(speaker) | set(tx.names(f"X {speaker}"))
    if not asked:
        return ""
    for match in _SAID_BY.finditer(quote):
        run = match.group("a") or match.group("b")
        surname = set(tx.names(f"X {run.split()[-1]}")) - {"x"}  # the run may open on a title ("Minister")
        if not surname or surname & asked:
            continue
        described = " . ".join(_described(surname, article or quote) or [run])
        if office_mismatch(speaker, described):
            return run
        if not _speaks(asked, quote) and not asked & tx.terms(described):
            return run
    return ""


_SPEAKING = re.compile(
    r"(?:say|says|said|tell|tells|told|add|adds|added|write|writes|wrote|warn|warns|warned|explain|explains|"
    r"explained|argue|argues|argued|claim|claims|claimed|state|states|stated|insist|insists|insisted|announce|"
    r"announces|announced|declare|declares|declared|speak|speaks|spoke|ask|asks|asked)"
)


def _speaks(asked: set[str], quote: str) -> bool:
    """The asked speaker is in the quote, and not only as a modifier of something else ("the Biden
    administration's failure", inside what another speaker told): a speaking verb follows the name in the
    same phrase (up to a comma or a colon), or the name stands alone."""
    pieces = re.findall(r"[\w’'-]+|[,.:;“”\"()]", quote)
    for i, word in enumerate(pieces):
        if not (tx.terms(word) & asked or tx.fold(word) in asked):
            continue
        after = pieces[i + 1 : i + 13]
        phrase = after[: next((k for k, w in enumerate(after) if not w[:1].isalnum()), len(after))]
        if not phrase or phrase[0][:1].isupper() or any(_SPEAKING.fullmatch(w) for w in phrase):
            return True
    return False


_APPOSITIVE = 12  # words at most of "Ali Mir Asfandyar, postdoctoral fellow at Stanford University's …, told"


def _described(name: set[str], article: str) -> list[str]:
    """The words that describe a person wherever the article names them: the title run right before the name
    ("Stanford researcher Ali Mir Asfandyar", up to a function word) and an appositive set off by a comma
    right after it (", a prominent member of the team,"). Not the rest of the sentence: "Brenn spoke after
    Alder left" does not make Brenn Alder."""
    found: list[str] = []
    stop = tx.stopwords() - {"the", "a", "an"}
    for sentence in _sentences(article):
        words = sentence.split()
        for n, word in enumerate(words):
            if not tx.terms(word) & name:
                continue
            start = n
            while (
                start > max(0, n - 4)
                and tx.fold(words[start - 1]) not in stop
                and words[start - 1][-1:] not in ',;:.”"'
            ):
                start -= 1
            end = n + 1
            if word.endswith(","):  # an appositive, up to the comma that closes it
                while end < min(len(words), n + 1 + _APPOSITIVE):
                    end += 1
                    if words[end - 1][-1:] in ",;:.":
                        break
            found.append(" ".join(words[start:end]))
    return found


# How many more of the claim's asked words (those it shares with its question) one sentence beside the
# quote must hold than the quote itself, for the claim to be that sentence's statement and not the quote's.
# Fitted on eval/judge/tune.jsonl only: no true pair there leads by more than 2 (the quote names the answer,
# the next sentence says "flows west at Katwijk" of it); 6 false ones lead by 3 to 5 ("North
# Rhine-Westphalia" from "flows through North Rhine-Westphalia", where the sentence beside it says the banks
# are "heavily populated and industrialized") (bench/results/said-beside-fit-2026-12-06.txt).
BESIDE_LEAD = 3


def said_beside(claim: str, question: str, quotes: Sequence[str], context: Sequence[str]) -> str:
    """Why the quote is not what states the claim: a sentence beside it holds what the question asks (the
    claim's words that are the question's) and the quote does not, so the quote only shares the kind of
    answer. A near-miss question is written against one sentence, and its answer taken from the next."""
    asked = tx.terms(claim) & tx.terms(question)
    joined = " ".join(quotes)
    if not asked or len(context) < 2 or refers(joined) or _DEMONSTRATIVE.search(tx.fold(joined)):
        return ""  # a quote that refers back ("this promise") states its claim about the sentence beside
    held = len(asked & tx.terms(" ".join(quotes)))
    beside = max(context[1:], key=lambda s: len(asked & tx.terms(s)))
    if len(asked & tx.terms(beside)) - held < BESIDE_LEAD:
        return ""
    said = asked & tx.terms(beside) - tx.terms(" ".join(quotes))
    words = dict.fromkeys(w for w in tx.tokens(beside) if set(tx.stem_words([w])) & said)
    return f"the quote does not say this; the sentence beside it speaks of {', '.join(words)}"


_OPENING_PRONOUN = re.compile(r"^\W*(?:It|He|She|They|Its|His|Her|Their)\b")


def resolved(claim: str, quotes: Sequence[str], context: Sequence[str]) -> list[str]:
    """The quotes as the judge model reads them. A quote that opens by referring back ("The lake is
    situated in …", "It is the second-longest river …") does not name what the claim calls it; the rules
    have found that name in the sentences around (or turned the claim down), so the model is told it, in
    brackets ahead of the quote. A definite description only stands for a name with its noun ("The lake":
    "Lake Vetter")."""
    joined = " ".join(quotes)
    pointer = POINTER.match(joined)
    if not context or not (pointer or _OPENING_PRONOUN.match(joined)):
        return list(quotes)
    held = tx.terms(joined) | tx.acronyms(joined)
    missing = set(tx.names(claim)) - held
    runs = [
        re.sub(r"^The\s+", "", r)
        for r in dict.fromkeys(CAPITALISED.findall(claim))
        if set(tx.names(f"X {r}")) & missing
    ]
    if pointer:  # "The lake ..." stands for "Lake Vetter", not for a bridge the sentence before names
        head = pointer.group().split()[-1].casefold()
        runs = [r for r in runs if head in r.casefold().split()]
    if not runs:
        return list(quotes)
    return [f"[{', '.join(runs)}:] {quotes[0]}", *quotes[1:]]


def pointed_elsewhere(claim: str, quote: str, missing: Sequence[str], texts: Sequence[str]) -> str:
    """Why a quote that opens on a definite description ("The error was discovered in 2010") does not
    speak of a name the claim gives and the quote does not ("The Rhine was first discovered in 2010"):
    no sentence of the article or around it puts the name and the description's noun together, so the
    description points at something else. Empty when the claim speaks of that noun too, or a sentence
    does ("The Rhine is a European river" for "The river makes a turn")."""
    pointer = POINTER.match(quote)
    if pointer is None or not missing or not pointer.group().split()[0].endswith(("The", "the")):
        return ""
    word = tx.fold(pointer.group().split()[-1])
    head = tx.terms(word)
    if not head or head & tx.terms(claim) or not _noun_only(word):
        return ""  # "The largest branch", "The vast river": the description's noun comes later
    sentences = [tx.terms(s) | tx.acronyms(s) for text in texts for s in _sentences(text)]
    for name in missing:
        if not any(name in held and head <= held for held in sentences):
            return f"the quote’s “{pointer.group().strip()}” is not {name.capitalize()}"
    return ""


def _noun_only(word: str) -> bool:
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"NOUN"}


_WH = frozenset("which what who whom whose where when why how".split())


def described_names(question: str, quote: str) -> set[str]:
    """Names the question gives which a quote standing alone refers to by a common noun of the name itself:
    "the lake" for "Lake Constance". ("The country's" for the question's country was tried: on held-out pairs
    it let a claim through that put the relation on another party.)"""
    asked = set(tx.names(f"Q {question}"))
    folded = tx.fold(quote)
    found: set[str] = set()
    for phrase in CAPITALISED.findall(question):
        words = [w for w in phrase.split() if w.lower() not in _WH]
        if len(words) > 1 and any(
            re.search(rf"\bthe\s+{re.escape(tx.fold(w))}\b", folded) for w in words[1:] + words[:1]
        ):
            found |= set(tx.names(f"Q {phrase}"))
    return found & asked


# English words a dictionary of inflections (lemminflect: nouns, verbs, adjectives, adverbs) does not list: the
# closed classes that open sentences and are not stop words, and numbers written as words.
_CLOSED_CLASS = frozenset(
    "although though despite whereas while whilst among amongst amid amidst beside besides beyond toward towards "
    "upon within without throughout across along alongside around behind beneath underneath unlike via per "
    "since unless until till whether yet hence thus therefore moreover however meanwhile nonetheless "
    "notwithstanding thirty forty fifty sixty seventy eighty ninety".split()
)


def _english(word: str) -> bool:
    from lemminflect import getAllLemmas

    folded = word.lower()
    return folded in _CLOSED_CLASS or folded in tx.NUMBER_WORDS or bool(getAllLemmas(folded))


def opening_name(claim: str, article: str, context: Sequence[str] = ()) -> list[str]:
    """The claim's first word where the article shows it is a name: capitalised inside its sentences and
    never written in lower case ("Herodotus described …"; not "Rebels seized …"). `text.names` leaves a
    sentence's first word out, since it is capitalised for its place. A name the sentences around the quote
    give is one too: whether the quote's pronouns stand for it is checked with the other names."""
    first = re.match(r"\W*([A-Z][a-z][\w’'-]+)\b", claim)
    if not first or tx.fold(first.group(1)) in tx.stopwords():
        return []
    if re.search(rf"[a-z,;]\s+{re.escape(first.group(1))}\b", " ".join(context)):
        return tx.stem_words([tx.fold(first.group(1))])
    word = first.group(1)
    if word.isalpha() and not _english(word):  # "Herodotus described …": no English word, so a name
        return tx.stem_words([tx.fold(word)])
    if not article:
        return []
    inside = re.search(rf"[a-z,;]\s+{re.escape(word)}\b", article)
    if not inside or re.search(rf"\b{re.escape(word.lower())}\b", article):
        return []
    return tx.stem_words([tx.fold(word)])
