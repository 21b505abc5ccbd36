"""Questions and their answers written as one claim (hand-made questions, none from the public sets)."""

import pytest

from assistant.answering.claims import statement

CASES = [
    ("What flooded the valley?", "the river", "The river flooded the valley."),
    ("Who founded the guild?", "Anna Berg", "Anna Berg founded the guild."),
    ("When was the bridge built?", "1921", "The bridge was built in 1921."),
    ("In what year was the bridge built?", "1921", "The bridge was built in 1921."),
    ("Where is the museum?", "Oslo", "The museum is in Oslo."),
    ("How many people live in Vik?", "2,000", "2,000 people live in Vik."),
    ("What did the council approve?", "a budget", "The council did approve a budget."),
    ("What did Anna Berg sign?", "a deal", "Anna Berg did sign a deal."),
    ("What is the capital of Norland?", "Vik", "Vik is the capital of Norland."),
    ("How long is the canal?", "12 km", "The canal is 12 km."),
    ("What's the name of the canal?", "Vik Canal", "Vik Canal is the name of the canal."),
]


@pytest.mark.parametrize("question,answer,expected", CASES)
def test_question_and_answer_become_one_claim(question, answer, expected):
    assert statement(question, answer) == expected


def test_a_question_it_cannot_rewrite_is_said_plainly():
    claim = statement("If the dam breaks, where does the water go?", "the sea")
    assert claim == 'The answer to "If the dam breaks, where does the water go?" is the sea.'
