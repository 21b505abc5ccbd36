"""A why-question is answered by a sentence whose connective ties a cause to the question's own matter."""

import pytest

from assistant.models.prompts import Prompts
from assistant.verification.causal import stated_cause
from assistant.verification.judge import Judge
from tests.fakes import FixedScorer

MAYOR = (
    "“The council now thinks the bridge is unsafe, and I believe that's why they closed the ferry route,” Ruiz said."
)


@pytest.mark.parametrize(
    ("question", "passage", "cause"),
    [
        # the effect after "that's why", ending where the quotation ends
        ("What was behind the council closing the ferry route?", MAYOR, "The council now thinks the bridge is unsafe"),
        # the effect before "because", the cause after it
        (
            "Why did the port stop night crossings?",
            "The port stopped night crossings because the harbour lights failed twice in May.",
            "the harbour lights failed twice in May.",
        ),
        (
            "How did the town pay for the dam?",
            "The town paid for the dam in order to sell power to its neighbours.",
            "sell power to its neighbours.",
        ),
    ],
)
def test_a_connective_whose_effect_restates_the_question_gives_the_cause(question, passage, cause):
    assert stated_cause(question, passage).startswith(cause.rstrip("."))


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # the effect is another matter: a cause, but not of what is asked
        ("Why did the council close the ferry route?", "The port stopped night crossings because the lights failed."),
        # no connective: an account that the judge model must read
        ("Why did the port stop night crossings?", "The port stopped night crossings after the lights failed."),
        # the cause side only repeats the question
        ("Why did the port stop night crossings?", "Night crossings stopped because the port stopped them."),
    ],
)
def test_no_cause_is_stated_for_the_question(question, passage):
    assert stated_cause(question, passage) == ""


def test_the_judge_takes_a_stated_cause_where_its_model_is_unsure():
    unsure = FixedScorer("NONE", True, none=0.5)  # answerability 0.5, under the 0.65 threshold
    verdict = Judge(unsure, Prompts()).answers("What was behind the council closing the ferry route?", MAYOR)
    assert verdict.supported and "cause" in verdict.reason, verdict.reason
    # a passage with no connective is still the model's to decide
    plain = "The council closed the ferry route in May, Ruiz said."
    assert not Judge(unsure, Prompts()).answers("What was behind the council closing the ferry route?", plain).supported


def test_a_stated_cause_stands_where_the_models_free_reply_is_none():
    # the model scores the passage as answering (0.7) but its free reply is NONE: the grammar decides
    sure_but_silent = FixedScorer("NONE", True, none=0.3)
    judge = Judge(sure_but_silent, Prompts())
    verdict = judge.answers("How did the mayor account for the council closing the ferry route?", MAYOR)
    assert verdict.supported and "cause" in verdict.reason, verdict.reason
    plain = "The council closed the ferry route in May, Ruiz said."
    assert not judge.answers("How did the mayor account for the council closing the ferry route?", plain).supported
