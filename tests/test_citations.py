from assistant.models.prompts import Prompts
from assistant.schema import Article, Citation, Evidence
from assistant.verification import citations as cite
from assistant.verification.judge import Judge, rule_failure
from assistant.verification.review import Review
from tests.fakes import FixedScorer

TEXT = (
    "The TTP claimed a bombing in Quetta that killed three people and injured 23. "
    "Mumtaz Zahra Baloch, spokesman for the Pakistani Foreign Ministry, declined to comment. "
    "Taliban fighters have pledged allegiance to Al Qaeda, an estimated 6,000 to 10,000 of them."
)


def article() -> Article:
    spans, start = [], 0
    for sentence in TEXT.split(". "):
        sentence = sentence if sentence.endswith(".") else sentence + "."
        start = TEXT.index(sentence, start)
        spans.append((start, start + len(sentence)))
    return Article(doc_id="d1", file="a.txt", title="A", text=TEXT, spans=tuple(spans))


def evidence() -> dict[int, Evidence]:
    a = article()
    return {n: Evidence(number=n, article=a, index=n - 1) for n in (1, 2, 3)}


def review(raw: str, question: str = "") -> Review:
    """The answer pipeline's pass over the model's sentences, with the rules judge."""
    passing = Review(Judge(None, Prompts()), question, evidence())
    passing.advance(cite.parse_claims(raw))
    return passing


def verdict(raw: str, question: str = "") -> list[str]:
    r = review(raw, question)
    return [r.verdicts[c].reason for c in cite.parse_claims(raw)]


def test_markers_are_parsed_per_sentence():
    claims = cite.parse_claims("Three people died [1]. Baloch declined to comment.[2][3] Nothing here. [4, 1]")
    assert [c.markers for c in claims] == [(1,), (2, 3), (4, 1)]
    assert claims[0].text == "Three people died."


def test_supported_sentence_is_kept():
    assert verdict("The bombing in Quetta killed three people and injured 23 [1].") == [""]


def test_number_not_in_quote_is_dropped():
    for raw in ("The bombing in Quetta killed four people and injured 23 [1].", "Quetta: three killed, 25 hurt [1]."):
        assert verdict(raw)[0].startswith("number not in the quote")


def test_number_formats_are_normalised():
    assert verdict("An estimated 6000 to 10000 Taliban fighters pledged allegiance to Al Qaeda [3].") == [""]
    assert verdict("The bombing killed 3 people and injured 23 in Quetta [1].") == [""]


def test_name_not_in_quote_is_dropped():
    assert verdict("Ayaz Amir declined to comment for the Pakistani Foreign Ministry [2].")[0].startswith("name not")


def test_citing_the_wrong_sentence_is_recited_to_the_right_one():
    text, citations = review("Mumtaz Zahra Baloch declined to comment [1].").visible()
    assert text == "Mumtaz Zahra Baloch declined to comment [1]." and "Baloch" in citations[0].quote


def test_missing_or_invalid_markers_are_dropped_when_no_sentence_supports_them():
    assert verdict("Paris is the capital of France.") == ["no citation"]
    assert verdict("Paris is the capital of France [9].") == ["no valid citation"]


def test_render_renumbers_in_order_of_use_and_hides_dropped_sentences():
    raw = "Baloch declined to comment [2]. Paris is in France [1]. Three people died in Quetta [1]."
    text, citations = review(raw).visible()
    assert text == "Baloch declined to comment [1]. Three people died in Quetta [2]."
    assert [(c.marker, c.quote) for c in citations] == [(1, article().sentence(1)), (2, article().sentence(0))]
    for c in citations:
        assert cite.check_citation(c, TEXT)


def test_non_verbatim_citation_is_rejected():
    good = cite.to_citation(1, evidence()[1])
    assert cite.check_citation(good, TEXT)
    assert not cite.check_citation(good.model_copy(update={"quote": good.quote.replace("three", "3")}), TEXT)
    assert not cite.check_citation(good.model_copy(update={"start": good.start + 1}), TEXT)
    assert not cite.check_citation(Citation(marker=1, article="a", title="A", quote="x", start=5, end=99999), TEXT)


def test_refusal_wording_is_recognised():
    assert cite.is_refusal("The articles don't answer this.")
    assert cite.is_refusal("The evidence does not mention where he went.")
    assert not cite.is_refusal("Baloch declined to comment.")


def test_negation_must_be_in_the_quote():
    assert verdict("Mumtaz Zahra Baloch did not decline to comment [2].")[0] == "denies what the quote states"


def test_a_sentence_that_only_repeats_the_question_is_dropped():
    raw = "The spokesman for the Pakistani Foreign Ministry declined to comment [2]."
    question = "Which spokesman for the Pakistani Foreign Ministry declined to comment?"
    assert verdict(raw, question) == ["only repeats the question"]


def test_a_forgotten_marker_gets_the_sentence_that_supports_it():
    r = review("Mumtaz Zahra Baloch declined to comment.")
    text, citations = r.visible()
    assert text == "Mumtaz Zahra Baloch declined to comment [1]." and "Baloch" in citations[0].quote
    assert r.passed[0].repaired


def test_answer_kind_matches_the_question():
    assert cite.answers_question("How many people died?", "Three people died [1].")
    assert not cite.answers_question("How many people died?", "People died in the bombing [1].")
    assert cite.answers_question("Who declined to comment?", "Mumtaz Zahra Baloch declined [1].")
    assert not cite.answers_question("Which country did Ashraf Ghani flee to?", "Ashraf Ghani fled the country [1].")
    assert cite.answers_question("Why did it happen?", "Because of the war [1].")
    # a name that opens the sentence is a name too, when it is no English word
    assert cite.answers_question("Which country hosted the talks?", "Norland hosted the talks [1].")
    assert not cite.answers_question("Which group hosted the talks?", "Officials hosted the talks [1].")
    # a century or a decade is a time
    assert cite.answers_question("During which century was the canal dug?", "It was dug in the 19th century [1].")
    assert not cite.answers_question("During which century was the canal dug?", "It was dug by Vik Lund [1].")


def test_failed_citations_take_their_sentences_with_them():
    text = "Three people died in Quetta [1]. Baloch declined to comment [2][3]. Only this is bad [2]."
    assert cite.without_markers(text, {2}) == "Three people died in Quetta [1]. Baloch declined to comment [3]."


def test_a_leading_time_clause_does_not_decide_the_kind_of_answer():
    question = "When the mayor spoke on Monday, roughly what share of the homes had lost power?"
    assert cite.main_clause(question) == "roughly what share of the homes had lost power?"
    assert cite.answers_question(question, "Nearly half of the homes had lost power [1].")
    assert not cite.answers_question(question, "The mayor spoke about the storm [1].")
    # "When did ..." is itself the question.
    assert cite.main_clause("When did the mayor, who was re-elected, resign?").startswith("When did")


def test_a_name_the_question_gives_may_come_from_the_quotes_neighbours():
    # The quote says "them"; the sentence before it names who.
    question = "Which soldier said he had fought the rebels?"
    claim = "A soldier named Karim said he had fought the Rebels."
    quote = "We fought them, said a soldier named Karim."
    before = "The Rebels crossed the river at night."
    assert rule_failure(claim, [quote], question, 0.2).startswith("name not in the quote")
    assert rule_failure(claim, [quote], question, 0.2, context=[before]) == ""
    # A name the question does not give is still the quote's to hold.
    other = "A soldier named Karim said he had fought the Rebels of Ghor."
    assert rule_failure(other, [quote], question, 0.2, context=[before + " Ghor is far."]).startswith("name not")


def test_a_neighbours_name_counts_only_for_a_quote_that_refers_back():
    # A near miss: the question's canal stands in the next sentence; the quote is about the harbour.
    question = "How deep is the Verlo Canal?"
    claim = "The Verlo Canal is 12 m deep."
    quote = "Near the old docks, the Harbour of Asten reaches a depth of 12 m."
    around = ["Ports of the North Coast", "Barges leave the harbour through the Verlo Canal."]
    assert rule_failure(claim, [quote], question, 0.2, context=around).startswith("name not in the quote")
    # The same name as the article's subject (its title) is what the quote speaks of.
    titled = ["The Verlo Canal", "Barges leave the harbour through it."]
    assert rule_failure(claim, [quote], question, 0.2, context=titled) == ""
    # "The canal is ..." points back to the canal the sentence before names.
    pointing = "The canal is 12 m deep along its whole length."
    assert rule_failure(claim, [pointing], question, 0.2, context=around) == ""


def test_a_pronoun_stands_for_what_the_sentences_around_are_about_not_any_name_they_mention():
    question = "How long is the Verlo Canal?"
    claim = "The Verlo Canal is 40 km long."
    quote = "It is the longest waterway of the coast, at about 40 km."
    around = ["Ports of the North Coast", "The Asten River flows past the harbour into the Verlo Canal."]
    assert rule_failure(claim, [quote], question, 0.2, context=around).startswith("name not in the quote")
    canal = ["Ports of the North Coast", "The Verlo Canal was dug in 1850 beside the harbour."]
    assert rule_failure(claim, [quote], question, 0.2, context=canal) == ""


def test_words_in_the_first_person_are_the_speakers_whoever_the_sentences_around_attribute_them_to():
    question = "Since when has the Guild been active, according to Captain Ola Vik?"
    claim = "The Guild has been active since May, according to Captain Ola Vik."
    quote = "“The Guild has been active since May, we have seen its boats in the harbour.”"
    around = ["Ports of the North Coast", "“They sail at night,” said Ola Vik, a captain of the coast guard."]
    assert rule_failure(claim, [quote], question, 0.2, context=around) == ""
    # in the third person, the name must be what the sentences around are about
    third = "The Guild has been active since May, and its boats are in the harbour."
    assert rule_failure(claim, [third], question, 0.2, context=around).startswith("name not in the quote")


def test_a_person_named_by_one_part_of_a_full_name_given_nearby_is_the_same_person():
    question = "Which paper interviewed Ola Berg Vik?"
    claim = "The Herald interviewed Ola Berg Vik."
    quote = "Speaking to the Herald for the first time, Vik said their plans were set."
    around = ["Ports of the North Coast", "The harbour chief, Ola Berg Vik, runs the port."]
    assert rule_failure(claim, [quote], question, 0.2, context=around) == ""
    # only the surname nearby: the other parts are the quote's to hold
    only = ["Ports of the North Coast", "The harbour chief, Vik, runs the port."]
    assert rule_failure(claim, [quote], question, 0.2, context=only).startswith("name not in the quote")


def test_a_request_about_how_to_answer_is_not_the_question():
    question = "Forget the articles and just give me your own take: is the port closed to shipping?"
    assert cite.asked(question) == "is the port closed to shipping?"
    assert (
        cite.asked("According to the notice: who closed the port?") == "According to the notice: who closed the port?"
    )
    assert cite.asked("Who closed the port?") == "Who closed the port?"


def test_a_trailing_question_asking_what_the_articles_say_is_not_part_of_what_is_asked():
    assert cite.asked("Will the port reopen? What do the articles say?") == "Will the port reopen?"
    assert cite.asked("Is the port closed? And what does the report say about it?") == "Is the port closed?"
    # Alone, it is the question.
    assert cite.asked("What do the articles say?") == "What do the articles say?"


def test_a_trailing_time_clause_is_not_what_is_asked():
    assert cite.main_clause("Who was the city's mayor when the bridge fell in 2019?") == "Who was the city's mayor?"
    # Too little left to ask anything: the question stays whole.
    assert cite.main_clause("What happened when the bridge fell?") == "What happened when the bridge fell?"
    # which article to read is not what is asked about
    pointed = "Who leads the port authority, according to the article on Ola Dahl's radio interview?"
    assert cite.main_clause(pointed) == "Who leads the port authority?"


def test_a_written_answer_to_a_question_a_span_answers_must_answer_it_as_a_quote_must():
    # supports every claim, but unsure (0.5) whether a passage answers: below a quote's bar, above the writer's
    judge = Judge(FixedScorer("Baloch", supports=True, none=0.5), Prompts())
    raw = "Mumtaz Zahra Baloch declined to comment [2]."
    for question, strict, shown in (
        ("Who declined to comment?", True, False),  # a span answers: the quote must pass `answers`
        ("Why did Baloch decline to comment?", False, True),  # explained: the softer bar
    ):
        passing = Review(judge, question, evidence(), strict=strict)
        passing.advance(cite.parse_claims(raw))
        assert passing.shown_supported()  # the sentence itself holds
        assert bool(passing.visible()[0]) is shown, question


def test_a_judge_that_opens_on_none_while_an_answer_is_likely_reads_again_for_the_words_that_answer():
    sentence = evidence()[2].text
    words = next(w for w in ["Zahra Baloch", "Baloch"] if w in sentence)
    judge = Judge(FixedScorer("NONE", supports=True, none=0.3, held=words), Prompts())
    verdict = judge.answers("Who declined to comment?", sentence)  # one span answers: read again
    assert verdict.supported and verdict.words == words, verdict.reason
    verdict = judge.answers("Why did Baloch decline to comment?", sentence)  # quoted whole: not read again
    assert not verdict.supported and "copies no words" in verdict.reason


def test_a_why_question_s_sentence_is_read_freely_so_words_from_elsewhere_still_say_it_does_not_explain():
    sentence = evidence()[2].text
    copied = " ".join(sentence.split()[:3])
    judge = Judge(FixedScorer("a trade dispute with India", supports=True, none=0.1, copied=copied), Prompts())
    verdict = judge.answers("Why did Baloch decline to comment?", sentence)
    assert not verdict.supported and "not in the passage" in verdict.reason, verdict.reason
    # where a span answers, the reply is held to the passage's words
    verdict = judge.answers("Who declined to comment?", sentence)
    assert verdict.words == copied, verdict.reason


def test_a_free_reply_the_passage_holds_as_written_is_taken_and_cut_where_a_clause_ends():
    sentence = evidence()[2].text
    words = sentence.split()
    # the grammar (which costs seconds a reply) is read only when the free reply is not in the passage
    judge = Judge(FixedScorer(" ".join(words[:3]), supports=True, none=0.1, copied=words[0]), Prompts())
    assert judge.answers("Who declined to comment?", sentence).words == " ".join(words[:3])
    clause = Judge(FixedScorer("Lek, then joins the Noord", supports=True, none=0.1), Prompts())
    assert clause.answers("Where does it flow?", "The Waal becomes the Lek, then joins the Noord.").words == "Lek"
    listed = Judge(FixedScorer("Swabia, Franconia", supports=True, none=0.1), Prompts())
    assert listed.answers("Where does it flow?", "It flows through Swabia, Franconia and Bavaria.").words == (
        "Swabia, Franconia"
    )


def test_a_free_reply_that_strays_from_the_passage_is_cut_short_and_read_again_under_the_grammar():
    passage = 'Most of the water flows into the Rheinrinne ("Rhine Gutter") and the lake.'
    scorer = FixedScorer("Rhine River Gutter, a channel in the lake", supports=True, none=0.1, copied="Rhine Gutter")
    verdict = Judge(scorer, Prompts()).answers("What does the word Rheinrinne mean?", passage)
    assert verdict.words == "Rhine Gutter"
    assert scorer.written == 2  # "Rhine River" is no copy: the words after it were never paid for


def test_what_a_word_means_in_any_verb_for_it_is_the_gloss_the_passage_gives_it_in_brackets():
    passage = 'The water flows into the Orrinne ("Orm Gutter") and the Vikrhein ("Vik Lake").'
    for question in ("What does the word Orrinne translate to?", "What does Orrinne stand for?"):
        assert cite.is_lookup(question), question
        # a judge model that only gives the word back: the bracket after it says what it means
        verdict = Judge(FixedScorer("Orrinne", supports=True, none=0.1), Prompts()).answers(question, passage)
        assert verdict.supported and verdict.words == "Orm Gutter", (question, verdict)
    # the gloss of another word is no answer; a judge model's own reply, beyond the question, stands
    judge = Judge(FixedScorer("Orrinne", supports=True, none=0.1), Prompts())
    assert judge.answers("What does the word Seerhein translate to?", passage).words == "Orrinne"
    judge = Judge(FixedScorer("a gutter", supports=True, none=0.1), Prompts())
    assert judge.answers("What does the word Orrinne translate to?", passage).words == "a gutter"
    assert not cite.is_lookup("What does the dam translate into power?")  # a verb with its object, no meaning asked


def test_a_reply_that_only_calls_the_asked_place_the_country_repeats_the_question():
    passage = "Lena Vik wrote a book on fishing in the country before she moved to Oslo."
    judge = Judge(FixedScorer("book on fishing in the country", supports=True, none=0.1), Prompts())
    verdict = judge.answers("What is the title of Lena Vik's book on fishing in Norway?", passage)
    assert not verdict.supported and "repeats the question" in verdict.reason, verdict.reason


def test_a_judge_that_opens_on_none_while_an_answer_is_likely_does_not_bar_an_explanation():
    # P(NONE) is 0.3, yet greedy reading opens on "NONE" (the answers' probability spread over many first
    # words): no words for a span, but no misreading either, so a why-answer clears the writer's bar.
    judge = Judge(FixedScorer("NONE", supports=True, none=0.3), Prompts())
    verdict = judge.answers("Why did Baloch decline to comment?", evidence()[2].text)
    assert not verdict.supported
    assert "repeats the question" not in verdict.reason
    raw = "Mumtaz Zahra Baloch declined to comment [2]."
    for question, strict, shown in (
        ("Why did Baloch decline to comment?", False, True),
        ("Who declined?", True, False),
    ):
        review = Review(judge, question, evidence(), strict=strict)
        review.advance(cite.parse_claims(raw))
        assert bool(review.visible()[0]) is shown, question
