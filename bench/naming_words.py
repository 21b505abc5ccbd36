"""Whether a naming question's answer sentence says "called", "named" or "known as": for every question of
the given sets that asks what something is called or named ("What is X called?", "What is the name of
X?"), the gold quote's naming word, if any. A rule that a naming claim needs such a word in its quote
would refuse every answerable row printed with `has_naming_word=False`.

    python bench/naming_words.py ../shared/eval/squad-rhine/questions-all.jsonl [SET ...]

Last line: key=value (answerable naming questions, those whose quote has a naming word).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_ASKS_NAME = re.compile(
    r"\b(?:called|known as|named|termed|referred to as|nicknamed|dubbed)\s*\??\s*$|\bname of\b|what name", re.I
)
_NAMING = re.compile(r"\b(?:called|named|known as|termed|referred to as|nicknamed|dubbed|name)\b", re.I)


def main(paths: list[str]) -> int:
    answerable = with_word = 0
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            if not q.get("answerable") or not _ASKS_NAME.search(q["question"]):
                continue
            quote = (q.get("sources") or [{}])[0].get("quote", "")
            has = bool(_NAMING.search(quote))
            answerable += 1
            with_word += has
            print(f"{q['id']} has_naming_word={has} | {q['question']} | {quote[:140]}")
    print(f"answerable_naming_questions={answerable} quote_has_naming_word={with_word}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
