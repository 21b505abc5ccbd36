"""SQuAD 2.0's exact match and token F1 of the short answer, on hand-computed cases (the official script's
normalisation included), and the summary's EM/F1 over answerable and unanswerable questions."""

import pytest

from assistant.evaluation import metrics as m
from assistant.evaluation.squad import best, exact_match, normalize_answer, squad_scores, token_f1
from assistant.schema import Answer, Citation, ShortAnswer, Timings

# --- normalisation (evaluate-v2.0.py's normalize_answer) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("The Norman Conquest.", "norman conquest"),  # lower case, article and full stop gone
        ("  A  cat's   toy! ", "cats toy"),  # punctuation removed inside words, spaces collapsed
        ("An apple, the pear and a plum", "apple pear and plum"),
        ("Theatre of anthems", "theatre of anthems"),  # articles only as whole words
        ("19th-century", "19thcentury"),  # a hyphen is removed, not a space: the script's rule
        ('"Donkey")', "donkey"),
        ("“Donkey”", "“donkey”"),  # only ASCII punctuation is removed, as in the official script
        ("6,000 km", "6000 km"),
        ("the", ""),
    ],
)
def test_normalize_answer_is_squads(text, normalised):
    assert normalize_answer(text) == normalised


# --- exact match and F1 ----------------------------------------------------------------------------------


def test_exact_match_after_normalisation():
    assert exact_match("the Danube.", "Danube") == 1.0
    assert exact_match("Danube river", "Danube") == 0.0


@pytest.mark.parametrize(
    ("prediction", "gold", "f1"),
    [
        ("the Rhine river", "Rhine", 2 / 3),  # P 1/2, R 1
        ("Rhine", "the Rhine river", 2 / 3),  # P 1, R 1/2
        ("x x y", "x y", 0.8),  # tokens counted with multiplicity: P 2/3, R 1
        ("x y", "x x y", 0.8),
        ("central and western Europe", "Europe", 0.4),  # P 1/4, R 1
        ("Denmark", "Danube", 0.0),
        ("The", "a", 1.0),  # both empty after normalisation: they agree
        ("Danube", "the", 0.0),  # one side empty
    ],
)
def test_token_f1(prediction, gold, f1):
    assert token_f1(prediction, gold) == pytest.approx(f1)


def test_best_takes_each_score_over_the_gold_strings():
    assert best("19th Century", ["19th", "19th century"]) == (1.0, 1.0)
    em, f1 = best("in the 19th century", ["19th", "1800s"])
    assert em == 0.0 and f1 == pytest.approx(0.5)  # "in 19th century" against "19th": P 1/3, R 1
    assert best("Rhine delta", ["the rhine-meuse delta area", "rhine delta"]) == (1.0, 1.0)  # any order
    with pytest.raises(ValueError):
        best("x", ["the", "."])


# --- SQuAD 2.0's rules ------------------------------------------------------------------------------------


def test_an_unanswerable_question_scores_one_for_a_refusal_and_zero_for_anything_else():
    assert squad_scores(False, [], refused=True, short_answer=None) == (1.0, 1.0)
    assert squad_scores(False, [], refused=False, short_answer=None) == (0.0, 0.0)  # a written answer
    assert squad_scores(False, [], refused=False, short_answer="599 m") == (0.0, 0.0)


def test_an_answerable_question_scores_zero_for_a_refusal_or_no_short_answer():
    assert squad_scores(True, ["danube"], refused=True, short_answer="Danube") == (0.0, 0.0)
    assert squad_scores(True, ["danube"], refused=False, short_answer=None) == (0.0, 0.0)
    assert squad_scores(True, ["danube", "the danube"], refused=False, short_answer="the Danube") == (1.0, 1.0)


def test_questions_without_usable_gold_are_not_scored():
    assert squad_scores(None, ["danube"], refused=False, short_answer="Danube") == (None, None)
    assert squad_scores(True, [], refused=False, short_answer="Danube") == (None, None)
    assert squad_scores(True, ["the", "!"], refused=False, short_answer="Danube") == (None, None)


# --- in a run's summary ------------------------------------------------------------------------------------

TEXT = "It is the second-longest river in Central and Western Europe (after the Danube)."
TEXTS = {"r.txt": TEXT}
LARGER = m.Question("a1", "What river is larger?", True, "Danube", ("danube", "the danube"), (), "squad")
WHERE = m.Question("a2", "Where is the river?", True, "Europe", ("europe",), (), "squad")
HEIGHT = m.Question("u1", "What is its height?", False, kind="unanswerable", plausible_answer="599 m")
OTHER = m.Question("u2", "Another name?", False, kind="unanswerable")


def answered(words: str | None, refused: bool = False, total: float = 1000.0) -> Answer:
    cite = Citation(marker=1, article="r.txt", title="Rhine", quote=TEXT, start=0, end=len(TEXT))
    short = None
    if words is not None:
        at = TEXT.index(words)
        short = ShortAnswer(text=words, article="r.txt", start=at, end=at + len(words), marker=1)
    return Answer(
        question="q",
        answer="The articles don't say." if refused else f"{words or 'It'} [1]\n\n“{TEXT}” [1]",
        refused=refused,
        citations=[] if refused else [cite],
        model="fake",
        timings_ms=Timings(total=total),
        short_answer=short,
    )


def record(question: m.Question, ans: Answer) -> dict:
    return {**ans.public(), "kind": question.kind, "scores": m.score_answer(ans, question, TEXTS, 0.6)}


def test_summary_reports_em_and_f1_overall_answerable_and_unanswerable():
    records = [
        record(LARGER, answered("the Danube")),  # EM 1, F1 1
        record(WHERE, answered("Central and Western Europe")),  # EM 0, F1 0.4
        record(HEIGHT, answered(None, refused=True, total=300.0)),  # 1
        record(OTHER, answered("second-longest river")),  # answered an unanswerable question: 0
    ]
    assert [r["scores"]["exact_match"] for r in records] == [1.0, 0.0, 1.0, 0.0]
    assert records[1]["scores"]["f1"] == pytest.approx(0.4)
    s = m.summarise(records)
    assert (s["squad_em"], s["squad_em_n"]) == (0.5, 4)
    assert s["squad_f1"] == pytest.approx((1 + 0.4 + 1 + 0) / 4)
    assert (s["squad_em_answerable"], s["squad_f1_answerable"]) == (0.5, pytest.approx(0.7))
    assert (s["squad_em_unanswerable"], s["squad_f1_unanswerable"], s["squad_em_unanswerable_n"]) == (0.5, 0.5, 2)
    assert (s["short_answer_share"], s["short_answer_share_n"]) == (1.0, 3)
    assert (s["refusal_latency_p50"], s["refusal_latency_p50_n"]) == (300.0, 1)


def test_results_saved_before_short_answers_are_not_scored_as_zero():
    old = record(LARGER, answered("the Danube"))
    for key in ("exact_match", "f1", "has_short_answer"):
        del old["scores"][key]
    s = m.summarise([old])
    assert (s["squad_em"], s["squad_em_n"], s["short_answer_share"]) == (None, 0, None)
