"""Pure scoring functions of `assistant eval`: one answer against its gold, then a run's summary.

Definitions (the README's "Evaluation" section says the same):

- **answer accuracy**: over answerable questions that list `must_include`, the share whose answer is not a
  refusal and contains at least one `must_include` string after normalisation (lower case, `[n]` markers
  removed, curly quotes made straight, digit groups joined: "6,000" = "6000", number words zero..twenty
  made digits: "three" = "3"). "Contains" means: starting at a word start (so "half" is not found in
  "behalf"), and for a string ending in a digit also ending at a word end ("3" is not found in "23").
- **refusal rate**: share of unanswerable questions answered with a refusal; **false-refusal rate**: share of
  answerable questions answered with a refusal.
- **citation validity**: share of all citations (over all answers) whose quote equals
  `article_text[start:end]` of the named article.
- **citation gold-hit**: over answerable questions with gold `sources` that got at least one citation, the
  share where a citation overlaps a gold quote's span (found with `str.find` in the same article).
- **citation recall / precision** (ALCE, Gao et al. 2023, with the pipeline's judge instead of NLI): the
  answer is split into sentences (`parse_claims`); a sentence is *supported* by a set of quotes when the
  judge named in the run's metadata passes it against them (`assistant.verification.judge`: its rules, and the judge
  model where one is configured; without one, the rules alone at `support_threshold`). Recall of an answer
  = share of its sentences that cite at least one quote and are supported by all their cited quotes together.
  Precision of an answer = share of its citations (one per `[n]` in a sentence) that are *needed*: the
  sentence is supported by all its quotes together, and the citation either supports the sentence alone or
  removing it leaves the rest unsupported. Both are averaged over answers that are not refusals.
- **retrieval recall@k**: over answerable questions with gold sources, the share of gold quotes whose span
  overlaps a sentence of the evidence given to the model (k = the evidence sentences; averaged per question).
- **SQuAD 2.0 exact match / F1** of `short_answer.text` against the `must_include` strings (best one), with
  SQuAD's normalisation and its rule for unanswerable questions (a refusal scores 1, anything else 0; for an
  answerable question a refusal or an answer without a short answer scores 0): `assistant.evaluation.squad`.
  Reported over all questions with gold, over answerable and over unanswerable ones. **short answer given**:
  share of answers (not refusals, no error) that carry a `short_answer`.
- **latency** p50/p95 of `timings_ms.total` over all answers, over answers that are not refusals, over
  refusals (**time to a refusal**) and per answer `mode`; p50/p95 of `timings_ms.first_token` (questions that
  reached the model); **tokens**: mean prompt and completion tokens over questions that reached the model.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..schema import Answer, Citation
from ..verification import citations as cite
from ..verification.judge import rule_failure
from .squad import squad_scores

_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_NUMBERS = {w: str(n) for n, w in enumerate((_WORDS + " seventeen eighteen nineteen twenty").split())}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBERS) + r")\b")


@dataclass(frozen=True)
class Span:
    file: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.file == other.file and self.start < other.end and other.start < self.end


# --- answers ---------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, no markers, straight quotes, "6,000" -> "6000", "three" -> "3", single spaces."""
    text = cite.strip_markers(text).lower()
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = _NUMBER_WORD.sub(lambda m: _NUMBERS[m.group(1)], text)
    return " ".join(text.split())


def contains_answer(answer: str, must_include: Iterable[str]) -> bool:
    """Whether the normalised answer contains one of the normalised gold strings (see module docstring)."""
    text = normalise(answer)
    for wanted in must_include:
        gold = normalise(wanted)
        if not gold:
            continue
        end = r"(?![\d])" if gold[-1].isdigit() else ""
        if re.search(r"(?<![a-z0-9])" + re.escape(gold) + end, text):
            return True
    return False


def is_correct(answer: str, refused: bool, must_include: Sequence[str]) -> bool:
    return not refused and contains_answer(answer, must_include)


# --- citations -------------------------------------------------------------------------------------------


def citation_valid(citation: Citation, texts: Mapping[str, str]) -> bool:
    """The quote is exactly the named article's text at its offsets (an unknown article is invalid)."""
    return citation.article in texts and cite.check_citation(citation, texts[citation.article])


def gold_spans(sources: Iterable[Mapping[str, str]], texts: Mapping[str, str]) -> tuple[list[Span], list[str]]:
    """Spans of the gold quotes in their articles, and a note for each quote that could not be found."""
    spans, missing = [], []
    for source in sources:
        text = texts.get(source["file"])
        at = text.find(source["quote"]) if text is not None else -1
        if at < 0:
            missing.append(f"{source['file']}: {source['quote'][:60]!r}")
        else:
            spans.append(Span(source["file"], at, at + len(source["quote"])))
    return spans, missing


def gold_hit(citations: Iterable[Citation], gold: Sequence[Span]) -> bool:
    return any(Span(c.article, c.start, c.end).overlaps(g) for c in citations for g in gold)


def retrieval_recall(evidence: Iterable[Citation], gold: Sequence[Span]) -> float:
    """Share of gold spans that overlap at least one evidence sentence."""
    given = [Span(e.article, e.start, e.end) for e in evidence]
    return sum(any(g.overlaps(e) for e in given) for g in gold) / len(gold) if gold else 0.0


# --- ALCE citation recall and precision --------------------------------------------------------------------


Supports = Callable[[str, Sequence[str]], bool]  # (sentence, quotes) -> supported


def supports(sentence: str, quotes: Sequence[str], threshold: float) -> bool:
    """The lexical judge: the judge's rules alone, applied to plain quote strings."""
    return bool(quotes) and not rule_failure(sentence, list(quotes), "", threshold)


@dataclass(frozen=True)
class SupportCounts:
    sentences: int = 0
    supported: int = 0  # sentences supported by all their citations together
    citations: int = 0  # one per marker per sentence
    needed: int = 0  # citations that are needed and supporting

    @property
    def recall(self) -> float | None:
        return self.supported / self.sentences if self.sentences else None

    @property
    def precision(self) -> float | None:
        return self.needed / self.citations if self.citations else (0.0 if self.sentences else None)


def citation_support(
    answer: str, citations: Iterable[Citation], threshold: float, judge: Supports | None = None
) -> SupportCounts:
    """ALCE's per-answer counts: sentence support (recall) and needed citations (precision); `judge`
    decides support (default: the lexical rules at `threshold`)."""
    quotes = {c.marker: c.quote for c in citations}

    def holds(sentence: str, cited: Sequence[str]) -> bool:
        if judge is None:
            return supports(sentence, cited, threshold)
        return bool(cited) and judge(sentence, cited)

    sentences = supported = total = needed = 0
    for claim in cite.parse_claims(answer):
        sentences += 1
        markers = list(dict.fromkeys(claim.markers))
        total += len(markers)
        # A marker without a citation object cites nothing: it can neither support nor be needed.
        cited = [quotes.get(m, "") for m in markers]
        if not holds(claim.text, [q for q in cited if q]):
            continue
        supported += 1
        for i, quote in enumerate(cited):
            rest = [q for j, q in enumerate(cited) if j != i and q]
            alone = bool(quote) and holds(claim.text, [quote])
            if alone or not holds(claim.text, rest):
                needed += 1
    return SupportCounts(sentences, supported, total, needed)


# --- one question ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One line of a question file; `answerable` is None when the file carries no gold."""

    id: str
    question: str
    answerable: bool | None = None
    answer: str = ""
    must_include: tuple[str, ...] = ()
    sources: tuple[Mapping[str, str], ...] = ()
    kind: str = ""
    plausible_answer: str = ""  # unanswerable (SQuAD 2.0): the wrong answer a careless reader gives


def score_answer(
    answer: Answer,
    question: Question,
    texts: Mapping[str, str],
    threshold: float,
    gold: Sequence[Span] = (),
    judge: Supports | None = None,
) -> dict:
    """Per-question scores (counts kept so that a run's summary can be recomputed from saved lines)."""
    support = SupportCounts() if answer.refused else citation_support(answer.answer, answer.citations, threshold, judge)
    answerable = question.answerable
    scores: dict = {
        "answerable": answerable,
        "refused": answer.refused,
        "correct": None,
        "citations": len(answer.citations),
        "valid_citations": sum(citation_valid(c, texts) for c in answer.citations),
        "gold_hit": None,
        "sentences": support.sentences,
        "supported_sentences": support.supported,
        "cited": support.citations,
        "needed_citations": support.needed,
        "citation_recall": None if answer.refused else support.recall,
        "citation_precision": None if answer.refused else support.precision,
        "retrieval_recall": None,
        "evidence_sentences": len(answer.evidence),
        "reached_model": answer.timings_ms.first_token is not None or answer.usage.prompt_tokens > 0,
        "mode": answer.mode,
        "has_short_answer": answer.short_answer is not None,
    }
    short = answer.short_answer.text if answer.short_answer is not None else None
    scores["exact_match"], scores["f1"] = squad_scores(answerable, question.must_include, answer.refused, short)
    if answerable and question.must_include:
        scores["correct"] = is_correct(answer.answer, answer.refused, question.must_include)
    if answerable and gold:
        scores["retrieval_recall"] = retrieval_recall(answer.evidence, gold)
        if answer.citations:
            scores["gold_hit"] = gold_hit(answer.citations, gold)
    return scores


# --- summaries ---------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: int) -> float | None:
    """The q-th percentile (q a whole number 0..100) with linear interpolation between closest ranks
    (`statistics.quantiles(method="inclusive")`, numpy's default); None for no values. The one percentile
    of the project: the bench scripts use it too."""
    if not values:
        return None
    if len(values) == 1 or q in (0, 100):  # quantiles() needs two points and gives only the 1st..99th
        return float(min(values) if q == 0 else max(values) if q == 100 else values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


METRICS = (
    # key, label, higher is better
    ("accuracy", "answer accuracy (answerable)", True),
    ("refusal_rate", "refusal rate (unanswerable)", True),
    ("false_refusal_rate", "false-refusal rate (answerable)", False),
    ("citation_validity", "citation validity", True),
    ("gold_hit", "citation gold-hit", True),
    ("citation_recall", "citation recall (ALCE)", True),
    ("citation_precision", "citation precision (ALCE)", True),
    ("retrieval_recall", "retrieval recall@k", True),
    ("refused_share", "refused (all questions)", None),
    ("short_answer_share", "short answer given (answers)", None),
    ("squad_em", "SQuAD EM (all with gold)", True),
    ("squad_f1", "SQuAD F1 (all with gold)", True),
    ("squad_em_answerable", "SQuAD EM (answerable)", True),
    ("squad_f1_answerable", "SQuAD F1 (answerable)", True),
    ("squad_em_unanswerable", "SQuAD EM (unanswerable)", True),
    ("squad_f1_unanswerable", "SQuAD F1 (unanswerable)", True),
    ("latency_p50", "latency p50 ms", False),
    ("latency_p95", "latency p95 ms", False),
    ("refusal_latency_p50", "time to a refusal p50 ms", False),
    ("refusal_latency_p95", "time to a refusal p95 ms", False),
    ("first_token_p50", "first token p50 ms", False),
    ("first_token_p95", "first token p95 ms", False),
    ("prompt_tokens", "prompt tokens (mean)", None),
    ("completion_tokens", "completion tokens (mean)", None),
    ("model_calls", "model calls per answer (mean)", None),
    ("model_calls_p95", "model calls per answer p95", None),
    ("evidence_sentences", "evidence sentences k (mean)", None),
)
SQUAD = ("squad_em", "squad_f1", "squad_em_answerable", "squad_f1_answerable")
SQUAD += ("squad_em_unanswerable", "squad_f1_unanswerable")
LATENCY = ("latency_p50", "latency_p95", "refusal_latency_p50", "refusal_latency_p95")
LATENCY += ("first_token_p50", "first_token_p95")
RATES = {"accuracy", "refusal_rate", "false_refusal_rate", "citation_validity", "gold_hit", "citation_recall"}
RATES |= {"citation_precision", "retrieval_recall", "refused_share", "short_answer_share", *SQUAD}


def summarise(records: Sequence[Mapping]) -> dict[str, float | int | None]:
    """The run's metrics from the saved per-question lines (None where no question qualifies); `<key>_n` is
    the number of questions (citations, for citation validity) a rate is taken over."""
    scores = [r["scores"] for r in records]
    answerable = [s for s in scores if s.get("answerable") is True]
    unanswerable = [s for s in scores if s.get("answerable") is False]
    answered = [s for s in scores if not s["refused"] and not s.get("error")]
    reached = [r for r in records if r["scores"].get("reached_model")]
    ok = [r for r in records if not r["scores"].get("error")]
    first = [r["timings_ms"]["first_token"] for r in ok if r["timings_ms"].get("first_token") is not None]
    totals = [r["timings_ms"]["total"] for r in ok]
    refusals = [r["timings_ms"]["total"] for r in ok if r["scores"]["refused"]]
    rates: dict[str, list[float]] = {
        "accuracy": [s["correct"] for s in answerable if s.get("correct") is not None],
        "refusal_rate": [s["refused"] for s in scores if s.get("answerable") is False],
        "false_refusal_rate": [s["refused"] for s in answerable],
        "citation_validity": [True] * sum(s["valid_citations"] for s in scores)
        + [False] * sum(s["citations"] - s["valid_citations"] for s in scores),
        "gold_hit": [s["gold_hit"] for s in answerable if s.get("gold_hit") is not None],
        "citation_recall": [s["citation_recall"] for s in answered if s.get("citation_recall") is not None],
        "citation_precision": [s["citation_precision"] for s in answered if s.get("citation_precision") is not None],
        "retrieval_recall": [s["retrieval_recall"] for s in answerable if s.get("retrieval_recall") is not None],
        "refused_share": [s["refused"] for s in scores],
        # Lines written before short answers existed carry no such score: they count as not measured.
        "short_answer_share": [s["has_short_answer"] for s in answered if "has_short_answer" in s],
        "squad_em": [s["exact_match"] for s in scores if s.get("exact_match") is not None],
        "squad_f1": [s["f1"] for s in scores if s.get("f1") is not None],
        "squad_em_answerable": [s["exact_match"] for s in answerable if s.get("exact_match") is not None],
        "squad_f1_answerable": [s["f1"] for s in answerable if s.get("f1") is not None],
        "squad_em_unanswerable": [s["exact_match"] for s in unanswerable if s.get("exact_match") is not None],
        "squad_f1_unanswerable": [s["f1"] for s in unanswerable if s.get("f1") is not None],
    }
    summary: dict[str, float | int | None] = {"questions": len(records), "errors": len(records) - len(ok)}
    for key, values in rates.items():
        summary[key] = _mean(values)
        summary[f"{key}_n"] = len(values)
    summary.update(
        latency_p50=percentile(totals, 50),
        latency_p95=percentile(totals, 95),
        refusal_latency_p50=percentile(refusals, 50),
        refusal_latency_p95=percentile(refusals, 95),
        first_token_p50=percentile(first, 50),
        first_token_p95=percentile(first, 95),
        prompt_tokens=_mean([r["prompt_tokens"] for r in reached]),
        completion_tokens=_mean([r["completion_tokens"] for r in reached]),
        evidence_sentences=_mean([s["evidence_sentences"] for s in scores]),
        # Lines written before calls were counted carry none: not measured.
        model_calls=_mean([r["model_calls"] for r in ok if "model_calls" in r]),
        model_calls_p95=percentile([r["model_calls"] for r in ok if "model_calls" in r], 95),
    )
    summary.update(latency_p50_n=len(totals), latency_p95_n=len(totals), first_token_p50_n=len(first))
    summary.update(refusal_latency_p50_n=len(refusals), refusal_latency_p95_n=len(refusals))
    summary.update(first_token_p95_n=len(first), prompt_tokens_n=len(reached), completion_tokens_n=len(reached))
    summary["evidence_sentences_n"] = len(scores)
    summary["model_calls_n"] = summary["model_calls_p95_n"] = sum(1 for r in ok if "model_calls" in r)
    return summary


def latency_groups(records: Sequence[Mapping]) -> list[tuple[str, float | None, float | None, int]]:
    """(group, p50, p95, n) of `timings_ms.total` (ms) for all answers, answers that are not refusals,
    refusals (the time to a refusal), each answer mode, and the first token; questions that failed are left
    out."""
    ok = [r for r in records if not r["scores"].get("error")]
    groups: dict[str, list[float]] = {
        "all answers": [r["timings_ms"]["total"] for r in ok],
        "answers (not refused)": [r["timings_ms"]["total"] for r in ok if not r["scores"]["refused"]],
        "refusals (time to a refusal)": [r["timings_ms"]["total"] for r in ok if r["scores"]["refused"]],
    }
    for r in ok:
        if not r["scores"]["refused"] and r.get("mode"):
            groups.setdefault(f"mode: {r['mode']}", []).append(r["timings_ms"]["total"])
    first = [r["timings_ms"].get("first_token") for r in ok]
    groups["first token"] = [t for t in first if t is not None]
    return [(name, percentile(v, 50), percentile(v, 95), len(v)) for name, v in groups.items()]


def by_kind(records: Sequence[Mapping]) -> dict[str, dict[str, float | int | None]]:
    """`summarise` per question kind, kinds in first-seen order ("-" for questions without one)."""
    kinds: dict[str, list[Mapping]] = {}
    for record in records:
        kinds.setdefault(record.get("kind") or "-", []).append(record)
    return {kind: summarise(group) for kind, group in kinds.items()}


def problem_score(record: Mapping) -> float:
    """How badly one question went, for the report's "worst questions": invalid citations and wrong answers
    (an answered unanswerable question included) weigh most, then missing gold and unsupported sentences."""
    s = record["scores"]
    score = 4.0 * (s["citations"] - s["valid_citations"]) + (5.0 if s.get("error") else 0.0)
    if s.get("correct") is False or (s.get("answerable") is False and not s["refused"]):
        score += 3.0
    if s.get("gold_hit") is False:
        score += 1.0
    if s.get("answerable") and s.get("has_short_answer") and not s["refused"] and s.get("f1") is not None:
        score += 1.0 - s["f1"]  # a short answer that is not the gold one
    if s.get("retrieval_recall") is not None:
        score += 1.0 - s["retrieval_recall"]
    score += (1.0 - s["citation_recall"]) if s.get("citation_recall") is not None else 0.0
    score += 0.5 * (1.0 - s["citation_precision"]) if s.get("citation_precision") is not None else 0.0
    return score
