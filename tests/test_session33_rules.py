"""Rules of the thirty-second session's successor, on invented names: a month before a pronoun is no one it
could stand for; "the patent" stands for the owner named before it; a question asking what someone remarked
on an occasion asks for their words."""

from __future__ import annotations

from assistant.verification.asking import wants_span
from assistant.verification.judge import MODEL_COVERAGE, rule_failure
from assistant.verification.reference import reaches_back

TITLE = "Ostvik bridge, part 1"
BEFORE = "Lund received his first licence for the swing bridge in 1841, with money from the merchant Per Arnesen."


def test_a_month_before_a_pronoun_does_not_keep_it_from_reaching_back() -> None:
    assert reaches_back("In August 1844 he left for Velm, leaving the drawings on his desk.")
    assert reaches_back("On Monday she wrote to the council.")
    # a name of the quote's own still keeps the pronoun to itself
    assert not reaches_back("In August 1844 Arnesen left for Velm with his drawings.")


def test_a_pronoun_after_a_month_takes_the_name_from_the_sentences_around() -> None:
    quote = "In August 1844 he left for a holiday at Hamre, leaving the drawings of the swing bridge on his desk."
    question = "Where did Lund leave for a holiday in August 1844?"
    claim = "In August 1844 Lund left for a holiday at Hamre."
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=[TITLE, BEFORE]) == ""
    # with no sentence around naming him, the name stays unproven
    assert "lund" in rule_failure(claim, [quote], question, MODEL_COVERAGE, context=[TITLE])


def test_the_thing_on_the_takes_its_owner_from_the_sentences_around() -> None:
    quote = "When Arnesen went bankrupt in 1850, his share in the licence passed to the shipowner Eva Dahl."
    question = "Who acquired Per Arnesen's stake in Lund's licence?"
    claim = "Eva Dahl acquired Per Arnesen's stake in Lund's licence."
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=[TITLE, BEFORE]) == ""
    # an owner the sentences around never name is not proven by "the licence"
    other = "Eva Dahl acquired Per Arnesen's stake in Moberg's licence."
    assert "moberg" in rule_failure(
        other, [quote], question.replace("Lund", "Moberg"), MODEL_COVERAGE, context=[TITLE, BEFORE]
    )
    # "the share of …" is another thing's, not the owner's
    of_quote = "When Arnesen went bankrupt in 1850, the licence of the ferry passed to the shipowner Eva Dahl."
    assert "lund" in rule_failure(claim, [of_quote], question, MODEL_COVERAGE, context=[TITLE, "The ferry ran."])


def test_what_someone_remarked_on_an_occasion_asks_for_their_words() -> None:
    assert not wants_span("What did Dahl remark when the bridge opened?")
    assert not wants_span("What did the mayor say after the vote?")
    assert not wants_span("What did Lund joke about the licence?")
    # a question for a thing, a time or a place still wants a span
    assert wants_span("What did the survey find in 1850?")
    assert wants_span("When did Dahl remark on the bridge?")


def test_a_calling_does_not_rule_out_an_office() -> None:
    from assistant.verification.roles import other_title, title_mismatch

    sentence = "Velmish botanist Ada Lind, a top figure of the Ost Guild, sees the new charter as a victory."
    span = (sentence.index("Ada"), sentence.index("Lind") + 4)
    assert other_title("leader", sentence, span) == ""
    assert title_mismatch("Ost Guild leader Ada Lind sees the charter as a victory.", sentence) == ""
    # one calling still rules out another, and an office another office
    assert "botanist" in other_title("zoologist", sentence, span)
    spoken = "Ost Guild spokesman Ada Lind sees the new charter as a victory."
    assert "spokesman" in other_title("commander", spoken, (spoken.index("Ada"), spoken.index("Lind") + 4))


def test_a_stranded_preposition_takes_the_answer() -> None:
    from assistant.verification.claims import statement

    question = "What does a sandbar turn into as the river slowly silts up?"
    assert statement(question, "a marsh") == "A sandbar does turn into a marsh as the river slowly silts up."
    assert statement("Who did Lund work for when he was young?", "Dahl") == "Lund did work for Dahl when he was young."
    # a preposition with its own object stays after the answer
    assert (
        statement("What did Lund find near the dam in 1850?", "a coin") == "Lund did find a coin near the dam in 1850."
    )


def test_how_before_an_adjective_of_measure_asks_for_a_span() -> None:
    from assistant.verification.claims import statement

    assert wants_span("How thick are the harbour wall's stones at the base?")
    assert wants_span("How cold does the lake get in winter?")
    assert not wants_span("How did the guild raise the money?")
    # what a possessive owns belongs to the subject, not to the verb
    question = "How thick are the east wing's walls at ground level?"
    assert statement(question, "1.2 metres") == "The east wing's walls at ground level are 1.2 metres."


def test_the_other_side_of_an_act_in_time_is_another_occasion() -> None:
    from assistant.verification.events import opposite_time

    question = "Why must the nets be dried before mending?"
    assert opposite_time(question, "The nets must be dried after mending, because wet twine rots.")
    assert not opposite_time(question, "The nets must be dried before mending, because wet twine will not knot.")
    assert not opposite_time(question, "The nets must be dried after the storm, because wet twine rots.")
