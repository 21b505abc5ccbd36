"""The event a time question asks about must be in the quote that dates it."""

import pytest

from assistant.verification.events import asked_event, unsaid_event
from assistant.verification.judge import rule_failure


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("When did the explorer reach the pole?", "reach"),
        ("When did the old kingdom fall?", "fall"),  # a noun before the verb is no verb
        ("When was the bridge completed?", ""),  # an end: `wording.aspect_mismatch` checks it
        ("In what year was the museum built?", "build"),
        ("When did the water level rise?", "rise"),  # "level" can be a verb, but the run ends on "rise"
        ("When did the summit take place?", ""),  # no event of its own
        ("When was the treaty supposed to be signed?", "sign"),
        ("When was the city within the empire?", ""),  # a state, no verb
        ("Who built the museum?", ""),  # no time asked
        ("Where does the canal redistribute the water?", "redistribute"),  # a place belongs to its event too
        ("Where was the envoy killed?", "kill"),
        ("Where is the museum located?", ""),  # where a thing is: no event
        ("Where does the envoy live?", ""),
        # a relative clause runs to its own verb; a word after an adjective or a count is a noun
        ("When did the fighters that the Norland soldier met arrive?", "arrive"),
        ("When did the deadly clash that killed six people and injured 17 take place?", ""),
        ("In what century did the forests on the flood plain increase?", "increase"),
    ],
)
def test_the_verb_of_a_time_question(question: str, verb: str) -> None:
    assert asked_event(question) == verb


def test_a_date_of_another_event_does_not_answer_when_this_one_happened() -> None:
    quote = "The explorer was unknown to the court and first appears in its records in 1820."
    assert unsaid_event("When did the explorer discover the island?", [quote])
    # in any form of the verb, or a noun built on it
    assert not unsaid_event("When did the old kingdom fall?", ["The kingdom fell in 1066."])
    assert not unsaid_event("When did the explorer discover the island?", ["Its discovery dates to 1820."])
    # a time set before the noun dates it without a verb
    assert not unsaid_event("In which month was the report published?", ["It said so in a March report."])


def test_the_judge_rejects_a_claim_that_dates_an_event_its_quote_never_names() -> None:
    quote = "The explorer was unknown to the court and first appears in its records in 1820."
    question = "When did the explorer discover the island?"
    failure = rule_failure("The explorer did discover the island in 1820.", [quote], question, 0.2, composed=True)
    assert "discover" in failure
    told = "The explorer discovered the island in 1820 and first appears in its records then."
    assert not rule_failure("The explorer did discover the island in 1820.", [told], question, 0.2, composed=True)


def test_a_sentence_that_dates_another_event_is_not_put_to_the_judge_at_all() -> None:
    from assistant.answering.quoting import candidates
    from assistant.schema import Article, Evidence

    text = (
        "Island news\n\nThe explorer first appears in the court records in 1820. "
        "The explorer discovered the island in 1822."
    )
    first = text.index("The explorer first")
    second = text.index("The explorer discovered")
    article = Article(
        doc_id="i", file="i.txt", title="Island news", text=text, spans=((first, second - 1), (second, len(text)))
    )
    evidence = [Evidence(number=n + 1, article=article, index=n) for n in range(2)]
    kept = candidates("When did the explorer discover the island?", evidence, min_overlap=0.1)
    assert [ev.text for ev in kept] == ["The explorer discovered the island in 1822."]


def test_a_place_of_another_event_does_not_answer_where_this_one_happened() -> None:
    quote = "Near Arnhem, the Orm branches off from the Dram."
    assert unsaid_event("Where does the Orm redistribute into?", [quote])
    assert not unsaid_event("Where does the Orm branch off?", [quote])
    assert not unsaid_event("Where is the Orm located?", [quote])
