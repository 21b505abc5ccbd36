"""Where `causal.stated_cause` fires: on the gold passage of each answerable why/how question (it should),
on the other sentences retrieved for it, and on the sentences retrieved for unanswerable ones (it should
not, or another rule must turn them away). No model is called.

    ASSISTANT_STORE_DIR=/tmp/store-news python bench/causal_link.py QUESTIONS.jsonl [...]

Each firing is listed; the last line is key=value counts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.app import App  # noqa: E402
from assistant.verification.causal import stated_cause  # noqa: E402
from assistant.verification.short import wants_span  # noqa: E402


def main() -> None:
    app = App()
    counts = dict.fromkeys(["gold", "gold_fired", "other", "other_fired", "unanswerable", "unanswerable_fired"], 0)
    for name in sys.argv[1:]:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            if wants_span(q["question"]) or (q["answerable"] and not q["sources"]):
                continue
            golds = [s["quote"] for s in q["sources"]]
            tag = f"{Path(name).name} {q['id']}"
            if q["answerable"]:
                counts["gold"] += 1
                if cause := stated_cause(q["question"], golds[0]):
                    counts["gold_fired"] += 1
                    print(f"gold        {tag}: {q['question']} | cause: {cause}")
            for hit in app.retriever.search(q["question"], app.settings.top_k):
                sentence = hit.article.sentence(hit.index)
                if q["answerable"] and any(sentence in g or g in sentence for g in golds):
                    continue
                kind = "other" if q["answerable"] else "unanswerable"
                counts[kind] += 1
                if stated_cause(q["question"], sentence):
                    counts[f"{kind}_fired"] += 1
                    print(f"{kind:12s}{tag}: {q['question']} | sentence: {sentence}")
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
