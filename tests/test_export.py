"""Export: an answer or a conversation as Markdown (numbered sources) and JSON, checked against the answer
by rendering the Markdown the way a viewer would (markdown-it, CommonMark)."""

from __future__ import annotations

import html
import json
import re

from markdown_it import MarkdownIt

from assistant.interfaces.export import answer_json, answer_markdown, conversation_json, conversation_markdown
from assistant.schema import Answer, Citation, Timings

HOSTILE = "<script>alert(1)</script> *not bold* [link](http://x.example) `code`"
ARTICLE = f"Title\n\n1. Officials said {HOSTILE} on Monday.\nThe mayor & council agreed.\n"


def sample(question: str = "What did officials say?") -> Answer:
    first = ARTICLE.index("Officials")
    one = Citation(
        marker=1,
        article="a_b.txt",
        title=f"T {HOSTILE}",
        quote=ARTICLE[first : ARTICLE.index("\n", first)],
        start=first,
        end=ARTICLE.index("\n", first),
    )
    s2 = ARTICLE.index("The mayor")
    two = Citation(marker=2, article="a_b.txt", title="T", quote="The mayor & council agreed.", start=s2, end=s2 + 27)
    return Answer(
        question=question,
        answer=f"Officials said {HOSTILE} [1]. The council agreed [2].",
        refused=False,
        citations=[one, two],
        model="fake",
        timings_ms=Timings(total=12),
    )


def rendered_text(markdown: str) -> tuple[str, str]:
    """(HTML a viewer would produce, its visible text)."""
    page = MarkdownIt("commonmark").render(markdown)
    return page, html.unescape(re.sub(r"<[^>]+>", "", page))


def test_markdown_shows_the_answer_and_numbered_sources_as_text():
    answer = sample()
    page, text = rendered_text(answer_markdown(answer))
    assert "<script" not in page and "<a " not in page and "<em>" not in page and "<code>" not in page
    assert answer.answer in " ".join(text.split())  # the answer, markers included, exactly
    items = re.findall(r"<li>(.*?)</li>", page, flags=re.S)
    assert len(items) == len(answer.citations)  # one numbered source per citation, in marker order
    for item, c in zip(items, answer.citations, strict=True):
        shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split())
        assert c.quote in shown and c.title in shown and f"{c.article}, characters {c.start}–{c.end}" in shown
        assert ARTICLE[c.start : c.end] == c.quote
    assert re.search(r"<ol>", page)  # numbered, so [n] reads as source n


def test_conversation_exports_every_turn_in_order():
    answers = [sample("First question?"), sample("Second question?")]
    _, text = rendered_text(conversation_markdown(answers))
    assert text.index("First question?") < text.index("Second question?")
    data = json.loads(conversation_json(answers))
    assert [t["question"] for t in data["turns"]] == ["First question?", "Second question?"]
    assert data["turns"][0] == answers[0].public()


def test_a_refusal_exports_its_closest_passages_not_as_sources():
    see = Citation(marker=1, article="a.txt", title="T", quote="Close but no.", start=0, end=13)
    refusal = Answer(
        question="Q?",
        answer="The articles don't answer this.",
        refused=True,
        citations=[],
        see_also=[see],
        model="fake",
        timings_ms=Timings(),
    )
    _, text = rendered_text(answer_markdown(refusal))
    assert "Closest passages (not an answer)" in text and "Sources" not in text and "Close but no." in text
    assert answer_json(refusal)["see_also"][0]["quote"] == "Close but no."
