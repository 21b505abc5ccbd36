"""Rules read on the eighth fresh sets (encyclopedia-style text on subjects no earlier rule was written
for) and on the dev failures the twenty-seventh session left. Every name here is invented."""

from __future__ import annotations

import pytest

from assistant import text as tx
from assistant.answering.quoting import candidates
from assistant.schema import Article, Evidence
from assistant.verification.attachment import part_for_whole
from assistant.verification.claims import statement
from assistant.verification.counts import count_mismatch
from assistant.verification.events import other_occasion
from assistant.verification.judge import rule_failure
from assistant.verification.opposites import opposite_mismatch
from assistant.verification.roles import role_mismatch
from assistant.verification.short import unmatched
from assistant.verification.structure import date_mismatch, quantifier_mismatch
from assistant.verification.wording import modifier_mismatch

QUOTE = "The Varn guild took power in May 1402 after the revolt."


def test_a_verb_before_its_object_is_no_modifier() -> None:
    """ "seize power" against "took power": a verb and its object, not a modifier of "power"."""
    claim = "The Varn guild did seize power in May 1402."
    assert modifier_mismatch(claim, QUOTE) == ""
    assert rule_failure(claim, [QUOTE], "When did the Varn guild seize power?", composed=True) == ""


def test_an_adjective_before_the_same_noun_is_still_compared() -> None:
    assert modifier_mismatch("The Varn guild took total power.", "The Varn guild took partial power.") != ""


def test_losing_is_not_taking() -> None:
    assert opposite_mismatch("The Varn guild did lose power in May 1402.", QUOTE) == "the quote says took, not lose"
    assert opposite_mismatch("The Varn guild lost power in May 1402.", "The guild lost power in 1402.") == ""


def test_an_ordinal_is_compared_with_ordinals_only() -> None:
    quote = "The new tower used 2,171 blocks of granite from the Vell quarries."
    assert modifier_mismatch("The fourth tower used 2,171 blocks of granite.", quote) == ""
    assert modifier_mismatch("It was the fourth tower.", "It was the third tower.") != ""


def test_a_total_synthesis_is_one_made_entirely() -> None:
    quote = "The first total synthesis of the dye was achieved by Ada Vell in 1957."
    assert tx.unsaid_universals("Ada Vell was the first to make the dye entirely by synthesis.", quote) == set()
    assert tx.unsaid_universals("Ada Vell made all the dyes.", "Ada Vell made the dye.") == {"all"}


def test_a_month_gives_its_season_in_either_hemisphere() -> None:
    quote = "In August 1928 Orm left for a holiday at his house in Kell."
    assert date_mismatch("Orm spent his summer holiday in Kell in 1928.", quote) == ""
    assert date_mismatch("Orm spent his winter holiday in Kell in 1928.", quote) == ""  # south of the equator
    assert date_mismatch("Orm spent his spring holiday in Kell in 1928.", quote) == "date not in the quote: spring"


def test_ranks_differ_and_an_officer_of_any_rank_commands() -> None:
    quote = "On the same day troops under Colonel Orm Dahl landed at Kell and occupied the town."
    assert role_mismatch("Colonel Orm Dahl commanded the troops who occupied Kell.", quote) == ""
    assert role_mismatch("Orm Dahl, admiral, landed at Kell.", quote) != ""
    assert role_mismatch("Orm Dahl led the council of Kell.", quote) != ""  # "led" is no command of troops


def test_a_role_asked_of_a_passive_subject_stays_beside_the_answer() -> None:
    claim = statement("Which Varnish admiral was killed at the Battle of Kell?", "Orm Dahl")
    assert claim == "Orm Dahl, Varnish admiral, was killed at the Battle of Kell."
    assert role_mismatch(claim, "At the Battle of Kell, Captain Orm Dahl died on board.") != ""


def test_a_director_is_no_fellow() -> None:
    reason = rule_failure("Ada Vell was the director of the school.", ["Ada Vell, a fellow of the school, said so."])
    assert reason == "the quote never calls anything a director"


def test_a_bare_measure_takes_the_unit_and_thing_of_the_one_before() -> None:
    quote = "Ostra receives 0.76 millimetres of rain a year, and Kell averages only 0.5 millimetres."
    assert count_mismatch("Kell does get 0.5 millimetres of rain each year.", quote) == ""
    budget = "Of the budget of 310,000 kronor, Orm supplied 120,000, the king gave 40,000."
    assert count_mismatch("Orm put 120,000 kronor into the budget.", budget) == ""
    assert count_mismatch("The blast killed 23 people.", "The blast killed 3 people and injured 23.") != ""


def test_a_day_of_the_month_counts_nothing() -> None:
    quote = "On 21 December the Varn reached Kell and took off all 15 men of the party."
    assert count_mismatch("Only 15 men were alive when the Varn reached Kell.", quote) == ""


def test_a_named_event_of_the_same_kind_is_another_occasion() -> None:
    sentence = "At the Battle of Kell in 1879, Captain Orm Dahl died on board the Varn."
    assert other_occasion("Which ship did Orm Dahl command at the Battle of Ostra?", sentence) == ["Battle of Ostra"]
    assert other_occasion("Which ship did Orm Dahl command at the Battle of Kell?", sentence) == []


def test_a_sentence_that_sets_its_own_occasion_answers_no_other_scene() -> None:
    sentence = 'On seeing the surviving mice, Orm is said to have remarked, "It works."'
    asked = "What did Orm remark?"
    question = "What did Orm remark when the results appeared in the journal?"
    assert other_occasion(question, sentence, asked) != []
    assert other_occasion("What did Orm remark when he saw the surviving mice?", sentence, asked) == []


def test_exceeding_is_not_falling_below() -> None:
    quote = "The total cost was 59,255 pounds, well below the estimate of 78,000 pounds."
    assert opposite_mismatch("The cost did exceed the estimate by 59,255 pounds.", quote) != ""


def test_a_time_before_something_began_is_not_what_it_did() -> None:
    sentence = "From 1992 a project at Kell used 94 nets to supply about 15,000 litres of water a day."
    assert other_occasion("How much water did the nets supply before the project began?", sentence) != []
    assert other_occasion("How much water did the nets supply after the project began?", sentence) == []
    before = "Before the project began, the village got 2 litres a day."
    assert other_occasion("How much water did the village get before the project began?", before) == []


def test_the_head_of_a_body_needs_a_quote_that_gives_someone_a_role() -> None:
    quote = "In 1938 Orm Dahl, a chemist, came across the paper while working at the Vell School of Dyes."
    assert role_mismatch("Orm Dahl served as director of the Vell School of Dyes.", quote) != ""
    assert role_mismatch("Orm Dahl worked at the Vell School of Dyes.", quote) == ""
    assert role_mismatch("Orm Dahl leads the Vell School.", quote) == ""  # a verb is left to the model


def test_what_a_pronoun_stands_for_counts_toward_the_claims_words() -> None:
    quote = "She was treated at Kell Hospital with 5.5 grams of the drug sent by Varnco."
    context = ["Dyes, part 2", "In March 1942 Ada Vell lay dying of an infection after a birth."]
    claim, question = (
        "Varnco supplied the drug given to Ada Vell.",
        "Which company supplied the drug given to Ada Vell?",
    )
    assert rule_failure(claim, [quote], question, 0.5).startswith("only 33% of its words")
    assert rule_failure(claim, [quote], question, 0.5, context=context) == ""


@pytest.mark.parametrize(
    "question,answer,claim",
    [
        (
            "Which Varnish chemist served as director of the Kell School?",
            "Orm Dahl",
            "Orm Dahl, Varnish chemist, served as director of the Kell School.",
        ),
        (
            "Which Ostran agency has been watching the guild?",
            "the Ward",
            "The Ward, Ostran agency, has been watching the guild.",
        ),
        ("Which Varn tributaries join at Kell?", "the Ost", "The Ost join at Kell."),  # a plural kind is left as before
        # an object keeps its kind beside it too (twenty-ninth session: "did X visit the Syrian border town Y")
        ("Which Ostran town did Orm visit?", "Kell", "Orm did visit the Ostran town Kell."),
    ],
)
def test_a_kind_with_a_name_like_modifier_stays_beside_a_subject_answer(question: str, answer: str, claim: str) -> None:
    assert statement(question, answer) == claim


def test_a_name_like_modifier_the_quote_lacks_refuses_the_claim() -> None:
    quote = "The school's director, the Ostran pathologist Ada Vell, agreed to a study."
    claim = statement("Which Varnish chemist served as director of the Kell School?", "Ada Vell")
    question = "Which Varnish chemist served as director of the Kell School?"
    assert rule_failure(claim, [quote], question, 0.2) == "name not in the quote: varnish"
    assert rule_failure(claim, [quote.replace("Ostran pathologist", "Varnish chemist")], question, 0.2) == ""


def test_a_sentence_that_refers_back_is_a_candidate_for_what_the_one_before_names() -> None:
    sentences = [
        "The Varn Brothers were a band of sailors who raided ships in the Ost Sea.",
        "The group had first been hired in 1392 by the Duchy of Kell to supply a besieged town.",
        "Storms in the Ost Sea sank many ships in the autumn.",
    ]
    text = " ".join(sentences)
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in sentences)
    article = Article(doc_id="d1", file="varn.txt", title="Varn", text=text, spans=spans)
    evidence = [Evidence(number=n, article=article, index=n - 1) for n in range(1, len(sentences) + 1)]
    picked = [ev.text for ev in candidates("Which state originally employed the Varn Brothers?", evidence, 0.3)]
    assert sentences[1] in picked
    # the sentence after, which refers back to nothing, still holds none of the question's words
    assert sentences[2] not in picked


def test_a_scene_none_of_whose_words_stand_near_is_another_occasion() -> None:
    sentence = "The most notorious is the massacre of 150 people in 2014."
    around = ["Ostra has suffered from the guild's violence for years.", "Last May a bomb killed 100 people in Kell."]
    article = " ".join([*around, "Ostran security forces stormed a mosque in Kell."])
    question = "How many people died when Ostran security forces launched an operation against a mosque in Kell?"
    assert "occasion (forc launch mosqu oper secur)" in unmatched(question, sentence, around, article=article)
    assert unmatched("How many people died in the massacre of 2014 in Ostra?", sentence, around, article=article) == []


def test_what_a_group_includes_is_some_of_it() -> None:
    quote = "Last May the guild burned a mill in Kell, one of the worst attacks in its history."
    assert quantifier_mismatch("The guild's attacks on Ostra include the burning of a mill in Kell.", quote) == ""
    assert quantifier_mismatch("The guild's attacks on Ostra were the worst in its history.", quote) != ""


def test_a_part_is_no_whole_in_a_claim_that_opens_on_its_answer() -> None:
    quote = "This section is nearly 86 km long, and descends from a height of 599 m to 396 m."
    assert part_for_whole("599 m is the height of the Varn canton.", quote).startswith("the quote speaks of a part")
    assert part_for_whole("599 m is the height of this section.", quote) == ""
