"""The judge model's score on the claims that short answers were verified as, split by right and wrong.

For every short answer in saved `assistant eval --out` results: the claim (`claims.statement` of the asked
clause and the short answer), the judge model's P(Yes) on it against the cited quote, and the claim's
words missing from the quote. A higher threshold is worth it only if it drops far more wrong answers
than right ones. Writes one JSON line per answer to OUT, then prints the counts per threshold.

    ASSISTANT_STORE_DIR=/tmp/store-squad ASSISTANT_ARTICLES_DIR=../shared/eval/squad-rhine/articles \
        python bench/answered_claim_scores.py OUT.jsonl RESULTS.jsonl QUESTIONS.jsonl [RESULTS QUESTIONS ...]

Last lines: key=value per threshold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant import text as tx
from assistant.app import App
from assistant.verification.citations import main_clause
from assistant.verification.claims import statement


def _lines(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def main(out: Path, pairs: list[str]) -> int:
    judge = App().assistant.judge
    rows = []
    for results, questions in zip(pairs[::2], pairs[1::2], strict=True):
        gold = {q["id"]: q for q in _lines(questions)}
        for r in _lines(results):
            short = r.get("short_answer")
            if not short:
                continue
            asked_for = gold[r["id"]]
            asked = main_clause(asked_for["question"])
            quote = r["citations"][0]["quote"]
            claim = statement(asked, short["text"])
            wanted = tx.terms(claim) - tx.terms(short["text"])
            rows.append(
                {
                    "id": r["id"],
                    "right": bool(asked_for["answerable"] and r["scores"].get("correct")),
                    "answerable": asked_for["answerable"],
                    "score": judge.score(asked, claim, [quote]),
                    "missing": sorted(wanted - tx.terms(quote)),
                    "claim": claim,
                    "quote": quote,
                }
            )
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    for t in (0.6, 0.7, 0.8, 0.9):
        kept_right = sum(row["right"] and row["score"] >= t for row in rows)
        kept_wrong = sum(not row["right"] and row["score"] >= t for row in rows)
        print(f"threshold={t} answers={len(rows)} right_kept={kept_right} wrong_kept={kept_wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
