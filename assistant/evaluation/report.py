"""What `assistant eval` shows: the terminal summary, the Markdown/HTML report with its plots, comparisons."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from .metrics import LATENCY, METRICS, RATES, SQUAD, by_kind, latency_groups, problem_score, summarise

FORMATS = (".md", ".markdown", ".html", ".htm")
WORST = 10
NOTE = (
    "n: the questions a figure is taken over (citations, for citation validity). "
    "Definitions: README, section Evaluation, and assistant/evaluation/metrics.py."
)
SQUAD_NOTE = (
    "Exact match and token F1 of the short answer against the best must_include string, with SQuAD's "
    "normalisation (lower case, no punctuation, no a/an/the); on an unanswerable question a refusal scores 1 "
    "and anything else 0; on an answerable one a refusal or a missing short answer scores 0 (SQuAD 2.0)."
)
SQUAD_GROUPS = (("all with gold", ""), ("answerable", "_answerable"), ("unanswerable", "_unanswerable"))
KIND_COLUMNS = (
    ("questions", "n"),
    ("accuracy", "accuracy"),
    ("squad_em", "EM"),
    ("squad_f1", "F1"),
    ("refused_share", "refused"),
    ("gold_hit", "gold-hit"),
    ("citation_recall", "cit. recall"),
    ("citation_precision", "cit. precision"),
    ("retrieval_recall", "retrieval"),
    ("latency_p50", "p50 ms"),
    ("latency_p95", "p95 ms"),
)


def fmt(key: str, value: float | int | None) -> str:
    if value is None:
        return "–"
    if key in RATES:
        return f"{100 * value:.1f}%"
    if key.endswith(("_p50", "_p95")):
        return f"{value:,.0f}"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def metric_rows(summary: Mapping) -> list[list[str]]:
    """The figures other than SQuAD's and the latencies, which have tables of their own."""
    own_table = {*SQUAD, *LATENCY}
    return [
        [label, fmt(key, summary[key]), str(summary.get(f"{key}_n", ""))]
        for key, label, _ in METRICS
        if key not in own_table
    ]


def squad_rows(summary: Mapping) -> list[list[str]]:
    """EM and F1 side by side, over all questions with gold, answerable and unanswerable ones."""
    return [
        [
            group,
            fmt("squad_em", summary[f"squad_em{suffix}"]),
            fmt("squad_f1", summary[f"squad_f1{suffix}"]),
            str(summary[f"squad_em{suffix}_n"]),
        ]
        for group, suffix in SQUAD_GROUPS
    ]


def latency_rows(records: Sequence[Mapping]) -> list[list[str]]:
    """p50 and p95 side by side: all answers, answers, refusals (time to a refusal), each mode, first token."""
    return [[name, fmt("_p50", p50), fmt("_p95", p95), str(n)] for name, p50, p95, n in latency_groups(records)]


SQUAD_HEAD = ["SQuAD 2.0", "EM", "F1", "n"]
LATENCY_HEAD = ["latency", "p50 ms", "p95 ms", "n"]


def kind_rows(records: Sequence[Mapping]) -> list[list[str]]:
    return [[kind] + [fmt(k, s[k]) for k, _ in KIND_COLUMNS] for kind, s in by_kind(records).items()]


def problems(record: Mapping) -> list[str]:
    s = record["scores"]
    found = [f"error: {s['error']}"] if s.get("error") else []
    if s.get("answerable") and s["refused"]:
        found.append("false refusal")
    elif s.get("correct") is False:
        found.append("wrong answer")
    if s.get("answerable") is False and not s["refused"]:
        found.append("answered an unanswerable question")
    if s["citations"] > s["valid_citations"]:
        found.append(f"{s['citations'] - s['valid_citations']} invalid citation(s)")
    if s.get("answerable") and not s["refused"] and s.get("f1") is not None and s.get("exact_match") != 1:
        found.append("no short answer" if not s.get("has_short_answer") else f"short answer F1 {s['f1']:.2f}")
    if s.get("gold_hit") is False:
        found.append("no citation of the gold passage")
    if s.get("retrieval_recall") is not None and s["retrieval_recall"] < 1:
        found.append(f"retrieval found {s['retrieval_recall']:.0%} of the gold passages")
    if s["sentences"] > s["supported_sentences"] and not s["refused"]:
        found.append(f"{s['sentences'] - s['supported_sentences']} of {s['sentences']} sentences unsupported")
    if s["cited"] > s["needed_citations"] and not s["refused"]:
        found.append(f"{s['cited'] - s['needed_citations']} of {s['cited']} citations imprecise")
    return found


def worst(records: Sequence[Mapping], n: int = WORST) -> list[Mapping]:
    """The questions with the most serious problems, worst first (only those with a problem)."""
    scored = [(problem_score(r), i, r) for i, r in enumerate(records)]
    return [r for score, _, r in sorted(scored, key=lambda t: (-t[0], t[1])) if score > 0][:n]


def _gold(record: Mapping) -> str:
    gold = record.get("gold") or {}
    if record["scores"].get("answerable") is False:
        plausible = gold.get("plausible_answer")
        return "(unanswerable: should refuse)" + (f" [a careless answer: {plausible}]" if plausible else "")
    text = gold.get("answer", "")
    if gold.get("must_include"):
        text += f" [must include one of: {', '.join(gold['must_include'])}]"
    return text.strip()


def _citations(record: Mapping) -> list[str]:
    return [f"[{c['marker']}] {c['article']} {c['start']}-{c['end']}: “{c['quote']}”" for c in record["citations"]]


def _header(records: Sequence[Mapping], meta: Mapping) -> list[tuple[str, str]]:
    items = [("model", meta.get("model", "")), ("questions", f"{len(records)} from {meta.get('source', '')}")]
    if meta.get("support_threshold") is not None:
        items.append(("support threshold (judge)", str(meta["support_threshold"])))
    items.append(("date", meta.get("date", "")))
    if meta.get("partial"):
        items.append(("note", "interrupted run: partial results"))
    return items


# --- terminal --------------------------------------------------------------------------------------------------


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(_pad(c, w, i) for i, (c, w) in enumerate(zip(row, widths, strict=True))) for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _pad(cell: str, width: int, column: int) -> str:
    return str(cell).ljust(width) if column == 0 else str(cell).rjust(width)


def terminal(records: Sequence[Mapping], meta: Mapping) -> str:
    head = "; ".join(f"{k}: {v}" for k, v in _header(records, meta))
    summary = summarise(records)
    parts = [head, "", text_table(["metric", "value", "n"], metric_rows(summary))]
    parts += ["", text_table(SQUAD_HEAD, squad_rows(summary))]
    parts += ["", text_table(LATENCY_HEAD, latency_rows(records))]
    parts += ["", text_table(["kind"] + [label for _, label in KIND_COLUMNS], kind_rows(records))]
    return "\n".join(parts)


def comparison(a: Sequence[Mapping], b: Sequence[Mapping], names: Sequence[str]) -> str:
    """Two runs side by side with B - A deltas, recomputed from their saved lines."""
    sa, sb = summarise(a), summarise(b)
    rows = [["questions", str(sa["questions"]), str(sb["questions"]), ""]]
    for key, label, _ in METRICS:
        rows.append([label, fmt(key, sa[key]), fmt(key, sb[key]), _delta(key, sa[key], sb[key])])
    ka, kb = by_kind(a), by_kind(b)
    for kind in dict.fromkeys([*ka, *kb]):
        va, vb = (k.get(kind, {}).get("accuracy") for k in (ka, kb))
        rows.append([f"accuracy: {kind}", fmt("accuracy", va), fmt("accuracy", vb), _delta("accuracy", va, vb)])
    models = [next((r.get("model") for r in run if r.get("model")), "?") for run in (a, b)]
    lines = [f"A: {names[0]} ({models[0]})", f"B: {names[1]} ({models[1]})"]
    ids_a, ids_b = {r.get("id") for r in a}, {r.get("id") for r in b}
    if ids_a != ids_b:
        lines.append(f"note: the runs share {len(ids_a & ids_b)} question ids of {len(ids_a | ids_b)}")
    return "\n".join([*lines, "", text_table(["metric", "A", "B", "B - A"], rows)])


def _delta(key: str, a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return ""
    if key in RATES:
        return f"{100 * (b - a):+.1f} pt"
    return f"{b - a:+,.1f}"


# --- files -----------------------------------------------------------------------------------------------------


def write(path: Path, records: Sequence[Mapping], meta: Mapping) -> list[Path]:
    """The report at `path` (.md or .html by extension) and its PNG plots beside it; returns the files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    images = plots(records, path.parent, path.stem)
    render: Callable = html_report if path.suffix.lower() in {".html", ".htm"} else markdown_report
    path.write_text(render(records, meta, [p.name for p in images]), encoding="utf-8")
    return [path, *images]


def plots(records: Sequence[Mapping], folder: Path, stem: str) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")  # files only: never open a window, work without a display
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    written = []
    fig, ax = plt.subplots(figsize=(7, 3.5))
    total = [r["timings_ms"]["total"] / 1000 for r in records if not r["scores"].get("error")]
    first = [r["first_token_ms"] / 1000 for r in records if r.get("first_token_ms") is not None]
    refused = [r for r in records if r["scores"]["refused"] and not r["scores"].get("error")]
    refusals = [r["timings_ms"]["total"] / 1000 for r in refused]
    # One set of bin edges for all series, so their bars line up.
    bins = np.histogram_bin_edges(total + first, bins=max(5, min(30, len(total))))
    ax.hist(total, bins=bins, alpha=0.7, label="total", color="tab:blue")
    if first:
        ax.hist(first, bins=bins, alpha=0.6, label="first token", color="tab:orange")
    if refusals:
        ax.hist(refusals, bins=bins, histtype="step", linewidth=2, label="refusals (total)", color="tab:red")
    ax.set(xlabel="seconds", ylabel="questions", title="Latency per question")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend()
    written.append(_save(fig, folder / f"{stem}-latency.png"))

    labels, values = [], []
    for kind, s in by_kind(records).items():
        if s["accuracy"] is not None:
            labels.append(kind)
            values.append(s["accuracy"])
        elif s["refusal_rate"] is not None:
            labels.append(f"{kind}\n(refusal rate)")
            values.append(s["refusal_rate"])
    if labels:
        fig, ax = plt.subplots(figsize=(7, 3.5))
        bars = ax.bar(labels, [100 * v for v in values], color="tab:green")
        ax.bar_label(bars, labels=[f"{100 * v:.0f}%" for v in values])
        ax.set(ylim=(0, 110), ylabel="%", title="Answer accuracy by question kind")
        ax.tick_params(axis="x", labelsize=8)
        written.append(_save(fig, folder / f"{stem}-accuracy-by-kind.png"))
    return written


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _worst_rows(records: Sequence[Mapping]) -> list[dict[str, object]]:
    return [
        {
            "id": r.get("id", ""),
            "kind": r.get("kind", ""),
            "problems": "; ".join(problems(r)),
            "question": r["question"],
            "short answer": (r.get("short_answer") or {}).get("text", "–"),
            "answer": r["answer"],
            "gold": _gold(r),
            "citations": _citations(r),
        }
        for r in worst(records)
    ]


WORST_HEAD = ["id", "kind", "problems", "question", "short answer", "answer", "gold", "citations"]


def md_cell(text: object) -> str:
    """Table-cell safe: no raw HTML, no pipes, no line breaks."""
    lines = text if isinstance(text, list) else str(text).splitlines()
    return "<br>".join(html.escape(line, quote=False).replace("|", "\\|") for line in lines) or " "


def _md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]


def markdown_report(records: Sequence[Mapping], meta: Mapping, images: Sequence[str]) -> str:
    out = ["# Evaluation report", ""]
    out += [f"- **{md_cell(k)}**: {md_cell(v)}" for k, v in _header(records, meta)]
    summary = summarise(records)
    out += ["", "## Metrics", "", *_md_table(["metric", "value", "n"], metric_rows(summary)), "", NOTE]
    out += ["", "## SQuAD 2.0 (short answer)", "", *_md_table(SQUAD_HEAD, squad_rows(summary)), "", SQUAD_NOTE]
    out += ["", "## Latency", "", *_md_table(LATENCY_HEAD, latency_rows(records))]
    header = ["kind"] + [label for _, label in KIND_COLUMNS]
    out += ["", "## By question kind", "", *_md_table(header, kind_rows(records))]
    out += ["", "## Plots", ""] + [f"![{md_cell(name)}]({quote(name)})" for name in images]
    rows = _worst_rows(records)
    out += ["", f"## Worst {len(rows)} questions", ""]
    out += _md_table(WORST_HEAD, [list(r.values()) for r in rows])
    return "\n".join(out) + "\n"


# --- HTML ------------------------------------------------------------------------------------------------------

_STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right}img{max-width:48%;margin-right:1%}.small{font-size:90%}"""

# Autoescaped: every value (article text, quotes, model output, file names) is escaped by Jinja2, so no
# field can carry markup into the page.
_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Evaluation report</title>
<style>{{ style }}</style></head><body><h1>Evaluation report</h1>
<ul>{% for key, value in header %}<li><b>{{ key }}</b>: {{ value }}</li>{% endfor %}</ul>
{%- macro table(head, rows, cls="") %}
<table{% if cls %} class="{{ cls }}"{% endif %}><tr>{% for h in head %}<th>{{ h }}</th>{% endfor %}</tr>
{%- for row in rows %}<tr>{% for cell in row %}<td{% if loop.index0 and not cls %} class="num"{% endif %}>
{%- if cell is sequence and cell is not string %}{{ cell | join("<br>"|safe) }}{% else %}{{ cell }}{% endif -%}
</td>{% endfor %}</tr>{% endfor %}</table>
{%- endmacro %}
<h2>Metrics</h2>{{ table(["metric", "value", "n"], metrics) }}<p>{{ note }}</p>
<h2>SQuAD 2.0 (short answer)</h2>{{ table(squad_head, squad) }}<p>{{ squad_note }}</p>
<h2>Latency</h2>{{ table(latency_head, latency) }}
<h2>By question kind</h2>{{ table(kind_head, kinds) }}
<h2>Plots</h2>{% for name in images %}<img src="{{ name | urlencode }}" alt="{{ name }}">{% endfor %}
<h2>Worst {{ worst | length }} questions</h2>
{{ table(worst_head, worst, cls="small") }}
</body></html>
"""


def html_report(records: Sequence[Mapping], meta: Mapping, images: Sequence[str]) -> str:
    from jinja2 import Environment

    template = Environment(autoescape=True).from_string(_HTML)
    summary = summarise(records)
    return template.render(
        style=_STYLE,
        header=_header(records, meta),
        metrics=metric_rows(summary),
        note=NOTE,
        squad_head=SQUAD_HEAD,
        squad=squad_rows(summary),
        squad_note=SQUAD_NOTE,
        latency_head=LATENCY_HEAD,
        latency=latency_rows(records),
        kind_head=["kind"] + [label for _, label in KIND_COLUMNS],
        kinds=kind_rows(records),
        images=images,
        worst_head=WORST_HEAD,
        worst=[list(r.values()) for r in _worst_rows(records)],
    )
