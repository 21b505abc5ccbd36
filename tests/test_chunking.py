from pathlib import Path

import pytest

from assistant.chunking import split_article
from assistant.ingest import read_article

from .conftest import ARTICLES

BOILERPLATE = [
    "Connect with us",
    "Leave a Reply",
    "Click to comment",
    "Subscribe via Email",
    "Source link",
    "bloggers like this",
    "Back to top button",
    "Read also:",
    "Skip to content",
    "Your email address",
    "Learn more about The Daily Beast",
    "Register now",
    "NurPhoto / Getty",
    "Recommended for you",
]


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sentence_offset_round_trips(path: Path):
    article = read_article(path)
    raw = path.read_text(encoding="utf-8")
    assert article.text == raw
    assert len(article.spans) >= 10
    for start, end in article.spans:
        sentence = raw[start:end]
        assert sentence == sentence.strip() and len(sentence.split()) >= 3


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_boilerplate_never_becomes_a_sentence(path: Path):
    article = read_article(path)
    for i in range(len(article.spans)):
        sentence = article.sentence(i)
        for phrase in BOILERPLATE:
            assert phrase.lower() not in sentence.lower(), (phrase, sentence)


def test_title_is_the_headline_not_the_navigation():
    titles = {p.name: read_article(p).title for p in ARTICLES.glob("*.txt")}
    assert titles["000_45d2fcbcc429a1f9.txt"] == "Pakistani jihadist sees Taliban ‘victory’ in Afghanistan"
    assert titles["002_38e1f6e2efff039d.txt"] == "America's Taliban dilemma mirrors Pakistan's struggle"


def test_general_rules_drop_unseen_boilerplate():
    text = (
        "Storm hits the coast\n\nBy Jane Doe\n\nShare this article\n\nFollow us on Twitter for updates.\n\n"
        "The storm reached the coast on Monday and cut power to 20,000 homes. Repairs began at once.\n\n"
        "Sign up for our newsletter to get the news first.\n\nTags: storm, coast, power\n"
    )
    title, spans = split_article(text)
    sentences = [text[s:e] for s, e in spans]
    assert title == "Storm hits the coast"
    assert sentences == [
        "The storm reached the coast on Monday and cut power to 20,000 homes.",
        "Repairs began at once.",
    ]


def test_markdown_markers_are_not_part_of_the_quote():
    text = "# Heading here now\n\n> The council approved the budget on Tuesday after a long debate.\n"
    _, spans = split_article(text)
    assert [text[s:e] for s, e in spans] == ["The council approved the budget on Tuesday after a long debate."]
