"""Probe: can the judge model tell a fragment from a sentence? P("Yes") to "is this one complete sentence?".

For every claim of the pair files given: the model's probability of "Yes" (renormalised over Yes/No) and the
seconds it took. Written for the twenty-seventh session's fragments on new text; the answer was no (see
docs/judge-structure-and-short-answers.md), so nothing in `assistant/` uses it.

    python bench/grammar_check_probe.py eval/judge/fresh-6-dev.jsonl ... > OUT.tsv

Output: one tab-separated line per claim: id, type, P(Yes), seconds, claim.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SYSTEM = "You check grammar. Answer with one word: Yes or No."
ASK = (
    "Is the following text one complete English sentence, with its own subject and main verb, that makes a "
    "statement on its own (not a cut-off phrase, a bare noun phrase or a clause without its subject)?"
    "\n\nText: {claim}\n\nAnswer Yes or No."
)


def main(files: list[str]) -> None:
    from assistant.app import App

    model = App().judge.scorer
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            started = time.perf_counter()
            messages = [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": ASK.format(claim=pair["claim"])},
            ]
            p = model.choice_probabilities(messages, ["Yes", "No"])
            yes = p["Yes"] / max(1e-9, p["Yes"] + p["No"])
            spent = time.perf_counter() - started
            print(f"{pair['id']}\t{pair['type']}\t{yes:.3f}\t{spent:.2f}\t{pair['claim'][:100]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
