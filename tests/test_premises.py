"""A question resting on what the articles deny is answered with the denial, quoted."""

import pytest

from assistant.verification import citations as cite
from assistant.verification.premises import LEAD, UNCONFIRMED_LEAD, actor, assumption, denial, premises


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("Why did the council close the bridge in May?", "the council close the bridge in May"),
        ("how come the mayor resigned?", "the mayor resigned"),
        ("Is the river the longest in the country?", "the river the longest in the country"),
        ("Since the strike ended, how many buses run?", "the strike ended"),
        ("Will the dam flood the valley? What do the articles say?", "the dam flood the valley"),
    ],
)
def test_the_statement_a_question_takes_for_granted(question, statement):
    assert premises(question) == [statement]


@pytest.mark.parametrize(
    "question",
    ["Since when has the group been active?", "How many people died?", "Who leads the group?", "What happened?"],
)
def test_questions_that_take_nothing_for_granted(question):
    assert premises(question) == []


def test_a_sentence_about_the_statement_that_denies_it():
    sentence = "The city does not officially recognize the new council as the district's authority."
    assert denial("the city formally recognized the new council as the district's authority", sentence) == {"recogn"}
    # Sharing a word or two is not being about the same thing.
    assert denial("the city recognized the bridge toll as fair and lawful and final", sentence) == set()
    # A statement that itself denies is not contradicted by another denial.
    assert denial("the city did not recognize the new council", sentence) == set()
    assert denial("the port is a NATO base", "The port is a non-NATO base.") == {"nato"}


def test_a_false_premise_gets_the_denial_not_the_premise_restated(fake_app):
    question = "Since the United States formally recognized the Taliban government, what embassy has it opened?"
    app = fake_app("The United States opened an embassy in Kabul after recognizing the Taliban government [1].")
    answer = app.assistant.ask(question)
    assert not answer.refused and answer.mode == "extractive"
    assert answer.answer.startswith(LEAD)
    assert "does not officially recognize" in answer.citations[0].quote
    texts = {a.file: a.text for a in app.index.articles().values()}
    assert all(cite.check_citation(c, texts[c.article]) for c in answer.citations)
    assert "embassy in Kabul" not in answer.answer


def test_a_true_premise_is_answered_as_usual(fake_app):
    question = "Why does Pakistan keep open channels of communication with the Taliban?"
    probe = fake_app("").assistant.ask(question)
    n = next(e.marker for e in probe.evidence if "dual track" in e.quote)
    answer = fake_app(f"Pakistan pursues a dual track policy toward the Taliban [{n}].").assistant.ask(question)
    assert not answer.answer.startswith(LEAD)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Why did the council close the bridge in May?", "Did the council close the bridge in May?"),
        ("why is the river so low", "Is the river so low?"),
        ("How come the mayor resigned?", "Is it true that the mayor resigned?"),
        ("Since the strike ended, how many buses run?", "Is it true that the strike ended?"),
        ("Who closed the bridge?", ""),
        ("How did the council close the bridge?", ""),  # how it was done: the closing is not in doubt
    ],
)
def test_what_a_why_or_since_question_assumes_is_asked_as_a_yes_no_question(question, asked):
    assert assumption(question) == asked


def test_a_why_question_about_what_never_happened_gets_the_closest_evidence_not_an_explanation(real_app):
    # Article 001 quotes General Sadat fighting the Taliban; nothing says he surrendered his corps.
    answer = real_app.assistant.ask("Why did Sami Sadat surrender the 215 Maiwand Corps to the Taliban?")
    assert answer.answer.startswith(UNCONFIRMED_LEAD), answer.answer
    assert answer.mode == "extractive" and answer.raw_output == ""  # the model never wrote
    texts = {a.file: a.text for a in real_app.index.articles().values()}
    assert answer.citations and all(cite.check_citation(c, texts[c.article]) for c in answer.citations)
    assert "Sadat" in " ".join(c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("statement", "subject"),
    [
        ("China shut its consulates across the country", "China"),
        ("the UN Security Council committee conclude that", "UN Security Council"),
        ("Esmail Qaani lead the Fatemiyoun Division", "Esmail Qaani"),
        ("the mayor resigned", ""),
    ],
)
def test_the_names_a_statement_opens_with_are_its_actor(statement, subject):
    assert actor(statement) == subject


def test_a_why_question_about_another_actor_s_deed_is_refused_with_the_closest_sentence(real_app):
    # Article 003: India, not China, closed its consulates; the sentences around it do not name China.
    answer = real_app.assistant.ask("Why did China shut its consulates across Afghanistan as the Taliban advanced?")
    assert answer.refused, answer.answer
    # The same deed asked of its actor is hedged with the closest sentences, not refused.
    answer = real_app.assistant.ask("Why did India hastily close its consulates across Afghanistan?")
    assert not answer.refused and "consulates" in " ".join(c.quote for c in answer.citations), answer.answer


def test_a_why_question_whose_assumption_the_articles_state_is_answered(real_app):
    answer = real_app.assistant.ask("Why are some Taliban factions opposed to helping Pakistan fight the TTP?")
    assert not answer.refused and not answer.answer.startswith(UNCONFIRMED_LEAD)


def test_another_name_for_the_question_s_own_subject_is_not_an_answer(real_app):
    # The articles define "the Pakistani Taliban or TTP": replying "TTP" to who leads it repeats the question.
    sentence = next(
        a.sentence(i)
        for a in real_app.index.articles().values()
        for i in range(len(a.spans))
        if "especially the Pakistani Taliban or TTP" in a.sentence(i)
    )
    verdict = real_app.judge.answers("Who leads the Pakistani Taliban?", sentence)
    assert not verdict.supported, verdict.reason


def test_what_a_statement_only_mentions_under_to_or_a_modal_is_not_denied_by_its_not_happening():
    sentence = "The city does not officially recognize the new council as the district's authority."
    assert denial("it be hard for the city to recognize the new council as the authority", sentence) == set()
    assert denial("the city could recognize the new council as the authority", sentence) == set()
    # what the statement does assert is still denied
    assert denial("the city recognized the new council as the authority", sentence) == {"recogn"}


def test_a_wish_denied_in_another_person_s_words_does_not_deny_the_question_s():
    statement = premises("Why would it be hard for Norland to give the guild the licence it wants?")[0]
    assert denial(statement, "“We do not want the guild to run the harbour in Norland,” the official said.") == set()
    # the same doer denied is a denial
    assert denial("the guild wants a licence in Norland", "The guild does not want a licence in Norland.") == {"want"}
