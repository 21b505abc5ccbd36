"""`assistant eval`: run a question set through the pipeline and score answers and citations.

    assistant eval QUESTIONS [--out results.jsonl] [--report report.md|report.html] [--limit N] [--kinds a,b]
    assistant eval --from-results results.jsonl [--report report.html]
    assistant eval --compare A.jsonl B.jsonl

The metrics are defined in `assistant.evaluation.metrics`; the report is written by `assistant.evaluation.report`.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import random
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from ..errors import AssistantError, ModelError, QuestionError
from . import metrics, report
from .metrics import Question

EXIT_OK, EXIT_INTERRUPTED, EXIT_THRESHOLD = 0, 130, 3

# option, metric, whether the metric must be at least (True) or at most (False) the given fraction
THRESHOLDS = (
    ("min_accuracy", "accuracy", True),
    ("min_refusal", "refusal_rate", True),
    ("max_false_refusal", "false_refusal_rate", False),
    ("min_citation_validity", "citation_validity", True),
    ("min_gold_hit", "gold_hit", True),
    ("min_citation_recall", "citation_recall", True),
    ("min_citation_precision", "citation_precision", True),
    ("min_retrieval_recall", "retrieval_recall", True),
    ("min_exact_match", "squad_em", True),
    ("min_f1", "squad_f1", True),
)
# The fields a question line may carry; a near miss of one of them ("must_includes") is an error, since
# it would silently drop the gold. Other fields (notes, sources' extras) are the file's own business.
# What the summary and the report read from every saved line's scores (older lines lack only newer ones).
RESULT_SCORES = ("refused", "citations", "valid_citations", "sentences", "supported_sentences", "cited")
RESULT_SCORES += ("needed_citations", "evidence_sentences")
FIELDS = ("id", "question", "answerable", "answer", "must_include", "sources", "kind", "plausible_answer")


class EvalInputError(AssistantError):
    """A question or results file that cannot be used."""


# --- question files ----------------------------------------------------------------------------------------


def load_questions(path: Path) -> list[Question]:
    """Questions from JSONL (one object a line) or CSV (a `question` column); every error names file:line."""
    if not path.is_file():
        raise EvalInputError(f"questions file not found: {path}")
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _jsonl_rows(path)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        question = _question(row, f"{path}:{line}", default_id=f"q{len(questions) + 1:03d}")
        if question.id in seen:
            raise EvalInputError(f"{path}:{line}: duplicate id {question.id!r} (first on line {seen[question.id]})")
        seen[question.id] = line
        questions.append(question)
    if not questions:
        raise EvalInputError(f"{path}: no questions")
    return questions


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise EvalInputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    for line_no, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalInputError(
                f"{path}:{line_no}: not valid JSON ({err.msg} at column {err.colno}); "
                "the file needs one JSON object a line"
            ) from None
        if not isinstance(row, dict):
            raise EvalInputError(f"{path}:{line_no}: expected a JSON object, got {type(row).__name__}")
        yield line_no, row


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(_read(path).splitlines())
    if "question" not in (reader.fieldnames or []):
        raise EvalInputError(f"{path}:1: CSV needs a 'question' column (found: {', '.join(reader.fieldnames or [])})")
    for row in reader:
        if not any((value or "").strip() for value in row.values()):
            continue
        yield reader.line_num, _csv_values(row, f"{path}:{reader.line_num}")


def _csv_values(row: dict[str, str], where: str) -> dict:
    """CSV cells as JSONL values: answerable true/false, must_include separated by `|`."""
    values: dict = {k: (v or "").strip() for k, v in row.items() if k and (v or "").strip()}
    if "answerable" in values:
        flag = values["answerable"].lower()
        if flag not in {"true", "false", "yes", "no", "1", "0"}:
            raise EvalInputError(f"{where}: answerable must be true or false, got {values['answerable']!r}")
        values["answerable"] = flag in {"true", "yes", "1"}
    if "must_include" in values:
        values["must_include"] = [s.strip() for s in values["must_include"].split("|") if s.strip()]
    return values


def _question(row: Mapping, where: str, default_id: str) -> Question:
    text = row.get("question")
    if not isinstance(text, str) or not text.strip():
        raise EvalInputError(f'{where}: missing "question" (a non-empty string)')
    qid = row.get("id", default_id)
    if not isinstance(qid, str | int) or isinstance(qid, bool) or not str(qid).strip():
        raise EvalInputError(f'{where}: "id" must be a non-empty string')
    answerable = row.get("answerable")
    if answerable is not None and not isinstance(answerable, bool):
        raise EvalInputError(f'{where}: "answerable" must be true or false')
    must = row.get("must_include", [])
    if not isinstance(must, list) or not all(isinstance(s, str) for s in must):
        raise EvalInputError(f'{where}: "must_include" must be a list of strings')
    sources = row.get("sources", [])
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and isinstance(s.get("file"), str) and isinstance(s.get("quote"), str) and s["quote"]
        for s in sources
    ):
        raise EvalInputError(f'{where}: "sources" must be a list of {{"file": ..., "quote": ...}} (quote not empty)')
    if answerable is not True and must:
        raise EvalInputError(f'{where}: "must_include" needs "answerable": true (gold of an answerable question)')
    if any(not s.strip() for s in must):
        raise EvalInputError(f'{where}: "must_include" holds an empty string')
    for key in ("answer", "kind", "plausible_answer"):
        if not isinstance(row.get(key, ""), str):
            raise EvalInputError(f'{where}: "{key}" must be a string')
    for key in row:
        near = difflib.get_close_matches(str(key), FIELDS, n=1, cutoff=0.8)
        if key not in FIELDS and near:
            raise EvalInputError(f'{where}: unknown field "{key}" (did you mean "{near[0]}"?)')
    return Question(
        id=str(qid).strip(),
        question=text,
        answerable=answerable,
        answer=row.get("answer", ""),
        must_include=tuple(must),
        sources=tuple({"file": s["file"], "quote": s["quote"]} for s in sources),
        kind=row.get("kind", ""),
        plausible_answer=row.get("plausible_answer", ""),
    )


def select(questions: list[Question], kinds: Sequence[str] | None, limit: int | None) -> list[Question]:
    if kinds:
        wanted = {k.strip() for group in kinds for k in group.split(",") if k.strip()}
        questions = [q for q in questions if q.kind in wanted]
        if not questions:
            raise EvalInputError(f"no question of kind {', '.join(sorted(wanted))}")
    return questions[:limit] if limit is not None else questions


# --- running -----------------------------------------------------------------------------------------------


def to_record(answer, question: Question, scores: dict) -> dict:
    """One results line: the `ask --json` object, the id, its scores and what the report needs."""
    record = answer.public()
    record.update(
        id=question.id,
        kind=question.kind,
        scores=scores,
        first_token_ms=answer.timings_ms.first_token,
        prompt_tokens=answer.usage.prompt_tokens,
        completion_tokens=answer.usage.completion_tokens,
        model_calls=answer.usage.model_calls,
        gold=_gold(question),
        evidence=[{"article": e.article, "start": e.start, "end": e.end} for e in answer.evidence],
        dropped=answer.dropped,
    )
    return record


def _gold(question: Question) -> dict | None:
    if question.answerable is None:
        return None
    gold = {"answer": question.answer, "must_include": list(question.must_include)}
    if question.plausible_answer:
        gold["plausible_answer"] = question.plausible_answer
    return gold


def run_questions(app, questions: Sequence[Question], out: TextIO | None) -> tuple[list[dict], bool]:
    """Ask every question once; each line is written and flushed as it is scored. Returns (records,
    interrupted): Ctrl-C stops the run but keeps what was done."""
    from tqdm import tqdm

    from ..schema import Answer, Timings

    texts = texts_on_disk(app)
    gold = {}
    for q in questions:
        gold[q.id], missing = metrics.gold_spans(q.sources, texts)
        for note in missing:
            print(f"warning: {q.id}: gold quote not found in the index ({note})", file=sys.stderr)
    threshold = app.settings.support_threshold
    records: list[dict] = []
    bar = tqdm(questions, desc="eval", unit="q", file=sys.stderr, dynamic_ncols=True)
    try:
        for q in bar:
            try:
                answer = app.assistant.ask(q.question)
                error = ""
            # An unusable question or a model fault (timeout, server down) is this question's result,
            # not the end of the run.
            except (QuestionError, ModelError) as err:
                answer = Answer(
                    question=q.question, answer="", refused=False, citations=[], model="", timings_ms=Timings()
                )
                error = str(err)

            def judged(sentence: str, quotes: Sequence[str], question: str = q.question) -> bool:
                return app.judge.judge(question, sentence, list(quotes)).supported

            scores = metrics.score_answer(answer, q, texts, threshold, gold[q.id], judge=judged)
            if error:
                scores["error"] = error
            records.append(to_record(answer, q, scores))
            if out is not None:
                out.write(json.dumps(records[-1], ensure_ascii=False) + "\n")
                out.flush()
            bar.set_postfix_str(_tally(records), refresh=False)
    except KeyboardInterrupt:
        return records, True
    finally:
        bar.close()
    return records, False


def texts_on_disk(app) -> dict[str, str]:
    """Each indexed article's text read again from its file, so that citation validity is checked against
    what is on disk, not against the index's own copy; a file gone from disk checks against nothing."""
    from ..errors import IngestError
    from ..ingestion.ingest import read_article

    texts = {}
    for article in app.index.articles().values():
        path = app.settings.articles_dir / article.file
        try:
            texts[article.file] = read_article(path, app.settings.max_file_mb).text
        except (IngestError, OSError):
            print(
                f"warning: {article.file} is indexed but not readable in {app.settings.articles_dir}", file=sys.stderr
            )
    return texts


def _tally(records: Sequence[dict]) -> str:
    judged = [r["scores"]["correct"] for r in records if r["scores"].get("correct") is not None]
    refused = sum(r["scores"]["refused"] for r in records)
    accuracy = f"{sum(judged)}/{len(judged)}" if judged else "-"
    em = [r["scores"]["exact_match"] for r in records if r["scores"].get("exact_match") is not None]
    squad = f", EM {sum(em) / len(em):.2f}" if em else ""
    return f"correct {accuracy}, refused {refused}{squad}"


def load_results(path: Path) -> list[dict]:
    """Saved results lines (from --out); each must carry the scores the summary is recomputed from."""
    if not path.is_file():
        raise EvalInputError(f"results file not found: {path}")
    records = []
    for line_no, row in _jsonl_rows(path):
        if not isinstance(row.get("scores"), dict) or not isinstance(row.get("timings_ms"), dict):
            raise EvalInputError(f"{path}:{line_no}: not an `assistant eval --out` line (no scores)")
        missing = [k for k in RESULT_SCORES if k not in row["scores"]]
        missing += [k for k in ("question", "answer") if k not in row]
        if missing or not isinstance(row["timings_ms"].get("total"), int | float):
            what = ", ".join(missing) or "timings_ms.total"
            raise EvalInputError(f"{path}:{line_no}: an `assistant eval --out` line without {what}")
        records.append(row)
    if not records:
        raise EvalInputError(f"{path}: no results")
    return records


def missed_thresholds(summary: Mapping, args: argparse.Namespace) -> list[str]:
    missed = []
    for option, key, at_least in THRESHOLDS:
        limit = getattr(args, option, None)
        if limit is None:
            continue
        value = summary.get(key)
        if value is None:
            missed.append(f"{key} could not be measured (needs gold), --{option.replace('_', '-')} {limit}")
        elif (value < limit) if at_least else (value > limit):
            sign = "<" if at_least else ">"
            missed.append(f"{key} {value:.3f} {sign} {limit} (--{option.replace('_', '-')})")
    return missed


# --- the command -------------------------------------------------------------------------------------------


def add_eval_command(sub) -> None:
    """Register `assistant eval` on the CLI's sub-parsers."""
    p = sub.add_parser("eval", help="score answers and citations on a question set")
    p.add_argument("questions", nargs="?", type=Path, help="JSONL (like eval/questions.jsonl) or CSV with 'question'")
    p.add_argument("--out", type=Path, help="write one JSON line per question (ask --json + id + scores)")
    p.add_argument("--report", type=Path, help="write a report: .md or .html (plots as PNGs beside it)")
    p.add_argument("--limit", type=_positive, help="only the first N questions")
    p.add_argument("--kinds", action="append", help="only these kinds, comma-separated (repeatable)")
    p.add_argument("--shuffle", type=int, metavar="SEED", help="ask the questions in a random order (seeded)")
    p.add_argument("--from-results", type=Path, metavar="RESULTS", help="report on saved results, ask nothing")
    p.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="two saved runs side by side")
    for option, key, at_least in THRESHOLDS:
        word = "below" if at_least else "above"
        p.add_argument(f"--{option.replace('_', '-')}", type=_fraction, help=f"exit 3 if {key} is {word} this")
    p.set_defaults(run=cmd_eval)


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a fraction between 0 and 1")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def cmd_eval(args: argparse.Namespace) -> int:
    modes = sum(x is not None for x in (args.questions, args.compare, args.from_results))
    if modes != 1:
        raise EvalInputError("give one of: a questions file, --from-results RESULTS, --compare A B")
    if args.report is not None and args.report.suffix.lower() not in report.FORMATS:
        raise EvalInputError(f"--report must end in {', '.join(report.FORMATS)}: {args.report}")
    if args.compare:
        a, b = (load_results(p) for p in args.compare)
        print(report.comparison(a, b, [str(p) for p in args.compare]))
        return EXIT_OK
    if args.from_results:
        records = load_results(args.from_results)
        return _finish(records, args, {"source": str(args.from_results)}, interrupted=False)
    questions = select(load_questions(args.questions), args.kinds, args.limit)
    from ..app import ready_app

    app = ready_app()
    if args.shuffle is not None:
        # Answers must not depend on what was asked before: a shuffled run must score the same.
        random.Random(args.shuffle).shuffle(questions)
    meta = {"source": str(args.questions), "judge": app.judge.name, "shuffle": args.shuffle}
    if args.out is None:
        records, interrupted = run_questions(app, questions, None)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as out:
            records, interrupted = run_questions(app, questions, out)
    if interrupted:
        print(f"interrupted: {len(records)} of {len(questions)} questions done", file=sys.stderr)
    return _finish(records, args, meta, interrupted)


def _finish(records: list[dict], args: argparse.Namespace, meta: dict, interrupted: bool) -> int:
    if not records:
        return EXIT_INTERRUPTED if interrupted else EXIT_OK
    meta = {
        "model": next((r["model"] for r in records if r.get("model")), ""),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        **meta,
        "partial": interrupted,
    }
    print(report.terminal(records, meta))
    if args.report is not None:
        written = report.write(args.report, records, meta)
        print(f"report: {', '.join(str(p) for p in written)}", file=sys.stderr)
    if args.out is not None and not args.from_results:
        print(f"results: {args.out}", file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    missed = missed_thresholds(metrics.summarise(records), args)
    for line in missed:
        print(f"threshold missed: {line}", file=sys.stderr)
    return EXIT_THRESHOLD if missed else EXIT_OK
