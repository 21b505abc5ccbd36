"""Answer, then proof: the exact words that answer, located in their article, and whether they answer at all.

A sentence that shares the question's words is *about* the question; it *answers* it only when the
question with the answer's words in place is a claim the sentence supports. So a candidate span (the
judge model's copy of "the words that answer") is checked three ways before it is shown:
1. it is a verbatim substring of the sentence (located, so `text[start:end]` is the span);
2. what the question names (names, numbers, dates) is in the sentence or the sentences around it;
3. the question and the span written as one claim (`claims.statement`) pass the support judge against the
   sentence: its rules (roles, counts, quantifiers, dates, direction, negation) and its model.
What fails is the closest text, never the answer: the refusal says so in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import text as tx
from ..retrieval.aliases import Aliases
from ..schema import Evidence, ShortAnswer
from .asking import asked_role
from .attachment import said_of_other
from .citations import main_clause, span_fits
from .claims import MODEL_UNSUPPORTED, statement
from .counts import referring_counts
from .events import other_occasion, unordered
from .roles import TITLES, narrowed_role, other_title

REFUSAL = "The articles don't answer this."
NOT_ABOUT = "the sentence is not about the question's"
_AUXILIARIES = frozenset("is are was were do does did has have had can could will would should".split())
CONTEXT = 2  # sentences either side of the quote that may name what it speaks of
MAX_SPAN_WORDS = 12  # a longer "span" is the sentence again, not an answer
_WH_SUBJECT = re.compile(
    r"^\W*(?:what|who|which)\s+(?!(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b)", re.I
)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)  # a leading article is no part of an answer's words


def locate(reply: str, sentence: str) -> tuple[int, int] | None:
    """Where the model's reply stands verbatim in the sentence (offsets into it); None when it does not.
    Case and surrounding punctuation, quotation marks and a leading article may differ."""
    reply = " ".join(reply.split()).strip(" .,;:\"“”'‘’")
    if not reply or len(reply.split()) > MAX_SPAN_WORDS:
        return None
    for candidate in (reply, _ARTICLE.sub("", reply)):
        pattern = r"\s+".join(_spelled(w) for w in candidate.split())
        match = re.search(rf"(?<!\w){pattern}(?!\w)", sentence, flags=re.I)
        # most of the sentence again is the sentence, not the words that answer
        if match and len(candidate.split()) < 0.8 * len(sentence.split()):
            found = match.group()
            if found.count("(") > found.count(")"):  # "74,000 (BP = Before": the bracket is not the answer's
                found = found[: found.rindex("(")].rstrip()
            return (match.start(), match.start() + len(found)) if found else None
    return None


def _spelled(word: str) -> str:
    """A pattern for the word as the sentence may write it: "3" also as "three", "three" also as "3"."""
    value = tx.NUMBER_WORDS.get(word.lower(), word)
    forms = {word, value} | {w for w, v in tx.NUMBER_WORDS.items() if v == value}
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


_WHO_IS = re.compile(r"^\W*who\s+(?:is|was|are|were)\s+(.+?)\W*$", re.I)
_APPOSITIVE = re.compile(r",\s*(?:the\s+|an?\s+)?([^,.;:“”()\[\]]{3,100})")
_LOOSE_END = re.compile(r"(?:\s+(?:of|the|a|an|and|in|at|to|for|on|by|with))+$", re.I)


def described(question: str, sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """For "who is X?", a span that only names X repeats the question; the description the sentence sets
    beside the name ("X, commanding general of ...") is what answers it."""
    who = _WHO_IS.match(question)
    if who is None or span is None or tx.terms(sentence[span[0] : span[1]]) - tx.terms(who.group(1)):
        return span
    after = _APPOSITIVE.match(sentence, span[1])
    if after is None:
        return span
    words = _LOOSE_END.sub("", after.group(1).rstrip())
    return (after.start(1), after.start(1) + len(words)) if len(words.split()) >= 2 else span


# "suggesting possible US targeting of X": the answer keeps the word that says it only might be so.
_HEDGE_BEFORE = re.compile(r"\b(?:possible|potential|probable|likely|alleged|suspected|reported)\s+$", re.I)


def hedged(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span with the hedging adjective the sentence sets right before it."""
    if span is None:
        return None
    before = _HEDGE_BEFORE.search(sentence[: span[0]])
    return (before.start(), span[1]) if before else span


def short_answer(ev: Evidence, span: tuple[int, int], marker: int) -> ShortAnswer:
    start, end = ev.start + span[0], ev.start + span[1]
    return ShortAnswer(text=ev.article.text[start:end], article=ev.article.file, start=start, end=end, marker=marker)


def context(ev: Evidence, width: int = CONTEXT) -> list[str]:
    """The article's title and the sentences around the evidence sentence."""
    spans = ev.article.spans
    around = [ev.article.sentence(i) for i in range(max(0, ev.index - width), min(len(spans), ev.index + width + 1))]
    return [ev.article.title, *[s for s in around if s != ev.text]]


# "the Saint Hedda bell" in the question, "The bell cracked …" in the sentence: a kind the question names
# by a name before it, which the sentence calls "the <kind>".
_NAMED_KIND = re.compile(r"((?:[A-Z][\w’'-]*\s+)+)([a-z][a-z-]{2,})\b")
_OTHER_ONE = frozenset("other another second third new next previous former".split())
REACH_BACK = 8  # sentences "the bell" may reach back over, each calling it "the bell" or "it", to its name


def referent(question: str, ev: Evidence) -> str:
    """The earlier sentence that names what the sentence calls "the <kind>", where the question names a
    thing of that kind: the sentences between call it "the <kind>" too, and none names another."""
    for match in _NAMED_KIND.finditer(question):
        name, kind = match.group(1).strip(), match.group(2)
        if not re.search(rf"\b[Tt]he\s+{kind}\b", ev.text):
            continue
        for i in range(ev.index - 1, max(-1, ev.index - REACH_BACK - 1), -1):
            sentence = ev.article.sentence(i)
            if name in sentence:
                return sentence
            if not re.search(rf"\b{kind}\b", sentence, re.I):
                continue
            # "the bell", "the largest bell" (it, again); not "a second bell", "the Marien bell"
            mentions = re.findall(rf"\b(\w+)\s+(?:([a-z]+)\s+)?{kind}\b", sentence)
            if not all(
                det.lower() in {"the", "its", "this"} and modifier not in _OTHER_ONE for det, modifier in mentions
            ):
                break  # another bell, or one named anew: "the bell" of the sentence may be that one
    return ""


def unmatched(
    question: str, sentence: str, around: Sequence[str], aliases: Aliases | None = None, article: str = ""
) -> list[str]:
    """What the question names (names, numbers, month or weekday dates) that neither the sentence nor the
    sentences around it hold: a sentence about something else, however many words it shares. What only a
    leading or trailing clause names ("When Mehsud gave his CNN interview, ...") sets the scene: it must
    be in the same article (`article`, when given), not beside the sentence."""
    aliases = aliases or Aliases()
    near = " ".join([sentence, *around])
    near_terms = tx.terms(near) | tx.acronyms(near)
    asked = main_clause(question)
    scene = set(tx.names(f"Q {question}")) - set(tx.names(f"Q {asked}")) if article else set()
    if len(described := tx.terms(question) - tx.terms(asked) - scene) >= 2 and described <= near_terms:
        scene = set()  # the scene's own event stands beside the sentence: its names must stand there too
    whole_terms = tx.terms(article) | tx.acronyms(article) if scene else set()
    missing = [
        n
        for n in tx.names(f"Q {question}")
        if not _found(n, near_terms, near, aliases)
        and not (n in scene and _found(n, whole_terms, article, aliases))
        # "Khan's arrest" for the question's "Imran Khan", where the article gives the full name
        and not (article and tx.rest_of_name(n, question, near_terms, article, near))
    ]
    # the question's first word is capitalised for its place only
    opener = set(tx.stem_words(tx.tokens(question)[:1]))
    missing = [n for n in missing if n not in opener]
    scene_numbers = tx.numbers(question) - tx.numbers(asked) if article else set()
    # "how many grains are on one spike": one of a kind, each, not a count the sentence must give
    each = {"1"} if re.search(r"\b(?:on|in|per|from|at)\s+one\s+(?!of\b)[a-z]", question, re.I) else set()
    missing += sorted(
        n
        for n in tx.numbers(question) - tx.numbers(near) - referring_counts(question, near) - each
        if not (n in scene_numbers and n in tx.numbers(article))
    )
    return missing + other_occasion(question, sentence, asked, near, article)


def _found(name: str, terms: set[str], text: str, aliases: Aliases) -> bool:
    if name in terms or any(tx.same_start(name, t) or tx.misspelt(name, t) for t in terms):
        return True
    return aliases.found_in(name, text)


def refusal(question: str) -> str:
    """Plain words: what the articles don't say ("The articles don't say what captured the Vosges
    Mountains."), when the question reads as a clause; the fixed sentence otherwise."""
    q = " ".join(question.split()).rstrip(" ?")
    inverted = set(tx.tokens(q)) & _AUXILIARIES  # "what kind of rock did X find": not a clause as it stands
    if _WH_SUBJECT.match(q) and not inverted and len(q) <= 160:
        return f"The articles don't say {q[0].lower()}{q[1:]}."
    return REFUSAL


def lead(short: ShortAnswer, proof: str) -> str:
    """The answer's text: the short answer and its marker, a blank line, then the proof."""
    return f"{short.text} [{short.marker}]\n\n{proof}"


def verify(
    judge, question: str, ev: Evidence, words: str, fragment: bool = False
) -> tuple[tuple[int, int] | None, str]:
    """The span of `ev` that answers, or None and why the sentence does not answer: what the question
    names is not near it, no short part of it answers, or the question and span as a claim fail the
    judge. `judge` is the support judge (`judge.Judge`); `fragment`: the question was typed as a chat
    fragment (`is_fragment`, before its names were given their capitals)."""
    around = context(ev)
    named = referent(question, ev)
    around = [*around, named] if named and named not in around else around
    aliases = judge.aliases() if judge.aliases else None
    missing = unmatched(question, ev.text, around, aliases, article=ev.article.text)
    if missing:
        return None, f"{NOT_ABOUT} {', '.join(missing)}"
    span = hedged(ev.text, described(question, ev.text, locate(words, ev.text) if words else None))
    if span is None and judge.scorer is None:  # the rules alone copy no words: the sentence stands as before
        return None, ""
    if span is None:  # no short part of the sentence answers: the whole sentence is not proof of one
        return None, f"no short part of the sentence answers it (the judge model gave {words!r})"
    found = ev.text[span[0] : span[1]]
    if not span_fits(question, found) or not _fits_the_slot(question, found):
        return None, f"the words that answer are not the kind asked for ({found!r})"
    before = unordered(question, ev.text)  # "what name did they sell it under before they founded the plant?"
    if before:
        return None, before
    if _point_for_a_duration(question, ev.text, span):
        return None, f"the sentence gives when ({found} ago), not how long"
    several = (
        one_count_of_several(question, ev.text, span)
        or one_figure_for_a_list(question, ev.text, span)
        or rate_for_a_count(question, ev.text, span)
        or money_for_a_count(question, ev.text, span)
        or _no_side(question, ev.text)
    )
    if several:
        return None, several
    if _the_speaker(question, ev.text, span):
        return None, f"the words are who reported it ({found!r}), not what was asked"
    if another := other_title(role := asked_role(question, TITLES, fragment), ev.text, span):
        return None, another
    if another := narrowed_role(question, role, ev.text, span):
        return None, another
    # "How long is X?" is not answered by "… through Y, which is 300 km long": the clause is about Y
    elsewhere = said_of_other(question, ev.text, span)
    if elsewhere:
        return None, elsewhere
    # The claim is what is asked; a scene-setting clause was checked against the article above.
    asked = main_clause(question)
    claim = statement(asked, found)
    verdict = judge.judge(asked, claim, [ev.text], around, composed=True, article=ev.article.text)
    # A chat fragment ("baradar captured when") states nothing with its answer in place: the claim is a
    # guess at its statement, often only 'The answer to "…" is X', which the judge model reads as a claim
    # about the question. The rules, which passed, are what can be checked there (on every committed news
    # run, the four fragments turned down by the model alone were answered right by the words it turned
    # down; no fragment that the articles do not answer was among them).
    if not verdict.supported and not (fragment and verdict.reason.startswith(MODEL_UNSUPPORTED)):
        return None, f"“{claim}” is not what the sentence says: {verdict.reason}"
    return span, ""


_HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z]+)", re.IGNORECASE)


def one_count_of_several(question: str, sentence: str, span: tuple[int, int]) -> str:
    """ "How many legions were there?" is not answered by "two" in "two legions at A; two legions at B": the
    sentence counts the thing more than once, and the question names nothing of what sets this count apart
    (the words of its clause: "two legions at A")."""
    asked = _HOW_MANY.search(main_clause(question))
    if not asked:
        return ""
    thing = tx.stem_words([asked.group(1).lower()])[0]
    words = list(re.finditer(r"[\w][\w,.]*\w|\w", sentence))  # offsets in the sentence, as the span's
    counts = [  # a number, then the thing counted, right after it or after one word ("two Roman legions")
        (w.start(), nxt.end())
        for i, w in enumerate(words)
        if w.group().lower() in tx.NUMBER_WORDS or w.group()[0].isdigit()
        for nxt in words[i + 1 : i + 3]
        if tx.stem_words([nxt.group().lower()])[0] == thing
    ]
    mine = [(start, end) for start, end in counts if start <= span[0] < end]
    if len(counts) < 2 or not mine:
        return ""
    # the clause or phrase the count stands in: from the punctuation before it to the punctuation after it
    opening = max(sentence.rfind(mark, 0, mine[0][0]) for mark in ",;:(") + 1
    closing = min([i for i in (sentence.find(mark, mine[0][1]) for mark in ",;.") if i >= 0] or [len(sentence)])
    if tx.terms(sentence[opening:closing]) & (tx.terms(question) - {thing}):
        return ""
    return f"the sentence counts {asked.group(1)} more than once, and the question does not say which count"


# "How far below sea level is X?": a position on one side of a level, which a sentence that names no side
# ("X was raised by 0.3 metres") does not give. Words for one side are one side.
_SIDES = (frozenset("below beneath under underneath".split()), frozenset("above over".split()))
_HOW_FAR = re.compile(
    r"\bhow\s+(?:far|much|high|low|deep|many\s+\w+)\s+(below|beneath|under|underneath|above|over)\b", re.I
)


def _no_side(question: str, sentence: str) -> str:
    asked = _HOW_FAR.search(main_clause(question))
    if not asked:
        return ""
    side = next(words for words in _SIDES if asked.group(1).lower() in words)
    if side & set(tx.tokens(sentence)):
        return ""
    return f"the sentence does not say how far {asked.group(1).lower()} anything is"


def rate_for_a_count(question: str, sentence: str, span: tuple[int, int]) -> str:
    """ "How many hectares …?" is not answered by "5.1" in "5.1 tonnes per hectare": a rate per the thing
    asked, not a count of it."""
    asked = _HOW_MANY.search(main_clause(question))
    rate = re.match(r"\s*((?:[\w-]+\s+){1,2}?)(?:per|a|an|each)\s+([a-z]+)", sentence[span[1] :])
    if not asked or not rate:
        return ""
    thing = tx.stem_words([asked.group(1).lower()])[0]
    if tx.stem_words([rate.group(2)])[0] != thing or thing in tx.stem_words(tx.tokens(rate.group(1))):
        return ""
    return f"the sentence gives {rate.group(1).strip()} per {rate.group(2)}, not how many {asked.group(1)}"


# A sum of money: its currency after the number ("48,000 crowns") or a sign before it ("$4 million")
_CURRENCY = re.compile(
    r"^\s*(?:million\s+|billion\s+|thousand\s+)?(dollars?|pounds?|euros?|crowns?|kronor|kroner|guilders?|marks?|"
    r"francs?|rupees?|shillings?|pence|cents?|florins?|ducats?|thalers?|lire|yen|yuan)\b",
    re.I,
)


def money_for_a_count(question: str, sentence: str, span: tuple[int, int]) -> str:
    """ "By how many votes …?" is not answered by "48,000" in "an offer of 48,000 crowns": a sum of money is
    no count of the things asked, unless those are the money itself."""
    asked = _HOW_MANY.search(main_clause(question))
    money = _CURRENCY.match(sentence[span[1] :])
    signed = re.search(r"[$£€¥]\s*$", sentence[: span[0]])
    if not asked or not (money or signed) or _CURRENCY.match(f" {asked.group(1)}"):
        return ""
    return f"the sentence gives a sum of money, not how many {asked.group(1)}"


# Names joined in a list ("the Netherlands, Denmark and northern Germany"): a lowercase modifier may open an item.
_ITEM = r"(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_LIST = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})*,?\s+and\s+{_ITEM}")


def one_figure_for_a_list(question: str, sentence: str, span: tuple[int, int]) -> str:
    """ "How many hectares are grown in Denmark?" is not answered by "2,400" in "grown on 2,400 hectares in the
    Netherlands, Denmark and northern Germany": one figure for the list together, of which the question names
    only part."""
    if not tx.numbers(sentence[span[0] : span[1]]) or not re.search(r"\bhow\s+(?:many|much)\b", question, re.I):
        return ""  # a count or an amount; a date is no figure shared out ("in 2010 … the US, and X")
    asked = set(tx.names(f"Q {question}"))
    for match in _LIST.finditer(sentence):
        if match.start() - span[1] > 40 or span[0] - match.end() > 40:
            continue  # another clause's list
        items = [set(tx.names(f"Q {item}")) for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group())]
        named = [bool(item & asked) for item in items if item]
        if len(named) >= 2 and any(named) and not all(named):
            return f"the sentence gives one figure for {match.group()} together"
    return ""


# "X reported that …", "X said …": the span before a verb of saying is the source, an answer only to a
# question that asks who said it (one that uses the verb, not "reportedly").
_SAYS_AFTER = re.compile(
    r"^\s*(?:(?:has|have|had)\s+)?(?:also\s+)?(reported|said|says|told|stated|claimed|confirmed|announced|"
    r"added|wrote|argued|noted)\b",
    re.I,
)


def _the_speaker(question: str, sentence: str, span: tuple[int, int]) -> bool:
    """ "Which groups have fighters reportedly joined?" is not answered by "Afghan military personnel" in
    "Afghan military personnel reported that …". A who-question may be ("TTP chief Mehsud said …")."""
    said = _SAYS_AFTER.match(sentence[span[1] :])
    if not said or re.match(r"\W*(?:who|whom|whose)\b", main_clause(question), re.I):
        return False
    return not re.search(rf"\b{said.group(1)}\b", question, re.I)


_DURATION = re.compile(r"\bhow\s+(?:long|many\s+(?:years|months|weeks|days|hours|decades|centuries|millennia))\b", re.I)


def _point_for_a_duration(question: str, sentence: str, span: tuple[int, int]) -> bool:
    """ "How many years did it take …?" asks how long; "22,000 years" in "from 22,000 years ago" is a
    point in time, which says nothing of how long anything took."""
    asked = main_clause(question)
    return (
        bool(_DURATION.search(asked))
        and not re.search(r"\bago\b", asked, re.I)
        and bool(re.match(r"\s*ago\b", sentence[span[1] :], re.I))
    )


# A question that ends on its preposition ("What is X known for?", "... flooded by?"): the answer is
# the preposition's object, a noun phrase (or an -ing form), never a finite verb or a participle.
_STRANDED = re.compile(r"\b(?:for|of|by|with|to|from|about|after|into|on|in|at|as)\s*\?\s*$", re.IGNORECASE)
_FIRST_WH = re.compile(r"\b(how|when|where|why|what|which|who|whom|whose)\b", re.IGNORECASE)


def _fits_the_slot(question: str, span: str) -> bool:
    """Whether the span is the part of speech the question's gap takes: "significantly" says how something
    happened, not what happened; "known for?" takes a thing ("its castles"), not "created by erosion"."""
    first = _FIRST_WH.search(main_clause(question))
    if first and first.group(1).lower() in {"what", "which", "who", "whom", "whose"} and _only(span, "ADV"):
        return False
    return not (_STRANDED.search(question) and span[:1].islower() and _only(span.split()[0], "VERB"))


def _only(words: str, part: str) -> bool:
    """Whether every word is known only as `part` of speech ("ADV", "VERB"; -ing forms are nouns too)."""
    from lemminflect import getAllLemmas

    found = tx.tokens(words)
    return bool(found) and all(set(getAllLemmas(w)) == {part} and not w.endswith("ing") for w in found)
