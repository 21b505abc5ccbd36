"""The support judge on hand-made pairs (none of them from the labelled public set), one per error type.

The rule tests need no model; the `slow` ones use the real bundled judge model, and each fails when the
judge gets its pair wrong."""

import json

import pytest

from assistant.models.prompts import Prompts
from assistant.retrieval.aliases import learn
from assistant.settings import Settings
from assistant.verification.check import load_pairs, pair_metrics
from assistant.verification.claims import statement
from assistant.verification.echoes import truncated_copy
from assistant.verification.judge import DENIES, Judge, rule_failure
from assistant.verification.relations import replaced_qualifier, swapped_relation

UNSUPPORTED = [
    # (type, question, claim, quote)
    (
        "negation",
        "Did the council pass the budget?",
        "The council approved the budget on Tuesday.",
        "The council did not approve the budget on Tuesday, the clerk said.",
    ),
    (
        "hedge",
        "What will the strike do?",
        "The strike will delay flights across the region.",
        "Union leaders warned the strike may delay flights across the region.",
    ),
    (
        "number",
        "How many were displaced?",
        "Flooding displaced 40,000 people in the valley.",
        "Flooding displaced 4,000 people in the valley, the agency said.",
    ),
    (
        "entity",
        "Who won the vote?",
        "Lucia Moreno won the vote in the capital.",
        "Daniel Rivera won the vote in the capital by a narrow margin.",
    ),
    (
        "swapped relation",
        "Who is Ana Ruiz?",
        "Ana Ruiz is Peru's ambassador to Chile.",
        "Ana Ruiz, Chile's ambassador to Peru, resigned on Friday.",
    ),
    (
        "role object",
        "Who is Tom Baker?",
        "Tom Baker is the commander of the Coast Guard.",
        "Tom Baker, commander of the Northern Fleet, met members of the Coast Guard in Oslo.",
    ),
    (
        "truncated",
        "What did the mayor say?",
        "The mayor said the bridge would reopen once the repairs.",
        "The mayor said the bridge would reopen once the repairs were finished in spring.",
    ),
    (
        "echo",
        "Who opened the new museum?",
        "Someone opened the new museum.",
        "The new museum was opened by the city's former mayor, Jan Kowalski.",
    ),
    (
        "universal",
        "Which schools closed?",
        "All schools in the district closed on Monday.",
        "Several schools in the district closed on Monday after the storm.",
    ),
]


@pytest.mark.parametrize("kind,question,claim,quote", UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED])
def test_rules_reject_what_words_can_prove_wrong(kind, question, claim, quote):
    assert rule_failure(claim, [quote], question, coverage=0.2), kind


SUPPORTED = [
    (
        "passive voice",
        "Who claimed the bombing?",
        "The bombing was claimed by the Northern Front.",
        "The Northern Front claimed the bombing in a statement on Sunday.",
    ),
    (
        "exact copy",
        "What did the agency say?",
        "Flooding displaced 4,000 people in the valley, the agency said.",
        "Flooding displaced 4,000 people in the valley, the agency said.",
    ),
    (
        "copy of a clause",
        "What did the clerk say?",
        "The council did not approve the budget on Tuesday.",
        "The council did not approve the budget on Tuesday, the clerk said.",
    ),
    (
        "metonym",
        "Who signed the deal?",
        "Washington signed the deal with the rebels in March.",
        "The US signed the deal with the rebels in March.",
    ),
    (
        "same relation",
        "Who is Ana Ruiz?",
        "Ana Ruiz is Chile's ambassador to Peru.",
        "Ana Ruiz, Chile's ambassador to Peru, resigned on Friday.",
    ),
]


@pytest.mark.parametrize("kind,question,claim,quote", SUPPORTED, ids=[s[0] for s in SUPPORTED])
def test_rules_let_true_restatements_through(kind, question, claim, quote):
    assert rule_failure(claim, [quote], question, coverage=0.2) == "", kind


def test_a_surname_stands_for_the_full_name_only_where_the_article_gives_it():
    quote = ["Forty people linked to Berg's party were held after Berg's arrest."]
    claim = "Forty people linked to Lena Berg's party were held."
    article = "Lena Berg, the opposition leader, was arrested in May. " + quote[0]
    assert rule_failure(claim, quote, "", 0.2, context=["Arrests"], article=article) == ""
    # the article never gives her first name, or gives another one: not shown to be the same person
    assert "name not in the quote" in rule_failure(claim, quote, "", 0.2, context=["Arrests"], article=quote[0])
    other = article.replace("Lena", "Anna")
    assert "name not in the quote" in rule_failure(claim, quote, "", 0.2, context=["Arrests"], article=other)


def test_relation_checks_name_what_they_found():
    assert "other way round" in swapped_relation(
        "Kim defeated Lee in the final.", ["Lee defeated Kim in the final on Sunday."]
    )
    assert swapped_relation("Kim met Lee in Rome.", ["Kim met Lee in Rome on Monday."]) == ""
    # a place's adjective is the place: "member of the Norlandian parliament" makes him a member of Norland's
    quote = ["Ola Vik, a former member of the Norlandian parliament, spoke."]
    assert swapped_relation("Ola Vik is a member of Norland's parliament.", quote) == ""
    assert "makes it" in swapped_relation("Ola Vik is a member of Sweden's parliament.", quote)
    # an owner before a name is not what the role governs: the commander of Norland's Home Guard leads the guard
    guard = ["Ola Vik, commander of the Home Guard, spoke on Monday."]
    assert swapped_relation("Ola Vik is the commander of Norland's Home Guard.", guard) == ""
    assert "makes it" in swapped_relation("Ola Vik is the commander of Norland's Coast Guard.", guard)
    # one thing, owned by a name both phrases give: "Lena Berg's party" is "Berg's Green Unity party"
    party = ["Forty people linked to Berg's Green Unity party were held."]
    assert swapped_relation("Forty people linked to Lena Berg's party were held.", party) == ""
    assert "makes it" in swapped_relation("Forty people linked to Lena Dahl's party were held.", party)
    cut = "Officials said the road would stay closed until."
    assert truncated_copy(cut, "Officials said the road would stay closed until May.")
    assert not truncated_copy(
        "Officials said the road would stay closed.", "Officials said the road would stay closed, for now."
    )


def test_a_thing_another_party_s_in_the_quote_is_not_the_claim_s():
    quote = "Lund has led efforts to build ties with Norland, including urging the Norlandian army to train his guards."
    # the claim's country stands in the sentence before (what the article is about), not in the quote
    context = ["Lund and the Sveland question", "Sveland has long been Lund's ally."]
    claim = "Lund urged the Sveland army to train his guards."
    why = rule_failure(claim, [quote], "Who urged the Sveland army to train his guards?", coverage=0.2, context=context)
    assert why == "the quote says norlandian army, not sveland army"
    # alone, the claim's country is simply missing from the quote; the reason still says whose army it is
    assert rule_failure(claim, [quote], "", coverage=0.2) == why
    same = "Lund urged the Norlandian army to train his guards."
    assert rule_failure(same, [quote], "Who urged the Norlandian army?", coverage=0.2, context=context) == ""
    # the quote's initials, a place's adjective and a known metonym name the same party
    assert replaced_qualifier("He joined the NLP party.", ["He joined the Norland Liberal Party party."]) == ""
    assert replaced_qualifier("Norland troops left.", ["The Norlandian troops left on Monday."]) == ""
    assert replaced_qualifier("The US troops left.", ["The American troops left on Monday."]) == ""
    # a name inside a hyphenated word, and a country for its adjective
    assert replaced_qualifier("The American-led forces left.", ["The US-led forces left on Monday."]) == ""
    assert replaced_qualifier("The Norlandic forces left.", ["The Norland forces left on Monday."]) == ""
    assert "not sveland-led army" in replaced_qualifier("The Sveland-led army left.", ["The US-led army left."])
    # a name before a word that may be a verb may be who acts: "where the Oslo branches off" (a river)
    assert replaced_qualifier("The Oslo branches off near Lund.", ["Near Lund the Dram branches off."]) == ""
    owned = replaced_qualifier("Lund saw Sveland's forces go.", ["Lund saw the Norland forces go."])
    assert "not sveland forces" in owned


def test_a_claim_the_sentence_beside_the_quote_states_is_not_the_quote_s():
    quote = "The Brenn River flows through the Osterland valleys."
    context = ["Brenn, part 2", "Its valleys are densely settled and heavily farmed.", "Mills line the river."]
    question = "What valleys are densely settled and heavily industrialised?"
    claim = "Osterland valleys are densely settled and heavily industrialised."
    # the question's words stand in the sentence before; the quote only names a place to put in the gap
    why = rule_failure(claim, [quote], question, coverage=0.2, context=context)
    assert why == "the quote does not say this; the sentence beside it speaks of densely, settled, heavily"
    # the same claim with no sentence around to compare is judged on the quote alone
    assert "sentence beside" not in rule_failure(claim, [quote], question, coverage=0.2)
    # a quote that holds the question's words itself is its own statement, whatever stands beside it
    held = "The valleys of Osterland are densely settled and heavily industrialised."
    beside = [*context, "Valleys settled densely and industrialised heavily are rare."]
    assert rule_failure(claim, [held], question, coverage=0.2, context=beside) == ""


def test_a_month_written_short_or_as_digits_is_the_month_it_names():
    quote = "The ferry to Lund is due to resume by Aug. 31, after the 7/14 storm closed the port."
    assert rule_failure("The ferry to Lund is due to resume by August 31.", [quote], "", 0.2) == ""
    assert rule_failure("A storm closed the port on July 14.", [quote], "", 0.2) == ""
    # another month is still another date
    assert "septemb" in rule_failure("The ferry to Lund is due to resume by September 31.", [quote], "", 0.2)


def test_one_universal_restates_another_but_not_always():
    quote = "The council barred traders from all parts of the market."
    assert rule_failure("The council barred traders from every part of the market.", [quote], "", 0.2) == ""
    assert "always" in rule_failure("The council always barred traders from the market.", [quote], "", 0.2)
    assert "every" in rule_failure("The council barred every trader.", ["The council barred traders."], "", 0.2)


def test_a_count_by_its_order_of_magnitude_needs_a_count_in_that_range():
    claim = "Guards at the Lund dam turned back dozens of boats."
    assert "dozens" in rule_failure(claim, ["Guards at the Lund dam turned back boats."], "", 0.2)
    assert rule_failure(claim, ["Guards at the Lund dam turned back 40 boats."], "", 0.2) == ""
    assert "dozens" in rule_failure(claim, ["Guards at the Lund dam turned back 3 boats."], "", 0.2)
    hundreds = "Guards at the Lund dam turned back hundreds of boats."
    assert rule_failure(hundreds, ["Guards at the Lund dam turned back several hundred boats."], "", 0.2) == ""


def test_a_claim_that_adds_only_its_own_words_to_the_question_is_an_echo():
    quote = "The mayor of Lund said the bridge closed because its cables had rusted through."
    question = "Why did the Lund bridge close?"
    echo = "The Lund bridge closed for the reasons that made it shut."
    assert rule_failure(echo, [quote], question, 0.2) == "adds nothing the quote says to the question"
    assert rule_failure("The Lund bridge closed because its cables rusted.", [quote], question, 0.2) == ""


def test_a_passive_s_doer_is_not_what_the_claim_s_verb_acts_on():
    quote = "The Brenn Front, a rebel group blamed by Osterland for raids on its ports, denies the charge."
    wrong = "The Brenn Front blames Osterland for raids on its ports."
    assert "turns round who blamed whom" in rule_failure(wrong, [quote], "", 0.2)
    assert rule_failure("Osterland blames the Brenn Front for raids on its ports.", [quote], "", 0.2) == ""
    assert rule_failure("The Brenn Front is blamed by Osterland for raids.", [quote], "", 0.2) == ""
    active = ["Osterland blames the Brenn Front for raids on its ports."]
    assert "turns round" in rule_failure("Osterland is blamed by the Brenn Front for raids.", active, "", 0.2)


def test_the_judge_model_is_told_what_a_quote_that_refers_back_is_about():
    from assistant.verification.reference import resolved

    quote = ["The lake is situated in Osterland and Norland."]
    around = ["Brenn, part 1", "Lake Vetter feeds the Brenn."]
    assert resolved("Lake Vetter is in Norland.", quote, around) == [
        "[Lake Vetter:] The lake is situated in Osterland and Norland."
    ]
    # a quote that names it, or one with nothing around it, is read as it stands
    named = ["Lake Vetter is situated in Osterland and Norland."]
    assert resolved("Lake Vetter is in Norland.", named, around) == named
    assert resolved("Lake Vetter is in Norland.", quote, []) == quote


def test_a_role_of_a_thing_owned_by_a_long_name_is_a_role_of_that_thing():
    quote = "said Ola Dahl, commanding officer of the 12 Vik Brigade of the Norland Army."
    # "the Norland Army's 12 Vik Brigade" is the brigade: the owner's whole name and the count are passed over
    assert swapped_relation("Ola Dahl is the commanding officer of the Norland Army's 12 Vik Brigade.", [quote]) == ""
    wrong = swapped_relation("Ola Dahl is the commanding officer of the Norland Army's 12 Lund Brigade.", [quote])
    assert wrong == "the quote makes it “officer of” vik, not lund"


def test_a_verb_acts_on_its_object_not_on_where_the_object_went():
    quote = "By then the Orm had captured streams down to the Vik Hills, including the Lund and the Dram."
    asked = "What captured the Vik Hills?"
    failure = rule_failure("The Orm captured the Vik Hills.", [quote], asked, composed=True)
    assert failure == "the quote has captured streams, not vik hills"
    # what it acts on, and what is listed as part of it, are its objects; a verb with no object is left alone
    assert rule_failure("The Orm had captured streams.", [quote], "What had the Orm captured?", composed=True) == ""
    assert rule_failure("The Orm captured the Lund.", [quote], "What did the Orm capture?", composed=True) == ""
    moved = "The army moved troops to the Vik Hills."
    assert rule_failure("The army moved to the Vik Hills.", [moved], "Where did the army move?", composed=True) == ""
    # "the city of X" is X: "of" gives the object's name, not where it went
    took = "The army took the city of Lund in May."
    assert rule_failure("The army took Lund.", [took], "What did the army take?", composed=True) == ""


def test_aliases_are_learned_from_the_text():
    aliases = learn(["The National Liberation Army (ELN) attacked a base.", "the Gulf Clan or AGC, a cartel"])
    assert "eln" in aliases.of("National Liberation Army")
    assert aliases.found_in("eln", "the National Liberation Army said")
    assert "national liberation army" in aliases.expand("what is the ELN?")
    # A choice between two acronyms is not an alias.
    assert "uk" not in learn(["Flights to the US or UK were cancelled."]).of("us")
    # A claim naming the long form is found in a quote using the acronym, under the corpus's aliases.
    assert (
        rule_failure("The National Liberation Army attacked a base.", ["The ELN attacked a base."], "", 0.2, aliases)
        == ""
    )


def test_pairs_file_errors_name_the_line(tmp_path):
    from assistant.verification.check import PairsInputError

    bad = tmp_path / "pairs.jsonl"
    bad.write_text('{"id": "a", "claim": "x y z", "quotes": [{"file": "f", "quote": "x y z"}]}\n{"id": "b"}\n')
    with pytest.raises(PairsInputError, match=r"pairs.jsonl:2: needs a non-empty string `claim`"):
        load_pairs(bad)


def test_pair_metrics_per_type(tmp_path):
    from assistant.verification.check import Pair
    from assistant.verification.judge import Verdict

    def row(label, said, kind):
        return Pair(id="x", claim="c", quotes=["q"], label=label, type=kind), Verdict(
            supported=said, score=0, reason=""
        )

    m = pair_metrics([row("supported", True, "p"), row("unsupported", True, "n"), row("unsupported", False, "n")])
    assert m["all"]["precision"] == 0.5 and m["all"]["recall"] == 1.0 and m["all"]["balanced_accuracy"] == 0.75
    assert m["n"]["certified_false"] == 1 and m["p"]["rejected_true"] == 0


# --- the real judge model ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model_judge():
    from assistant.models.llms import make_judge_scorer

    settings = Settings()
    return Judge(make_judge_scorer(settings), Prompts(), settings.judge_threshold)


MODEL_CASES = [
    # (expected supported, question, claim, quote): what only the model can tell
    (
        True,
        "How many homes lost power?",
        "About 20,000 households were left without electricity after the storm.",
        "The storm cut power to some 20,000 homes on Monday, officials said.",
    ),
    (
        False,
        "Why did the minister visit Lagos?",
        "The minister visited Lagos on Friday to sign a trade deal.",
        "The minister visited Lagos on Friday and met local business leaders.",
    ),
    (
        False,
        "Did the talks succeed?",
        "The talks ended in a breakthrough agreement.",
        "The talks ended without agreement late on Thursday, both delegations said.",
    ),
    (
        True,
        "What did the court decide?",
        "The judges threw out the appeal.",
        "The court rejected the appeal on Wednesday.",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("expected,question,claim,quote", MODEL_CASES)
def test_model_judge_on_what_rules_cannot_see(model_judge, expected, question, claim, quote):
    verdict = model_judge.judge(question, claim, [quote])
    assert verdict.supported is expected, verdict.reason


@pytest.mark.slow
def test_check_pairs_command_writes_verdicts_and_prints_metrics(tmp_path, capsys):
    from assistant.interfaces.cli import main

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {
            "id": "a",
            "question": "",
            "claim": c,
            "quotes": [{"file": "x.txt", "quote": q}],
            "label": "supported" if ok else "unsupported",
            "type": "t",
        }
        for ok, _, c, q in MODEL_CASES
    ]
    pairs.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "verdicts.jsonl"
    assert main(["check", "--pairs", str(pairs), "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == len(rows) and set(lines[0]) == {"id", "supported", "score", "reason"}
    printed = capsys.readouterr().out
    assert "| all | 4 |" in printed and "balanced acc." in printed


def test_non_negates_like_not():
    quote = "The country is designated as a major non-NATO ally by the United States."
    assert (
        rule_failure("The country is a NATO ally of the United States.", [quote], "", 0.2)
        == "states what the quote denies"
    )
    assert rule_failure("The country is not a NATO ally of the United States.", [quote], "", 0.2) == ""


ANSWERABILITY_CASES = [
    # (expected, question, passage): whether the passage gives what was asked
    (True, "Who runs the port authority?", "The port authority, run by Maria Okafor since 2019, denied the report."),
    (False, "Which city did the minister fly to?", "When the minister left the capital, his deputy praised the talks."),
    (True, "what is the ncb?", "The National Cereals Board (NCB) buys maize from farmers at a fixed price."),
    (False, "Why did the mill close?", "The mill, which opened in 1952, employed 300 people."),
]


@pytest.mark.slow
@pytest.mark.parametrize("expected,question,passage", ANSWERABILITY_CASES)
def test_model_judge_tells_an_answer_from_a_sentence_on_the_topic(model_judge, expected, question, passage):
    verdict = model_judge.answers(question, passage)
    assert verdict.supported is expected, verdict.reason


# (question, passage, the words that answer): hand-made, none from the public sets
SPAN_CASES = [
    # a model left free writes "E-W" for "E–W": words nowhere in the passage
    (
        "What fault line formed in the Carpathian uplift?",
        "From the Miocene onwards, the Carpathian uplift caused an E–W fault line to form in the basin.",
        "E–W",
    ),
    # left free it writes "Early part of ...": the passage's case, opening the reply, is no obstacle
    (
        "When was the canal that linked the two lakes dug?",
        "The digging of the Wend canal linked the two lakes in the early part of the 18th century.",
        "18th century",
    ),
    # the answer composed of the question's own words is no echo
    (
        "What is the mountain range that the river flows around?",
        "The river bends around a long forested range of mountains known as the Forest Range (Czech: Lesní).",
        "Forest Range",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("question,passage,answer", SPAN_CASES)
def test_the_judge_model_s_words_are_the_passage_s_own(model_judge, question, passage, answer):
    from assistant.verification.short import locate

    verdict = model_judge.answers(question, passage)
    assert verdict.supported, verdict.reason
    assert answer in verdict.words and locate(verdict.words, passage) is not None, verdict.words


def test_a_no_to_a_yes_no_question_is_not_an_echo():
    question = "Is the port closed to shipping?"
    assert rule_failure("The port is closed to shipping.", ["The port is closed to shipping."], question, 0.2) == (
        "only repeats the question"
    )
    assert rule_failure("No, the port is not closed to shipping.", ["The port is not closed."], question, 0.2) == ""


def test_a_claim_that_only_turns_the_question_s_country_into_its_demonym_is_an_echo():
    quote = "The Pakistani foreign minister met envoys in Washington on Monday."
    question = "Who is Pakistan's foreign minister?"
    assert rule_failure("He is the Pakistani foreign minister.", [quote], question) == "only repeats the question"
    assert rule_failure("He met envoys in Washington.", [quote], question) != "only repeats the question"


def test_a_share_of_a_group_binds_its_own_clause_not_the_reason_given_after_it():
    # invented places: the share is of the bay that flooded; the reason's fall in the tide is the whole bay's
    quote = "The north shore and most of the Grey Bay were flooded, mainly because the tide was 3 m higher than usual."
    question = "How much higher was the Grey Bay tide than usual?"
    assert rule_failure("The Grey Bay tide was 3 m higher than usual.", [quote], question) == ""
    assert "part" in rule_failure("The Grey Bay was flooded.", [quote], "What happened to the Grey Bay?")
    # a clause that says nothing else of the group leaves the share on what follows
    quote = "Most of the fighters, because they were poor, joined the group."
    assert "part" in rule_failure("The fighters joined the group.", [quote], "Who joined the group?")


def test_a_name_made_of_the_question_s_words_is_an_answer_not_an_echo():
    # invented names: the question's words, put together as a name it never gives
    quote = "The stream crosses a wide valley known as the Marrow Valley (local name: Marrtal)."
    question = "What is the wide valley that the Marrow crosses?"
    assert rule_failure("Marrow Valley is the wide valley that the Marrow crosses.", [quote], question) == ""
    assert rule_failure("The wide valley is the valley that the Marrow crosses.", [quote], question) == (
        "only repeats the question"
    )
    # a name that begins the question's is another name unless it is its people or adjective
    quote = "The river is called the Marrow in English and the Marro in Danish."
    danish = "What is the Danish name for the Marrow?"
    assert rule_failure("Marro is the Danish name for the Marrow.", [quote], danish) == ""
    # the question's name in another form is the question's name
    minister = "Who is the Pakistani Foreign Minister who met the envoy?"
    echo = "Pakistan's Foreign Minister is the Pakistani Foreign Minister who met the envoy."
    assert rule_failure(echo, [echo], minister) == "only repeats the question"
    pakistani = "Pakistani is the name for the people of Pakistan."
    assert rule_failure(pakistani, [pakistani], "What is the name for the people of Pakistan?") == (
        "only repeats the question"
    )


# --- structure: checks that hold for any text (hand-made sentences, none from the public sets) -----------

STRUCTURE_FALSE = [
    # (type, question, claim, quote, words the reason must hold)
    (
        "role",
        "Who leads the guild?",
        "Anna Berg is the leader of the guild.",
        "Anna Berg, the founder of the guild, spoke at the opening.",
        "role",
    ),
    (
        "qualified role",
        "Who leads the guild?",
        "Anna Berg is the leader of the guild.",
        "Anna Berg, the deputy leader of the guild, spoke at the opening.",
        "deputy",
    ),
    (
        "a rank below the title",
        "Who is the president of the league?",
        "Ola Dahl is the president of the league.",
        "Ola Dahl, the league's vice-president, opened the season.",
        "rank below",
    ),
    (
        "an acting office",
        "Who runs the port?",
        "Ola Dahl is the port's director.",
        "The port is run by its acting director, Ola Dahl.",
        "rank below",
    ),
    (
        "another way past the same place",
        "What does the canal flow into?",
        "The canal flows into the old quarry.",
        "Past the mill, the canal flows around the old quarry and on to the sea.",
        "around",
    ),
    (
        "through, read as out of",
        "",
        "Most of the water flows out of the Maren Basin.",
        "Most of the water flows through the Maren Basin before it reaches the coast.",
        "through",
    ),
    (
        "a bracketed gloss given to the wrong name",
        "What does Tellvik mean?",
        "The name Tellvik means Stone Bay.",
        'Boats anchor in the Sorvik ("Stone Bay") and in Tellvik.',
        "glosses",
    ),
    (
        "a description the quote gives another name",
        "Who is the port's main partner?",
        "Tellvik is the port's main partner.",
        "“Sorvik is our main partner, and that is why we treat Tellvik differently,” the mayor said.",
        "another name",
    ),
    (
        "a double negative",
        "",
        "The dispute between the two towns will not never end.",
        "The dispute between the two towns will never end.",
        "denies",
    ),
    (
        "counts swapped",
        "What happened in the crash?",
        "The crash left 12 dead and 5 injured.",
        "The crash left 5 dead and 12 injured, police said.",
        "counts",
    ),
    (
        "part as whole",
        "Who met the envoy?",
        "The council's members met the envoy on Monday.",
        "Some of the council's members met the envoy on Monday.",
        "part",
    ),
    (
        "part as whole, a named group",
        "Who are the fighters?",
        "While the Red Valley fighters are farmers, the Red Valley council is run by traders.",
        "While some of the Red Valley fighters are farmers, the Red Valley council is run by traders.",
        "part",
    ),
    (
        "part as whole, members of the group",
        "What does the guild want?",
        "The Weavers' Guild wants to leave the market hall.",
        "Some members of the Weavers' Guild want to leave the market hall.",
        "part",
    ),
    (
        "part as whole, one of a superlative's",
        "",
        "The most visited ports of the coast are in the north.",
        "One of the most visited ports of the coast is in the north.",
        "part",
    ),
    (
        "month",
        "When did the port reopen?",
        "The port reopened in March 2020.",
        "The port reopened in June 2020 after repairs.",
        "march",
    ),
    (
        "before/after",
        "When was the bridge closed?",
        "The bridge was closed before 1990.",
        "The bridge was closed after 1990 for repairs.",
        "after",
    ),
    (
        "opposite",
        "Which lake is bigger?",
        "Lake Orm is smaller than Lake Vand.",
        "Lake Orm is larger than Lake Vand, the survey found.",
        "larger",
    ),
    (
        "reason echo",
        "Why did the miners strike?",
        "The miners went on strike because they wanted to strike.",
        "The miners went on strike over unpaid wages, the union said.",
        "reason",
    ),
    (
        "comparison",
        "Which lake is larger than Lake Vand?",
        "Lake Orm is larger than Lake Vand.",
        "Lake Orm lies north of Lake Vand, in the hills.",
        "comparison",
    ),
    (
        "a verb's opposite, in another form",
        "When did the strike end?",
        "The strike ended in 1987.",
        "The strike began in 1987 at the mill.",
        "began",
    ),
    (
        "a direction's opposite",
        "Which way did the border move?",
        "The border moved northward.",
        "The border moved southward after the war.",
        "southward",
    ),
    (
        "a movement's opposite direction",
        "Where does the canal flow?",
        "The canal flows out of the bay.",
        "The canal flows into the bay near the mill.",
        "into",
    ),
    (
        "a verb's antonym",
        "What does the brook do at the mill?",
        "The brook separates the river from the mill.",
        "The brook, which joins the river at the mill, is clean.",
        "joins",
    ),
    (
        "a size's opposite",
        "Where is a large part of the flow diverted?",
        "A large part of the flow is diverted into the lake.",
        "A small part of the flow is diverted into the lake.",
        "small",
    ),
    (
        "an outcome's opposite",
        "When did the raid succeed?",
        "The raid succeeded in 1944.",
        "The raid failed in 1944.",
        "failed",
    ),
    (
        "a bound read as the date",
        "When did the ferry stop running?",
        "The ferry did stop running in AD 90.",
        "From AD 40 until after AD 90 the ferry crossed the strait twice a day.",
        "after ad 90",
    ),
    (
        "until a year read as in it",
        "What did the toll become in 1921?",
        "In 1921 the toll became two pence.",
        "Until 1921 the toll on the old bridge was two pence.",
        "until 1921",
    ),
    (
        "before a year read as in it",
        "When was the mill closed?",
        "The mill was closed in 1874.",
        "The mill was closed before 1874, when the railway came.",
        "before 1874",
    ),
    (
        "adjective changed",
        "Where does the cold current meet the coast?",
        "The cold current meets the coast at Vik.",
        "The warm current meets the coast at Vik.",
        "warm current",
    ),
]


@pytest.mark.parametrize("kind,question,claim,quote,why", STRUCTURE_FALSE, ids=[s[0] for s in STRUCTURE_FALSE])
def test_structure_rejects_with_a_reason(kind, question, claim, quote, why):
    reason = rule_failure(claim, [quote], question, coverage=0.2)
    assert why in reason, (kind, reason)


STRUCTURE_TRUE = [
    (
        "the end of a state at a year",
        "When did the toll end?",
        "The toll on the old bridge ended in 1921.",
        "Until 1921 the toll on the old bridge was two pence.",
    ),
    (
        "the group's members named as its members",
        "Who were the guild members at the market working with?",
        "The Weavers' Guild members at the market were working with the mayor.",
        "Five of the 12 traders at the market were members of the Weavers' Guild working with the mayor.",
    ),
    (
        "same role, other form",
        "Who heads the guild?",
        "Anna Berg leads the guild.",
        "Anna Berg, the guild's leader, spoke.",
    ),
    (
        "the same rank below the title",
        "Who is the league's vice president?",
        "Ola Dahl is the league's vice president.",
        "Ola Dahl, the league's vice-president, opened the season.",
    ),
    (
        "the title given bare beside a rank below it",
        "Who is the league's president?",
        "Eva Lund is the president of the league.",
        "Eva Lund, the president of the league, and her deputy met the vice president of the club.",
    ),
    (
        "a preposition after a noun is no modifier of it",
        "How many people were hurt in the fight near the old bridge?",
        "Four people were hurt in the fight near the old bridge.",
        "In a brawl near the old bridge, four people were hurt.",
    ),
    (
        "a preposition of the same way",
        "Where does the canal flow?",
        "The canal flows towards the old quarry.",
        "The canal flows into the old quarry.",
    ),
    (
        "the description given to the claim's own name",
        "Who is the port's main partner?",
        "Sorvik is the port's main partner.",
        "“Sorvik is our main partner, and that is why we treat Tellvik differently,” the mayor said.",
    ),
    (
        "a description given to two names at once",
        "Who are the port's partners?",
        "Tellvik is a main partner of the port.",
        "Tellvik and Sorvik are the main partners of the port.",
    ),
    (
        "the gloss given to its own name",
        "What does Sorvik mean?",
        "The name Sorvik means Stone Bay.",
        'Boats anchor in the Sorvik ("Stone Bay") and in Tellvik.',
    ),
    (
        "an acronym in brackets names the whole name",
        "",
        "ETIM fighters are based in Tellvik.",
        "Fighters of the East Lake Movement (ETIM) are based in Tellvik.",
    ),
    ("counts kept", "What happened?", "The crash left 5 dead and 12 injured.", "The crash left 5 dead and 12 injured."),
    (
        "bare plural",
        "Who spoke?",
        "Council members met the envoy on Monday.",
        "Several council members met the envoy on Monday.",
    ),
    (
        "decades",
        "How long did the mission last?",
        "The mission lasted two decades.",
        "The 20-year mission ended in May.",
    ),
    ("about 300", "How many came?", "About 300 people came to the rally.", "Some 300 people came to the rally."),
    (
        "a period before a count",
        "How many floods happened in the last 90 years?",
        "12 floods happened in the last 90 years.",
        "Over the last 90 years, some 12 floods happened.",
    ),
    (
        "a verb form after a noun is no modifier",
        "What sank?",
        "A boat helping the rescue crew sank.",
        "A ferry helping the rescue crew sank, officials said.",
    ),
    (
        "a word that orders is no modifier",
        "Did the rebels stop?",
        "The rebels kept fighting even though last year's deal bound them to stop.",
        "The rebels kept fighting despite a deal last year that bound them to stop.",
    ),
    (
        "a number in brackets is the same amount in other units",
        "How much lower was the lake in the dry years?",
        "The lake was 3 m lower in the dry years.",
        "In the dry years the lake was about 3 m (10 ft) lower than today.",
    ),
    (
        "a relative clause's names are its own clause's",
        "What is the tall rock called that the Vik river flows around?",
        "Trollstein is the tall rock that the Vik river flows around.",
        "Near Asten, the Vik river flows around the tall rock Trollstein.",
    ),
    (
        "the end of something else",
        "When did the drought start?",
        "The drought started in 1931.",
        "The drought ran from 1931 until the end of the decade.",
    ),
    (
        "until a year is when it ended",
        "When did the ferry stop running?",
        "The ferry did stop running in 1874.",
        "The ferry ran twice a day until 1874.",
    ),
    (
        "since a year is when it began",
        "When did the market begin?",
        "The market did begin in 1874.",
        "Since 1874, a market has been held in the square.",
    ),
    (
        "a year given both bounded and plain",
        "When was the mill closed?",
        "The mill was closed in 1874.",
        "The mill was closed in 1874; by 1874 the railway had come.",
    ),
    (
        "a comparison in other words",
        "Which lake is larger?",
        "Lake Orm is larger than Lake Vand.",
        "Lake Orm is bigger than Lake Vand.",
    ),
    (
        "not a superlative",
        "Where did the storm hit?",
        "The storm hit the west.",
        "The storm hit the west, police said.",
    ),
    (
        "a noun modifier in other words",
        "How many were hurt?",
        "Two members of the immunisation crew were hurt.",
        "Two members of the vaccination crew were hurt.",
    ),
]


@pytest.mark.parametrize("kind,question,claim,quote", STRUCTURE_TRUE, ids=[s[0] for s in STRUCTURE_TRUE])
def test_structure_lets_true_restatements_through(kind, question, claim, quote):
    assert rule_failure(claim, [quote], question, coverage=0.2) == "", kind


def test_a_number_given_for_another_extent_or_in_no_unit_of_extent_does_not_answer_how_wide():
    quote = "The canal's total length was given as 1,232 kilometres; its discharge is 2,900 m3/s."
    assert "length" in rule_failure("The canal is 1,232 kilometres.", [quote], "How wide is the canal?")
    assert "m3" in rule_failure("The canal is 2,900 m3/s.", [quote], "How long is the canal?")
    # the extent asked for, in a unit of extent: supported
    assert rule_failure("The canal is 1,232 kilometres.", [quote], "How long is the canal?") == ""
    # "long" in another sense measures nothing
    said = "The dam, which has long been a landmark, is 80 m."
    assert rule_failure("The dam is 80 m.", [said], "How high is the dam?") == ""


def test_a_place_given_relative_to_a_name_must_be_the_quotes():
    quote = "The old canal branches off near Asten and rejoins the river between Borne and Vik."
    assert "near Asten" in rule_failure("The old canal branches off away from Asten.", [quote], "What branches off?")
    assert "between Borne" in rule_failure("The old canal rejoins the river after Borne.", [quote], "What rejoins?")
    # another word for the same position, or no position word in the quote: left to the other checks
    assert rule_failure("The old canal branches off beside Asten.", [quote], "What branches off?") == ""
    assert rule_failure("The canal is dug west of Vik.", ["The canal was dug at Vik."], "Where is it?") == ""


def test_how_fast_is_answered_by_a_rate_not_an_amount():
    quote = "The glacier retreated 300 m (980 ft) in all, and is now shrinking by 12 m a year."
    assert "not a rate" in rule_failure("The glacier retreats 300 m.", [quote], "How fast is the glacier retreating?")
    assert rule_failure("The glacier shrinks 12 m.", [quote], "How quickly is the glacier shrinking?") == ""
    per = "Traffic on the road grew by 4% per decade."
    assert rule_failure("Traffic grew by 4%.", [per], "At what rate did traffic grow?") == ""


def test_a_phrasal_out_is_not_the_opposite_of_into():
    quote = "The militants moved into the valley and carried out an attack."
    assert rule_failure("The militants carried out an attack.", [quote], "What did the militants do?") == ""


def test_one_before_a_fraction_or_after_a_determiner_is_no_count():
    quote = "The other third of the water flows through the old canal."
    assert rule_failure("The other one third of the water flows through the old canal.", [quote], "", 0.2) == ""
    assert rule_failure("One third of the water flows through the old canal.", [quote], "", 0.2) == ""
    assert "number" in rule_failure("One boat sank in the old canal.", ["Two boats sank in the old canal."], "", 0.2)


def test_a_claim_that_something_began_or_ended_needs_a_quote_marking_that_edge():
    quote = "At the start of the Bronze Age (about 5,300 years ago), farmers settled the valley."
    assert "ended" in rule_failure("The Bronze Age ended about 5,300 years ago.", [quote], "When did it end?")
    assert rule_failure("The Bronze Age began about 5,300 years ago.", [quote], "When did it begin?") == ""
    enters = "The town first enters the written record in the 9th century."
    assert "ended" in rule_failure("The town stopped being a fort in the 9th century.", [enters], "When?")
    # a range marks both edges; "until" an end
    ran = "The drought ran from 1930 to 1936 across the plains."
    assert rule_failure("The drought ended in 1936.", [ran], "When did the drought end?") == ""
    until = "The bridge remained the only crossing until the war broke out."
    assert rule_failure("The bridge stopped being the only crossing when the war broke out.", [until], "When?") == ""


def test_a_reason_the_question_gives_is_its_premise_not_an_echo():
    quote = "The silt carried by the river grew because of the clearing of forests upstream."
    claim = "The silt grew in the river because of the clearing of forests upstream."
    assert rule_failure(claim, [quote], "What grew in the river because of the clearing of forests upstream?") == ""
    # the same claim to a question that gives no reason: the reason is the claim's, and must say something
    echo = "The silt grew in the river because the silt grew in the river."
    assert "reason" in rule_failure(echo, [quote], "What grew in the river?")


def test_another_name_for_the_same_party_keeps_a_relation_and_decades_count_as_years():
    quote = ["Ola Vik, a former member of the United Kingdom parliament, spoke."]
    assert swapped_relation("Ola Vik is a member of Britain's parliament.", quote) == ""
    assert "makes it" in swapped_relation("Ola Vik is a member of Sweden's parliament.", quote)
    war = "The United Kingdom ended its 20-year mission in the valley on Monday."
    assert rule_failure("Britain ended its two-decade mission in the valley.", [war], "", 0.2) == ""
    assert "number" in rule_failure("Britain ended its three-decade mission in the valley.", [war], "", 0.2)


def test_a_superlative_the_quote_gives_to_another_thing_is_not_the_claim_s():
    quote = ["The biggest city on the river Vane is Lund, with more than a million people."]
    why = rule_failure("Lund has the biggest port on the Vane.", quote, "Which city has the biggest port?", 0.2)
    assert why == "the quote says the largest city, not the largest port"
    assert rule_failure("Lund is the biggest city on the river Vane.", quote, "", 0.2) == ""
    # "largest" says what "biggest" says; a quote that names the claim's thing too is not contradicted
    assert rule_failure("Lund is the largest city on the Vane.", quote, "", 0.2) == ""
    both = ["Lund, the biggest city on the Vane, has a port that is the biggest in Norland."]
    assert rule_failure("Lund has the biggest port in Norland.", both, "", 0.2) == ""
    graded = ["Oslo is the most important town in the west."]
    assert "most important town" in rule_failure("Oslo is the most important city in the west.", graded, "", 0.2)
    # The word after the noun may be the claim's verb: "the longest war earned" gives the war the superlative.
    war = ["The clans gained respect across the region by surviving the longest war, an officer said."]
    assert rule_failure("Surviving the longest war earned the clans respect across the region.", war, "", 0.2) == ""
    port = ["Lund is the largest river city in Norland."]
    assert "largest city" in rule_failure("Lund has the largest river port in Norland.", port, "", 0.2)


def test_a_name_typed_with_one_letter_more_or_less_is_the_same_name():
    quote = ["Between Emmerich and Cleves the Vane is 400 m wide."]
    assert rule_failure("The Vane is 400 m wide between Emmrich and Cleves.", quote, "", 0.2) == ""
    # a letter changed, two letters missing, or a first letter changed is another name
    assert "name not in the quote" in rule_failure("The Vane is 400 m wide near Emmarich.", quote, "", 0.2)
    assert "name not in the quote" in rule_failure("The Vane is 400 m wide near Emerch.", quote, "", 0.2)
    assert "name not in the quote" in rule_failure("The Vane is 400 m wide near Mmerich.", quote, "", 0.2)


def test_a_quarter_turn_of_the_compass_is_another_direction():
    quote = ["The river now flows North as the Upper Vane through the Vane Plain."]
    east = rule_failure("The river flows east through the Vane Plain.", quote, "", 0.2)
    assert east == "the quote says north, not east"
    assert rule_failure("The river flows north through the Vane Plain.", quote, "", 0.2) == ""
    # a compass word inside a name gives no direction; a point between two others keeps both
    assert rule_failure("The Vane flows east into the North Sea.", ["The Vane flows east into the North Sea."]) == ""
    assert rule_failure("The Vane reaches the West Bank.", ["The Vane reaches the North Sea and the West Bank."]) == ""
    assert rule_failure("Troops moved north.", ["Troops moved north-east at dawn."], "", 0.2) == ""


def test_what_came_after_an_event_did_not_lead_to_it():
    quote = ["Forty people were held in raids following strikes following Berg's dismissal in May."]
    why = rule_failure("Strikes led to Berg's dismissal in May.", quote, "What led to Berg's dismissal?", 0.2)
    said = "“strikes following Berg's dismissal in May”"
    assert why == f"the quote says {said}: what the claim calls the cause came after it"
    # the other way round is what the quote says, though "held ... following strikes" names a later event too
    assert rule_failure("Berg's dismissal led to strikes.", quote, "", 0.2) == ""
    assert rule_failure("The storm caused floods.", ["Floods came after the storm."], "", 0.2) == ""
    assert "after" in rule_failure("The floods caused the storm.", ["Floods came after the storm."], "", 0.2)


def test_a_chat_fragment_quoted_in_a_claim_asserts_no_order_between_its_words():
    quote = "In May, the strike at Vikholm harbour kept 40 dockers at home."
    fragment = "Vikholm harbour strike last May how many dockers"
    claim = statement(fragment, "40")
    assert claim.startswith('The answer to "')  # a fragment: no place for the answer, so it is quoted
    assert rule_failure(claim, [quote], fragment, composed=True) == ""
    # the same words stated as a relation are still checked for their order
    assert "other way round" in swapped_relation("Vikholm struck May over the harbour.", ["May struck Vikholm."])


def test_to_before_a_verb_opens_the_verb_and_names_no_role_object():
    quote = "As the water continued to rise in Norland, the Late Vik delta formed."
    assert swapped_relation("The water did continue to rise during the Late Vik in Norland.", [quote]) == ""
    # a role's object after "to" is still checked
    assert swapped_relation("Karl is the ambassador to Norland.", ["Karl, the ambassador to Sorland, spoke."])


def test_a_negation_the_question_uses_to_describe_what_the_quote_refers_back_to_is_denied_by_nothing():
    question = "What cast doubt on the council's pledge not to close the dam?"
    claim = "The flood of 1953 cast doubt on the council's pledge not to close the dam."
    quote = ["However, the flood of 1953 raised questions about this promise."]
    before = ["Dam", "The council promised not to close the dam."]
    assert DENIES not in rule_failure(claim, quote, question, 0.2, context=before, composed=True)
    # with nothing before it that says "not", the quote's promise may be any promise
    other = ["Dam", "The council promised to close the dam."]
    assert rule_failure(claim, quote, question, 0.2, context=other) == DENIES
    # a negation of the claim's own, not the question's, is still one the quote does not hold
    own = "The flood of 1953 did not cast doubt on this promise."
    assert rule_failure(own, quote, "What did the flood of 1953 do?", 0.2, context=before) == DENIES


def test_an_attribution_the_question_gives_is_checked_against_the_article_not_the_quote():
    question = "According to the Oslo economist quoted by The Harbour Times, why did the ferry fares rise?"
    claim = "According to the Oslo economist quoted by The Harbour Times, the fares rose because fuel got dearer."
    quote = ["Berg explained that the fares rose because fuel got dearer."]
    article = (
        "The ferry fares rose again in May. “It was expected,” Kari Berg, an economist at the University of "
        "Oslo, told The Harbour Times. Berg explained that the fares rose because fuel got dearer."
    )
    assert rule_failure(claim, quote, question, 0.2, article=article) == ""
    # the article names the attribution, but never with the quote's speaker
    elsewhere = article.replace("Kari Berg, an economist", "Ola Dahl, an economist")
    assert "name not in the quote" in rule_failure(claim, quote, question, 0.2, article=elsewhere)
    # an attribution the question does not give is the claim's own, and needs the quote
    unasked = "Why did the ferry fares rise?"
    assert "name not in the quote" in rule_failure(claim, quote, unasked, 0.2, article=article)


def test_words_asked_of_one_speaker_are_not_answered_by_another_s():
    question = "What reason did Governor Alder give for closing the port?"
    claim = "The harbour walls were no longer safe."
    quote = "“The harbour walls were no longer safe,” Brenn said on Monday."
    article = f"Mayor Tomas Brenn spoke after Governor Alder left. {quote}"
    why = rule_failure(claim, [quote], question, article=article)
    assert why == "the quote gives Brenn’s words, not those asked for"
    # the asked speaker named by the quote, or described where the article names the quote's speaker
    assert rule_failure(claim, [quote], "What reason did Mayor Brenn give for closing the port?", article=article) == ""
    described = "Tomas Brenn, the port's harbour master, said it would close. " + quote
    asked = "According to the harbour master, why did the port close?"
    assert rule_failure(claim, [quote], asked, article=described) == ""
    # "according to the article on X": which article, not whose words
    pointed = "Why did the port close, according to the article on Governor Alder's visit?"
    assert rule_failure(claim, [quote], pointed, article=article) == ""
    # one breath may name both: an office with another portfolio is another speaker
    minister = "“The walls are unsafe,” Norland Foreign Minister Ola Dahl said."
    asked = "What did Norland's defence minister say about the walls?"
    assert (
        rule_failure("The walls are unsafe.", [minister], asked)
        == "the quote gives Foreign Minister Ola Dahl’s words, not those asked for"
    )
    same = "What did Norland's foreign minister say about the walls?"
    assert rule_failure("The walls are unsafe.", [minister], same) == ""
    # a quote that names no speaker of its own may be anyone's: the sentences around decide, not this rule
    assert rule_failure(claim, ["The harbour walls were no longer safe."], question, article=article) == ""


def test_an_office_with_another_portfolio_is_another_office():
    quote = "Foreign Minister Ola Dahl met the envoy in Lund."
    assert (
        rule_failure("Ola Dahl is the defence minister.", [quote])
        == "the quote names the foreign minister, not the defence minister"
    )
    assert rule_failure("Ola Dahl is the foreign minister.", [quote]) == ""
    # no portfolio in the claim, or an office the quote leaves open, says nothing against it
    assert rule_failure("Ola Dahl is a minister.", [quote]) == ""
    assert rule_failure("Ola Dahl is the defence minister.", ["The minister Ola Dahl met the envoy in Lund."]) == ""


def test_a_claim_from_a_quote_about_another_dated_occasion_does_not_answer_the_question():
    quote = ["In her speech on the new June 30 closing date, the mayor said the bridge was safe."]
    question = "What did the mayor say about the bridge when she set the May 1 closing deadline?"
    why = rule_failure("The mayor said the bridge was safe.", quote, question, 0.2)
    assert why == "the quote is about another occasion than the question's may 1 closing"
    same = "What did the mayor say about the bridge when she set the June 30 closing date?"
    assert rule_failure("The mayor said the bridge was safe.", quote, same, 0.2) == ""


def test_a_number_a_relative_clause_gives_its_own_noun_is_not_another_thing_s():
    from assistant.verification.attachment import other_owner

    quote = "The ferry crosses to Holm Island, which has some 4,000 inhabitants, twice a day."
    assert "Island" in other_owner("The ferry has 4,000 inhabitants.", [quote])
    assert other_owner("Holm Island has some 4,000 inhabitants.", [quote]) == ""
    assert other_owner("The island has four thousand inhabitants.", [quote]) == ""
    # the noun before "of" may be what the clause hangs on: "the mayor of Holm, who was elected in 2019"
    quote = "The ferry was opened by the mayor of Holm, who was elected in 2019."
    assert other_owner("The mayor was elected in 2019.", [quote]) == ""
    assert "Holm" in other_owner("The ferry was opened in 2019.", [quote])
    # a number the quote also states outside any clause is the quote's own
    assert (
        other_owner("The ferry was opened in 2019.", ["The ferry opened in 2019 at Holm, which was founded in 2019."])
        == ""
    )


def test_not_only_asserts_what_it_names_and_more():
    quote = "The harbour was shaped not only by the river's silt but also by the northern storms."
    assert rule_failure("The northern storms shaped the harbour.", [quote], "", 0.2) == ""
    assert rule_failure("The river's silt shaped the harbour.", [quote], "", 0.2) == ""
    # a plain "not" still denies
    quote = "The harbour was not shaped by the river's silt."
    assert rule_failure("The river's silt shaped the harbour.", [quote], "", 0.2) == "states what the quote denies"


def test_its_belongs_to_the_sentence_s_subject_not_to_the_nearest_name():
    from assistant.verification.attachment import other_possessor

    quote = "The Ostra leaves Lake Vinn, turns west past Kellby, and is joined by its largest tributary, the Ra."
    assert "Ostra" in other_possessor("The Ra is the largest tributary of Lake Vinn.", [quote])
    assert other_possessor("The Ra is the largest tributary of the Ostra.", [quote]) == ""
    # after a new clause, "its" may be that clause's subject's
    quote = "The Ostra leaves Lake Vinn, while Kellby keeps its old harbour."
    assert other_possessor("Lake Vinn is the old harbour of Kellby.", [quote]) == ""
    assert rule_failure(
        "The Ra is the largest tributary of Lake Vinn.",
        ["The Ostra leaves Lake Vinn, turns west past Kellby, and is joined by its largest tributary, the Ra."],
        "",
        0.2,
    ).startswith("the quote gives")


def test_a_count_belongs_to_the_whole_not_to_one_of_the_things_it_counts():
    from assistant.verification.attachment import counted_member

    quote = "Lake Vinn consists of three basins: the Oberhav, the Unterhav and a narrow channel."
    assert "Oberhav" in counted_member("Three basins make up the Oberhav.", [quote])
    assert counted_member("Three basins make up Lake Vinn.", [quote]) == ""
    assert counted_member("Lake Vinn has three basins, among them the Oberhav.", [quote]) == ""


def test_a_claim_that_gives_the_quote_s_doer_s_deed_to_another_party_is_turned_round():
    quote = "On Monday, Norland's ministers hosted talks between Sorland and the guild in Vik."
    assert swapped_relation(
        "On Monday, Sorland hosted talks between Norland's ministers and the guild in Vik.", [quote]
    )
    assert swapped_relation("Norland's ministers hosted talks between Sorland and the guild.", [quote]) == ""
    # a passive names its doer after "by": the same relation, told the other way
    assert (
        swapped_relation(
            "Sorland was accused by Norland of breaking the truce.", ["Norland accused Sorland of breaking the truce."]
        )
        == ""
    )
    # "a Vik report" is a noun, not the verb "reporting"
    quote = "Anna Berg remains in Vik, Norland said during the reporting period."
    assert swapped_relation("According to a Vik report, Anna Berg remains in Vik.", [quote]) == ""


def test_a_noun_phrase_or_a_predicate_without_a_verb_is_no_claim():
    quote = "Anna Berg sees the guild's vote as a victory of all the workers of Vik."
    assert rule_failure("Victory of all the workers of Vik.", [quote], "How does Anna Berg see the vote?", 0.2) == (
        "not a complete sentence"
    )
    assert rule_failure("Anna Berg sees the vote as a victory of all the workers of Vik.", [quote], "", 0.2) == ""
    # a bare name or number answering a wh-question is complete as it stands
    assert rule_failure("Anna Berg.", ["Anna Berg founded the guild."], "Who founded the guild?", 0.2) == ""


def test_what_follows_the_quote_s_verb_copied_without_its_subject_is_no_claim():
    quote = "The guild is committed to using its harbour fees to repair the roads of Vik."
    question = "What is the guild doing about the roads?"
    # "fees" and "roads" can be verbs, but here they are nouns: the claim has no subject of its own
    assert rule_failure("Committed to using its harbour fees to repair the roads of Vik.", [quote], question, 0.2) == (
        "not a complete sentence"
    )
    assert rule_failure("The guild uses its harbour fees to repair the roads of Vik.", [quote], question, 0.2) != (
        "not a complete sentence"
    )
    goal = "It was a step towards Norland's chief aim: ending the influence of Sorland in a port it sees as its own."
    assert rule_failure(
        "Ending the influence of Sorland in a port it sees as its own.", [goal], "What is Norland's aim?", 0.2
    ) == ("not a complete sentence")
    listed = "The raiders took boats the guild had left behind, including skiffs and fishing nets, Anna Berg said."
    assert rule_failure("Skiffs and fishing nets left behind by the guild.", [listed], "What did they take?", 0.2) == (
        "not a complete sentence"
    )
    # the same words as the quote's own sentence, subject and all, are a claim
    assert (
        rule_failure("The guild is committed to using its harbour fees to repair the roads of Vik.", [quote], "", 0.2)
        == ""
    )
    # a sentence copied from after a colon, with a verb only a verb can be, is a claim
    said = "Anna Berg gave her reason: the guild keeps the harbour open all winter."
    assert rule_failure("The guild keeps the harbour open all winter.", [said], "Why?", 0.2) == ""


def test_a_word_that_stands_in_for_the_answer_gives_none():
    quote = "One reason for the guild's long life offered by its members was the harbour they own together."
    question = "Why has the guild lasted?"
    assert "explanation" in rule_failure(
        "Its members offered an explanation for the guild's long life.", [quote], question, 0.2
    )
    assert "something" in rule_failure(
        "Its members said something about the guild's long life.", [quote], question, 0.2
    )
    assert (
        rule_failure(
            "One reason for the guild's long life, its members say, is the harbour they own together.",
            [quote],
            question,
            0.2,
        )
        == ""
    )


def test_a_lower_case_particle_opens_the_name_it_stands_before():
    quote = "Some 400 fighters have sworn loyalty to Al Rashid, officials said."
    assert swapped_relation("Some 400 fighters have sworn loyalty to al Rashid.", [quote]) == ""
    assert swapped_relation("Some 400 fighters have sworn loyalty to Omar.", [quote]) != ""
