"""`assistant check`: fact-check one claim against the articles, or judge labelled claim/quote pairs.

A claim is *supported* when an evidence sentence passes the judge for it, *contradicted* when a sentence
about the same thing states otherwise (it denies what the claim asserts, gives another number, or only
calls possible what the claim calls certain), and *not found* otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from .. import text as tx
from ..errors import AssistantError
from ..schema import Citation, Evidence
from .judge import Judge, Verdict, contradicts
from .short import context

EXIT_OK, EXIT_ERROR = 0, 1
CHECK_SENTENCES = 4  # evidence sentences judged for one claim


class PairsInputError(AssistantError):
    """A labelled-pairs file is missing or malformed."""


class Pair(BaseModel):
    id: str
    question: str = ""
    claim: str
    quotes: list[str]
    label: Literal["supported", "unsupported"] | None = None
    type: str = ""
    context: list[str] = []  # sentences around the quotes in their articles (what a pronoun refers to)


class CheckResult(BaseModel):
    claim: str
    status: Literal["supported", "contradicted", "not found"]
    reason: str
    score: float
    citations: list[Citation]


# --- labelled pairs ---------------------------------------------------------------------------------------


def load_pairs(path: Path) -> list[Pair]:
    """Lines like `../shared/eval/support.jsonl`; a malformed line stops with `file:line`."""
    if not path.is_file():
        raise PairsInputError(f"pairs file not found: {path}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise PairsInputError(f"{path} is not UTF-8 text") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise PairsInputError(f"{where}: not JSON ({err.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("claim"), str) or not row["claim"].strip():
            raise PairsInputError(f"{where}: needs a non-empty string `claim`")
        quotes = row.get("quotes")
        if not isinstance(quotes, list) or not quotes:
            raise PairsInputError(f"{where}: needs `quotes`, a non-empty list of {{file, quote}}")
        texts = [q.get("quote") if isinstance(q, dict) else q for q in quotes]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise PairsInputError(f"{where}: every quote must be a non-empty string or {{file, quote}}")
        label = row.get("label")
        if label not in (None, "supported", "unsupported"):
            raise PairsInputError(f"{where}: label must be supported or unsupported, not {label!r}")
        pairs.append(
            Pair(
                id=str(row.get("id", number)),
                question=str(row.get("question") or ""),
                claim=row["claim"],
                quotes=texts,
                label=label,
                type=str(row.get("type") or ""),
                context=[c for c in row.get("context") or [] if isinstance(c, str)],
            )
        )
    if not pairs:
        raise PairsInputError(f"{path}: no pairs")
    return pairs


def judge_pairs(judge: Judge, pairs: Sequence[Pair]) -> Iterator[tuple[Pair, Verdict]]:
    for pair in pairs:
        yield pair, judge.judge(pair.question, pair.claim, pair.quotes, pair.context)


def pair_metrics(rows: Sequence[tuple[Pair, Verdict]]) -> dict[str, dict[str, float | int | None]]:
    """Precision, recall and balanced accuracy of "supported", overall and per type (labelled rows)."""
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for pair, verdict in rows:
        if pair.label is None:
            continue
        outcome = (pair.label == "supported", verdict.supported)
        groups["all"].append(outcome)
        groups[pair.type or "(none)"].append(outcome)
    return {name: _rates(outcomes) for name, outcomes in groups.items()}


def _rates(outcomes: list[tuple[bool, bool]]) -> dict[str, float | int | None]:
    tp = sum(gold and said for gold, said in outcomes)
    fp = sum(not gold and said for gold, said in outcomes)
    fn = sum(gold and not said for gold, said in outcomes)
    tn = sum(not gold and not said for gold, said in outcomes)
    recall = tp / (tp + fn) if tp + fn else None
    specificity = tn / (tn + fp) if tn + fp else None
    parts = [x for x in (recall, specificity) if x is not None]
    return {
        "n": len(outcomes),
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": recall,
        "balanced_accuracy": sum(parts) / len(parts) if parts else None,
        "certified_false": fp,
        "rejected_true": fn,
    }


def metrics_table(metrics: dict[str, dict[str, float | int | None]]) -> str:
    def fmt(value: float | int | None) -> str:
        return "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))

    head = "| type | n | precision | recall | balanced acc. | false certified | true rejected |"
    lines = [head, "|---|---|---|---|---|---|---|"]
    order = ["all"] + sorted(k for k in metrics if k != "all")
    for name in order:
        m = metrics[name]
        cells = [m["n"], m["precision"], m["recall"], m["balanced_accuracy"], m["certified_false"], m["rejected_true"]]
        lines.append(f"| {name} | " + " | ".join(fmt(c) for c in cells) + " |")
    return "\n".join(lines)


def reasons_table(rows: Sequence[tuple[Pair, Verdict]]) -> str:
    """Why claims were rejected, per type: each reason's kind ("name not in the quote", "the quote gives
    another role ...") and how often; a rejected true claim is marked, so a reader sees what went wrong."""
    counts: dict[tuple[str, str, bool], int] = defaultdict(int)
    for pair, verdict in rows:
        if verdict.supported:
            continue
        kind = verdict.reason.split(":")[0].split(" (")[0].strip()
        counts[(pair.type or "(none)", kind, pair.label == "supported")] += 1
    lines = ["| type | why rejected | n | of them true claims |", "|---|---|---|---|"]
    for type_, kind in sorted({(t, k) for t, k, _ in counts}):
        n_false, n_true = counts.get((type_, kind, False), 0), counts.get((type_, kind, True), 0)
        lines.append(f"| {type_} | {kind} | {n_false + n_true} | {n_true} |")
    return "\n".join(lines)


# --- one claim against the articles ---------------------------------------------------------------------


def check_claim(app, claim: str) -> CheckResult:
    """Retrieve evidence for the claim and judge it against each of the closest sentences."""
    claim = " ".join(claim.split())
    if not claim:
        raise PairsInputError("the claim is empty")
    hits = app.retriever.search(claim, CHECK_SENTENCES)
    contradiction: tuple[Verdict, Citation] | None = None
    best: tuple[Verdict, Citation] | None = None
    for hit in hits:
        quote = hit.article.sentence(hit.index)
        start, end = hit.article.spans[hit.index]
        citation = Citation(
            marker=1, article=hit.article.file, title=hit.article.title, quote=quote, start=start, end=end
        )
        # The sentences around the quote name what its "he" or "the group" refers to.
        around = context(Evidence(number=1, article=hit.article, index=hit.index))
        verdict = app.judge.judge("", claim, [quote], around)
        if verdict.supported:
            return CheckResult(
                claim=claim, status="supported", reason=verdict.reason, score=verdict.score, citations=[citation]
            )
        # A sentence that shares most of the claim's words but says otherwise contradicts it.
        if contradiction is None and contradicts(verdict.reason) and tx.overlap(claim, quote) >= 0.5:
            contradiction = (verdict, citation)
        if best is None:
            best = (verdict, citation)
    if contradiction is not None:
        verdict, citation = contradiction
        return CheckResult(
            claim=claim, status="contradicted", reason=verdict.reason, score=verdict.score, citations=[citation]
        )
    reason = best[0].reason if best else "nothing in the articles is about it"
    return CheckResult(
        claim=claim, status="not found", reason=reason, score=best[0].score if best else 0.0, citations=[]
    )


# --- the command ----------------------------------------------------------------------------------------


def add_check_command(sub) -> None:
    p = sub.add_parser("check", help="fact-check a claim against the articles, or judge labelled pairs")
    p.add_argument("claim", nargs="?", help="one sentence to check")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--pairs", type=Path, help="judge claim/quote pairs (JSONL like support.jsonl), no retrieval")
    p.add_argument("--out", type=Path, help="with --pairs: one verdict line per pair")
    p.set_defaults(run=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..app import App, ready_app

    if (args.claim is None) == (args.pairs is None):
        raise PairsInputError("give either a CLAIM or --pairs FILE")
    if args.pairs is not None:
        pairs = load_pairs(args.pairs)
        app = App()
        return _run_pairs(app.judge, pairs, args.out)
    app = ready_app()
    result = check_claim(app, args.claim)
    if args.json:
        print(json.dumps(result.model_dump(), ensure_ascii=False))
        return EXIT_OK
    print(f"{result.status}: {result.reason}")
    for c in result.citations:
        print(f"  {c.title} ({c.article}, characters {c.start}-{c.end})")
        print(f"    “{c.quote}”")
    return EXIT_OK


def _run_pairs(judge: Judge, pairs: Sequence[Pair], out_path: Path | None) -> int:
    from tqdm import tqdm

    rows: list[tuple[Pair, Verdict]] = []
    out = None
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out = out_path.open("w", encoding="utf-8")
    try:
        for pair, verdict in tqdm(judge_pairs(judge, pairs), total=len(pairs), desc="check", file=sys.stderr):
            rows.append((pair, verdict))
            if out is not None:
                line = {"id": pair.id, "supported": verdict.supported, "score": verdict.score, "reason": verdict.reason}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        if out is not None:
            out.close()
    print(f"judge: {judge.name}")
    metrics = pair_metrics(rows)
    if metrics:
        print(metrics_table(metrics))
        print()
        print(reasons_table(rows))
        for pair, verdict in rows:
            if pair.label == "unsupported" and verdict.supported:
                print(f"certified a false claim: {pair.id} [{pair.type}] ({verdict.reason})")
    else:
        print(f"{sum(v.supported for _, v in rows)} of {len(rows)} supported (no labels)")
    return EXIT_OK
