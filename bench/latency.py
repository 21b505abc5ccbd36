"""Answer latency of the embedded model over the public question set, against what the model itself allows.

    python bench/latency.py [--limit N | --ids p01,p16] [--rate-runs 3]

Per question: total latency, time to first token, prompt tokens (whole prompt, and new = evaluated this
time), completion tokens, evidence tokens (the evidence sentences given to the model, counted with the
model's tokenizer), and the bound

    bound = prompt_tokens_new / pp_rate + completion_tokens / gen_rate

with `ratio = total / bound`: how much the pipeline (retrieval, grammar, verification, Python) adds to the
bare model arithmetic.

How the figures are measured, all in this run:
- pp_rate and gen_rate: llama.cpp directly, on the same loaded model, before the first question and again
  after the last; the faster of the two is used (the tighter bound: a slow spell on a shared machine must
  not excuse the pipeline). The KV state is
  reset (`Llama.reset()`, so nothing is reused) and a prompt of exactly 300 tokens (a random nonce line,
  then article text) is evaluated in one `eval` call: pp_rate = 300 / time (including sampling the first
  token). Then 40 tokens are generated greedily, each one sampled and evaluated: gen_rate = 40 / time.
  Median of --rate-runs repetitions. No grammar is used here: grammar cost is part of what `ratio` shows.
- prompt tokens: this Llama instance's `eval` and `sample` methods are wrapped (on the instance only;
  behaviour unchanged) to record every evaluation. llama-cpp-python keeps the previous prompt in the KV
  cache and evaluates only what follows the longest common token prefix, in one `eval` call; so the first
  `eval` of an answer holds exactly the new prompt tokens, and `n_tokens` before it is the reused prefix
  (the system message and the start of the user message): prompt_tokens = reused + new, exactly.
  completion_tokens = tokens sampled.
- total and first token: the pipeline's own `timings_ms` (question in -> verified answer out).
- Before timing, the models are warmed the way `assistant ui` does at start-up: one retrieval (embedder
  loaded, BM25 built) and the system prompt read into the KV cache. Questions refused by the relevance
  gate never reach the model; they count in total latency only.

The last line is the key=value summary.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from common import ARTICLES, add_question_options, check, load_questions, median, percentile, summary

PROMPT_TOKENS = 300
GEN_TOKENS = 40
TARGETS = {"ratio": 1.3, "p50_ms": 6000.0, "ttft_ms": 3000.0, "evidence_tokens": 400.0}


@dataclass
class Row:
    id: str
    total_ms: float
    ttft_ms: float | None
    prompt_tokens: int
    prompt_reused: int
    prompt_new: int
    completion: int
    evidence_tokens: int
    refused: bool
    bound_ms: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.total_ms / self.bound_ms if self.bound_ms else None


class EvalMeter:
    """Records what llama.cpp really evaluates and samples, by wrapping one Llama instance's methods."""

    def __init__(self, llama) -> None:
        self.llama = llama
        self.evals: list[tuple[int, int]] = []  # (tokens already in the KV cache, tokens evaluated)
        self.samples = 0
        evaluate, sample = llama.eval, llama.sample

        def counted_eval(tokens):
            self.evals.append((llama.n_tokens, len(tokens)))
            return evaluate(tokens)

        def counted_sample(*args, **kwargs):
            self.samples += 1
            return sample(*args, **kwargs)

        llama.eval, llama.sample = counted_eval, counted_sample

    def clear(self) -> None:
        self.evals.clear()
        self.samples = 0


def model_rates(llama, text: str, runs: int) -> tuple[float, float]:
    """(prompt tokens/s, generated tokens/s) of the bare model, nothing cached."""
    body = llama.tokenize(text.encode("utf-8"), add_bos=False)
    pp, gen = [], []
    llama._sampler = None  # a sampler (and grammar) left by an earlier generate() must not apply here
    for _ in range(runs):
        nonce = llama.tokenize(f"Calibration {uuid.uuid4().hex}.\n".encode(), add_bos=False)
        prompt = (nonce + body)[:PROMPT_TOKENS]
        llama.reset()
        started = time.perf_counter()
        llama.eval(prompt)
        token = llama.sample(temp=0.0)
        pp.append(len(prompt) / (time.perf_counter() - started))
        started = time.perf_counter()
        for _ in range(GEN_TOKENS):
            llama.eval([token])
            token = llama.sample(temp=0.0)
        gen.append(GEN_TOKENS / (time.perf_counter() - started))
    llama.reset()
    return median(pp), median(gen)


def warm(app) -> None:
    """What `assistant ui` does before serving: load the embedder, build BM25, cache the system prompt."""
    from assistant.models.llms import complete

    app.retriever.search("warm up", 1)
    system = app.assistant.prompts.text("system")
    complete(app.llm, [{"role": "system", "content": system}, {"role": "user", "content": "Hi"}], max_tokens=1)


def measure(app, meter: EvalMeter, question) -> Row:
    meter.clear()
    answer = app.assistant.ask(question.question)
    evidence = sum(app.llm.count_tokens(e.quote) for e in answer.evidence)
    reached_model = bool(meter.evals)
    reused, new = meter.evals[0] if reached_model else (0, 0)
    return Row(
        id=question.id,
        total_ms=answer.timings_ms.total,
        ttft_ms=answer.timings_ms.first_token,
        prompt_tokens=reused + new,
        prompt_reused=reused,
        prompt_new=new,
        completion=meter.samples,
        evidence_tokens=evidence,
        refused=answer.refused,
    )


def set_bounds(rows: list[Row], pp_rate: float, gen_rate: float) -> None:
    for row in rows:
        if row.prompt_new or row.completion:  # refused by the relevance gate: never reached the model
            row.bound_ms = (row.prompt_new / pp_rate + row.completion / gen_rate) * 1000


def show(row: Row) -> None:
    ttft = f"{row.ttft_ms:.0f}" if row.ttft_ms is not None else "-"
    bound = f"{row.bound_ms:.0f}" if row.bound_ms else "-"
    ratio = f"{row.ratio:.2f}" if row.ratio else "-"
    print(
        f"{row.id:>5}  total {row.total_ms:7.0f} ms  first token {ttft:>6} ms  prompt {row.prompt_tokens:4d} "
        f"(reused {row.prompt_reused:4d}, new {row.prompt_new:4d})  completion {row.completion:3d}  "
        f"evidence {row.evidence_tokens:4d}  bound {bound:>6} ms  ratio {ratio:>5}{'  refused' if row.refused else ''}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_question_options(parser)
    parser.add_argument("--rate-runs", type=int, default=3, help="repetitions of the pp/gen rate measurement")
    args = parser.parse_args()

    from assistant.app import App
    from assistant.models.local_llm import LocalLLM
    from assistant.settings import Settings

    questions = load_questions(args.limit, args.ids)
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        app = App(Settings(store_dir=Path(tmp) / "store"))
        result = app.ingest(ARTICLES)
        print(f"index: {result.report.sentences_added} sentences from {len(result.report.added)} articles")
        if not isinstance(app.llm, LocalLLM):
            raise SystemExit("error: this benchmark needs the local llama.cpp model (ASSISTANT_LLM_BACKEND=local)")
        llama = app.llm._llama
        meter = EvalMeter(llama)
        text = sorted(ARTICLES.glob("*.txt"))[0].read_text(encoding="utf-8")
        print(f"model: {app.llm.name}, {app.settings.resolved_threads()} threads, n_ctx {app.llm.n_ctx}")
        before = rates(llama, text, args.rate_runs, "before the questions")
        warm(app)
        rows = []
        for question in questions:
            rows.append(measure(app, meter, question))
            print(f"  {rows[-1].id}: {rows[-1].total_ms:.0f} ms", flush=True)
        after = rates(llama, text, args.rate_runs, "after the questions")
    pp_rate, gen_rate = max(before[0], after[0]), max(before[1], after[1])
    set_bounds(rows, pp_rate, gen_rate)
    for row in rows:
        show(row)
    return report(rows, pp_rate, gen_rate)


def rates(llama, text: str, runs: int, when: str) -> tuple[float, float]:
    pp_rate, gen_rate = model_rates(llama, text, runs)
    print(
        f"model rates {when}: prompt {pp_rate:.1f} tokens/s ({PROMPT_TOKENS} tokens), generation "
        f"{gen_rate:.1f} tokens/s ({GEN_TOKENS} tokens), median of {runs}",
        flush=True,
    )
    return pp_rate, gen_rate


def report(rows: list[Row], pp_rate: float, gen_rate: float) -> int:
    model_rows = [r for r in rows if r.bound_ms]
    totals = [r.total_ms for r in rows]
    figures = {
        "p50_ms": median(totals),
        "p95_ms": percentile(totals, 95),
        "ttft_ms": median([r.ttft_ms for r in rows if r.ttft_ms is not None]),
        "evidence_tokens": median([r.evidence_tokens for r in rows]),
        "ratio": median([r.ratio for r in model_rows]),
    }
    print(f"{len(rows)} questions, {len(model_rows)} reached the model")
    print(
        f"median prompt tokens {median([r.prompt_tokens for r in model_rows]):.0f} "
        f"(new {median([r.prompt_new for r in model_rows]):.0f}), "
        f"completion {median([r.completion for r in model_rows]):.0f}, "
        f"bound {median([r.bound_ms for r in model_rows]):.0f} ms"
    )
    met = [
        check("median actual/bound", figures["ratio"], TARGETS["ratio"]),
        check("p50 total latency", figures["p50_ms"], TARGETS["p50_ms"], unit=" ms"),
        check("median first token", figures["ttft_ms"], TARGETS["ttft_ms"], unit=" ms"),
        check("median evidence", figures["evidence_tokens"], TARGETS["evidence_tokens"], unit=" tokens"),
    ]
    summary(
        n=len(rows),
        **figures,
        prompt_tokens=median([r.prompt_tokens for r in model_rows]),
        prompt_tokens_new=median([r.prompt_new for r in model_rows]),
        completion_tokens=median([r.completion for r in model_rows]),
        pp_rate=pp_rate,
        gen_rate=gen_rate,
        targets_met=all(m is True for m in met),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
