"""Two ways to ask the judge model whether a sentence answers a question, on the calibration pairs of
`answerability_calibration.py` (gold quotes against on-topic non-answers), model scores only (no rules).

- `yes_no`: the previous prompt, "Does the passage answer the question?", scored P(Yes) against P(No).
- `qa_none`: "reply with the few words that answer, or NONE", scored 1 - P(first token is NONE).

    .venv/bin/python bench/answerability_prompts.py eval/questions.jsonl eval/questions-more.jsonl \
        --out bench/results/answerability-prompts.jsonl

Output of the run behind the README's figures: bench/results/answerability-prompts.txt.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from answerability_calibration import auc, pairs

from assistant.app import App
from assistant.models.prompts import Prompts
from assistant.verification.copying import NO_ANSWER

YES_NO_SYSTEM = (
    "You decide whether a passage from a news article answers a question. Reply with one word: Yes or No.\n"
    "Reply Yes only if the passage itself states what the question asks for: the person, number, date, "
    "place, reason or event asked about. Reply No if the passage is only about the same topic, answers a "
    "different question, or the question's premise is not what the passage says."
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = App()
    app.ensure_ingested()
    scorer, prompts = app.judge.scorer, Prompts()
    rows = []
    with args.out.open("w", encoding="utf-8") as out:
        for qid, kind, question, passage, answers in pairs(app, args.questions):
            yes_no = [
                {"role": "system", "content": YES_NO_SYSTEM},
                {
                    "role": "user",
                    "content": f"Question: {question}\nPassage: {passage}\nDoes the passage answer the question?",
                },
            ]
            qa = [
                {"role": "system", "content": prompts.text("answers_system")},
                {"role": "user", "content": prompts.render("answers", question=question, passage=passage)},
            ]
            row = {
                "id": qid,
                "kind": kind,
                "answers": answers,
                "yes_no": round(scorer.choice_probabilities(yes_no, ("Yes", "No"))["Yes"], 4),
                "qa_none": round(1 - scorer.reply_probability(qa, NO_ANSWER), 4),
            }
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()
    for name in ("yes_no", "qa_none"):
        print(f"{name}: AUC {auc(rows, name):.3f} over {len(rows)} pairs")


if __name__ == "__main__":
    main()
