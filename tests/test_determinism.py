"""An answer is a function of (question, conversation, corpus, settings): never of what was asked before."""

import pytest

FIRST = "How many Taliban fighters have pledged allegiance to al-Qaeda?"
OTHER = "Who is Noor Wali Mehsud?"


@pytest.mark.slow
def test_the_model_gives_the_same_completion_whatever_it_computed_before(local_llm):
    system = {"role": "system", "content": "You answer in one short sentence."}
    ask = [system, {"role": "user", "content": "Name a large city on a river, and the river."}]
    other = [system, {"role": "user", "content": "Name a desert and the continent it is on, and its size."}]

    def run(messages):
        return "".join(local_llm.stream(messages, max_tokens=24))

    first = run(ask)
    again = run(ask)
    run(other)
    assert run(ask) == again == first


@pytest.mark.slow
def test_the_same_question_answers_identically_first_again_and_after_another(real_app):
    ask = real_app.assistant.ask
    first = ask(FIRST)
    again = ask(FIRST)
    ask(OTHER)
    after = ask(FIRST)
    for answer in (again, after):
        assert answer.raw_output == first.raw_output
        assert answer.answer == first.answer and answer.citations == first.citations


def test_usage_is_counted_per_answer_not_per_model(fake_app):
    app = fake_app("Mumtaz Zahra Baloch declined to comment [1]. She said nothing more at all.", "Baloch declined.")
    question = "Who is the Pakistani Foreign Ministry spokesperson who declined to comment?"
    long_answer = app.assistant.ask(question)
    short_answer = app.assistant.ask(question)
    assert long_answer.usage.completion_tokens > short_answer.usage.completion_tokens > 0
