"""Which form of "question + short answer" the judge model tells true from false best.

The short answer is verified by putting the question with the answer in place to the support judge. The
composed claim (`claims.statement`) is sometimes garbled where a question's subject is long ("Two does
thirds of the Rhine flow ..."). This scores, on the judge's development pairs built from SQuAD questions
(types `answer_statement`, true, and `plausible_statement`, a near miss's careless answer), the composed
claim and the plain form `The answer to "<question>" is <answer>.`, each against the same quote, and
reports the separation (AUC) of each and of their mean and minimum.

    python bench/claim_form.py eval/judge/tune.jsonl ../shared/eval/squad-rhine/questions-all.jsonl \
        > bench/results/claim-form-tune.txt

Last line: key=value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.answering.citations import main_clause  # noqa: E402
from assistant.answering.judge import rule_failure  # noqa: E402
from assistant.app import App  # noqa: E402

TYPES = {"answer_statement": True, "plausible_statement": False}


def auc(pos: list[float], neg: list[float]) -> float:
    pairs = [(p > n) + 0.5 * (p == n) for p in pos for n in neg]
    return sum(pairs) / len(pairs) if pairs else 0.0


def main() -> None:
    pairs = [json.loads(x) for x in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
    squad = [json.loads(x) for x in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()]
    answers = {q["id"]: q["answer"] if q["answerable"] else q.get("plausible_answer", "") for q in squad}
    judge = App().judge
    rows = []
    for pair in pairs:
        if pair["type"] not in TYPES:
            continue
        question, quotes = pair["question"], [q["quote"] for q in pair["quotes"]]
        composed = pair["claim"]
        answer = answers.get(pair["id"], "")
        if not answer:
            continue
        plain = f'The answer to "{main_clause(question).rstrip(" ?")}?" is {answer}.'
        ruled = rule_failure(composed, quotes, question, 0.2, None, pair.get("context", []), composed=True)
        a = judge.score(question, composed, quotes)
        b = judge.score(question, plain, quotes)
        rows.append((TYPES[pair["type"]], bool(ruled), a, b))
        print(f"{pair['type']}\t{'rule' if ruled else '-'}\t{a:.3f}\t{b:.3f}\t{composed}\t{plain}", flush=True)
    summary = []
    for label, only in (("all", lambda r: True), ("rules_pass", lambda r: not r[1])):
        part = [r for r in rows if only(r)]
        for name, f in (
            ("composed", lambda r: r[2]),
            ("plain", lambda r: r[3]),
            ("mean", lambda r: (r[2] + r[3]) / 2),
            ("min", lambda r: min(r[2], r[3])),
        ):
            value = auc([f(r) for r in part if r[0]], [f(r) for r in part if not r[0]])
            true, false = sum(r[0] for r in part), sum(not r[0] for r in part)
            print(f"{label} {name}: AUC {value:.3f} (true {true}, false {false})")
            summary.append(f"{label}_{name}={value:.3f}")
    print(" ".join(summary))


if __name__ == "__main__":
    main()
