"""Short answers: located verbatim, checked against what the question names, refused in plain words.
Hand-made sentences, none from the public sets."""

from assistant.casing import recase
from assistant.models.prompts import Prompts
from assistant.schema import Article, Evidence
from assistant.verification.asking import asks_several, is_fragment, wants_span
from assistant.verification.citations import is_lookup
from assistant.verification.events import other_occasion
from assistant.verification.judge import Judge
from assistant.verification.short import (
    lead,
    locate,
    refusal,
    short_answer,
    unmatched,
    verify,
)
from tests.fakes import FixedScorer

TEXT = "Harbour news\n\nThe old bridge was built in 1921 by Anna Berg. It was closed in 1990 for repairs."
ARTICLE = Article(doc_id="d", file="harbour.txt", title="Harbour news", text=TEXT, spans=((14, 59), (60, 96)))


def test_span_is_found_verbatim_whatever_its_case_and_punctuation():
    sentence = ARTICLE.sentence(0)
    start, end = locate("anna berg.", sentence)
    assert sentence[start:end] == "Anna Berg"
    assert locate("the 1921", sentence) is not None  # a leading article the sentence lacks
    assert locate("Oslo", sentence) is None
    assert locate(sentence, sentence) is None  # the whole sentence again is not a short answer


def test_short_answer_offsets_point_into_the_article():
    ev = Evidence(number=1, article=ARTICLE, index=0)
    span = locate("1921", ev.text)
    answer = short_answer(ev, span, marker=1)
    assert TEXT[answer.start : answer.end] == answer.text == "1921"
    assert lead(answer, "“quote” [1]").startswith("1921 [1]\n\n")


def test_what_the_question_names_must_be_near_the_sentence():
    sentence = ARTICLE.sentence(0)
    assert unmatched("Who built the old bridge in 1921?", sentence, []) == []
    assert unmatched("Who built the old bridge in 1935?", sentence, []) == ["1935"]
    assert unmatched("Who built the Vik bridge?", sentence, []) == ["vik"]


def test_what_only_sets_the_scene_may_be_named_anywhere_in_the_article():
    article = "Dock strike\n\nOn Radio Vik, Mara Lund spoke at length. Half of the cranes stood idle by May."
    sentence = "Half of the cranes stood idle by May."
    question = "When Mara Lund spoke on Radio Vik, what share of the cranes stood idle?"
    assert unmatched(question, sentence, [], article=article) == []
    # not in the article at all, or in what is asked: still missing
    assert unmatched("When Ola Dahl spoke, what share of the cranes stood idle?", sentence, [], article=article)
    assert unmatched("What share of the Vik cranes stood idle?", sentence, [], article=article) == ["vik"]


def test_a_surname_in_the_sentence_stands_for_the_full_name_the_article_gives():
    article = "Arrests\n\nLena Berg was arrested in May. Forty people linked to Berg's party were held."
    sentence = "Forty people linked to Berg's party were held."
    question = "How many people linked to Lena Berg's party were held?"
    assert unmatched(question, sentence, [], article=article) == []
    assert unmatched(question, sentence, [], article=sentence) == ["lena"]
    assert unmatched("How many people linked to Ola Berg's party were held?", sentence, [], article=article) == ["ola"]
    # the owner's name ends at its possessive: "Lena Berg's Free Party" is Lena Berg's party, named in full
    held = "Forty people linked to Berg's Free Party were held."
    asked = "How many people linked to Lena Berg's Free Party were held?"
    assert unmatched(asked, held, [], article=article.replace(sentence, held)) == []


def test_a_number_may_be_written_in_words_or_digits():
    sentence = "The blast left three dead and 23 injured."
    start, end = locate("3", sentence)
    assert sentence[start:end] == "three"
    assert locate("23 injured", sentence) is not None


def test_a_sentence_about_another_thing_is_not_an_answer_even_for_the_rules():
    judge = Judge(None, Prompts())
    ev = Evidence(number=1, article=ARTICLE, index=0)
    span, why = verify(judge, "Who built the old bridge in 1935?", ev, "Anna Berg")
    assert span is None and "1935" in why
    span, why = verify(judge, "Who built the old bridge?", ev, "Anna Berg")
    assert why == "" and ev.text[span[0] : span[1]] == "Anna Berg"
    # words the sentence does not hold: the rules alone (no model copied them) leave the sentence standing
    span, why = verify(judge, "Who built the old bridge?", ev, "")
    assert span is None and why == ""


def test_refusals_say_what_the_articles_do_not_say():
    assert refusal("What flooded the old bridge?") == "The articles don't say what flooded the old bridge."
    assert refusal("When did the bridge close?") == "The articles don't answer this."
    assert refusal("What kind of stone did the builders use?") == "The articles don't answer this."


def test_why_and_how_questions_get_no_span():
    assert not wants_span("Why was the bridge closed?")
    assert not wants_span("How did the repairs go?")
    assert wants_span("How many bridges were built?")
    assert wants_span("How quickly is the river rising?")  # a rate, in the text's own words
    # a phrase framing the question before its question word does not hide what is asked
    assert not wants_span("Beyond the repairs, how is the council keeping the bridge open?")
    assert not wants_span("In the mayor's view, why was the bridge closed?")
    assert wants_span("In 2010, who was the mayor?")
    assert not wants_span("In what terms does the mayor describe the closure?")
    assert wants_span("In what year was the bridge closed?")


def test_a_chat_fragment_naming_a_saying_or_a_stance_asks_what_was_said():
    # as "what did the mayor say about the bridge" does: the words said are a clause, not a span
    assert not wants_span("mayor reaction bridge closing")
    assert not wants_span("Berg joke about the council")
    assert not wants_span("engineers view of the repairs")
    # recased with the articles' capitals, it is still the fragment it was typed as
    assert not wants_span("Anna Berg warning on the repairs")
    # one that also asks for a point, a place, a count or a name wants a span
    assert wants_span("mayor statement date")
    assert wants_span("berg interview filmed where")
    assert wants_span("mayor statement how many bridges")
    # a written question keeps its question word's reading; a fragment without a saying is a span
    assert wants_span("What was the mayor's role?")
    assert wants_span("mayor role")


def test_a_why_question_in_other_words_gets_no_span():
    # what moved someone to act, or the reason given: a clause explains it
    assert not wants_span("What led the council to close the bridge?")
    assert not wants_span("What made the engineers stop the repairs?")
    assert not wants_span("What reason did the mayor give for the delay?")
    assert not wants_span("What is the reason for the closure?")
    # the other nouns for a reason
    assert not wants_span("What is the rationale behind the mayor calling the closure a relief?")
    assert not wants_span("What justification did the council offer for the tolls?")
    assert not wants_span("On what grounds was the bridge closed?")
    assert wants_span("On what ground did the teams play?")  # a place
    # a line of thought behind a deed is its reason; the group behind one is named
    assert not wants_span("What is the thinking behind the council's short talks with the rebels?")
    assert not wants_span("What was the logic behind closing the bridge in May?")
    assert wants_span("What was the group behind the attack on the bridge?")
    # a thing that caused, made up or led to something is named by a span
    assert wants_span("What caused the flood?")
    assert wants_span("What led to the closure?")
    assert wants_span("What made up the old bridge?")
    assert wants_span("What drove the traders to the harbour?")  # "to the harbour": a place, not an act


def test_in_what_way_asks_how_and_because_of_what_asks_why():
    assert not wants_span("In what way did the mayor think the closure could help the harbour?")
    assert not wants_span("In what sense is the closure seen as serving the harbour's main aim?")
    assert not wants_span("In what respect did the tolls hurt the town?")
    assert not wants_span("Because of what will the bridge stay closed?")
    assert not wants_span("According to the harbour master, due to what did the crane fail?")
    # a condition or a degree is told in a clause too
    assert not wants_span("Under what conditions would the council reopen the bridge?")
    assert not wants_span("In what circumstances could the tolls become a burden for the town?")
    assert not wants_span("To what extent did the closure hurt trade?")
    # "in what" before another noun asks for that thing
    assert wants_span("In what year did the bridge close?")
    assert wants_span("In what condition was the bridge left?")
    assert wants_span("What way did the traders take?")


def test_a_cause_asked_with_another_verb_or_after_whose_account_it_is_gets_no_span():
    assert not wants_span("What explains the drop in trade at the harbour?")
    assert not wants_span("What accounts for the council's change of mind?")
    assert not wants_span("What was behind the decision to close the bridge?")
    assert not wants_span("What motivates the dockers who joined the strike?")
    assert not wants_span("What was the motive behind the closure?")
    assert not wants_span("According to the harbour master, why was the bridge closed?")
    assert not wants_span("According to the mayor, what made the engineers stop the repairs?")
    assert wants_span("According to the mayor, who closed the bridge?")


def test_a_chat_fragment_that_asks_why_gets_no_span():
    assert not wants_span("harbour master why no name")
    assert not wants_span("bridge closed how come")
    assert wants_span("Who explained why the bridge was closed?")  # a question word first: it asks who
    assert wants_span("harbour master name")


def test_what_was_said_or_thought_is_a_clause_not_a_span():
    assert not wants_span("what did anna berg say about the repairs")
    assert not wants_span("What are the engineers worried about regarding the old bridge?")
    assert wants_span("What did the report say the cost was?")  # the cost is a span
    assert wants_span("What did Anna Berg build?")
    # denying, admitting, announcing are ways of saying: what was denied is a clause
    assert not wants_span("What did the harbour board deny about the repairs?")
    assert not wants_span("What has the mayor admitted?")


def test_who_are_the_people_asks_what_they_are_who_is_the_post_asks_for_a_name():
    assert is_lookup("who are the sami") and is_lookup("Who are the Walloons?")
    assert not is_lookup("who is the mayor") and not is_lookup("Who is the leader of the guild?")
    assert is_lookup("What is the Treaty of Vik?") and not is_lookup("What is the height of the Vik tower?")
    assert not is_lookup("What is the fish that the lake is named after?")
    # a verb's gap or another name asks for a detail too
    assert not is_lookup("What were the fields flooded by?") and not is_lookup("What is another name for the Orm?")
    assert not is_lookup("What is the tower known for?") and is_lookup("What was the Vik Accord?")
    # a passive's subject question asks for a detail: "what is located after X"
    assert not is_lookup("What is located after the Vik bridge?") and not is_lookup("What was found near the dam?")


def test_who_is_answered_by_the_description_beside_the_name_not_the_name():
    from assistant.verification.short import described

    sentence = "“They train the militants,” said Lena Okafor, chief engineer of the northern dam authority, on Monday."
    name = sentence.index("Lena Okafor")
    span = described("Who is Lena Okafor?", sentence, (name, name + len("Lena Okafor")))
    assert sentence[span[0] : span[1]] == "chief engineer of the northern dam authority"
    # A span that already says more than the name, or another kind of question, is left as it is.
    assert described("Who is Lena Okafor?", sentence, (name, name + 30)) == (name, name + 30)
    assert described("Who said they train the militants?", sentence, (name, name + 11)) == (name, name + 11)


def test_the_claim_checked_is_what_is_asked_not_the_scene_it_is_asked_in():
    text = "Dock strike\n\nOn Radio Vik, Mara Lund spoke at length. Half of the cranes stood idle by May."
    article = Article(doc_id="k", file="dock.txt", title="Dock strike", text=text, spans=((13, 53), (54, 91)))
    ev = Evidence(number=1, article=article, index=1)
    assert ev.text == "Half of the cranes stood idle by May."
    question = "When Mara Lund spoke on Radio Vik, what share of the cranes stood idle?"
    span, why = verify(Judge(None, Prompts()), question, ev, "Half")
    assert why == "" and span is not None and ev.text[span[0] : span[1]] == "Half"


def test_a_question_asking_for_several_things_is_told_from_one_asking_for_one():
    assert asks_several("In which month and year did the bridge open?")
    assert asks_several("Who closed the bridge, and why?")
    assert asks_several("which engineers opposed the plan")  # "which" and a plural noun
    assert not asks_several("Which engineer opposed the plan?")
    assert not asks_several("Which province borders Norland?")  # an -s word before its object is the verb
    assert asks_several("Which provinces border Norland?")
    assert not asks_several("What flows under the bridge?")  # after "what", the verb
    assert not asks_several("Which of the bridges opened first?")


def test_the_words_that_answer_are_the_kind_asked_for():
    text = "Dam news\n\nThe Vik dam was built near Borne in the second half of the 19th century."
    article = Article(doc_id="v", file="dam.txt", title="Dam news", text=text, spans=((10, len(text)),))
    ev = Evidence(number=1, article=article, index=0)
    judge = Judge(None, Prompts())
    span, failure = verify(judge, "What area was the Vik dam built in?", ev, "second half of the 19th century")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "When was the Vik dam built?", ev, "second half of the 19th century")
    assert failure == "" and ev.text[span[0] : span[1]] == "second half of the 19th century"
    # the words themselves must be of the kind: a place answers no "when", a century counts no dams
    span, failure = verify(judge, "When was the Vik dam built?", ev, "near Borne")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "How many dams were built?", ev, "19th century")
    assert span is None and "not the kind" in failure
    # an adverb says how something happened, not what happened
    changed = Evidence(number=1, article=_one_sentence("The Vik valley was changed greatly by the dam."), index=0)
    span, failure = verify(judge, "What happened to the Vik valley with the dam?", changed, "greatly")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "How was the Vik valley changed by the dam?", changed, "greatly")
    assert failure == "" and changed.text[span[0] : span[1]] == "greatly"
    # a date answers a question asked by its noun "date" or "time"
    opened = Evidence(number=1, article=_one_sentence("The Vik dam was opened on July 7 by the mayor."), index=0)
    for question in ("On what date was the Vik dam opened?", "At what time of year was the Vik dam opened?"):
        span, failure = verify(judge, question, opened, "July 7")
        assert failure == "" and opened.text[span[0] : span[1]] == "July 7"
    # a question ending on its preposition is answered by a thing, not by a verb
    known = Evidence(number=1, article=_one_sentence("The Vik gorge was created by erosion."), index=0)
    span, failure = verify(judge, "What is the Vik gorge known for?", known, "created by erosion")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "What was the Vik gorge created by?", known, "erosion")
    assert failure == "" and known.text[span[0] : span[1]] == "erosion"


def test_a_time_that_only_points_back_or_a_date_for_a_measure_is_not_the_kind_asked_for():
    text = "Dam news\n\nSince that time the Vik valley, 12 km wide, has flooded 300 years ago and since."
    article = Article(doc_id="v", file="dam.txt", title="Dam news", text=text, spans=((10, len(text)),))
    ev = Evidence(number=1, article=article, index=0)
    judge = Judge(None, Prompts())
    span, failure = verify(judge, "When was the Vik valley flooded?", ev, "Since that time")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "How wide is the Vik valley?", ev, "300 years ago")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "How wide is the Vik valley?", ev, "Vik valley")
    assert span is None and "not the kind" in failure
    span, failure = verify(judge, "How wide is the Vik valley?", ev, "12 km")
    assert failure == "" and ev.text[span[0] : span[1]] == "12 km"


def test_a_span_does_not_end_inside_a_bracket_it_opened():
    sentence = "The frost lasted from 1,200 (BP = before present) until the thaw."
    start, end = locate("1,200 (BP = before", sentence)
    assert sentence[start:end] == "1,200"
    start, end = locate("1,200 (BP = before present)", sentence)
    assert sentence[start:end] == "1,200 (BP = before present)"


def _one_sentence(sentence: str) -> Article:
    text = f"Dam news\n\n{sentence}"
    return Article(doc_id="v", file="dam.txt", title="Dam news", text=text, spans=((10, len(text)),))


def test_a_fragment_typed_in_lower_case_takes_the_articles_capitals_for_its_names():
    articles = [
        "Dock strike\n\nCranes at Vikholm stood idle. The strike at Vikholm ended when Mara Lund, a crane driver, "
        "returned. Cranes elsewhere kept working. Strike pay came from the union.",
        "Ferries\n\nThe ferry to Sandvik left late. Sandvik harbour was closed in May, as the union may strike.",
    ]
    question = "cranes idle at sandvik strike"
    recased = recase(question, articles)
    # a name is written as the articles write it inside their sentences; a word they capitalise only where a
    # sentence opens ("Cranes", "Strike") stays as typed, and so does one they write in lower case as often
    # as capitalised ("may")
    assert recased == "cranes idle at Sandvik strike"
    assert recase("mara lund strike in may", articles) == "Mara Lund strike in may"
    # a question typed with capitals keeps its own case, quotations included
    assert recase("Were cranes idle at sandvik during the Strike?", articles) == (
        "Were cranes idle at sandvik during the Strike?"
    )
    assert recase("Were cranes idle at sandvik?", articles) == "Were cranes idle at Sandvik?"
    # an English word capitalised only inside a longer name is that name only beside the rest of it
    union = ["Pay\n\nThe Dockers Union paid strike pay. The Dockers Union met, and the union voted."]
    assert recase("union strike pay", union) == "union strike pay"
    assert recase("dockers union strike pay", union) == "Dockers Union strike pay"
    # the sentence about cranes names another harbour: as typed, nothing named was missing from it
    sentence = "Cranes at Vikholm stood idle."
    assert unmatched(question, sentence, []) == []
    assert unmatched(recased, sentence, []) == ["sandvik"]


def test_a_name_the_articles_write_only_where_a_sentence_opens_takes_its_capital_when_english_has_no_such_word():
    articles = ["Harbour\n\nOskarine Vell, the pilot, moored the ship. Strike pay ran out. Vell later left."]
    # "Oskarine" stands only at a sentence's opening, and no English word is spelt so: the name it is
    assert recase("oskarine vell pilot ship", articles) == "Oskarine Vell pilot ship"
    # "Strike" is an English word: a sentence's opening capital says nothing about it
    assert recase("strike pay oskarine", articles) == "strike pay Oskarine"


def test_a_chat_fragment_s_answer_stands_on_the_rules_when_the_model_turns_down_its_unreadable_claim():
    ev = Evidence(number=1, article=ARTICLE, index=0)
    doubting = Judge(FixedScorer("", False, 0.1), Prompts())  # the model turns every claim down
    # a fragment's claim can only quote it ('The answer to "…" is X'): the rules decide
    span, why = verify(doubting, "old bridge builder who", ev, "Anna Berg", fragment=True)
    assert why == "" and ev.text[span[0] : span[1]] == "Anna Berg"
    # a question makes a statement the model can read, and its verdict stands
    span, why = verify(doubting, "Who built the old bridge?", ev, "Anna Berg")
    assert span is None and "the judge model finds it unsupported" in why
    span, why = verify(doubting, "Who built the old bridge?", ev, "Anna Berg", fragment=False)
    assert span is None and "the judge model finds it unsupported" in why
    # the rules still turn a fragment's answer down: a year the sentence does not give
    span, why = verify(doubting, "old bridge builder 1935 who", ev, "Anna Berg", fragment=True)
    assert span is None and "1935" in why


def test_a_fragment_opens_on_no_question_word_once_its_clauses_are_set_aside():
    assert is_fragment("baradar captured when") and is_fragment("al qaeda fighters where from?")
    assert is_fragment("china terms for rebuilding afghanistan")
    assert not is_fragment("if the bridge fell, where did the traffic go?")
    assert not is_fragment("according to the mayor, who built the bridge?")
    assert not is_fragment("in what year was the bridge built?")
    assert not is_fragment("does the town own the bridge") and not is_fragment("why did the bridge fall")
    # a written question with its question word inside reads as a statement
    assert not is_fragment("The Vik dam was built by whom?") and not is_fragment("Why did the bridge fall?")


def test_a_noun_the_sentence_dates_otherwise_is_another_occasion():
    sentence = "In her speech on the new June 30 closing date, the mayor said the bridge was safe."
    question = "What did the mayor say about the bridge when she set the May 1 closing deadline?"
    article = f"The May 1 deadline passed. {sentence}"  # the scene's date is in the article, not its occasion
    assert unmatched(question, sentence, [], article=article) == ["may 1 closing"]
    # the same date, however written, or a noun the sentence does not date, is no other occasion
    assert other_occasion("What happened at the June 30th closing?", sentence) == []
    assert other_occasion("Who won the 2014 election?", "In 2014 she won the election.") == []
    assert other_occasion("Who won the 2014 election?", "She won the 2018 election.") == ["2014 election"]


def test_words_inside_a_relative_clause_answer_only_for_the_noun_it_hangs_on():
    ev, judge = _valley("The Ostra flows past Kellby into the Marren Basin, which is about 90 km long and 12 km wide.")
    span, why = verify(judge, "How long is the Ostra?", ev, "90 km")
    assert span is None and "Basin" in why
    span, why = verify(judge, "How long is the Marren Basin?", ev, "90 km")
    assert why == "" and ev.text[span[0] : span[1]] == "90 km"
    # outside the clause the words are the sentence's own
    span, why = verify(judge, "What town does the Ostra flow past?", ev, "Kellby")
    assert why == "" and ev.text[span[0] : span[1]] == "Kellby"


def test_a_question_that_calls_its_subject_it_may_mean_the_clause_s_noun():
    ev, judge = _valley("At Kellby the Ostra splits into two arms, which are called the Ost and the Ra.")
    span, why = verify(judge, "Where the Ostra splits at Kellby, what are they called?", ev, "the Ost and the Ra")
    assert why == "" and span is not None


def test_a_time_ago_does_not_say_how_long_something_took():
    ev, judge = _valley("The glacier began to melt 9,000 years ago, and the lake filled within 300 years.")
    span, why = verify(judge, "How many years did it take for the glacier to melt?", ev, "9,000 years")
    assert span is None and "ago" in why
    span, why = verify(judge, "How many years did the lake take to fill?", ev, "300 years")
    assert why == "" and ev.text[span[0] : span[1]] == "300 years"
    span, why = verify(judge, "How many years ago did the glacier begin to melt?", ev, "9,000 years")
    assert why == ""


def test_what_someone_failed_to_foresee_is_a_clause_not_a_span():
    assert not wants_span("What, according to Anna Berg, did the council fail to foresee about the flood?")
    assert not wants_span("What did the council fail to realize?")
    assert wants_span("What, according to Anna Berg, did the council approve?")


def test_the_doer_a_relative_clause_names_answers_who_did_it():
    ev, judge = _valley("The saga tells of Anna's silver hoard, which was thrown into the Ostra by Olav.")
    span, why = verify(judge, "Who threw the silver into the Ostra, according to the saga?", ev, "Olav")
    assert why == "" and ev.text[span[0] : span[1]] == "Olav"


def test_a_claim_made_from_a_verbless_question_is_not_turned_down_for_its_shape():
    ev, judge = _valley("The main parts of this basin are the Ober Graben and the Unter Bay.")
    span, why = verify(judge, "What main parts of this basin in the valley?", ev, "Ober Graben")
    assert why == "" and ev.text[span[0] : span[1]] == "Ober Graben"


def _valley(sentence: str) -> tuple[Evidence, Judge]:
    """One sentence of an invented article, and a judge whose model would pass any claim: what turns a
    claim down in these tests is a rule."""
    text = f"Valley news\n\n{sentence}"
    article = Article(doc_id="v", file="valley.txt", title="Valley news", text=text, spans=((13, len(text)),))
    return Evidence(number=1, article=article, index=0), Judge(FixedScorer("", True, 0.0), Prompts())


def test_who_reported_it_is_no_answer_to_what_was_reported():
    ev, judge = _valley(
        "Kellby farmers reported that the band kept deep roots in the valley and that its members were often "
        "seen beside the Marren guild."
    )
    span, why = verify(judge, "Which groups have the band's members reportedly joined?", ev, "Kellby farmers")
    assert span is None and "reported" in why
    # a question that asks who reported it is answered by the speaker
    span, why = verify(judge, "Who reported that the band kept deep roots in the valley?", ev, "Kellby farmers")
    assert why == "" and ev.text[span[0] : span[1]] == "Kellby farmers"


def test_the_short_answer_keeps_the_word_that_says_it_only_might_be_so():
    ev, judge = _valley("The council named Per Holm an outlaw, suggesting possible raids on his farm at Kellby.")
    span, why = verify(judge, "What does the naming of Per Holm suggest?", ev, "raids on his farm at Kellby")
    assert why == "" and ev.text[span[0] : span[1]] == "possible raids on his farm at Kellby"


def test_the_judge_model_reads_a_fragment_asking_what_was_said_as_a_question_of_what_was_said():
    from assistant.verification.asking import asked_for_model

    # its prompt expects a question; "x reaction to y" typed as keywords reads to it as no question at all
    assert asked_for_model("Anna Berg reaction to the closure") == "What was said: Anna Berg reaction to the closure?"
    # a written question, or a fragment that asks for a span, is read as it stands
    assert asked_for_model("What did Anna Berg say?") == "What did Anna Berg say?"
    assert asked_for_model("berg statement date") == "berg statement date"
    assert asked_for_model("bridge reopening") == "bridge reopening"

    class Recording(FixedScorer):
        def reply_probability(self, messages, starts) -> float:
            self.seen = messages[-1]["content"]
            return super().reply_probability(messages, starts)

    scorer = Recording(reply="NONE", supports=False, none=0.9)
    Judge(scorer, Prompts()).answers("Anna Berg reaction to the closure", "Anna Berg called it a shame.")
    assert "What was said: Anna Berg reaction to the closure?" in scorer.seen


def test_a_name_then_who_asks_who_that_is():
    # typed "madiha afzal who" and recased: the description beside the name is the answer, as for "who is X"
    assert is_lookup("Anna Berg who")
    assert not is_lookup("Anna Berg said who")  # a verb: whom she named is asked


def test_a_fragment_that_names_a_detail_asks_for_it_not_what_its_subject_is():
    # "vik accord?" asks what the accord is; "vik accord date" asks when it was signed
    assert is_lookup("vik accord?")
    assert not is_lookup("vik accord date")
    assert not is_lookup("harbour master name 1990")
