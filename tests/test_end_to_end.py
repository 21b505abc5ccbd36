"""The real embedded model, the real embeddings and a real Chroma store, end to end."""

import pytest

from assistant.schema import Turn
from assistant.verification import citations as cite

pytestmark = pytest.mark.slow


# Known gap (closing note): the 1.5B answers this follow-up with a bare "CNN [4]" citing the wrong
# sentence, and the judge model does not accept it re-cited to the right one.
def assert_verbatim(app, answer) -> None:
    texts = {a.file: a.text for a in app.index.articles().values()}
    assert answer.citations, answer
    for c in answer.citations:
        assert cite.check_citation(c, texts[c.article]), c
        assert f"[{c.marker}]" in answer.answer


def test_factual_question_gets_a_correct_cited_answer(real_app):
    answer = real_app.assistant.ask(
        "Which US CENTCOM commander said the Taliban were pretending their victory was inevitable?"
    )
    assert not answer.refused
    assert "McKenzie" in answer.answer
    assert_verbatim(real_app, answer)
    assert any("McKenzie" in c.quote for c in answer.citations)


def test_off_topic_question_is_refused(real_app):
    answer = real_app.assistant.ask("What is the capital of France?")
    assert answer.refused and answer.citations == []


def test_follow_up_resolves_a_pronoun(real_app):
    first_q = "Who is Noor Wali Mehsud?"
    first = real_app.assistant.ask(first_q)
    follow = real_app.assistant.ask("Which news network interviewed him?", [Turn(first_q, first.answer)])
    assert "Mehsud" in follow.standalone_question
    assert not follow.refused
    assert "CNN" in follow.answer
    assert_verbatim(real_app, follow)
