"""Where the sentence that explains stands, against the sentence that best matches a why/how question.

For every answerable question in the given sets that no span answers (`short.wants_span` false: why, how,
what led X to, what was said), the article sentence sharing most of the asked clause's content words,
and the offset from it of each gold quote's sentence in the same article (0: the best match itself;
+1: the sentence after it). Quoting judges the best-matching sentences first, and the sentence after the
best one second (`quoting._reason_after`); this is the measurement behind that order. No model is run.

    python bench/reason_position.py ../shared/eval/questions.jsonl ../shared/eval/questions-more.jsonl \
        eval/own/news-heldout.jsonl

Last line: key=value (counts of gold sentences by offset).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from common import ARTICLES

from assistant import text as tx
from assistant.ingestion.chunking import sentence_spans
from assistant.verification import citations as cite
from assistant.verification.short import wants_span


def main(paths: list[str]) -> int:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}
    sentences = {name: [text[a:b] for a, b in sentence_spans(text)] for name, text in texts.items()}
    offsets: Counter[str] = Counter()
    questions = 0
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            if not q["answerable"] or wants_span(q["question"]):
                continue
            questions += 1
            asked = tx.terms(cite.main_clause(q["question"]))
            # ties: the first in reading order, as a stable sort of the evidence keeps them
            cover, name, best = max(
                (
                    (len(asked & tx.terms(s)) / max(1, len(asked)), name, i)
                    for name, ss in sentences.items()
                    for i, s in enumerate(ss)
                ),
                key=lambda c: (c[0], [-ord(ch) for ch in c[1]], -c[2]),
            )
            found = sorted(
                {
                    j - best
                    for source in q["sources"]
                    if source["file"] == name
                    for j, s in enumerate(sentences[name])
                    if source["quote"][:40] in s
                }
            )
            for offset in found:
                offsets["0" if offset == 0 else f"{offset:+d}" if abs(offset) <= 2 else "far"] += 1
            if not found:
                offsets["other article"] += 1
            print(f"{q['id']}\tcover {cover:.2f}\tgold at {found or 'another article'}\t{q['question']}")
    print(f"{questions} questions; gold sentences by offset from the best match: {dict(offsets)}")
    print(f"questions={questions} " + " ".join(f"offset_{k.replace(' ', '_')}={v}" for k, v in sorted(offsets.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
