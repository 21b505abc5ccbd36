"""HTML escaping of everything the browser chat renders: pure functions, no browser and no server, so these
run everywhere (test_ui.py, which drives Chromium, is skipped where Playwright is missing)."""

from __future__ import annotations

from assistant.interfaces.chat_html import (
    paragraph_bounds,
    render_answer,
    render_error,
    render_question,
    render_refusal,
    render_stream,
)
from assistant.schema import Answer, Citation, Timings

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def test_card_marks_exactly_the_span_inside_its_paragraph_and_escapes_everything():
    text = f"Title\n\nFirst para. {HOSTILE} said <b>x</b>.\nSecond & last."
    start = text.index(HOSTILE)
    end = start + len(HOSTILE) + 4
    cite = Citation(marker=1, article="a.txt", title=f"T {HOSTILE_IMG}", quote=text[start:end], start=start, end=end)
    answer = Answer(
        question="q",
        answer=f"It <i>is</i> {HOSTILE} [1]. Unknown [7].",
        refused=False,
        citations=[cite],
        model="m",
        timings_ms=Timings(total=5),
    )
    rendered = render_answer(answer, {"a.txt": text}, "u1")
    assert "<script" not in rendered and "<img" not in rendered and "<i>" not in rendered and "<b>" not in rendered
    assert '<a class="cite" href="#src-u1-1">[1]</a>' in rendered and "[7]" in rendered and "#src-u1-7" not in rendered
    marked = "<mark>&lt;script&gt;alert(1)&lt;/script&gt; sai</mark>"
    assert f'<div class="para">First para. {marked}d &lt;b&gt;x&lt;/b&gt;.</div>' in rendered
    assert paragraph_bounds(text, start, end) == (text.index("First"), text.index("\nSecond"))


def test_streamed_text_questions_refusals_and_errors_are_escaped():
    see_also = [Citation(marker=1, article="a.txt", title=HOSTILE_IMG, quote=HOSTILE, start=0, end=25)]
    refusal = Answer(
        question="q", answer="No.", refused=True, citations=[], see_also=see_also, model="m", timings_ms=Timings()
    )
    # Unverified model text is not shown at all while an answer streams, markup or not.
    streaming = render_stream(f"Partial {HOSTILE} [1")
    assert "<script" not in streaming and "Partial" not in streaming
    for rendered in (
        render_question(HOSTILE_IMG),
        render_refusal(refusal),
        render_error(f"bad {HOSTILE}"),
    ):
        assert "<script" not in rendered and "<img" not in rendered and "&lt;" in rendered
    assert "Closest passages" in render_refusal(refusal) and "cite" not in render_refusal(refusal)


def test_a_citation_that_is_not_verbatim_is_never_marked_inside_the_article():
    cite = Citation(marker=1, article="a.txt", title="T", quote="not there", start=0, end=9)
    answer = Answer(question="q", answer="X [1].", refused=False, citations=[cite], model="m", timings_ms=Timings())
    rendered = render_answer(answer, {"a.txt": "Something else entirely."}, "u")
    assert "<mark>not there</mark>" in rendered and "Whole article" not in rendered
