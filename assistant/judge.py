"""Whether a claim is supported by the quotes it cites: reliable rules first, then a language model.

The rules catch what a lexical check can be sure of: a number, a name or a universal word ("all") the
quotes do not contain; a sentence that asserts what the quote negates or only calls possible; a
fragment; a sentence that only repeats the question. The model catches what words alone cannot:
paraphrase on one side, changed relations and contradictions on the other. It reads the question, the
quotes and the claim and is scored in one forward pass (the probability that its one-word reply is
"Yes"); its instructions are the same for every claim, so that part of the prompt stays cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from . import text as tx
from .llms import Scorer
from .prompts import Prompts
from .safety import carries_markup

CHOICES = ("Yes", "No")
# In rules-only mode this share of the claim's content words must appear in the quotes; with a model the
# floor only turns away claims that have next to nothing in common with their quotes.
RULES_COVERAGE = 0.6
MODEL_COVERAGE = 0.3
# Words a sentence can add to the question without answering it ("the person who brokered ...").
_GENERIC = frozenset(tx.stem_words("person people thing things number something someone one way time".split()))


class Verdict(BaseModel):
    supported: bool
    score: float  # probability that the claim is supported (rules alone: 1.0 or 0.0)
    reason: str  # for a person: why it stands or falls


def rule_failure(claim: str, quotes: Sequence[str], question: str = "", coverage: float = RULES_COVERAGE) -> str:
    """Why the rules reject the claim against its quotes; empty when they let it through."""
    if not quotes:
        return "no citation"
    if carries_markup(claim):
        return "contains a link or markup"
    if tx.is_fragment(claim):
        return "not a complete sentence"
    joined = " ".join(quotes)
    missing = tx.numbers(claim) - tx.numbers(joined)
    if missing:
        return f"number not in the quote: {', '.join(sorted(missing))}"
    quote_terms = tx.terms(joined) | tx.acronyms(joined)
    missing_names = [n for n in tx.names(claim) if not _name_found(n, quote_terms)]
    if missing_names:
        return f"name not in the quote: {', '.join(missing_names)}"
    claim_terms = tx.terms(claim)
    if tx.negated(claim) and not tx.negated(joined):
        return "denies what the quote states"
    if not tx.negated(claim) and claim_terms & tx.negated_terms(joined):
        return "states what the quote denies"
    universal = (set(tx.tokens(claim)) & tx.UNIVERSALS) - set(tx.tokens(joined))
    if universal:
        return f"says {', '.join(sorted(universal))} where the quote does not"
    hedges_kept = set(tx.tokens(claim)) & tx.HEDGES
    if not hedges_kept and claim_terms & tx.hedged_terms(joined):
        return "states as certain what the quote only calls possible"
    if not claim_terms:
        return "no content words"
    share = len(claim_terms & quote_terms) / len(claim_terms)
    if share < coverage:
        return f"only {share:.0%} of its words are in the quote"
    asked = tx.terms(question)
    if asked and not (claim_terms - asked - _GENERIC):
        return "only repeats the question"
    return ""


def _name_found(name: str, quote_terms: set[str]) -> bool:
    # "Pakistan" / "Pakistani": one a prefix of the other counts as the same name.
    return name in quote_terms or any(
        min(len(name), len(t)) >= 4 and (t.startswith(name) or name.startswith(t)) for t in quote_terms
    )


@dataclass
class Judge:
    """`scorer` None = the rules alone."""

    scorer: Scorer | None
    prompts: Prompts
    threshold: float = 0.5

    @property
    def name(self) -> str:
        return f"rules+{self.scorer.name}" if self.scorer is not None else "rules"

    def judge(self, question: str, claim: str, quotes: Sequence[str]) -> Verdict:
        coverage = MODEL_COVERAGE if self.scorer is not None else RULES_COVERAGE
        failure = rule_failure(claim, quotes, question, coverage)
        if failure:
            return Verdict(supported=False, score=0.0, reason=failure)
        if self.scorer is None:
            return Verdict(supported=True, score=1.0, reason="its numbers, names and words are in the quote")
        score = self.score(question, claim, quotes)
        if score < self.threshold:
            return Verdict(supported=False, score=score, reason=f"the judge model finds it unsupported ({score:.2f})")
        return Verdict(supported=True, score=score, reason=f"the judge model finds it supported ({score:.2f})")

    def score(self, question: str, claim: str, quotes: Sequence[str]) -> float:
        """The model's probability that the quotes state the claim."""
        assert self.scorer is not None
        user = self.prompts.render(
            "judge", question=question or "(none)", quotes=" ".join(quotes), claim=claim.strip()
        )
        messages = [{"role": "system", "content": self.prompts.text("judge_system")}, {"role": "user", "content": user}]
        return self.scorer.choice_probabilities(messages, CHOICES)["Yes"]
