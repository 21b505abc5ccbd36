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


def test_this_promise_takes_its_names_from_the_sentence_that_made_it() -> None:
    before = "The treaty of 1850 came with the guild's promise not to give smugglers a berth at Vel."
    quote = "However, the collapse of the truce in Ost between the guild and the town raises doubts about this promise."
    question = "What raised doubts about the guild's promise not to give smugglers a berth at Vel?"
    claim = (
        "The collapse of the truce in Ost raised doubts about the guild's promise not to give smugglers a berth at Vel."
    )
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=["The guild", before]) == ""
    # a sentence around that makes no promise gives the quote no names
    other = "The treaty of 1850 came with the guild's plan to give smugglers a berth at Vel."
    assert "vel" in rule_failure(claim, [quote], question, MODEL_COVERAGE, context=["The guild", other])
    # "this year" points at no sentence
    yearly = "However, the collapse of the truce in Ost raises doubts this year."
    assert "vel" in rule_failure(claim, [yearly], question, MODEL_COVERAGE, context=["The guild", before])


def test_a_year_a_state_lasted_until_dates_the_event_the_quote_puts_at_it() -> None:
    quote = "The charter was thought lost until 1902, when it was found in the vestry of the chapel."
    question = "Where was the charter found in 1902?"
    claim = "The charter was found in 1902 in the vestry of the chapel."
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, composed=True) == ""
    # with no event at that year, "until" still ends a state
    lasting = "The charter was thought lost until 1902."
    assert "until 1902" in rule_failure("The charter was lost in 1902.", [lasting], "", MODEL_COVERAGE)


def test_whose_and_by_how_many_are_composed_as_sentences() -> None:
    from assistant.verification.claims import statement

    assert statement("Whose money built the chapel?", "Eva Dahl") == "Eva Dahl's money built the chapel."
    question = "By how many votes did the guild accept the offer?"
    assert statement(question, "431") == "The guild did accept the offer by 431 votes."


def test_a_sum_of_money_is_no_count_of_the_things_asked() -> None:
    from assistant.verification.short import money_for_a_count

    sentence = "The council's offer of 48,000 crowns was put to the guild on 12 May."
    span = (sentence.index("48,000"), sentence.index("48,000") + 6)
    assert "money" in money_for_a_count("By how many votes did the guild accept the offer?", sentence, span)
    assert money_for_a_count("How many crowns did the council offer?", sentence, span) == ""
    votes = "It was accepted by 431 votes to 169."
    assert (
        money_for_a_count("By how many votes was it accepted?", votes, (votes.index("431"), votes.index("431") + 3))
        == ""
    )


def test_one_act_on_the_opposite_side() -> None:
    quote = 'Lund, who had voted against, called the price "a burial fee".'
    claim = 'Lund voted for the offer and called the price "a burial fee".'
    assert "against" in rule_failure(claim, [quote], "", MODEL_COVERAGE)
    assert (
        rule_failure('Lund voted against the offer and called the price "a burial fee".', [quote], "", MODEL_COVERAGE)
        == ""
    )


def test_what_an_act_was_for_is_not_another_thing() -> None:
    quote = "Dahl denied the charge, and the guild eventually paid for a new bell costing 900 crowns."
    claim = "The guild did pay 900 crowns for a new clock after the fire."
    assert "new bell" in rule_failure(claim, [quote], "", MODEL_COVERAGE)
    assert "new bell" not in rule_failure("The guild paid 900 crowns for a new bell.", [quote], "", MODEL_COVERAGE)


def test_among_the_members_is_a_part_and_a_circular_reason_is_an_echo() -> None:
    quote = "Some senior members of the guild want it to leave the league. Among them is Eva Dahl, its treasurer."
    claim = "Eva Dahl, the guild's treasurer, is among the senior guild members who want it to leave the league."
    assert "part" not in rule_failure(claim, [quote], "", MODEL_COVERAGE)
    question = "Why will it be hard to part the guild from the league?"
    circular = "It will not be easy to part the guild from the league because the two bodies are difficult to part."
    assert "reason" in rule_failure(
        circular, ["It will not be easy to part the guild from the league."], question, MODEL_COVERAGE
    )


def test_a_scene_the_article_never_tells_with_its_names_is_another_occasion() -> None:
    from assistant.verification.short import unmatched

    article = (
        "Guild cases\n\nIn 1901 the Ost Timber Company dug ditches north of the fen. The company did not "
        "stop.\n\nIn 1893 Eva Dahl challenged the deed. The court dismissed her claim in 1894, and Eva Dahl was "
        "ordered to pay the guild's costs."
    )
    sentence = "The court dismissed her claim in 1894, and Eva Dahl was ordered to pay the guild's costs."
    question = "What did the court order after the Ost Timber Company's appeal?"
    assert unmatched(question, sentence, ["In 1893 Eva Dahl challenged the deed."], article=article)
    # a scene the article tells where its names stand may be set there
    told = article.replace("The company did not stop.", "The company lost its appeal.")
    assert unmatched(question, sentence, ["In 1893 Eva Dahl challenged the deed."], article=told) == []


def test_a_passage_that_says_nothing_gives_no_one_s_words() -> None:
    from assistant.verification.reference import asked_speaker, said_in

    assert asked_speaker("What did Dahl remark when the bridge opened?") == "Dahl"
    assert not said_in('The report was printed in the Courier under the title "A bridge too far".')
    assert said_in("“The bridge will stand,” an engineer told the Courier.")
    assert said_in("We have seen the cables fray since May.")
    assert said_in("Dahl remarked that the bridge would stand.")


def test_have_after_did_is_the_verb() -> None:
    from assistant.verification.claims import statement

    question = "In how many towns did the guild's seed exchange have partners by 1900?"
    assert statement(question, "14") == "The guild's seed exchange did have partners by 1900 in 14 towns."


def test_a_noun_before_a_title_makes_another_office() -> None:
    from assistant.verification.roles import title_mismatch

    quote = "The council named Ost Guild support chief Per Lund as its envoy."
    assert "support chief" in title_mismatch("The council named Ost Guild chief Per Lund as its envoy.", quote)
    assert title_mismatch("The council named Ost Guild support chief Per Lund as its envoy.", quote) == ""
    # an adjective, or the body itself, names no other office; a bare title says what he also is
    assert title_mismatch("Ost Guild chief Per Lund spoke.", "The former chief Per Lund spoke.") == ""
    assert title_mismatch("Ost chief Per Lund spoke.", "The group chief Per Lund spoke.") == ""
    assert title_mismatch("Minister Per Lund spoke.", "The finance minister Per Lund spoke.") == ""


def test_a_verb_of_the_scene_is_the_question_s_own_wording() -> None:
    from assistant.verification.short import unmatched

    article = (
        "Bridges\n\nThe design was given to Per Lund, who had earlier built the Hamre bridge. The Ost bridge opened."
    )
    sentence = "The design was given to Per Lund, who had earlier built the Hamre bridge."
    question = "What bridge had Per Lund built before taking on the Ost bridge?"
    assert unmatched(question, sentence, [], article=article) == []
