"""Who does what to whom: lexical checks a word-overlap rule cannot make.

- **Swapped relations.** "X met the leader of Y" does not say "X leads Y"; "A, B's ambassador to C" does
  not say "A is C's ambassador to B". For each relation word of the claim that the quote also uses, the
  nearest name on each side of it in the claim must not stand only on the other side of that word in the
  quote. Passive voice ("claimed by X") flips sides legitimately, so a "by" between the two ends the check.
- **Replaced qualifiers.** "The Pakistani government" is not "the Indian government": a name that
  qualifies a thing in the claim must not be one the quote replaces by another name before that thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import text as tx
from ..retrieval.aliases import Aliases
from .subjects import noun

WINDOW = 12  # words on each side of a relation word that still belong to it
_ROLE_LINKS = frozenset({"of", "to", "for"})  # "leader of", "ambassador to", "spokesman for"
_TOKEN = re.compile(r"[^\W_][\w’'\-]*|[,;:()]")


@dataclass(frozen=True)
class Word:
    stem: str
    name: bool  # capitalised (or all capitals), not a stop word
    plain: str
    possessive: bool = False  # "Iran's": a determiner of the name after it


# Lower-case particles that open a name ("al Qaeda", "bin Laden", "van Gogh"): part of the name.
NAME_PARTICLES = frozenset("al el bin ibn de van von der den le la di da du ul".split())


def parse_words(text: str) -> list[Word]:
    stop = tx.stopwords()
    words = []
    raws = _TOKEN.findall(text)
    for n, raw in enumerate(raws):
        if raw in NAME_PARTICLES and n + 1 < len(raws) and raws[n + 1][:1].isupper():
            raw = raw.capitalize()
        if raw in ",;:()":  # kept as a boundary: no stem, no name
            words.append(Word(stem="", name=False, plain=raw))
            continue
        folded = tx.fold(raw)
        owner = bool(re.search(r"['’]s$", folded))
        folded = re.sub(r"['’]s$", "", folded)
        folded = re.sub(r"-in-chief$", "", folded)  # "commander-in-chief of X" commands X
        stem = tx.stem_words([folded])[0] if folded not in stop else ""
        # "al-Qaeda", "bin-Laden": a particle joined to a capitalised name opens the name
        head, _, rest = raw.partition("-")
        name = (raw[0].isupper() or (head in NAME_PARTICLES and rest[:1].isupper())) and folded not in stop
        words.append(Word(stem=stem, name=name, plain=folded, possessive=owner))
    return words


def swapped_relation(
    claim: str, quotes: Sequence[str], aliases: Aliases | None = None, verbs_only: bool = False
) -> str:
    """A relation the quotes state between other parties; empty when none is found. `aliases`: other
    names for the same party ("America" for "the United States"). `verbs_only`: the claim is a question
    with its answer put in by grammar, whose word order around a noun ("on CNN … for the first time") is
    the asker's, not a relation: only verbs relate its parties by their sides."""
    aliases = aliases or Aliases()
    c = parse_words(claim)
    quotes = [re.sub(r"\s*\[[^\]]*\]", "", quote) for quote in quotes]  # an editor's insertion parts no relation
    q = [parse_words(quote) for quote in quotes]
    for i, word in enumerate(c):
        if word.name or not word.stem or word.plain.isdigit():
            continue
        places = [(k, j) for k, ws in enumerate(q) for j, w in enumerate(ws) if w.stem == word.stem and not w.name]
        if not places:
            continue
        left, right = _nearest(c, i, -1), _nearest(c, i, 1)
        # "India's ambassador to Afghanistan" from "Afghanistan's ambassador to India": both ends swapped. (A
        # role's object, below, the composed claim's grammar does carry: "the length of X".)
        noun_order = verbs_only and (not may_be_verb(word.plain) or _noun_here(c, i))
        if left and right and left != right and not noun_order:
            kept = any(_on_side(q[k], j, left, -1) or _on_side(q[k], j, right, 1) for k, j in places)
            flipped = any(_on_side(q[k], j, left, 1) and _on_side(q[k], j, right, -1) for k, j in places)
            if flipped and not kept:
                return f"the quote has {right} and {left} the other way round around “{word.plain}”"
        # "the commander of X" where the quotes only make him the commander of Y.
        if i + 1 < len(c) and c[i + 1].plain in _ROLE_LINKS:
            wanted = _object(c, i + 1)
            roles = [(k, j) for k, j in places if j + 1 < len(q[k]) and q[k][j + 1].plain in _ROLE_LINKS]
            given = {_object(q[k], j + 1) for k, j in roles} - {None}
            if wanted and given and not any(same_party(wanted, g, aliases) for g in given):
                if any(_same_owned(_owned(c, i + 1), _owned(q[k], j + 1), aliases) for k, j in roles):
                    continue
                # "members of AQIS" from "members of Al Qaeda in the Indian Subcontinent (AQIS)"
                if any(re.search(rf"\({wanted}\w*\)", tx.fold(quotes[k])) for k, _ in roles):
                    continue
                # "the kingdoms of Francia on the Lower Rhine, Burgundy on … and Alemannia": a plural takes a list
                if any(_listed(wanted, q[k], j, aliases) for k, j in roles if q[k][j].plain.endswith("s")):
                    continue
                if any(
                    _owner_as_adjective(_owned(c, i + 1)[1], wanted, _owned(q[k], j + 1)[1], aliases) for k, j in roles
                ):
                    continue
                return f"the quote makes it “{word.plain} {c[i + 1].plain}” {sorted(given)[0]}, not {wanted}"
    return reversed_voice(c, q, aliases) or swapped_doer(c, q, aliases)


_BE = frozenset("is are was were be been being".split())
_LIST = 16  # words after a plural role noun in which its list of names may run
# Where a list of names ends at the latest: a clause of its own begins.
_CLAUSE_OPENERS = frozenset("; : ( ) until when while which who that because after before where since".split())


def _listed(wanted: str, words: list[Word], j: int, aliases: Aliases) -> bool:
    """Whether the list of names after a plural role noun ("the kingdoms of Francia on the Lower Rhine,
    Burgundy on …") names the claim's; the list ends where a clause begins ("…, until it turns")."""
    for w in words[j + 2 : j + 2 + _LIST]:
        if w.plain in _CLAUSE_OPENERS:
            return False
        if w.name and same_party(wanted, w.stem, aliases):
            return True
    return False
    return False


def reversed_voice(c: list[Word], q: list[list[Word]], aliases: Aliases) -> str:
    """A claim that makes the quote's doer the one done to: "X blames Beijing" from "X, a group blamed by
    Beijing", or "X was blamed by Beijing" from "X blames Beijing". A passive names its doer after "by"; an
    active verb, what it acts on after it."""
    for i, word in enumerate(c):
        if word.name or not word.stem or not may_be_verb(word.plain):
            continue
        doer = _doer(c, i)
        done_to = None if doer or (i and c[i - 1].plain in _BE) else _nearest(c, i, 1, definite=True)
        for ws in q:
            for j, w in enumerate(ws):
                if w.stem != word.stem or w.name or _noun_here(ws, j):  # "under the direction of X": X directs
                    continue
                their_doer = _doer(ws, j)
                their_done_to = (
                    None if their_doer or (j and ws[j - 1].plain in _BE) else _nearest(ws, j, 1, definite=True)
                )
                if (their_doer and done_to and _alike(their_doer, done_to, aliases)) or (
                    doer and their_done_to and _alike(doer, their_done_to, aliases)
                ):
                    return f"the claim turns round who {w.plain} whom"
    return ""


def swapped_doer(c: list[Word], q: list[list[Word]], aliases: Aliases) -> str:
    """A claim whose doer the quote names only after the verb, while the quote's doer stands after the
    claim's verb: "X hosted talks between Y and Z" from "Y hosted talks between X and Z". Active verbs
    only: a passive names its doer after "by" (`reversed_voice`)."""
    for i, word in enumerate(c):
        if word.name or not word.stem or not may_be_verb(word.plain) or _passive(c, i) or _nominal(c, i):
            continue
        doer = _nearest(c, i, -1, definite=True)
        if doer is None:
            continue
        for ws in q:
            for j, w in enumerate(ws):
                if w.stem != word.stem or w.name or _passive(ws, j) or _nominal(ws, j):
                    continue
                theirs = _nearest(ws, j, -1, definite=True)
                if theirs is None or _alike(theirs, doer, aliases):
                    continue
                ours_after = _on_side(ws, j, doer, 1, definite=True) and not _on_side(ws, j, doer, -1, definite=True)
                theirs_after = _on_side(c, i, theirs, 1, definite=True) and not _on_side(
                    c, i, theirs, -1, definite=True
                )
                if ours_after and theirs_after:
                    said = next(x.plain for x in ws if x.stem == theirs)
                    return f"the quote says {said} {w.plain}, not {next(x.plain for x in c if x.stem == doer)}"
    return ""


def _nominal(words: list[Word], i: int) -> bool:
    """A noun by `_noun_here`, unless a noun phrase follows it: "the guild accused the commission" has a verb
    between two noun phrases, "the reporting period" none."""
    return _noun_here(words, i) and not (i + 1 < len(words) and words[i + 1].plain in DETERMINERS)


def _noun_here(words: list[Word], i: int) -> bool:
    """A determiner before the word, names and words that are no verb between allowed: "a UN report", "the
    reporting period", "the tall rock"."""
    j = i - 1
    while j >= 0 and (words[j].name or (words[j].stem and not may_be_verb(words[j].plain))):
        j -= 1
    return j >= 0 and words[j].plain in DETERMINERS


def _passive(words: list[Word], i: int) -> bool:
    """A participle after a form of "be" or before "by": the one before it is done to, not the doer."""
    return bool(_doer(words, i)) or (i > 0 and words[i - 1].plain in _BE) or (i > 1 and words[i - 2].plain in _BE)


def _doer(words: list[Word], i: int) -> str | None:
    """The doer a passive verb names after "by" ("blamed by Beijing"; not "an ally by treaty"), after its
    complement too where a form of "be" makes it passive ("is designated as an ally by the United States")."""
    if i + 1 >= len(words) or not _participle(words[i].plain):
        return None
    if words[i + 1].plain == "by":
        return _nearest(words, i + 1, 1)
    if i and words[i - 1].plain in _BE:
        for k in range(i + 2, min(len(words), i + _COMPLEMENT)):
            if words[k].plain in ",;:()":
                break
            if words[k].plain == "by":
                return _nearest(words, k, 1)
    return None


_COMPLEMENT = 9  # words a passive's complement may run before its "by"


def _participle(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection

    return any(word != lemma and word in getInflection(lemma, "VBN") for lemma in getAllLemmas(word).get("VERB", ()))


def replaced_qualifier(claim: str, quotes: Sequence[str], aliases: Aliases | None = None) -> str:
    """A name that qualifies a thing in the claim, where the quotes qualify that thing with another name
    and never give the claim's: "urged the Pakistani government" from "urging the Indian government".
    The claim's name may well stand in the sentences around (what the article is about); the quote
    still speaks of another party's government."""
    aliases = aliases or Aliases()
    c = parse_words(claim)
    quotes = [re.sub(r"\s*\[[^\]]*\]", "", quote) for quote in quotes]  # an editor's insertion parts no relation
    q = [parse_words(quote) for quote in quotes]
    # A quote's first word is capitalised for its place only.
    quote_names = {_party(w) for ws in q for j, w in enumerate(ws) if j and w.name and w.stem}
    claim_names = {_party(w) for w in c if w.name and w.stem}
    initials = tx.acronyms(" ".join(quotes))  # "his PTI party" from "Khan's Pakistan Tehreek-e-Insaf party"
    for i in range(1, len(c) - 1):
        name, thing = c[i], c[i + 1]
        if not (name.name and name.stem) or thing.name or not thing.stem or thing.plain[:1].isdigit():
            continue
        # "where the Rhine branches off" names who acts, not whose branches; but "the Afghan border town"
        # against the quote's "Syrian border town" is a noun before its noun, as the quote has it too
        compound = (
            i + 2 < len(c)
            and noun(c[i + 2].plain)
            and any(
                ws[j].stem == thing.stem and ws[j + 1].stem == c[i + 2].stem for ws in q for j in range(1, len(ws) - 1)
            )
        )
        if not name.possessive and may_be_verb(thing.plain) and not compound:
            continue
        # "al Qaeda's strategic directions" from "the Taliban's strategic directions": the thing has another owner,
        # whatever else the quote says of al Qaeda
        owners = {_party(ws[j]) for ws in q for j in range(len(ws) - 1) if _owns(ws, j, thing)}
        if name.possessive and owners and not any(_alike(_party(name), o, aliases) for o in owners):
            return f"the quote makes it {sorted(owners)[0]}'s {thing.plain}, not {name.plain}'s"
        if name.plain in initials or any(_alike(_party(name), n, aliases) for n in quote_names):
            continue
        others = {
            _party(ws[j])
            for ws in q
            for j in range(1, len(ws) - 1)
            if ws[j + 1].stem == thing.stem and ws[j].name and ws[j].stem and not ws[j + 1].name
        }
        others = {o for o in others if not any(_alike(o, n, aliases) for n in claim_names)}
        if others:
            return f"the quote says {sorted(others)[0]} {thing.plain}, not {name.plain} {thing.plain}"
    return ""


def _owns(words: list[Word], j: int, thing: Word) -> bool:
    return words[j].possessive and words[j].name and bool(words[j].stem) and words[j + 1].stem == thing.stem


DETERMINERS = frozenset("the a an its their his her our this that these those some many several".split())


def may_be_verb(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


def _party(word: Word) -> str:
    """The name in a word: "US" of "US-led", "Taliban" of "Taliban-run"."""
    return tx.stem_words([word.plain.split("-")[0]])[0] if "-" in word.plain else word.stem


def _alike(a: str, b: str, aliases: Aliases) -> bool:
    """One party: the same name or alias, or one name the other's start ("Afghan", "Afghanistan")."""
    return same_party(a, b, aliases) or tx.same_start(a, b)


# "targeted in Nahr-e-Seraj": a name after a preposition of place or time is where or when, not a party.
_SETTING = frozenset("in at on near during inside within outside".split())  # not "into", "from": those give direction
# "X is the famous rock that the Rhine flows around": a relative clause's names are its own clause's parties.
_RELATIVE = frozenset("that which who whom whose".split())


def _definite(words: list[Word], j: int) -> bool:
    """A party named by "the" and a noun ("the guild accused the commission"): encyclopedic text calls its
    recurring bodies so, as news calls them by name."""
    from lemminflect import getAllLemmas

    w = words[j]
    lemmas = getAllLemmas(w.plain)  # a word the lexicon lacks ("cheesemaker") is most likely a noun
    return bool(w.stem) and not w.name and j > 0 and words[j - 1].plain == "the" and ("NOUN" in lemmas or not lemmas)


def _nearest(words: list[Word], i: int, step: int, definite: bool = False) -> str | None:
    """The nearest name on one side of word `i` within the window; `definite`: or a party named by "the"."""
    j = i + step
    while 0 <= j < len(words) and abs(j - i) <= WINDOW:
        w = words[j]
        # "relies on X", "calls on X": "on" right after the relation word takes its object, not a setting
        setting = w.plain in _SETTING and not (w.plain == "on" and j == i + 1)
        if w.plain == "by" or w.plain in _RELATIVE or (step > 0 and setting):
            return None
        if (w.name and w.stem) or (definite and _definite(words, j)):
            return w.stem
        j += step
    return None


def _object(words: list[Word], link: int) -> str | None:
    """The first name just after a role's link word ("commander of [the] X"). An owner named before
    another name is not what the role governs ("commander of Iran's Quds Force" commands the force);
    before a common noun it is ("a member of Norland's parliament")."""
    following = words[link + 1 : link + 7]
    if words[link].plain == "to" and following and _infinitive(following[0]):
        return None  # "continued to rise in X": "to" opens a verb, no role's object
    for n, w in enumerate(following[:4]):
        if w.plain in ",;:()":  # "bodies of water: the Obersee ...": the phrase ended without a name
            return None
        if not (w.name and w.stem):
            continue
        # "of the Afghan Army's 215 Maiwand Corps": the owner's whole name, then a count, then what is owned
        end = n
        while end + 1 < len(following) and following[end].name and not following[end].possessive:
            end += 1
        rest = [x for x in following[end + 1 :] if not x.plain.isdigit()]
        if following[end].possessive and rest and rest[0].name and rest[0].stem:
            return rest[0].stem
        return w.stem
    return None


def _infinitive(word: Word) -> bool:
    """A lower-case word that can be a verb's base form, right after "to" ("to rise", "to help")."""
    from lemminflect import getAllLemmas

    return not word.name and word.plain.isalpha() and word.plain in getAllLemmas(word.plain).get("VERB", ())


def _owned(words: list[Word], link: int) -> tuple[str, set[str]]:
    """The common noun a role's object phrase ends on and the names before it ("linked to Khan's Pakistan
    Tehreek-e-Insaf party": "party", {khan, pakistan, tehreek-e-insaf}); no noun when a name ends it."""
    owners: set[str] = set()
    for w in words[link + 1 : link + 6]:
        if w.plain in ",;:()":
            break
        if w.name and w.stem:
            owners.add(w.stem)
        elif w.stem:
            return w.stem, owners
    return "", owners


def _owner_as_adjective(owners: set[str], wanted: str, names: set[str], aliases: Aliases) -> bool:
    """ "for Pakistan's Foreign Ministry" from "for the Pakistani Foreign Ministry": one name, its owner written
    as a possessive or as an adjective. Every name of the claim's phrase is one of the quote's."""
    return wanted in names and all(any(same_party(o, x, aliases) for x in names) for o in owners)


def _same_owned(a: tuple[str, set[str]], b: tuple[str, set[str]], aliases: Aliases) -> bool:
    """One thing: the same common noun, owned by a name both phrases give ("Imran Khan's party", "Khan's
    Pakistan Tehreek-e-Insaf party"). Which of its names comes first does not change what it is."""
    (noun, names), (other, other_names) = a, b
    return bool(noun) and noun == other and any(same_party(x, y, aliases) for x in names for y in other_names)


def same_party(a: str, b: str, aliases: Aliases) -> bool:
    """Two name stems for one party: the same name, or another name the aliases give it (its first word)."""
    if tx.same_name(a, b):
        return True
    for one, other in ((a, b), (b, a)):
        forms = aliases.of(one) - {one}
        if other in {tx.stem_words([f.split()[0]])[0] for f in forms if f.split()}:
            return True
    return False


def _on_side(words: list[Word], i: int, name: str, step: int, definite: bool = False) -> bool:
    j = i + step
    while 0 <= j < len(words) and abs(j - i) <= WINDOW:
        if words[j].plain == "by":
            return False
        if (words[j].name or (definite and _definite(words, j))) and words[j].stem == name:
            return True
        j += step
    return False
