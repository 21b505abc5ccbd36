"""Questions and their answers written as one claim (hand-made questions, none from the public sets)."""

import pytest

from assistant.verification.claims import statement

CASES = [
    ("What flooded the valley?", "the river", "The river flooded the valley."),
    ("Who founded the guild?", "Anna Berg", "Anna Berg founded the guild."),
    ("When was the bridge built?", "1921", "The bridge was built in 1921."),
    ("When was the bridge built?", "in the spring of 1921", "The bridge was built in the spring of 1921."),
    ("Where does the Vane branch off?", "near Vik", "The Vane does branch off near Vik."),
    ("What does the Vane canal run parallel to?", "the Lippe", "The Vane canal does run parallel to the Lippe."),
    ("When did Norse tribes cross the Vane?", "1921", "Norse tribes did cross the Vane in 1921."),
    # after "did" the verb is plain: an -ing form after it is its object, not a sign it was a noun
    ("When did the Vane stop being the border?", "after 1648", "The Vane did stop being the border after 1648."),
    ("When did the council start using ferries?", "1921", "The council did start using ferries in 1921."),
    # chat fragments: a noun phrase names what it asks for; a question word at the end takes the answer
    ("vik dam builder?", "Anna Berg", "Vik dam builder is Anna Berg."),
    ("vik dam casualties", "12 dead", "Vik dam casualties are 12 dead."),
    ("lund captured when", "1921", "Lund captured in 1921."),
    ("lund on the dam", "a disgrace", 'The answer to "lund on the dam?" is a disgrace.'),
    ("In what year was the bridge built?", "1921", "The bridge was built in 1921."),
    ("Where is the museum?", "Oslo", "The museum is in Oslo."),
    ("How many people live in Vik?", "2,000", "2,000 people live in Vik."),
    ("What did the council approve?", "a budget", "The council did approve a budget."),
    ("What did Anna Berg sign?", "a deal", "Anna Berg did sign a deal."),
    # a compound noun after "which", and a determiner after a name opening what the name is
    ("Which trade union is Anna Berg a board member of?", "Metall", "Anna Berg is a board member of Metall."),
    ("What guild is Olav the head of?", "the Smiths", "Olav is the head of the Smiths."),
    ("What is the capital of Norland?", "Vik", "Vik is the capital of Norland."),
    ("How long is the canal?", "12 km", "The canal is 12 km."),
    ("What's the name of the canal?", "Vik Canal", "Vik Canal is the name of the canal."),
    # the counted noun is the subject when a participle follows the auxiliary
    ("How many boats were sunk in the storm?", "four", "Four boats were sunk in the storm."),
    ("How many boats did the storm sink?", "four", "The storm did sink four boats."),
    # the question word kept at the end of the question
    ("The ferry has run every summer since when?", "1962", "The ferry has run every summer since 1962."),
    ("The mill was sold when?", "1971", "The mill was sold in 1971."),
    # a hedge before the question word, and a share of something
    ("Roughly what share of the harvest was lost?", "a third", "A third of the harvest was lost."),
    # "what <noun> of X" before an auxiliary: the answer stands for a kind, keeps what a share is of and
    # what a count counts, and the inverted auxiliary goes back after the subject
    ("What kind of grain did the mill grind?", "rye", "The mill did grind rye."),
    ("What share of the harvest did the storm destroy?", "a third", "The storm did destroy a third of the harvest."),
    ("What number of boats did the storm sink?", "four", "The storm did sink four boats."),
    ("What type of stone is quarried in Vik?", "granite", "Granite is quarried in Vik."),
    # a noun after a name belongs to the subject when a participle follows it
    ("When were the Vik councillors elected?", "1999", "The Vik councillors were elected in 1999."),
    ("Which bridge was closed in 1990?", "the old bridge", "The old bridge was closed in 1990."),
    ("Which year was there a flood in Vik?", "1921", "There was a flood in Vik in 1921."),
    # the question word kept at the end, with its noun
    ("The ferry stops at Vik and what other town?", "Lund", "The ferry stops at Vik and Lund."),
    # after "did", a word that is no verb before one that is belongs to the subject; the object's gap is
    # after the verb, before a phrase that sets it in place or time
    ("What did the Vik kvernfall cause in the north?", "a flood", "The Vik kvernfall did cause a flood in the north."),
    ("What did the council find near the dam?", "a coin", "The council did find a coin near the dam."),
    # "what type of N is X": X is the answer's kind of N; a time noun that is the subject takes no "in"
    ("What type of harbour is Vik?", "a tidal", "Vik is a tidal harbour."),
    ("What era ended the guild's rule?", "the Steam Age", "The Steam Age ended the guild's rule."),
    # whose account it is, set after the question word, closes the claim; a verb of estimating bridges
    (
        "What, according to Anna Berg, did the council approve?",
        "a budget",
        "The council did approve a budget, according to Anna Berg.",
    ),
    (
        "How many boats does the council estimate have sunk in Vik?",
        "about 40",
        "The council does estimate about 40 boats have sunk in Vik.",
    ),
    # "what is X called?": X is called the answer; after "were", a noun before another word is the subject's
    ("What is the last mill on the Vane called?", "Kvern", "The last mill on the Vane is called Kvern."),
    ("Who were the Vik troops allies with?", "the guild", "The Vik troops were allies with the guild."),
    # ... but after a modal the word is the verb
    ("Which guild must the Vik council cut ties with?", "the Smiths", "The Vik council must cut ties with the Smiths."),
    # after a modal, as after "did", the verb is a plain form: a word that may be an adjective is the subject's
    ("What can the Vik council approve?", "a budget", "The Vik council can approve a budget."),
    ("Where will the guild build its hall?", "Lund", "The guild will build its hall in Lund."),
    # ... or mid-sentence, after a coordinator or a preposition
    ("The Vane and what other river meet at Vik?", "the Lune", "The Vane and the Lune meet at Vik."),
    (
        "The border between Norland and which country follows the Vane?",
        "Sorland",
        "The border between Norland and Sorland follows the Vane.",
    ),
    # "called" before a relative clause names nothing
    (
        "What is the old mill called that the canal runs past?",
        "Kvern",
        "Kvern is the old mill that the canal runs past.",
    ),
    # a comparison's difference stands before the rest of it
    (
        "How much higher was the lake in the last century than it is now?",
        "2 m",
        "The lake was 2 m higher in the last century than it is now.",
    ),
    # a relative clause belongs to the subject, with or without a participle after it
    ("When was the dam that flooded the valley?", "the 1950s", "The dam that flooded the valley was in the 1950s."),
    (
        "When was the bridge that crosses the river built?",
        "1921",
        "The bridge that crosses the river was built in 1921.",
    ),
    ("Where is the museum that Anna Berg founded?", "Vik", "The museum that Anna Berg founded is in Vik."),
    (
        "What is the fish that the lake is named after?",
        "the pike",
        "The pike is the fish that the lake is named after.",
    ),
    # what "of" governs belongs to the subject, and so does a noun after a name before a participle
    ("Where does two thirds of the water flow?", "the canal", "Two thirds of the water does flow in the canal."),
    ("When did the number of ferries grow?", "1990", "The number of ferries did grow in 1990."),
    (
        "What is the highest point of the Vik basin called?",
        "Storfjell",
        "The highest point of the Vik basin is called Storfjell.",
    ),
    # after "is": a relative clause, a noun after a name and a phrase after the subject
    ("How long is the road that runs east?", "12 km", "The road that runs east is 12 km."),
    (
        "Where is the highest point of the Vik valley?",
        "Storfjell",
        "The highest point of the Vik valley is in Storfjell.",
    ),
    ("How wide is the canal in Vik?", "20 m", "The canal is 20 m in Vik."),
    ("When was the Vik flood?", "1921", "The Vik flood was in 1921."),
    ("When was the town fully within the kingdom?", "1500", "The town was fully within the kingdom in 1500."),
    ("When was the Vik council's speech broadcast?", "May", "The Vik council's speech was broadcast in May."),
    # what "besides" sets aside is the question's premise, not part of the claim
    ("Besides Vik and Borne, where else is the lake?", "Lund", "The lake is in Lund."),
    ("Apart from the guild, who else signed the deal?", "Anna Berg", "Anna Berg signed the deal."),
    # a leading phrase that sets the scene closes the claim; a modal before "be" is the subject's verb
    (
        "After 1921, who would be barred from the guild?",
        "the tanners",
        "The tanners would be barred from the guild after 1921.",
    ),
    ("In Vik, who founded the guild?", "Anna Berg", "Anna Berg founded the guild in Vik."),
    ("What would the bridge cost?", "a million", "The bridge would cost a million."),
    # a role the question gives stays beside the answer, for the judge to check
    (
        "Which former member of the council said the plan would fail?",
        "Anna Berg",
        "Anna Berg, former member of the council, said the plan would fail.",
    ),
]


@pytest.mark.parametrize("question,answer,expected", CASES)
def test_question_and_answer_become_one_claim(question, answer, expected):
    assert statement(question, answer) == expected


def test_a_question_it_cannot_rewrite_is_said_plainly():
    claim = statement("If the dam breaks, where does the water go?", "the sea")
    assert claim == 'The answer to "If the dam breaks, where does the water go?" is the sea.'
