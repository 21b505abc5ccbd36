"""Rules of the thirty-first session, on invented names: a noun closing a phrase is no verb, so a noun
phrase with nothing but nouns that could be verbs is still no sentence; a predicate on a past form lacks
its subject; "leaders" in the plural are senior figures."""

from __future__ import annotations

from assistant import text as tx
from assistant.schema import Article, Evidence
from assistant.verification.asking import asks_several
from assistant.verification.attachment import said_of_other
from assistant.verification.counts import unsaid_ordinal
from assistant.verification.echoes import gerund_opening, lacks_finite_verb
from assistant.verification.events import unordered
from assistant.verification.judge import MODEL_COVERAGE, rule_failure
from assistant.verification.roles import role_mismatch
from assistant.verification.short import referent


def _fails(claim: str, quote: str, question: str = "") -> str:
    return rule_failure(claim, [quote], question, MODEL_COVERAGE)


def test_a_noun_that_closes_the_phrase_is_no_verb() -> None:
    quote = "The Lark's twin-cylinder engine and steam pipe set the pattern for later ferries."
    question = "Which parts of the Lark were copied by later ferries?"
    assert _fails("The Lark's twin-cylinder engine and steam pipe.", quote, question) == "not a complete sentence"
    # the sentence itself has its verb
    assert _fails("The Lark's twin-cylinder engine and steam pipe set the pattern for later ferries.", quote) == ""


def test_a_noun_before_a_comma_or_after_a_compound_modifier_is_no_verb() -> None:
    quote = "The end of the truce has led to increased tension, with cross-border raids from Vik."
    claim = "Increased tension, with cross-border raids from Vik."
    assert _fails(claim, quote, "What did the end of the truce lead to?") == "not a complete sentence"
    assert lacks_finite_verb("Rising tension, with cross-border tensions in the north.")


def test_a_verb_that_ends_its_clause_is_still_a_verb() -> None:
    # an -s or past form may close a clause; a bare form before a closing object is a verb
    assert not lacks_finite_verb("Here the Orm ends.")
    assert not lacks_finite_verb("The old bridge collapsed.")
    assert not lacks_finite_verb("The guilds control Vik.")
    assert not lacks_finite_verb("The council re-elected Anna Berg in 2018.")
    assert not lacks_finite_verb("They co-founded the ferry company.")


def test_leaders_in_the_plural_are_senior_figures_not_the_head() -> None:
    quote = (
        "Some key members of the guild want to leave Vik. Among them are Anna Berg, Deputy Mayor for Trade, "
        "and Ole Lund, Minister of Defense and son of the founder of the guild, Per Lund."
    )
    assert role_mismatch("Anna Berg and Ole Lund, guild leaders, want to leave Vik.", quote) == ""
    # the singular is the one who heads the body: a deputy mayor is not the guild's leader
    assert "another role" in role_mismatch("Anna Berg is the guild leader.", quote)
    # and plain members are no leaders, however many
    members = "Anna Berg and Ole Lund, members of the guild, want to leave Vik."
    assert "another role" in role_mismatch("Anna Berg and Ole Lund, the guild's leaders, want to leave Vik.", members)


def test_a_predicate_on_a_past_form_lacks_its_subject() -> None:
    quote = "The guild had bought the bell at a Vik fruit market in 1850."
    assert _fails("Bought at a Vik fruit market in 1850.", quote, "Where was the bell bought?") == (
        "not a complete sentence"
    )
    assert gerund_opening("Identified as the likely source of the outbreak.")
    # a past form that sets the scene for a clause, or one that can be an adjective, opens no fragment
    assert not gerund_opening("Founded in 1850, the guild grew quickly.")
    assert not gerund_opening("Armed men stormed the guild hall.")


def test_a_year_counts_nothing_and_by_with_a_gerund_names_no_doer() -> None:
    # "46 barges" is a noun after a count; "in 1868 cut" is the verb after a year
    assert not lacks_finite_verb("The opening of the Vik railway in 1868 cut the journey to two hours.")
    assert lacks_finite_verb("A fleet of 46 barges, each worked by a crew of three.")
    # "posed by X" is a participle; "responded by flattening" is the verb
    assert not lacks_finite_verb("Berg responded by flattening the slope of the dam.")
    assert lacks_finite_verb("The threat posed by the guild.")


def test_a_relative_clause_set_off_by_commas_adds_what_the_quote_must_give() -> None:
    quote = "Two weeks after the truce, the guild's treasurer arrived at a Vik hotel, smiling and sipping tea."
    added = (
        "Two weeks after the truce, the guild's treasurer arrived at a Vik hotel, where he met the mayor to plan a tax."
    )
    assert "adds" in _fails(added, quote)
    given = "Two weeks after the truce, the guild's treasurer arrived at a Vik hotel, where he was sipping tea."
    assert _fails(given, quote) == ""


def test_throughout_is_a_universal_of_time() -> None:
    quote = "The rule caused a good deal of resentment in the guild's early years."
    claim = "The rule caused resentment throughout the guild's history."
    assert "throughout" in _fails(claim, quote)


def test_a_length_of_time_in_other_units_is_the_same_number() -> None:
    quote = "The guild has been watching the mill for at least a year and a half."
    assert _fails("The guild has watched the mill for no less than eighteen months.", quote) == ""
    assert "number not in the quote" in _fails("The guild has watched the mill for twenty months.", quote)
    # "no less than" is a bound, not a denial; "no more money" still denies
    assert _fails("The guild has watched the mill for at least eighteen months.", quote) == ""
    assert tx.negated("The guild has no more mills.") and not tx.negated("no fewer than 12 mills")


def test_nouns_before_of_and_after_an_adjective_are_no_verbs() -> None:
    assert lacks_finite_verb("A top dog of the Vik guild.")
    assert lacks_finite_verb("The enormous cost to the Vik guild.")
    assert not lacks_finite_verb("The delta consists of three basins.")
    # a second predicate after "and" is a verb even where the first is a word no dictionary knows
    assert not lacks_finite_verb("They coaled at Vik from 2 to 11 May, and entered the ice on 28 May.")


def test_first_or_last_of_a_series_is_the_quotes_to_say() -> None:
    quote = "In 1466 the council fined the warden, Jan Berg, twenty guilders for breaking the peace of the fair."
    claim = "Jan Berg was the guild's first warden."
    assert "which warden" in rule_failure(claim, [quote], "Who was the guild's first warden?", MODEL_COVERAGE)
    said = "The first warden of the guild was Jan Berg, a founder who had learned the trade in the south."
    assert _fails(claim, said) == ""
    # a name ("the last Ice Age"), a verb ("did last") and a time ("last year") put nothing in a series
    assert unsaid_ordinal("Ice covered the Alps in the last Ice Age.", "Ice covered the Alps.") == ""
    assert _fails("The guild was fined last year.", "The guild was fined last year.") == ""
    assert unsaid_ordinal("Berg cast the third bell.", "Berg cast the 3rd bell.") == ""


def test_a_measure_set_after_its_noun_is_that_nouns() -> None:
    sentence = "A fence 38 kilometres long keeps grazing animals out of the reserve's core."
    span = (sentence.index("38"), sentence.index(" long"))
    assert "fence" in said_of_other("How long is the boundary of the Vik Reserve?", sentence, span)
    assert said_of_other("How long is the fence around the Vik Reserve?", sentence, span) == ""
    plain = "The Vik canal is 38 kilometres long."
    assert said_of_other("How long is the Vik canal?", plain, (plain.index("38"), plain.index(" long"))) == ""


def _article(*sentences: str) -> Article:
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append((start, start + len(sentence)))
    return Article(doc_id="b", file="bells.txt", title="Bells", text=text, spans=tuple(spans))


def test_the_kind_reaches_back_over_sentences_that_call_it_the_kind_to_its_name() -> None:
    article = _article(
        "The largest bell of the guild was the Saint Ulla bell, cast in 1487.",
        "It weighs 9.6 tonnes.",
        "It remained the largest bell in the north until 1877.",
        "The bell was hoisted into the north tower in 1488.",
        "The bell cracked in 1533 and was recast by Per Vell.",
    )
    question = "Who recast the Saint Ulla bell after it cracked?"
    assert "Saint Ulla" in referent(question, Evidence(number=1, article=article, index=4))
    # another bell named between: "the bell" may be that one
    other = _article(
        "The Saint Ulla bell was cast in 1487.",
        "A second bell was cast in 1490.",
        "The bell cracked in 1533 and was recast by Per Vell.",
    )
    assert referent(question, Evidence(number=1, article=other, index=2)) == ""


def test_what_came_before_an_event_is_not_what_came_with_it() -> None:
    question = "Under what name did the Lund brothers sell Vik water before they founded their bottling plant?"
    told = "In 1897 the Lund brothers founded a bottling plant at Vik and sold its water under the name Vik Gold."
    assert "puts nothing before it" in unordered(question, told)
    ordered = "Before they founded the plant, the Lund brothers had sold the water as Vik Table Water."
    assert unordered(question, ordered) == ""


def test_a_range_between_two_points_is_one_thing_asked() -> None:
    assert not asks_several("How much metal in total was cast in Vik between 1540 and 1600?")
    assert not asks_several("What was the border between Ruritania and Freedonia?")
    assert asks_several("Who founded the guild and when?")
    assert asks_several("Which towns lie between Vik and Orm?")


def test_before_a_present_event_sets_a_condition_and_a_dated_quote_keeps_its_date() -> None:
    question = "What must the guild agree to before Vik supports the new mill?"
    assert unordered(question, "Vik supports the new mill only if the guild agrees to share the water.") == ""
    # "in 1753" from the sentences around does not date a quote that gives its own year
    quote = "The duke resolved to build it after watching the transit of Mercury of 1743 from his window."
    claim = "The duke did watch the transit of Mercury of 1743 from his window in 1753."
    around = ["Building began in 1753."]
    question = "What did the duke watch from his window in 1753?"
    failure = rule_failure(claim, [quote], question, MODEL_COVERAGE, context=around, composed=True)
    assert "number not in the quote" in failure


def test_only_a_year_from_the_sentences_around_dates_a_composed_claim() -> None:
    quote = "The biggest city on the river Orm is Vik, with a population of more than 50,000 people."
    claim = "Vik has one of the smallest ports in Ruritania."
    around = ["The Orm rises in one of the high valleys."]
    question = "What city has one of the smallest ports in Ruritania?"
    failure = rule_failure(claim, [quote], question, MODEL_COVERAGE, context=around, composed=True)
    assert "number not in the quote" in failure
    fire = "The fire started in a bakery on Mill Street."
    dated = rule_failure(
        "The fire of 1843 did start in a bakery on Mill Street.",
        [fire],
        "Where did the fire of 1843 start?",
        MODEL_COVERAGE,
        context=["On 14 August 1843 a fire destroyed the spa house."],
        composed=True,
    )
    assert "number" not in dated
