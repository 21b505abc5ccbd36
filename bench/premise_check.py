"""What the judge model makes of each public why- or since-question's assumption, for choosing
`premises.CONFIRMED`.

For every question with an assumption (`premises.assumption`), the evidence is built with the same
retriever and budget as `ask` (tokens counted approximately, as in `retrieval_recall.py`) and the judge
model is asked the assumption of each of the closest sentences; the highest P(Yes) is printed with the
question's kind (`adversarial` questions rest on a false premise), and whether it clears the threshold.
No answer is written.

    .venv/bin/python bench/premise_check.py eval/questions.jsonl eval/questions-more.jsonl \
        | tee bench/results/premise-check.txt
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.app import App
from assistant.evaluation.evaluate import load_questions
from assistant.retrieval.retrieve import build_evidence
from assistant.verification import citations as cite
from assistant.verification.premises import ASSUMPTION_SENTENCES, CONFIRMED, assumption, closest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    args = parser.parse_args()
    app = App()
    app.ensure_ingested()
    rows = 0
    for path in args.questions:
        for q in load_questions(path):
            question = cite.asked(q.question)
            assumed = assumption(question)
            if not assumed:
                continue
            hits = app.retriever.search(question, app.settings.top_k)
            evidence = build_evidence(hits, app.settings.evidence_tokens)
            scores = [app.judge.confirms(assumed, ev.text) for ev in closest(assumed, evidence, ASSUMPTION_SENTENCES)]
            best = max(scores, default=0.0)
            rows += 1
            verdict = "confirmed" if best >= CONFIRMED else "unconfirmed"
            print(f"{q.id} {q.kind:<12} max_p_yes={best:.2f} {verdict:<11} {assumed}")
    print(f"questions={rows} threshold={CONFIRMED}")


if __name__ == "__main__":
    main()
