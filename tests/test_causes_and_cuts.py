"""Rules of the judge for a cause the quote never states, one contributor made the whole cause, negative
implicatives ("has yet to", "declined to"), a copy cut where a clause ends, a sentence begun in lower case,
a count's noun before a preposition, an acronym bracketed after its name, an editor's insertion inside a
relation, the two parties of "between", and a compound noun asked about before a verb of saying. Every name
here is invented."""

from __future__ import annotations

import pytest

from assistant import text as tx
from assistant.verification.attachment import kind_unsaid, said_of_other
from assistant.verification.causal import sole_cause, unstated_cause
from assistant.verification.claims import statement
from assistant.verification.counts import count_mismatch
from assistant.verification.echoes import lowercase_opening, relative_only, truncated_copy
from assistant.verification.judge import rule_failure
from assistant.verification.relations import swapped_relation
from assistant.verification.roles import rank_mismatch
from assistant.verification.short import one_count_of_several
from assistant.verification.wording import between_mismatch


def test_a_cause_the_quote_does_not_state_is_the_writers():
    claim = "The Varn mill closed because its workers moved to the coast."
    assert unstated_cause(claim, "The Varn mill closed in 1920. Its workers moved to the coast.") != ""
    assert unstated_cause(claim, "The Varn mill closed as its workers moved to the coast.") == ""
    assert unstated_cause("The Varn mill closed after its workers left.", "The Varn mill closed.") == ""


def test_a_schedule_is_no_cause():
    assert unstated_cause("The handover was due to be complete by May.", "The handover ends in May.") == ""


@pytest.mark.parametrize(
    "claim,supported",
    [
        ("The silt is what makes the Orva plain fertile today.", False),
        ("The silt made the Orva plain fertile.", False),
        ("The silt helped make the Orva plain fertile.", True),
        ("The silt contributes to the Orva plain's fertility.", True),
    ],
)
def test_one_contributor_is_not_the_whole_cause(claim: str, supported: bool):
    quote = "Silt settled across the Orva plain, contributing to its present fertility."
    assert (sole_cause(claim, quote) == "") is supported


def test_negative_implicatives_deny_what_follows():
    assert tx.negated("The Tarsk council has yet to approve the plan.")
    assert tx.negated("A spokesman for the Tarsk council declined to comment.")
    assert not tx.negated("The Tarsk council approved the plan.")
    quote = "Since the vote, the Tarsk council has yet to publish an official budget for the harbour."
    reason = rule_failure(
        "Since the vote, the Tarsk council has published an official budget for the harbour.", [quote]
    )
    assert reason == "states what the quote denies"


def test_a_copy_cut_where_a_clause_ends_is_complete():
    quote = "Mira Ostrov worked on the farms in the north and told the Kell Gazette that the harvest failed."
    assert not truncated_copy("Mira Ostrov worked on the farms in the north.", quote)
    listed = "The deal is alive, according to several Kell officials and members of the two parties."
    assert truncated_copy("The deal is alive, according to several Kell officials", listed)


def test_a_sentence_begun_in_lower_case_is_a_piece_of_another():
    assert lowercase_opening("argued that the Kell tax was too high")
    assert not lowercase_opening("al-Tarik leaders met in Varn.")
    assert not lowercase_opening("iDrive sales rose in Varn.")
    assert not lowercase_opening("Argued or not, the Kell tax stayed.")


def test_an_adverb_before_a_past_tense_verb_leaves_it_a_verb():
    assert not relative_only("It most likely began as a misprint in the Orel almanac, which gave it as 12 km.")
    assert relative_only("The Orm Channel, the course of which now lies below the sea.")


def test_a_count_ends_where_a_preposition_starts_another_phrase():
    quote = "The Velkans kept eight legions in five bases along the Orva."
    assert count_mismatch("The Velkans kept eight legions along the Orva.", quote) == ""
    assert count_mismatch("The Velkans kept five legions along the Orva.", quote) != ""


def test_an_acronym_bracketed_after_its_name_is_that_name():
    quote = "Most are members of Tarsk Front in the Northern Hills (TFNH), crossing the border."
    assert swapped_relation("Most are members of TFNH.", [quote]) == ""
    assert swapped_relation("Most are members of Kell Guard.", [quote]) != ""


def test_an_editors_insertion_does_not_hide_who_did_what_for_whom():
    quote = (
        "Tom Lee [founder of the Varn club] sacrificed his fortune [a sum estimated by the press at "
        "millions], his whole estate, for Bob Kay."
    )
    assert "other way round" in swapped_relation("Bob Kay sacrificed his whole estate for Tom Lee.", [quote])
    assert swapped_relation("Tom Lee sacrificed his whole estate for Bob Kay.", [quote]) == ""


def test_the_parties_between_which_a_relation_holds_stay_as_the_quote_gives_them():
    quote = "Ana Voss brokered a truce between Kell and the Tarsk Front last year, officials said."
    assert "between Kell and the Tarsk Front" in between_mismatch(
        "Ana Voss brokered a truce between the Orm Guard and the Tarsk Front last year.", quote
    )
    assert between_mismatch("Ana Voss brokered a truce between the Tarsk Front and Kell.", quote) == ""
    assert between_mismatch('The answer to "A truce between Kell and what group?" is the Tarsk Front.', quote) == ""


def test_a_compound_noun_before_a_verb_of_saying_stays_with_the_answer():
    claim = statement("Which Velkan prime minister said the harbour would close?", "Ana Voss")
    assert claim == "Ana Voss, Velkan prime minister, said the harbour would close."


def testone_count_of_several_answers_how_many_only_where_the_question_says_which():
    sentence = "For the army of Velka, two legions at Orm (Tarsk); two legions at Kell, renamed Varn."
    span = (sentence.index("two"), sentence.index("two") + 3)
    assert "more than once" in one_count_of_several("How many legions did the army of Velka have?", sentence, span)
    assert one_count_of_several("How many legions were at Orm?", sentence, span) == ""
    once = "The Velkans kept eight legions in five bases along the Orva."
    assert one_count_of_several("How many legions did the Velkans keep?", once, (17, 22)) == ""


def test_a_name_after_a_rank_word_is_no_ranked_title():
    assert (
        rank_mismatch("According to Tomas Brenner, the dam failed.", "His special assistant Tomas Brenner wrote so.")
        == ""
    )
    assert rank_mismatch("Tomas Brenner is the president.", "Tomas Brenner is the vice president.") != ""


def test_a_persons_clause_after_the_apposition_that_describes_him_hangs_on_his_name():
    sentence = "Among them is Tomas Brenner, Velkan Deputy Minister for Harbour Affairs, who was arrested in 2010."
    at = sentence.index("2010")
    assert said_of_other("In what year was Tomas Brenner arrested?", sentence, (at, at + 4)) == ""
    plain = "The river crosses the Orva Plain, which is about 300 km long."
    at = plain.index("300")
    assert said_of_other("How long is the river?", plain, (at, at + 6)) != ""


def test_a_composed_claims_word_order_around_a_noun_is_no_relation():
    quote = "Appearing on KTV for the first time ever, Brenner said the talks were over."
    claim = "Brenner did give an interview for the first time on KTV."
    asked = "On which network did Brenner give an interview for the first time?"
    assert rule_failure(claim, [quote], asked, composed=True) == ""
    assert "other way round" in swapped_relation("Kell captured Orm.", ["Orm captured Kell in 1420."], verbs_only=True)


@pytest.mark.parametrize(
    "question,answer,claim",
    [
        (
            "According to whom is the Orva polluted?",
            "the Kell Agency",
            "According to the Kell Agency, the Orva is polluted.",
        ),
        (
            "In which city does the Tarsk member who described a shared agenda reside?",
            "Varn",
            "The Tarsk member who described a shared agenda does reside in Varn.",
        ),
        ("What did the general who led the corps say?", "nothing", "The general who led the corps did say nothing."),
    ],
)
def test_questions_with_a_source_or_a_relative_clause_compose_as_sentences(question: str, answer: str, claim: str):
    assert statement(question, answer) == claim


def test_a_generic_person_noun_is_no_kind_the_quote_must_name():
    quote = "Velkan jihadist Tomas Brenner, a top dog of the Tarsk Front, sees the withdrawal as a victory."
    assert kind_unsaid("Tomas Brenner is a leading figure in the Tarsk Front.", quote) == ""
    assert kind_unsaid("Tomas Brenner is a founding member of the Tarsk Front.", quote) != ""


def test_a_failure_to_act_denies_the_act():
    assert tx.negated("the council's failure to meet the May 1 deadline")


def test_a_composed_claim_keeps_a_roles_object():
    quote = "Brenner, the commander of Orm, spoke on Friday."
    assert "commander of" in swapped_relation("Brenner is the commander of Kell.", [quote], verbs_only=True)
