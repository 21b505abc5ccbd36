"""The scoring functions of `assistant eval` on hand-made cases whose right answer is known."""

import pytest

from assistant.evaluation import metrics as m
from assistant.schema import Answer, Citation, Timings, Usage

ARTICLE = (
    "The bombing killed three people and injured 23. "
    "General Frank McKenzie said the Taliban were pretending. "
    "Pakistan has about 6,000 troops on the border. "
    "The TTP is the largest insurgent group."
)
TEXTS = {"a.txt": ARTICLE, "b.txt": "Another article. It mentions Peshawar."}
THRESHOLD = 0.6


def cite(marker: int, quote: str, file: str = "a.txt") -> Citation:
    start = TEXTS[file].index(quote)
    return Citation(marker=marker, article=file, title="T", quote=quote, start=start, end=start + len(quote))


MCKENZIE = "General Frank McKenzie said the Taliban were pretending."
BOMBING = "The bombing killed three people and injured 23."
TROOPS = "Pakistan has about 6,000 troops on the border."


# --- answer accuracy -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "gold", "expected"),
    [
        ("Pakistan has 6000 troops there [1].", ["6,000"], True),
        ("Pakistan has 6,000 troops there [1].", ["6000"], True),
        ("Three people were killed [1].", ["3"], True),
        ("3 people were killed [1].", ["three"], True),
        ("23 were injured [1].", ["three"], False),  # "3" must not be found inside "23"
        ("It acted on behalf of others.", ["half"], False),  # nor "half" inside "behalf"
        ("Nearly HALF of the districts fell.", ["half"], True),
        ("Pakistan was training fighters.", ["train"], True),  # a gold stem matches a longer word
        ("It said it does not recognize them.", ["not officially recognize", "does not recognize"], True),
        ("General McKenzie said so.", ["shaheen"], False),
        ("It is the largest group [1].", [], False),
    ],
)
def test_contains_answer(answer, gold, expected):
    assert m.contains_answer(answer, gold) is expected


def test_a_refusal_is_never_correct_even_if_it_mentions_the_gold():
    assert m.is_correct("McKenzie is not mentioned.", refused=True, must_include=["mckenzie"]) is False
    assert m.is_correct("McKenzie said it [1].", refused=False, must_include=["mckenzie"]) is True


# --- citations -------------------------------------------------------------------------------------------


def test_citation_validity_needs_the_exact_text_at_the_offsets():
    good = cite(1, MCKENZIE)
    assert m.citation_valid(good, TEXTS)
    assert not m.citation_valid(good.model_copy(update={"quote": MCKENZIE.replace("said", "says")}), TEXTS)
    assert not m.citation_valid(good.model_copy(update={"start": good.start + 1, "end": good.end + 1}), TEXTS)
    assert not m.citation_valid(good.model_copy(update={"article": "b.txt"}), TEXTS)
    assert not m.citation_valid(good.model_copy(update={"article": "missing.txt"}), TEXTS)


def test_gold_spans_are_found_in_the_article_and_misses_reported():
    spans, missing = m.gold_spans(
        [{"file": "a.txt", "quote": TROOPS}, {"file": "a.txt", "quote": "not in the text"}], TEXTS
    )
    assert spans == [m.Span("a.txt", ARTICLE.index(TROOPS), ARTICLE.index(TROOPS) + len(TROOPS))]
    assert len(missing) == 1 and "not in the text" in missing[0]


def test_gold_hit_needs_an_overlapping_span_in_the_same_article():
    gold, _ = m.gold_spans([{"file": "a.txt", "quote": "Frank McKenzie said"}], TEXTS)
    assert m.gold_hit([cite(1, MCKENZIE)], gold)
    assert not m.gold_hit([cite(1, BOMBING)], gold)  # the adjacent sentence only touches it
    other = cite(1, "It mentions Peshawar.", "b.txt")
    moved = other.model_copy(update={"start": gold[0].start, "end": gold[0].end})
    assert not m.gold_hit([moved], gold)  # same offsets, another article


def test_retrieval_recall_counts_gold_quotes_inside_the_evidence():
    gold, _ = m.gold_spans([{"file": "a.txt", "quote": BOMBING}, {"file": "a.txt", "quote": TROOPS}], TEXTS)
    assert m.retrieval_recall([cite(1, BOMBING), cite(2, MCKENZIE)], gold) == 0.5
    assert m.retrieval_recall([cite(1, MCKENZIE)], gold) == 0.0
    assert m.retrieval_recall([cite(1, BOMBING), cite(2, TROOPS)], gold) == 1.0


# --- ALCE citation recall and precision ------------------------------------------------------------------


def test_the_judge_uses_the_support_rule():
    assert m.supports("Frank McKenzie said the Taliban were pretending.", [MCKENZIE], THRESHOLD)
    assert not m.supports("Frank McKenzie said the Taliban were winning in Kabul.", [MCKENZIE], THRESHOLD)
    assert not m.supports("Four people were killed and 23 injured.", [BOMBING], THRESHOLD)  # wrong number
    assert not m.supports("Frank McKenzie said so.", [], THRESHOLD)


def test_a_sentence_without_a_supporting_citation_lowers_recall():
    citations = [cite(1, MCKENZIE), cite(2, BOMBING)]
    good = "McKenzie said the Taliban were pretending [1]."
    assert m.citation_support(good, citations, THRESHOLD).recall == 1.0
    uncited = good + " Pakistan has about 6,000 troops on the border."
    assert m.citation_support(uncited, citations, THRESHOLD).recall == 0.5
    miscited = good + " Pakistan has about 6,000 troops on the border [2]."
    assert m.citation_support(miscited, citations, THRESHOLD).recall == 0.5


def test_an_unneeded_citation_lowers_precision():
    citations = [cite(1, MCKENZIE), cite(2, BOMBING)]
    counts = m.citation_support("McKenzie said the Taliban were pretending [1][2].", citations, THRESHOLD)
    assert (counts.recall, counts.citations, counts.needed, counts.precision) == (1.0, 2, 1, 0.5)


def test_citations_needed_together_are_all_precise():
    citations = [cite(1, BOMBING), cite(2, TROOPS)]
    text = "The bombing killed three people while Pakistan has 6,000 troops [1][2]."
    counts = m.citation_support(text, citations, THRESHOLD)
    assert (counts.recall, counts.precision) == (1.0, 1.0)


def test_two_citations_that_each_support_alone_are_both_precise():
    # ALCE: a citation that supports the sentence on its own is never "irrelevant".
    citations = [cite(1, MCKENZIE), cite(2, MCKENZIE)]
    assert m.citation_support("McKenzie said the Taliban were pretending [1][2].", citations, THRESHOLD).precision == 1


def test_an_unsupported_sentence_gets_no_precision_credit():
    counts = m.citation_support("Pakistan has about 6,000 troops [1].", [cite(1, MCKENZIE)], THRESHOLD)
    assert (counts.recall, counts.precision) == (0.0, 0.0)


# --- a whole answer and a run ---------------------------------------------------------------------------


def answer(text: str, citations=(), refused=False, evidence=(), total=1000.0, first=None) -> Answer:
    return Answer(
        question="q",
        answer=text,
        refused=refused,
        citations=list(citations),
        evidence=list(evidence),
        model="fake",
        timings_ms=Timings(total=total, first_token=first),
        usage=Usage(prompt_tokens=100 if first else 0, completion_tokens=10 if first else 0),
    )


def record(question: m.Question, ans: Answer) -> dict:
    gold, _ = m.gold_spans(question.sources, TEXTS)
    scores = m.score_answer(ans, question, TEXTS, THRESHOLD, gold)
    return {**ans.public(), "kind": question.kind, "scores": scores, **ans.usage.model_dump()}


WHO = m.Question("q1", "Who?", True, "McKenzie", ("mckenzie",), ({"file": "a.txt", "quote": MCKENZIE},), "who")
NONE = m.Question("q2", "Capital of France?", False, kind="unanswerable")


def test_a_refusal_on_an_answerable_question_is_a_false_refusal():
    scores = record(WHO, answer("The articles don't answer this.", refused=True))["scores"]
    assert scores["correct"] is False and scores["refused"] is True
    assert scores["citation_recall"] is None and scores["gold_hit"] is None


def test_summary_of_a_small_run():
    ev = [cite(1, MCKENZIE), cite(2, BOMBING)]
    records = [
        record(WHO, answer("McKenzie said the Taliban were pretending [1].", [ev[0]], evidence=ev, first=200.0)),
        record(WHO, answer("The articles don't answer this.", refused=True, evidence=ev[1:], total=3000.0)),
        record(NONE, answer("The articles don't answer this.", refused=True, total=50.0)),
        record(NONE, answer("Paris is in the articles [1].", [ev[1]], total=2000.0, first=500.0)),
    ]
    s = m.summarise(records)
    assert (s["accuracy"], s["accuracy_n"]) == (0.5, 2)
    assert (s["refusal_rate"], s["false_refusal_rate"]) == (0.5, 0.5)
    assert (s["citation_validity"], s["citation_validity_n"]) == (1.0, 2)
    assert (s["gold_hit"], s["gold_hit_n"]) == (1.0, 1)
    assert s["retrieval_recall"] == 0.5  # the gold was given once, missed once
    assert s["citation_recall"] == 0.5  # the "Paris" answer is not supported by its quote
    assert s["latency_p50"] == 1500.0 and s["first_token_p50"] == 350.0
    assert s["prompt_tokens"] == 100
    kinds = m.by_kind(records)
    assert kinds["who"]["accuracy"] == 0.5 and kinds["unanswerable"]["refusal_rate"] == 0.5


def test_an_invalid_citation_lowers_validity_and_ranks_worst():
    bad = cite(1, MCKENZIE).model_copy(update={"quote": "McKenzie said the Taliban had won."})
    ok = [cite(1, MCKENZIE)]
    good = record(WHO, answer("McKenzie said the Taliban were pretending [1].", ok, evidence=ok))
    broken = record(WHO, answer("McKenzie said the Taliban had won [1].", [bad]))
    assert m.summarise([good, broken])["citation_validity"] == 0.5
    assert m.problem_score(broken) > m.problem_score(good) == 0


def test_percentile_interpolates():
    assert m.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert m.percentile([10.0, 20.0], 95) == pytest.approx(19.5)
    assert m.percentile([], 50) is None


@pytest.mark.parametrize("q", [0, 1, 50, 95, 99, 100])
def test_percentile_matches_numpy(q):
    import random

    import numpy as np

    rng = random.Random(q)
    values = [rng.uniform(0, 5000) for _ in range(37)]
    assert m.percentile(values, q) == pytest.approx(float(np.percentile(values, q)))
    assert m.percentile([7.0], q) == 7.0
