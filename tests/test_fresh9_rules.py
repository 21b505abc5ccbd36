"""Rules of the thirtieth session, on invented names: a share is no comparison, a period is dated by a year
inside it, and a claim's first word that no English dictionary knows is a name the quote must give."""

from __future__ import annotations

from assistant.models.prompts import Prompts
from assistant.schema import Article, Evidence
from assistant.verification.judge import MODEL_COVERAGE, Judge, rule_failure


def _span(sentence: str, words: str) -> tuple[int, int]:
    start = sentence.index(words)
    return start, start + len(words)


def _fails(claim: str, quote: str, question: str = "") -> str:
    return rule_failure(claim, [quote], question, MODEL_COVERAGE)


def test_most_of_a_group_is_a_share_not_a_comparison() -> None:
    quote = "The majority of the rowers came from the fishing villages of Vikholm."
    assert _fails("Most of the rowers came from the fishing villages of Vikholm.", quote) == ""
    # a share is still read as one: "some" does not give "most"
    assert _fails(
        "Most of the rowers came from the fishing villages of Vikholm.",
        "Some of the rowers came from the fishing villages of Vikholm.",
    )
    # and a superlative still needs a comparison in the quote
    assert _fails("The rowers were the most skilled in Vikholm.", "The rowers came from Vikholm.")


def test_a_period_is_dated_by_a_year_or_a_period_inside_it() -> None:
    assert _fails("The mill was built in the 1750s.", "The mill was built in 1756 by Anna Berg.") == ""
    assert _fails("The mill was built in the 18th century.", "The mill was built in 1756 by Anna Berg.") == ""
    assert _fails("The mill was built in the 1700s.", "The mill was built in the 18th century.") == ""
    # the claim may say less than the quote, never more or otherwise
    assert _fails("The mill was built in 1756.", "The mill was built in the 1750s.")
    assert _fails("The mill was built in the 1760s.", "The mill was built in 1756 by Anna Berg.")
    assert _fails("The mill was built in the 17th century.", "The mill was built in 1756 by Anna Berg.")


def test_a_claim_opening_on_a_word_english_does_not_know_names_someone_the_quote_must_give() -> None:
    quote = "In the chronicle of Ostrava, the Vik is called the river that divides the two kingdoms."
    assert "name not in the quote" in _fails(
        "Zbigniewicz called the Vik the river that divides the two kingdoms.", quote
    )
    # a number or a conjunction opening the claim is English, not a name
    counted = "The chronicle names three rivers that divide the two kingdoms."
    assert "name" not in _fails("Three rivers divide the two kingdoms, the chronicle says.", counted)
    assert "name" not in _fails("Although the Vik is called a river, it divides the two kingdoms.", quote)


# --- read on the dev half of fresh-8 (eval/judge/fresh-8-dev.jsonl) ---------------------------------------------


def test_a_count_in_words_is_what_a_claim_adds_beyond_its_question() -> None:
    quote = "In a lethal encounter near the Vik bridge, six lives were lost, and 17 were injured."
    claim = "A deadly clash close to the Vik bridge left six people dead and seventeen wounded."
    assert _fails(claim, quote, "What happened at the Vik bridge?") == ""


def test_a_number_written_in_two_words_is_one_number() -> None:
    quote = "In August 1963 the assembly voted by 41 to 6 to approve a budget of 2.4 million marks."
    claim = (
        "A budget of 2.4 million marks was passed by the assembly in August 1963, with forty-one in favour and six "
        "against."
    )
    assert _fails(claim, quote) == ""
    assert "number not in the quote" in _fails(claim.replace("forty-one", "forty-two"), quote)


def test_a_kin_word_keeps_the_role_another_s_when_an_owner_stands_between() -> None:
    quote = "Jan Kowal, Minister of Defence and son of the founder of the Bund, Piotr Kowal, spoke on Monday."
    assert _fails("Jan Kowal, a son of the movement's founder Piotr Kowal, spoke on Monday.", quote) == ""
    assert _fails("Jan Kowal, the movement's founder, spoke on Monday.", quote)


def test_a_minority_is_a_part_and_the_majority_most() -> None:
    quote = "Kowal said that while some of the rowers are Danes, most are Swedes from the islands."
    assert _fails("Kowal said a minority of the rowers are Danes, while the majority are Swedes.", quote) == ""


def test_an_owner_written_as_an_adjective_or_a_possessive_is_one_owner() -> None:
    quote = "Jan Kowal, spokesman for the Ruritanian Foreign Ministry, declined to comment."
    assert _fails("Jan Kowal is the spokesman for Ruritania's Foreign Ministry.", quote) == ""
    assert _fails("Jan Kowal is the spokesman for Freedonia's Foreign Ministry.", quote)


def test_a_noun_after_a_number_is_no_verb_so_a_phrase_stays_a_fragment() -> None:
    quote = "By 1840 the company owned a fleet of 46 barges, each worked by a crew of three."
    assert _fails("A fleet of 46 barges, each worked by a crew of three.", quote, "How many barges?") == (
        "not a complete sentence"
    )


def test_a_passive_names_its_doer_after_its_complement_too() -> None:
    quote = "Ruritania is designated as a major trading partner by Freedonia."
    assert "turns round" in _fails("Ruritania has designated Freedonia as a major trading partner.", quote)
    assert _fails("Freedonia has designated Ruritania as a major trading partner.", quote) == ""


def test_a_thing_owned_by_one_party_is_not_another_s() -> None:
    quote = "Kowal said that if the Bund appears tamed, it is because they follow the Guild's strategic plans."
    claim = "Kowal said that if the Bund appears tamed, it is because they follow the Bund's strategic plans."
    assert "the quote makes it guild's strategic" in _fails(claim, quote)


def test_a_count_the_claims_own_list_states_is_no_new_number() -> None:
    quote = "The firm was founded by the grain merchant Jan Kowal and the engineer Anna Berg."
    assert _fails("The firm was set up by two men: the engineer Anna Berg and the grain dealer Jan Kowal.", quote) == ""
    assert "number not in the quote" in _fails("The firm was set up by three men: Anna Berg and Jan Kowal.", quote)


def test_a_gap_between_two_dates_of_the_quotes_is_a_number_they_state() -> None:
    quotes = [
        "The first cases were reported on 22 April 1963 by Dr. Anna Berg in Vikholm.",
        "The campaign was launched on 9 July 1963 by the governor, Jan Kowal.",
    ]
    claim = "The campaign began on 9 July 1963, about eleven weeks after Dr. Anna Berg reported the first cases."
    assert rule_failure(claim, quotes, "", MODEL_COVERAGE) == ""
    later = "The campaign began on 9 July 1963, about twenty weeks after Dr. Anna Berg reported the first cases."
    assert "number not in the quote" in rule_failure(later, quotes, "", MODEL_COVERAGE)


def test_a_noun_of_the_verb_names_no_one_done_to() -> None:
    quote = "The campaign was placed under the direction of Dr. Anna Berg, the chief medical officer."
    assert _fails("The campaign was directed by Dr. Anna Berg, the chief medical officer.", quote) == ""


def test_a_commander_in_chief_commands_what_follows() -> None:
    quote = "In June, Jan Kowal, commander of the Vik Guard, a wing of the Ruritanian army, visited Albu."
    assert "commander" in _fails("In June, Jan Kowal, commander-in-chief of the Ruritanian army, visited Albu.", quote)


# --- read on the dev half of fresh9 (eval/squad-dev/fresh9-squad-dev.jsonl) -------------------------------------


def test_after_be_a_closing_participle_ends_the_subject() -> None:
    from assistant.verification.claims import statement

    claim = statement("What is the parapet wall on the crest made of?", "concrete")
    assert claim == "The parapet wall on the crest is made of concrete."
    assert statement("What was the city called?", "Vikholm") == "The city was called Vikholm."


def test_a_completion_is_the_opposite_of_a_start() -> None:
    quote = "A statue of Anna Berg was unveiled in 1968, the centenary of the start of construction."
    assert "not completion" in _fails("A statue of Anna Berg marked the centenary of its completion in 1968.", quote)


def test_one_figure_for_a_list_answers_for_none_of_its_items_alone() -> None:
    from assistant.verification.short import one_figure_for_a_list

    sentence = "It is grown on roughly 2,400 hectares in Ruritania, Freedonia and northern Vikland."
    span = _span(sentence, "2,400")
    assert one_figure_for_a_list("How many hectares are grown in Freedonia?", sentence, span)
    assert one_figure_for_a_list("How many hectares are grown in all?", sentence, span) == ""


def test_one_of_a_kind_is_no_count_the_sentence_must_give() -> None:
    from assistant.verification.short import unmatched

    sentence = "Each spike of the Vik barley carries between 18 and 26 grains."
    assert unmatched("How many grains are on one spike of the Vik barley?", sentence, []) == []
    assert unmatched("How many grains did one farm grow?", sentence, []) == ["1"]


def test_a_rate_per_the_thing_asked_is_no_count_of_it() -> None:
    from assistant.verification.short import rate_for_a_count

    sentence = "The record yield of 5.1 tonnes per hectare was reached near Vikholm."
    span = _span(sentence, "5.1")
    assert rate_for_a_count("How many hectares are grown near Vikholm?", sentence, span)
    assert rate_for_a_count("How many tonnes per hectare was the record yield?", sentence, span) == ""


def test_how_far_below_needs_a_sentence_that_names_that_side() -> None:
    from assistant.verification.short import verify

    text = "Harbour\n\nIn 1990 the crest of the Vik mole was raised by 0.3 metres to allow for rising sea levels."
    sentence = text.split("\n\n")[1]
    article = Article(doc_id="h", file="h.txt", title="Harbour", text=text, spans=((9, len(text)),))
    ev = Evidence(number=1, article=article, index=0)
    span, why = verify(Judge(None, Prompts()), "How far below mean sea level is the crest of the Vik mole?", ev, "0.3")
    assert span is None and "below" in why
    assert sentence.startswith("In 1990")


def test_a_date_beside_a_list_is_no_figure_shared_out() -> None:
    from assistant.verification.short import one_figure_for_a_list

    sentence = "Jan Kowal was captured in 2010 during the war with Ruritania, and Anna Berg was freed."
    span = _span(sentence, "2010")
    assert one_figure_for_a_list("When was Anna Berg freed?", sentence, span) == ""
    assert one_figure_for_a_list("How many years was Anna Berg held?", sentence, span)
