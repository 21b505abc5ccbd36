"""Rules of the thirtieth session, on invented names: a share is no comparison, a period is dated by a year
inside it, and a claim's first word that no English dictionary knows is a name the quote must give."""

from __future__ import annotations

from assistant.verification.judge import MODEL_COVERAGE, rule_failure


def _fails(claim: str, quote: str, question: str = "") -> str:
    return rule_failure(claim, [quote], question, MODEL_COVERAGE)


def test_most_of_a_group_is_a_share_not_a_comparison() -> None:
    quote = "The majority of the rowers came from the fishing villages of Vikholm."
    assert _fails("Most of the rowers came from the fishing villages of Vikholm.", quote) == ""
    # a share is still read as one: "some" does not give "most"
    assert _fails(
        "Most of the rowers came from the fishing villages of Vikholm.",
        "Some of the rowers came from the fishing villages of Vikholm.",
    )
    # and a superlative still needs a comparison in the quote
    assert _fails("The rowers were the most skilled in Vikholm.", "The rowers came from Vikholm.")


def test_a_period_is_dated_by_a_year_or_a_period_inside_it() -> None:
    assert _fails("The mill was built in the 1750s.", "The mill was built in 1756 by Anna Berg.") == ""
    assert _fails("The mill was built in the 18th century.", "The mill was built in 1756 by Anna Berg.") == ""
    assert _fails("The mill was built in the 1700s.", "The mill was built in the 18th century.") == ""
    # the claim may say less than the quote, never more or otherwise
    assert _fails("The mill was built in 1756.", "The mill was built in the 1750s.")
    assert _fails("The mill was built in the 1760s.", "The mill was built in 1756 by Anna Berg.")
    assert _fails("The mill was built in the 17th century.", "The mill was built in 1756 by Anna Berg.")


def test_a_claim_opening_on_a_word_english_does_not_know_names_someone_the_quote_must_give() -> None:
    quote = "In the chronicle of Ostrava, the Vik is called the river that divides the two kingdoms."
    assert "name not in the quote" in _fails(
        "Zbigniewicz called the Vik the river that divides the two kingdoms.", quote
    )
    # a number or a conjunction opening the claim is English, not a name
    counted = "The chronicle names three rivers that divide the two kingdoms."
    assert "name" not in _fails("Three rivers divide the two kingdoms, the chronicle says.", counted)
    assert "name" not in _fails("Although the Vik is called a river, it divides the two kingdoms.", quote)
