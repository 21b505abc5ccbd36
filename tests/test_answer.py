"""The logic around the model, with a scripted fake model over the real index and embeddings."""

import pytest

from assistant.answering.answer import REFUSAL
from assistant.app import App
from assistant.errors import QuestionError
from assistant.schema import Answer, Progress, Turn
from assistant.settings import Settings
from assistant.verification import citations as cite
from assistant.verification.premises import LEAD


def number_of(answer_evidence, fragment: str) -> int:
    return next(e.marker for e in answer_evidence if fragment in e.quote)


def evidence_for(fake_app, question: str):
    probe = fake_app("")
    return probe.assistant.ask(question).evidence


def test_supported_answer_keeps_verbatim_citations(fake_app):
    question = "Who is the Pakistani Foreign Ministry spokesperson who declined to comment?"
    n = number_of(evidence_for(fake_app, question), "Mumtaz Zahra Baloch")
    app = fake_app(f"The spokesperson is Mumtaz Zahra Baloch [{n}]. She also won a prize in Oslo [{n}].")
    answer = app.assistant.ask(question)
    assert not answer.refused
    assert answer.answer == "The spokesperson is Mumtaz Zahra Baloch [1]."
    assert len(answer.citations) == 1 and "Mumtaz Zahra Baloch" in answer.citations[0].quote
    assert any("Oslo" in d for d in answer.dropped)
    article = app.index.articles()
    text = next(a.text for a in article.values() if a.file == answer.citations[0].article)
    assert cite.check_citation(answer.citations[0], text)


def test_invalid_markers_never_reach_the_user(fake_app):
    app = fake_app("Mumtaz Zahra Baloch declined to comment [42].")
    answer = app.assistant.ask("Who is the Pakistani Foreign Ministry spokesperson who declined to comment?")
    assert "[42]" not in answer.answer
    assert all(f"[{c.marker}]" in answer.answer for c in answer.citations)


def test_unsupported_answer_falls_back_to_verbatim_evidence(fake_app):
    app = fake_app("He is a famous chef from Lyon [1].")
    answer = app.assistant.ask("Who is the Pakistani Foreign Ministry spokesperson who declined to comment?")
    assert not answer.refused
    assert "Mumtaz Zahra Baloch" in answer.answer, answer.answer
    # Each quote verbatim before its marker (in quotation marks unless it opens or closes with its own).
    assert all(
        f"{c.quote}” [{c.marker}]" in answer.answer or f"{c.quote} [{c.marker}]" in answer.answer
        for c in answer.citations
    ), answer.answer


def test_off_topic_question_is_refused_without_calling_the_model(fake_app):
    app = fake_app("Paris [1].")
    answer = app.assistant.ask("What is the capital of France?")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []
    assert app.llm.calls == []


def test_model_refusal_with_weak_evidence_is_a_refusal(fake_app):
    app = fake_app("The articles don't answer this.")
    answer = app.assistant.ask("Which country did Ashraf Ghani flee to when the Taliban took Kabul?")
    assert answer.refused and answer.citations == []
    assert len(answer.see_also) > 0


def test_follow_up_is_rewritten_before_retrieval(fake_app):
    app = fake_app("Which TV network interviewed Noor Wali Mehsud?", "")
    history = [Turn("Who is Noor Wali Mehsud?", "Noor Wali Mehsud is a top leader of the TTP [1].")]
    answer = app.assistant.ask("Which TV network interviewed him?", history)
    assert answer.standalone_question == "Which TV network interviewed Noor Wali Mehsud?"
    condense_prompt = app.llm.calls[0][-1]["content"]
    assert "Who is Noor Wali Mehsud?" in condense_prompt and "interviewed him" in condense_prompt
    direct = fake_app("").assistant.ask("Which TV network interviewed Noor Wali Mehsud?")
    alone = fake_app("").assistant.ask("Which TV network interviewed him?")
    assert answer.evidence == direct.evidence != alone.evidence


def test_a_rewrite_that_drops_the_follow_ups_own_words_is_not_taken(fake_app):
    # A small model may hand back the previous question: a new question with nothing that points back is
    # then asked as typed; one that points back ("repeat that") may well be the previous question.
    previous = [Turn("Who is the spokesman for the Pakistani Foreign Ministry?", "Mumtaz Zahra Baloch [1].")]
    app = fake_app("Who is the spokesman for the Pakistani Foreign Ministry?", "")
    answer = app.assistant.ask("pakistan foreign minister name us trip", previous)
    assert answer.standalone_question.lower() == "pakistan foreign minister name us trip"
    app = fake_app("Who is the spokesman for the Pakistani Foreign Ministry?", "")
    answer = app.assistant.ask("Could you repeat that?", previous)
    assert answer.standalone_question == "Who is the spokesman for the Pakistani Foreign Ministry?"


def test_disagreeing_articles_are_both_cited(fake_app):
    question = "How long did the ceasefire between the TTP and Islamabad last?"
    evidence = evidence_for(fake_app, question)
    n = number_of(evidence, "year-long ceasefire")
    app = fake_app(f"The breakdown of the year-long ceasefire between the TTP and Islamabad raises questions [{n}].")
    answer = app.assistant.ask(question)
    assert "disagree" in answer.answer
    quotes = " ".join(c.quote for c in answer.citations)
    assert "year-long" in quotes and "six months" in quotes
    assert len({c.article for c in answer.citations}) == 2


@pytest.mark.parametrize("question", ["", "   ", "x" * 5000])
def test_unusable_questions_are_rejected(fake_app, question):
    with pytest.raises(QuestionError):
        fake_app("").assistant.ask(question)


def test_evidence_is_trimmed_to_the_context_window(shared_store, embedder):
    from assistant.app import App

    from .conftest import FakeLLM

    question = "What are the TTP's stated aims according to the articles?"
    roomy = App(shared_store, llm=FakeLLM(""), embedder=embedder).assistant.ask(question)
    tight_settings = shared_store.model_copy(update={"n_ctx": 480})
    tight = App(tight_settings, llm=FakeLLM(""), embedder=embedder).assistant.ask(question)
    assert 0 < len(tight.evidence) < len(roomy.evidence)


def test_question_too_big_for_the_context_is_a_clear_error(shared_store, embedder):
    from assistant.app import App

    from .conftest import FakeLLM

    settings = shared_store.model_copy(update={"n_ctx": 600})
    app = App(settings, llm=FakeLLM("unused"), embedder=embedder)
    with pytest.raises(QuestionError, match="too long for the model's context window"):
        app.assistant.ask("Why did the Taliban do this? " * 60)
    assert app.llm.calls == []


def test_a_question_with_undecodable_bytes_is_a_clear_error(fake_app):
    app = fake_app("unused")
    with pytest.raises(QuestionError, match="not valid text"):
        app.assistant.ask("who is \udcff\udcfe sami sadat")
    assert app.llm.calls == []


def test_a_sentence_restating_a_false_premise_is_dropped(fake_app):
    question = "Why did the TTP claim responsibility for the May 24 suicide car bomb attack?"
    n = number_of(evidence_for(fake_app, question), "was not claimed by the TTP")
    app = fake_app(f"The TTP claimed responsibility for the May 24 suicide car bomb attack [{n}].")
    answer = app.assistant.ask(question)
    assert "The TTP claimed responsibility" not in answer.answer
    # The denial is quoted before the model is asked; if the model is asked, its restatement is dropped.
    corrected = answer.answer.startswith(LEAD) and any(
        "was not claimed by the TTP" in c.quote for c in answer.citations
    )
    assert corrected or any("states what the quote denies" in d for d in answer.dropped), answer.answer


def test_a_follow_up_the_model_answers_instead_of_rewriting_keeps_the_earlier_subject(fake_app):
    app = fake_app("The network that interviewed him was CNN.", "")
    history = [Turn("Who is Noor Wali Mehsud?", "Noor Wali Mehsud is a top leader of the TTP [1].")]
    answer = app.assistant.ask("Which TV network interviewed him?", history)
    # A statement is not the question: the follow-up is asked with what the earlier one was about.
    assert answer.standalone_question == "Which TV network interviewed him? (Noor Wali Mehsud)"
    alone = fake_app("").assistant.ask("Which TV network interviewed him?")
    assert answer.evidence != alone.evidence


@pytest.mark.slow
def test_quote_first_answers_with_the_sentence_that_answers_and_writing_is_the_other_style(real_app):
    question = "Which news network interviewed Noor Wali Mehsud?"
    quoted = real_app.assistant.ask(question)
    assert quoted.mode == "extractive" and "CNN" in quoted.answer
    texts = {a.file: a.text for a in real_app.index.articles().values()}
    assert all(texts[c.article][c.start : c.end] == c.quote for c in quoted.citations)
    assert all(f"{c.quote}" in quoted.answer for c in quoted.citations)  # verbatim, not paraphrased

    written = App(
        real_app.settings.model_copy(update={"answer_style": "write"}),
        llm=real_app.llm,
        embedder=real_app.index.embedder,
    ).assistant.ask(question)
    assert written.mode in {"generated", "extractive", "refused"} and written.raw_output


@pytest.mark.slow
def test_the_first_quote_that_passes_is_shown_while_the_others_are_judged(real_app):
    items = list(real_app.assistant.stream("Who leads the Pakistani Taliban?"))
    final = items[-1]
    shown = [i for i in items[:-1] if isinstance(i, Progress) and i.answer]
    assert isinstance(final, Answer) and final.mode == "extractive"
    assert shown, "the quote that passed was held back until every candidate was judged"
    # What was shown is where the answer starts: a stream never takes back a verified sentence.
    assert final.answer.startswith(shown[0].answer)
    assert final.citations[: len(shown[0].citations)] == shown[0].citations
    assert final.timings_ms.first_token < final.timings_ms.total


def test_writing_stops_at_a_first_sentence_the_judge_rejects(shared_store, embedder):
    from tests.conftest import FakeLLM

    class Counting(FakeLLM):
        pulled = 0

        def stream(self, messages, max_tokens, grammar=None, usage=None):
            for piece in super().stream(messages, max_tokens, grammar, usage):
                self.pulled += 1
                yield piece

    question = "Who is the Pakistani Foreign Ministry spokesperson who declined to comment?"
    reply = "He is a famous chef from Lyon [1]. He also sings in a choir in Paris every Sunday evening [1]."
    llm = Counting(reply)
    app = App(shared_store.model_copy(update={"judge": "rules"}), llm=llm, embedder=embedder)
    answer = app.assistant.ask(question)
    assert "Lyon" not in answer.answer and "Paris" not in answer.answer
    # The second sentence was never generated: the model was stopped after the first one failed.
    assert llm.pulled < len(reply.split(" ")), llm.pulled


@pytest.mark.slow
def test_a_second_quote_never_proves_another_answer_than_the_short_one(tmp_path, embedder):
    """Answer, then proof: every quoted sentence holds the short answer, never a rival one."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bridges.txt").write_text(
        "Vik bridges\n\nThe old Vik bridge opened in 1921, the harbour board said. "
        "The new Vik bridge opened in 1987, after a decade of work. Ferries stopped running that year.\n",
        encoding="utf-8",
    )
    settings = Settings(store_dir=tmp_path / "store", articles_dir=folder)
    from tests.conftest import FakeLLM

    app = App(settings, llm=FakeLLM(), embedder=embedder)
    app.ingest()
    answer = app.assistant.ask("In which year did a Vik bridge open?")
    assert answer.short_answer is not None and answer.mode == "extractive"
    assert all(answer.short_answer.text in c.quote for c in answer.citations), answer.answer


def test_a_fallback_writer_reads_only_the_best_evidence(shared_store, embedder):
    """Quote-first, no sentence answers as it stands: the model writes from the top-ranked sentences
    within `written_evidence_tokens`, not from the whole evidence (each prompt token costs time)."""
    from assistant.answering.answer import Assistant
    from assistant.models.prompts import Prompts
    from assistant.retrieval.retrieve import approx_tokens
    from assistant.verification.judge import Judge
    from tests.conftest import FakeLLM
    from tests.fakes import FixedScorer

    settings = shared_store.model_copy(update={"written_evidence_tokens": 120, "write_span_answers": True})
    app = App(settings, embedder=embedder)
    llm = FakeLLM("The articles don't answer this.")
    finds_nothing = Judge(FixedScorer("NONE", supports=False, none=1.0), Prompts())  # no sentence answers
    assistant = Assistant(settings, app.retriever, llm, judge=finds_nothing)
    answer = assistant.ask("Who is the Pakistani Foreign Ministry spokesperson who declined to comment?")
    assert answer.refused and len(llm.calls) == 1
    prompt = llm.calls[0][-1]["content"]
    shown = [e.quote for e in answer.evidence if e.quote in prompt]
    assert 0 < len(shown) < len(answer.evidence)
    assert sum(approx_tokens(q) + 4 for q in shown) <= 120


def test_a_question_one_span_answers_is_refused_not_written_when_no_sentence_answers(shared_store, embedder):
    """Quote-first, no sentence answers as it stands: a question one span answers is refused at once (the
    bundled models' written answers to those were never right); one asking several things is written."""
    from assistant.answering.answer import Assistant
    from assistant.models.prompts import Prompts
    from assistant.verification.judge import Judge
    from tests.conftest import FakeLLM
    from tests.fakes import FixedScorer

    app = App(shared_store, embedder=embedder)
    finds_nothing = Judge(FixedScorer("NONE", supports=False, none=1.0), Prompts())

    def ask(question: str) -> tuple[Answer, FakeLLM]:
        llm = FakeLLM("The articles don't answer this.")
        return Assistant(shared_store, app.retriever, llm, judge=finds_nothing).ask(question), llm

    one, llm = ask("Who declined to comment for the Pakistani Foreign Ministry?")
    assert one.refused and one.mode == "refused" and llm.calls == []
    assert one.answer.startswith("The articles don't say who declined to comment")
    several, llm = ask("Who is the Pakistani Foreign Ministry spokesperson, and when did she decline to comment?")
    assert len(llm.calls) == 1


def test_an_answer_makes_no_more_model_calls_than_its_budget(shared_store, embedder):
    """Every call of the judge and the writer counts; once `max_model_calls` are spent, quoting judges no
    further sentence and the model does not write: the answer is a refusal, not a late guess."""
    from assistant.answering.answer import Assistant
    from assistant.models.prompts import Prompts
    from assistant.verification.judge import Judge
    from tests.conftest import FakeLLM
    from tests.fakes import FixedScorer

    question = "Who is the Pakistani Foreign Ministry spokesperson, and when did she decline to comment?"
    app = App(shared_store, embedder=embedder)

    def ask(budget: int) -> tuple[Answer, FakeLLM]:
        settings = shared_store.model_copy(update={"max_model_calls": budget})
        llm = FakeLLM("The articles don't answer this.")
        finds_nothing = Judge(FixedScorer("NONE", supports=False, none=1.0), Prompts())
        return Assistant(settings, app.retriever, llm, judge=finds_nothing).ask(question), llm

    free, llm = ask(0)
    assert len(llm.calls) == 1  # written, after the judge turned down every candidate sentence
    assert free.usage.model_calls >= 3  # two sentences judged at least, then the writing
    capped, llm = ask(2)
    assert llm.calls == [] and capped.refused
    assert capped.usage.model_calls == 2
    assert any("model calls spent" in d for d in capped.dropped)
