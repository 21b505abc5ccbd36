"""Helpers shared by the bench scripts: the question set, synthetic corpora, percentiles, the summary line.

The scripts are run as `python bench/<name>.py`, so this module is imported as `common` (bench/ is on
sys.path because it is the script's folder).
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Nothing may reach for a model hub or phone home while we measure.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "store" / "articles"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
VENV_BIN = Path(sys.executable).parent

# Per-dimension standard deviation of the noise added to precomputed unit vectors: with 384 dimensions
# a perturbed copy keeps a cosine of about 0.93 to its original, so copies cluster like paraphrases.
NOISE = 0.02


# --- the question set ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool | None
    must_include: tuple[str, ...]


def load_questions(limit: int | None = None, ids: str | None = None, path: Path = QUESTIONS) -> list[Question]:
    """The public questions; `ids` ("p01,p16") picks some by id, `limit` keeps the first N."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [
        Question(str(r["id"]), r["question"], r.get("answerable"), tuple(r.get("must_include", []))) for r in rows
    ]
    if ids:
        wanted = {i.strip() for i in ids.split(",")}
        questions = [q for q in questions if q.id in wanted]
    return questions[:limit] if limit else questions


def add_question_options(parser) -> None:
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument("--ids", help="only these question ids, comma-separated (e.g. p01,p16)")


def is_correct(answer: str, refused: bool, must_include: Sequence[str]) -> bool:
    """The `assistant eval` accuracy rule (lower case, numbers normalised, match at a word start)."""
    from assistant.evaluation.metrics import is_correct as rule

    return rule(answer, refused, must_include)


# --- statistics and output -----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: int) -> float:
    """`assistant.evaluation.metrics.percentile` (statistics.quantiles, linear); NaN for no values."""
    from assistant.evaluation.metrics import percentile as shared

    value = shared(values, q)
    return math.nan if value is None else value


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NA"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value).replace(" ", "_")


def check(label: str, value: float | None, limit: float, at_most: bool = True, unit: str = "") -> bool | None:
    """Print a target and whether this run met it; None when the figure could not be measured."""
    sign = "<=" if at_most else ">="
    if value is None or math.isnan(value):
        print(f"target {label} {sign} {limit:g}{unit}: not measured")
        return None
    met = value <= limit if at_most else value >= limit
    print(f"target {label} {sign} {limit:g}{unit}: {fmt(value)}{unit} -> {'MET' if met else 'MISSED'}")
    return met


def summary(**pairs: object) -> None:
    """The one machine-readable last line of every script."""
    print(" ".join(f"{key}={fmt(value)}" for key, value in pairs.items()), flush=True)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.ms = math.nan
        return self

    def __exit__(self, *exc: object) -> None:
        self.ms = (time.perf_counter() - self.start) * 1000


# --- synthetic corpora ---------------------------------------------------------------------------------


def real_sentences(folder: Path = ARTICLES, unique: bool = True) -> list[str]:
    """Every sentence the assistant keeps (and embeds) from the articles in `folder`, in order."""
    from assistant.ingestion.ingest import article_files, read_article

    sentences = []
    for path in article_files(folder):
        article = read_article(path)
        sentences += [article.sentence(i) for i in range(len(article.spans))]
    return list(dict.fromkeys(sentences)) if unique else sentences


def synthetic_articles(sentences: Sequence[str], count: int, per_article: int, seed: int = 7) -> Iterator[str]:
    """`count` distinct articles recombined from real sentences, three sentences a paragraph; the numbered
    headline makes every text (hence every content-hash id) unique."""
    rng = random.Random(seed)
    for n in range(count):
        picked = rng.sample(list(sentences), min(per_article, len(sentences)))
        paragraphs = [" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)]
        yield f"Synthetic report number {n + 1}\n\n" + "\n\n".join(paragraphs) + "\n"


# Varied synthetic news: every article has its own topic vocabulary (names, places, organisations and
# subject words made of random syllables, drawn from a shared pool with Zipf weights, so some terms recur
# across many articles and most are rare), set in news-prose templates. Unlike recombined real sentences,
# this gives HNSW distinct vectors and BM25 a realistic, long-tailed vocabulary.
_ONSETS = "b c d f g h j k l m n p r s t v w z br ch dr fl gr kr pl sh st tr th".split()
_VOWELS = "a e i o u ai ea ou io".split()
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "nd", "st", "k"]
_TEMPLATES = [
    "{Name} said on {day} that {n} {nouns} had been {verbed} in {Place} after weeks of {noun} talks.",
    "Officials in {Place} confirmed that the {org} would {verb} the {noun} {noun2} by {month}.",
    "The {noun} at {Place} was {verbed} on {day}, according to a statement from the {org}.",
    "{Name}, who leads the {org}, told reporters that {n} {nouns} remained {adj} near {Place}.",
    "Critics of the {org} argued that the {noun2} plan would leave {n} families without {noun}.",
    "By {month}, the {org} expects to {verb} about {n} {nouns} across {Place} and {Place2}.",
    "Residents of {Place} said the {adj} {noun} had {verbed} their {noun2} for {n} days.",
    "A spokesperson for {Name} declined to comment on the {noun} {noun2} in {Place}.",
    "The {adj} {noun} followed a {noun2} dispute between {Name} and the {org} in {month}.",
    "{Name} warned that without more {nouns}, the {noun2} in {Place2} could {verb} within {n} weeks.",
]
# Most sentences also name a source from the whole pool: the long tail of a real corpus's vocabulary.
_ASIDES = [", the {rare} {rare2} office said", ", citing the {rare} report", ", {rare} sources said", ""]
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April May June July August September October November December".split()
_VERBS = [
    ("expand", "expanded"),
    ("close", "closed"),
    ("repair", "repaired"),
    ("suspend", "suspended"),
    ("review", "reviewed"),
    ("restore", "restored"),
    ("block", "blocked"),
    ("fund", "funded"),
    ("inspect", "inspected"),
    ("relocate", "relocated"),
    ("delay", "delayed"),
    ("approve", "approved"),
]
_ADJECTIVES = "damaged disputed temporary regional urgent contested remote flooded overcrowded delayed".split()


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def varied_articles(count: int, per_article: int, seed: int = 7, pool: int = 40_000) -> Iterator[str]:
    """`count` distinct synthetic news articles of `per_article` sentences, three sentences a paragraph."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(_word(rng, rng.randint(2, 3)) for _ in range(pool)))
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(words))]

    def draw(k: int) -> list[str]:
        return rng.choices(words, weights=weights, k=k)

    for n in range(count):
        names = [f"{a.title()} {b.title()}" for a, b in zip(draw(3), draw(3), strict=True)]
        places, orgs, nouns = [w.title() for w in draw(3)], [f"{w.title()} Authority" for w in draw(2)], draw(10)
        sentences = []
        for _ in range(per_article):
            verb, verbed = rng.choice(_VERBS)
            rare, rare2 = draw(2)
            sentences.append(
                (rng.choice(_TEMPLATES)[:-1] + rng.choice(_ASIDES) + ".").format(
                    rare=rare,
                    rare2=rare2,
                    Name=rng.choice(names),
                    Place=rng.choice(places),
                    Place2=rng.choice(places),
                    org=rng.choice(orgs),
                    noun=rng.choice(nouns),
                    noun2=rng.choice(nouns),
                    nouns=rng.choice(nouns) + "s",
                    n=rng.randint(2, 950),
                    day=rng.choice(_DAYS),
                    month=rng.choice(_MONTHS),
                    verb=verb,
                    verbed=verbed,
                    adj=rng.choice(_ADJECTIVES),
                )
            )
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        headline = f"{places[0]} {nouns[0]} {rng.choice(_VERBS)[1]} as {orgs[0]} acts, report {n + 1}"
        yield headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, texts: Iterable[str]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for n, text in enumerate(texts, start=1):
        (folder / f"synthetic_{n:06d}.txt").write_text(text, encoding="utf-8")
    return n


class PerturbedEmbedder:
    """Stands in for the real embedder when building big synthetic stores: a sentence embedded once by the
    real model is reused with fresh random noise (renormalised) every time it appears, so 100k chunks cost
    seconds instead of hours. Texts it has not seen (a sentence split differently in a new paragraph) go
    through the real model once and are counted in `misses`. Queries always use the real model."""

    def __init__(self, real, seed: int = 11, noise: float = NOISE) -> None:
        import numpy as np

        self.real = real
        self.name = real.name  # same collection names as the real model's store
        self.noise = noise
        self.misses = 0
        self._rng = np.random.default_rng(seed)
        self._table: dict[str, np.ndarray] = {}

    def prime(self, texts: list[str]) -> None:
        import numpy as np

        for first in range(0, len(texts), 64):
            batch = texts[first : first + 64]
            for text, vector in zip(batch, self.real.documents(batch), strict=True):
                self._table[text] = np.asarray(vector, dtype=np.float32)

    def documents(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        unknown = [t for t in dict.fromkeys(texts) if t not in self._table]
        if unknown:
            self.misses += len(unknown)
            self.prime(unknown)
        base = np.stack([self._table[t] for t in texts])
        noisy = base + self._rng.normal(0.0, self.noise, base.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        return noisy.tolist()

    def query(self, text: str) -> list[float]:
        return self.real.query(text)


# --- subprocesses and servers --------------------------------------------------------------------------


def tool(name: str) -> str | None:
    """A console script of this venv (assistant, chroma), else one on PATH."""
    local = VENV_BIN / name
    return str(local) if local.exists() else shutil.which(name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def wait_http(url: str, proc: subprocess.Popen, timeout_s: float, interval_s: float = 0.05) -> float | None:
    """Milliseconds until `url` answers 200, polling; None if `proc` exits first or time runs out."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        if http_ok(url, timeout=1.0):
            return (time.perf_counter() - started) * 1000
        if proc.poll() is not None:
            return None
        time.sleep(interval_s)
    return None


def stop(proc: subprocess.Popen) -> None:
    """End a process this script started (by its own handle), politely first."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


def chroma_server(path: Path, log: Path) -> tuple[subprocess.Popen, int]:
    """Start `chroma run` on a free loopback port and wait for its heartbeat; the caller stops it."""
    exe = tool("chroma")
    if exe is None:
        raise SystemExit("error: the `chroma` command is not installed in this environment")
    port = free_port()
    cmd = [exe, "run", "--path", str(path), "--port", str(port), "--host", "127.0.0.1"]
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    if wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, timeout_s=60) is None:
        stop(proc)
        tail = log.read_text(errors="replace")[-1500:]
        raise SystemExit(f"error: the Chroma server did not answer its heartbeat within 60 s:\n{tail}")
    return proc, port
