"""The claims two checkouts write for the same questions, where they differ (`claims.statement`).

Each question is put with its first `must_include` string (or its `plausible_answer`, or "X") as the answer:
a change to how claims are built shows on every question it touches, right or wrong answer alike.

    python bench/claim_diff.py OLD_CHECKOUT NEW_CHECKOUT FILE.jsonl [FILE.jsonl ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_WRITE = """
import json, sys
from assistant.verification.claims import statement
print(json.dumps({q: statement(q, a) for q, a in json.load(sys.stdin)}))
"""


def pairs(files: list[str]) -> list[tuple[str, str]]:
    out = []
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            answer = (row.get("must_include") or [row.get("plausible_answer") or "X"])[0]
            out.append((row["question"], str(answer)))
    return out


def claims(checkout: str, asked: list[tuple[str, str]]) -> dict[str, str]:
    # each checkout in its own interpreter, so that the two versions of the package never meet
    done = subprocess.run(
        [sys.executable, "-c", _WRITE],
        input=json.dumps(asked),
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
        env={"PYTHONPATH": checkout, "HF_HUB_OFFLINE": "1"},
    )
    return json.loads(done.stdout)


def main() -> None:
    old_checkout, new_checkout, *files = sys.argv[1:]
    asked = pairs(files)
    old, new = claims(old_checkout, asked), claims(new_checkout, asked)
    changed = [q for q in old if old[q] != new[q]]
    for question in changed:
        print(f"{question}\n  before: {old[question]}\n  after:  {new[question]}")
    print(f"questions={len(old)} changed={len(changed)}")


if __name__ == "__main__":
    main()
