"""A question resting on what the articles deny is answered with the denial, quoted."""

import pytest

from assistant.answering import citations as cite
from assistant.answering.premises import LEAD, denial, premises


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("Why did the council close the bridge in May?", "the council close the bridge in May"),
        ("how come the mayor resigned?", "the mayor resigned"),
        ("Is the river the longest in the country?", "the river the longest in the country"),
        ("Since the strike ended, how many buses run?", "the strike ended"),
        ("Will the dam flood the valley? What do the articles say?", "the dam flood the valley"),
    ],
)
def test_the_statement_a_question_takes_for_granted(question, statement):
    assert premises(question) == [statement]


@pytest.mark.parametrize(
    "question",
    ["Since when has the group been active?", "How many people died?", "Who leads the group?", "What happened?"],
)
def test_questions_that_take_nothing_for_granted(question):
    assert premises(question) == []


def test_a_sentence_about_the_statement_that_denies_it():
    sentence = "The city does not officially recognize the new council as the district's authority."
    assert denial("the city formally recognized the new council as the district's authority", sentence) == {"recogn"}
    # Sharing a word or two is not being about the same thing.
    assert denial("the city recognized the bridge toll as fair and lawful and final", sentence) == set()
    # A statement that itself denies is not contradicted by another denial.
    assert denial("the city did not recognize the new council", sentence) == set()
    assert denial("the port is a NATO base", "The port is a non-NATO base.") == {"nato"}


def test_a_false_premise_gets_the_denial_not_the_premise_restated(fake_app):
    question = "Since the United States formally recognized the Taliban government, what embassy has it opened?"
    app = fake_app("The United States opened an embassy in Kabul after recognizing the Taliban government [1].")
    answer = app.assistant.ask(question)
    assert not answer.refused and answer.mode == "extractive"
    assert answer.answer.startswith(LEAD)
    assert "does not officially recognize" in answer.citations[0].quote
    texts = {a.file: a.text for a in app.index.articles().values()}
    assert all(cite.check_citation(c, texts[c.article]) for c in answer.citations)
    assert "embassy in Kabul" not in answer.answer


def test_a_true_premise_is_answered_as_usual(fake_app):
    question = "Why does Pakistan keep open channels of communication with the Taliban?"
    probe = fake_app("").assistant.ask(question)
    n = next(e.marker for e in probe.evidence if "dual track" in e.quote)
    answer = fake_app(f"Pakistan pursues a dual track policy toward the Taliban [{n}].").assistant.ask(question)
    assert not answer.answer.startswith(LEAD)
