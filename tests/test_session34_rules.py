"""Rules of the thirty-fourth session, on invented names: parties named by "the" turn round like names, a
pronoun is no other name, "the school" leaves its name to the sentence that introduced it, one exchange
seen from both sides, an offer turned down, a role narrowed in the question, a chat fragment asking for a
detail, and a question that points at one article by its headline."""

from __future__ import annotations

from assistant import text as tx
from assistant.app import App
from assistant.verification.descriptions import described_otherwise
from assistant.verification.judge import ASSERTS_DENIED, MODEL_COVERAGE, rule_failure
from assistant.verification.opposites import opposite_mismatch
from assistant.verification.reference import kinds_left_to_context
from assistant.verification.relations import swapped_relation
from assistant.verification.roles import narrowed_role

TITLE = "Harlow Ferry Board"


def test_parties_named_by_the_turn_round_like_names() -> None:
    quote = "In 1871 the board accused the union of hiding the ferry tolls, and the dispute went to court."
    turned = "The union did accuse the board of hiding the ferry tolls in 1871."
    assert "board" in swapped_relation(turned, [quote], verbs_only=True)
    kept = "The board did accuse the union of hiding the ferry tolls in 1871."
    assert swapped_relation(kept, [quote], verbs_only=True) == ""
    # a word the lexicon lacks is read as a noun too
    assert swapped_relation("The mill hired the ropemaker.", ["The ropemaker hired the mill."], verbs_only=True)


def test_a_noun_phrase_before_a_verb_stays_a_noun_without_a_second_phrase() -> None:
    # "the reporting period" has no verb: nothing is turned round
    quote = "The board published the reporting period figures."
    assert swapped_relation("The figures published the board.", [quote], verbs_only=True) == ""


def test_a_pronoun_that_opens_the_quote_is_no_other_name() -> None:
    quote = "It was founded on 3 May 1850 at the Swan Inn in Harlow by nine ferrymen."
    assert described_otherwise("The Harlow Ferry Board was founded at the Swan Inn.", quote) == ""
    assert described_otherwise("Dover is the main port.", "Calais is the main port.")


def test_the_thing_called_by_the_takes_its_name_from_the_sentence_that_introduced_it() -> None:
    introduced = "In 1880 the board opened a pilots' school at Wrenby, which Hale directed."
    quote = "By 1900 the school had trained 96 pilots."
    wrenby = set(tx.names("X Wrenby")) - {"x"}
    assert kinds_left_to_context("The school at Wrenby had trained 96 pilots by 1900.", quote, [introduced]) == wrenby
    assert kinds_left_to_context("The Wrenby school had trained 96 pilots by 1900.", quote, [introduced])
    # another place than the one the school was opened at is not proven
    assert not kinds_left_to_context("The school at Oxley had trained 96 pilots by 1900.", quote, [introduced])
    question = "How many pilots had the school at Wrenby trained by 1900?"
    claim = "The school at Wrenby had trained 96 pilots by 1900."
    context = [TITLE, introduced, "Hale was followed by Ann Frey."]
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=context, composed=True) == ""
    assert "name not in the quote" in rule_failure(
        claim, [quote], question, MODEL_COVERAGE, context=[TITLE], composed=True
    )


def test_one_exchange_seen_from_its_other_side_is_no_opposite() -> None:
    quote = "In the slump the board borrowed 9,000 pounds from the Harlow County Bank to keep its boats."
    assert opposite_mismatch("Harlow County Bank lent the board money in the slump.", quote) == ""
    # the same party on the other side of the exchange is still the opposite
    assert "borrowed" in opposite_mismatch("The board lent money to the Harlow County Bank.", quote)
    # another party that shares a word with it ("company") is not the other side of the exchange
    sold = "The pier was built in 1890 by the Harlow Ferry Company and was sold to the Wrenby Trading Company in 1901."
    assert "sold" in opposite_mismatch("The Harlow Ferry Company bought the pier in 1890.", sold)


def test_what_was_offered_and_turned_down_did_not_happen() -> None:
    quote = "Hale was offered a peerage in 1902 for his work on the river, but he declined it and retired."
    context = [TITLE, "The board's first master was Edwin Hale."]
    question = "In what year was Edwin Hale given a peerage for his work on the river?"
    claim = "Edwin Hale was given a peerage in 1902 for his work on the river."
    assert rule_failure(claim, [quote], question, MODEL_COVERAGE, context=context, composed=True) == ASSERTS_DENIED
    offered = "Edwin Hale was offered a peerage in 1902 for his work on the river."
    question = "In what year was Edwin Hale offered a peerage for his work on the river?"
    assert rule_failure(offered, [quote], question, MODEL_COVERAGE, context=context, composed=True) == ""


def test_a_role_the_question_puts_beside_a_body_is_narrowed_by_a_noun_in_the_sentence() -> None:
    sentence = "The council named HFB deputy chief Tom Rook as its envoy, suggesting talks with the HFB."
    span = (sentence.index("Tom"), sentence.index("Tom") + len("Tom Rook"))
    assert "deputy chief" in narrowed_role("HFB chief name", "chief", sentence, span)
    assert "deputy chief" in narrowed_role("Who is the HFB chief the council named?", "chief", sentence, span)
    plain = "The council named HFB chief Tom Rook as its envoy."
    assert narrowed_role("HFB chief name", "chief", plain, (plain.index("Tom"), plain.index("Tom") + 8)) == ""
    # no body before the role in the question: nothing to narrow
    assert narrowed_role("Who is the chief?", "chief", sentence, span) == ""


def test_a_question_naming_an_article_by_most_of_its_headline_words_names_it(shared_store, embedder, fake_app) -> None:
    app = App(shared_store.model_copy(update={"judge": "rules"}), embedder=embedder)
    articles = app.index.articles().values()
    dilemma = next(a for a in articles if a.title.startswith("America's Taliban dilemma"))
    question = "When did the Taliban take power, according to the article on America's Taliban dilemma?"
    assert app.retriever.named_articles(question) == [dilemma.doc_id]
    # without "the article on", three of the headline's six words do not name it
    assert app.retriever.named_articles("When did the Taliban take power, as America's Taliban dilemma?") == []
    # the answer's evidence is that article's alone
    answer = fake_app("The articles don't say.").assistant.ask(question)
    assert answer.evidence and {c.article for c in answer.evidence} == {dilemma.file}


def test_a_passive_with_its_object_asked_puts_the_answer_after_the_participle() -> None:
    from assistant.verification.claims import statement

    question = "What honour was Ann Frey given for keeping the Wrenby light burning?"
    assert (
        statement(question, "the Silver Oar")
        == "Ann Frey was given the Silver Oar for keeping the Wrenby light burning."
    )
    assert (
        statement("What prize was the crew awarded in 1901?", "the Gold Oar")
        == "The crew was awarded the Gold Oar in 1901."
    )
    # the noun asked is the subject where no subject stands between "was" and the participle
    assert statement("Which boat was sunk by the storm?", "the Kestrel") == "The Kestrel was sunk by the storm."


def test_did_before_a_noun_phrase_with_no_verb_after_it_is_the_main_verb() -> None:
    from assistant.verification.claims import statement

    question = "Who did the first full inspection of the river?"
    assert statement(question, "Ann Frey") == "Ann Frey did the first full inspection of the river."
    # a verb after the noun phrase keeps "did" the auxiliary
    assert statement("Who did the board hire in 1890?", "Hale") == "The board did hire Hale in 1890."


def test_a_light_verb_with_a_noun_asks_about_the_event_the_noun_names() -> None:
    from assistant.verification.events import asked_event, unsaid_event

    question = "When did the Wrenby council take power in the valley?"
    assert asked_event(question) == "power"
    assert unsaid_event(question, ["The board's withdrawal from the valley in 1890 came with the council's promise."])
    assert unsaid_event(question, ["The council, which took power in May 1890, closed the ferry."]) == ""
    # "take place" and "take part" name no event of their own
    assert asked_event("When did the regatta take place?") == ""
    assert asked_event("When did the board stage a strike?") == "strike"


def test_a_thing_the_quote_lists_under_one_kind_is_not_called_the_other_kind() -> None:
    from assistant.verification.kinds import other_kind

    quote = (
        "Grazing birds such as geese and wigeon crop the marsh grass, while hunters including harriers and owls "
        "keep voles down."
    )
    assert "among birds, not hunters" in other_kind("Geese act as hunters on the marsh.", quote)
    assert other_kind("Geese are grazing birds that crop the marsh grass.", quote) == ""
    assert other_kind("Harriers act as hunters on the marsh.", quote) == ""
    # one kind listed only: nothing to tell apart
    assert other_kind("Geese act as hunters.", "Grazing birds such as geese crop the grass.") == ""


def test_a_title_the_quote_names_in_no_word_of_its_family_is_unsaid() -> None:
    from assistant.verification.roles import unsaid_title

    quote = (
        "It was run by the engineer Ann Frey, who is often called the first woman to lead a harbour works in Wessex."
    )
    assert "governor" in unsaid_title("Ann Frey is often called Wessex's first county governor.", quote)
    # "lead" is the leader's word: the family is named
    assert unsaid_title("Ann Frey was the first woman leader of a harbour works in Wessex.", quote) == ""
    # a word that is as often no office ("general") is not read as one
    assert unsaid_title("Ann Frey ran the general harbour works.", quote) == ""


def test_a_phrase_on_a_preposition_before_the_plain_verb_is_the_subjects() -> None:
    from assistant.verification.claims import statement

    question = "Where did the stone for the pier's footings come from?"
    assert statement(question, "Holm quarry") == "The stone for the pier's footings did come from Holm quarry."
    assert statement("What did the man in the boat see?", "a seal") == "The man in the boat did see a seal."


def test_a_comparison_singles_out_nothing_for_a_superlative() -> None:
    from assistant.verification.wording import comparison_mismatch

    quote = "Frey closed the pier in 1901, reporting that the tide ran faster than the old charts showed."
    assert comparison_mismatch("Frey was the least careful keeper at the pier.", quote)
    assert comparison_mismatch("Holm is the largest quarry.", "Holm is larger than any other quarry.") == ""


def test_who_is_before_a_predicate_is_no_lookup_of_a_name() -> None:
    from assistant.verification.citations import is_lookup

    assert not is_lookup("Who is often described as Wessex's first harbour engineer?")
    assert not is_lookup("Who is known as the father of the Wrenby ferry?")
    assert is_lookup("Who is Ann Frey?")
    assert is_lookup("who is ann frey")  # a chat line, before its names take their capitals


def test_a_verb_whose_object_comes_before_of_takes_the_answer_there() -> None:
    from assistant.verification.claims import statement

    question = "Whom did the Wrenby council accuse of breaking the ferry truce?"
    assert statement(question, "the board") == "The Wrenby council did accuse the board of breaking the ferry truce."


def test_a_passive_of_a_verb_with_one_object_leaves_none_to_ask() -> None:
    from assistant.verification.claims import statement

    # "targeted" takes one object: the question asks what the wagon was helping, not what it was targeted with
    question = "What kind of crew was the boat sunk in the storm helping?"
    assert not statement(question, "a rescue crew").startswith("The boat was sunk a rescue crew")
