"""Where the gold sentence of a span question stands among the candidates quoting judges.

For every answerable question a span answers: the gold sentence's place (first / among the three judged /
anywhere in the pool) when candidates are ranked as `quoting.candidates` ranks them now (each asked word
by its rarity among the sentences retrieved) and when each word counts one (the order before). Retrieval
only, no model call.

    ASSISTANT_STORE_DIR=/tmp/store-squad ASSISTANT_ARTICLES_DIR=../shared/eval/squad-rhine/articles \\
        python bench/candidate_order.py eval/squad-dev/dev-120.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    args = parser.parse_args()

    from assistant import text as tx
    from assistant.answering import quoting
    from assistant.answering.plan import plan
    from assistant.app import App
    from assistant.retrieval.retrieve import build_evidence
    from assistant.verification import citations as cite

    assistant = App().assistant
    judged = quoting.SPAN_CANDIDATES
    for path in args.questions:
        figures = {"rarity": [0, 0, 0], "count": [0, 0, 0]}
        asked_n = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if not row.get("answerable"):
                continue
            parsed = plan(row["question"])
            if not parsed.span:
                continue
            asked_n += 1
            gold = [g.lower() for g in row["must_include"]]
            hits = assistant.retriever.search(parsed.question, assistant.settings.top_k)
            evidence = build_evidence(hits, assistant._evidence_budget(parsed.question), assistant._counter())
            pool = quoting.candidates(parsed.question, evidence, assistant.settings.extract_min_overlap)
            asked = cite.main_clause(parsed.question)
            wanted, named = tx.terms(asked), set(tx.names(f"Q {asked}"))
            runs = [run & wanted for run in tx.full_names(asked) if len(run & wanted) > 1]
            alone = wanted - set().union(*runs)

            def counted(ev, wanted=wanted, named=named, runs=runs, alone=alone):
                held = quoting.held_terms(wanted, ev.text, named)
                return -(len(held & alone) + sum(len(run & held) / len(run) for run in runs)), -len(held)

            # the order before: each word counts one, ties in the order the sentences were retrieved
            before = sorted(sorted(pool, key=evidence.index), key=counted)
            for name, order in (("rarity", pool), ("count", before)):
                at = next((i for i, ev in enumerate(order) if any(g in ev.text.lower() for g in gold)), None)
                if at is not None:
                    figures[name][0] += at == 0
                    figures[name][1] += at < judged
                    figures[name][2] += 1
        for name, (first, top, anywhere) in figures.items():
            print(
                f"{path} span questions {asked_n} {name}: gold first {first}, among {judged} judged {top}, "
                f"in pool {anywhere}"
            )


if __name__ == "__main__":
    main()
