"""Rules of the judge for claims that read like their quote but say another thing: an aim stated as a deed,
counts swapped between words of one stem, a role that is a relative's, events in the other order, and the
phrases that are no claims. Every name here is invented."""

from __future__ import annotations

from assistant.verification.counts import count_mismatch, point_as_span
from assistant.verification.intent import unattained
from assistant.verification.judge import judged_statement, rule_failure, word_for_word
from assistant.verification.relations import swapped_relation
from assistant.verification.roles import role_mismatch
from assistant.verification.sequence import cause_after_effect
from assistant.verification.structure import quantifier_mismatch


def test_what_the_quote_gives_as_an_aim_is_not_a_deed_done():
    quote = "Since the vote the guild has grown, and some of its members are even seeking to forge ties with Norland."
    assert "seeking to forge" in unattained("Some members of the guild have forged ties with Norland.", quote)
    assert unattained("Some members of the guild are trying to forge ties with Norland.", quote) == ""
    assert unattained("Some members of the guild seek to forge ties with Norland.", quote) == ""
    # a quote that also says it was done
    done = "The guild tried to forge ties with Norland and forged them within a year."
    assert unattained("The guild forged ties with Norland.", done) == ""
    assert "pushed for" in unattained("Anna Berg held talks with Sorland.", "Anna Berg pushed for talks with Sorland.")


def test_counts_swapped_between_words_of_one_stem_are_found():
    quote = "The flood in Vik left two deaths and 14 injuries."
    assert "14" in count_mismatch("The flood in Vik left 14 people dead and two injured.", quote)
    assert count_mismatch("The flood in Vik left two people dead and 14 injured.", quote) == ""


def test_a_number_that_points_back_is_no_count():
    quote = "Norland and Sorland met in Vik, where Anna Berg warned that more fighting would be costly."
    claim = (
        "Norland and Sorland met in Vik, where Anna Berg warned that fighting between the two sides would be costly."
    )
    assert rule_failure(claim, [quote], "", 0.2) == ""
    # a count of the very things the quote counts otherwise is still checked
    counted = "The three sides met in Vik."
    assert "number" in rule_failure("The two sides met in Vik.", [counted], "", 0.2)


def test_the_word_that_answers_a_yes_no_question_is_no_negation():
    quote = "Since the accord, the guild has yet to publish a statement against the raiders."
    assert (
        rule_failure(
            "No; since the accord, the guild has yet to publish a statement against the raiders.",
            [quote],
            "Has the guild condemned the raiders?",
            0.2,
        )
        == ""
    )
    assert rule_failure(
        "Since the accord, the guild has not published a statement.", ["The guild published a statement."], "", 0.2
    )


def test_in_comparison_to_is_a_comparison():
    quote = "The Vik militia pales in comparison to the guild both in numbers and in arms."
    assert rule_failure(
        "The Vik militia is much weaker than the guild, with fewer men and arms.", [quote], "", 0.2
    ) != ("the quote makes no comparison")
    assert rule_failure("The Vik militia is weaker than the guild.", ["The Vik militia met the guild."], "", 0.2) == (
        "the quote makes no comparison"
    )


def test_a_role_after_son_of_is_another_person_s():
    quote = "Among them is Per Holm, harbour master and son of the founder of the guild, Ola Holm."
    assert "founder" in role_mismatch("Per Holm is the harbour master and the founder of the guild.", quote)
    assert role_mismatch("Ola Holm is the founder of the guild.", "Ola Holm, the founder of the guild, spoke.") == ""


def test_a_hyphenated_name_with_a_particle_is_a_party_of_the_relation():
    assert "other way round" in swapped_relation(
        "The Guild harbored al-Hamra fighters.", ["Al-Hamra harbored Guild fighters."]
    )


def test_a_claim_that_an_event_came_after_another_needs_them_in_that_order():
    quote = "The guild announced its founding in 1907 after the city council closed the old harbour of Vik."
    assert "existence" not in cause_after_effect(
        "The city council closed the old harbour of Vik in response to the guild announcing its founding.", quote
    )
    assert cause_after_effect(
        "The city council closed the old harbour of Vik in response to the guild announcing its founding.", quote
    )
    assert cause_after_effect("The guild announced its founding after the council closed the harbour.", quote) == ""


def test_a_phrase_on_a_gerund_with_no_verb_of_its_own_is_no_claim():
    quote = "Anna Berg has openly led efforts to build ties with Sorland, including urging it to train guild pilots."
    question = "What has Anna Berg done about Sorland?"
    claim = "Openly leading efforts to build ties with Sorland, including urging it to train guild pilots."
    assert rule_failure(claim, [quote], question, 0.2) == "not a complete sentence"
    # a gerund that is the subject has its verb; "According to" opens no deed
    assert rule_failure("Building ties with Sorland is what Anna Berg has led.", [quote], question, 0.2) != (
        "not a complete sentence"
    )
    assert (
        rule_failure(
            "According to Anna Berg, the guild pilots train in Sorland.",
            ["Anna Berg said the guild pilots train in Sorland."],
            "",
            0.2,
        )
        != "not a complete sentence"
    )


def test_a_group_that_owns_what_the_claim_speaks_of_is_not_taken_whole():
    quote = "Anna Berg met members of the Vik Guild, a harbour body whose pilots are sailors from the northern isles."
    assert quantifier_mismatch("The Vik Guild's pilots are sailors from the northern isles.", quote) == ""
    assert "part of" in quantifier_mismatch("The Vik Guild met Anna Berg.", quote)


def test_the_judge_model_reads_a_bare_answer_as_a_statement_and_never_the_quote_s_own_words():
    assert judged_statement("Has the guild met?", "No; the guild has yet to meet.") == "No; the guild has yet to meet."
    assert judged_statement("Who leads the guild?", "Anna Berg.") == "The answer is Anna Berg."
    quote = "Since the accord, the guild has yet to publish a statement."
    assert word_for_word("Since the accord the guild has yet to publish a statement", [quote])
    assert not word_for_word("Since the accord, the guild has published a statement.", [quote])


def test_a_number_of_years_ago_is_a_point_in_time_not_how_long():
    quote = "Since about 4,000 years ago, three great floods have struck the Vik valley."
    assert "point in time" in point_as_span("The great floods of the Vik valley lasted 4,000 years.", quote)
    assert point_as_span("Three great floods have struck the Vik valley in the last 4,000 years.", quote) == ""
    assert point_as_span("The first flood struck the Vik valley 4,000 years ago.", quote) == ""


def test_what_a_possible_or_potential_thing_is_said_to_be_only_might_be_so():
    quote = "The council named Per Holm an outlaw, suggesting possible Vik raids on his farm at Lund."
    assert rule_failure("The naming means Vik will raid his farm at Lund.", [quote], "", 0.2) == (
        "states as certain what the quote only calls possible"
    )
    # the phrase's modifiers are not hedged: "Vik" is said plainly elsewhere
    assert rule_failure("The council named Per Holm an outlaw.", [quote], "", 0.2) == ""


def test_on_right_after_the_relation_word_takes_its_object():
    quote = "“Vikbank relies on Norland as its biggest patron,” a Sorland diplomat said."
    assert "other way round" in swapped_relation("A Sorland diplomat said Norland relies on Vikbank.", [quote])
    assert swapped_relation("A Sorland diplomat said Vikbank relies on Norland.", [quote]) == ""


def test_a_ministry_s_spokesman_is_no_minister():
    quote = "Per Holm, spokesman for the Norland Foreign Ministry, declined to comment."
    assert "spokesman" in role_mismatch("Norland's foreign minister, Per Holm, declined to comment.", quote)
    assert role_mismatch("Per Holm, who speaks for the Norland Foreign Ministry, declined to comment.", quote) == ""
