"""Checks on a claim's structure that hold for any text: roles, counts, quantifiers, dates, direction, echoes.

A language model asked "does the quote state the claim?" is swayed by shared words: a claim that calls
someone the group's leader from a quote that makes him its founder, that swaps two counts ("12 dead, 5
injured" from "5 dead, 12 injured"), that reads "some of its members" as the group, or that gives the
question back as its own reason, shares nearly every word with its quote. Each check below compares one
structure of the claim with the same structure in the quotes and names what differs. None names an
entity; the word lists are closed grammatical or role classes of English, not wording from any claim.

`structure_failure` returns the first mismatch (a reason for a person) or "".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .. import text as tx
from ..months import MONTHS, months
from .agents import agent_mismatch
from .asides import unsaid_aside
from .attachment import (
    counted_member,
    kind_unsaid,
    misplaced_gloss,
    other_as_all,
    other_owner,
    other_possessor,
    part_for_whole,
    possessor_swapped,
)
from .causal import sole_cause, unstated_cause
from .counts import (
    count_mismatch,
    magnitude_mismatch,
    point_as_span,
    referring_counts,
    share_mismatch,
    year_as_count,
)
from .intent import aimed_only, unattained
from .kinds import other_kind
from .motion import motion_mismatch, source_for_recipient, taker_swapped
from .opposites import opposite_mismatch
from .quotations import words_of_another
from .roles import office_mismatch, rank_mismatch, role_mismatch, title_mismatch, unsaid_title
from .sequence import cause_after_effect
from .wording import (
    aspect_mismatch,
    between_mismatch,
    comparison_mismatch,
    direction_mismatch,
    extent_mismatch,
    modifier_mismatch,
    position_mismatch,
    superlative_mismatch,
)

# --- quantifiers ---------------------------------------------------------------------------------------

# How much of a group a quantifier takes: a claim may not take more of it than the quote does.
_RANK = {
    "one": 1,
    "few": 1,
    "some": 1,
    "several": 1,
    "part": 1,
    "minority": 1,
    "members": 1,
    "many": 2,
    "dozens": 2,
    "hundreds": 2,
    "thousands": 2,
    "much": 2,
    "most": 3,
    "majority": 3,
    "all": 4,
    "every": 4,
    "each": 4,
    "entire": 4,
    "whole": 4,
}
# Matched at every word (a lookahead), so that "some members of the Taliban" quantifies the members and,
# through "members of", the Taliban.
_QUANT = re.compile(
    r"(?=\b(one|few|some|several|part|minority|members|many|dozens|hundreds|thousands|much|most|majority|all|every|each|"
    r"entire|whole)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+|these\s+|those\s+)?"
    r"((?:[a-z][a-z\-'’]*\s+){0,2}[a-z][a-z\-'’]+))"
)


def _quantified_spans(text: str) -> list[tuple[str, list[str], tuple[int, int]]]:
    """Each quantifier in the folded text with the words of the group it takes, and the span they cover."""
    folded, stop = tx.fold(text), tx.stopwords()
    found = []
    for match in _QUANT.finditer(folded):
        if re.match(r"\d|(?:hundred|thousand|million|dozen)s?\b", folded[match.start(2) :]):
            continue  # "some 300 people", "several hundred people": a count, not a share
        if match.group(1) == "most" and folded[: match.start(1)].rstrip().endswith(("the", "one of")):
            continue  # "the most important cities": a superlative, not a share
        if match.group(1) in {"members", "part"} and not folded[match.end(1) :].lstrip().startswith("of "):
            continue  # "its members was the harbour": a share of a group only with "of"
        # the group's words: the leading run of words that are not function words, numbers or a
        # superlative's "most" ("some of the al qaeda fighters are ..." -> al, qaeda, fighters); a participle
        # after the first ends it ("members of AQIS working with": AQIS)
        words = [w for w in match.group(2).split() if w not in tx.NUMBER_WORDS and w != "most"]
        run = list(itertools.takewhile(lambda w: w not in stop, itertools.dropwhile(lambda w: w in stop, words)))
        run = run[:1] + list(itertools.takewhile(lambda w: not w.endswith(("ing", "ed")), run[1:]))
        found.append((match.group(1), run, (match.start(1), match.end(2))))
    return found


def _quantified(spans: list[tuple[str, list[str], tuple[int, int]]]) -> dict[str, int]:
    """Noun stem -> the largest share a quantifier gives it (4 for all), from `_quantified_spans`."""
    found: dict[str, int] = {}
    for word, run, _ in spans:
        for stem in tx.stem_words(run):
            found[stem] = max(found.get(stem, 0), _RANK[word])
    return found


def quantifier_mismatch(claim: str, quotes: str) -> str:
    """A claim about a whole group (or "most" of it) from a quote about part of it."""
    quoted = _quantified_spans(quotes)
    parts = _quantified(quoted)
    # "X is among the key members who …" counts X as one of them: a part, as the quote's "some key members"
    claimed = _quantified(_quantified_spans(re.sub(r"\bamong\b", "some of", claim, flags=re.I)))
    folded = list(tx.fold(quotes))
    for _, _, (start, end) in quoted:
        folded[start:end] = " " * (end - start)
    quote_terms = tx.terms("".join(folded))  # the quote's unquantified mentions
    for stem, rank in parts.items():
        if rank >= 4 or stem not in tx.terms(claim) or stem in quote_terms:
            continue
        if not _said_of(stem, claim, quotes, quoted):
            continue
        said = claimed.get(stem, _determined(claim, stem))
        if said > rank:
            return f"the quote speaks of part of the {stem}, the claim of more"
    return ""


# Where a clause of its own begins (a reason, a concession, a contrast): what it says is not said of the
# quantified group in the clause before it. Relative clauses ("who", "which") describe the group, so no.
_CLAUSE = re.compile(r";|\b(?:because|since|although|though|whereas|while)\b")


def _said_of(stem: str, claim: str, quotes: str, quoted: list[tuple[str, list[str], tuple[int, int]]]) -> bool:
    """Whether what the claim says of the group may be what the quote's quantified clause says of it. Not
    when that clause says something else of the group and the claim's words stand only in another clause:
    "most of the North Sea were dry land, because sea level was 120 m lower" gives part of the sea as dry
    land, and the whole fall in sea level."""
    folded = tx.fold(quotes)
    bounds = [0, *(m.start() for m in _CLAUSE.finditer(folded)), len(folded)]
    spans = list(itertools.pairwise(bounds))
    home = {
        n for n, (a, b) in enumerate(spans) for _, run, (x, _) in quoted if a <= x < b and stem in tx.stem_words(run)
    }
    group = set(tx.stem_words([w for _, run, _ in quoted for w in run]))
    said = tx.terms(claim) - group
    inside = set().union(*(tx.terms(folded[a:b]) for n, (a, b) in enumerate(spans) if n in home)) - group
    elsewhere = set().union(*(tx.terms(folded[a:b]) for n, (a, b) in enumerate(spans) if n not in home))
    return bool(said & inside) or not inside or not (said & elsewhere)


_WHOLE = frozenset("the its their his her our all every each entire whole".split())
_INCLUDE = frozenset("include includes included including".split())


def _determined(claim: str, stem: str) -> int:
    """How much of a group the claim takes when it names it without a quantifier: "the officials" or
    "its fighters" is the whole group (4); a bare plural ("officials said") is some of them (1)."""
    words, stop = re.findall(r"[\w'’-]+|[^\w\s]", tx.fold(claim)), tx.stopwords()
    for i, word in enumerate(words):
        if tx.stem_words([word])[0] != stem:
            continue
        # "the AQIS members" are members of it, as "members of AQIS" are, not the group whole
        following = itertools.takewhile(lambda w: w not in stop and w[0].isalnum(), words[i + 1 : i + 4])
        following = list(following)
        if {"member", "members"} & set(following):
            return 1
        if _INCLUDE & set(words[i + 1 : i + 6]):  # "the TTP's attacks on Pakistan include X": some of them
            return 1
        # "the Vik Guild's pilots": the group owns what the claim speaks of
        if any(re.search(r"['’]s?$", w) for w in [word, *following[:2]]) and not words[i].endswith("s'"):
            return 1
        # the determiner before the noun phrase ("the al qaeda fighters"), within its clause
        j = i - 1
        # a superlative's "most" is inside the noun phrase: "the most important cities" are all of them
        while (
            j >= 0 and i - j <= 3 and (words[j] not in stop or words[j] in {"most", "least"}) and words[j][0].isalnum()
        ):
            j -= 1
        if j >= 0 and words[j] in _WHOLE:
            return 4
        # "Taliban factions are opposed …" opening the claim: a plural in the present tense says it of the
        # kind, where the quote said it of "some" of them ("Council members met …" tells of some)
        if (
            j < 0
            and word.endswith("s")
            and _present(words[i + 1 : i + 2] or [""])
            and not _SAYING & {*words[i : i + 3]}
        ):
            return 2
    return 1


_SAYING = frozenset("say tell report believe think".split())


def _present(word: list[str]) -> bool:
    from lemminflect import getAllLemmas

    return word[0] in {"are", "remain", "have"} or word[0] in getAllLemmas(word[0]).get("VERB", ())


# --- dates -------------------------------------------------------------------------------------------

_MONTH = r"january|february|march|april|may|june|july|august|september|october|november|december"
_DAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SEASON = r"spring|summer|autumn|winter"
_DATE_WORD = re.compile(
    rf"\b(?:{_DAY}|{_SEASON})\b|\b(?:{_MONTH})\b(?=\s+\d|\s+of\b|,?\s+\d{{4}})|(?<=\bin\s)(?:{_MONTH})\b"
)
_RELATIVE = re.compile(r"\b(last|next|this|previous|coming|past|following)\s+(week|month|year|decade|century)\b")
# A year ("1990", "1990s", "AD 70", "70 BC"), a day or a month
_WHEN = r"(\d{3,4}s?|ad\s+\d{1,4}|\d{1,4}\s+(?:bc|bce|ad|ce)|\w+day|(?:" + _MONTH + r"))\b"
_BOUNDS = r"(before|after|until|since|by)"
_TIME_PREP = re.compile(rf"\b{_BOUNDS}\s+(?:the\s+)?(?:\w+\s+)?{_WHEN}")


def date_mismatch(claim: str, quotes: str) -> str:
    folded_claim, folded_quotes = tx.fold(claim), tx.fold(quotes)
    said = set(re.findall(r"[a-z]+", folded_quotes)) | {MONTHS[m - 1] for m in months(quotes)}  # "Aug. 31"
    said |= {_SEASONS[(m % 12) // 3 + k] for m in months(quotes) for k in (0, 2)}  # either hemisphere's
    missing = sorted(set(_DATE_WORD.findall(folded_claim)) - said)
    if missing:
        return f"date not in the quote: {', '.join(missing)}"
    given = set(_RELATIVE.findall(folded_quotes))
    for when, unit in _RELATIVE.findall(folded_claim):
        other = sorted(w for w, u in given if u == unit and w != when)
        if other and (when, unit) not in given:
            return f"the quote says {other[0]} {unit}, not {when} {unit}"
    quoted = {(p, t) for p, t in _TIME_PREP.findall(folded_quotes)}
    bounded = _TIME_PREP.findall(folded_claim)
    for prep, when in bounded:
        other = sorted(p for p, t in quoted if t == when and p != prep)
        if other and (prep, when) not in quoted:
            return f"the quote says {other[0]} {when}, not {prep} {when}"
    # "in AD 70" where the quote only says "until after AD 70": "after", "before" and "by" bound a date and
    # never name it, so a claim that puts something at that date says what the quote does not. ("Since X"
    # and "until X" are left alone: they name when something began or ended.)
    # "Until X" is the end of a state: what held until 1932 is not what was so (or became so) in 1932, unless
    # the claim itself speaks of the end ("the war ended in 1945" from "the war lasted until 1945").
    bounds = _OPEN_BOUNDS if set(tx.tokens(folded_claim)) & _SAYS_END else _OPEN_BOUNDS | {"until", "till"}
    for _, when in sorted(quoted):
        at = re.search(rf"(?:^|(\w+)\s+){re.escape(when)}\b", folded_claim)
        if not at or (at.group(1) or "in") not in _POINT or _unbounded(when, folded_quotes):
            continue
        phrase = re.search(rf"\b{_BOUNDS}\s+(?:the\s+)?(?:\w+\s+)?{re.escape(when)}\b", folded_quotes)
        nearest = [w for w in phrase.group(0).split() if w in bounds] if phrase else []
        if nearest:
            return f"the quote says {phrase.group(0)}, not {at.group(1) or 'at'} {when}"
    return ""


# A month's season, north of the equator (k = 0) or south of it (k = 2): "a summer holiday" in "August 1928"
_SEASONS = ("winter", "spring", "summer", "autumn") * 2
_POINT = frozenset("in on at during".split())
_OPEN_BOUNDS = frozenset("after before by".split())
_SAYS_END = frozenset(
    "end ended ends ending stop stopped stops cease ceased finish finished last lasted lasts until till".split()
)


def _unbounded(when: str, quotes: str) -> bool:
    """Whether the quotes also give the date without a bound before it, or say what happened at it ("lost
    until 1987, when they were found")."""
    for found in re.finditer(rf"\b{re.escape(when)}\b", quotes):
        if re.search(r"\b(?:until|till)\s+(?:\w+\s+)?$", quotes[: found.start()]) and re.match(
            r"\s*,?\s*when\b", quotes[found.end() :]
        ):
            return True
        clause = re.split(r"[,;.:]", quotes[: found.start()])[-1].split()
        bound = [w for w in clause[-3:] if re.fullmatch(_BOUNDS, w)]
        if not bound or (bound == ["until"] and {"not", "never", "no"} & set(clause)) or "n't" in " ".join(clause):
            return True
    return False


# --- echoes -----------------------------------------------------------------------------------------------

_REASON = re.compile(
    r"\b(?:because(?:\s+of)?|since|due\s+to|so\s+that|in\s+order\s+to|as\s+a\s+result\s+of|owing\s+to)\b"
)
# Words that give a reason without content ("because they wanted to", "for that reason").
_EMPTY_REASON = frozenset(
    tx.stem_words(
        "want wanted wants wish wished decide decided decides chose choose reason reasons purpose aim intend "
        "intended need needed needs so thing things way it this that difficult hard easy impossible".split()
    )
)
_POINTS_BACK = re.compile(r"\b(?:the\s+(?:two|three)|both(?:\s+the)?|these|those)\s+[a-z]+")


def reason_echo(question: str, claim: str) -> str:
    """A claim whose reason only restates the question or the claim itself."""
    match = _REASON.search(tx.fold(claim))
    if not match or _REASON.search(tx.fold(question)):
        return ""  # a reason the question gives ("what grew because of X?") is its premise, not the answer
    head, reason = tx.fold(claim)[: match.start()], tx.fold(claim)[match.end() :]
    # "because the two groups are difficult to separate": "the two groups" points back, "difficult" judges
    reason = _POINTS_BACK.sub(" ", reason)
    reason_terms = tx.terms(reason) - _EMPTY_REASON
    known = tx.terms(head) | tx.terms(question)
    near = {r for r in reason_terms if not any(min(len(r), len(k)) >= 4 and (r[:4] == k[:4]) for k in known)}
    if not near:
        return "gives the question or itself back as its reason"
    return ""


# A count given by its order of magnitude ("dozens of them"): the quote must give one in that range, or
# the same word ("hundreds", "several hundred").
_SPAN_STEMS = frozenset(tx.stem_words(["decade", "decades", "century", "centuries", "dozen", "dozens", "answer"]))


def adds_nothing(question: str, claim: str, quote: str) -> str:
    """A claim whose words beyond the question's are none of the quote's: the question given back in words
    of its own ("X backfired for the reasons that made it go wrong", "it said what it had to say")."""
    asked = tx.terms(question)
    quoted = tx.terms(quote) | tx.acronyms(quote)
    # "seventeen wounded" from "17 were injured" adds a count the quote gives; "the two sides" only points back
    if (tx.numbers(claim) & tx.numbers(quote)) - tx.numbers(question) - referring_counts(claim, quote):
        return ""
    # numbers, in digits or as spans ("two decades"), were matched against the quote before
    new = {t for t in tx.terms(claim) - asked - _SPAN_STEMS if not t.isdigit() and not any(_akin(t, a) for a in asked)}
    if asked and new and not any(_akin(t, q) for t in new for q in quoted):
        return "adds nothing the quote says to the question"
    return ""


def _akin(a: str, b: str) -> bool:
    """One word's stem, or one's start the other's ("negotiat" / "negotiator"), or one inside the other."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long.startswith(short[:4])) or (len(short) >= 5 and short in long)


def structure_failure(claim: str, quotes: Sequence[str], question: str = "") -> str:
    joined = " ".join(quotes)
    checks = (
        role_mismatch,
        office_mismatch,
        rank_mismatch,
        title_mismatch,
        words_of_another,
        count_mismatch,
        year_as_count,
        share_mismatch,
        other_owner,
        other_possessor,
        possessor_swapped,
        counted_member,
        magnitude_mismatch,
        point_as_span,
        quantifier_mismatch,
        part_for_whole,
        other_as_all,
        other_kind,
        date_mismatch,
        opposite_mismatch,
        direction_mismatch,
        motion_mismatch,
        source_for_recipient,
        taker_swapped,
        agent_mismatch,
        misplaced_gloss,
        position_mismatch,
        between_mismatch,
        aspect_mismatch,
        comparison_mismatch,
        superlative_mismatch,
        modifier_mismatch,
        cause_after_effect,
        unstated_cause,
        sole_cause,
        unattained,
        kind_unsaid,  # after the checks that name what the quote calls it instead
        aimed_only,
        unsaid_aside,
        unsaid_title,  # last: a claim that adds a title is turned down for what it adds first
    )
    for check in checks:
        failure = check(claim, joined)
        if failure:
            return failure
    return (
        extent_mismatch(question, claim, joined)
        or reason_echo(question, claim)
        or adds_nothing(question, claim, joined)
    )
