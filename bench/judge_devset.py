"""Build the judge's development set: labelled claim/quote pairs from text other than support.jsonl's.

Sources (all public, none of support.jsonl's claims):
- squad-rhine `questions-all.jsonl`: an answerable question and its answer, written as one claim
  (`claims.statement`), against its source sentence: *supported* (type `answer_statement`); an
  unanswerable question and its `plausible_answer`, against the article sentence that holds that answer
  and most of the question's words: *unsupported* (type `plausible_statement`, the careless reader's
  answer, which shares the sentence's words but not its meaning);
- the sentences of the squad-rhine articles and of the five news articles, changed by one rule per type
  of support.jsonl (a number or a date changed, two names swapped, a negation flipped, a role changed,
  "some of" dropped, a clause cut off, an unrelated sentence, ...), and true restatements (an exact copy,
  one clause, two sentences joined, small numbers spelled out).

Split by source document, so that no sentence is in both parts: `tune` = rhine_1-3 and news articles
000-002; `report` = rhine_4-6 and news articles 003-004. Thresholds are fitted on `tune` only.

    python bench/judge_devset.py   # writes eval/judge/tune.jsonl, eval/judge/report.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.verification.claims import statement  # noqa: E402

SHARED = Path("/work/shared")
RHINE = SHARED / "eval/squad-rhine"
NEWS = SHARED / "articles"
OUT = ROOT / "eval/judge"
TUNE_FILES = {"rhine_1.txt", "rhine_2.txt", "rhine_3.txt"} | {p.name for p in sorted(NEWS.glob("*.txt"))[:3]}
PER_TYPE = 8  # perturbed pairs per type and part
ANSWERABLE, UNANSWERABLE = 60, 55  # squad pairs per part
_SENT = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[A-Z\"“])")
_WORD = re.compile(r"\w+")
STOP = set(
    "the a an of in on at to for by and or is was were are with from as that this it its be has have had".split()
)
ROLE_SWAP = {
    "leader": "founder",
    "founder": "leader",
    "spokesman": "commander",
    "commander": "spokesman",
    "member": "leader",
    "members": "leaders",
    "chief": "founder",
    "head": "founder",
    "deputy": "leader",
}
MONTHS = "January February March April May June July August September October November December".split()
SMALL = "zero one two three four five six seven eight nine ten eleven twelve".split()


TITLES: dict[str, str] = {}


def sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    TITLES[path.name] = text.splitlines()[0].strip()
    out = []
    for para in text.splitlines()[1:]:
        out += [s.strip() for s in _SENT.split(para) if len(s.split()) >= 6]
    return out


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - STOP


def squad_pairs(corpus: dict[str, list[str]], rng: random.Random) -> list[dict]:
    rows = [json.loads(line) for line in (RHINE / "questions-all.jsonl").read_text().splitlines() if line.strip()]
    pairs = []
    for row in rows:
        q = row["question"].strip()
        if row["answerable"]:
            source = row["sources"][0]
            claim, quote, file = statement(q, row["answer"]), source["quote"], source["file"]
            label, kind = "supported", "answer_statement"
        else:
            wrong = row.get("plausible_answer", "")
            found = [
                (len(words(q) & words(s)), f, s)
                for f, ss in corpus.items()
                if f.startswith("rhine")
                for s in ss
                if wrong and wrong in s
            ]
            if not found:
                continue
            _, file, quote = max(found)
            claim, label, kind = statement(q, wrong), "unsupported", "plausible_statement"
        pairs.append(
            {
                "id": row["id"],
                "question": q,
                "claim": claim,
                "quotes": [{"file": file, "quote": quote}],
                "label": label,
                "type": kind,
            }
        )
    rng.shuffle(pairs)
    return pairs


def _names(s: str) -> list[str]:
    return [m.group() for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", s)]


def perturb(
    kind: str, s: str, file: str, corpus: dict[str, list[str]], rng: random.Random
) -> tuple[str, list[str]] | None:
    """(claim, quotes) of one type from sentence `s`, or None when the rule does not apply."""
    same = corpus[file]
    if kind == "exact":
        return s, [s]
    if kind == "partial_answer_ok":
        parts = re.split(r",\s+and\s+|;\s+|,\s+but\s+", s)
        if len(parts) > 1 and len(parts[0].split()) >= 6:
            return parts[0].rstrip(",") + ".", [s]
    if kind == "synthesis":
        i = same.index(s)
        if i + 1 < len(same) and len(s) + len(same[i + 1]) < 400:
            nxt = same[i + 1]
            return s.rstrip(".") + "; " + nxt[0].lower() + nxt[1:], [s, nxt]
    if kind == "paraphrase":
        out = re.sub(r"\b([2-9]|1[0-2])\b(?![\d,.])", lambda m: SMALL[int(m.group())], s)
        out = re.sub(r"\bdid not\b", "didn't", out)
        out = re.sub(r"\bsaid\b", "stated", out)
        if out != s:
            return out, [s]
    if kind == "number_swap":
        nums = [
            m
            for m in re.finditer(r"(?<![\w.,])\d[\d,]*(?![\w])", s)
            if not re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group())
        ]
        if len(nums) >= 2 and nums[0].group() != nums[1].group():
            a, b = nums[0], nums[1]
            return s[: a.start()] + b.group() + s[a.end() : b.start()] + a.group() + s[b.end() :], [s]
        if nums:
            a = nums[0]
            value = int(a.group().replace(",", ""))
            return s[: a.start()] + f"{value * 3 + 2:,}" + s[a.end() :], [s]
    if kind == "date_swap":
        year = re.search(r"\b(1[5-9]\d\d|20[0-2]\d)\b", s)
        if year:
            return s[: year.start()] + str(int(year.group()) + rng.choice([-3, -1, 2, 5])) + s[year.end() :], [s]
        month = re.search(r"\b(" + "|".join(MONTHS) + r")\b", s)
        if month:
            other = MONTHS[(MONTHS.index(month.group()) + 4) % 12]
            return s[: month.start()] + other + s[month.end() :], [s]
    if kind == "entity_swap":
        mine = _names(s)
        others = [n for t in same for n in _names(t) if n not in s]
        if mine and others:
            return s.replace(mine[-1], rng.choice(others), 1), [s]
    if kind == "wrong_relation":
        mine = list(dict.fromkeys(_names(s)))
        if len(mine) >= 2 and mine[0] not in mine[-1] and mine[-1] not in mine[0]:
            a, b = mine[0], mine[-1]
            between = s[s.index(a) + len(a) : s.rindex(b)]
            if re.search(r"\b(?:and|or|,)\s*$", between) or " and " in between[:12]:
                return None
            return s.replace(a, "\0").replace(b, a).replace("\0", b), [s]
    if kind == "negation_flip":
        if re.search(r"\bnot\b|n't\b", s):
            return re.sub(r"\s+not\b|n't\b", "", s, count=1), [s]
        m = re.search(r"\b(is|was|were|are|has|had|have|will|can|could)\b", s)
        if m:
            return s[: m.end()] + " not" + s[m.end() :], [s]
    if kind == "role_change":
        m = re.search(r"\b(" + "|".join(ROLE_SWAP) + r")\b", s)
        if m:
            return s[: m.start()] + ROLE_SWAP[m.group()] + s[m.end() :], [s]
    if kind == "overgeneralization":
        m = re.search(r"\b(some|several|many|most|a few)(\s+of)?\b", s, re.I)
        if m:
            return s[: m.start()] + ("all" if not m.group(2) else "all of") + s[m.end() :], [s]
        m = re.search(r"\b(may|might|could)\b", s)
        if m:
            return s[: m.start()] + "will" + s[m.end() :], [s]
    if kind == "part_as_whole":
        m = re.search(r"\b(?:some|several|many|a few|one|most|members)\s+of\s+(?=the\s|its\s|their\s)", s, re.I)
        if m:
            out = s[: m.start()] + s[m.end() :]
            return out[0].upper() + out[1:], [s]
    if kind == "extra_claim":
        other = rng.choice([t for f, ts in corpus.items() if f != file for t in ts])
        clause = re.split(r",\s+", other)[0].rstrip(".")
        return s.rstrip(".") + ", and " + clause[0].lower() + clause[1:] + ".", [s]
    if kind == "fragment":
        ws = s.split()
        cut = int(len(ws) * rng.uniform(0.4, 0.7))
        if cut >= 4 and cut < len(ws) - 2:
            return " ".join(ws[:cut]).rstrip(",;:"), [s]
    if kind == "unrelated":
        other = rng.choice([t for f, ts in corpus.items() if f != file for t in ts])
        return other, [s]
    return None


TRUE_KINDS = ("exact", "partial_answer_ok", "synthesis", "paraphrase")
FALSE_KINDS = (
    "number_swap",
    "date_swap",
    "entity_swap",
    "wrong_relation",
    "negation_flip",
    "role_change",
    "overgeneralization",
    "part_as_whole",
    "extra_claim",
    "fragment",
    "unrelated",
)


def main() -> None:
    rng = random.Random(23)
    files = sorted(RHINE.glob("articles/*.txt")) + sorted(NEWS.glob("*.txt"))
    corpus = {p.name: sentences(p) for p in files}
    parts: dict[str, list[dict]] = {"tune": [], "report": []}
    counts = {"tune": {}, "report": {}}
    for pair in squad_pairs(corpus, rng):
        part = "tune" if pair["quotes"][0]["file"] in TUNE_FILES else "report"
        limit = ANSWERABLE if pair["label"] == "supported" else UNANSWERABLE
        if counts[part].get(pair["type"], 0) < limit:
            counts[part][pair["type"]] = counts[part].get(pair["type"], 0) + 1
            parts[part].append(pair)
    pool = [(f, s) for f, ss in corpus.items() for s in ss]
    for kind in TRUE_KINDS + FALSE_KINDS:
        for part in parts:
            candidates = [(f, s) for f, s in pool if (f in TUNE_FILES) == (part == "tune")]
            rng.shuffle(candidates)
            made = 0
            for file, s in candidates:
                result = perturb(kind, s, file, corpus, rng)
                if result is None or (result[0] == s and kind not in ("exact",)):
                    continue
                claim, quotes = result
                parts[part].append(
                    {
                        "id": f"{part}-{kind}-{made}",
                        "question": "",
                        "claim": claim,
                        "quotes": [{"file": file, "quote": q} for q in quotes],
                        "label": "supported" if kind in TRUE_KINDS else "unsupported",
                        "type": kind,
                    }
                )
                made += 1
                if made >= PER_TYPE:
                    break
    for rows in parts.values():  # the sentences before each quote: what its pronouns or "the river" refer to
        for row in rows:
            first = row["quotes"][0]
            same = corpus.get(first["file"], [])
            at = next((i for i, s in enumerate(same) if first["quote"] in s or s in first["quote"]), None)
            around = same[max(0, at - 2) : at] + same[at + 1 : at + 3] if at is not None else []
            row["context"] = [TITLES[first["file"]], *around]
    OUT.mkdir(parents=True, exist_ok=True)
    for part, rows in parts.items():
        with (OUT / f"{part}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        kinds: dict[str, int] = {}
        for row in rows:
            kinds[row["type"]] = kinds.get(row["type"], 0) + 1
        print(part, len(rows), kinds)


if __name__ == "__main__":
    main()
