"""Roles a claim gives people: a founder is not the leader, a vice president is not the president.

A closed class of role words of English (leader, founder, spokesman, member, deputy, envoy) and the
qualifiers that make another office of one; none names an entity.
"""

from __future__ import annotations

import re

from .. import text as tx

# --- roles ---------------------------------------------------------------------------------------------

_RANKS = frozenset("lieutenant colonel brigadier gen captain admiral commodore".split())
# A role and the words that give it (noun or verb forms). Two words of one family give the same role.
ROLE_FAMILIES: dict[str, frozenset[str]] = {
    "leader": frozenset(
        "leader leaders leadership lead leads led leading chief chiefs head heads headed chairman chairs "
        "chaired ruler rulers commander commanders commanded commanding".split()
    ),
    "founder": frozenset("founder founders co-founder cofounder founded co-founded founding".split()),
    "spokesman": frozenset("spokesman spokesmen spokeswoman spokesperson spokespeople".split()),
    "member": frozenset("member members membership".split()),
    "deputy": frozenset("deputy deputies second-in-command".split()),
    "envoy": frozenset("envoy envoys ambassador ambassadors representative representatives".split()),
    # a ministry's spokesman is no minister ("ministry" names the body, not a role)
    "minister": frozenset("minister ministers".split()),
    # who studies a body's subject is not who runs it ("a fellow at X" does not head X)
    "fellow": frozenset("fellow fellows researcher researchers scholar scholars analyst analysts".split()),
    # a military rank ("Lt. Gen.") says nothing of an office such as chief, and one rank is not another
    "officer": frozenset("officer officers".split()),
    **{rank: frozenset([rank, f"{rank}s"]) for rank in _RANKS},
}
# An officer of any rank commands: "troops under Colonel X" are the troops X commanded.
_COMMAND = frozenset("commander commanders commanded commanding".split())
# "led to", "leading up to", "the lead singer": uses of a role word that give no one a role.
_NOT_A_ROLE = re.compile(
    r"\b(?:led|leads?|leading)\s+(?:to|up|the\s+way|by\s+example)\b|\bhead(?:ed|ing)?\s+(?:to|for|towards?|back|home|off)\b"
)
# A qualifier turns a role into another one: a deputy leader or a former leader is not the leader.
QUALIFIERS = frozenset("deputy vice former ex acting assistant interim late co".split())
# People named by how they stand to someone else: "the son of the founder" is not the founder.
_KIN = frozenset(
    "son sons daughter daughters wife husband widow brother sister father mother nephew niece cousin "
    "grandson granddaughter uncle aunt aide aides adviser advisers advisor advisors friend friends".split()
)
_FOUNDED_BY = re.compile(r"\b(?:established|created|formed|set\s+up|started|instituted)\s+by\b")
_ROLE_WORD = {w: family for family, words in ROLE_FAMILIES.items() for w in words}
# The head of a body, named as a noun ("served as director of X", "the leader of X"): a quote that gives no
# one any role does not give it. (A verb, "X leads the group", is left to the model: "a top dog of it".)
_HEADS = frozenset("leader chief head chairman commander ruler director president".split())
_OFFICE_OF = re.compile(r"\b(?:as|the|a|an)\s+(?:\w+\s+)?([a-z]+)\s+of\b")


_LOOSE_LEADERS = frozenset("leaders chiefs rulers".split())
_SENIOR = frozenset("leader deputy minister founder".split())


def roles(text: str) -> dict[str, set[str]]:
    """Role family -> the qualifiers each mention carries ("" for none)."""
    folded = _NOT_A_ROLE.sub(" ", tx.fold(text))
    words = re.findall(r"[a-z][a-z\-]*", folded)
    found: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        family = _ROLE_WORD.get(word)
        if family is None:
            continue
        before = {w.removesuffix("-") for w in words[max(0, i - 2) : i]} | {word.split("-")[0]}
        # "son of the founder": the role is another person's, and the words say how he stands to them
        # ("son of the movement's founder": an owner's name may stand between)
        window = words[max(0, i - 5) : i]
        kin = next((w for w in window[:-1] if w in _KIN), "") if "of" in window else ""
        found.setdefault(family, set()).add(f"{kin} of" if kin else next(iter(sorted(before & QUALIFIERS)), ""))
    return found


def role_mismatch(claim: str, quotes: str) -> str:
    claimed, given = roles(claim), roles(quotes)
    if _FOUNDED_BY.search(tx.fold(quotes)):  # "was established by X" says who founded it
        given.setdefault("founder", set()).add("")
    office = _OFFICE_OF.search(tx.fold(claim))
    if office and office.group(1) in _HEADS and not given and office.group(1) not in tx.tokens(quotes):
        return f"the quote gives no one the office the claim names ({office.group(0)})"
    ranked = bool(given.keys() & _RANKS)
    claim_words = set(tx.tokens(claim))
    for family, qualifiers in claimed.items():
        if family == "leader" and ranked and not (claim_words & ROLE_FAMILIES["leader"]) - _COMMAND:
            continue
        # "X and Y, the group's leaders": a plural names senior figures, not the one who heads the body, so
        # any office in it gives it (a deputy, a minister, a founder), though a plain member's does not
        if family == "leader" and claim_words & ROLE_FAMILIES["leader"] <= _LOOSE_LEADERS and given.keys() & _SENIOR:
            continue
        if family == "officer" and ranked:  # a colonel is an officer
            continue
        if family not in given:
            # Another role given is a plain mismatch ("founder", not "leader"); no role at all is left to
            # the model ("a top dog of the group" says what "leads" says in other words).
            if given:
                return f"the quote gives another role ({', '.join(sorted(given))}), not {family}"
            continue
        # An unqualified "leader" from a quote that only says "deputy leader" or "former leader".
        if "" in qualifiers and "" not in given[family]:
            kinds = ", ".join(sorted(given[family]))
            return f"the quote only gives the role {family} with a qualifier ({kinds})"
        extra = qualifiers - given[family] - {""}
        if extra:
            return f"the quote does not call the {family} {', '.join(sorted(extra))}"
    return ""


# A rank below a title: "vice president", "deputy mayor", "acting governor". Any noun, not only the role
# families above: a claim that gives the bare title from a quote that gives it only with one of these
# names another office. ("former" and "late" are left to the role families: "was president" from
# "former president" is true.)
_RANK_BELOW = frozenset("vice deputy assistant acting interim associate".split())


def _titles(text: str) -> tuple[set[str], set[str]]:
    """Words of a text used bare and words used only after a rank below ("vice-president" included). A name
    after the rank is no title ranked ("special assistant Raoof Hasan"): a word English does not know."""
    from lemminflect import getAllLemmas

    words = re.findall(r"[a-z][a-z'’]*(?:-[a-z]+)*", tx.fold(text))
    bare, ranked = set(), set()
    for i, word in enumerate(words):
        head, _, rest = word.partition("-")
        if head in _RANK_BELOW and rest:
            ranked.add(rest)
        elif i and words[i - 1] in _RANK_BELOW and getAllLemmas(word):
            ranked.add(word)
        elif word not in _RANK_BELOW:
            bare.add(word)
    return bare, ranked


def rank_mismatch(claim: str, quotes: str) -> str:
    said, _ = _titles(claim)
    plain, ranked = _titles(quotes)
    stop = tx.stopwords()
    for word in sorted((said & ranked) - plain - stop):
        return f"the quote only gives a rank below {word} (vice, deputy, acting ...), not {word}"
    return ""


# Offices told apart by their portfolio: the foreign minister is not the defence minister.
_OFFICES = {"minister": "minister", "ministers": "minister", "secretary": "secretary", "secretaries": "secretary"}


def offices(text: str) -> dict[str, set[str]]:
    """Office -> the portfolios its mentions give: the word right before it ("" for none, or for a
    possessive or a function word: "the Taliban's minister" gives no portfolio)."""
    words = re.findall(r"[a-z][a-z'’\-]*|[.,;:]", tx.fold(text))  # no portfolio across punctuation
    found: dict[str, set[str]] = {}
    stop = tx.stopwords()
    for i, word in enumerate(words):
        if word not in _OFFICES:
            continue
        before = words[i - 1] if i else ""
        plain = before[:1].isalpha() and before not in stop and not re.search(r"['’]s?$", before)
        found.setdefault(_OFFICES[word], set()).add(before if plain else "")
    return found


def office_mismatch(claim: str, quotes: str) -> str:
    """A portfolio the quote gives its office holder that is not the claim's (and none left open)."""
    given = offices(quotes)
    for office, portfolios in offices(claim).items():
        theirs = given.get(office, set())
        if portfolios - {""} and theirs and "" not in theirs and not portfolios & theirs:
            return f"the quote names the {sorted(theirs)[0]} {office}, not the {sorted(portfolios - {''})[0]} {office}"
    return ""


# --- titles beside a name -----------------------------------------------------------------------------------

# Titles and offices of English that stand beside a person's name ("Archduke Sigismund", "Jane Roe, a senior
# fellow at ..."): a closed class. A claim that gives a named person a title the quote does not give, where
# the quote gives that person another, says something else of them ("Emperor Sigismund" for "Archduke
# Sigismund"; "director X" for "X, a senior assistant at ...").
TITLES = frozenset(
    "emperor empress king queen prince princess archduke duke duchess count countess baron lord pope bishop "
    "archbishop cardinal president premier chancellor governor mayor senator minister secretary ambassador "
    "envoy director chairman chairwoman chair founder leader chief commander general colonel captain "
    "lieutenant admiral marshal spokesman spokeswoman spokesperson assistant adviser advisor analyst "
    "professor researcher fellow editor correspondent diplomat officer judge".split()
)
_SAME_TITLE = {w: family for family, words in ROLE_FAMILIES.items() for w in words} | {
    "chairwoman": "leader",
    "chair": "leader",
    "advisor": "adviser",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
}
_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*|[,.;:()“”\"]")


def _family(word: str) -> str:
    return _SAME_TITLE.get(word, word)


def titled(text: str) -> dict[str, dict[str, str]]:
    """Surname (folded) -> {title family: the title's owner ("" for none)} for each title right before a
    name ("Archduke Sigismund", "Wilson Center director Jane Roe") or in the apposition after it ("Jane Roe,
    a senior fellow at ...", "Jane Roe, Ruritania's ambassador to ...")."""
    tokens = _TOKEN.findall(text)
    found: dict[str, dict[str, str]] = {}
    i = 0
    while i < len(tokens):
        if not tokens[i][0].isupper() or tokens[i].lower() in TITLES:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1][0].isupper() and tokens[j + 1].lower() not in TITLES:
            j += 1
        if j > i or (i and tokens[i - 1].lower() in TITLES):  # a full name, or one word after a title
            surname = tx.fold(tokens[j])
            before = tokens[i - 1].lower() if i else ""
            if before in TITLES or _calling(before):
                found.setdefault(surname, {})[_family(before)] = _owner(tokens, i - 1)
            if j + 2 < len(tokens) and tokens[j + 1] == ",":
                for k in range(j + 2, min(j + 8, len(tokens))):
                    word = tokens[k].lower()
                    if word in TITLES or _calling(word):
                        found.setdefault(surname, {})[_family(word)] = _owner(tokens, k)
                        break
                    if not re.match(r"\w", word) or word in {"who", "which", "said", "says", "told"}:
                        break
        i = j + 1
    return found


def _calling(word: str) -> bool:
    """A noun for what someone does by trade or study, beside the closed titles: "botanist", "historian"
    (not a verb that ends so: "assist", "insist")."""
    from lemminflect import getAllLemmas

    return bool(re.fullmatch(r"[a-z]{3,}(?:ist|ian)", word)) and "VERB" not in getAllLemmas(word)


def _held_beside(given: set[str], role: str) -> set[str]:
    """The titles of `given` that exclude `role`: a calling ("jihadist", "botanist") rules out another
    calling, not an office ("leader"), which a man of any calling may hold."""
    return given if _calling(role) else {t for t in given if not _calling(t) or t in TITLES}


def _owner(tokens: list[str], k: int) -> str:
    """Whose the title at `k` is, where a possessive name gives it ("Ruritania's envoy"): folded, or ""."""
    before = tokens[k - 1] if k else ""
    if re.search(r"['’]s$", before) and before[0].isupper():
        return tx.fold(re.sub(r"['’]s$", "", before))
    return ""


# "Walter Anstey, who served as its first chairman": an office the quote gives a named person in so many words
_SERVED = re.compile(
    r"([A-Z][\w’'-]+),\s+who\s+(?:served\s+as|was|became|had\s+been|has\s+been)\s+(?:its|the|their|his|her)\s+"
    r"((?:[a-z]+\s+){0,2}[a-z]+)\b"
)


# Nouns before a title that name the body itself, not a part of it: "the group leader" leads the group.
_BODIES = frozenset("group party movement network organisation organization company team council society guild".split())


def narrowed_title(claim: str, quotes: str) -> str:
    """The quote's "TTP support chief Qari Amjad" where the claim calls him "TTP chief": a noun before the
    title (not an adjective, not the body itself) makes it another office, which the claim drops."""
    from lemminflect import getAllLemmas

    for surname, titles in titled(claim).items():
        pattern = rf"\b([a-z]+)\s+([a-z]+)\s+(?:[A-Z][\w’'-]*\s+){{0,3}}(?i:{re.escape(surname)})\b"
        for mod, title in re.findall(pattern, quotes):
            lemmas = getAllLemmas(mod)
            if title not in TITLES or _family(title) not in titles or mod in _BODIES | TITLES | tx.stopwords():
                continue
            if "ADJ" in lemmas or "NOUN" not in lemmas:
                continue  # "former chief", "prime minister": an adjective says no other office
            # "TTP chief" heads the TTP; "Minister X" alone says only what the finance minister also is
            owned = re.search(rf"(?:\b[A-Z][\w-]*|['’]s)\s+{title}\b", claim)
            if owned and not re.search(rf"\b{mod}\s+{title}\b", claim, re.IGNORECASE):
                return f"the quote calls {surname.title()} {mod} {title}, not {title}"
    return ""


def title_mismatch(claim: str, quotes: str) -> str:
    given = titled(quotes)
    said = {_family(w) for w in re.findall(r"[a-z][\w\-]*", tx.fold(quotes))}
    for surname, titles in titled(claim).items():
        theirs = given.get(surname)
        served = [m for m in _SERVED.finditer(quotes) if {*map(_family, m.group(2).split())} & titles.keys()]
        holders = {tx.fold(m.group(1)) for m in served}
        if not theirs and holders - {surname} and re.search(rf"\b{re.escape(surname)}\b", tx.fold(quotes)):
            # "Anstey, who served as its first chairman": the office is another's the quote names
            return f"the quote gives the office to {sorted(holders - {surname})[0].title()}, not {surname.title()}"
        if not theirs:
            continue
        for family, owner in titles.items():
            if not _held_beside(set(theirs), family):
                continue  # "jihadist X" does not say he leads nothing
            if family == "diplomat" and "envoy" in theirs:
                continue  # an envoy or an ambassador is a diplomat: the kind, not another office
            if family not in theirs and family not in said:
                return f"the quote calls {surname.title()} {sorted(theirs)[0]}, not {family}"
            other = theirs.get(family, "")
            if owner and other and owner != other:
                return f"the quote makes {surname.title()} {other.title()}'s {family}, not {owner.title()}'s"
    return narrowed_title(claim, quotes)


# --- the role a question asks for -----------------------------------------------------------------------------

# A rank says nothing of an office ("Lt. Gen. X" may head a service); whoever heads a body is named by any of
# the head titles; a minister may be styled secretary or premier.
_RANK_TITLES = _RANKS | {"general", "marshal", "officer"}
_SAME_OFFICE = (frozenset({"leader", "director", "president"}), frozenset({"minister", "secretary", "premier"}))
# Words for a kind of office-holder, not one office: an envoy is a diplomat, a colonel an officer.
_KINDS_OF_OFFICE = frozenset({"diplomat", "officer", "official"})


def given_titles(sentence: str, span: tuple[int, int]) -> set[str]:
    """Title families the sentence gives whoever is named at the end of `span`: the title words in the run
    of capitalised and title words that ends on the name ("UN Assistant General Antonio Guterres"), and one
    in the apposition after it (`titled`). A rank in a run with an office ("Assistant General") belongs to
    the office's name."""
    tokens = _TOKEN.findall(sentence[: span[1]])
    if not tokens or not tokens[-1][0].isupper():
        return set()
    run = []
    for token in reversed(tokens[:-1]):
        if not (token[0].isupper() or token.lower() in TITLES):
            break
        run.append(token.lower())
    before = {_family(w) for w in run if w in TITLES}
    if before - _RANK_TITLES:
        before -= _RANK_TITLES
    return before | set(titled(sentence).get(tx.fold(tokens[-1]), {}))


def other_title(asked: str, sentence: str, span: tuple[int, int]) -> str:
    """Why the person named by `span` is not the holder of the `asked` role ("Who is X's foreign minister?"
    is not answered by "UN Assistant General Antonio Guterres"): the sentence gives them another office and
    not this one. "" when it gives them this role, one of its other names, a rank alone, or no title."""
    if not asked or asked in _KINDS_OF_OFFICE:
        return ""
    role = _family(asked)
    offices = _held_beside(given_titles(sentence, span) - _RANK_TITLES, asked)
    if not offices or role in offices or role in _RANK_TITLES:
        return ""
    if any(role in same and offices & same for same in _SAME_OFFICE):
        return ""
    return f"the sentence calls {sentence[span[0] : span[1]]} {sorted(offices)[0]}, not {asked}"


def narrowed_role(question: str, asked: str, sentence: str, span: tuple[int, int]) -> str:
    """Why the person at `span` does not hold the role a question asks for beside its body ("TTP chief",
    "Who is the TTP chief …?"): the sentence puts a noun between ("TTP support chief Qari Amjad"), which
    makes it another office (`narrowed_title`). "" when the question names no body before the role."""
    owned = re.search(rf"\b[A-Z][\w-]*(?:['’]s)?\s+{re.escape(asked)}\b", question) if asked else None
    return narrowed_title(f"{owned.group(0)} {sentence[span[0] : span[1]]}", sentence) if owned else ""


# Title words that are as often a common word ("general", "count", "chair", "judge", "fellow"): no office alone;
# nor a kind of office ("diplomat": an envoy is one).
_AMBIGUOUS_TITLES = frozenset("general count chair judge fellow assistant lord".split())


def unsaid_title(claim: str, quotes: str) -> str:
    """A title the claim gives ("often described as Sweden's first county governor") of which the quote says
    nothing, in no word of its family ("lead" is the leader's): the quote makes no one that."""
    words = re.findall(r"[a-z][\w-]*", tx.fold(quotes))  # "vice-president" is a president's word too
    said = {_family(w) for w in [*words, *(part for w in words for part in w.split("-"))]}
    for word in re.findall(r"\b[a-z][\w-]*\b", claim):
        if word in TITLES - _AMBIGUOUS_TITLES - _KINDS_OF_OFFICE and _family(word) not in said:
            return f"the quote names no {word}"
    return ""
