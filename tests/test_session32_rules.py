"""Rules of the thirty-second session, on invented names: a bare number far from the one before continues no
list; "take place" takes nothing; a time asked for is no subject; whose account it is closes the claim; a
speaker named only inside another speaker's words is not the one who speaks."""

from __future__ import annotations

from assistant.verification.claims import statement
from assistant.verification.judge import MODEL_COVERAGE, rule_failure


def _fails(claim: str, quote: str, question: str = "", composed: bool = False) -> str:
    return rule_failure(claim, [quote], question, MODEL_COVERAGE, composed=composed)


RAID = "In a raid on Velm last spring, four of the 15 smugglers held were found to be members of the Ost gang."


def test_a_bare_answer_far_from_the_question_s_number_counts_nothing_of_its_own() -> None:
    question = "Of the 15 smugglers held after the raid on Velm, how many turned out to be Ost gang members?"
    claim = statement(question, "four")
    assert _fails(claim, RAID, question, composed=True) == ""
    # the whole's count is still the whole's: four were not held
    assert "counts" in _fails("Four smugglers were held in the raid on Velm.", RAID)


def test_taking_place_is_no_taking() -> None:
    quote = "In a clash near the Orvik ferry landing, three guards were lost and nine were hurt."
    question = "Near which landing did the clash that cost three guards take place?"
    assert _fails(statement(question, "the Orvik ferry landing"), quote, question, composed=True) == ""
    # a real taking against a loss is still an opposite
    assert "lost" in _fails("The guards took the Orvik ferry landing.", "The guards lost the Orvik ferry landing.")


def test_a_year_asked_for_is_no_subject() -> None:
    question = "What year was Tobias Orlen arrested and held in Vask?"
    assert statement(question, "1911") == "Tobias Orlen was arrested and held in Vask in 1911."
    assert statement("What year was the worst for the guild?", "1600") == "1600 was the worst for the guild."


def test_whose_account_it_is_closes_the_claim_and_the_relation_is_still_checked() -> None:
    question = "According to the harbour office, how many Ost boats have paid tolls to the Velm guild?"
    claim = statement(question, "40")
    assert claim == "40 Ost boats have paid tolls to the Velm guild, according to the harbour office."
    quote = "“We count 40 Velm boats that have paid tolls to the Ost guild,” an officer of the harbour office said."
    assert _fails(claim, quote, question, composed=True) != ""


def test_a_speaker_named_inside_another_speaker_s_words_does_not_speak() -> None:
    question = "What did Mayor Anna Kell say about the ferry when she announced the closing date?"
    quote = (
        "Jon Lund, a spokesman for the ferry crews, told the Velm Courier that the Kell council’s failure to "
        "keep the old closing date meant the strike would last."
    )
    assert "Jon Lund" in _fails(quote, quote, question)
    # the asked speaker who speaks, after an aside, is the speaker
    spoken = "Mayor Anna Kell, who opened the new landing, said the ferry would stop in May."
    assert _fails(spoken, spoken, question) == ""


def test_an_envoy_is_a_diplomat() -> None:
    quote = "Ilse Varn, Ostland's envoy to Velm, said the border talks had failed."
    assert _fails("Ilse Varn, an Ostland diplomat, said the border talks had failed.", quote) == ""
    assert "envoy" in _fails("Ilse Varn, an Ostland general, said the border talks had failed.", quote)


def test_words_in_quotation_marks_alone_take_their_speaker_from_the_sentence_before() -> None:
    article = (
        "Velm lost its ferry.\n\nThe ferry had served Velm for decades, said Jonas Brightman, a harbour historian.\n\n"
        "“The town bet everything on one boat,” Brightman said. “What Velm did not see was that the boat, once "
        "the bridge opened, would lose its trade and would never sail again.”"
    )
    quote = (
        "“What Velm did not see was that the boat, once the bridge opened, would lose its trade and would never "
        "sail again.”"
    )
    context = ["Velm lost its ferry.", "“The town bet everything on one boat,” Brightman said."]
    question = "How does Jonas Brightman explain the end of the Velm ferry?"
    claim = "Jonas Brightman explains that the boat, once the bridge opened, would lose its trade and never sail again."
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=context, article=article) == ""
    # a name given nowhere around is still missing
    other = "Karl Brightman explains that the boat, once the bridge opened, would lose its trade and never sail again."
    assert "karl" in rule_failure(
        other, [quote], question.replace("Jonas", "Karl"), MODEL_COVERAGE, context=context, article=article
    )


def test_a_name_that_only_qualifies_an_event_does_not_make_it_the_name_s_own() -> None:
    from assistant.verification.sequence import cause_after_effect

    quote = (
        "Over 300 members of Orlen's guild were fined in raids following strikes following Orlen's dismissal in May."
    )
    # the guild's fines after the strikes: the quote's order
    assert cause_after_effect('The answer to "Orlen guild fines after May strikes how many?" is 300.', quote) == ""
    # Orlen's own dismissal came first
    assert "came after" in cause_after_effect("Strikes led to Orlen's dismissal.", quote)
    assert "came after" in cause_after_effect("Orlen was dismissed after the strikes.", quote)


def test_what_the_quote_gives_one_named_owner_is_not_another_s() -> None:
    quote = "The second warden, Olaf Brenn (1702-1760), had been Marten's paid clerk since 1731."
    assert "Marten's" in _fails("Olaf Brenn was the second warden's paid clerk.", quote)
    assert _fails("Olaf Brenn was Marten's paid clerk.", quote) == ""
    # the owner set beside the claim's own is the same one
    beside = "Marten, the first warden, kept Olaf Brenn as Marten's paid clerk."
    assert _fails("Olaf Brenn was the first warden's paid clerk.", beside) == ""


def test_an_ing_form_after_the_subject_is_its_verb() -> None:
    question = "According to whom are the guilds only pretending that their decline cannot be stopped?"
    claim = statement(question, "Hanna Roth")
    assert claim.startswith("According to Hanna Roth, the guilds")
    assert "be stopped" in claim


def test_a_calling_the_quote_gives_a_person_is_a_title_too() -> None:
    quote = "The survey was led by the Velmish geologist Ada Korr, who mapped the upper valley."
    assert "geologist" in _fails("Ada Korr, a Velmish zoologist, led the survey.", quote)
    assert _fails("Ada Korr, a Velmish geologist, led the survey.", quote) == ""
    # a verb that ends like a calling is none: "assist"
    assert _fails("Ada Korr led the survey.", "Ada Korr, to assist the guild, led the survey.") == ""


def test_an_office_the_quote_gives_another_named_person_is_not_the_claim_s_man_s() -> None:
    quote = (
        "The ferry line was founded in 1870 by Karl Vesk, a miller, with his cousin Ilse Ramm, who served as its "
        "first chairman."
    )
    assert "Ramm" in _fails("Karl Vesk, the line's first chairman, founded it in 1870.", quote)
    assert _fails("Ilse Ramm, the line's first chairman, helped found it in 1870.", quote) == ""


def test_a_question_only_taken_up_is_no_answer() -> None:
    question = "Did the harbour office deny that the ferry was sold?"
    claim = "A harbour official addressed the question of whether the ferry was sold."
    assert _fails(claim, "A harbour official denied that the ferry was sold to Velm.", question) != ""


def test_a_plural_opening_the_claim_is_more_than_the_quote_s_some() -> None:
    quote = "But some Velm guilds are firmly opposed to the new toll, and many are unhappy with the council."
    assert "part of" in _fails("Velm guilds are firmly opposed to the new toll.", quote)
    # what some officials said is what officials said
    assert _fails("Officials said the toll would rise.", "Some officials said the toll would rise.") == ""


def test_a_pronoun_after_a_noun_on_the_still_reaches_back() -> None:
    from assistant.verification.reference import reaches_back

    # "its" after China's own name: the quote speaks of China, not of a name in the sentences around
    assert not reaches_back("Meanwhile, Velm, which also wants more trade, will build a quay if Ost cuts its tolls.")
    # "the guild" points back, and "its" with it
    assert reaches_back("Last May, the guild fined 40 masters in Orvik, the largest fine in its history.")
