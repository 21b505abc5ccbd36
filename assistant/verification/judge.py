"""Whether a claim is supported by the quotes it cites: reliable rules first, then a language model.

The rules catch what a lexical check can be sure of: a number, a name or a universal word ("all") the
quotes do not contain; a sentence that asserts what the quote negates or only calls possible; a
fragment; a sentence that only repeats the question. The model catches what words alone cannot:
paraphrase on one side, changed relations and contradictions on the other. It reads the question, the
quotes and the claim and is scored in one forward pass (the probability that its one-word reply is
"Yes"); its instructions are the same for every claim, so that part of the prompt stays cached.

`Judge.answers` asks the other question: whether a verbatim passage answers the question at all (a
quoted answer, and whether a written one is on point).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from .. import text as tx
from ..models.llms import Scorer, complete, span_grammar
from ..models.prompts import Prompts
from ..months import month_of, months
from ..retrieval.aliases import Aliases
from ..safety import carries_markup
from .attachment import gloss_of
from .causal import stated_cause
from .claims import MODEL_UNSUPPORTED, mentions_question, named_acts
from .copying import ANSWER_TOKENS, NO_ANSWER, copy_words, read
from .counts import periods_dated, referring_counts, restated_durations, spelled_numbers, unsaid_ordinal
from .descriptions import described_otherwise
from .echoes import (
    LIGHT,
    beyond,
    composed_anew,
    incomplete,
    new_name,
    placeholder,
    short_answer,
    truncated_copy,
)
from .events import other_occasion, present_for_past, unsaid_event
from .objects import other_object
from .reference import (
    FIRST_PERSON,
    POINTER,
    attributed,
    demonstrated,
    described_names,
    left_to_context,
    negation_referred_to,
    opening_name,
    pointed_elsewhere,
    reaches_back,
    refers,
    resolved,
    said_beside,
    speaker_failure,
)
from .relations import replaced_qualifier, swapped_relation
from .structure import structure_failure
from .subjects import opening

CHOICES = ("Yes", "No")
ASSUMPTION_CHOICES = ("Yes", "No", "Unknown")
# In rules-only mode this share of the claim's content words must appear in the quotes; with a model the
# floor only turns away claims that have next to nothing in common with their quotes.
RULES_COVERAGE = 0.6
MODEL_COVERAGE = 0.2
# Whether a passage answers a question is asked as a question, not as Yes/No: the model is told to copy the
# words that answer it or write NONE, and the passage answers unless NONE is likely. On the public
# questions (gold quotes against the best on-topic sentence that does not answer) this separates better
# than a Yes/No reply: AUC 0.835 (bench/results/answerability-calibration.txt; the two prompts side by
# side: bench/results/answerability-prompts.txt).
# When NONE is unlikely its reply is read too: words that only repeat the question ("the country" for
# "which country did he flee to?") or that the passage does not hold are not an answer.
ANSWER_ECHO = "the judge model's answer only repeats the question"
ANSWER_ELSEWHERE = "the judge model's answer is not in the passage"
NO_WORDS = "the judge model copies no words that answer it"


DENIES = "denies what the quote states"
ASSERTS_DENIED = "states what the quote denies"
OVERSTATES = "states as certain what the quote only calls possible"
# Rule failures that mean the quote is about the claim but says otherwise (`assistant check`).
NUMBER_MISSING = "number not in the quote"
ECHO = "only repeats the question"
CONTRADICTIONS = (DENIES, ASSERTS_DENIED, OVERSTATES, NUMBER_MISSING)


def contradicts(reason: str) -> bool:
    return reason.startswith(CONTRADICTIONS)


class Verdict(BaseModel):
    supported: bool
    score: float  # probability that the claim is supported (rules alone: 1.0 or 0.0)
    reason: str  # for a person: why it stands or falls
    words: str = ""  # `answers`: the judge model's copy of the words that answer (empty when not asked)


def rule_failure(
    claim: str,
    quotes: Sequence[str],
    question: str = "",
    coverage: float = RULES_COVERAGE,
    aliases: Aliases | None = None,
    context: Sequence[str] = (),
    composed: bool = False,
    article: str = "",
) -> str:
    """Why the rules reject the claim against its quotes; empty when they let it through. `context`: the
    title of the quotes' article first, then the sentences around them, which may name who a quote calls
    "he" or "them". `composed`: the claim is the question with its answer in place, so it ends where the
    question does (no truncation check). `article`: the quotes' whole article, where a full name the quote
    shortens ("Khan" for "Imran Khan") may be given."""
    if not quotes:
        return "no citation"
    if carries_markup(claim):
        return "contains a link or markup"
    joined = " ".join(quotes)
    truncated = not composed and any(truncated_copy(claim, q) for q in quotes)
    # a claim composed from the question has the question's shape: a verbless question makes a verbless claim
    verbless = not composed and incomplete(claim, quotes)
    if not short_answer(question, claim) and (tx.is_fragment(claim) or truncated or verbless):
        return "not a complete sentence"
    missing = tx.numbers(claim) - tx.numbers(joined) - spelled_numbers(joined) - referring_counts(claim, joined)
    missing -= periods_dated(claim, joined) | restated_durations(claim, joined)
    if composed and not re.search(r"\b(?:1\d{3}|20\d{2})\b", joined):  # a quote with a year has its own date
        dated = tx.numbers(question) & tx.numbers(" ".join(context))  # "The fire started …", dated before
        missing -= {n for n in dated if re.fullmatch(r"1\d{3}|20\d{2}", n)}  # a year; a count is the quote's
    # "a two-decade mission" restates "a 20-year mission": the claim's 2 is the quote's 20.
    if missing and not (spelled_numbers(claim) - tx.numbers(joined)) and spelled_numbers(claim):
        missing -= {
            n
            for n in missing
            if re.search(rf"\b(?:{n}|{tx.number_word(n)})[\s\-]+(?:decade|centur|dozen)", tx.fold(claim))
        }
    if missing:
        return f"{NUMBER_MISSING}: {', '.join(sorted(missing))}"
    quote_terms = tx.terms(joined) | tx.acronyms(joined)
    aliases = aliases or Aliases()
    named = dict.fromkeys([*tx.names(claim), *opening_name(claim, article, context)])
    missing_names = [n for n in named if not _name_found(n, quote_terms, joined, aliases)]
    if missing_names and (context or article):
        # "The error was discovered …" is no quote about the Rhine, however the article is titled
        elsewhere = pointed_elsewhere(claim, joined, missing_names, [*context, article])
        if elsewhere:
            return elsewhere
    if missing_names and context:
        # A name the question itself gives may be what the quote speaks of without naming it: the
        # article's subject (its title), or what a pronoun or "the lake" refers to in the sentences around
        # ("We saw them ..." after "Al Qaeda and the Taliban are fighting together"). A quote that refers
        # to nothing before it (a pronoun after a name of its own) and names other things is about those,
        # however near the question's name stands. A pronoun stands for what the sentences around are about,
        # their subjects ("It is the second-longest river" is no country they flow through). "This section"
        # may point at anything named before.
        around = context[0]
        if POINTER.search(joined) or FIRST_PERSON.search(joined) or _QUOTED_ALONE.match(joined):
            # "we have seen ...": the speaker, named wherever the sentences around attribute the words
            around = " ".join(context)
        elif reaches_back(joined) or demonstrated(joined, context):  # "this promise": the one named before
            around = " ".join([context[0], *map(opening, context[1:]), *demonstrated(joined, context)])
        asked, spoken = tx.terms(question), " ".join([*context, article])
        missing_names = [
            n
            for n in missing_names
            if not (n in asked and _name_found(n, tx.terms(around) | tx.acronyms(around), around, aliases))
            and n not in left_to_context(claim, joined, context)  # "the patent" for "Watt's patent"
            and not tx.rest_of_name(n, claim, quote_terms | tx.terms(around) & asked, spoken, " ".join(context))
        ]
    if missing_names and question:  # the question's first word is capitalised for its place, not a name
        missing_names = [n for n in missing_names if n not in tx.stem_words(tx.tokens(question)[:1])]
    if missing_names and article:
        missing_names = [n for n in missing_names if n not in attributed(claim, question, joined, article)]
    if missing_names and not context and _ANAPHOR.search(tx.fold(joined)):
        # "The group announced its existence ..." answering "How did the TTP come into being?": a name
        # the question gives, which the quote refers to by a pronoun or "the group" (with no sentences
        # around to say what it refers to).
        asked_names = set(tx.names(f"Q {question}")) | tx.terms(question)
        missing_names = [n for n in missing_names if n not in asked_names]
    if missing_names and not context:
        missing_names = [n for n in missing_names if n not in described_names(question, joined)]
    if missing_names:
        # "the Pakistani government" where the quote has "the Indian government": say whose it is instead
        return replaced_qualifier(claim, quotes, aliases) or f"name not in the quote: {', '.join(missing_names)}"
    claim_terms = tx.terms(claim)
    # "No; the group has yet to …": the word that answers a yes/no question is no negation of the statement
    stated = _YES_NO.sub("", claim)
    if (
        tx.negated(stated) and not tx.negated(joined) and not negation_referred_to(stated, joined, question, context)
    ) or (tx.double_negative(stated) and not tx.double_negative(joined)):
        return DENIES
    if not tx.negated(stated) and claim_terms & tx.negated_terms(joined, claim):
        return ASSERTS_DENIED
    universal = tx.unsaid_universals(claim, joined)
    if universal:
        return f"says {', '.join(sorted(universal))} where the quote does not"
    hedges_kept = set(tx.tokens(claim)) & tx.HEDGES
    if not hedges_kept and (claim_terms - named_acts(claim)) & tx.hedged_terms(joined):
        return OVERSTATES
    if not claim_terms:
        return "no content words"
    # "She was treated with the drug sent by X": the words a pronoun stands for are the sentences' around
    referred = tx.terms(" ".join(context)) if context and refers(joined) else set()
    share = len(claim_terms & (quote_terms | referred)) / len(claim_terms)
    if share < coverage:
        return f"only {share:.0%} of its words are in the quote"
    asked = tx.terms(question)
    speaker = speaker_failure(question, joined, article)  # "What did Biden say?" answered by "…,” Khan said"
    # "No, X is not Y" restates "Is X Y?" and still answers it.
    if (
        asked
        and not beyond(claim, asked) - LIGHT  # "led to the consequences that followed" names no consequence
        and not new_name(claim, question)
        and tx.negated(claim) == tx.negated(question)
    ):
        return ECHO
    vague = placeholder(question, claim)
    if vague:
        return vague
    return (
        (swapped_relation(claim, quotes, aliases, composed) if not (composed and mentions_question(claim)) else "")
        or replaced_qualifier(claim, quotes, aliases)
        or described_otherwise(claim, " ".join(quotes), aliases)
        or other_object(claim, quotes)
        or structure_failure(claim, quotes, question)
        or unsaid_ordinal(claim, " ".join([joined, *context]))  # "the last Ice Age" may stand just before
        or said_beside(claim, question, quotes, context)
        or unsaid_event(question, quotes)  # after the checks that say what the quote says instead
        or present_for_past(question, joined)
        or speaker
        or "".join(
            f"the quote is about another occasion than the question's {o}" for o in other_occasion(question, joined)[:1]
        )
    )


def judged_statement(question: str, claim: str) -> str:
    """What the judge model is asked about: a bare answer as the statement it makes about the question. A
    yes/no answer keeps its "Yes;" or "No;": whether the quote bears the answer out is the model's to read."""
    return f"The answer is {claim.strip()}" if short_answer(question, claim) else claim


def word_for_word(statement: str, quotes: Sequence[str]) -> bool:
    """The statement is one of the quotes, word for word: the quote states it, whatever a model reads."""
    return any(tx.tokens(statement) == tx.tokens(quote) for quote in quotes)


_YES_NO = re.compile(r"^\W*(?:yes|no)\s*[,;:.!\u2013\u2014-]\s*", re.IGNORECASE)
# A quote that opens on a pronoun or a definite description refers to someone named before it.
_ANAPHOR = re.compile(
    r"^\W*(?:he|she|they|it|his|her|their|its|the\s+(?:group|organi[sz]ation|movement|party|militants?|company|man|woman|official|leader|country|city))\b"
)


# "“What Pakistan did not realise was …”": words in quotation marks and nothing else, their speaker named
# in the sentences around
_QUOTED_ALONE = re.compile(r"\s*[“\"][^“”\"]+[”\"]\s*$")


_EXPLAINING = re.compile(r"\b(?:because|since|as|so|by|to|due\s+to|so\s+that|in\s+order\s+to)\W*$", re.IGNORECASE)


def _name_found(name: str, quote_terms: set[str], joined: str, aliases: Aliases) -> bool:
    # "Pakistan" / "Pakistani": one a prefix of the other counts as the same name; so does a typing slip.
    known = name in quote_terms or any(tx.same_start(name, t) or tx.misspelt(name, t) for t in quote_terms)
    if known or month_of(name) in months(joined):  # a month written short: "Aug. 31", "9/11"
        return True
    # A contracted acronym spells the name's start ("Central Command" / "CENTCOM").
    if len(name) >= 4 and any(w.isupper() and w.casefold().startswith(name[:4]) for w in joined.split()):
        return True
    return aliases.found_in(name, joined)


@dataclass
class Judge:
    """`scorer` None = the rules alone."""

    scorer: Scorer | None
    prompts: Prompts
    threshold: float = 0.5
    answer_threshold: float = 0.65
    aliases: Callable[[], Aliases] | None = None  # the corpus's own, read when needed

    @property
    def name(self) -> str:
        return f"rules+{self.scorer.name}" if self.scorer is not None else "rules"

    def judge(
        self,
        question: str,
        claim: str,
        quotes: Sequence[str],
        context: Sequence[str] = (),
        composed: bool = False,
        article: str = "",
    ) -> Verdict:
        coverage = MODEL_COVERAGE if self.scorer is not None else RULES_COVERAGE
        aliases = self.aliases() if self.aliases else None
        failure = rule_failure(claim, quotes, question, coverage, aliases, context, composed, article)
        if failure:
            return Verdict(supported=False, score=0.0, reason=failure)
        if self.scorer is None:
            return Verdict(supported=True, score=1.0, reason="its numbers, names and words are in the quote")
        stated = judged_statement(question, claim)
        if word_for_word(stated, quotes):
            return Verdict(supported=True, score=1.0, reason="it is the quote, word for word")
        score = self.score(question, stated, resolved(claim, quotes, context))
        if score < self.threshold:
            return Verdict(supported=False, score=score, reason=f"{MODEL_UNSUPPORTED} ({score:.2f})")
        return Verdict(supported=True, score=score, reason=f"the judge model finds it supported ({score:.2f})")

    def answers(self, question: str, passage: str) -> Verdict:
        """Whether a verbatim passage answers the question (what a quoted answer must pass)."""
        from .asking import asked_for_model, wants_span
        from .citations import answers_question, is_lookup

        if not answers_question(question, passage):
            return Verdict(supported=False, score=0.0, reason="not the kind of answer asked for")
        asked = tx.terms(question)
        if asked and not beyond(passage, asked):
            return Verdict(supported=False, score=0.0, reason=ECHO)
        if self.scorer is None:
            return Verdict(supported=True, score=1.0, reason="it holds what was asked for")
        user = self.prompts.render("answers", question=asked_for_model(question), passage=passage)
        messages = [
            {"role": "system", "content": self.prompts.text("answers_system")},
            {"role": "user", "content": user},
        ]
        score = 1.0 - self.scorer.reply_probability(messages, NO_ANSWER)
        spans = wants_span(question)
        # Grammar decides where it is plain, whatever the model's score or its free reply (NONE at times)
        if not spans and (cause := stated_cause(question, passage)):
            return Verdict(supported=True, score=score, reason=f"it states the cause of what is asked: {cause!r}")
        if score < self.answer_threshold:
            return Verdict(
                supported=False,
                score=score,
                reason=f"the judge model finds it does not answer the question ({score:.2f})",
            )
        # Where a span answers: only the passage's own words, or NONE, so the reply is located verbatim.
        # Elsewhere (why/how) a free reply's words that the passage does not hold say it does not explain.
        reply = (
            copy_words(self.scorer, messages, passage)
            if spans
            else read(complete(self.scorer, messages, ANSWER_TOKENS))
        )
        if is_lookup(question):  # what the passage says about the name is the answer
            if spans and not beyond(reply, asked):  # a name glossed in brackets is what it means
                reply = gloss_of(question, passage) or reply
            return Verdict(
                supported=True,
                score=score,
                reason=f"the judge model finds it answers the question ({score:.2f})",
                words="" if reply.startswith(NO_ANSWER) else reply,
            )
        # "TTP" for "who leads the Pakistani Taliban?": another name the articles give the question's own.
        aliases = self.aliases() if self.aliases else Aliases()
        said = asked | tx.terms(" ".join(aliases.expand(question)))
        first = reply
        if reply.startswith(NO_ANSWER):
            reply = ""
        if not reply and spans:
            # A second reading, held to a run of the passage that opens on a word the question did not say:
            # greedy reading opens on NONE when the answer's probability is spread over many first words
            # (a first reply that only repeats the question is not read again: the words a model forced
            # past its echo gives are as often a stray name as the answer, "Takeover" for who leads a group
            # the sentence names again by its acronym). Only for words that answer: a why-question's sentence
            # is quoted whole, and a NONE there keeps it from standing as the explanation on its own.
            grammar = span_grammar(passage, opens=lambda word: bool(beyond(word, said)))
            reply = " ".join(complete(self.scorer, messages, ANSWER_TOKENS, grammar).split()) if grammar else ""
            reply = "" if reply.startswith(NO_ANSWER) else reply  # a model without grammars may say it again
        new = beyond(reply, said)
        if not reply and first.startswith(NO_ANSWER):
            return Verdict(supported=False, score=score, reason=f"{NO_WORDS} ({score:.2f})")
        # "X calls Y the best situation because": a copy that restates the question and was cut off where
        # its explanation begins is no echo; the passage, whole, is the explanation.
        if not new and _EXPLAINING.search(first):
            return Verdict(supported=True, score=score, reason=f"the judge model finds it explains: {first!r}")
        if not (new or composed_anew(reply, question)):
            return Verdict(supported=False, score=score, reason=f"{ANSWER_ECHO}: {reply or first!r}")
        if new and not new & tx.terms(passage):  # a name composed anew is of the question's words only
            return Verdict(supported=False, score=score, reason=f"{ANSWER_ELSEWHERE}: {reply!r}")
        return Verdict(
            supported=True,
            score=score,
            reason=f"the judge model finds it answers the question: {reply!r}",
            words=reply,
        )

    def confirms(self, question: str, sentence: str) -> float:
        """The judge model's probability of "yes" to the yes/no question, against no and unknown (premises)."""
        assert self.scorer is not None
        user = self.prompts.render("assumption", sentence=sentence, question=question)
        messages = [
            {"role": "system", "content": self.prompts.text("assumption_system")},
            {"role": "user", "content": user},
        ]
        return self.scorer.choice_probabilities(messages, ASSUMPTION_CHOICES)["Yes"]

    def score(self, question: str, claim: str, quotes: Sequence[str]) -> float:
        """The model's probability that the quotes state the claim."""
        assert self.scorer is not None
        user = self.prompts.render("judge", question=question or "(none)", quotes=" ".join(quotes), claim=claim.strip())
        messages = [{"role": "system", "content": self.prompts.text("judge_system")}, {"role": "user", "content": user}]
        return self.scorer.choice_probabilities(messages, CHOICES)["Yes"]
