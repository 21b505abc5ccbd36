"""Rules of the judge for a quote about a part of what the claim speaks of, a thing the quote names only as
an aim, phrases that are no sentences, asides and transfers the quote does not give, and words turned round
by a prefix. Every name here is invented."""

from __future__ import annotations

from assistant.text import names
from assistant.verification.asides import unsaid_aside
from assistant.verification.attachment import kind_unsaid, part_for_whole
from assistant.verification.echoes import (
    gerund_opening,
    lacks_finite_verb,
    placeholder,
    relative_only,
    subordinate_only,
)
from assistant.verification.events import present_for_past
from assistant.verification.intent import aimed_only
from assistant.verification.judge import rule_failure
from assistant.verification.motion import source_for_recipient
from assistant.verification.opposites import opposite_mismatch
from assistant.verification.reference import pointed_elsewhere
from assistant.verification.relations import swapped_relation
from assistant.verification.wording import comparison_mismatch


def test_a_part_pointed_back_at_is_not_the_whole_named_before():
    quote = "This section is nearly 40 km long, and falls from 300 m to 120 m."
    assert "section" in part_for_whole("The Velka is nearly 40 km long.", quote)
    assert part_for_whole("The section is nearly 40 km long.", quote) == ""
    # the whole is where its part is
    assert part_for_whole("The Velka flows through Lake Orm.", "This section flows through Lake Orm.") == ""
    # through the judge's rules, with the sentence before naming the river
    context = ["Velka", "Below the falls the Velka enters a gorge."]
    assert "part" in rule_failure(
        "The Velka is nearly 40 km long.", [quote], "How long is the Velka?", 0.2, context=context
    )


def test_a_part_named_with_its_whole_does_not_speak_for_the_whole():
    quote = "The northern section of this frontier, where the Velka is deep, remained the border until 1500."
    assert part_for_whole("The frontier remained the border until 1500.", quote)
    # the claim's subject is not the whole the part belongs to
    assert part_for_whole("The Velka remained the border until 1500.", quote) == ""
    # a branch that carries a name of its own is that name, not the whole
    branch = "The western branch of the Norland Guild, known as NGW, claimed the raid."
    assert part_for_whole("The NGW claimed the raid.", branch) == ""
    assert part_for_whole("The Norland Guild claimed the raid.", branch)


def test_what_the_quote_names_only_as_an_aim_is_not_done():
    quote = "Building a canal to the Orm was a long-term goal of the Vik council, since the 1400s."
    assert "aim" in aimed_only("The Vik council completed a canal to the Orm in the 1400s.", quote)
    assert aimed_only("A canal to the Orm was a long-term goal of the Vik council.", quote) == ""
    assert aimed_only("The Vik council long sought a canal to the Orm.", quote) == ""
    # after a colon
    colon = "The raid served the guild's main goal: weakening the council."
    assert aimed_only("The guild weakened the council.", colon)
    # a quote that also states the thing as so
    done = "Building a canal was a goal of the council, and the council built the canal in 1420."
    assert aimed_only("The council built a canal in 1420.", done) == ""


def test_a_phrase_whose_only_verbs_stand_in_a_relative_clause_is_no_sentence():
    assert relative_only("At Vik Haven, where the Orm changes its name and becomes the Lek.")
    assert relative_only("The Orm Channel, the course of which now lies below the sea.")
    assert not relative_only("The Orm, which rises in Norland, flows into the sea.")
    assert not relative_only('The answer to "Besides Vik and Sorland, where else is Lake Orm?" is Norland.')
    # a participle that sets the scene before the clause is no fragment either
    assert not gerund_opening("Measuring about 90 km, the Orm ranks behind only the Velka in length.")
    assert gerund_opening("Publicly leading efforts to end the feud, including urging talks.")


def test_a_claim_that_it_did_what_it_did_says_nothing():
    question = "What did the Orm form in old maps?"
    assert placeholder(question, "In old maps, the Orm formed exactly what the maps defined it as forming.")
    assert placeholder(question, "In old maps, the Orm formed what is now the border of Norland.") == ""


def test_a_prefix_of_opposition_turns_the_word_round():
    quote = "Below the falls the Orm is joined by its major tributary, the Lek."
    assert "tributary" in opposite_mismatch(
        "Below the falls the Orm is joined by the Lek, its major distributary.", quote
    )
    assert opposite_mismatch("Below the falls the Orm is joined by the Lek, its major tributary.", quote) == ""


def test_a_quote_that_tells_of_a_change_in_degree_compares():
    quote = "The river's length is much shortened from its natural course by canals."
    assert comparison_mismatch("The river is much shorter than its natural course.", quote) == ""
    # a claim's own verb of change compares nothing the quote need
    assert comparison_mismatch("The canals reduce the river's length.", "The canals cut the river's length.") == ""


def test_fully_is_a_universal_and_one_of_is_no_count():
    assert rule_failure("The valley was fully flooded by 900.", ["By 900, the valley was flooded."], "", 0.2)
    members = "Norland leaders, such as Anna Berg and Ole Lind, tried to annex the islands."
    assert "number" not in rule_failure(
        "Anna Berg was one of the Norland leaders who tried to annex the islands.", [members], "", 0.2
    )


def test_an_aside_the_quote_does_not_give_is_an_added_detail():
    quote = "It was cited as 1,200 km by the Vik Survey in 2010."
    assert "satellite" in unsaid_aside("The Vik Survey, using satellite images, cited it as 1,200 km in 2010.", quote)
    assert unsaid_aside("The Vik Survey, in 2010, cited it as 1,200 km.", quote) == ""
    assert unsaid_aside("The Vik Survey cited it as 1,200 km, including the lake, in 2010.", quote) == ""


def test_a_transfer_runs_the_way_the_quote_gives_it():
    quote = "The league served as a source of grain and soldiers for the Norland Empire."
    assert "Norland Empire" in source_for_recipient(
        "The league drew grain and soldiers from the Norland Empire.", quote
    )
    assert source_for_recipient("The league sent grain and soldiers to the Norland Empire.", quote) == ""


def test_an_acronym_that_opens_a_claim_is_a_name():
    assert names("VIKOS describes the valley as a marvel.")
    assert names("The valley is a marvel.") == []


def test_a_plural_role_takes_each_name_of_its_list():
    quote = "Tribes crossed the Orm, establishing the kingdoms of Vasa on the lower Orm, Lind on the upper Orm and Ask."
    assert swapped_relation("The tribes established the kingdom of Lind on the upper Orm.", [quote]) == ""
    assert swapped_relation("The tribes established the kingdom of Lind.", ["They founded the kingdom of Vasa."])


def test_a_plural_role_s_list_ends_where_a_clause_begins():
    quote = (
        "The Orm forms the border from Lake Ask except for parts of the cantons of Vasa and Lind, until it turns "
        "at the Orm bend."
    )
    assert "part of" in swapped_relation("Lake Ask contains part of the Orm Falls.", [quote])


def test_a_name_in_the_next_sentence_of_the_quote_is_not_the_part_s_whole():
    quote = "This section is nearly 40 km long. It flows through a valley known as the Velka Valley."
    assert part_for_whole("The Velka is nearly 40 km long.", quote)
    assert part_for_whole("The Velka is 40 km.", quote)  # a claim composed from "How long is the Velka?"


def test_a_description_the_article_never_gives_a_name_does_not_point_at_it():
    quote = "The error was found in 2010, and the survey confirms the length at 1,200 km."
    article = "The Velka is a long river. In 1932 a lexicon gave 1,320 km, a typing error. " + quote
    found = rule_failure(
        "The Velka was first found in 2010.",
        [quote],
        "When was the Velka first found?",
        0.2,
        context=["Velka", article],
        article=article,
    )
    assert "The error" in found
    # a description the article gives the name points at it
    river = "The river makes a turn to the north near Vik."
    assert pointed_elsewhere("The Velka makes a turn near Vik.", river, ["velka"], [article]) == ""
    # and so does a claim that speaks of the description's noun itself
    assert pointed_elsewhere("The error about the Velka was found in 2010.", quote, ["velka"], [article]) == ""


def test_a_subordinate_clause_alone_is_no_sentence():
    assert subordinate_only("Because the guild left Vik.")
    assert subordinate_only("When the Orm floods in spring.")
    assert not subordinate_only("When the Orm floods, the guild leaves Vik.")
    assert not subordinate_only("If the guild wins the war in Vik, they share its goals.")
    # a word that is also a preposition opens no clause: "Until 1937 the accepted length was 1,230 km."
    assert not subordinate_only("Until 1937 the generally accepted length of the Orm was 90 km.")


def test_a_noun_phrase_of_compounds_and_adverbs_has_no_verb():
    assert lacks_finite_verb("An internationally acclaimed multi-award-winning anti-feud writer")
    assert not lacks_finite_verb("The council re-elected Anna Berg in 2018.")


def test_an_answer_that_only_names_that_something_followed_is_an_echo():
    question = "What has the end of the truce between the guild and Vik led to?"
    quote = "The end of the truce between the guild and Vik has led to unrest in the harbour."
    echo = "The recent end of the truce between the guild and Vik has led to the consequences that followed from it."
    assert "repeats" in rule_failure(echo, [quote], question, 0.2)
    true = "The truce between the guild and Vik ended, which has led to unrest in the harbour."
    assert rule_failure(true, [quote], question, 0.2) == ""


def test_what_is_so_now_does_not_answer_for_a_past_period():
    question = "Which way did the Orm flow during the last dry phase?"
    assert "now" in present_for_past(question, "The river now flows north through the Vik plain.")
    assert present_for_past("Which way does the Orm flow?", "The river now flows north.") == ""
    assert present_for_past(question, "In the last dry phase the Orm flowed west; now it flows north.") == ""


def test_the_present_as_a_point_of_comparison_is_no_statement_of_it():
    question = "What else was dry land in the last cold phase?"
    assert present_for_past(question, "The bay was dry land, because sea level was 120 m lower than today.") == ""


def test_a_word_for_how_a_thing_is_called_is_no_kind():
    quote = "In the local dialect, the singular is pronounced Isel."
    assert kind_unsaid("Isel is the singular form of the name in the local dialect.", quote) == ""


def test_one_of_a_group_the_quote_never_names_is_still_a_count():
    quote = "The biggest city on the Orm is Vik, with more than 90,000 people."
    claim = "Vik has one of the smallest ports in Norland."
    assert "number" in rule_failure(claim, [quote], "What city has one of the smallest ports in Norland?", 0.2)


def test_where_a_part_goes_its_whole_goes():
    quote = "This section is nearly 40 km long. It flows through a valley known as the Velka Valley."
    assert part_for_whole("The Velka Valley is the valley that the Velka flows through.", quote) == ""


def test_a_question_s_frame_noun_is_no_kind():
    quote = "Anna Berg visited Vik in June to rally a group of fighters."
    assert kind_unsaid("To rally a group of fighters was the purpose of Anna Berg's visit to Vik in June.", quote) == ""
