"""A question and the words that answer it, written as one declarative claim the judge can check.

"What captured the Vosges Mountains?" + "the Rhine" -> "The Rhine captured the Vosges Mountains." The
judge is at its best on claims; a question with a candidate answer beside it invites it to pass any
sentence that holds the answer's words. The rewrite is syntactic and general (question word, auxiliary,
the subject's extent), never tied to a topic. Where it cannot place the answer it says so plainly:
"The answer to "<question>" is <answer>."
"""

from __future__ import annotations

import re

from .roles import QUALIFIERS, ROLE_FAMILIES

_DO = frozenset(["do", "does", "did"])
_AUX = frozenset("is are was were do does did has have had can could will would should may might must".split())
_DET = frozenset("the a an this that these those its their his her our your my".split())
_PREP = frozenset(
    "in on at of to for from by with into onto about as than after before since during until under over "
    "between through across against along around near within without".split()
)
# "how long/old/far..." asks for a measure: the answer takes the adjective's place.
_MEASURE = frozenset("long old far big large high tall deep wide heavy often fast much".split())
_LEAD_PREP = re.compile(
    r"^(?P<prep>in|on|at|by|for|from|to|during|after|before|since|of|with|under)\s+(?=(?:what|which|whom|whose)\b)",
    re.I,
)
_WH = re.compile(
    r"^(?P<wh>how\s+(?:many|much)(?:\s+(?!(?:"
    + "|".join(_AUX)
    + r")\b)[\w\-']+){0,1}|how\s+(?:"
    + "|".join(_MEASURE)
    + r")|who|whom|what|which|when|where|whose)\b\s*(?P<rest>.*)$",
    re.I,
)
_HEDGE = re.compile(
    r"^(?:roughly|approximately|about|around|exactly|nearly|precisely|and|but|so)\s+(?=(?:what|which|who|when|where|how)\b)",
    re.I,
)
_ROLES = frozenset().union(*ROLE_FAMILIES.values())
_BE = frozenset("is are was were".split())
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


def statement(question: str, answer: str) -> str:
    """The question with `answer` in place of what it asks for, as a sentence."""
    q = " ".join(question.split()).rstrip(" ?.!")
    whole = q
    # "Besides X and Y, where else is Z?": what is set aside is the question's premise; the claim is "Z is
    # in <answer>".
    q = _ELSE.sub(r"\1", _BESIDES.sub("", q))
    # "After 1935, who would ...?": a leading phrase that sets the scene closes the claim
    scene = _SCENE.match(q)
    if scene:
        q = q[scene.end() :]
    q = re.sub(r"^(what|who|where|when|how|which)['’]s\b", r"\1 is", q, flags=re.I)  # "What's" -> "What is"
    q = _HEDGE.sub("", q)  # "roughly what share ...": the hedge qualifies the answer, not the claim
    q = _NAMING.sub("", q)  # "what is the rock called that ...": the rock that ... is the answer
    answer = " ".join(answer.split()).strip(" .,;:")
    placed = (_place(q, answer) or _in_place(q, answer) or _named_by(q, answer)) if q and answer else ""
    if not placed:
        return f'{MENTION}{whole}?" is {answer}.'
    placed = placed[0].upper() + placed[1:]
    if scene:
        placed = f"{placed.rstrip('.')} {scene.group(1)[0].lower()}{scene.group(1)[1:]}"
    return placed if placed.endswith((".", "!", "?")) else placed + "."


_BESIDES = re.compile(
    r"^(?:besides|apart\s+from|aside\s+from|other\s+than|except\s+for|in\s+addition\s+to)\s+[^,]+,\s*", re.I
)
_SCENE = re.compile(
    r"^((?:in|on|at|after|before|since|until|by|during|from)\s+[^,]{1,40}),\s*"
    r"(?=(?:what|which|who|whom|whose|when|where|how)\b)",
    re.I,
)
_ELSE = re.compile(r"^(what|who|whom|where|which|when|how)\s+else\b", re.I)
_NAMING = re.compile(r"\b(?:called|named|known\s+as)\s+(?=(?:that|which|who|where)\b)", re.I)
# "what share of X" / "what number of X": answers that are a share or a count of X, not X itself.
_SHARES = frozenset("share percentage percent proportion fraction".split())
_COUNTS = frozenset(["number"])
_TIME_NOUNS = frozenset("year years century decade period month date day time era age season".split())


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
    measure = head == "how" and words[1].lower() in _MEASURE and words[1].lower() != "much"
    noun = " ".join(words[2:]) if head == "how" else ""  # "how many people": travels with the answer
    if head in {"what", "which"} and rest:
        noun, rest = _noun_run(rest)
        if noun.split() and noun.split()[-1].lower() in _TIME_NOUNS:
            prep = prep or "in"
        if _ROLES & set(noun.lower().split()) and rest and rest.split()[0].lower() not in _AUX:
            # "Which former member of X said Y?": the role stays beside the answer, for the judge to check
            described, verb = _split_subject(rest.split())
            if verb and described and described[0].lower() == "of":
                return f"{answer}, {noun} {' '.join(described)}, {' '.join(verb)}"
            if verb:
                return f"{answer}, {noun}, {rest}"
    if not rest:
        return ""
    if head in {"what", "which"} and " of " in f" {noun} ":
        # the answer stands for the whole phrase ("what kind of rock": "slate"), but a share keeps what it
        # is a share of ("40% of the vote") and a count what it counts ("six people")
        kind, governed = noun.split(" of ", 1)
        if kind.lower() in _SHARES:
            answer = f"{answer} of {governed}"
        elif kind.lower() in _COUNTS and not answer.lower().endswith(governed.split()[-1].lower()):
            answer = f"{answer} {' '.join(w for w in governed.split() if w.lower() not in _DET)}"
    if head == "how" and noun and not answer.lower().endswith(noun.split()[-1].lower()):
        answer = f"{answer} {noun}"
    if head == "when":
        prep = prep or ("on" if _DAYLIKE.search(answer) else "in")
    first = rest.split()[0].lower()
    body = rest.split()
    if head == "where":
        prep = prep or ("" if body[-1].lower() in _PREP else "in")
    if body[-1].lower() in _PREP or answer.split()[0].lower() in _PREP:
        prep = ""  # "X branches off near Arnhem", not "in near Arnhem"
    target = f"{prep} {answer}".strip()
    if first in _AUX and len(body) > 2 and body[1].lower() == "there":  # "was there a plan": "there was a plan"
        return " ".join(["there", body[0], *body[2:], target])
    # "who would be forbidden ...": a modal before "be"/"have" is the subject's own verb, not inverted
    modal_verb = first in _MODALS and len(body) > 1 and body[1].lower() in {"be", "have", "not", "never"}
    inverted = first in _AUX and not (
        head in {"who", "what", "which", "how"}
        and not measure
        and (first in {"is", "are", "was", "were", "has", "have", "had"} or modal_verb)
        and not (_object_gap(rest) and not _RELATIVE.search(rest))  # a relative clause's gap is its own
        and not (head == "how" and noun)
    )
    if noun and (first not in _AUX or _verb_follows(body[1:])) and (head == "how" or first in _AUX):
        inverted = False  # "how many people were killed", "which bridge was closed": the noun is the subject
    if not inverted:
        if head in {"when", "where"} or measure:
            return ""
        return f"{target} {rest}"  # the question word is the subject: "What captured X?" -> "A captured X."
    subject, verb = _split_subject(body[1:], bare=first in _DO)
    if head == "how" and _COMPARATIVE.match(noun) and target.endswith(noun):
        # "How much lower was X in Y than Z?": the difference stands before the rest of the comparison
        return " ".join([*subject, body[0], target, *verb]).strip()
    if first in _BE and _RELATIVE.search(rest):
        # "When was the work that changed X (built)?", "How long is the section that turns north?": the
        # relative clause belongs to the subject
        subject, verb = _relative_subject(body[1:])
        return " ".join([*subject, body[0], *verb, target]).strip()
    if first in _BE and verb and not _verb_follows(verb) and not _object_gap(" ".join(verb)):
        if verb[0].lower() in _PREP:  # "How wide is the Rhine in Germany?": the answer before the phrase
            return " ".join([*subject, body[0], target, *verb]).strip()
        # "the Rhine basin": a noun, no verb follows "is", all is subject ("fully within X", "subject to X"
        # are what the subject is)
        noun = not verb[0].lower().endswith("ly") and (len(verb) == 1 or verb[1].lower() not in _PREP - {"of", "by"})
        if (head in {"when", "where"} or measure) and noun:
            return " ".join([*subject, *verb, body[0], target]).strip()
    return " ".join([*subject, body[0], *verb, target]).strip()


def _relative_subject(words: list[str]) -> tuple[list[str], list[str]]:
    """A subject holding a relative clause, and the participle after it if any: "the bridge that crosses
    the river | built", but "the museum that Anna founded" (the clause's own verb) is all subject."""
    low = [w.lower() for w in words]
    at = next((i for i, w in enumerate(low) if _RELATIVE.fullmatch(w.strip(",;"))), None)
    if at is None:
        return words, []
    clause = low[at + 1 : -1]
    own_verb = any(w in _PARTICIPLES or w in _AUX or w.endswith(("s", "ed", "ing")) for w in clause)
    if own_verb and low[-1] not in _PREP and _object_gap(low[-1]):
        return words[:-1], words[-1:]
    return words, []


def _verb_follows(words: list[str]) -> bool:
    """After an auxiliary, a participle or a verb's -ing form ("were killed", "have been", "are living")
    starts the predicate: no subject stands between, so the question word's noun is the subject."""
    if len(words) > 1 and len(words[0]) > 4 and words[0].lower().endswith("ly"):
        words = words[1:]  # "were reportedly killed": an adverb before the participle
    if not words:
        return False
    low = words[0].lower()
    return low in _PARTICIPLES or low in {"been", "being"} or (low.endswith(("ed", "ing")) and len(low) > 4)


# "X happened in 1990, and Y since when?": the question word stands where the answer goes.
_IN_SITU = re.compile(r"^(?P<before>.+?)\s+(?P<wh>when|where|who|whom|(?:what|which)(?:\s+[a-z]+){0,2})$", re.I)


def _in_place(q: str, answer: str) -> str:
    """A question that keeps its question word at the end ("... than in any year since when?"): the
    answer takes the question word's place, with "in" for a time or place when no preposition precedes it."""
    if _WH.match(q) or q.split()[0].lower() in _AUX:
        return ""
    match = _IN_SITU.match(q)
    if match is None or len(match.group("before").split()) < 2:
        return ""
    before, wh = match.group("before").rstrip(), match.group("wh").lower()
    needs_prep = wh in {"when", "where"} and (before.split()[-1].lower() not in _PREP)
    return f"{before} {'in ' if needs_prep else ''}{answer}"


def _named_by(q: str, answer: str) -> str:
    """A chat fragment that only names what it asks for ("ttp founder", "karachi attack casualties"): the
    answer is what the noun phrase names. Not a fragment with a question word, an auxiliary, a
    preposition or a verb."""
    from lemminflect import getAllLemmas

    words = q.split()
    if not 1 < len(words) <= 5 or _WH.match(q) or _IN_SITU.match(q):
        return ""
    if any(w.lower() in _AUX | _PREP for w in words):
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
        if low in _AUX or low in _PREP or len(taken) >= 3:
            break
        nxt = words[i + 1] if i + 1 < len(words) else ""
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
        if nxt[:1].islower() and after in _AUX and nxt.lower() not in _DET | _PREP | _AUX and not taken:
            taken += [word, nxt]  # "which think tank is": a compound noun before the auxiliary
            break
        noun_like = nxt and (
            nxt.lower() in _AUX or (nxt[0].islower() and nxt.lower() not in _DET | _PREP and not low.endswith("ed"))
        )
        if noun_like:
            taken.append(word)
        break
    return " ".join(taken), " ".join(words[len(taken) :])


def _of_phrase(words: list[str], at: int) -> tuple[str, str]:
    """ "what share of the vote did ...": the noun with what "of" governs (determiners, then names or one
    lowercase noun), and the rest of the question, which then opens on its verb or auxiliary."""
    end = at + 2
    while end < len(words) and words[end].lower() in _DET:
        end += 1
    names = 0
    while end < len(words) and words[end][:1].isupper():
        end, names = end + 1, names + 1
    if not names and end < len(words) and words[end].lower() not in _AUX | _PREP:
        end += 1
    return " ".join(words[:end]), " ".join(words[end:])


def _object_gap(rest: str) -> bool:
    """ "which river is the Rhine near" / "what was the city called": the question word is an object
    (the sentence ends on a preposition or a participle)."""
    last = rest.split()[-1].lower()
    return last in _PREP or last.endswith("ed") or last in _PARTICIPLES


_PARTICIPLES = frozenset(
    "built made known called found held given taken seen done written born sold won lost begun drawn shown "
    "grown thrown bought brought caught fought taught thought left kept led paid sent spent set put cut hit "
    "meant told understood stood run formed named located situated used based sunk shot struck stolen hurt "
    "hidden driven eaten fallen forgotten spoken chosen broken frozen beaten bitten ridden risen broadcast heard "
    "felt read fed met laid dug spread shut bound sought".split()
)


def _split_subject(words: list[str], bare: bool = False) -> tuple[list[str], list[str]]:
    """After an inverted auxiliary: the subject and what follows it ("the local people | call the
    islands"). Determiners, names and "of" belong to the subject; a lowercase word ends it when a name
    has just ended, or when a determiner, preposition, name or the end follows it (it is then the verb).
    `bare`: the auxiliary is "do"/"does"/"did", whose verb is a plain form, so a participle or -ing form
    after a word does not make that word a noun ("did the Rhine stop being ...": "stop" is the verb)."""
    i = 0
    seen_name = seen_noun = after_of = False
    while i < len(words):
        word = words[i]
        low = word.lower()
        if low in _DET and seen_name and not after_of:
            break  # "is Mehsud the leader of": a determiner after a name opens what the name is
        if low in _DET or (low == "of" and (seen_name or seen_noun)) or low.endswith(("'s", "’s")):
            after_of = after_of or low == "of"
            i += 1
            continue
        if after_of and word[0].islower() and low not in _AUX | _PREP:
            # "two thirds of the Rhine", "the amount of forests": what "of" governs is the subject's too
            after_of = False
            i += 1
            continue
        after_of = False
        if word[0].isupper() or word[0].isdigit():
            seen_name = True
            i += 1
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        # "did the group stop being ...": after "did" the verb is plain and may take an -ing form as object
        gerund_object = bare and _plain_verb(word) and nxt.lower().endswith("ing")
        if seen_name:
            # "the AQIS members targeted ...": a noun after the name when a participle follows it, or a
            # verb's plain form ("does the Vik canal run ...")
            follows = (_verb_follows(words[i + 1 : i + 3]) and not gerund_object) or (
                _noun_only(low) and _plain_verb(nxt)
            )
            if not low.endswith(("ed", "ing")) and follows and nxt.lower() != low:
                seen_noun = True
                i += 1
            break
        if seen_noun and (not nxt or nxt.lower() in (_DET | _PREP) - {"of"} or nxt[0].isupper() or gerund_object):
            break
        seen_noun = True
        i += 1
    if i == len(words) and words and words[-1][0].islower() and _object_gap(words[-1]):
        i = len(words) - 1  # "was X formed": the participle is the verb
    return words[:i], words[i:]


def _noun_only(word: str) -> bool:
    """A noun that is no verb too ("canal", "fighters"; not "water", "change")."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"NOUN"}


def _plain_verb(word: str) -> bool:
    """A verb's plain form, as after "does"/"did" ("run", "take"), lowercase."""
    from lemminflect import getAllLemmas

    low = word.lower()
    return word[:1].islower() and low not in _PREP | _DET | _AUX and low in getAllLemmas(low).get("VERB", ())
