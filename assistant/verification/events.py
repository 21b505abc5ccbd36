"""Whether a quote says the event a time or place question asks about.

"When did Herodotus discover the Rhine?" asks when one thing happened: the discovering. A sentence that
names Herodotus, the Rhine and a century but says he did not know it, or that dates something else, gives
the time of another event; the date in it is no answer. So the question's own verb (in any of its forms,
"fell" for "fall", or a word built on it, "discovery" for "discover") must be in the quote. Verbs that
carry no event of their own ("take place", "happen") say nothing to look for, and whether something began
or ended is `wording.aspect_mismatch`'s to check.

A place belongs to its event the same way: "Where does X redistribute?" is not answered by a sentence
that says where X branches off. Verbs of where a thing is ("located", "lie", "based") name no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .. import text as tx

_TIME_QUESTION = re.compile(
    r"^\W*(?:(?:in|during|at|by|since|until)\s+)?"
    r"(?P<wh>when|where|(?:what|which)\s+(?:year|century|decade|period|era|month|day|date|time|age|season))\s+"
    r"(?P<aux>did|does|do|was|were|is|are|has|have|had)\s+(?P<rest>.+?)\W*$",
    re.I,
)
_DO = frozenset({"did", "does", "do"})
# A time set before a noun dates the noun: "a January report", "the 2014 attack", "Sunday's interview".
_DATED = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4}s?)(?:['’]s)?\s+([a-z]+)"
)
_DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
# Verbs that name no event of their own, and those of beginning and ending (`wording.aspect_mismatch`).
# "give an interview", "hold talks": the event is the noun after the verb, and it is asked about by its noun.
_LIGHT = frozenset(
    "be have do happen occur take make get go come become begin start end finish stop cease commence "
    "complete conclude last continue remain give hold conduct stage".split()
)
_WHEREABOUTS = frozenset("locate situate lie live stand sit stay reside base find border".split())


@cache  # `quoting.candidates` asks it once per evidence sentence
def asked_event(question: str) -> str:
    """The verb of a time question, in its base form ("discover" for "When was X discovered?"); "" when
    the question asks no time, or its verb names no event of its own. The verb is the first lowercase
    word after the auxiliary that can be one (after "did", its base form; after "was", a participle), not
    right after a determiner ("the flood plain" is no verb)."""
    match = _TIME_QUESTION.match(" ".join(question.split()))
    if match is None:
        return ""
    done = match.group("aux").lower() in _DO
    light = _LIGHT | _WHEREABOUTS if match.group("wh").lower() == "where" else _LIGHT
    words = [w.strip(',;:"“”') for w in match.group("rest").split()]
    previous = ""
    relative = False
    for n, word in enumerate(words):
        low = word.lower()
        # "the fighters that Karim met come from": a relative clause runs to its own verb, a finite one
        if low in _RELATIVES:
            relative = True
        if relative:
            relative = not (low not in _RELATIVES and _finite(low))
            previous = low
            continue
        catenative = n + 1 < len(words) and words[n + 1].lower() == "to"  # "supposed to be finished"
        # after a determiner, a number or an adjective ("the deadly clash", "six people") a word is a noun
        counted = previous in tx.NUMBER_WORDS or previous.isdigit()  # "killed six people"; not "injured 17 take"
        noun = previous in _DETERMINERS or _adjective(previous) or (counted and _lemma(low) not in light)
        if word[:1].islower() and not noun and not catenative and _verb(low, base=done):
            # "the water level rise": a noun before the verb may be one too; the verb is the last of a run
            following = words[n + 1].lower() if n + 1 < len(words) else ""
            if _lemma(low) in light:  # "take place": no event of its own; "take power": the noun names it
                return _light_object(low, words[n + 1 : n + 3])
            if following[:1].isalpha() and words[n + 1][:1].islower() and _verb(following, base=done):
                low = following
            base = _lemma(low)
            return "" if base in light else base
        previous = low
    return ""


# Light verbs whose object names the event ("take power", "hold talks", "stage a coup"), and objects that
# name none ("take place", "take part", "make sure").
_TAKES_EVENT = frozenset("take make hold give stage conduct".split())
_NO_EVENT = frozenset("place part effect shape note care turns sure way use time".split())


def _light_object(verb: str, after: list[str]) -> str:
    from lemminflect import getAllLemmas

    thing = next((w.lower() for w in after if w.lower() not in _DETERMINERS), "")
    if _lemma(verb) not in _TAKES_EVENT or not re.fullmatch(r"[a-z]{3,}", thing) or thing in _NO_EVENT:
        return ""
    return thing if "NOUN" in getAllLemmas(thing) else ""


def unsaid_event(question: str, quotes: Sequence[str]) -> str:
    """Why the quotes do not date what the question asks about; "" when they say it, or nothing is asked."""
    verb = asked_event(question)
    if not verb:
        return ""
    words = tx.tokens(" ".join(quotes))
    if any(_lemma(word) in (verb, f"re{verb}") for word in words):  # "rejoin" says "join" again
        return ""
    joined = " ".join(quotes)
    stem = tx.stem_words([verb])[0]
    if any(len(stem) >= 4 and term.startswith(stem) for term in tx.terms(joined)):
        return ""  # "discovery", "formation": the event named by a noun built on the verb
    asked = tx.terms(question)
    if any(tx.stem_words([noun.lower()])[0] in asked for noun in _DATED.findall(joined)):
        return ""  # "a January report" dates the report the question asks about, with no verb
    return f"the quote does not speak of the event asked about (“{verb}”)"


_RELATIVES = frozenset("that which who whom whose".split())


def _finite(word: str) -> bool:
    """A verb in its past or present form ("met", "says"): the verb a relative clause ends on."""
    from lemminflect import getAllInflections, getAllLemmas

    if "VERB" not in getAllLemmas(word):
        return False
    forms = getAllInflections(_lemma(word), upos="VERB")
    return word in forms.get("VBD", ()) + forms.get("VBZ", ()) + forms.get("VBP", ())


def _adjective(word: str) -> bool:
    """A word that is only an adjective or adverb ("deadly"): what follows it is a noun. Not one that may be
    a noun too ("the flood plain increase": "plain" is the noun the verb follows)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "ADJ" in lemmas and set(lemmas) <= {"ADJ", "ADV"}


def _verb(word: str, base: bool) -> bool:
    """Whether the word can be a verb in its base form (`base`) or as a participle."""
    from lemminflect import getAllInflections, getAllLemmas

    if "VERB" not in getAllLemmas(word):
        return False
    forms = getAllInflections(_lemma(word), upos="VERB")
    return word in forms.get("VB", ()) if base else word in forms.get("VBN", ()) + forms.get("VBD", ())


@cache
def _lemma(word: str) -> str:
    """The verb's base form, as lemminflect gives it ("fell" -> "fall"); the word when it is no verb."""
    from lemminflect import getLemma

    return (getLemma(word.lower(), upos="VERB") or (word.lower(),))[0]


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A date written before the noun it dates: "the May 1 withdrawal deadline", "the 9/11 withdrawal date",
# "the 2014 election". Case matters: the month is a name, the noun is not.
_DATED_NOUN = re.compile(
    rf"\b(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH}|\d{{1,2}}/\d{{1,2}}|(?:1[5-9]|20)\d{{2}})"
    r"\s+(?P<noun>[a-z]{3,})\b"
)


def _dated_nouns(text: str) -> list[tuple[str, str, str]]:
    """(noun stem, date, noun as written) of every date written before a noun."""
    found = []
    for m in _DATED_NOUN.finditer(text):
        if m.group("noun") not in tx.stopwords():
            noun = tx.stem_words([m.group("noun")])[0]
            found.append((noun, " ".join(m.group("date").lower().split()), m.group("noun")))
    return found


def other_occasion(question: str, sentence: str, asked: str = "", near: str = "", article: str = "") -> list[str]:
    """The question's dated noun ("the May 1 withdrawal deadline") where the sentence dates the same noun
    otherwise ("the new 9/11 withdrawal date") and never gives the question's date: another occasion.
    `asked`: the question without its scene-setting clause, and `near` the sentences around, when the
    caller has them (`_other_scene`)."""
    theirs = _dated_nouns(sentence)
    return (
        [
            f"{date} {written}"
            for noun, date, written in _dated_nouns(question)
            if {d for n, d, _ in theirs if n == noun} - {date} and not tx.numbers(date) <= tx.numbers(sentence)
        ]
        + _other_named(question, sentence)
        + (_other_scene(question, asked, sentence, near or sentence, article) if asked else [])
        + _before(question, sentence)
        + opposite_time(question, sentence)
    )


# "before sowing" / "after sowing": one act's two sides in time
_SIDE = re.compile(r"\b(before|after)\s+(?:the\s+|its\s+|their\s+)?([a-z]{3,})\b", re.I)


def opposite_time(question: str, sentence: str) -> list[str]:
    """ "Why must seedbeds be rolled before sowing?" is not answered by "Seedbeds must be rolled after
    sowing, because …": the sentence puts it on the other side of the act the question names, never on
    the question's."""
    theirs = {(m.group(1).lower(), tx.stem_words([m.group(2).lower()])[0]) for m in _SIDE.finditer(sentence)}
    found = []
    for m in _SIDE.finditer(question):
        side, act = m.group(1).lower(), tx.stem_words([m.group(2).lower()])[0]
        other = "after" if side == "before" else "before"
        if (other, act) in theirs and (side, act) not in theirs:
            found.append(f"time {side} {m.group(2)} (the sentence says {other})")
    return found


# "before the project began": a time the question puts before something starts
_BEFORE_START = re.compile(
    r"\bbefore\s+(?:the\s+|its\s+|their\s+)?([a-z]+)\s+(?:began|started|opened|was\s+(?:built|founded|opened|set\s+up|launched))\b",
    re.I,
)


def _before(question: str, sentence: str) -> list[str]:
    """ "How much water did the nets supply before the project began?" is not answered by a sentence that
    tells what the project itself supplied, and says nothing of before it."""
    start = _BEFORE_START.search(question)
    if not start or not tx.terms(start.group(1)) & tx.terms(sentence) or re.search(r"\bbefore\b", sentence, re.I):
        return []
    return [f"time before the {start.group(1)} began (the sentence tells of the {start.group(1)} itself)"]


# A sentence that opens on its own occasion: "On seeing the surviving mice, Florey remarked …"
_OCCASION = re.compile(r"^\W*(?:on|upon|when|after|while|once)\s+([^,;]{3,80}),", re.I)


def _other_scene(question: str, asked: str, sentence: str, near: str, article: str = "") -> list[str]:
    """The question's scene ("… when the results appeared in The Lancet") where the sentence sets its act
    on an occasion of its own that shares no content word with it ("On seeing the surviving mice"), or
    where nothing the scene tells of, beyond its names, stands in the sentence or those around it."""
    own = _OCCASION.match(sentence)
    scene = tx.terms(question) - tx.terms(asked)
    if own and scene and not scene & tx.terms(sentence):
        return [f"occasion (the sentence's: {own.group(0).strip(' ,')})"]
    named = set(tx.names(f"Q {question}"))
    told = scene - named
    owned = _owned_nouns(question) & told  # "the X Company's appeal": a thing, not a verb of the scene
    if told and not told & tx.terms(near) and (len(told) >= 2 or (owned and _untold(scene & named, owned, article))):
        return [f"occasion ({' '.join(sorted(told))})"]
    return []


def _owned_nouns(question: str) -> set[str]:
    """The stems of nouns the question gives an owner ("the Company's appeal", "its appeal")."""
    return set(tx.stem_words(re.findall(r"(?:['’]s|\b(?:its|their|his|her))\s+([a-z]{3,})\b", question)))


def _untold(names: set[str], told: set[str], article: str) -> bool:
    """Whether the scene's names, where they stand in the article, never come with what the scene tells of:
    "after the X Company's appeal" in an article whose sentences on the company tell of no appeal."""
    holders = [s for s in re.split(r"(?<=[.!?])\s+", article) if names & tx.terms(s)] if names and article else []
    return bool(holders) and not any(told & tx.terms(s) for s in holders)


# "the Battle of Angamos", "the University of Oxford": a capitalised head and the name "of" makes its own
_NAMED_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?([A-Z][\w'’-]+)")


def _other_named(question: str, sentence: str) -> list[str]:
    """The question's "Battle of Angamos" where the sentence names the "Battle of Iquique" and never
    Angamos: another event or body of the same kind."""
    theirs = _NAMED_OF.findall(sentence)
    return [
        f"{head} of {name}"
        for head, name in _NAMED_OF.findall(question)
        if any(h == head and n != name for h, n in theirs) and name not in sentence
    ]


# A question about a past period: a past auxiliary, and a period it names ("during the last cold phase",
# "in the Middle Ages", "in 1932").
_PAST_ASKED = re.compile(r"\b(?:did|was|were|had)\b", re.I)
_PERIOD = re.compile(
    r"\b(?:during|throughout)\s+(?P<a>[^,?.;]+)|\bin\s+(?P<b>(?:the\s+)?(?:\w+\s+){0,3}?(?:age|ages|period|phase|era|"
    r"century|centuries|times|years|\d{3,4}s?))\b",
    re.I,
)
# "lower than today", "until today": the present as a point of comparison or an end, not what is said of it
_NOW = re.compile(
    r"(?<!than\s)(?<!until\s)(?<!till\s)(?<!since\s)(?<!from\s)\b(?:now|today|currently|presently|nowadays)\b", re.I
)


def present_for_past(question: str, sentence: str) -> str:
    """Why a sentence that says what is so now ("The river now flows North …") does not answer a question
    about a past period ("Which direction did the Rhine flow during the last cold phase?"): it never
    names the period. Empty when the question asks of no past period or the sentence names it."""
    period = _PERIOD.search(question)
    if not period or not _PAST_ASKED.search(question) or not _NOW.search(sentence):
        return ""
    words = period.group("a") or period.group("b")
    if tx.terms(words) & tx.terms(sentence) or tx.numbers(words) & tx.numbers(sentence):
        return ""
    return f"the sentence says what is so {_NOW.search(sentence).group().lower()}, not {words.strip()}"


# "… before they founded their plant?": the question puts what it asks before another event, whose verb
# follows "before" and its subject.
_BEFORE = re.compile(r"\bbefore\s+(?:(?:the|a|an|its|their|his|her)\s+)?[\w'’-]+\s+([a-z]+)\b", re.I)
# Words that put one event before or after another (a closed class): "had" for the past perfect.
_ORDER = frozenset(
    "before after earlier later previously prior until already formerly then afterwards subsequently since had "
    "once first".split()
)


def unordered(question: str, sentence: str) -> str:
    """Why the sentence does not answer what happened before an event it also tells: it names the event
    ("founded a plant and sold its water") with no word that orders the two, so what it gives came with
    the event, not before it. Empty when the question asks no such thing or the sentence orders them."""
    from lemminflect import getAllLemmas, getInflection

    match = _BEFORE.search(question)
    if match is None:
        return ""
    verb = match.group(1).lower()
    lemmas = set(getAllLemmas(verb).get("VERB", ()))
    # only a past event orders two past ones: "before X supports Y" may set a condition, not a time
    if not any(verb in getInflection(lemma, "VBD") for lemma in lemmas):
        return ""
    words = tx.tokens(sentence)
    told = any(lemmas & set(getAllLemmas(word).get("VERB", ())) for word in words)
    if not lemmas or not told or set(words) & _ORDER:
        return ""
    return f"the sentence tells the event asked about (“{match.group(1)}”) but puts nothing before it"
