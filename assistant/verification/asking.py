"""What kind of answer a question asks for: a span of one sentence, or a clause (why/how, what was said or
thought); one thing or several; and whether it was typed as a chat fragment.
"""

from __future__ import annotations

import re

from .. import text as tx
from .citations import main_clause
from .claims import ACCOUNT_INSIDE
from .subjects import MEASURES

_AUXILIARIES = frozenset("is are was were do does did has have had can could will would should".split())
# What a question asks for when no span can answer: explained, not looked up.
_EXPLAIN = re.compile(
    # "how" before an adjective of measure (`subjects.MEASURES`) or of pace asks for an amount, which a span gives
    rf"^\W*(?:why|how\s+(?!(?:many|{'|'.join(MEASURES)}|quickly|rapidly|slowly|soon|frequently)\b)"
    r"\w+|explain|describe"
    # "In what way/sense/respect …?" asks how; "Because of what …?" asks why: the same questions in other words
    r"|in\s+what\s+(?:ways?|sense|respects?|manner|terms)|(?:because\s+of|due\s+to|owing\s+to|thanks\s+to)\s+what"
    # "Under what conditions …?", "To what extent …?": a condition or a degree is told in a clause, not a span
    # ("in what condition was it left" asks for a state, a span)
    r"|under\s+what\s+(?:circumstances?|conditions?)|in\s+what\s+(?:circumstances|conditions)"
    r"|to\s+what\s+(?:extent|degree))\b",
    re.I,
)
# "What led X to do Y?", "What made X do Y?", "What reason does X give?": a why-question in other words.
_CAUSE = re.compile(
    r"^\W*(?:what\s+(?:made|makes)\s+(?!up\b|of\b|from\b|out\b)"
    r"|what\s+(?:led|leads|prompted|prompts|drove|drives|pushed|pushes|motivated|motivates|forced|forces|"
    r"convinced|persuaded)\s+(?!to\b)[^?]*?\bto\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her)\b)(?-i:[a-z])"
    # the nouns English has for a reason: "What is the rationale behind X?", "On what grounds …?"
    r"|(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+)?)?(?:reasons?|explanations?|rationales?|"
    r"justifications?|motivations?)\b"
    r"|(?:for|on)\s+what\s+(?:reasons?|grounds)\b"
    # "What is the thinking behind X?": a line of thought behind a deed is its reason ("the group behind
    # the attack" is a span: only nouns of the mind)
    r"|what\s+(?:is|was|are|were)\s+the\s+(?:thinking|logic|reasoning|thoughts?|ideas?|calculus|calculations?|"
    r"strategy|motives?|intentions?)\s+behind\b"
    # "What explains X?", "What accounts for X?", "What was behind X?": what a cause is asked in other verbs
    r"|what\s+(?:explains|explained|accounts\s+for|accounted\s+for|lies\s+behind|lay\s+behind|"
    r"(?:is|was|are|were)\s+behind)\b"
    # "What motivates X?": a motive is a reason, whatever follows (a thing that drives X may be a span)
    r"|what\s+(?:motivates|motivated|(?:is|was|are|were)\s+the\s+motives?\s+(?:of|for|behind))\b)",
    re.I,
)
# "According to X, what …?": whose account it is does not change what is asked.
_ACCOUNT = re.compile(r"^\W*according\s+to\s+[^,?]{1,80},\s*", re.I)
# "Beyond fighting, how …?", "In 2010, who …?": a phrase set before the question word frames, and the
# question word after it says what kind of answer is asked.
_FRAMED = re.compile(r"^\W*[^,?]{1,60},\s*(?=(?:who|whom|whose|what|which|when|where|why|how)\b)", re.I)
# A fragment typed without a question word first ("karim why no full name") that asks why.
_OPENS_ASKING = re.compile(
    r"^\W*(?:who|whom|whose|what|which|when|where|how|is|are|was|were|do|does|did|has|have|had|can|could|will|"
    r"would|should)\b",
    re.I,
)
_WHY = re.compile(r"\bwhy\b|\bhow\s+come\b", re.I)
# A question's opening after a preposition that governs its question word ("In what year …", "To whom …").
_GOVERNED = re.compile(
    r"^\W*(?:in|on|at|from|to|for|by|with|during|since|until|of|under|after|before|through|into|about|among|"
    r"between|within|across|against|toward|towards)\s+(?=(?:who|whom|whose|what|which|when|where|how)\b)",
    re.I,
)


def is_fragment(question: str) -> bool:
    """A chat fragment: typed as a chat line, without capitals, and opening on no question word nor
    auxiliary ("baradar captured when", "china terms for rebuilding afghanistan") once a leading clause,
    "according to X," or a preposition before the question word is set aside ("if x, where …?", "in what
    year …?"). A written question with its question word inside ("The Rhine forms a delta into which
    lake?") is no fragment: it reads as a statement."""
    if question != question.lower():
        return False
    asked = _GOVERNED.sub("", _ACCOUNT.sub("", main_clause(question)))
    return not (_OPENS_ASKING.match(asked) or re.match(r"^\W*(?:why|explain|describe|name|list|tell)\b", asked))


# "What did X say about Y?", "What are analysts skeptical about?": the answer is what was said or
# thought, a clause; a verb of saying or thinking (a closed class) takes it, not a name or a number.
_REPORTED = re.compile(
    r"^\W*what\s+(?:do|does|did|has|have|had|is|are|was|were|will|would|can|could)\s+[^?]*?\b(?:"
    r"say|says|said|tell|tells|told|think|thinks|thought|claim|claims|claimed|argue|argues|argued|warn|warns|"
    r"warned|believe|believes|believed|write|writes|wrote|written|add|adds|added|suggest|suggests|suggested|"
    r"predict|predicts|predicted|fear|fears|feared|hope|hopes|hoped|promise|promises|promised|"
    r"deny|denies|denied|admit|admits|admitted|insist|insists|insisted|acknowledge|acknowledges|acknowledged|"
    r"announce|announces|announced|"
    # what someone grasped or saw coming is a clause too ("What did X fail to realize?")
    r"realize|realizes|realized|realise|realises|realised|foresee|foresees|foresaw|foreseen|anticipate|"
    r"anticipates|anticipated|"
    r"remark|remarks|remarked|reply|replies|replied|comment|comments|commented|observe|observes|observed|"
    r"joke|jokes|joked|declare|declares|declared|conclude|concludes|concluded|complain|complains|complained|"
    r"concede|concedes|conceded|boast|boasts|boasted|"
    r"skeptical|sceptical|worried|concerned|afraid|optimistic|pessimistic|hopeful|confident)"
    # what it was about, or the occasion it was said on ("What did X remark when the results appeared?")
    r"(?:\s+(?:about|of|regarding|on|over|when|after|before|while|upon|following)\b[^?]*)?\W*$",
    re.I,
)


# "In which month and year ...?", "Who wrote it, and where?", "Which leaders want ...?": more than one
# thing asked, which one span may not hold.
_COORDINATED = re.compile(r"\b(?:and|or|both|each)\b|,", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+and\s+(?:the\s+)?[\w'’-]+", re.I)
_DETERMINERS = frozenset("the a an this that these those its their his her our every each some any".split())
_WHICH = re.compile(r"^\W*(?:in\s+|of\s+|for\s+)?which\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)


def asks_several(question: str) -> bool:
    """Whether the question asks for more than one thing: a coordination in the asked clause, or "which"
    with a plural noun (the words after "what" may be its verb: "what flows ...")."""
    # "between 1540 and 1600", "from May to June": a range is one thing
    asked = _BETWEEN.sub(" ", main_clause(question))
    if _COORDINATED.search(asked):
        return True
    which = _WHICH.match(asked)
    if which is None:
        return False
    words = which.group(1).split()
    after = asked[which.end() :].split()
    for i, word in enumerate(w.lower() for w in words):
        if word in _AUXILIARIES or word in tx.stopwords():
            return False
        if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")):
            # "which province borders the Rhine": an -s word before an object is the verb, not a plural
            following = (words[i + 1 :] + after)[:1]
            return bool(following) and not (following[0][:1].isupper() or following[0].lower() in _DETERMINERS)
    return False


# A chat fragment that names a saying or a stance ("x reaction to y", "y joke about z") asks what was said or
# thought, as "what did x say" does: the nouns English makes of saying and thinking. One that also asks
# for a point, a place, a count or a name ("statement date", "interview filmed where") wants a span.
_SAID_NOUNS = re.compile(
    r"\b(?:reactions?|responses?|repl(?:y|ies)|views?|opinions?|stances?|comments?|remarks?|"
    r"statements?|jokes?|warnings?|claims?|arguments?|messages?|predictions?|promises?|pledges?|denials?|"
    r"admissions?|announcements?|assessments?|verdicts?|criticisms?|thoughts|suggestions?|words)\b",
    re.I,
)
_SPAN_NOUNS = re.compile(
    r"\b(?:who|whom|whose|what|which|when|where|how|date|year|month|day|time|number|count|toll|name|place)\b", re.I
)


def asked_for_model(question: str) -> str:
    """The question as the judge model reads it: a chat fragment that asks what was said ("x reaction to y")
    is put to it as a question of what was said, which its prompt expects; anything else as it stands."""
    if not _said_fragment(_asked_part(question)):
        return question
    return f"What was said: {question.strip().rstrip('?').strip()}?"


def _asked_part(question: str) -> str:
    """The question without whose account it is or a phrase framing it: what is asked, as it opens."""
    return _FRAMED.sub("", _ACCOUNT.sub("", ACCOUNT_INSIDE.sub(r"\1 ", question)))


def _said_fragment(question: str) -> bool:
    return not _OPENS_ASKING.match(question) and bool(_SAID_NOUNS.search(question)) and not _SPAN_NOUNS.search(question)


def wants_span(question: str) -> bool:
    """Whether a span can answer: not a why/how/explain question, nor one asking what was said or thought."""
    question = _asked_part(question)
    fragment_why = not _OPENS_ASKING.match(question) and _WHY.search(question)
    return not (
        _EXPLAIN.search(question)
        or _CAUSE.search(question)
        or _REPORTED.search(question)
        or fragment_why
        or _said_fragment(question)
    )


# "Who is/was X's <role>?", "Which <modifier> <role> …?", "x <role> name", "x <role> who": the question asks
# for whoever holds a role (a title word of English, `roles.TITLES`), so the answer must be someone the
# sentence gives that role.
_WHO_IS = re.compile(r"^\W*(?:who|whom)\s+(?:is|was|are|were|has\s+been|had\s+been|became|becomes)\s+(.*)$", re.I)
_WHICH_ROLE = re.compile(r"^\W*(?:which|what)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)
_NAME_THE = re.compile(r"^\W*name\s+(?:the\s+)?(.*)$", re.I)


def asked_role(question: str, titles: frozenset[str], fragment: bool) -> str:
    """The role word whose holder the question asks for, or "": the first of `titles` in the words that say
    who is asked, unless a name follows it (the "minister" of "What did minister Zarif say?" is no gap).
    `fragment`: typed as a chat fragment (`is_fragment`, before its names took capitals)."""
    asked = main_clause(_asked_part(question)).rstrip(" ?")
    found = _WHO_IS.match(asked) or _WHICH_ROLE.match(asked) or _NAME_THE.match(asked)
    if found:
        words = found.group(1).split()[:5]
    elif fragment and re.search(r"\b(?:name|who)\b", asked, re.I):
        words = asked.split()
    else:
        return ""
    for i, word in enumerate(words):
        bare = re.sub(r"[^\w-]", "", word).lower()
        if bare in _AUXILIARIES:  # "What did X's envoy say?": the role is the subject's, not the gap
            return ""
        if bare in titles:
            named = i + 1 < len(words) and words[i + 1][:1].isupper()
            return "" if named else bare
    return ""
