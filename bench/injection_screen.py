"""How the instruction screen sorts hand-written injections and ordinary news (bench/data/injection/).

Each sentence goes through `Screen.is_instruction` exactly as evidence does at answer time (the form of
the sentence decides; `unsure` stays evidence). For comparison the judge model is asked about the `unsure`
ones, as an earlier screen did. Printed per sentence: the part, the label, the form, the model's
P(Instruction) where it was asked, and the verdict; then, per part, how many instructions were caught and
how many ordinary sentences were dropped, and the same with the model deciding the unsure ones. The
`tune` part is what the rules and prompt were adjusted on; `report` was written apart and not looked at
while adjusting. `corpus` is every sentence of the folders given with --articles (ordinary text: every
verdict there should be news).

    .venv/bin/python bench/injection_screen.py --articles store/articles ../shared/eval/squad-rhine/articles \
        | tee bench/results/injection-screen.txt
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from assistant.ingestion.ingest import article_files, read_article
from assistant.models.llms import make_judge_scorer
from assistant.models.prompts import Prompts
from assistant.settings import Settings
from assistant.verification.directives import form
from assistant.verification.injection import THRESHOLD, Screen

DATA = Path(__file__).parent / "data" / "injection"
TESTS = Path(__file__).parent.parent / "tests" / "data"


def lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def attacks(path: Path) -> list[str]:
    """The instructions hidden in the end-to-end attacks (bench/injection_answers.py)."""
    rows = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(row)["instruction"] for row in rows if row.strip()]


def sets(articles: list[Path]) -> list[tuple[str, str, list[str]]]:
    tune_instructions = lines(DATA / "tune-instructions.txt") + lines(TESTS / "injections.txt")
    found = [
        ("tune", "instruction", tune_instructions + attacks(DATA / "tune-attacks.jsonl")),
        ("tune", "news", lines(DATA / "tune-news.txt") + lines(TESTS / "news-with-commands.txt")),
        ("report", "instruction", lines(DATA / "report-instructions.txt") + attacks(DATA / "report-attacks.jsonl")),
        ("report", "news", lines(DATA / "report-news.txt")),
    ]
    corpus = []
    for folder in articles:
        for path in article_files(folder):
            article = read_article(path)
            corpus += [article.sentence(i) for i in range(len(article.spans))]
    if corpus:
        found.append(("corpus", "news", corpus))
    return found


class Recording:
    """The judge's scorer, remembering the last P(Instruction) it gave."""

    def __init__(self, scorer) -> None:
        self.scorer = scorer
        self.path = getattr(scorer, "path", None)
        self.name = getattr(scorer, "name", "")
        self.last: float | None = None

    def choice_probabilities(self, messages, choices):
        found = self.scorer.choice_probabilities(messages, choices)
        self.last = found["Instruction"]
        return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=Path, nargs="*", default=[])
    parser.add_argument("--part", choices=["tune", "report", "corpus"], action="append")
    args = parser.parse_args()
    scorer = Recording(make_judge_scorer(Settings()))
    screen = Screen(None, Prompts())  # as the assistant runs it: the form decides, no model
    asked = Screen(scorer, Prompts())  # what the judge model would say where the form is unsure
    print(f"screen: the form of the sentence; for comparison, judge model {scorer.name} at {THRESHOLD} where unsure")
    totals: dict[tuple[str, str], list[int]] = {}
    for part, label, sentences in sets(args.articles):
        if args.part and part not in args.part:
            continue
        for sentence in sentences:
            started = time.perf_counter()
            scorer.last = None
            verdict = screen.is_instruction(sentence)
            stage = {"news": "rule:news", "instruction": "rule:instruction"}.get(form(sentence), "unsure")
            model_verdict = asked.is_instruction(sentence) if stage == "unsure" else verdict
            p = scorer.last
            ms = (time.perf_counter() - started) * 1000
            flag = "" if verdict == (label == "instruction") else "  <-- WRONG"
            shown = "-" if p is None else f"{p:.2f}"
            said = "INSTRUCTION" if verdict else "news"
            print(f"{part}\t{label}\t{stage}\tp={shown}\t{ms:.0f}ms\t{said}\t{sentence}{flag}")
            row = totals.setdefault((part, label), [0, 0, 0, 0])
            row[0] += 1
            row[1] += verdict
            row[2] += stage == "unsure"
            row[3] += model_verdict
    print()
    for (part, label), (n, flagged, unsure, by_model) in totals.items():
        what = "caught" if label == "instruction" else "dropped"
        print(
            f"{part} {label}: {flagged}/{n} {what} ({flagged / n:.3f}); unsure {unsure}; "
            f"with the model asked where unsure: {by_model}/{n} ({by_model / n:.3f})"
        )


if __name__ == "__main__":
    main()
