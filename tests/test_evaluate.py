"""`assistant eval` in-process: question files, results, reports, comparisons, thresholds, a real run."""

import json
import re
from pathlib import Path

import pytest

from assistant.evaluation import evaluate, report
from assistant.evaluation.metrics import Question, gold_spans, score_answer
from assistant.interfaces.cli import main
from assistant.schema import Answer, Citation, ShortAnswer, Timings, Usage
from assistant.settings import PROJECT_ROOT, Settings

from .conftest import FakeLLM

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
TEXT = "Officials met in Kabul. General Frank McKenzie said the Taliban were pretending. Then they left."
QUOTE = "General Frank McKenzie said the Taliban were pretending."
TEXTS = {"a.txt": TEXT}


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


# --- question files ---------------------------------------------------------------------------------------


def test_bad_json_line_names_file_and_line(tmp_path, capsys):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "Who?"}\n\n{"id": "b", "question": "Why?"\n', encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    assert f"{path}:3: not valid JSON" in one_error_line(capsys)
    whole = tmp_path / "array.json"  # a JSON array, pretty-printed: not one object a line
    whole.write_text('[\n  {"question": "Who?"}\n]\n', encoding="utf-8")
    assert main(["eval", str(whole)]) == 1
    assert f"{whole}:1: not valid JSON" in (line := one_error_line(capsys)) and "one JSON object a line" in line


def test_missing_question_field_names_file_and_line(tmp_path, capsys):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "Who?"}\n{"id": "b", "text": "Why?"}\n', encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    assert f'{path}:2: missing "question"' in one_error_line(capsys)


def test_csv_without_question_column(tmp_path, capsys):
    path = tmp_path / "q.csv"
    path.write_text("id,text\n1,Who is he?\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    assert "needs a 'question' column" in one_error_line(capsys)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"question": "Who?", "answerable": "yes"}', '"answerable" must be true or false'),
        ('{"question": "Who?", "must_include": "mckenzie"}', '"must_include" must be a list'),
        ('{"question": "Who?", "sources": [{"file": "a.txt"}]}', '"sources" must be a list'),
        ('{"question": "Who?", "sources": [{"file": "a.txt", "quote": ""}]}', '"sources" must be a list'),
        ('["Who?"]', "expected a JSON object"),
        ('{"id": "p01", "question": "Again?"}', "duplicate id 'p01' (first on line 1)"),
        ('{"question": "Who?", "answerable": false, "plausible_answer": ["x"]}', '"plausible_answer" must be a string'),
        ('{"question": "Who?", "answerable": false, "must_include": ["x"]}', '"must_include" needs "answerable": true'),
        ('{"question": "Who?", "must_include": ["x"]}', '"must_include" needs "answerable": true'),
        ('{"question": "Who?", "answerable": true, "must_include": ["x", " "]}', "holds an empty string"),
        ('{"question": "Who?", "answerable": true, "must_includes": ["x"]}', 'did you mean "must_include"'),
        ('{"question": "Who?", "answerble": true}', 'unknown field "answerble" (did you mean "answerable"?)'),
    ],
)
def test_wrong_field_types_are_errors(tmp_path, line, message):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "p01", "question": "Who?"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(evaluate.EvalInputError, match=":2: ") as err:
        evaluate.load_questions(path)
    assert message in str(err.value)


def test_missing_file_and_missing_mode_are_errors(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 1
    assert "questions file not found" in one_error_line(capsys)
    assert main(["eval"]) == 1
    assert "give one of" in one_error_line(capsys)


def test_gold_free_files_load(tmp_path):
    jsonl = tmp_path / "q.jsonl"
    jsonl.write_text('{"question": "Who is Mehsud?"}\n{"id": 7, "question": "Why?"}\n', encoding="utf-8")
    assert [(q.id, q.answerable) for q in evaluate.load_questions(jsonl)] == [("q001", None), ("7", None)]
    csv = tmp_path / "q.csv"
    csv.write_text('question,answerable,must_include\n"Who, then?",true,mckenzie|frank\nWhy?,,\n', encoding="utf-8")
    first, second = evaluate.load_questions(csv)
    assert (first.question, first.answerable, first.must_include) == ("Who, then?", True, ("mckenzie", "frank"))
    assert (second.id, second.answerable, second.must_include) == ("q002", None, ())


def test_the_bundled_question_set_loads_and_filters():
    questions = evaluate.load_questions(QUESTIONS)
    assert len(questions) == 20 and all(q.kind for q in questions)
    picked = evaluate.select(questions, ["who,number", "fact"], limit=None)
    assert {q.kind for q in picked} == {"who", "number", "fact"}
    assert len(evaluate.select(questions, None, 3)) == 3
    with pytest.raises(evaluate.EvalInputError, match="no question of kind"):
        evaluate.select(questions, ["poetry"], None)


# --- results, reports, comparisons, thresholds (from saved lines, no model) ------------------------------


def make_record(
    qid: str, kind: str, text: str, quote: str, refused: bool = False, total: float = 1200.0, short: str = ""
) -> dict:
    start = TEXT.find(quote)
    at = TEXT.find(short) if short else -1
    short_answer = ShortAnswer(text=short, article="a.txt", start=at, end=at + len(short), marker=1) if short else None
    citations = [Citation(marker=1, article="a.txt", title="T", quote=quote, start=start, end=start + len(quote))]
    answerable = kind != "unanswerable"
    question = Question(
        qid,
        f"Question {qid} <b>bold</b>?",
        answerable,
        "McKenzie" if answerable else "",
        ("mckenzie",) if answerable else (),
        ({"file": "a.txt", "quote": QUOTE},) if answerable else (),
        kind,
    )
    ans = Answer(
        question=question.question,
        answer=text,
        refused=refused,
        citations=[] if refused else citations,
        evidence=citations,
        model="fake",
        timings_ms=Timings(total=total, first_token=None if refused else total / 2),
        usage=Usage(prompt_tokens=300, completion_tokens=20),
        short_answer=short_answer,
    )
    scores = score_answer(ans, question, TEXTS, 0.6, gold_spans(question.sources, TEXTS)[0])
    return evaluate.to_record(ans, question, scores)


def write_results(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def run_a(tmp_path) -> Path:
    return write_results(
        tmp_path / "a.jsonl",
        [
            make_record("p1", "who", "General Frank McKenzie said the Taliban were pretending [1].", QUOTE),
            make_record("p2", "who", "<script>alert(1)</script> | a pipe\nand a newline [1].", QUOTE),
            make_record("p3", "unanswerable", "The articles don't answer this.", QUOTE, refused=True, total=90.0),
        ],
    )


def test_results_lines_carry_the_public_object_id_and_scores(run_a):
    lines = [json.loads(line) for line in run_a.read_text().splitlines()]
    for line in lines:
        assert {"question", "answer", "refused", "citations", "model", "timings_ms", "id", "scores"} <= set(line)
    assert [line["scores"]["correct"] for line in lines] == [True, False, None]


def test_html_report_escapes_article_and_model_text(run_a, tmp_path, capsys):
    out = tmp_path / "rep" / "report.html"
    assert main(["eval", "--from-results", str(run_a), "--report", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert page.count("<table") == 5  # metrics, SQuAD, latency, kinds, worst questions
    for png in ("report-latency.png", "report-accuracy-by-kind.png"):
        assert (out.parent / png).read_bytes().startswith(b"\x89PNG") and f'src="{png}"' in page
    terminal = capsys.readouterr().out
    assert "answer accuracy (answerable)" in terminal and "50.0%" in terminal


def test_markdown_report_keeps_tables_intact(run_a, tmp_path):
    out = tmp_path / "report.md"
    assert main(["eval", "--from-results", str(run_a), "--report", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "## Metrics" in md and "## Worst 1 questions" in md and "![report-latency.png](report-latency.png)" in md
    worst_row = next(line for line in md.splitlines() if line.startswith("| p2 |"))
    assert "&lt;script&gt;" in worst_row and "\\| a pipe<br>and a newline" in worst_row
    assert worst_row.replace("\\|", "").count("|") == 9  # 8 columns


def test_report_needs_a_known_extension(run_a, tmp_path, capsys):
    assert main(["eval", "--from-results", str(run_a), "--report", str(tmp_path / "r.pdf")]) == 1
    assert "--report must end in" in one_error_line(capsys)


def test_thresholds_give_exit_code_3_and_name_the_metric(run_a, capsys):
    assert main(["eval", "--from-results", str(run_a), "--min-accuracy", "0.9", "--min-refusal", "1"]) == 3
    err = capsys.readouterr().err
    assert "threshold missed: accuracy 0.500 < 0.9" in err and "refusal_rate" not in err
    assert main(["eval", "--from-results", str(run_a), "--min-accuracy", "0.5", "--min-citation-validity", "1"]) == 0


def test_compare_prints_both_runs_with_deltas(run_a, tmp_path, capsys):
    b = write_results(
        tmp_path / "b.jsonl",
        [
            make_record("p1", "who", "General Frank McKenzie said the Taliban were pretending [1].", QUOTE),
            make_record("p2", "who", "Frank McKenzie said the Taliban were pretending [1].", QUOTE),
            make_record("p3", "unanswerable", "The articles don't answer this.", QUOTE, refused=True),
        ],
    )
    assert main(["eval", "--compare", str(run_a), str(b)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("answer accuracy"))
    assert row.split()[-4:] == ["50.0%", "100.0%", "+50.0", "pt"]


def test_results_file_must_hold_scores(run_a, tmp_path, capsys):
    path = write_results(tmp_path / "x.jsonl", [{"question": "Who?", "answer": "x"}])
    assert main(["eval", "--from-results", str(path)]) == 1
    assert f"{path}:1: not an `assistant eval --out` line" in one_error_line(capsys)
    line = json.loads(run_a.read_text().splitlines()[1])
    del line["scores"]["valid_citations"]
    path = write_results(tmp_path / "y.jsonl", [json.loads(run_a.read_text().splitlines()[0]), line])
    assert main(["eval", "--from-results", str(path)]) == 1
    assert f"{path}:2: an `assistant eval --out` line without valid_citations" in one_error_line(capsys)


def squad_run(path: Path) -> Path:
    """EM 1 (p1), EM 0 and F1 2/3 (p2: "Frank McKenzie" against "mckenzie": P 1/2, R 1), and two refusals of
    unanswerable questions (SQuAD 1 each) taking 100 ms (p3) and 500 ms (p4)."""
    said = "General Frank McKenzie said the Taliban were pretending [1]."
    return write_results(
        path,
        [
            make_record("p1", "who", f"McKenzie [1]\n\n{said}", QUOTE, short="McKenzie"),
            make_record("p2", "who", f"Frank McKenzie [1]\n\n{said}", QUOTE, short="Frank McKenzie"),
            make_record("p3", "unanswerable", "The articles don't answer this.", QUOTE, refused=True, total=100.0),
            make_record("p4", "unanswerable", "The articles don't answer this.", QUOTE, refused=True, total=500.0),
        ],
    )


def table_row(text: str, first_cell: str) -> list[str]:
    """The cells of the line of a text or Markdown table that starts with `first_cell`."""
    line = next(line for line in text.splitlines() if line.strip("| ").startswith(first_cell))
    return [cell for cell in re.split(r"\s{2,}|\s*\|\s*", line.strip("| ")) if cell]


def test_squad_em_f1_and_refusal_latency_in_the_terminal_and_markdown(tmp_path, capsys):
    run = squad_run(tmp_path / "s.jsonl")
    out = tmp_path / "s.md"
    assert main(["eval", "--from-results", str(run), "--report", str(out)]) == 0
    terminal, md = capsys.readouterr().out, out.read_text(encoding="utf-8")
    for text in (terminal, md):
        # EM and F1 side by side: overall (1 + 0 + 1 + 1) / 4 and (1 + 2/3 + 1 + 1) / 4.
        assert table_row(text, "all with gold") == ["all with gold", "75.0%", "91.7%", "4"]
        assert table_row(text, "answerable") == ["answerable", "50.0%", "83.3%", "2"]
        assert table_row(text, "unanswerable") == ["unanswerable", "100.0%", "100.0%", "2"]
        # p50 and p95 side by side; the time to a refusal over the two refusals only (numpy's percentiles).
        assert table_row(text, "refusals (time to a refusal)")[1:] == ["300", "480", "2"]
        assert table_row(text, "answers (not refused)")[1:] == ["1,200", "1,200", "2"]
    assert "## SQuAD 2.0 (short answer)" in md and "## Latency" in md and "a refusal scores 1" in md
    assert "| p2 | who | short answer F1 0.67 |" in md  # the worst question names its short answer's F1


def test_compare_and_thresholds_speak_squad(run_a, tmp_path, capsys):
    b = squad_run(tmp_path / "b.jsonl")
    assert main(["eval", "--compare", str(run_a), str(b)]) == 0
    out = capsys.readouterr().out
    # run_a has no short answers: its answerable questions score 0; its one refusal scores 1.
    assert table_row(out, "SQuAD EM (answerable)")[-3:] == ["0.0%", "50.0%", "+50.0 pt"]
    assert table_row(out, "SQuAD F1 (all with gold)")[-3:-1] == ["33.3%", "91.7%"]
    assert table_row(out, "time to a refusal p95 ms")[-3:-1] == ["90", "480"]
    assert main(["eval", "--from-results", str(b), "--min-exact-match", "0.8"]) == 3
    assert "threshold missed: squad_em 0.750 < 0.8" in capsys.readouterr().err
    assert main(["eval", "--from-results", str(b), "--min-exact-match", "0.75", "--min-f1", "0.9"]) == 0


def test_worst_questions_put_wrong_answers_first(run_a):
    records = evaluate.load_results(run_a)
    assert [r["id"] for r in report.worst(records)] == ["p2"]


# --- running the pipeline ------------------------------------------------------------------------------


class InterruptingLLM(FakeLLM):
    """Stands in for a user pressing Ctrl-C while the second answer is generated."""

    def stream(self, messages, max_tokens, grammar=None, usage=None):
        if self.calls:
            raise KeyboardInterrupt
        yield from super().stream(messages, max_tokens, grammar)


def test_ctrl_c_keeps_the_lines_already_written(shared_store: Settings, embedder, tmp_path):
    from assistant.app import App

    settings = shared_store.model_copy(update={"judge": "rules"})
    app = App(settings, llm=InterruptingLLM("Mumtaz Zahra Baloch declined to comment [1]."), embedder=embedder)
    questions = [q for q in evaluate.load_questions(QUESTIONS) if q.id in {"p07", "p01", "p04"}]
    out_path = tmp_path / "partial.jsonl"
    with out_path.open("w", encoding="utf-8") as out:
        records, interrupted = evaluate.run_questions(app, questions, out)
    assert interrupted and len(records) == 1
    assert [json.loads(line)["id"] for line in out_path.read_text().splitlines()] == ["p01"]


class FailingOnceLLM(FakeLLM):
    """A model server that times out on the second question only."""

    def stream(self, messages, max_tokens, grammar=None, usage=None):
        from assistant.errors import ModelError

        if len(self.calls) == 1:
            self.calls.append(messages)
            raise ModelError("the model server at http://127.0.0.1:9 did not answer in time (ASSISTANT_LLM_TIMEOUT)")
        yield from super().stream(messages, max_tokens, grammar)


def test_a_model_fault_on_one_question_is_recorded_and_the_run_goes_on(shared_store: Settings, embedder):
    from assistant.app import App

    settings = shared_store.model_copy(update={"judge": "rules"})
    app = App(settings, llm=FailingOnceLLM("Frank McKenzie said so [1].", "Mehsud said so [1]."), embedder=embedder)
    questions = [q for q in evaluate.load_questions(QUESTIONS) if q.id in {"p01", "p04", "p07"}]
    records, interrupted = evaluate.run_questions(app, questions, None)
    assert not interrupted and [r["id"] for r in records] == ["p01", "p04", "p07"]
    assert "did not answer in time" in records[1]["scores"]["error"]
    assert "error" not in records[0]["scores"] and "error" not in records[2]["scores"]
    assert all(r["mode"] in {"generated", "extractive", "refused"} for r in (records[0], records[2]))


@pytest.mark.slow
def test_end_to_end_run_writes_results_reports_and_plots(shared_store: Settings, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(shared_store.store_dir))
    lines = [line for line in QUESTIONS.read_text().splitlines() if json.loads(line)["id"] in {"p01", "p06", "p16"}]
    questions = tmp_path / "three.jsonl"
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results, md = tmp_path / "out" / "run.jsonl", tmp_path / "out" / "run.md"
    args = ["eval", str(questions), "--out", str(results), "--report", str(md), "--min-citation-validity", "1"]
    assert main(args) == 0
    records = [json.loads(line) for line in results.read_text().splitlines()]
    assert [r["id"] for r in records] == ["p01", "p06", "p16"]
    assert records[0]["scores"]["correct"] is True and "McKenzie" in records[0]["answer"]
    # Whatever the small model does with the unanswerable one, it is scored as unanswerable.
    assert records[2]["scores"]["answerable"] is False and records[2]["scores"]["correct"] is None
    # A refusal is recognisable from the answer text alone (README: exactly this sentence, no citations).
    refused = records[2]["answer"] == "The articles don't answer this." and not records[2]["citations"]
    assert records[2]["refused"] is refused and records[2]["scores"]["refused"] is refused
    assert all(r["scores"]["valid_citations"] == r["scores"]["citations"] for r in records)
    assert all(r["model"] and r["timings_ms"]["total"] > 0 for r in records)
    assert "## By question kind" in md.read_text(encoding="utf-8")
    html = tmp_path / "out" / "run.html"
    assert main(["eval", "--from-results", str(results), "--report", str(html)]) == 0
    assert "<h2>Metrics</h2>" in html.read_text(encoding="utf-8")
    for png in ("run-latency.png", "run-accuracy-by-kind.png"):
        assert (tmp_path / "out" / png).read_bytes().startswith(b"\x89PNG")
    assert "citation validity" in capsys.readouterr().out
