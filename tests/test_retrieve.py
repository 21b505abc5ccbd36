"""Retrieval on the real index and embeddings: aliases, agent nouns, names in short questions."""

import pytest

from assistant.app import App
from assistant.retrieval.retrieve import build_evidence


@pytest.fixture(scope="module")
def app(shared_store, embedder):
    return App(shared_store.model_copy(update={"judge": "rules"}), embedder=embedder)


def evidence_text(app, question: str) -> str:
    hits = app.retriever.search(question, app.settings.top_k)
    return " ".join(ev.text for ev in build_evidence(hits, app.settings.evidence_tokens))


def test_the_corpus_defines_its_own_aliases(app):
    aliases = app.retriever.aliases()
    assert {"ttp", "tehrik e taliban pakistan", "pakistani taliban"} <= aliases.of("TTP")


def test_who_leads_the_pakistani_taliban_reaches_the_sentences_naming_its_leader(app):
    # The articles call him the leader of the "TTP" / "Tehrik-e-Taliban Pakistan"; the question says
    # "leads" and "Pakistani Taliban".
    assert "Noor Wali Mehsud" in evidence_text(app, "Who leads the Pakistani Taliban?")


def test_a_short_name_question_gets_the_sentence_saying_who_he_is(app):
    assert "commanding general of the 215 Maiwand Corps" in evidence_text(app, "who is sami sadat")


def test_a_question_whose_rare_name_is_found_is_not_refused_before_the_model(fake_app):
    assistant = fake_app().assistant
    # So strict a similarity floor that meaning alone refuses everything: the found name still counts.
    assistant.settings = assistant.settings.model_copy(update={"min_relevance": 0.99})
    hits = assistant.retriever.search("sami sadat", assistant.settings.top_k)
    assert assistant.relevant("sami sadat", hits)
    off_topic = assistant.retriever.search("What is the boiling point of tungsten?", assistant.settings.top_k)
    assert not assistant.relevant("What is the boiling point of tungsten?", off_topic)


@pytest.mark.slow
def test_who_is_a_person_named_once_is_answered_by_the_real_model(shared_store, embedder, local_llm):
    # The session's bundled model (the default one), not a second copy loaded for this test.
    app = App(shared_store, llm=local_llm, embedder=embedder)
    answer = app.assistant.ask("who is sami sadat")
    assert not answer.refused
    assert "maiwand" in answer.answer.lower() or "commanding general" in answer.answer.lower()


def test_an_article_named_by_its_headline_reaches_the_evidence(app):
    # That article never mentions Imran Khan: only its headline in the question leads there.
    named = next(a for a in app.index.articles().values() if a.title.startswith("Taliban set to become"))
    plain = app.retriever.search("What does the article say about Imran Khan?", app.settings.top_k)
    titled = app.retriever.search(
        "What does the “Taliban set to become Al Qaeda’s darling” article say about Imran Khan?", app.settings.top_k
    )
    # most of the headline's words, unquoted, name it too
    worded = app.retriever.search(
        "What does the article on the Taliban becoming al Qaeda's darling say about Imran Khan?", app.settings.top_k
    )
    assert all(h.article.doc_id != named.doc_id for h in plain)
    assert titled[0].article.doc_id == named.doc_id
    assert worded[0].article.doc_id == named.doc_id


def test_a_phrase_of_the_question_finds_the_sentence_that_uses_it(app):
    # "former Taliban minister": each word is common on its own; side by side they name one sentence,
    # the last of its article (it ends on a stray opening quotation mark in the scraped page).
    found = evidence_text(app, "former taliban minister quote")
    assert "A former Taliban minister who spoke to The Daily Beast" in found
