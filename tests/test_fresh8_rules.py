"""Rules of the twenty-ninth session, each on invented names: grammar and closed-class English that hold
for any text."""

from __future__ import annotations

from assistant.verification.claims import statement
from assistant.verification.judge import rule_failure


def test_a_title_between_names_belongs_to_the_subject() -> None:
    # "did Varn Guard spokesman Ilsa Moor visit": "spokesman" is known only as a noun, and a name follows it
    assert statement("Which town did Varn Guard spokesman Ilsa Moor visit in June?", "Kell") == (
        "Varn Guard spokesman Ilsa Moor did visit Kell in June."
    )
    # a word that may be a verb still ends the subject
    assert statement("Which town did Ilsa Moor visit in June?", "Kell") == "Ilsa Moor did visit Kell in June."


def test_a_quote_that_points_back_with_this_noun_draws_on_the_sentence_before() -> None:
    before = "The guild's pledge came with its retreat from Ostra in 2019: no fighters would stay in Kell."
    quote = "However, the strike at the mill raises doubts about the guild's loyalty to this pledge."
    claim = "The strike at the mill raised doubts about the guild's loyalty to its pledge to keep fighters out of Kell."
    question = "What raised doubts about the guild's loyalty to its pledge to keep fighters out of Kell?"
    assert rule_failure(claim, [quote], question, context=["Guild news", before], composed=True) == ""
    # without a word that points back, a name only the sentence before gives is not the quote's
    plain = "However, the strike at the mill raises doubts about the guild's loyalty."
    assert "kell" in rule_failure(claim, [plain], question, context=["Guild news", before], composed=True)
    # "this year" points at the article's time, not at the sentence before
    dated = "However, the strike at the mill this year raises doubts about the guild's loyalty."
    assert "kell" in rule_failure(claim, [dated], question, context=["Guild news", before], composed=True)
