"""The short answer at every edge: the chat, the CLI text, the Markdown and JSON exports and the API message
show it first, mark it inside the quote that proves it, never twice, and escape everything as before.

The answers are built by hand from a real article, so every offset is the article's own."""

from __future__ import annotations

import html
import json
import re

import pytest
from markdown_it import MarkdownIt

from assistant.interfaces.api_schema import AssistantMessage, message_of
from assistant.interfaces.chat_html import render_answer as chat_answer
from assistant.interfaces.cli import render_answer as cli_answer
from assistant.interfaces.export import answer_json, answer_markdown
from assistant.interfaces.short_answer import lead, span_in_quote
from assistant.schema import Answer, Citation, ShortAnswer, Timings

from .conftest import ARTICLES

FILE = "000_45d2fcbcc429a1f9.txt"
TEXT = (ARTICLES / FILE).read_bytes().decode("utf-8-sig")
QUOTE = next(line for line in TEXT.splitlines() if "General Frank McKenzie had said" in line)
QUOTE = QUOTE[QUOTE.index("Earlier, US CENTCOM") : QUOTE.index("indeed.") + len("indeed.")]
Q_START = TEXT.index(QUOTE)
SHORT = "General Frank McKenzie"
S_START = TEXT.index(SHORT, Q_START)
HOSTILE = "<script>alert(1)</script> *x* [l](http://x.example)"


def citation(marker: int = 1) -> Citation:
    return Citation(
        marker=marker, article=FILE, title="Pakistani jihadist", quote=QUOTE, start=Q_START, end=Q_START + len(QUOTE)
    )


def short(marker: int | None = 1) -> ShortAnswer:
    return ShortAnswer(text=SHORT, article=FILE, start=S_START, end=S_START + len(SHORT), marker=marker)


def answer(text: str, short_answer: ShortAnswer | None = None, refused: bool = False) -> Answer:
    return Answer(
        question="Which CENTCOM commander said the Taliban were pretending?",
        answer=text,
        refused=refused,
        citations=[] if refused else [citation()],
        model="m",
        timings_ms=Timings(total=5),
        short_answer=short_answer,
    )


OPENS = answer(f"{SHORT} [1]\n\n“{QUOTE}” [1]", short())  # the pipeline's shape: short answer, then proof
QUOTE_ONLY = answer(f"“{QUOTE}” [1]", short())  # a short answer the text does not open with
PLAIN = answer(f"“{QUOTE}” [1]")  # no short answer (a written answer)


def test_the_offsets_are_the_articles_own():
    assert TEXT[S_START : S_START + len(SHORT)] == SHORT and TEXT[Q_START : Q_START + len(QUOTE)] == QUOTE
    assert span_in_quote(citation(), short()) == (S_START - Q_START, S_START - Q_START + len(SHORT))
    moved = short().model_copy(update={"start": S_START + 1, "end": S_START + 1 + len(SHORT)})
    assert span_in_quote(citation(), moved) is None  # the same words elsewhere are not this span


@pytest.mark.parametrize("given", [OPENS, QUOTE_ONLY])
def test_cli_prints_the_short_answer_first_and_once(given):
    out = cli_answer(given)
    first, blank, third = out.splitlines()[:3]
    assert (first, blank) == (f"{SHORT} [1]", "") and third.startswith("“Earlier")
    assert out.count(SHORT) == 3  # the line on top, the proof in the answer, the quote under Sources


@pytest.mark.parametrize("opening", [f"{SHORT} [1].", f"{SHORT}. [1]", f"  {SHORT}[1]"])
def test_an_opening_line_with_a_full_stop_is_still_the_short_answer(opening):
    given = answer(f"{opening}\n\n“{QUOTE}” [1]", short())
    assert lead(given).body == f"“{QUOTE}” [1]" and cli_answer(given).count(SHORT) == 3


def test_cli_prints_an_answer_without_a_short_answer_as_before():
    assert cli_answer(PLAIN).splitlines()[0] == PLAIN.answer
    in_sentence = answer(f"{SHORT} said the Taliban were pretending [1].", short())
    # The text opens with the words but as part of a sentence: the short answer goes on top, the sentence stays.
    assert cli_answer(in_sentence).splitlines()[:3] == [f"{SHORT} [1]", "", in_sentence.answer]


@pytest.mark.parametrize("given", [OPENS, QUOTE_ONLY])
def test_chat_shows_the_short_answer_on_top_and_marks_it_inside_the_quote(given):
    page = chat_answer(given, {FILE: TEXT}, "u")
    top = re.search(r'<p class="short">(.*?)</p>', page).group(1)
    assert top == f'{SHORT} <a class="cite" href="#src-u-1">[1]</a>'
    assert page.index('class="short"') < page.index('class="text"') < page.index('class="card"')
    span = f'<strong class="span">{SHORT}</strong>'
    body = re.search(r'<p class="text">(.*?)</p>', page).group(1)
    assert body.count(span) == 1 and body.count(SHORT) == 1  # the proof, span marked, short answer not repeated
    card = re.search(r'<div class="para">(.*?)</div>', page).group(1)
    assert f"<mark>Earlier, US CENTCOM Commander {span} had said" in card
    assert page.count(span) == 3  # the text, the card's paragraph, the whole article


def test_chat_never_marks_a_span_that_is_not_the_short_answer():
    wrong = short().model_copy(update={"text": "General Frank McKenzie!"})
    page = chat_answer(answer(f"“{QUOTE}” [1]", wrong), {FILE: TEXT}, "u")
    assert 'class="span"' not in page and "General Frank McKenzie!" in page


def test_chat_escapes_a_hostile_short_answer_and_quote():
    text = f"Title\n\nThey said {HOSTILE} today.\n"
    q_start = text.index("They")
    quote = text[q_start : text.index("today.") + 6]
    s_start = text.index(HOSTILE)
    cite = Citation(marker=1, article="h.txt", title=HOSTILE, quote=quote, start=q_start, end=q_start + len(quote))
    sa = ShortAnswer(text=HOSTILE, article="h.txt", start=s_start, end=s_start + len(HOSTILE), marker=1)
    hostile = Answer(
        question=HOSTILE,
        answer=f"{HOSTILE} [1]\n\n“{quote}” [1]",
        refused=False,
        citations=[cite],
        model="m",
        timings_ms=Timings(),
        short_answer=sa,
    )
    page = chat_answer(hostile, {"h.txt": text}, "u")
    assert "<script" not in page and "&lt;script&gt;" in page and 'class="span">&lt;script&gt;' in page
    md_page = MarkdownIt("commonmark").render(answer_markdown(hostile))
    assert "<script" not in md_page and "<a " not in md_page and "<em>" not in md_page


def test_a_refusal_shows_no_short_answer():
    refusal = answer("The articles don't say which commander.", short(), refused=True)
    assert lead(refusal).short is None and 'class="short"' not in chat_answer(refusal, {FILE: TEXT}, "u")
    assert cli_answer(refusal).splitlines()[0] == refusal.answer


def visible(markdown: str) -> tuple[str, str]:
    page = MarkdownIt("commonmark").render(markdown)
    return page, " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("given", [OPENS, QUOTE_ONLY])
def test_markdown_puts_the_short_answer_first_in_bold_and_bolds_it_in_the_source(given):
    page, text = visible(answer_markdown(given))
    first = re.search(r"<p>(.*?)</p>", page).group(1)
    assert first == f"<strong>{SHORT}</strong> [1]"
    assert text.count(SHORT) == 3 and f"“{QUOTE}” [1]" in text
    quote = re.search(r"<blockquote>\s*<p>(.*?)</p>", page, flags=re.S).group(1)
    assert quote == html.escape(QUOTE, quote=False).replace(SHORT, f"<strong>{SHORT}</strong>")


def test_markdown_of_an_answer_without_a_short_answer_is_unchanged():
    page, text = visible(answer_markdown(PLAIN))
    assert "<strong>General" not in page and f"“{QUOTE}” [1]" in text


def test_json_and_the_api_message_carry_the_short_answer():
    want = {"text": SHORT, "article": FILE, "start": S_START, "end": S_START + len(SHORT), "marker": 1}
    assert answer_json(OPENS)["short_answer"] == want
    assert json.loads(json.dumps(OPENS.public()))["short_answer"] == want
    message = message_of(OPENS).model_dump()
    assert message["short_answer"] == want and message["content"].startswith(f"{SHORT} [1]")
    assert message_of(PLAIN).model_dump()["short_answer"] is None and answer_json(PLAIN)["short_answer"] is None
    fields = AssistantMessage.model_json_schema()["$defs"]["ApiShortAnswer"]["properties"]
    assert {"text", "article", "start", "end"} <= set(fields) and all(f.get("description") for f in fields.values())
