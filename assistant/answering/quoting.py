"""Quoting first: an evidence sentence the judge finds answers the question is its own proof.

Candidates are the evidence sentences that hold the kind of thing asked for and enough of the question's
words. Each is put to the judge (`Judge.answers`: does it answer at all?), then, where a span can answer,
to `short.verify` (are the words that answer, put back into the question, a claim it supports?). A
sentence that fails the second check is only *about* the question: it is kept as the closest text, for a
refusal that shows it.

- A question a span answers gets the first verified sentence and its short answer: that sentence is the
  proof, and no second one is looked for (on the news files, judging more for a second quote cost 3.6 s
  p50 and never found one: bench/results/answer-timing-before-2026-12-04d.txt).
- A why/how question, or one about what was said, gets up to `EXTRACTIVE_SENTENCES` passages, whole. A
  passage is a sentence with the sentences of its paragraph it leans on (`passage`): news writing gives a
  reason in the sentence before "It will therefore …" or after "… said X.", and a sentence alone that
  points back or is continued is judged, and quoted, with them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass, field

from .. import text as tx
from ..schema import Citation, Evidence, Progress, ShortAnswer
from ..settings import Settings
from ..verification import asking, short
from ..verification import citations as cite
from ..verification.directives import form as directive_form
from ..verification.events import opposite_time, unsaid_event
from ..verification.judge import Judge
from ..verification.reference import POINTER, PRONOUN, asked_speaker, said_in, speaker_failure
from .plan import Plan

EXTRACTIVE_SENTENCES = 2  # quoted at most, without short answers
EXTRACTIVE_CANDIDATES = 4  # judged at most: the sentence that answers often shares few of the question's words
# Judged at most for a question a span answers. Candidates ranked with a full name counted once: of 193
# quoted span answers in the pool of nine committed eval runs (squad 80 and dev-120, both news files, own 1-5),
# 174 quote the first candidate (157 right), 11 the second (5 right), 5 the third (2 right) and 3 the
# fourth (none right): a fourth costs a refusal a model call or two and has only answered wrongly
# (bench/results/candidate-position-2026-12-05h.txt; the eleventh and twelfth sessions' runs).
SPAN_CANDIDATES = 3
# What a word of the question's scene counts for in the candidates' order, against a word of the asked
# clause (bench/candidate_order.py; bench/results/candidate-order-2026-12-07f.txt, dev sets only).
SCENE_WEIGHT = 0.5
# For a question no span answers: on 153 why/how questions of the news sets (public and own 1-14), the gold
# sentence is in no candidate pool at 0.3 for 47, among the four judged for 97; at 0.15, for 17 and 102
# (bench/results/reason-candidates-2026-12-06.txt).
REASON_MIN_OVERLAP = 0.15
PASSAGE_BEFORE = 2  # sentences a passage may reach back for, and forward:
PASSAGE_AFTER = 1  # a paragraph's reason is a sentence or two from its claim (bench/results/reason-position.txt)
# English words that make a sentence lean on the one before it: pronouns and demonstratives that open it,
# connectives, and "therefore"-like words anywhere (grammar, not any article's or question's wording).
_LEANS_BACK = re.compile(
    r"^\W*(?:he|she|it|they|this|that|these|those|such|its|their|his|her|however|but|and|so|yet|still|thus|"
    r"therefore|hence|instead|also|meanwhile|moreover|furthermore|nevertheless|nonetheless|indeed|then|"
    r"accordingly|consequently|likewise|similarly|otherwise)\b"
    # a preposition whose object is a pronoun: "Among them are …", "Of these, …"
    r"|^\W*(?:among|of|for|to|from|with|like|besides|including)\s+(?:them|these|those|it|this|that|him|her)\b"
    r"|\b(?:therefore|thus|hence|as a result|for (?:this|that) reason|that is why|because of (?:this|that))\b"
    # discourse markers whose other half is the sentence before: "In return, …", "To that end, …"
    r"|^\W*(?:in\s+(?:return|exchange|turn|response|addition|particular|other\s+words|short)|as\s+such|"
    r"to\s+(?:that|this)\s+end|additionally|specifically|even\s+so|on\s+the\s+other\s+hand|at\s+the\s+same\s+time|"
    r"after\s+(?:that|this))\b",
    re.IGNORECASE,
)


@dataclass
class Findings:
    """What quoting found besides the answer: its short answer, and the sentences only about the question."""

    short: ShortAnswer | None = None
    closest: list[tuple[Evidence, str]] = field(default_factory=list)


def candidates(question: str, evidence: list[Evidence], min_overlap: float) -> list[Evidence]:
    """The evidence sentences worth judging, most of the asked clause's words first."""
    asked = cite.main_clause(question)  # "When X spoke, what share ...": the share is what must be covered
    wanted = tx.terms(asked)
    if not wanted:
        return []
    # The kind check is cheap: a sentence without the kind of thing asked for does not take a place, nor
    # one that never names the event a time question asks about (the judge would turn it down after a
    # model call; `events.unsaid_event`).
    # A sentence that states what a what/which/who question is about may leave the answer to the next one,
    # which refers back ("Some key members want X. Among them are A and B."): the kind may stand there.
    follow = asking.wants_span(question) and not cite.is_lookup(question) and _asks_thing(asked)

    def kind_held(ev: Evidence) -> bool:
        unit = _with_follower(ev, evidence) if follow else [ev]
        return any(cite.answers_question(question, part.text) for part in unit)

    fitting = [ev for ev in evidence if kind_held(ev) and not unsaid_event(question, [ev.text])]
    # A full name is one thing asked about, however many words it has: "Noor Wali Mehsud" counts once, or
    # every sentence naming him in full outranks the one saying which network interviewed him. A part of
    # it counts for its share ("Taliban" is half of "the Pakistani Taliban"); ties go to more of the words.
    # ... a name the sentences retrieved write as one: "Yaqoob India" in a recased chat fragment is two
    written = set().union(*(tx.phrases(ev.text) for ev in fitting))
    runs = [
        run & wanted
        for run in tx.full_names(asked)
        if len(run & wanted) > 1 and any(pair in written for pair in itertools.permutations(run & wanted, 2))
    ]
    alone = wanted - set().union(*runs)
    named = set(tx.names(f"Q {asked}"))
    # A word every sentence retrieved holds (the article's own subject, "Rhine" in an article on the
    # Rhine) tells them apart less than one few hold: each word counts by its rarity among them (inverse
    # document frequency over the sentences retrieved; bench/results/candidate-order-2026-12-06.txt).
    held_by = {id(ev): held_terms(wanted, _with_referent(ev), named) for ev in fitting}
    weight = {t: math.log((len(fitting) + 1) / (1 + sum(t in h for h in held_by.values()))) for t in wanted}
    # The scene a question sets ("after the forces cracked down following the massacre") says where the
    # answer stands, though not what it is: its words count at a lower weight than the asked clause's.
    scene = tx.terms(question) - wanted
    scene_by = {id(ev): held_terms(scene, _with_referent(ev), set()) for ev in fitting}
    scene_weight = {t: math.log((len(fitting) + 1) / (1 + sum(t in h for h in scene_by.values()))) for t in scene}

    def shared(ev: Evidence) -> tuple[float, int]:
        held = held_by[id(ev)]
        score = sum(weight[t] for t in held & alone) + sum(
            sum(weight[t] for t in run & held) / len(run) for run in runs
        )
        score += SCENE_WEIGHT * sum(scene_weight[t] for t in scene_by[id(ev)])
        return -score, -len(held)

    scored = sorted(fitting, key=shared)
    # A sentence that tells someone what to say or do asserts nothing, so it is never its own proof
    # (an instruction the screen left as evidence is not quoted as the answer either).
    return [
        ev for ev in scored if len(held_by[id(ev)]) / len(wanted) >= min_overlap and directive_form(ev.text) == "news"
    ]


def _with_referent(ev: Evidence) -> str:
    """The sentence, and the names of the one before it when it opens by referring back ("The group had
    first been hired by X", "When Y went bankrupt, his share passed to X"): what it is about is named there."""
    if ev.index == 0 or not (POINTER.match(ev.text) or PRONOUN.search(tx.fold(ev.text[:60]))):
        return ev.text
    start, end = ev.article.spans[ev.index - 1]
    return " ".join([ev.text, *re.findall(r"\b[A-Z][\w'’-]*", ev.article.text[start:end])])


DERIVED = 6  # letters a stem must have to stand for the longer stems it opens ("recogn" for "recognit")


def held_terms(wanted: set[str], text: str, named: set[str]) -> set[str]:
    """The asked terms the text holds, a word built on the same stem included ("recognition" for
    "recognized": the stemmer leaves "recognit" and "recogn"); a name (`named`) only as written."""
    found = tx.terms(text)

    def derived(word: str) -> bool:
        return word not in named and any(tx.same_start(word, t) and min(len(word), len(t)) >= DERIVED for t in found)

    return {w for w in wanted if w in found or derived(w)}


def quote_answer(
    judge: Judge,
    settings: Settings,
    plan: Plan,
    evidence: list[Evidence],
    shown: Callable[[], None],
    found: Findings | None = None,
    spent: Callable[[], bool] = lambda: False,
) -> Generator[Progress, None, tuple[str, list[Citation]] | None]:
    """The answer quoted verbatim after the exact words that answer, or None when no sentence answers.
    `shown` is called before the first `Progress` that shows the user words; `found` receives the short
    answer and the closest sentences; once `spent()`, no further sentence is judged."""
    found = found if found is not None else Findings()
    question = plan.question
    spans = plan.span
    # A reason shares few of its question's words ("difficult … given sanctions" for "why would it be hard")
    overlap = settings.extract_min_overlap if spans else min(settings.extract_min_overlap, REASON_MIN_OVERLAP)
    pool = candidates(question, evidence, overlap)
    if not spans and pool:
        pool = _reason_after(pool, evidence)
    lookup = plan.lookup
    best: list[Evidence] = []
    passages = 0
    judged: set[tuple[tuple[str, int], ...]] = set()
    limit = SPAN_CANDIDATES if spans else EXTRACTIVE_CANDIDATES
    for n, ev in enumerate(pool[:limit], start=1):
        if passages >= EXTRACTIVE_SENTENCES or spent():
            break
        # A lookup ("what does X mean") is answered where X is named, never by a sentence referring back
        follow = spans and not lookup and _asks_thing(plan.asked)
        unit = _with_follower(ev, evidence) if follow else [ev] if spans else passage(ev, evidence)
        key = tuple((part.article.doc_id, part.index) for part in unit)
        if key in judged or all(part in best for part in unit):
            continue
        judged.add(key)
        # A passage that does not name what the question names, nor gives the words of whom it asks about,
        # is about something else (no model call needed; a span's claim meets the same checks in
        # `short.verify`)
        elsewhere = "" if spans else _not_about(judge, question, unit)
        if elsewhere:
            found.closest.append((ev, elsewhere))
            continue
        verdict = judge.answers(question, " ".join(part.text for part in unit))
        if not verdict.supported:
            continue
        if spans:
            # the words may stand in the sentence after, which refers back to this one ("However, the
            # breakdown of X raises questions about this promise")
            ev = next((part for part in unit if short.locate(verdict.words, part.text)), ev)
            unit = [ev]
            span, failure = short.verify(judge, question, ev, verdict.words, fragment=plan.fragment)
            if failure and lookup and not failure.startswith(short.NOT_ABOUT):
                span, failure = None, ""  # "etim?", "who is X": a sentence about what is named is the answer
            if failure:  # about the question, not an answer to it: the closest text, for the refusal
                found.closest.append((ev, failure))
                continue
            if span is not None and not best:  # the first verified sentence holds the short answer
                found.short = short.short_answer(ev, span, marker=1)
        best += [part for part in unit if part not in best]
        passages += 1
        if found.short is not None or len(unit) > 1:
            break  # the sentence holding the verified short answer, or a passage with its reason, is the proof
        if passages == 1 and n < min(len(pool), limit):  # more to judge: show what holds
            shown()
            text, citations = cite.quote_evidence(best)
            yield Progress(answer=text, citations=citations)
    if not best:
        return None
    text, citations = cite.quote_evidence(best, in_reading_order=False)
    if found.short is not None:  # the stream opens with the short answer too
        text = short.lead(found.short, text)
        shown()
        yield Progress(answer=text, citations=citations)
    return text, citations


def _not_about(judge: Judge, question: str, unit: list[Evidence]) -> str:
    """Why a passage cannot answer a why/how/what-was-said question: it gives another speaker's words, or a
    name, number or date the question gives is neither in it nor in the sentences around it."""
    text = " ".join(part.text for part in unit)
    missing = unmatched_names(judge, question, unit)
    other = opposite_time(question, text)  # "why … before sowing?" answered by what is done after it
    # "What did Florey remark …?": a passage that neither names the speaker nor says or quotes anything gives
    # no one's words
    speaker = asked_speaker(question)
    if speaker and not (tx.terms(speaker) & tx.terms(text) or said_in(text)):
        other = [*other, speaker]
    return speaker_failure(question, text, unit[0].article.text) or (
        f"{short.NOT_ABOUT} {', '.join(missing or other)}" if missing or other else ""
    )


def unmatched_names(judge: Judge, question: str, unit: list[Evidence]) -> list[str]:
    """The question's names, numbers and dates that neither the passage nor the sentences around it hold."""
    text, article = " ".join(part.text for part in unit), unit[0].article.text
    around = [*short.context(unit[0]), *short.context(unit[-1])]
    return short.unmatched(question, text, around, judge.aliases() if judge.aliases else None, article=article)


def _reason_after(pool: list[Evidence], evidence: list[Evidence]) -> list[Evidence]:
    """The pool with the sentence after its first one judged second: news writing states a claim, then its
    reason ("X called it the best situation. It can limit the flow of refugees ..."), and that sentence
    shares few of the question's words. On 29 why/how questions (public and own), the gold sentence is
    the best match for 15, and within two sentences of it for most of the rest (one after: 4, one before:
    3, two after: 7; bench/results/reason-position.txt)."""
    first = pool[0]

    def is_next(ev: Evidence) -> bool:
        return ev.article.doc_id == first.article.doc_id and ev.index == first.index + 1

    # Only a sentence retrieved and screened as evidence: the one after may be an instruction the screen
    # took out.
    following = next((ev for ev in evidence if is_next(ev)), None)
    if following is None or any(is_next(ev) for ev in pool[:2]) or directive_form(following.text) != "news":
        return pool
    return [first, following, *[ev for ev in pool[1:] if not is_next(ev)]]


_WH = re.compile(r"\b(how|when|where|why|what|which|who|whom|whose)\b(?:\s+(\w+))?", re.IGNORECASE)
_TIME_NOUNS = frozenset("year years century decade month day date time period era age season".split())


def _asks_thing(asked: str) -> bool:
    """Whether the question asks for a thing or an agent (what, which, who), not for when, where, how much
    or how long: a time, place or amount answers only in a sentence that names the event it belongs to
    (`events.unsaid_event`), and a sentence that refers back with "this" or "it" names none."""
    first = _WH.search(asked)
    if first is None or first.group(1).lower() not in {"what", "which", "who", "whom", "whose"}:
        return False
    return (first.group(2) or "").lower() not in _TIME_NOUNS


def _with_follower(ev: Evidence, evidence: list[Evidence]) -> list[Evidence]:
    """The sentence and, when the next sentence of its paragraph leans on it ("However, …", "This …"),
    that one too: a sentence that states what the question is about is often followed by the one that
    answers it in other words."""
    unit = passage(ev, evidence)
    start = unit.index(ev)
    return unit[start : start + 1 + PASSAGE_AFTER]


def passage(ev: Evidence, evidence: list[Evidence]) -> list[Evidence]:
    """The sentence with the sentences of its paragraph it leans on, in reading order: back while a sentence
    points back ("It will therefore …", "However, …"), forward while the next one does ("These are …").
    Only evidence sentences are taken: they were screened for instructions."""
    near = {e.index: e for e in evidence if e.article.doc_id == ev.article.doc_id and directive_form(e.text) == "news"}
    unit = [ev]
    while len(unit) <= PASSAGE_BEFORE and _LEANS_BACK.search(unit[0].text) and _joined(near, unit[0].index - 1):
        unit.insert(0, near[unit[0].index - 1])
    for _ in range(PASSAGE_AFTER):
        following = near.get(unit[-1].index + 1)
        if following is None or not _joined(near, unit[-1].index) or not _LEANS_BACK.search(following.text):
            break
        unit.append(following)
    return unit


def _joined(near: dict[int, Evidence], index: int) -> bool:
    """Whether sentence `index` is an evidence sentence in the same paragraph as the one after it (articles
    end a paragraph with a line break)."""
    if index not in near or index + 1 not in near:
        return False
    article = near[index].article
    return "\n" not in article.text[article.spans[index][1] : article.spans[index + 1][0]]
