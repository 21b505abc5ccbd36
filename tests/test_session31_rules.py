"""Rules of the thirty-first session, on invented names: a noun closing a phrase is no verb, so a noun
phrase with nothing but nouns that could be verbs is still no sentence."""

from __future__ import annotations

from assistant.verification.echoes import lacks_finite_verb
from assistant.verification.judge import MODEL_COVERAGE, rule_failure


def _fails(claim: str, quote: str, question: str = "") -> str:
    return rule_failure(claim, [quote], question, MODEL_COVERAGE)


def test_a_noun_that_closes_the_phrase_is_no_verb() -> None:
    quote = "The Lark's twin-cylinder engine and steam pipe set the pattern for later ferries."
    question = "Which parts of the Lark were copied by later ferries?"
    assert _fails("The Lark's twin-cylinder engine and steam pipe.", quote, question) == "not a complete sentence"
    # the sentence itself has its verb
    assert _fails("The Lark's twin-cylinder engine and steam pipe set the pattern for later ferries.", quote) == ""


def test_a_noun_before_a_comma_or_after_a_compound_modifier_is_no_verb() -> None:
    quote = "The end of the truce has led to increased tension, with cross-border raids from Vik."
    claim = "Increased tension, with cross-border raids from Vik."
    assert _fails(claim, quote, "What did the end of the truce lead to?") == "not a complete sentence"
    assert lacks_finite_verb("Rising tension, with cross-border tensions in the north.")


def test_a_verb_that_ends_its_clause_is_still_a_verb() -> None:
    # an -s or past form may close a clause; a bare form before a closing object is a verb
    assert not lacks_finite_verb("Here the Orm ends.")
    assert not lacks_finite_verb("The old bridge collapsed.")
    assert not lacks_finite_verb("The guilds control Vik.")
    assert not lacks_finite_verb("The council re-elected Anna Berg in 2018.")
    assert not lacks_finite_verb("They co-founded the ferry company.")
