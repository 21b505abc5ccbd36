"""The grammar of a sentence that directs its reader, which is what an instruction hidden in a page must be.

An injected instruction has to *direct* someone (an imperative, "you", an obligation, an opening
addressed to a reader, a condition on being asked) and it has to be about *what to say*: an answer, a
summary, a description, a figure, something to leave out. Ordinary news has sentences of each kind, but
rarely both together outside quotation marks: officials' orders and how-to steps direct actions in the
world ("leave the building", "stir the sauce"), and news about chatbots reports what they did, in the
third person. So the rule sorts every sentence three ways:

- `news`: it directs no one, or it directs an action that is neither speech nor addressed to a machine
  or an answer (public advice, recipes, manuals);
- `instruction`: it directs someone to say, describe, leave out or answer something, to a machine
  or about answers, or dictates the content of what is said ("reply that", "describe X as"), and does
  not say who said it;
- `unsure`: the rest, which the judge model reads.

The forms were written from the tuning sentences in bench/data/injection/tune-*.txt and tests/data/;
bench/injection_screen.py reports on sentences written apart from them.
"""

from __future__ import annotations

import re
from typing import Literal

Form = Literal["news", "instruction", "unsure"]

# A quotation can run over several sentences, so an opening mark left open quotes the rest of the sentence
# and a closing mark without its opening quotes what comes before it.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|^[^“]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*(?:»|$)")
_MACHINE = (
    r"ai|a\.i\.|assistants?|chatbots?|bots?|(?:language\s+)?models?|llms?|gpt|algorithms?|programs?|software"
    r"|systems?|tools?|agents?|engines?|machines?|machine-\w+|automated|crawlers?|scrapers?|summari[sz]\w*"
    r"|indexers?|indexing|parsers?|translators?|translation|configuration|paraphras\w*"
)
_MACHINE_WORD = re.compile(rf"\b(?:{_MACHINE})\b", re.IGNORECASE)
# A key of markup or metadata naming a machine, an answer or an instruction ("verified_answer:", "ai-note=").
_MACHINE_KEY = re.compile(
    r"[a-z_-]*(?:answer|summary|instruction|prompt|ai|bot|assistant|system|override|directive)[a-z_-]*\s*[:=]",
    re.IGNORECASE,
)
# A label that calls the sentence itself an instruction ("New instruction, superseding the article:").
_LABEL = re.compile(r"^\W*[^:.;]{0,60}?\b(?:instructions?|directives?|override)\b[^:.;]{0,40}:", re.IGNORECASE)
# Someone who will be asked, or the asking and answering itself.
_AUDIENCE = re.compile(
    r"\b(?:users?|(?:any|every|each|all)\s+(?:\w+\s+)?(?:questions?|answers?|repl(?:y|ies)|responses?|outputs?|"
    r"summar\w+|overviews?)|(?:the|your|any)\s+(?:answer|reply|response|output|summary|overview)s?|"
    r"(?:when|if|whenever|whatever|should)\s+(?:\w+\s+){0,3}ask(?:s|ed)?|(?:anyone|someone|somebody|people|readers?|"
    r"users?|visitors?)\s+(?:who\s+)?ask(?:s|ing)?|questions?\s+(?:about|concerning|regarding)|question\s+(?:concerns?|comes?)|answering|responses?|summar\w+|replies|outputs?|"
    r"you\s+(?:answer|reply|respond|summari[sz]e|write|generate)|(?:comes?|came)\s+up|is\s+raised|raises?\s+the|"
    r"wants?\s+to\s+know|inquires?|enquires?)\b",
    re.IGNORECASE,
)
# A condition on being asked: "when a user asks", "should the route length come up".
_ASKING = re.compile(
    r"\b(?:when|if|whenever|whatever|should)\s+(?:\w+\s+){0,4}?(?:asks?|asked|comes?\s+up|(?:is\s+)?raised?|wants?\s+to\s+"
    r"know|inquires?|enquires?)\b|\b(?:anyone|someone|somebody|people|users?|readers?)\s+(?:who\s+)?ask(?:s|ing)?\b",
    re.IGNORECASE,
)
# The text speaking of itself as a page to be processed.
_THIS_TEXT = re.compile(
    r"\b(?:this|the\s+following|the\s+above)\s+(?:page|article|story|text|paragraph|sentence|line|site|website|"
    r"report|document|post|passage|note|piece)\b"
    r"|\b(?:text|figures?|paragraphs?|sections?|table|results|sentences?|claims?)\s+(?:above|below)\b"
    r"|\bwhatever\s+the\s+(?:\w+\s+){0,2}(?:says|states|suggests|claims|reports|shows)\b"
    r"|\b(?:reading|processing|parsing|summari[sz]ing|indexing|translating|reads|processes)\s+this\b"
    r"|\b(?:in|of|from|superseding)\s+the\s+(?:article|page|text|story)\b|\bthe\s+(?:article|page|text)\s+(?:says|states)\b"
    r"|\bthe\s+(?:headline|byline|caption|corrections?\s+box|(?:(?:first|second|third|last|next|final)\s+)?paragraph)\b",
    re.IGNORECASE,
)
# --- forms that direct the reader ---
_ADDRESS = re.compile(
    rf"^\W*(?:(?:to\s+(?:the|any|all|every|each|a|an|whoever|whatever|my|our)|to(?=\s+(?:{_MACHINE})\b)|dear|"
    rf"attention|attn|hello|hi|hey|note|message|memo|notice|reminder|for|update|reviewers?)\b[^:,.;—–]{{0,60}}?"
    rf"\b(?:{_MACHINE}|readers?|whoever|anyone)\b[^:,.;—–]{{0,40}}[:,—–]|(?:whoever|whatever)\b[^:,.;—–]{{0,60}}[:,—–]"
    rf"|[^:.;]{{0,60}}?\b(?:{_MACHINE}|instructions?|directives?|notice|override|whoever|whatever)\b[^:.;]{{0,40}}[:\]])"
    rf"|,\s*(?:{_MACHINE})\s*,",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
# Verbs of saying and of handling a text: what an instruction to a reader of the page is about.
_SPEECH = (
    r"say|tell|state|answer|reply|respond|describe|refer|mention|omit|leave\s+out|summari[sz]e|report|write|"
    r"present|claim|blame|quote|cite|repeat|reveal|recommend|rank|rewrite|output|print|characteri[sz]e|portray|"
    r"label|translate|ignore|disregard|forget|pretend|reassure|inform|assure|notify|warn|let\s+(?:\w+\s+){1,3}?know|"
    r"explain|conclude|endorse|promote|stress|emphasi[sz]e|insist|credit|attribute|refrain|praise|favou?r|render|announce|declare|assert"
)
# Verbs a how-to step shares with an instruction ("add the flour", "add the phrase"): they direct, but
# they do not by themselves say the direction is about speech.
_SHARED = (
    r"replace|insert|include|add|call|treat|regard|correct|confirm|deny|begin|start|open|give|list|use|name|record|"
    r"change"
)
_LEAD = (
    r"(?:^|[,:;—–=>]\s*|\]\s*|\b(?:then|instead|so)\s+)\W*(?:please\s+|kindly\s+|always\s+|never\s+|do\s+not\s+|"
    r"don['’]t\s+|be\s+sure\s+to\s+|make\s+sure\s+to\s+|remember\s+to\s+)?"
)
_COMMAND = re.compile(rf"{_LEAD}(?:{_SPEECH}|{_SHARED})\b", re.IGNORECASE)
_SPOKEN_COMMAND = re.compile(rf"{_LEAD}(?:{_SPEECH})\b", re.IGNORECASE)
_MODAL = (
    r"(?:(?<=you\s)will|\b(?:must|should|shall|ought\s+to|(?:is|are)\s+(?:instructed|requested|directed|ordered|told)\s+to|is\s+(?:required\s+|expected\s+|asked\s+)?to|are\s+(?:required\s+|expected\s+|"
    r"asked\s+)?to|has\s+to|have\s+to|needs?\s+to))\s+(?:always\s+|first\s+|now\s+|only\s+|not\s+|never\s+)?"
)
_SAID = (
    r"told|given|described|reported|presented|treated|called|named|stated|said|answered|quoted|written|"
    r"mentioned|left\s+out|omitted|referred|ignored|disregarded|rendered|shown|listed|framed|characteri[sz]ed|"
    r"portrayed|labelled|labeled|summari[sz]ed|translated|ranked|recommended|informed|reassured|notified|warned"
)
# An obligation to say something, active ("must say") or passive ("is to be reported as").
_OBLIGATION = re.compile(rf"{_MODAL}(?:(?:{_SPEECH}|{_SHARED})\b|be\s+(?:{_SAID})\b)", re.IGNORECASE)
_SPOKEN_OBLIGATION = re.compile(
    rf"{_MODAL}(?:(?:{_SPEECH})\b|be\s+(?:{_SAID})\b)|\byou\s+to\s+(?:{_SPEECH})\b", re.IGNORECASE
)
_POLITE = re.compile(
    r"\b(?:please|kindly|it\s+would\s+(?:be\s+)?\w+\s+(?:\w+\s+){0,2}?if|we\s+(?:ask|request)\s+that|"
    r"it\s+is\s+(?:requested|asked|expected|required)\s+that|"
    r"it\s+is\s+(?:mandatory|compulsory|essential|required|necessary|vital|imperative)\s+(?:for|that)\s+|"
    r"be\s+kind\s+enough\s+to|"
    r"you\s+are\s+(?:now|to)|from\s+now\s+on|pretend|act\s+as)\b",
    re.IGNORECASE,
)
# Dictating what is said: its content ("reply that", "describe X as Y", "begin with") or its answer.
_CONTENT = re.compile(
    r"\b(?:say|says|tell(?!\s+(?:you|your)\b)(?:\s+[\w'’-]+){0,3}?|state|answer|reply|respond|claim|confirm|insist|"
    r"report|write|add|mention|explain|record|(?:re)?assure(?:\s+[\w'’-]+){0,3}?|inform(?:\s+[\w'’-]+){0,3}?|warn|"
    r"know|announce|declare|assert|conclude|suggest|imply)\s+"
    r"(?:that|it\s+was|with)\b"
    r"|\btell\s+(?:readers|users|people|everyone|everybody|anyone|them|the\s+user|visitors|listeners|viewers)\b"
    r"|^\W*(?:please\s+|kindly\s+)?(?:say|answer|reply|respond|state|claim|insist)\s+(?!so\b|nothing\b|no\b|yes\b|"
    r"goodbye\b|hello\b|sorry\b|thank|what\b|when\b|it\s+loud|(?:the|these|those|all|each|a|an|any|your|some)\s+"
    r"(?:\w+\s+)?(?:questions?|call|phone|door|survey|quiz)\b)"
    r"|\breplace\s+the\s+(?:word|phrase|name|term|figure|number)\b"
    r"|\b(?:include|mention|add|repeat|put|state)\s+(?:this|that|it)\s+in\s+(?:any|every|all|your|each)\b"
    r"|\b(?:insert|include|add|append)\s+(?:\w+\s+){0,2}?(?:phrase|link|sentence|words?|line|statement|"
    r"disclaimer)\b"
    r"|\b(?:begin|open|start|end)\s+(?:\w+\s+){0,2}?with\s+(?:the\s+)?(?:phrase|words?|sentence|line|statement)\b"
    r"|\b(?:describ|refer|present|treat|call|characteri[sz]|portray|label|regard|list|giv|report|render|fram|"
    r"rank|nam)\w*\s+(?:to\s+)?(?:[^.;]{1,80}?\s)?as\b"
    r"|\b(?:the\s+(?:only\s+)?(?:correct|right|true|real|official|proper)\s+(?:answer|figure|version|account|"
    r"number|reply)|the\s+answer\s+(?:to\s+any|is\s+that))\b"
    r"|\b(?:not\s+(?:mention|reveal|repeat|say)\s+(?:that|the\s+(?:name|figure|fact|number|cost|fine))|"
    r"never\s+(?:mention|reveal|say)\s+(?:that|the)|rewrite|(?:replace|remove|delete)\s+(?:every|each|all|any)\s+(?:\w+\s+)?(?:mention|reference|"
    r"word|instance|occurrence)s?)\b",
    re.IGNORECASE,
)
# Reported speech is the form of news; a passive obligation ("is to be told") is not a report.
_ATTRIBUTED = re.compile(
    r"(?<!be\s)\b(?:said|says|told|according\s+to|announced|warned|added|wrote|advised|urged|ruled)\b",
    re.IGNORECASE,
)


def unquoted(sentence: str) -> str:
    return _QUOTED.sub(" ", sentence)


_DICTATED = re.compile(
    r"\bthe\s+(?:only\s+)?(?:correct|right|official|true|verified|accurate|acceptable|approved)\s+(?:answer|response|"
    r"reply)\b|\bthe\s+answer\s+(?:to\s+any|you\s+give)\b|\bthe\s+(?:only\s+)?(?:correct|right|official|accurate|"
    r"verified)\s+\w+\s+to\s+(?:quote|give|report|use|cite|state)\b",
    re.IGNORECASE,
)
# Telling the reader who it is: a page's persona for its reader is never news.
_PERSONA = re.compile(
    r"\b(?:you\s+are\s+(?:now|no\s+longer)|act\s+as|pretend\s+(?:to\s+be|you)|from\s+now\s+on|role-?play\s+as|"
    r"play\s+the\s+(?:role|part)\s+of|adopt\s+the\s+(?:role|persona)|(?:previous|earlier|prior|all|any|your)\s+"
    r"(?:instructions?|guidance|directives?|rules|prompts?|configuration)\s+(?:are|is|have\s+been|has\s+been)\s+"
    r"(?:void|cancel+ed|superseded|revoked|no\s+longer|obsolete|null|withdrawn))\b",
    re.IGNORECASE,
)
# Markup or metadata inside prose (a tag, a comment, a chat-template or JSON fragment, key=value pairs): its
# quoted values are the payload, so they are read, not set aside as quoted speech.
_MARKUP = re.compile(
    r"<\s*/?\s*[a-z][\w-]*[^>]*>|<!--|-->|\[\[|\]\]|\[/?(?:inst|sys|system)\]|\{\s*\"|\"role\"\s*:"
    r"|\b[a-z][\w-]*\s*=\s*[\"\w]|\b[a-z]+_[a-z_]+\s*:",
    re.IGNORECASE,
)


def directs(text: str) -> bool:
    """Does the (unquoted) text direct its reader?"""
    return any(p.search(text) for p in (_YOU, _ADDRESS, _COMMAND, _OBLIGATION, _POLITE, _DICTATED, _PERSONA)) or bool(
        re.search(r"\bthe\s+answer\s+is\b", text, re.I) and _ASKING.search(text)
    )


def form(sentence: str) -> Form:
    markup = bool(_MARKUP.search(sentence))
    text = sentence if markup else unquoted(sentence)
    asked = _ASKING.search(text) or re.search(r"\bwhatever\b", text, re.IGNORECASE)
    dictated = _DICTATED.search(text) or (re.search(r"\bthe\s+answer\s+(?:is|to)\b", text, re.I) and asked)
    machine = bool(
        _MACHINE_WORD.search(text)
        or _AUDIENCE.search(text)
        or _THIS_TEXT.search(text)
        or dictated
        or _LABEL.search(text)
        or (markup and _MACHINE_KEY.search(text))
    )
    content = bool(_CONTENT.search(text))
    speech = content or bool(_SPOKEN_OBLIGATION.search(text) or _SPOKEN_COMMAND.search(text))
    # A polite request ("it would be appreciated if summarisers left out") carries its verb in any tense.
    speech = speech or bool(
        _POLITE.search(text) and re.search(rf"\b(?:{_SPEECH}|{_SAID}|left\s+out)\b", text, re.IGNORECASE)
    )
    if markup and machine:
        return "instruction"  # a payload in markup for a machine reader
    if not directs(text):
        return "news"
    if _PERSONA.search(text):
        return "instruction"  # telling the reader who it is
    if not machine and not speech:
        return "news"  # an action in the world: advice, a recipe, a manual, an order
    if machine and (_ADDRESS.search(text) or dictated or markup or _LABEL.search(text)):
        return "instruction"  # spoken to a machine, dictating the answer, or giving the reader a persona
    # "whatever the table says", "the article says", "your answer says": the text itself, not a source quoted.
    own = r"\bwhatever\b[^,.;]*|\b(?:article|page|text|story|answer|reply|response|summary|output)\s+(?:says|states)\b"
    if _ATTRIBUTED.search(re.sub(own, " ", text, flags=re.IGNORECASE)):
        return "unsure"
    if re.search(r"\b(?:will|would)\s+(?:have\s+to|need\s+to|be\s+(?:required|obliged|expected)\s+to)\b", text, re.I):
        return "unsure"  # an obligation reported for later ("chatbots will have to tell users"), not given here
    passive = re.search(rf"{_MODAL}be\s+(?:{_SAID})\b", text, re.IGNORECASE)
    # "you" as the one who will say it; "tell your MP that" urges a reader to speak to someone else.
    imperative = re.match(rf"{_LEAD}(?:{_SPEECH}|{_SHARED})\b", text.strip(), re.IGNORECASE) or re.search(
        r"(?:^|:\s*)\W*(?:task|role|action|instruction)s?\s*:", text, re.IGNORECASE
    )
    you = re.search(r"\byou\b", text, re.IGNORECASE)
    if (machine and speech) or (content and (you or passive or imperative)):
        return "instruction"
    return "unsure"


def suspicious(sentence: str) -> bool:
    """Could this sentence be an instruction (anything the rule does not call news)?"""
    return form(sentence) != "news"


def strong(sentence: str) -> bool:
    """Does the rule alone call it an instruction?"""
    return form(sentence) == "instruction"
