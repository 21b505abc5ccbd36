"""Rules of the judge for a title given beside a name, a share of a whole in words, a hedge before a linking
verb, a place named by another position, "other" read as all, an answer described only by the claim itself,
and a gap between two years. Every name here is invented."""

from __future__ import annotations

import pytest

from assistant.verification.attachment import other_as_all
from assistant.verification.counts import share_mismatch, year_gaps
from assistant.verification.echoes import self_defined
from assistant.verification.judge import rule_failure
from assistant.verification.motion import taker_swapped
from assistant.verification.quotations import words_of_another
from assistant.verification.reference import described_names, opening_name
from assistant.verification.roles import role_mismatch, title_mismatch, titled
from assistant.verification.wording import position_mismatch


def test_a_title_before_a_name_or_in_its_apposition_is_read_with_its_owner():
    assert titled("Duke Anselm sold the mill to Velka in 1460.") == {"anselm": {"duke": ""}}
    assert titled("Tomas Brenner, Norland's envoy to Velka, spoke.") == {"brenner": {"envoy": "norland"}}
    assert titled("Lund Institute director Mara Holt said so.") == {"holt": {"director": ""}}
    assert titled("Mara Holt, a senior fellow at the Lund Institute, said so.") == {"holt": {"fellow": ""}}


@pytest.mark.parametrize(
    "claim,quote,why",
    [
        (
            "King Anselm sold the mill to Velka in 1460.",
            "The mill was sold to Velka by Duke Anselm of Norland in 1460.",
            "duke, not king",
        ),
        (
            "Lund Institute director Mara Holt said the deal was the best outcome.",
            "Mara Holt, a senior fellow at the Lund Institute, said the deal was the best outcome.",
            "fellow, not director",
        ),
        (
            "Tomas Brenner, the Velka League's envoy to Norland, said the talks failed.",
            "The talks failed, said Tomas Brenner, Ostria's ambassador to Norland, who does not speak for the Velka "
            "League.",
            "Ostria's envoy",
        ),
    ],
)
def test_a_title_the_quote_gives_the_person_otherwise_is_rejected(claim, quote, why):
    assert why in title_mismatch(claim, quote)


def test_the_same_title_in_other_words_or_none_in_the_quote_passes():
    quote = "Tomas Brenner, Ostria's ambassador to Norland, said the talks failed."
    assert title_mismatch("Ostria's envoy Tomas Brenner said the talks failed.", quote) == ""
    assert title_mismatch("Duke Anselm sold the mill.", "Anselm sold the mill in 1460.") == ""


def test_a_thing_established_by_someone_was_founded_by_them():
    quote = "Leaders such as Anselm tried to annex the valley. The League was established by Anselm in 1460."
    assert role_mismatch("Anselm founded the League in 1460.", quote) == ""
    assert "another role" in role_mismatch("Anselm founded the League.", "Leaders such as Anselm annexed it.")


def test_a_share_in_words_is_a_number():
    quote = "Nearly half of the valley's villages have already fallen to the rebels."
    assert "half" in share_mismatch("Nearly a third of the valley's villages have fallen to the rebels.", quote)
    assert share_mismatch("Almost one half of the villages have fallen.", quote) == ""
    assert share_mismatch("Two-thirds of the water flows west.", "Two thirds of the water flows west.") == ""
    assert share_mismatch("It is the third largest city.", "It is the second largest city; half the city is old.") == ""


def test_a_hedge_before_a_linking_verb_hedges_its_complement():
    quote = "The militia could prove useful to the council as it drafts its policy."
    assert "certain" in rule_failure("The militia will be a useful tool for the council.", [quote], coverage=0.2)
    assert rule_failure("The militia could be useful to the council.", [quote], coverage=0.2) == ""


def test_a_place_the_quote_puts_by_another_name():
    quote = "The legend tells of a dragon killed on the Orm rock, near Velka on the river, and of the court at Lund."
    assert "near Velka" in position_mismatch("The dragon was killed on the Orm rock near Lund.", quote)
    # a name the quote does not give at all is the name check's; "after" also orders time
    assert position_mismatch("The dragon was killed near Ostria.", quote) == ""
    assert position_mismatch("It fell after Lund.", "It fell after Velka, the day the court at Lund met.") == ""


def test_other_things_of_a_kind_are_not_all_of_them():
    quote = "Other rivers in the Lund basin, above all the Orm, still carry a high degree of pollution."
    assert "other rivers" in other_as_all("The rivers of the Lund basin still carry a high degree of pollution.", quote)
    assert other_as_all("The Orm still carries a high degree of pollution.", quote) == ""
    assert other_as_all("Other rivers of the Lund basin are still polluted.", quote) == ""


def test_an_answer_described_only_by_the_claim_itself_names_nothing():
    assert self_defined("The guild won respect across the valley through the very thing that earned it that respect.")
    assert self_defined("The critic called the play's success by the name she gave it in her review.")
    assert self_defined("They did it the way it had always been done.") == ""
    assert self_defined("She was known by the name her father gave her, “Wren”.") == ""


def test_a_gap_between_two_years_of_the_quote_is_a_number_it_states():
    quote = "The garrison left the valley in 1930 and the army re-occupied it in 1936."
    assert year_gaps("The army moved back in six years later.", quote) == {"6"}
    assert year_gaps("The army moved back seven years later.", quote) == set()
    assert (
        rule_failure("The army re-occupied the valley six years after the garrison left.", [quote], coverage=0.2) == ""
    )


def test_the_party_something_was_taken_from_did_not_take_it():
    quote = "By the late period, the Velka had captured most of its upper basin from the Orm, including the Lis."
    claim = "By the late period, the Orm had captured most of its upper basin, including the Lis, from the Velka."
    assert "other way round" in taker_swapped(claim, quote)
    assert taker_swapped("The Velka captured the upper basin from the Orm.", quote) == ""


def test_a_quote_alone_may_name_the_question_s_name_by_a_description():
    question = "Which district borders Lake Orm?"
    quote = "The lake is shared by two districts, Velka and Lis."
    assert rule_failure("Velka borders Lake Orm.", [quote], question, coverage=0.2) == ""
    # "the country" for the question's country is not read as its name
    asked = "How fast are prices rising in Norland?"
    alone = "Prices are rising at the fastest rate in the region, and most of the country's people cannot afford fuel."
    assert described_names(asked, alone) == set()
    assert "norland" in rule_failure("Prices in Norland are rising fast.", [alone], asked, coverage=0.2).lower()


def test_a_claim_s_first_word_is_a_name_where_the_article_writes_it_as_one():
    article = "The Velka was not known to Ostrander. Later writers set it on the map. Rebels crossed it; rebels stayed."
    quote = "Later writers set it on the map."
    assert opening_name("Ostrander set the Velka on the map.", article) == ["ostrand"]
    assert "ostrand" in rule_failure("Ostrander set the Velka on the map.", [quote], coverage=0.2, article=article)
    assert opening_name("Rebels set the Velka on the map.", article) == []
    assert opening_name("Later writers set it on the map.", article) == []


def test_a_quotation_s_words_stay_with_the_person_the_quote_gives_them_to():
    quotes = (
        "Mayor Anna Berg hailed the deal as “a new dawn for the valley.” Writing in a journal last month, former "
        "minister Tomas Brenner called the deal's success a “victory not worth the loss.”"
    )
    claim = 'Anna Berg\'s view changed from hailing "a new dawn" to calling the deal a "victory not worth the loss".'
    assert "Brenner" in words_of_another(claim, quotes)
    assert words_of_another('Tomas Brenner called the deal a "victory not worth the loss".', quotes) == ""
    assert words_of_another('The deal was called a "victory not worth the loss".', quotes) == ""
