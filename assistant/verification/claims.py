"""A question and the words that answer it, written as one declarative claim the judge can check.

"What captured the Vosges Mountains?" + "the Rhine" -> "The Rhine captured the Vosges Mountains." The
judge is at its best on claims; a question with a candidate answer beside it invites it to pass any
sentence that holds the answer's words. The rewrite is syntactic and general (question word, auxiliary,
the subject's extent), never tied to a topic. Where it cannot place the answer it says so plainly:
"The answer to "<question>" is <answer>."
"""

from __future__ import annotations

import itertools
import re

from .. import text as tx
from .roles import QUALIFIERS, ROLE_FAMILIES
from .subjects import (
    AUX,
    DET,
    DO,
    MEASURES,
    PREP,
    clause_in_subject,
    finite_only,
    noun_only,
    object_gap,
    perfect_split,
    relative_subject,
    split_subject,
    verb_follows,
    verb_only,
)

_LEAD_PREP = re.compile(
    r"^(?P<prep>in|on|at|by|for|from|to|during|after|before|since|of|with|under)\s+"
    r"(?=(?:what|which|whom|whose|how\s+many)\b)",
    re.I,
)
# "how long/old/far..." asks for a measure: the answer takes the adjective's place.
_WH = re.compile(
    r"^(?P<wh>how\s+(?:many|much)(?:\s+(?!(?:"
    + "|".join(AUX)
    + r")\b)[\w\-']+){0,1}|how\s+(?:"
    + "|".join(MEASURES)
    + r")|who|whom|what|which|when|where|whose)\b\s*(?P<rest>.*)$",
    re.I,
)
_HEDGE = re.compile(
    r"^(?:roughly|approximately|about|around|exactly|nearly|precisely|and|but|so)\s+(?=(?:what|which|who|when|where|how)\b)",
    re.I,
)
_ROLES = frozenset().union(*ROLE_FAMILIES.values())
_BE = frozenset("is are was were".split())
_PERFECT = frozenset("has have had".split())
_MODALS = frozenset("can could will would should may might must".split())
_COMPARATIVE = re.compile(r"^(?:[a-z]{2,}er|more|less|fewer)$", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where)\b", re.I)
_DAYLIKE = re.compile(r"\b(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b")


MENTION = 'The answer to "'  # how a claim that could not place its answer opens: it quotes the question
MODEL_UNSUPPORTED = "the judge model finds it unsupported"  # how the judge says the rules let a claim through


def mentions_question(claim: str) -> bool:
    """Whether the claim quotes its question instead of stating it: the quoted words assert no relation
    between them (a chat fragment lists words in any order)."""
    return claim.startswith(MENTION)


def named_acts(claim: str) -> set[str]:
    """Stems of the acts a claim names, not asserts: an -ing form after a preposition ("the penalty of
    expelling a town" says no town was expelled)."""
    return tx.terms(" ".join(re.findall(rf"\b(?:{'|'.join(PREP)})\s+([a-z]{{3,}}ing)\b", tx.fold(claim))))


def statement(question: str, answer: str) -> str:
    """The question with `answer` in place of what it asks for, as a sentence."""
    q = " ".join(question.split()).rstrip(" ?.!")
    whole = q
    # "Besides X and Y, where else is Z?": what is set aside is the question's premise ("Z is in <answer>")
    q = _ELSE.sub(r"\1", _BESIDES.sub("", q))
    # "What, according to X, did Y do?": whose account it is closes the claim
    account = ACCOUNT_INSIDE.match(q)
    q = f"{account.group(1)} {q[account.end() :]}" if account else q
    if (bridged := _BRIDGE.match(q)) and answer.strip():  # "How many X does Y estimate have Z?": "Y estimates …"
        g, said = bridged.groupdict(), " ".join(answer.split())
        return f"{g['subject'][0].upper()}{g['subject'][1:]} {g['aux']} {g['verb']} {said} {g['noun']} {g['rest']}."
    if (by_whom := _ACCORDING_TO_WHOM.match(q)) and answer.strip():  # "According to A, X is Y"
        body = by_whom.group(1).split()
        first = body[0].lower() if body else ""
        bare, be = first in DO | _MODALS, first in _BE
        subject, verb = split_subject(body[1:], bare=bare, be=be) if first in AUX else ([], [])
        if subject and verb:
            return f"According to {' '.join(answer.split())}, {' '.join([*subject, body[0], *verb])}."
    # "After 1935, who would ...?": a leading phrase that sets the scene closes the claim, as does whose
    # account it is ("According to X, how many …?")
    scene = _SCENE.match(q) or _ACCOUNT_LEAD.match(q)
    if scene:
        q = q[scene.end() :]
    q = re.sub(r"^(what|who|where|when|how|which)['’]s\b", r"\1 is", q, flags=re.I)  # "What's" -> "What is"
    q = _HEDGE.sub("", q)  # "roughly what share ...": the hedge qualifies the answer, not the claim
    q = _NAMING.sub("", q)  # "what is the rock called that ...": the rock that ... is the answer
    if called := _CALLED.match(q):  # "What is the last city on the river called?": "The last city … is called X"
        return f"{called.group(2)[0].upper()}{called.group(2)[1:]} {called.group(1)} {called.group(3)} {answer}."
    answer = " ".join(answer.split()).strip(" .,;:")
    if re.match(r"^\W*whose\b", q, re.I) and not re.search(r"['’]s?$", answer):  # "Whose money …?": X's money
        answer = f"{answer}'s"
    placed = (_place(q, answer) or _in_place(q, answer) or _named_by(q, answer)) if q and answer else ""
    if not placed:
        return f'{MENTION}{whole}?" is {answer}.'
    placed = placed[0].upper() + placed[1:]
    if account:
        placed = f"{placed.rstrip('.')}, {account.group(0).split(',', 1)[1].strip(' ,')}"
    if scene:
        joint = "," if scene.re is _ACCOUNT_LEAD else ""
        placed = f"{placed.rstrip('.')}{joint} {scene.group(1)[0].lower()}{scene.group(1)[1:]}"
    return placed if placed.endswith((".", "!", "?")) else placed + "."


# English verbs that take two objects, one of which stays after the passive ("X was given a medal").
_TWO_OBJECTS = frozenset("give award offer grant pay send show teach tell lend promise deny hand sell owe".split())


# English verbs whose object comes before "of" ("accuse X of Y", "warn X of Y").
_THEN_OF = frozenset("accuse convict suspect inform remind rob warn notify deprive acquit clear".split())


def _lemma(word: str) -> str:
    from lemminflect import getLemma

    return getLemma(word.lower(), upos="VERB")[0]


_SUBORDINATE = frozenset("as when while because if once though although unless whenever".split())
_ACCORDING_TO_WHOM = re.compile(r"^according\s+to\s+(?:whom|who)\s+(.+)$", re.I)
_BESIDES = re.compile(
    r"^(?:besides|apart\s+from|aside\s+from|other\s+than|except\s+for|in\s+addition\s+to)\s+[^,]+,\s*", re.I
)
_SCENE = re.compile(
    r"^((?:in|on|at|after|before|since|until|by|during|from)\s+[^,]{1,40}),\s*"
    r"(?=(?:what|which|who|whom|whose|when|where|how)\b)",
    re.I,
)
_ACCOUNT_LEAD = re.compile(
    r"^(according\s+to\s+[^,?]{1,80}),\s*(?=(?:what|which|who|whom|whose|when|where|how)\b)", re.I
)
_CALLED = re.compile(r"^(?:what|who)\s+(is|are|was|were)\s+(.+?)\s+(called|named|known\s+as)$", re.I)
# "What, according to X, did Y …?": the account set inside, after the question word (`asking.wants_span` too)
ACCOUNT_INSIDE = re.compile(r"^(\W*\w+)\s*,\s*according\s+to\s+[^,?]{1,80},\s*", re.I)
# "How many fighters does X estimate have pledged …?": a verb of saying or thinking that bridges to the clause
_BRIDGE = re.compile(
    r"^how\s+many\s+(?P<noun>.+?)\s+(?P<aux>do|does|did)\s+(?P<subject>.+?)\s+(?P<verb>estimate|think|believe|say|"
    r"report|claim|expect|fear|suspect)\s+(?P<rest>(?:have|has|had|are|is|were|was|will|would)\b.*)$",
    re.I,
)
_ELSE = re.compile(r"^(what|who|whom|where|which|when|how)\s+else\b", re.I)
_NAMING = re.compile(r"\b(?:called|named|known\s+as)\s+(?=(?:that|which|who|where)\b)", re.I)
# "what share of X" / "what number of X": answers that are a share or a count of X, not X itself.
_SHARES = frozenset("share percentage percent proportion fraction".split())
_COUNTS = frozenset(["number"])
_TIME_NOUNS = frozenset("year years century decade period month date day time era age season".split())
_KIND = re.compile(r"^(?:kind|type|sort|form)\s+of\s+(.+)$", re.I)


def _place(q: str, answer: str) -> str:
    prep = ""
    lead = _LEAD_PREP.match(q)
    if lead:
        prep, q = lead.group("prep").lower(), q[lead.end() :]
    match = _WH.match(q)
    if not match:
        return ""
    wh, rest = match.group("wh"), match.group("rest").strip()
    words = wh.split()
    head = words[0].lower()
    measure = head == "how" and words[1].lower() in MEASURES and words[1].lower() != "much"
    noun = " ".join(words[2:]) if head == "how" else ""  # "how many people": travels with the answer
    split = rest.split()
    at = next((k for k, w in enumerate(split[:4]) if w.lower() in AUX), None) if noun else None
    if at and at + 1 < len(split) and (split[at + 1][:1].isupper() or split[at + 1].lower() in DET):
        # "how many displaced Afghans has Pakistan taken in": the noun runs to the inverted auxiliary
        noun, rest = " ".join([noun, *split[:at]]), " ".join(split[at:])
    if head in {"what", "which"} and rest:
        noun, rest = _noun_run(rest)
        if noun.split() and noun.split()[-1].lower() in _TIME_NOUNS:
            prep = prep or "in"
        after = rest.split()
        # "which admiral was killed", "which agency has been watching": the subject, no object gap
        passive = bool(after) and after[0].lower() in AUX and verb_follows(after[1:])
        # "which German-born biochemist": a name-like modifier the answer's sentence must bear out too
        kind = len(noun.split()) > 1 and noun[:1].isupper() and noun.split()[-1][:1].islower() and noun[-1:] != "s"
        if (_ROLES & set(noun.lower().split()) or kind) and rest and (after[0].lower() not in AUX or passive):
            # "Which former member of X said Y?": the role stays beside the answer, for the judge to check
            described, verb = split_subject(rest.split())
            if verb and described and described[0].lower() == "of":
                return f"{answer}, {noun} {' '.join(described)}, {' '.join(verb)}"
            if verb or ((kind or passive) and after[0].lower() != "of"):
                return f"{answer}, {noun}, {rest}"
        if kind and rest and after[0].lower() in AUX - _BE and not answer.lower().endswith(noun.split()[-1].lower()):
            answer = f"the {noun} {answer}"  # "which Syrian town did X visit": "X did visit the Syrian town Y"
    if not rest:
        return ""
    if head in {"what", "which"} and " of " in f" {noun} ":
        # the answer stands for the whole phrase ("what kind of rock": "slate"), but a share keeps what it
        # is a share of ("40% of the vote") and a count what it counts ("six people")
        kind, governed = noun.split(" of ", 1)
        if kind.lower() in _SHARES:
            answer = f"{answer} of {governed}"
        elif kind.lower() in _COUNTS and not answer.lower().endswith(governed.split()[-1].lower()):
            answer = f"{answer} {' '.join(w for w in governed.split() if w.lower() not in DET)}"
    if head == "how" and noun and not answer.lower().endswith(noun.split()[-1].lower()):
        answer = f"{answer} {noun}"
    if head == "when":
        prep = prep or ("on" if _DAYLIKE.search(answer) else "in")
    first = rest.split()[0].lower()
    body = rest.split()
    if head == "where":
        prep = prep or ("" if body[-1].lower() in PREP else "in")
    if body[-1].lower() in PREP or answer.split()[0].lower() in PREP:
        prep = ""  # "X branches off near Arnhem", not "in near Arnhem"
    target = f"{prep} {answer}".strip()
    if first in AUX and len(body) > 2 and body[1].lower() == "there":  # "was there a plan": "there was a plan"
        return " ".join(["there", body[0], *body[2:], target])
    # "who would be forbidden ...": a modal before "be"/"have" is the subject's own verb, not inverted
    modal_verb = first in _MODALS and len(body) > 1 and body[1].lower() in {"be", "have", "not", "never"}
    inverted = first in AUX and not (
        head in {"who", "what", "which", "how"}
        and not measure
        and (first in {"is", "are", "was", "were", "has", "have", "had"} or modal_verb)
        and not (object_gap(rest) and not _RELATIVE.search(rest))  # a relative clause's gap is its own
        and not (head == "how" and noun)
    )
    if noun and (first not in AUX or verb_follows(body[1:])) and (head == "how" or first in AUX):
        inverted = False  # "how many people were killed", "which bridge was closed": the noun is the subject
    if noun.split() and noun.split()[-1].lower() in _TIME_NOUNS and first in _BE and not verb_follows(body[1:]):
        # "What year was X captured and jailed in Y?": a time is no subject; the participle is the subject's
        inverted = inverted or any(verb_follows([w]) for w in body[2:])
    # "Which government has Yaqoob urged … to train?": a subject, then a participle, is the perfect
    # "Who did the first full analysis of X?": "did" with a noun phrase and no verb after it is the main verb
    phrase = list(itertools.takewhile(lambda w: w.lower() not in PREP, body[1:]))
    if head in {"who", "what"} and not noun and first in DO and phrase and phrase[0].lower() in DET:
        inverted = inverted and not (noun_only(phrase[-1].lower()) and not any(verb_only(w.lower()) for w in phrase))
    # "What honour was X given for …?": a subject, then a participle, after "was" is a passive whose object asked
    passive = first in _BE and head in {"what", "which"} and bool(noun)
    perfect = perfect_split(body) if first in _PERFECT or passive else None
    if passive and first not in _PERFECT and perfect and _lemma(perfect[1][0]) not in _TWO_OBJECTS:
        perfect = None  # "was the wagon targeted in … helping": a passive of one object leaves none to ask
    inverted = inverted or perfect is not None
    if not inverted:
        if head in {"when", "where"} or measure:
            return ""
        kind = _KIND.match(noun) if first in _BE and len(body) > 1 and not verb_follows(body[1:]) else None
        if kind:  # "What type of delta is X?" -> "X is a tidal delta": the answer is a kind of the noun
            named = kind.group(1)
            sort = answer if answer.lower().endswith(named.split()[-1].lower()) else f"{answer} {named}"
            return f"{' '.join(body[1:])} {body[0]} {sort}"
        if lead is None and prep == "in" and target.startswith("in "):
            target = answer  # "What period closed X?": the period is the subject, not when something happened
        return f"{target} {rest}"  # the question word is the subject: "What captured X?" -> "A captured X."
    subject, verb = perfect or split_subject(body[1:], bare=first in DO | _MODALS, be=first in _BE)
    if first in DO and _RELATIVE.search(rest):
        subject, verb = clause_in_subject(body[1:]) or (subject, verb)
    if head == "how" and _COMPARATIVE.match(noun) and target.endswith(noun):
        # "How much lower was X in Y than Z?": the difference stands before the rest of the comparison
        return " ".join([*subject, body[0], target, *verb]).strip()
    if first in _BE and _RELATIVE.search(rest):
        # "When was the work that changed X built?", "How long is the part that turns?": the clause is the subject's
        subject, verb = relative_subject(body[1:])
        return " ".join([*subject, body[0], *verb, target]).strip()
    if first in _BE and verb and not verb_follows(verb) and not object_gap(" ".join(verb)):
        if verb[0].lower() in PREP:  # "How wide is the Rhine in Germany?": the answer before the phrase
            return " ".join([*subject, body[0], target, *verb]).strip()
        # "the Rhine basin": no verb follows "is", all is subject ("fully within X" is what the subject is)
        noun = not verb[0].lower().endswith("ly") and (len(verb) == 1 or verb[1].lower() not in PREP - {"of", "by"})
        if (head in {"when", "where"} or measure) and noun:
            return " ".join([*subject, *verb, body[0], target]).strip()
    if (
        (first in DO or perfect)
        and len(verb) > 2
        and verb[-1].lower() not in PREP
        and (verb[1].lower() in PREP - {"to", "of"} or (verb[1].lower() == "of" and _lemma(verb[0]) in _THEN_OF))
    ):
        # "What did X find near the dam in 1990?": the object's gap is after the verb, before its adjuncts;
        # "What does X turn into as Y subsides?": a preposition with no object of its own takes the answer
        at = 2 if verb[2].lower() in PREP | _SUBORDINATE else 1
        return " ".join([*subject, body[0], *verb[:at], target, *verb[at:]]).strip()
    return " ".join([*subject, body[0], *verb, target]).strip()


# "X happened in 1990, and Y since when?": the question word stands where the answer goes.
_IN_SITU = re.compile(r"^(?P<before>.+?)\s+(?P<wh>when|where|who|whom|(?:what|which)(?:\s+[a-z]+){0,2})$", re.I)
# "what (other) river" after a coordinator or a preposition, in a question that keeps its statement's order
_MID_SITU = re.compile(
    r"\b(?:and|or|between|than|of|to|from|with|by|in|on|at|into|as)\s+(?P<wh>(?:what|which)\s+(?:other\s+)?[a-z]+)\b"
)


def _in_place(q: str, answer: str) -> str:
    """A question that keeps its question word at the end ("... than in any year since when?"): the
    answer takes the question word's place, with "in" for a time or place when no preposition precedes it."""
    if _WH.match(q) or q.split()[0].lower() in AUX:
        return ""
    match = _IN_SITU.match(q)
    if match is None:
        # "X and what other river were accepted as …": the question word's phrase stands mid-sentence
        inside = _MID_SITU.search(q)
        return f"{q[: inside.start('wh')]}{answer}{q[inside.end('wh') :]}" if inside else ""
    if len(match.group("before").split()) < 2:
        return ""
    before, wh = match.group("before").rstrip(), match.group("wh").lower()
    needs_prep = wh in {"when", "where"} and (before.split()[-1].lower() not in PREP)
    return f"{before} {'in ' if needs_prep else ''}{answer}"


def _named_by(q: str, answer: str) -> str:
    """A chat fragment that only names what it asks for ("ttp founder", "karachi attack casualties"): the
    answer is what the noun phrase names. Not a fragment with a question word, an auxiliary, a
    preposition or a verb."""
    from lemminflect import getAllLemmas

    words = q.split()
    if not 1 < len(words) <= 5 or _WH.match(q) or _IN_SITU.match(q):
        return ""
    if any(w.lower() in AUX | PREP for w in words):
        return ""  # "mehsud on the withdrawal": what was said on it, not what the phrase names
    if any(_inflected_verb(w.lower(), getAllLemmas(w.lower())) or w.lower() in {"why", "how"} for w in words):
        return ""
    if "NOUN" not in getAllLemmas(words[-1].lower()):
        return ""
    return f"{q} is {answer}" if not words[-1].lower().endswith("s") else f"{q} are {answer}"


def _inflected_verb(word: str, lemmas: dict[str, tuple[str, ...]]) -> bool:
    """A verb and only a verb, in a form of its own ("took", "captured"; not "dam", which may be a noun)."""
    return set(lemmas) == {"VERB"} and word not in lemmas["VERB"]


def _noun_run(rest: str) -> tuple[str, str]:
    """The noun right after "what"/"which" ("what river is ..."): names, or one lowercase noun when an
    auxiliary or another lowercase verb follows it ("what rive joins"); "what flows between" has none."""
    words = rest.split()
    taken: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        # a name may run long before its noun ("which Pakistani Foreign Ministry spokesman said")
        if low in AUX or low in PREP or len(taken) >= 5:
            break
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if low in _TIME_NOUNS and nxt.lower() == "and" and i + 2 < len(words) and words[i + 2].lower() in _TIME_NOUNS:
            taken += words[i : i + 3]  # "what month and year": one time asked in two parts
            break
        if low in QUALIFIERS and nxt[:1].islower():  # "which former member": the qualifier and its role
            taken.append(word)
            continue
        if nxt.lower() == "of" and word[0].islower():
            if low in _ROLES:  # "which former member of X said": the role stays beside the answer (`_place`)
                taken.append(word)
                break
            return _of_phrase(words, i)  # "what share of the vote", "what kind of rock"
        if word[0].isupper():
            taken.append(word)
            continue
        after = words[i + 2].lower() if i + 2 < len(words) else ""
        if nxt[:1].islower() and (after in AUX or finite_only(after)) and nxt.lower() not in DET | PREP | AUX:
            taken += [word, nxt]  # "which think tank is", "which Pakistani prime minister said": a compound noun
            break
        noun_like = nxt and (
            nxt.lower() in AUX or (nxt[0].islower() and nxt.lower() not in DET | PREP and not low.endswith("ed"))
        )
        if noun_like:
            taken.append(word)
        break
    after = words[len(taken) :]
    if taken and after and verb_follows(after[:1]):  # "what substance needed for X does Y lower": all before "does"
        taken += after[: next((k for k, w in enumerate(after) if w.lower() in DO), 0)]
    return " ".join(taken), " ".join(words[len(taken) :])


def _of_phrase(words: list[str], at: int) -> tuple[str, str]:
    """ "what share of the vote did ...": the noun with what "of" governs (determiners, then names or one
    lowercase noun), and the rest of the question, which then opens on its verb or auxiliary."""
    end = at + 2
    while end < len(words) and words[end].lower() in DET:
        end += 1
    names = 0
    while end < len(words) and words[end][:1].isupper():
        end, names = end + 1, names + 1
    if not names and end < len(words) and words[end].lower() not in AUX | PREP:
        end += 1
        # "what proportions of copper and tin did …": two nouns joined by "and" are what "of" governs
        if end + 1 < len(words) and words[end].lower() in {"and", "or"} and words[end + 1].lower() not in AUX | PREP:
            end += 2
    return " ".join(words[:end]), " ".join(words[end:])
