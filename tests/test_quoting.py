"""Quoting first, around the judge: which sentences a why-question's quoted answer is made of."""

from assistant.answering.plan import plan
from assistant.answering.quoting import Findings, candidates, quote_answer
from assistant.models.prompts import Prompts
from assistant.schema import Article, Evidence
from assistant.settings import Settings
from assistant.verification.judge import Judge
from tests.fakes import FixedScorer

SENTENCES = [
    "The mayor called the new harbour plan the best outcome for the city of Lund.",
    "It can cut the cost of shipping grain, and it gives the port time to rebuild its docks.",
    "Critics of the mayor say the harbour plan for the city came too late for the fishing fleet.",
    "The harbour plan for the city will be voted on in May, the mayor said.",
]


def article() -> Article:
    text = " ".join(SENTENCES)
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in SENTENCES)
    return Article(doc_id="d1", file="lund.txt", title="Lund", text=text, spans=spans)


def quoted(judge: Judge, question: str) -> list[str] | None:
    a = article()
    evidence = [Evidence(number=n, article=a, index=n - 1) for n in range(1, len(SENTENCES) + 1)]
    flow = quote_answer(judge, Settings(), plan(question), evidence, lambda: None)
    try:
        while True:
            next(flow)
    except StopIteration as done:
        return None if done.value is None else [c.quote for c in done.value[1]]


def test_a_why_answer_quotes_the_claim_and_the_sentence_after_it_that_gives_the_reason():
    # every passage answers, and the judge's copy restates the question up to where its reason begins
    judge = Judge(FixedScorer("The mayor calls the harbour plan the best outcome because", True, 0.1), Prompts())
    quotes = quoted(judge, "Why does the mayor call the harbour plan the best outcome for the city?")
    # the reason shares few of the question's words, yet is judged right after the claim it explains
    assert quotes == [SENTENCES[0], SENTENCES[1]]


def test_a_copy_that_only_restates_the_question_is_still_an_echo():
    judge = Judge(FixedScorer("The mayor calls the harbour plan the best outcome", True, 0.1), Prompts())
    assert quoted(judge, "Why does the mayor call the harbour plan the best outcome for the city?") is None


PARAGRAPHS = [
    ["The council met in March to discuss the ferry."],
    [
        "Many of the ferry's crew were born on the island, said the captain.",
        "Their families have run the boats for a century.",
        "It will therefore not be easy to replace the ferry, he said.",
    ],
    ["A bridge would cost more than the island can raise."],
]


def paragraphed() -> list[Evidence]:
    text = "\n".join(" ".join(p) for p in PARAGRAPHS)
    sentences = [s for p in PARAGRAPHS for s in p]
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in sentences)
    a = Article(doc_id="d2", file="ferry.txt", title="Ferry", text=text, spans=spans)
    return [Evidence(number=n, article=a, index=n - 1) for n in range(1, len(sentences) + 1)]


class ReasonScorer(FixedScorer):
    """A judge model that finds a passage answers only when it holds `reason`."""

    def __init__(self, reason: str) -> None:
        super().__init__("The families have run the boats for a century", True, 0.1)
        self.reason = reason
        self.passages: list[str] = []

    def reply_probability(self, messages, starts) -> float:
        self.passages.append(messages[-1]["content"])
        return 0.1 if self.reason in messages[-1]["content"] else 0.9


def test_a_sentence_that_points_back_is_judged_and_quoted_with_the_sentences_of_its_paragraph_it_leans_on():
    scorer = ReasonScorer("for a century")
    evidence = paragraphed()
    flow = quote_answer(
        Judge(scorer, Prompts()),
        Settings(),
        plan("Why will it not be easy to replace the ferry?"),
        evidence,
        lambda: None,
    )
    try:
        while True:
            next(flow)
    except StopIteration as done:
        quotes = [c.quote for c in done.value[1]]
    # "It will therefore …" leans on "Their families …", which leans on the sentence before it; the
    # council's sentence is another paragraph and the bridge's does not point back
    assert quotes == [s for s in PARAGRAPHS[1]]


def test_a_sentence_opening_on_a_discourse_marker_is_read_with_the_one_before():
    from assistant.answering.quoting import passage

    sentences = [
        "The port had reason to expect a reward for lending the fleet its cranes.",
        "In return, the port expected the fleet to guard its harbour.",
        "To that end, the fleet moved two ships north.",
    ]
    text = " ".join(sentences)
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in sentences)
    a = Article(doc_id="d3", file="port.txt", title="Port", text=text, spans=spans)
    evidence = [Evidence(number=n, article=a, index=n - 1) for n in range(1, len(sentences) + 1)]
    assert [e.text for e in passage(evidence[0], evidence)] == sentences[:2]  # one sentence after at most
    assert [e.text for e in passage(evidence[2], evidence)] == sentences  # back along the chain it leans on


def test_a_passage_stops_at_its_paragraph():
    from assistant.answering.quoting import passage

    evidence = paragraphed()
    assert [e.text for e in passage(evidence[1], evidence)] == PARAGRAPHS[1][:2]  # the next one leans back
    assert [e.text for e in passage(evidence[4], evidence)] == PARAGRAPHS[2]  # after a line break: alone
    # a sentence that neither points back nor is continued stands alone
    assert [e.text for e in passage(evidence[0], evidence)] == PARAGRAPHS[0]


class NamedScorer(FixedScorer):
    """A judge model that finds a passage answers only when it names `name`, and copies it."""

    def __init__(self, name: str) -> None:
        super().__init__(name, True, 0.1)
        self.name_in = name
        self.passages: list[str] = []

    def reply_probability(self, messages, starts) -> float:
        self.passages.append(messages[-1]["content"])
        return 0.1 if self.name_in in messages[-1]["content"] else 0.9


def evidence_of(sentences: list[str], file: str) -> list[Evidence]:
    """The sentences as one article's evidence, numbered 1..n in reading order."""
    text = " ".join(sentences)
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in sentences)
    a = Article(doc_id=file, file=file, title=file.removesuffix(".txt").title(), text=text, spans=spans)
    return [Evidence(number=n, article=a, index=n - 1) for n in range(1, len(sentences) + 1)]


def test_a_question_a_span_answers_judges_three_candidates_at_most():
    sentences = [
        "The Vik dam was built in stone by the council of Lund.",
        "The Vik dam was planned by the council of Lund.",
        "The Vik dam was opened by the mayor of Lund.",
        "Anna Berg, an engineer, was behind the Vik dam.",
    ]
    evidence = evidence_of(sentences, "vik.txt")
    scorer = NamedScorer("Anna Berg")
    flow = quote_answer(Judge(scorer, Prompts()), Settings(), plan("Who built the Vik dam?"), evidence, lambda: None)
    try:
        while True:
            next(flow)
    except StopIteration as done:
        result = done.value
    # the fourth candidate, the only one that answers, is never put to the judge: a refusal
    assert result is None
    assert len(scorer.passages) == 3 and not any("Anna Berg" in p for p in scorer.passages)


def test_a_full_name_counts_once_in_the_ranking():
    sentences = [
        "Lena Maria Berg spoke to reporters in Lund on Monday.",
        "Lena Maria Berg has led the union since 2019.",
        "Berg gave her first interview to Radio Vik.",
    ]
    evidence = evidence_of(sentences, "berg.txt")
    pool = candidates("Which radio station interviewed Lena Maria Berg?", evidence, 0.0)
    # her name and the interview outrank her name alone, however many words the name has
    assert pool[0].text == sentences[2]


def test_a_part_of_a_name_counts_for_its_share():
    sentences = [
        "Dockers in Lund went on strike in May.",
        "The Vik Dockers Union held a vote in May.",
        "Mara Lund has led the Vik Dockers Union since 2019.",
    ]
    evidence = evidence_of(sentences, "dock.txt")
    pool = candidates("Who has led the Vik Dockers Union since 2019?", evidence, 0.0)
    # "Dockers" alone is a third of the union's name: the whole name and the years held rank first
    assert pool[0].text == sentences[2]
    assert pool.index(next(e for e in pool if e.text == sentences[1])) < pool.index(
        next(e for e in pool if e.text == sentences[0])
    )


def test_a_word_every_sentence_holds_counts_less_than_one_few_hold():
    sentences = [
        "Per Holm lives by the Vik in Lund.",
        "Ola Dahl fishes on the Vik near Lund.",
        "Anna Berg built the old mill.",
    ]
    evidence = evidence_of(sentences, "vik.txt")
    pool = candidates("Who built the mill at Lund on the Vik?", evidence, 0.0)
    # each holds two of the asked words, but "Vik" and "Lund" are in most sentences, "built" and "mill" in one
    assert pool[0].text == sentences[2]


def test_a_span_may_stand_in_the_sentence_after_that_refers_back_to_the_one_about_the_question():
    sentences = [
        "The council promised to keep the old dam open to boats.",
        "However, the flood of 1953 raised questions about this promise.",
        "The old dam was painted green in 1990.",
    ]
    evidence = evidence_of(sentences, "dam.txt")
    scorer = NamedScorer("the flood of 1953")
    question = "What cast doubt on the council's promise to keep the old dam open to boats?"
    # the sentence that answers shares one of the question's words: on its own it would not be judged
    assert [e.text for e in candidates(question, evidence, Settings().extract_min_overlap)] == [sentences[0]]
    found = Findings()
    flow = quote_answer(Judge(scorer, Prompts()), Settings(), plan(question), evidence, lambda: None, found)
    try:
        while True:
            next(flow)
    except StopIteration as done:
        result = done.value
    assert result is not None and [c.quote for c in result[1]] == [sentences[1]]
    assert found.short is not None and found.short.text == "the flood of 1953"


def test_a_time_is_not_taken_from_the_sentence_after_that_only_refers_back():
    sentences = [
        "The council kept the old dam open to boats for many years.",
        "This was followed by a flood, which came in 1953.",
    ]
    evidence = evidence_of(sentences, "dam.txt")
    scorer = NamedScorer("1953")
    question = "How long did the council keep the old dam open to boats?"
    flow = quote_answer(Judge(scorer, Prompts()), Settings(), plan(question), evidence, lambda: None)
    try:
        while True:
            next(flow)
    except StopIteration as done:
        result = done.value
    # the year belongs to the flood, an event the question does not ask about
    assert result is None and not any("1953" in p for p in scorer.passages)


def test_a_sentence_naming_what_is_asked_about_is_a_candidate_when_the_next_one_names_the_answer():
    sentences = [
        "Some key members of the guild want it to leave the Lund league, people said.",
        "Among them are Anna Berg and Olof Dahl, its two treasurers.",
        "The Lund league was founded by the guild of Vik.",
    ]
    evidence = evidence_of(sentences, "guild.txt")
    # "Among them …" refers back through its opening preposition's pronoun: the two are one passage
    from assistant.answering.quoting import passage

    assert [e.text for e in passage(evidence[0], evidence)] == sentences[:2]
    # the first names no person, yet with the sentence after it, it holds the kind of answer asked for
    found = [e.text for e in candidates("Which guild members want to leave the Lund league?", evidence, 0.3)]
    assert found[0] == sentences[0]


def test_a_word_built_on_the_same_stem_counts_as_the_question_s_word():
    sentences = [
        "The guild is unhappy that the council has not recognized its charter.",
        "The council of Vik met in May.",
    ]
    evidence = evidence_of(sentences, "charter.txt")
    # the stemmer leaves "recognit" for "recognition" and "recogn" for "recognized": one word all the same
    found = [e.text for e in candidates("Why is the guild denied recognition of its charter?", evidence, 0.6)]
    assert found == [sentences[0]]


def test_what_someone_said_is_not_quoted_from_words_another_speaker_is_named_for():
    sentences = [
        "Governor Alder visited the port of Lund on Monday.",
        "“The harbour walls are no longer safe,” Mayor Brenn said about the port of Lund.",
    ]
    judge = Judge(FixedScorer("The harbour walls are no longer safe", True, 0.1), Prompts())
    found = Findings()
    flow = quote_answer(
        judge,
        Settings(),
        plan("What did Governor Alder say about the port of Lund?"),
        evidence_of(sentences, "lund.txt"),
        lambda: None,
        found,
    )
    try:
        while True:
            next(flow)
    except StopIteration as done:
        result = done.value
    assert result is None  # every passage answers in the judge model's eyes; the mayor's words are not quoted
    assert [why for _, why in found.closest] == ["the quote gives Mayor Brenn’s words, not those asked for"]
    # asked about the mayor, the same passage is the answer
    flow = quote_answer(
        judge,
        Settings(),
        plan("What did Mayor Brenn say about the port of Lund?"),
        evidence_of(sentences, "lund.txt"),
        lambda: None,
    )
    try:
        while True:
            next(flow)
    except StopIteration as done:
        assert done.value is not None and "Mayor Brenn said" in done.value[0]


def test_a_why_passage_that_names_nothing_the_question_names_is_only_the_closest_text():
    judge = Judge(FixedScorer("because it can cut the cost of shipping grain", True, 0.1), Prompts())
    # the judge model would take the passage; the question's town is named nowhere near it
    assert quoted(judge, "Why does the mayor of Vik call the harbour plan the best outcome?") is None
    found = Findings()
    flow = quote_answer(
        judge,
        Settings(),
        plan("Why does the mayor of Vik call the harbour plan the best outcome?"),
        [Evidence(number=n, article=article(), index=n - 1) for n in range(1, 5)],
        lambda: None,
        found,
    )
    try:
        while True:
            next(flow)
    except StopIteration:
        pass
    assert found.closest and all(why == "the sentence is not about the question's vik" for _, why in found.closest)
    # the same question about the article's own town is answered from the same passage
    assert quoted(judge, "Why does the mayor call the harbour plan the best outcome for Lund?") is not None
