"""The role a question asks for: "Who is Ruritania's foreign minister?" is not answered by a name the
sentence gives another office. Invented names throughout."""

from __future__ import annotations

from assistant.models.prompts import Prompts
from assistant.schema import Article, Evidence
from assistant.verification.asking import asked_role
from assistant.verification.judge import Judge
from assistant.verification.roles import TITLES, other_title
from assistant.verification.short import verify

TALKS = (
    "Ruritania's Foreign Minister is in Freedonia this week, where talks with UN Assistant General Jan Kowal "
    "and Freedonian officials are expected to focus on the border."
)


def _span(sentence: str, words: str) -> tuple[int, int]:
    start = sentence.index(words)
    return start, start + len(words)


def test_the_role_asked_for_is_the_gap_not_a_title_beside_a_name() -> None:
    assert asked_role("Who is Ruritania's foreign minister?", TITLES, False) == "minister"
    assert asked_role("Who was the founder of the Bund when the war began?", TITLES, False) == "founder"
    assert asked_role("Which Freedonian leader signed the pact?", TITLES, False) == "leader"
    assert asked_role("Name the spokesman of the Bund", TITLES, False) == "spokesman"
    assert asked_role("ruritania foreign minister name", TITLES, True) == "minister"
    # a title before a name, or the subject's role in a question asking something else, is no gap
    assert asked_role("What did minister Kowal say?", TITLES, False) == ""
    assert asked_role("What did Ruritania's envoy say about the pact?", TITLES, False) == ""
    assert asked_role("Who did the minister meet?", TITLES, False) == ""
    assert asked_role("ruritania foreign minister trip", TITLES, True) == ""


def test_a_name_the_sentence_gives_another_office_does_not_hold_the_role_asked() -> None:
    assert other_title("minister", TALKS, _span(TALKS, "Jan Kowal")).startswith("the sentence calls Jan Kowal")
    founder = "Jan Kowal, the Bund's founder, died in 1990."
    assert other_title("leader", founder, _span(founder, "Jan Kowal"))
    assert other_title("founder", founder, _span(founder, "Jan Kowal")) == ""


def test_the_same_office_in_other_words_a_rank_or_no_title_is_no_other_role() -> None:
    chief = "Lt. Gen. Jan Kowal, the head of the service, arrived in Kabul."
    assert other_title("chief", chief, _span(chief, "Jan Kowal")) == ""
    ranked = "Colonel Jan Kowal arrived in Kabul."
    assert other_title("leader", ranked, _span(ranked, "Jan Kowal")) == ""
    envoy = "Ruritania's envoy to Freedonia, Jan Kowal, said the pact was dead."
    assert other_title("diplomat", envoy, _span(envoy, "Jan Kowal")) == ""
    secretary = "Freedonia's Foreign Secretary Jan Kowal arrived in Kabul."
    assert other_title("minister", secretary, _span(secretary, "Jan Kowal")) == ""
    bare = "Jan Kowal arrived in Kabul."
    assert other_title("minister", bare, _span(bare, "Jan Kowal")) == ""


def test_a_short_answer_naming_someone_of_another_office_is_refused() -> None:
    article = Article(doc_id="d", file="talks.txt", title="Talks", text=TALKS, spans=((0, len(TALKS)),))
    ev = Evidence(number=1, article=article, index=0)
    span, why = verify(Judge(None, Prompts()), "ruritania foreign minister name", ev, "Jan Kowal", fragment=True)
    assert span is None and "not minister" in why
