"""Words as the checks compare them: normalised, tokenised, stemmed; numbers, names, negation, hedges.

Matching runs on a normalised copy (Unicode NFKC, casefolded), never on the stored text, so offsets into
articles are unaffected: "Ｔａｌｉｂａｎ", NFD accents and "Straße"/"STRASSE" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_][\w’']*")
NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"}
_TENS = {w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)}
NUMBER_WORDS |= {w: str(n) for w, n in _TENS.items()}
# "forty-one", "twenty one": one number, not two
_COMPOUND_NUMBER = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](one|two|three|four|five|six|seven|eight|nine)\b"
)


def _compounds(text: str) -> str:
    tens = _TENS | {"twenty": 20}
    return _COMPOUND_NUMBER.sub(lambda m: str(tens[m.group(1)] + int(NUMBER_WORDS[m.group(2)])), text)


_DIGITS = re.compile(r"(?<![\w-])\d[\d,.]*")
# "non-NATO ally" denies "NATO ally" as "not a NATO ally" does, and "have yet to"/"declined to X" deny X (negative
# implicatives). "Not only X but also Y" and "not just X" assert X, and more besides.
_NEGATION = re.compile(
    # "no less than", "not more than": a bound, not a denial
    r"\b(?:not(?!\s+(?:only|just|merely|solely|simply)\b)(?!\s+(?:less|more|fewer|later|earlier)\s+than\b)"
    r"|no(?!\s+(?:less|more|fewer|later|earlier|sooner)\s+than\b)|never|neither|nor|none|without|nobody|nothing)\b"
    r"|n['’]t\b(?!\s+(?:only|just|merely|solely|simply)\b)|\bnon-(?=\w)"
    r"|\b(?:(?:has|have|had|is|are|was|were|remains?|remained)\s+yet|declined|refused|failed|failure|refusal)\s+to\b",
    re.IGNORECASE,
)
# Words that make a statement less than certain or less than universal; a claim that drops them says more
# than its source ("may" -> "will", "some" -> "all").
HEDGES = frozenset(
    "may might could possibly possible possibility perhaps likely unlikely probably potentially reportedly "
    "allegedly apparently suspected believed believes seem seems seemed some most many several partly "
    "partially expected estimate estimates estimated".split()
)
_LINKING = frozenset("prove proves proved become becomes remain remains seem seems appear appears turn turns".split())
_MODAL = re.compile(
    r"\b(?:may|might|could|possibly|possibility\s+of|perhaps|likely\s+to|reportedly|allegedly|potentially)\b"
)
# "before he could become a journeyman", "until the ship could sail", "so that it could": a clause of time
# or purpose says when or what for, not that its verb only might be so
_TIME_CLAUSE = re.compile(r"\b(?:before|until|till|so\s+that|in\s+order\s+that)\s+(?:[\w'-]+\s+){1,3}$")
UNIVERSALS = frozenset(
    "all every everyone everything always entire entirely whole wholly completely totally fully throughout".split()
)


def number_word(number: str) -> str:
    """The word for a digit string ("20" -> "twenty"); the digits when there is none."""
    return next((w for w, n in NUMBER_WORDS.items() if n == number), number)


def unsaid_universals(claim: str, quote: str) -> set[str]:
    """The claim's universal words ("all", "every") that the quote has no universal of its own for:
    "every part of life" restates "all aspects of life", but "always" is a universal of time."""
    said = set(tokens(quote)) & (UNIVERSALS | {"total", "complete", "full"})  # "total synthesis": made entirely
    return {w for w in set(tokens(claim)) & UNIVERSALS - said if w == "always" or not said - {"always"}}


def fold(text: str) -> str:
    """The matching form of a text: NFKC, casefolded, curly apostrophes straightened."""
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


def tokens(text: str) -> list[str]:
    """Folded words with possessives cut and digit groups joined ("6,000" -> "6000")."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", fold(text))
    return [re.sub(r"'s$", "", w) for w in WORD.findall(text)]


def terms(text: str) -> set[str]:
    """Stemmed content words (number words as digits)."""
    stop = stopwords()
    words = [NUMBER_WORDS.get(w, w) for w in tokens(_compounds(text.lower())) if w not in stop]
    return set(stem_words(words))


def phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of stemmed content words that stand next to each other once function words are skipped
    ("a former Taliban minister" -> (former, taliban), (taliban, minist)): a phrase the text uses."""
    stop = stopwords()
    words = stem_words([NUMBER_WORDS.get(w, w) for w in tokens(text) if w not in stop])
    return set(zip(words, words[1:], strict=False))


def stem_words(words: list[str]) -> list[str]:
    return stemmer().stemWords(words)


# "one" that is no count: "one third" is "a third", "the other one" a pronoun.
_FRACTIONS = frozenset("half third thirds quarter quarters fourth fourths fifth fifths tenth tenths".split())
_PRONOUN_ONE = frozenset("the other another this that each every any which no".split())


# "two decades", "a two-decade war": a span of years, counted in years ("20 years", "a 20-year war").
_YEARS_IN = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}
_SPAN_OF_YEARS = re.compile(r"\b(\d+|[a-z]+)([\s-])(decades?|century|centuries)\b")


def _in_years(text: str) -> str:
    def years(match: re.Match[str]) -> str:
        count = match.group(1)
        value = int(count) if count.isdigit() else int(NUMBER_WORDS.get(count, "0"))
        if not value:
            return match.group()
        unit = "years" if match.group(2) == " " else "year"
        return f"{value * _YEARS_IN[match.group(3)]}{match.group(2)}{unit}"

    return _SPAN_OF_YEARS.sub(years, text)


def numbers(text: str) -> set[str]:
    """Numbers stated in the text ("M-16s" is a name, not a number); spans of decades or centuries in
    years ("two decades" states 20 years)."""
    text = _in_years(_compounds(fold(text)))
    words = tokens(text)
    found = {
        NUMBER_WORDS[w]
        for i, w in enumerate(words)
        if w in NUMBER_WORDS
        and not (
            w == "one" and ((i + 1 < len(words) and words[i + 1] in _FRACTIONS) or (i and words[i - 1] in _PRONOUN_ONE))
        )
    }
    for match in _DIGITS.finditer(unicodedata.normalize("NFKC", text)):
        found.add(re.sub(r"(?<=\d),(?=\d{3})", "", match.group()).rstrip(".,"))
    return found


def names(text: str) -> list[str]:
    """Stemmed capitalised words that do not open the sentence (proper names, mostly), and an acronym that
    does ("UNESCO describes …")."""
    words = WORD.findall(unicodedata.normalize("NFKC", text))
    stop = stopwords()
    opener = words[:1] if words and len(words[0]) >= 2 and words[0].isupper() else []
    # a number word is a number, whatever its case ("the Thirty Years' War"): the number checks read it
    caps = [w for w in opener + words[1:] if w[0].isupper() and fold(w) not in stop and fold(w) not in NUMBER_WORDS]
    return list(dict.fromkeys(stem_words([tokens(w)[0] for w in caps if tokens(w)])))


_AUXILIARY_FORMS = "does did do is are was were has have had can could will would should".split()
# The slot of a question's auxiliary: right after its question word, before the subject ("where doe the").
_AUXILIARY_SLOT = re.compile(
    r"\b(?P<wh>what|where|when|which|who|whom|why|how)\s+(?P<aux>[a-z]{2,6})"
    r"(?=\s+(?:the|a|an|this|that|these|those|it|its|they|their|he|his|she|her|we|you|i|[A-Z])\b)",
    re.IGNORECASE,
)


def mend_auxiliary(question: str) -> str:
    """The question with an auxiliary typed one letter short written out ("where doe the other third flow?"
    -> "where does …"): every check that writes the question as a claim reads its auxiliary. Only in the
    auxiliary's slot, and only a word no auxiliary is, that one dropped letter makes one."""

    def mended(match: re.Match[str]) -> str:
        typed = match.group("aux")
        if typed.lower() in _AUXILIARY_FORMS:
            return match.group()
        full = [
            a
            for a in _AUXILIARY_FORMS
            if len(a) == len(typed) + 1 and any(a[:i] + a[i + 1 :] == typed.lower() for i in range(len(a)))
        ]
        return f"{match.group('wh')} {full[0]}" if len(full) == 1 else match.group()

    return _AUXILIARY_SLOT.sub(mended, question)


def opening_name(text: str) -> list[str]:
    """The stem of the text's first word when it is a name: capitalised and no English word ("Iran hosted
    the talks"; not "Militants", "However"). `names` leaves the first word out, capitalised for its place."""
    from lemminflect import getAllLemmas

    words = WORD.findall(unicodedata.normalize("NFKC", text))
    if not words or not words[0][0].isupper() or fold(words[0]) in stopwords():
        return []
    word = tokens(words[0])[0]
    return [] if getAllLemmas(word) else stem_words([word])


# A place's adjective or people ("Pakistani", "Iranians", "Nepalese"): the same name for a check on who is who.
_DEMONYM_ENDINGS = ("i", "is", "ian", "ians", "an", "ans", "ese", "ish", "n", "ns")
_PEOPLES = ("i", "ian", "ese", "es", "ish", "ean")  # stems of "Pakistani", "Chinese", "English"; not "Khan"


def same_start(a: str, b: str) -> bool:
    """One name stem is the other's start, four letters or more ("pakistan"/"pakistani", "afghan"/"afghanistan")."""
    return min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


def misspelt(a: str, b: str) -> bool:
    """One name stem is the other with one letter more inside it ("emmrich"/"emmerich", "wessel"/"wesel"):
    a typing slip, five letters or more, first and last letters kept."""
    short, long = sorted((a, b), key=len)
    if len(short) < 5 or len(long) != len(short) + 1 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))


# A run of capitalised words: a full name ("Noor Wali Mehsud", "Imran Khan's").
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _name_runs(text: str) -> list[str]:
    """Each run of capitalised words, the text's opening word left out where it is a common word ("Did
    Imran Khan ..."), possessive kept ("Imran Khan's")."""
    runs = []
    for full in _FULL_NAME.findall(text):
        words = full.split()
        while words and fold(words[0]) in stopwords():
            words = words[1:]
        runs.append(" ".join(words))
    return runs


def full_names(text: str) -> list[set[str]]:
    """The name stems of each run of two or more capitalised words ("Noor Wali Mehsud")."""
    return [parts for run in _name_runs(text) if len(parts := set(names(f"Q {run}"))) > 1]


def rest_of_name(name: str, text: str, found: set[str], around: str, near: str = "") -> bool:
    """Whether `name` is a part of a full name in `text` ("Imran" of "Imran Khan") left out where another part is
    `found` ("Khan's arrest"), `around` giving it all; a people's adjective ("Pakistani") only `near` it."""
    spaced, close = " ".join(around.split()), " ".join(near.split())  # an owner's name ends at its "'s"
    for run in (part for whole in _name_runs(text) for part in re.split(r"['’]s\s+", whole)):
        parts, bare = names(f"Q {run}"), _POSSESSIVE.sub("", run)
        if name in parts and (shared := (set(parts) - {name}) & found) and bare in spaced:
            return bare in close or not all(p.endswith(_PEOPLES) or _people_an(p) for p in shared)
    return False


def _people_an(stem: str) -> bool:
    """ "afghan", "american", "german": a people's adjective in -an; not a longer surname in -man ("kugelman";
    "ottoman", seven letters, stays a people's word: the length is set by these two words, not fitted)."""
    return stem.endswith("an") and len(stem) > 5 and not (stem.endswith("man") and len(stem) > 7)


def same_name(a: str, b: str) -> bool:
    """Whether two name stems name the same thing, a place's adjective counting as the place."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long.startswith(short) and long[len(short) :] in _DEMONYM_ENDINGS)


def negated(text: str) -> bool:
    """Whether it denies something; not by "without" ("left without power" restates "cut power"; `negated_terms`)."""
    return any(m.group() != "without" for m in _NEGATION.finditer(fold(text)))


_NOT_DECLINED = r"(?:\bnot|\bnever|n['’]t)\s+(?:declin|refus|fail)\w*\s+to\b"  # "not decline to X": X was done
_TWICE = r"\b(?:not|never|no)\s+(?:never|not|no|nothing|none|nobody)\b|n['’]t\s+never\b"
_DOUBLE_NEGATIVE = re.compile(f"{_TWICE}|{_NOT_DECLINED}")


def double_negative(text: str) -> bool:
    """ "will not never end": two negations in a row, which garble or undo each other."""
    return bool(_DOUBLE_NEGATIVE.search(fold(text)))


def negated_terms(text: str, claim: str = "") -> set[str]:
    """Stem of the first content word after each negation (and of the next, after an adverb): what the
    sentence says is not so; and what was offered and then turned down ("offered a knighthood …, but he
    declined it": neither the knighthood nor being knighted happened), unless the `claim` speaks of the offer."""
    found = _scoped_terms(text, _NEGATION)
    for match in _DECLINED_OFFER.finditer(fold(text)) if not re.search(r"\boffer", claim, re.I) else ():
        noun = match.group(1)
        found |= {stem_words([noun])[0], stem_words([re.sub(r"(?:hood|ship|ment|ation|ion)$", "", noun)])[0]}
    return found


_DECLINED_OFFER = re.compile(
    r"\boffered\s+(?:him\s+|her\s+|them\s+)?(?:a\s+|an\s+|the\s+)?([a-z][\w-]{3,})\b[^.;]{0,80}?"
    r"\b(?:declined|refused|rejected|turned\s+down)\s+(?:it|them|the\s+offer)\b"
)


def hedged_terms(text: str) -> set[str]:
    """Stem of the first content word after each modal hedge ("may", "possibility of"), and the head of a
    noun phrase a hedging adjective opens ("possible US targeting of X": targeting): what the sentence
    says only might be so."""
    found = _scoped_terms(text, _MODAL)
    for match in _HEDGED_PHRASE.finditer(fold(text)):
        found.add(stem_words([match.group(1)])[0])
    return found


# "possible US targeting of …", "a potential threat to …": the phrase's head is what might be so (its
# modifiers, "US", are not hedged).
_HEDGED_PHRASE = re.compile(
    r"\b(?:possible|potential|probable)\s+(?:[\w'’-]+\s+){0,2}?([a-z][\w'’-]*)(?=\s+(?:of|to|for|against|by|in|on)\b|[,.;:]|$)"
)


# "hard for X to recognize", "would recognize": the verb after these names an act not said to have happened.
_UNASSERTED = re.compile(r"\b(?:to|would|could|might|may|should|can|will|must)\b")


def unasserted_terms(text: str) -> set[str]:
    """Stem of the first content word after "to" or a modal: what the text mentions without saying it is so."""
    return _scoped_terms(text, _UNASSERTED)


def _scoped_terms(text: str, cue: re.Pattern[str]) -> set[str]:
    folded = fold(text)
    stop = stopwords() | HEDGES
    found: set[str] = set()
    for match in cue.finditer(folded):
        if cue is _MODAL and _TIME_CLAUSE.search(folded[: match.start()]):
            continue
        following = [w for w in tokens(folded[match.end() :]) if w not in stop]
        # "not officially recognize": the cue's scope is the verb its adverb qualifies, too; "could prove
        # useful": a linking verb's complement is what is hedged.
        taken = 2 if following and (following[0].endswith("ly") or following[0] in _LINKING) else 1
        found |= set(stem_words(following[:taken]))
    return found


# Words no finished English sentence ends on: articles, prepositions, conjunctions, relative pronouns.
DANGLING = frozenset(
    "a an the of by to for from with in on at into onto about as than and or but nor that which who whom "
    "whose where when while because although though if unless whether so its their his her my our your "
    "very such between among against during after before since until upon via including like".split()
)


def is_fragment(text: str) -> bool:
    """Small models sometimes stop mid-clause ("So many fighters who", "a group blamed by")."""
    words = tokens(text)
    if len(words) < 3:
        return True
    # "41 in favour and six against", "ever since", "soon after": a preposition standing as an adverb
    adverbial = words[-1] in _ADVERBIAL_END and (
        words[-2] in NUMBER_WORDS or words[-2][0].isdigit() or words[-2] in {"ever", "soon", "long", "shortly"}
    )
    return words[-1] in DANGLING and not adverbial


_ADVERBIAL_END = frozenset("against before after since".split())


def acronyms(text: str) -> set[str]:
    """Initials of each run of capitalised words, hyphen parts counted ("Tehrik-e-Taliban Pakistan" ->
    "ttp", "United States" -> "us"): an acronym in a claim is found in a quote that spells it out."""
    found: set[str] = set()
    run: list[str] = []
    for word in re.split(r"[\s\-–/]+", unicodedata.normalize("NFKC", text)) + [""]:
        word = word.strip("\"“”‘’'(),.;:")
        if word[:1].isupper():
            run.append(word[0].casefold())
            continue
        if word and len(word) <= 2 and run:  # "e", "of": linking parts inside a name
            continue
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                found.add("".join(run[i:j]))
        run = []
    return found


def overlap(question: str, sentence: str) -> float:
    """Share of the question's content words found in the sentence."""
    wanted = terms(question)
    return len(wanted & terms(sentence)) / len(wanted) if wanted else 0.0


@lru_cache(maxsize=1)
def stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """bm25s's and NLTK's English lists (NLTK's in llama-index-core), plus question and reporting words."""
    from bm25s.stopwords import STOPWORDS_EN

    from .ingestion.chunking import nltk_data_dir

    nltk_list = (nltk_data_dir() / "corpora" / "stopwords" / "english").read_text(encoding="utf-8").split()
    extra = {"according", "also", "said", "says", "article", "articles", "many", "much", "whose", "would", "could"}
    return frozenset(STOPWORDS_EN) | frozenset(nltk_list) | extra
