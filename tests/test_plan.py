"""The question parsed once: what the strategies read about it."""

from assistant.answering.plan import plan


def test_the_asked_clause_is_told_from_the_scene_it_is_asked_in():
    parsed = plan("When Mara Lund spoke on Radio Vik, what share of the cranes stood idle?")
    assert parsed.asked == "what share of the cranes stood idle?"
    assert parsed.span and not parsed.several and not parsed.lookup


def test_a_why_question_takes_its_statement_for_granted_and_no_span_answers_it():
    parsed = plan("Why did the council close the Vik dam?")
    assert not parsed.span
    assert parsed.assumption == "Did the council close the Vik dam?"
    assert parsed.premises == ("the council close the Vik dam",)


def test_several_things_asked_and_a_bare_name_are_told_apart():
    assert plan("Who built the Vik dam, and when did it open?").several
    assert not plan("Who built the Vik dam?").several
    assert plan("who is Mara Lund").lookup
    assert not plan("What is the height of the Vik dam?").lookup
    # a request about how to answer is not part of the question
    assert plan("In one word, according to the articles: who built the Vik dam?").question.startswith("who built")


def test_an_auxiliary_typed_one_letter_short_is_read_as_the_auxiliary():
    from assistant.verification.claims import statement

    parsed = plan("If two thirds flow west, where doe the other third flow?")
    assert parsed.asked == "where does the other third flow?"
    # the claim a short answer is checked as reads the auxiliary: "the other third does flow through X"
    assert statement(parsed.asked, "the Vik Kanaal").startswith("The other third does flow")
    # only in the auxiliary's slot, only a word one dropped letter from one auxiliary
    assert plan("Which way the wind blows?").question == "Which way the wind blows?"
    assert plan("what ha the dam done").question == "what ha the dam done"  # has or had: left as typed
    assert plan("What doe the council say?").question == "What does the council say?"


def test_a_chat_fragment_is_told_from_a_question_before_its_names_get_their_capitals():
    assert plan("baradar captured when").fragment
    assert not plan("when was baradar captured").fragment
    # recased for its names, it is written with capitals: the flag is read from what was typed
    assert not plan("Baradar captured when").fragment
