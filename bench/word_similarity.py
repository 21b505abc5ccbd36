"""Whether the embedded sentence model (all-MiniLM-L6-v2) tells a word's synonym from its opposite: cosine of
single words, for synonym pairs and for opposite or other-kind pairs (written for this check; none copied
from an eval set). If opposites score as high as synonyms, no threshold can let "deadliest" stand for
"bloodiest" without letting "warm" stand for "cold".

    python bench/word_similarity.py

Last line: key=value (lowest synonym, highest opposite, pairs of each).
"""

from __future__ import annotations

import numpy as np

from assistant.ingestion.light_embed import make_query_embedder
from assistant.settings import Settings

SYNONYMS = [
    ("bloodiest", "deadliest"), ("timber", "wooden"), ("biggest", "largest"), ("additional", "extra"),
    ("wealthy", "rich"), ("start", "beginning"), ("ship", "vessel"), ("physician", "doctor"), ("quick", "fast"),
    ("huge", "enormous"), ("town", "village"), ("killed", "slain"),
]  # fmt: skip
OPPOSITES = [
    ("cold", "warm"), ("first", "last"), ("north", "south"), ("highest", "lowest"), ("oldest", "newest"),
    ("upper", "lower"), ("largest", "smallest"), ("eastern", "western"), ("early", "late"), ("rich", "poor"),
    ("won", "lost"), ("before", "after"), ("founder", "leader"), ("wooden", "stone"), ("iron", "wooden"),
    ("red", "green"),
]  # fmt: skip


def main() -> int:
    embed = make_query_embedder(Settings())

    def unit(word: str) -> np.ndarray:
        v = np.asarray(embed.query(word))
        return v / np.linalg.norm(v)

    scores = {}
    for name, pairs in (("synonym", SYNONYMS), ("opposite", OPPOSITES)):
        scores[name] = []
        for a, b in pairs:
            s = float(unit(a) @ unit(b))
            scores[name].append(s)
            print(f"{name:9} {a:>11} {b:<11} {s:.3f}")
    print(
        f"synonyms={len(SYNONYMS)} opposites={len(OPPOSITES)} lowest_synonym={min(scores['synonym']):.3f} "
        f"highest_opposite={max(scores['opposite']):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
