"""Where a question's subject ends and its predicate begins, by word classes alone (no tagger).

After an inverted auxiliary ("did the Vik council approve …", "were the Vik troops allies with …") the
claim is written with the subject first, so the words between the auxiliary and the verb must be told
apart: determiners, names and "of" belong to the subject; a participle, a verb's plain form after "did",
or a lowercase word before a determiner or preposition starts the predicate.
"""

from __future__ import annotations

import re

from .. import text as tx

# Verbs whose object follows "of" (a closed class of English): "consists of", "spoke of", "died of".
TAKES_OF = frozenset(
    "consist think speak approve dispose hear die smell tire beware despair complain know dream warn remind "
    "accuse convince rob deprive inform assure partake repent".split()
)

DO = frozenset(["do", "does", "did"])
AUX = frozenset("is are was were do does did has have had can could will would should may might must".split())
DET = frozenset("the a an this that these those its their his her our your my".split())
PREP = frozenset(
    "in on at of to for from by with into onto about as than after before since during until under over "
    "between through across against along around near within without".split()
)

# "how" before these asks for a measure (`asking.wants_span`, `claims.statement`): size, weight, heat, distance,
# time
MEASURES = frozenset(
    "long old far big large high tall deep wide heavy often fast much thick thin narrow short small low steep hot "
    "cold warm early late close".split()
)


def verb_follows(words: list[str]) -> bool:
    """After an auxiliary, a participle or a verb's -ing form ("were killed", "have been", "are living")
    starts the predicate: no subject stands between, so the question word's noun is the subject."""
    if len(words) > 1 and len(words[0]) > 4 and words[0].lower().endswith("ly"):
        words = words[1:]  # "were reportedly killed": an adverb before the participle
    if not words or words[0][:1].isupper():  # "did Fleming spend": a name, however it ends
        return False
    low = words[0].lower()
    return low in PARTICIPLES or low in {"been", "being"} or (low.endswith(("ed", "ing")) and len(low) > 4)


def object_gap(rest: str) -> bool:
    """ "which river is the Rhine near" / "what was the city called": the question word is an object
    (the sentence ends on a preposition or a participle)."""
    last = rest.split()[-1].lower()
    return last in PREP or last.endswith("ed") or last in PARTICIPLES


PARTICIPLES = frozenset(
    "built made known called found held given taken seen done written born sold won lost begun drawn shown "
    "grown thrown bought brought caught fought taught thought left kept led paid sent spent set put cut hit "
    "meant told understood stood run formed named located situated used based sunk shot struck stolen hurt "
    "hidden driven eaten fallen forgotten spoken chosen broken frozen beaten bitten ridden risen broadcast heard "
    "felt read fed met laid dug spread shut bound sought".split()
)


def split_subject(words: list[str], bare: bool = False, be: bool = False) -> tuple[list[str], list[str]]:
    """After an inverted auxiliary: the subject and what follows it ("the local people | call the
    islands"). Determiners, names and "of" belong to the subject; a lowercase word ends it when a name
    has just ended, or when a determiner, preposition, name or the end follows it (it is then the verb).
    `bare`: the auxiliary is "do"/"does"/"did" or a modal, whose verb is a plain form, so a participle or -ing form
    after a word does not make that word a noun ("did the Rhine stop being ...": "stop" is the verb).
    `be`: the auxiliary is a form of "be", after which no verb's plain form follows the subject ("were the
    Vik troops allies with": "troops" is the subject's; after "must", "the Taliban cut ties": "cut" is the
    verb)."""
    last = len(words) - (2 if len(words) > 2 and words[-1].lower() in PREP else 1)
    # ("are the Taliban only pretending that … be stopped": an -ing form after the subject is its verb)
    going = any(
        w.lower().endswith("ing") and len(w) > 4 and words[k].lower() not in DET for k, w in enumerate(words[1:last])
    )
    if be and last >= 2 and words[last][:1].islower() and verb_follows(words[last : last + 1]) and not going:
        # "is the parapet wall on the crest made of": after "be", a participle that only a preposition follows
        # closes the question, and all before it is the subject ("wall" before "on" is no verb here)
        return words[:last], words[last:]
    i = 0
    seen_name = seen_noun = after_of = False
    while i < len(words):
        word = words[i]
        low = word.lower()
        if low in DET and seen_name and not after_of:
            break  # "is Mehsud the leader of": a determiner after a name opens what the name is
        if low in DET or (low == "of" and (seen_name or seen_noun)) or low.endswith(("'s", "’s")):
            after_of = after_of or low == "of"
            i += 1
            continue
        if after_of and word[0].islower() and low not in AUX | PREP:
            # "two thirds of the Rhine", "the amount of forests": what "of" governs is the subject's too
            after_of = False
            i += 1
            continue
        after_of = False
        if i and words[i - 1].lower().endswith(("'s", "’s")) and word[:1].islower() and low not in AUX:
            seen_noun, i = True, i + 1  # "the east wing's walls at …": what a possessive owns is no verb
            continue
        if word[0].isupper() or word[0].isdigit():
            seen_name = True
            i += 1
            # "did Lübeck and (the) Hamburg council make": names joined by "and" are one subject
            joined = [w.lower() if w[:1].islower() else "N" for w in words[i : i + 3]]
            if joined[:2] in (["and", "N"], ["or", "N"]) or (
                joined[:1] == ["and"] and joined[1:2] and joined[1] in DET and joined[2:] == ["N"]
            ):
                i += 1 if joined[1] == "N" else 2
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        # "did the group stop being ...": after "did" the verb is plain and may take an -ing form as object
        gerund_object = bare and plain_verb(word) and nxt.lower().endswith("ing")
        if seen_name and noun_only(low) and nxt[:1].isupper():
            i += 1  # "did Quds Force commander Esmail Qaani visit": a title between names is the subject's
            continue
        if seen_name:
            # "the AQIS members targeted ...": a noun after the name when a participle follows it, or a
            # verb's plain form ("does the Vik canal run ...")
            # after "did", a word that is no plain verb before one that is ("did the Alpine orogeny cause");
            # after "were", a noun before another content word ("were the Vik troops allies with")
            follows = (
                (verb_follows(words[i + 1 : i + 3]) and not gerund_object)
                or (noun_only(low) and plain_verb(nxt))
                or (bare and not plain_verb(word) and plain_verb(nxt))
                or (be and noun(low) and nxt[:1].islower() and nxt.lower() not in PREP | AUX | DET)
            )
            if not low.endswith(("ed", "ing")) and follows and nxt.lower() != low:
                seen_noun = True
                i += 1
            break
        if bare and seen_noun and low in PREP - {"of"} and (end := _after_phrase(words, i + 1)):
            i = end  # "did the granite for the breakwater's core | come from": the phrase is the subject's
            break
        if seen_noun and (not nxt or nxt.lower() in (DET | PREP) - {"of"} or nxt[0].isupper() or gerund_object):
            break
        # after "did" or a modal the verb is a plain form: one that no other plain form follows ends the
        # subject ("will the guild | build next year"; "did the water level | fall": "level" is a noun here)
        # ("did the guild rule of 1412 fix": a word before "of" is a noun, which "of" goes on)
        of_noun = nxt.lower() == "of" and low not in TAKES_OF
        # ("did the seed exchange have partners": "have" and "do" are plain verbs after "did" too)
        if seen_noun and bare and _plain(word) and not _plain(nxt) and not of_noun:
            break
        seen_noun = True
        i += 1
    if i == len(words) and words and words[-1][0].islower() and object_gap(words[-1]):
        i = len(words) - 1  # "was X formed": the participle is the verb
    return words[:i], words[i:]


def _after_phrase(words: list[str], start: int) -> int | None:
    """Where the plain verb stands after a preposition's noun phrase, within a few words ("for the breakwater's
    core | come"): a plain form after a noun, not after a determiner, a preposition or a possessive."""
    for k in range(start, min(len(words), start + 5)):
        low, before = words[k].lower(), words[k - 1].lower()
        if low in AUX:
            return None
        if before.endswith(("'s", "’s")):
            continue  # what a possessive owns is no verb
        if words[k][:1].islower() and _plain(low) and not noun_only(low) and before not in DET | PREP:
            return k if noun(before) or words[k - 1][:1].isupper() else None
    return None


def noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word)


def noun_only(word: str) -> bool:
    """A noun that is no verb too ("canal", "fighters"; not "water", "change")."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"NOUN"}


def verb_only(word: str) -> bool:
    """A word known only as a verb ("took", "seize"; not "broken", "left", "power")."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"VERB"}


def _plain(word: str) -> bool:
    return plain_verb(word) or word in {"have", "do"}


def plain_verb(word: str) -> bool:
    """A verb's plain form, as after "does"/"did" ("run", "take"), lowercase."""
    from lemminflect import getAllLemmas

    low = word.lower()
    return word[:1].islower() and low not in PREP | DET | AUX and low in getAllLemmas(low).get("VERB", ())


def opening(sentence: str) -> str:
    """The sentence's opening words up to its first lowercase content word: its subject's names
    ("Al Qaeda and the Taliban are fighting ..." -> "Al Qaeda and the Taliban are")."""
    stop = tx.stopwords()
    words = sentence.split()
    for n, word in enumerate(words):
        bare = word.strip("\"“”‘’'()[],.;:!?")
        if n and bare[:1].islower() and bare.lower() not in stop:
            return " ".join(words[:n])
    return sentence


def finite_only(word: str) -> bool:
    """A past or present form that is nothing but a verb ("said", "wrote"): the verb after the subject."""
    from lemminflect import getAllInflections, getAllLemmas

    lemmas = getAllLemmas(word)
    if set(lemmas) != {"VERB"}:
        return False
    forms = getAllInflections(lemmas["VERB"][0], upos="VERB")
    return word in forms.get("VBD", ()) + forms.get("VBZ", ())


_RELATIVE_WORD = re.compile(r"that|which|who|whom|where", re.I)


def perfect_split(body: list[str]) -> tuple[list[str], list[str]] | None:
    """After "has"/"have"/"had": a name or a determiner's noun, then a participle ("has the group
    claimed", "has Yaqoob urged"), the subject and the rest; None when no participle follows one."""
    if len(body) < 3 or not (body[1][:1].isupper() or body[1].lower() in DET):
        return None
    for k in range(2, len(body)):
        if body[k][:1].islower() and body[k - 1].lower() not in DET and verb_follows(body[k:]):
            return body[1:k], body[k:]
    return None


def clause_in_subject(words: list[str]) -> tuple[list[str], list[str]] | None:
    """After "does"/"did", a subject holding a relative clause runs to the first plain verb after the
    clause's own (finite) verb: "the member who described an agenda | reside"."""
    low = [w.lower() for w in words]
    at = next((i for i, w in enumerate(low) if _RELATIVE_WORD.fullmatch(w.strip(",;"))), None)
    if at is None or at + 2 >= len(words):
        return None

    def main_verb(k: int) -> bool:  # "say" may be a noun, but not at the end or before its object
        last = k + 1 == len(words) or low[k + 1] in DET | PREP or words[k + 1][:1].isupper()
        return plain_verb(low[k]) and low[k - 1] not in DET and (not noun(low[k]) or last)

    end = next((k for k in range(at + 2, len(words)) if main_verb(k)), None)
    return (words[:end], words[end:]) if end else None


def relative_subject(words: list[str]) -> tuple[list[str], list[str]]:
    """A subject holding a relative clause, and the participle after it if any: "the bridge that crosses
    the river | built", but "the museum that Anna founded" (the clause's own verb) is all subject."""
    low = [w.lower() for w in words]
    at = next((i for i, w in enumerate(low) if _RELATIVE_WORD.fullmatch(w.strip(",;"))), None)
    if at is None:
        return words, []
    clause = low[at + 1 : -1]
    own_verb = any(w in PARTICIPLES or w in AUX or w.endswith(("s", "ed", "ing")) for w in clause)
    if own_verb and low[-1] not in PREP and object_gap(low[-1]):
        return words[:-1], words[-1:]
    return words, []


def predicate_follows(word: str) -> bool:
    """Whether a word after "who is" opens a predicate, not a name: an adverb, an adjective or a verb's
    participle ("who is often described as …", "who is known as …"; not "who is faiz hameed")."""
    from lemminflect import getAllLemmas

    if not word or word[:1].isupper():
        return False
    low = word.lower()
    lemmas = getAllLemmas(low)
    participle = "VERB" in lemmas and low not in lemmas["VERB"] and low.endswith(("ed", "n", "t"))
    return participle or bool(lemmas and set(lemmas) <= {"ADV", "ADJ"})
