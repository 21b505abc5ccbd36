"""What a claim or reply adds to the question it answers: the words beyond the question's, a name the
question does not give, a bare answer that is complete as it stands. An echo adds nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .. import text as tx
from .relations import NAME_PARTICLES
from .subjects import TAKES_OF

# Words a sentence can add to the question without answering it ("the person who brokered ...").
# A noun that only stands for a place or body the question named ("extremism in the country" for "in
# Pakistan") adds nothing either.
GENERIC = frozenset(
    tx.stem_words(
        "person people thing things number something someone one way time country city group region place".split()
    )
)

# A run of capitalised words: a name as written ("Lake Constance", "Rhine Valley").
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


_WH = re.compile(r"^\W*(?:who|whom|whose|which|what|where|when|how\s+(?:many|much|long|old))\b", re.IGNORECASE)


def short_answer(question: str, claim: str) -> bool:
    """A bare answer to a wh-question ("Sohail Shaheen.", "About 6,000.") is complete as it stands: a name
    or a number, at most four words, not ending on a function word."""
    words = tx.tokens(claim)
    if not (1 <= len(words) <= 4) or not _WH.search(question) or words[-1] in tx.DANGLING:
        return False
    return bool(tx.names(f"Answer: {claim}") or tx.numbers(claim))


# Words that fill an answer's place without saying anything: nouns that only name that there was an outcome
# or a happening, and verbs and adjectives of mere sequence. A closed class of English, not any claim's.
LIGHT = frozenset(
    tx.stem_words(
        "consequence consequences result results effect effects outcome outcomes development developments event "
        "events matter matters circumstance circumstances situation follow followed following ensue ensued "
        "happen happened occur occurred recent recently subsequent subsequently certain various".split()
    )
)


def beyond(text: str, asked: set[str]) -> set[str]:
    """The content words of `text` that the question (its `asked` words) did not already say; a word
    one of the question's begins, or that begins one of them, is said ("Pakistan" / "Pakistani")."""
    new = tx.terms(text) - asked - GENERIC
    return {t for t in new if not any(min(len(t), len(a)) >= 4 and (t.startswith(a) or a.startswith(t)) for a in asked)}


def new_name(claim: str, question: str) -> bool:
    """A name the question does not give, though every word of it is the question's: "Rhine Valley" where
    the question has the valley and the Rhine apart, or "Rhin" where it has "Rhine" (a name that begins
    another is the same only as a place's people or adjective: `same_name`)."""
    asked, pairs = tx.terms(question), tx.phrases(question)
    for name in CAPITALISED.findall(claim):
        words = tx.terms(name) - GENERIC  # "Someone opened it": no name
        if len(words) >= 2 and not all(any(_same_pair(p, q) for q in pairs) for p in tx.phrases(name)):
            return True
        if any(not any(tx.same_name(w, a) for a in asked) for w in words):
            return True
    return False


def _same_pair(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return tx.same_name(a[0], b[0]) and tx.same_name(a[1], b[1])  # "Pakistan's Foreign" / "Pakistani Foreign"


def composed_anew(reply: str, question: str) -> bool:
    """Whether the reply sets two content words side by side that the question never does."""
    pairs = {pair for pair in tx.phrases(reply) if not set(pair) & GENERIC}
    return bool(pairs) and not pairs <= tx.phrases(question)


_FINITE_AUX = frozenset(
    "is are was were am be has have had do does did can could will would shall should may might must "
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't can't couldn't won't wouldn't".split()
)
# After these a verb form is an adjective, a noun or an infinitive ("hundreds of armed agents", "to
# counter"), not the predicate of a clause.
_NOT_BEFORE_FINITE = frozenset(
    "the a an of to for with by in on at from into about as its their his her our this that these those "
    "and or some many several most all any no every each other such having being".split()
)


_PRONOUNS = frozenset("i you he she it we they".split())
# A year counts nothing: "in 1868 cut the journey" has its verb after it, "46 barges" a noun.
_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


@lru_cache(maxsize=1024)  # three checks of one claim ask the same
def _finite_candidates(claim: str) -> tuple[tuple[str, bool], ...]:
    """The words after the first that can be a finite verb where a verb's own words would put one, each
    with whether it can only be one: "resources", "people", "acclaimed" can be a noun or an adjective too.
    A participle before "by" is no predicate ("the threat posed by X")."""
    from lemminflect import getAllLemmas, getInflection

    words = tx.tokens(claim)
    inner = _compound_parts(claim)
    closing = _closing_words(claim)
    after_compound = {m.group(1) for m in re.finditer(r"[^\W_][\w']*-[^\W_][\w']*\s+([\w']+)", tx.fold(claim))}
    found = []
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        if word in inner:
            continue  # "multi-award-winning": a part of a compound word is no verb
        if word in _FINITE_AUX and before != "to":
            found.append((word, True))
            continue
        lemmas = getAllLemmas(word)
        # "… from 2 to 11 December, and entered the pack ice": after "and", a word that can only be a
        # verb, in the past and with no "by" after it, is the second predicate of one subject
        second = before in {"and", "or"} and lemmas.keys() == {"VERB"} and word.endswith("ed")
        if before in _NOT_BEFORE_FINITE and not (second and words[i + 1 : i + 2] != ["by"]):
            continue
        # "an annual mean discharge": after a word that can only be an adjective, a noun
        if "NOUN" in lemmas and getAllLemmas(before).keys() == {"ADJ"}:
            continue
        # "a shore party of 16 men": before "of", a noun, save the few verbs that take it ("consists of")
        of_follows = i + 1 < len(words) and words[i + 1] == "of"
        if "NOUN" in lemmas and of_follows and not TAKES_OF & set(lemmas.get("VERB", ())):
            continue
        # "46 barges", "cross-border tensions": after a number or a compound modifier, a noun
        counted = before in tx.NUMBER_WORDS or (before[:1].isdigit() and not _YEAR.fullmatch(before))
        if "NOUN" in lemmas and (counted or word in after_compound):
            continue
        participle = "ADJ" in lemmas or any(word in getInflection(v, "VBN") for v in lemmas.get("VERB", ()))
        if before.endswith("ly") and i >= 2 and words[i - 2] in _NOT_BEFORE_FINITE and participle:
            continue  # "an internationally acclaimed journalist", not "it most likely began"
        # "a country it considers its backyard": a clause on the noun before, not the sentence's verb
        relative = before in _PRONOUNS and i >= 2 and "NOUN" in getAllLemmas(words[i - 2])
        # "responded by flattening the slope": "by" with a gerund says how, not who did it
        by_follows = i + 1 < len(words) and words[i + 1] == "by"
        by_follows = by_follows and not (i + 2 < len(words) and words[i + 2].endswith("ing"))
        # "the boiler and blast pipe.", "increased tension, with …": a bare form that can be a noun,
        # closing the phrase or standing before its comma, is the noun: a verb there would have no object,
        # complement or adverb after it. A past or -s form may end a clause ("the bridge collapsed.",
        # "here the river ends.").
        noun_closing = "NOUN" in lemmas and word in closing and not word.endswith(("ed", "s"))
        for lemma in () if noun_closing else lemmas.get("VERB", ()):
            forms = {f for tag in ("VBZ", "VBD", "VBP") for f in getInflection(lemma, tag)}
            # "the threat posed by X": a participle before "by"; "grew by 4%" is no participle
            if word in forms and not (by_follows and word in getInflection(lemma, "VBN")):
                found.append((word, not relative and not ({"NOUN", "ADJ"} & lemmas.keys())))
                break
    return tuple(found)


def _closing_words(claim: str) -> set[str]:
    """Folded words that end the claim or stand before a comma, semicolon or dash."""
    folded = tx.fold(claim)
    return {m.group(1) for m in re.finditer(r"([\w'’-]+)(?=\s*(?:[,;:–—]|[\"”’)\].!?]*\s*$))", folded)}


_VERB_PREFIXES = frozenset("re co pre un over out mis de up down cross counter under fore".split())


_COMPOUND = re.compile(r"[^\W_][\w']*(?:-[^\W_][\w']*)+")


def _compound_parts(claim: str) -> set[str]:
    """Words that stand in the claim only inside hyphenated compounds ("award" in "multi-award-winning"),
    save a verb after its prefix ("elected" in "re-elected")."""
    folded = tx.fold(claim)
    parts = set()
    for compound in _COMPOUND.findall(folded):
        segments = compound.split("-")
        # "re-elected" keeps its verb; "cross-border" is a modifier whatever its prefix
        verb_after_prefix = segments[0] in _VERB_PREFIXES and segments[1].endswith(("ed", "s"))
        parts |= set(segments[2:] if verb_after_prefix else segments[1:]) | {segments[0]}
    alone = set(tx.tokens(_COMPOUND.sub(" ", folded)))
    return parts - alone


def lacks_finite_verb(claim: str) -> bool:
    """A noun phrase or a predicate without its subject ("Victory of entire Muslims", "Committed to using
    its resources …"), not a sentence: no word after the first that can be a finite verb."""
    return not _finite_candidates(claim)


# What takes the rest of a sentence as its complement: "X is [committed to …]", "weapons, including [M-16s
# and rifles]".
_TAKES_COMPLEMENT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|became|becomes?|including|as|like)\W*$"
)


# Words in -ing that open a phrase as prepositions do ("According to X, …", "During the war, …").
_PREPOSITIONAL = frozenset(
    "according during including following regarding concerning considering notwithstanding pending barring".split()
)


_SUBJECT_OPENERS = frozenset("the a an this that these those its their his her it they he she we i".split())


def gerund_opening(claim: str) -> bool:
    """A phrase on an -ing word ("Publicly leading efforts to …, including urging …") or on a past form that
    can only be a verb ("Bought at a fruit market.", "Identified as the source.") with no word that can
    only be a finite verb: what the subject did, without the subject. A gerund that is the subject itself
    has a verb of its own ("Eliminating X is the goal")."""
    from lemminflect import getAllLemmas, getInflection

    words = tx.tokens(claim)[:2]
    if words and words[0].endswith("ly") and len(words) > 1:
        words = words[1:]
    first = words[0] if words else ""
    lemmas = getAllLemmas(first)
    # a statement does not open on its verb's past form; one that can be an adjective may open a subject
    # ("Armed men stormed the post")
    past = lemmas.keys() == {"VERB"} and any(
        first in getInflection(lemma, tag) for lemma in lemmas["VERB"] for tag in ("VBD", "VBN")
    )
    if not past and (len(first) < 5 or not first.endswith("ing") or first in _PREPOSITIONAL):
        return False
    # "Measuring roughly 1,230 km, the Rhine ranks behind …": the phrase sets the scene for a clause, whose
    # subject (a determiner, a pronoun or a name) opens what follows the comma
    if _clause_after_comma(claim):
        return False
    return not any(sure for _, sure in _finite_candidates(claim))


# A relative clause set off by a comma, its preposition and noun first where it has them: ", where …",
# ", the course of which …", ", in which …". It runs to the next comma or semicolon.
_RELATIVE = re.compile(
    r",\s+(?:(?:[\w'’-]+\s+){0,3}?(?:of|in|to|by|from|with|at|on)\s+)?(?:which|who|whom|whose|where)\b[^,;?\"“”]*"
)


# Words that open a clause that cannot stand alone ("Because the guild left."). Not those that are also
# prepositions ("Until 1937 the accepted length was …").
_SUBORDINATORS = frozenset("because although though whereas while if unless when whenever wherever".split())


def subordinate_only(claim: str) -> bool:
    """A clause that opens on a subordinating word and has no main clause after it ("Because the guild left
    Vik."): one word at most that can be its verb, and no clause with a subject of its own after a comma."""
    words = tx.tokens(claim)
    if not words or words[0] not in _SUBORDINATORS or _clause_after_comma(claim):
        return False
    return len(_finite_candidates(claim)) <= 1


def _clause_after_comma(claim: str) -> bool:
    """Whether a clause with its own subject (a determiner, a pronoun or a name first) follows a comma."""
    for match in re.finditer(r",\s+(\S+)", claim):
        opener, rest = match.group(1), claim[match.start(1) :]
        if (opener[:1].isupper() or tx.fold(opener) in _SUBJECT_OPENERS) and _finite_candidates(rest):
            return True
    return False


def relative_only(claim: str) -> bool:
    """The claim's only verbs stand in relative clauses on a phrase that has none ("At Vik, where the river
    changes its name." "The Orm Channel, the course of which now lies below the sea."): a noun phrase, not a
    sentence."""
    if not _RELATIVE.search(claim):
        return False
    rest = _RELATIVE.sub(" ", claim).split()
    # a name's words are no verbs ("The Orm Channel", though "channel" may be one)
    return not _finite_candidates(" ".join(rest[:1] + ["X" if w[:1].isupper() else w for w in rest[1:]]))


def complement_only(claim: str, quotes: Sequence[str]) -> bool:
    """The claim is what follows a quote's "is", colon or "including", copied without the subject it is
    said of ("Committed to using its resources …" from "The US is committed to using its resources …"),
    and no word of it need be a verb: a plural or a participle that can be a noun or an adjective is read
    as one ("sniper rifles", "the entire Muslim people")."""
    if any(sure for _, sure in _finite_candidates(claim)):
        return False
    opening = tx.tokens(claim)[:3]
    if len(opening) < 3:
        return False
    run = re.compile(r"(?<![\w'])" + r"\W+".join(re.escape(w) for w in opening))
    for quote in quotes:
        folded = tx.fold(quote)
        found = run.search(folded)
        before = folded[: found.start()] if found else ""
        # after a colon a whole clause may follow ("her reason: the guild keeps …"), so only a phrase
        # that opens on a gerund ("the aim: ending …") is the colon's complement
        if _TAKES_COMPLEMENT.search(before) or (before.rstrip(" “\"'").endswith(":") and opening[0].endswith("ing")):
            return True
    return False


# Words that stand in for what was asked instead of giving it: "admitted something about X", "offered an
# explanation for X" (with no explanation after it).
_PLACEHOLDER = re.compile(
    r"\b(?:something|someone|somebody|somewhere|somehow)\b"
    r"|\b(?:an?|one|some)\s+(?:explanations?|reasons?|causes?)\b",
    re.IGNORECASE,
)
# "One reason for X is Y", "Y is one reason X lasted", "an explanation: Y": the reason is given.
_GIVES = re.compile(r"\b(?:is|was|are|were|being|namely|that|because|lies|lay)\b|:", re.IGNORECASE)
# "… was what it had failed to realize": a predicate that is itself a question's clause defers the answer, as
# does one that only takes the question up ("addressed the question of whether X").
_DEFERRED = re.compile(
    r"\b(?:is|was|are|were|addressed|discussed|raised|considered|took\s+up|commented\s+on|spoke\s+about)\s+"
    r"(?:(?:the|a)\s+(?:question|issue|matter)\s+of\s+)?(?:what|why|how|who|where|when|whether)\b([^.;]*)",
    re.IGNORECASE,
)


# "X made remarks about Y", "gave a statement on Y": that words were said, not what they were.
_SAID_SOMETHING = re.compile(
    r"\b(?:made|make|makes|gave|give|gives|offered|delivered|issued)\s+(?:some\s+|a\s+|his\s+|her\s+|their\s+)?"
    r"(?:remarks?|comments?|statements?)\s+(?:about|on|regarding|concerning)\b(?![^.;]*\b(?:that|saying|calling)\b|[^.;]*[:“\"])",
    re.IGNORECASE,
)


def placeholder(question: str, claim: str) -> str:
    """Why the claim gives no answer to the question though it reads as one: a word that stands in for
    the answer, or a predicate that only asks the question again. Empty when it gives one."""
    if not question:
        return ""
    found = _PLACEHOLDER.search(claim) or _SAID_SOMETHING.search(claim)
    # "X is one reason the guild has lasted": the noun's copula gives what the reason is
    if found and not (
        found.group().lower().split()[-1].startswith(("explanation", "reason", "cause")) and _GIVES.search(claim)
    ):
        return f"says “{found.group()}” where the answer should be"
    deferred = _DEFERRED.search(claim)
    if deferred and not beyond(deferred.group(1), tx.terms(question)):
        return "only repeats the question"
    # "formed exactly what the books define it as forming": the answer is the claim's own verb again
    for verb, clause in _WHAT_CLAUSE.findall(claim):
        if set(tx.stem_words([verb.lower()])) & set(tx.stem_words(tx.tokens(clause))) - tx.stopwords():
            return "only says it did what it did"
    return self_defined(claim)


# "… through the very thing that earned them that respect", "… by the name he gave it": a light noun whose
# only description is a clause pointing back at the claim itself names nothing.
_SELF_DEFINED = re.compile(
    r"\bthe\s+(?:very\s+|same\s+|exact\s+)?(?:thing|things|name|names|way|ways|means|reason|one)\s+"
    r"(?:that\s+|which\s+)?([^,.;:“”\"()]*)",
    re.IGNORECASE,
)
_POINTING_BACK = frozenset("it them him her that this those these itself themselves".split())
_PREPOSITION = re.compile(r"\s(?:in|on|at|for|from|with|by|of|to|during|after|before|through)\s")


def self_defined(claim: str) -> str:
    for match in _SELF_DEFINED.finditer(claim):
        clause = _PREPOSITION.split(f" {match.group(1)} ")[0]
        words = tx.tokens(clause)
        if not _POINTING_BACK & set(words[1:]) or re.search(r"[“\"]", claim[match.end() :]):
            continue  # no pointer after the clause's first word; or the name follows, quoted
        if len(tx.terms(clause) - tx.terms(claim[: match.start()])) <= 1:
            return f"only describes the answer by the claim itself (“{match.group(0).strip()}”)"
    return ""


_WHAT_CLAUSE = re.compile(r"\b([a-z]{3,})\s+(?:[a-z]+ly\s+)?(?:what|whatever)\b([^.;]*)")


def truncated_copy(claim: str, quote: str) -> bool:
    """The claim is the quote's own words cut off mid-clause. A cut before a conjunction that opens another
    clause ("X fought in the south | and told …", "… | but he said") ends a clause whole: what a partial
    answer copies. One before a list's next item ("officials | and members of …") leaves the list cut."""
    body = re.sub(r"[\s.!?…]+$", "", claim)
    words = tx.tokens(body)
    if len(words) < 4:
        return False
    pattern = r"\W+".join(re.escape(w) for w in words)
    for match in re.finditer(pattern, tx.fold(quote)):
        rest = tx.fold(quote)[match.end() :]
        if rest.strip() and not re.match(r"\s*[,;:.!?\"”)\]–—-]", rest) and not _clause_follows(rest):
            return True
    return False


def _clause_follows(rest: str) -> bool:
    found = re.match(r"\s*(?:and|but|or|while|whereas)\s+([\w'’]+)", rest)
    if not found:
        return False
    word = found.group(1)
    return word in _PRONOUNS or any(sure for _, sure in _finite_candidates(f"It {word}"))


def lowercase_opening(claim: str) -> bool:
    """A written sentence opens on a capital; one that opens on a lower-case word ("argued that …") is a piece
    cut from inside another sentence. A name's particle ("al-Qaeda", "bin Laden"), a word with a capital
    inside ("iPhone") and a number or unit are no such opening."""
    first = claim.lstrip(" \"'“‘([").split(maxsplit=1)[:1]
    word = first[0] if first else ""
    if not word[:1].islower() or any(ch.isupper() or ch.isdigit() for ch in word):
        return False
    return re.split(r"[-’']", word)[0] not in NAME_PARTICLES


def incomplete(claim: str, quotes: Sequence[str]) -> bool:
    """The claim is no sentence: no finite verb, a subject's predicate or a quote's complement alone, a
    phrase whose only verbs are in relative or subordinate clauses, or a piece begun in lower case."""
    return (
        lacks_finite_verb(claim)
        or gerund_opening(claim)
        or complement_only(claim, quotes)
        or relative_only(claim)
        or subordinate_only(claim)
        or lowercase_opening(claim)
    )
