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


def test_a_name_ending_in_ing_is_no_participle() -> None:
    # "did Harding spend": read as "were killed" once, it set the answer before the question's own words
    assert statement("In what Ostran village did Harding spend the summer of 1921?", "Vell") == (
        "Harding did spend the summer of 1921 in the Ostran village Vell."
    )


def test_a_kind_with_a_name_like_modifier_stays_beside_an_object_answer() -> None:
    question = "Which Ostran border town did Varn Guard commander Ilsa Moor visit in June?"
    claim = statement(question, "Kell")
    assert claim == "Varn Guard commander Ilsa Moor did visit the Ostran border town Kell in June."
    quote = "In June, Ilsa Moor, commander of the Varn Guard, visited Kell, Tarian border town, to rally the militia."
    # the quote names the town's country as another, however the article around it names Ostra
    reason = rule_failure(claim, [quote], question, context=["Ostra and the Varn Guard"], composed=True)
    assert reason == "the quote says tarian border, not ostran border"
    right = statement(question.replace("Ostran", "Tarian"), "Kell")
    assert rule_failure(right, [quote], question.replace("Ostran", "Tarian"), context=["Ostra"], composed=True) == ""
    # a verb after a name still names who acts, not whose thing it is
    assert rule_failure("The Varn branches off near Kell.", ["The Orm branches off near Vell."], "", composed=True) != (
        "the quote says orm branches, not varn branches"
    )
