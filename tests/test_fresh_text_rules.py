"""Rules read on text no earlier rule was written for (the seventh fresh sets, encyclopedia-style): questions
composed in the perfect ("Which firm has Nolan urged the board to hire?"), names joined by "and", a long name
before a role, a modifier that is no part of a name, a scene the sentences around place elsewhere, "re-"
verbs, a measure's dimension, the doer of a passive verb, roles of study and rank, "having" + participle,
an act named after a preposition, and "one" as an article. Every name here is invented."""

from __future__ import annotations

import pytest

from assistant import text as tx
from assistant.verification.agents import agent_mismatch
from assistant.verification.attachment import kind_unsaid
from assistant.verification.causal import unstated_cause
from assistant.verification.citations import answers_question
from assistant.verification.claims import named_acts, statement
from assistant.verification.counts import referring_counts, year_as_count
from assistant.verification.echoes import gerund_opening, placeholder
from assistant.verification.judge import rule_failure
from assistant.verification.opposites import opposite_mismatch
from assistant.verification.roles import role_mismatch
from assistant.verification.short import unmatched
from assistant.verification.wording import modifier_mismatch


@pytest.mark.parametrize(
    "question,answer,claim",
    [
        (
            "Which firm has Nolan urged the board to hire?",
            "Arkwell",
            "Nolan has urged the board to hire Arkwell.",
        ),
        ("What has the guild claimed credit for?", "the bridge", "The guild has claimed credit for the bridge."),
        (
            "How many ships has the Varn fleet lost since 1820?",
            "nine",
            "The Varn fleet has lost nine ships since 1820.",
        ),
        ("Which city has the largest harbour?", "Ostra", "Ostra has the largest harbour."),
        ("Who has been named the new warden?", "Ann Meller", "Ann Meller has been named the new warden."),
        ("When did Ostra and Veltan sign the pact?", "1241", "Ostra and Veltan did sign the pact in 1241."),
        ("In what month and year did Veltan fall?", "May 1410", "Veltan did fall in May 1410."),
        (
            "Roughly how many displaced people has Ostra taken in?",
            "about 3,000",
            "Ostra has taken in about 3,000 displaced people.",
        ),
        ("Where do the Orva and the Varn meet?", "Kell", "The Orva and the Varn do meet in Kell."),
        (
            "What salt needed for shells does acid rain lower in seawater?",
            "calcium",
            "Acid rain does lower calcium in seawater.",
        ),
    ],
)
def test_a_perfect_question_keeps_its_subject_before_the_participle(question, answer, claim):
    assert statement(question, answer) == claim


def test_a_long_name_before_a_role_stays_beside_the_answer():
    claim = statement("Which Veltan Port Authority spokesman said at a briefing that fees would rise?", "Ida Rask")
    assert claim == "Ida Rask, Veltan Port Authority spokesman, said at a briefing that fees would rise."


def test_a_modifier_found_is_no_part_of_the_name_it_modifies():
    quote = "Fees will rise, Ida Rask, Veltan harbour police spokesman, said at a briefing on May 2."
    article = f"Harbour news\n\n{quote} Olaf Berg, spokesman for the Veltan Port Authority, declined to comment."
    claim = "Ida Rask, Veltan Port Authority spokesman, said at a briefing that fees would rise."
    question = "Which Veltan Port Authority spokesman said at a briefing that fees would rise?"
    assert rule_failure(claim, [quote], question, composed=True, context=["Harbour news"], article=article) != ""
    # where the quote gives the same head, the article's full name is the same one
    assert tx.rest_of_name("imran", "Imran Khan was arrested.", {"khan"}, "Imran Khan of the party") is True
    assert tx.rest_of_name("ministri", "the Veltan Ministry", {"veltan"}, "the Veltan Ministry said") is False


def test_a_scene_described_beside_the_sentence_must_name_the_same_place():
    sentence = "More than 40 people died in the fire."
    before = "The guild was founded in 1820 after soldiers stormed a large warehouse in Ostra, seeking grain."
    article = f"Guild history\n\n{before} {sentence} A flood in Marren later killed 12 people."
    question = "How many people died when soldiers stormed a large warehouse in Marren?"
    assert "marren" in unmatched(question, sentence, [before], article=article)
    assert unmatched(question.replace("Marren", "Ostra"), sentence, [before], article=article) == []


def test_a_verb_with_re_is_another_event():
    quote = "The town owes its name to the founding of Kell in 1143 by Count Orm."
    assert opposite_mismatch("Count Orm refounded Kell in 1143.", quote) == "the quote says founded, not refounded"
    assert opposite_mismatch("The Varn remains the main river.", "The Varn is the main river.") == ""


def test_lowering_is_no_increase():
    quote = "Warming lowers the salt that shells need."
    assert opposite_mismatch("Warming does increase the salt that shells need.", quote) != ""


def test_a_measure_is_of_the_dimension_its_adjective_gives():
    quote = "The Kell pit, about 300 metres wide and 124 metres deep, was found in 1996."
    assert kind_unsaid("124 metres is the depth of the Kell pit.", quote) == ""
    assert kind_unsaid("300 metres is the depth of the Kell pit.", quote) != ""


def test_the_doer_of_a_passive_verb_is_the_quotes():
    quote = "In March, Orm Dahl was killed by border guards alongside the trader Ivo Kest near Kell."
    assert agent_mismatch("Orm Dahl was killed near Kell in March by the trader Ivo Kest.", quote) != ""
    assert agent_mismatch("Orm Dahl was killed by guards.", quote) == ""


@pytest.mark.parametrize(
    "claim,quote",
    [
        (
            "Ida Rask, who heads the Orva Institute, wrote a book.",
            "Ida Rask, a fellow at the Orva Institute, wrote a book.",
        ),
        ("Ivo Kest, then the army chief, expected a reward.", "Lt. Gen. Ivo Kest of the Orva guard expected a reward."),
    ],
)
def test_a_role_of_study_or_rank_is_no_office(claim, quote):
    assert role_mismatch(claim, quote) != ""


def test_having_and_a_participle_is_no_finite_verb():
    assert gerund_opening("Having lost much of its trade after the silting of the Orva.") is True
    assert gerund_opening("Having lost the war, the king fled.") is False


def test_an_act_named_after_a_preposition_is_not_asserted():
    assert named_acts("Verhan was the name for the penalty of expelling a town.") == {"expel"}
    quote = "Towns could be expelled from the league, a penalty called Verhan."
    question = "What was the name for the penalty of expelling a town from the league?"
    claim = statement(question, "Verhan")
    assert "possible" not in rule_failure(claim, [quote], question, composed=True)
    assert "possible" in rule_failure("Towns were expelled from the league.", [quote], "What happened?")


def test_one_before_a_word_the_quote_has_is_an_article():
    quote = "Dahl coined the term horsepower, defining it as 33,000 foot-pounds of work per minute."
    assert "1" in referring_counts("one horsepower", quote)
    assert "1" not in referring_counts("One soldier died.", "Two soldiers died.")
    assert "1" in referring_counts("One factor was the rise of strong states.", "The rise of strong states hurt it.")


def test_a_year_is_no_count():
    quote = "Dahl built his first engine in 1712 near Kell."
    assert year_as_count("1712 engines of his kind had been built by then.", quote) != ""
    assert year_as_count("1712 engines had been built.", "By then 1712 engines had been built.") == ""


def test_a_peoples_adjective_names_its_country():
    sentence = "In 1267 King Orm of England granted the Kell merchants a charter."
    assert unmatched("Which English king granted the Kell merchants a charter in 1267?", sentence, []) == []
    assert unmatched("Which Danish king granted the Kell merchants a charter in 1267?", sentence, []) == ["danish"]


def test_a_quote_that_calls_the_cause_unknown_supports_no_cause():
    quote = "The shoals left the Orva in 1420, for reasons that are still debated."
    assert unstated_cause("The shoals left the Orva because they moved away.", quote) != ""
    assert unstated_cause("The shoals left because of nets.", "The shoals left for reasons that are known.") == ""


def test_saying_that_words_were_said_gives_none_of_them():
    question = "What did Ida Rask say about the guild?"
    assert placeholder(question, "Ida Rask made remarks about the guild.") != ""
    assert placeholder(question, "Ida Rask made remarks about the guild, saying it had grown.") == ""


def test_a_verb_of_the_opposite_act_reverses_the_claim():
    quote = "The envoys say that 600 guards have pledged loyalty to the Kell council."
    assert opposite_mismatch("600 guards have renounced loyalty to the Kell council.", quote) != ""
    assert opposite_mismatch("600 guards have pledged loyalty to the Kell council.", quote) == ""


def test_a_classifier_the_quote_gives_the_noun_is_compared_too():
    quote = "The engineer Orm Dahl patented his multi-stage reaction turbine in 1884."
    assert modifier_mismatch("Orm Dahl patented his impulse turbine in 1884.", quote) != ""
    assert modifier_mismatch("Orm Dahl patented his reaction turbine in 1884.", quote) == ""
    overland = "In 1241 Ostra and Kell agreed to protect the overland route to the sea."
    assert modifier_mismatch("Ostra and Kell agreed to protect the land route to the sea.", overland) == ""
    assert modifier_mismatch("It equals one horsepower.", "He coined the term horsepower.") == ""


@pytest.mark.parametrize(
    "question,answer,fits",
    [
        ("In what month and year did Veltan fall?", "Almost two years later", False),
        ("In what month and year did Veltan fall?", "May 1410", True),
        ("What year was the Kell pact signed?", "1241", True),
        ("What year was the Kell pact signed?", "two years later", False),
        ("In what century was the Orva bridge built?", "19th century", True),
        ("What decade did Orm Dahl study in Kell?", "1980s", True),
    ],
)
def test_a_point_in_time_asked_by_its_unit_is_written_with_it(question, answer, fits):
    assert answers_question(question, answer) is fits
