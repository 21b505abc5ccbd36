"""Where the gold sentence of a span question stands among the candidates quoting judges.

For every answerable question a span answers: the gold sentence's place (first / among the three judged /
anywhere in the pool) when candidates are ranked as `quoting.candidates` ranks them (each asked word by its
rarity among the sentences retrieved), with the words of the question's scene counted at each weight of
`--scene-weights` (`quoting.SCENE_WEIGHT`; 0 is the order before it). Retrieval only, no model call.

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
    parser.add_argument("--scene-weights", type=float, nargs="+", default=[0.0, 0.5, 1.0])
    args = parser.parse_args()

    from assistant.answering import quoting
    from assistant.answering.plan import plan
    from assistant.app import App
    from assistant.retrieval.retrieve import build_evidence

    assistant = App().assistant
    judged = quoting.SPAN_CANDIDATES
    for path in args.questions:
        figures = {w: [0, 0, 0] for w in args.scene_weights}
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
            for weight in args.scene_weights:
                quoting.SCENE_WEIGHT = weight
                order = quoting.candidates(parsed.question, evidence, assistant.settings.extract_min_overlap)
                at = next((i for i, ev in enumerate(order) if any(g in ev.text.lower() for g in gold)), None)
                if at is not None:
                    figures[weight][0] += at == 0
                    figures[weight][1] += at < judged
                    figures[weight][2] += 1
        for weight, (first, top, anywhere) in figures.items():
            print(
                f"{path} span questions {asked_n} scene weight {weight}: gold first {first}, among {judged} "
                f"judged {top}, in pool {anywhere}",
                flush=True,
            )


if __name__ == "__main__":
    main()
