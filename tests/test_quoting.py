"""Quoting first, around the judge: which sentences a why-question's quoted answer is made of."""

from assistant.answering.judge import Judge
from assistant.answering.prompts import Prompts
from assistant.answering.quoting import quote_answer
from assistant.schema import Article, Evidence
from assistant.settings import Settings
from tests.fakes import FixedScorer

SENTENCES = [
    "The mayor called the new harbour plan the best outcome for the city of Lund.",
    "It can cut the cost of shipping grain, and it gives the port time to rebuild its docks.",
    "Critics of the mayor say the harbour plan for the city came too late for the fishing fleet.",
    "The harbour plan for the city will be voted on in May, the mayor said.",
]


def article() -> Article:
    text = " ".join(SENTENCES)
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in SENTENCES)
    return Article(doc_id="d1", file="lund.txt", title="Lund", text=text, spans=spans)


def quoted(judge: Judge, question: str) -> list[str] | None:
    a = article()
    evidence = [Evidence(number=n, article=a, index=n - 1) for n in range(1, len(SENTENCES) + 1)]
    flow = quote_answer(judge, Settings(), question, evidence, lambda: None)
    try:
        while True:
            next(flow)
    except StopIteration as done:
        return None if done.value is None else [c.quote for c in done.value[1]]


def test_a_why_answer_quotes_the_claim_and_the_sentence_after_it_that_gives_the_reason():
    # every passage answers, and the judge's copy restates the question up to where its reason begins
    judge = Judge(FixedScorer("The mayor calls the harbour plan the best outcome because", True, 0.1), Prompts())
    quotes = quoted(judge, "Why does the mayor call the harbour plan the best outcome for the city?")
    # the reason shares few of the question's words, yet is judged right after the claim it explains
    assert quotes == [SENTENCES[0], SENTENCES[1]]


def test_a_copy_that_only_restates_the_question_is_still_an_echo():
    judge = Judge(FixedScorer("The mayor calls the harbour plan the best outcome", True, 0.1), Prompts())
    assert quoted(judge, "Why does the mayor call the harbour plan the best outcome for the city?") is None
