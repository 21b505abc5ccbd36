"""The disagreement rule (conflicts.py) on small articles: it fires only for differing durations about
what was asked, never for equal durations, other topics, or questions not about time."""

from __future__ import annotations

from assistant.answering.conflicts import disagreements, durations
from assistant.ingestion.chunking import split_article
from assistant.retrieval.retrieve import Hit
from assistant.schema import Article, Citation, Evidence


def article(doc_id: str, text: str) -> Article:
    title, spans = split_article(text)
    return Article(doc_id=doc_id, file=f"{doc_id}.txt", title=title, text=text, spans=spans)


A = article("a", "Truce news\n\nThe TTP announced a year-long ceasefire with the government in Islamabad.\n")
B = article("b", "Truce ends\n\nThe ceasefire with the TTP lasted about six months before fighting resumed.\n")
SAME = article("s", "Truce holds\n\nThe ceasefire with the TTP was agreed for a full year by both sides.\n")
OTHER = article("o", "Talks\n\nThe trade talks with India lasted about six months before they collapsed.\n")


def find(question: str, cited: Article, *others: Article) -> list[tuple[str, str]]:
    evidence = [Evidence(number=n, article=a, index=0) for n, a in enumerate([cited, *others], start=1)]
    citation = Citation(
        marker=1,
        article=cited.file,
        title=cited.title,
        quote=cited.sentence(0),
        start=cited.spans[0][0],
        end=cited.spans[0][1],
    )
    hits = [Hit(article=a, index=0, score=1.0, cosine=0.5) for a in [cited, *others]]
    # "ceasefire" is rare in this corpus, everything else is common.
    pairs = disagreements(question, [citation], evidence, hits, lambda term: 0.01 if term == "ceasefir" else 0.5)
    return [(first.article.doc_id, second.article.doc_id) for first, second in pairs]


def test_durations_are_read_in_days():
    assert durations("a year-long ceasefire") == {365}
    assert durations("it lasted about six months") == {180}
    assert durations("last year the talks began") == set()


def test_differing_durations_about_the_question_disagree():
    assert find("How long did the ceasefire last?", A, B) == [("a", "b")]


def test_equal_durations_do_not_disagree():
    assert find("How long did the ceasefire last?", A, SAME) == []


def test_a_duration_about_something_else_does_not_disagree():
    assert find("How long did the ceasefire last?", A, OTHER) == []


def test_a_question_not_about_time_gets_no_disagreement_note():
    assert find("Who announced the ceasefire?", A, B) == []
