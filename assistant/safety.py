"""Defences against text that tries to steer the model (indirect prompt injection, OWASP LLM01) and
against answers that smuggle links or markup out (LLM05).

- A sentence that reads as an instruction to an AI system ("ignore previous instructions", fake
  "Assistant:" turns, "reveal your system prompt", "answer only with ...") never becomes evidence.
  Matching runs on a normalised copy: Unicode NFKC, zero-width characters removed, common Cyrillic and
  Greek look-alike letters mapped to Latin, so homoglyph and zero-width variants are caught too.
- The patterns are narrow on purpose, because a dropped sentence is a lost fact: news quotes people giving
  orders ("“Answer only what you are asked,” the judge said"), reports prison jailbreaks and assistant
  secretaries who will respond. Orders aimed at an AI system (its instructions, its prompt, its answer,
  fake chat turns) are refused anywhere; generic orders ("reply only with ...") only outside quotation
  marks and only in the imperative.
- An answer sentence carrying a link, an image or HTML/Markdown markup is dropped unless that exact text
  is in the article it cites.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХУІЈЅаеорсхуіјѕԁӏɡΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοιν",
    "ABEKMHOPCTXYIJSaeopcxyijsdlgABEZHIKMNOPTYXaoiv",
)
_FLAGS = re.IGNORECASE | re.VERBOSE
# "Assistant Secretary", "assistant coach": a job title, not an AI system.
_NOT_A_TITLE = r"""(?!\s+(?-i:[A-Z])|\s+(?:coach|manager|professor|secretary|director|editor|principal|minister
    |commissioner|chief|attorney|general|referee|producer|governor|superintendent|inspector|officer)\b)"""
_AI = rf"(?:ai|chatbot|language\s+model|llm|(?:the|this|an?|your)\s+assistant{_NOT_A_TITLE})"
# Orders addressed to an AI system: refused wherever they stand, quoted or not.
_AI_DIRECTED = [
    (
        "override of previous instructions",
        r"""\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|these\s+|my\s+)?
        (?:previous|prior|above|earlier|preceding|system|original|all)\s+(?:\w+\s+)?
        (?:instructions?|prompts?|guidelines|directions|context)\b
        |\b(?:ignore|disregard|forget)\s+(?:all\s+)?(?:your\s+|the\s+)?(?:previous|prior|earlier|above)\s+rules\b
        |\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:above|before|previous(?:ly)?|you\s+(?:were|have\s+been)\s+told)\b""",
    ),
    ("system prompt", r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b"),
    ("fake chat turn", r"""(?:^|[\s"“'(\[])(?:system|assistant|user|human)\s*:\s"""),
    (
        "addresses an AI system",
        rf"""\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant{_NOT_A_TITLE}|language\s+model
        |chatbot|llm)\b
        |\b{_AI}s?\b.{{0,40}}\b(?:must|should|shall|will)\s+(?:now\s+|always\s+)?
        (?:answer|reply|respond|say|output|print|include|cite|write)\b""",
    ),
    (
        "asks for the prompt",
        r"""\b(?:reveal|print|show|repeat|output|leak|disclose)\s+(?:your|the)\s+(?:hidden\s+|secret\s+|system\s+|initial\s+)?
        (?:prompt|instructions)\b""",
    ),
    (
        "rewrites citations",
        r"\bcite\s+(?:source|article|document|evidence)\s*\[?\d+\]?\s+(?:instead|only|for\s+(?:all|every))\b",
    ),
    (
        "dictates the answer",
        r"""\b(?:include|add|insert|append|put|mention|write|print|use|cite|end|start|begin)\b.{0,60}
        \b(?:in|into|(?:to|at)\s+the\s+(?:end|start)\s+of)\s+your\s+(?:answers?|reply|replies|responses?|output)\b
        |\bbefore\s+answering\s*,?\s+(?:you\s+must\s+|please\s+|first\s+)?(?:reveal|print|output|say|ignore|repeat|write
        |include|tell|list|add)\b""",
    ),
    (
        "jailbreak",
        r"""\bjailbreak(?:ing)?\s+(?:mode|prompt)\b|\bjailbreak(?:ing|s)?\s+(?:the\s+|this\s+|an?\s+)?(?:ai|model|assistant
        |chatbot|llm|gpt)\b|\bprompt\s+injection\s+(?:attack\s+)?(?:mode|payload)\b|\bDAN\s+mode\b""",
    ),
]
# Generic orders about what to answer: only in the imperative (sentence start, or after "and", "then",
# "please", "you must") and only outside quotation marks.
_COMMANDS = [
    (
        "dictates the answer",
        r"""(?:^|[.:;!?]\s+|\b(?:and|then|please|now)\s+|\byou\s+(?:must|should|will|shall)\s+(?:now\s+|always\s+)?)
        (?:answer|reply|respond|output|print|say)\s+(?:only|exactly|just)\b
        |(?:^|\b(?:and|then|please|now)\s+|\byou\s+(?:must|should)\s+)(?:answer|reply|respond)\s+with\s+the\s+
        (?:word|text|phrase|string|code)\b""",
    ),
]
_AI_PATTERNS = [(reason, re.compile(pattern, _FLAGS)) for reason, pattern in _AI_DIRECTED]
# A word every pattern above and below needs (a new pattern adds its own): one scan of a sentence without
# any of them spares the patterns' dozen. The screen runs on every sentence ingested: 0.052 -> 0.021 ms a
# sentence, the same verdicts on 7,429 test strings and 5,892 article sentences (48 and 1 flagged).
_TRIGGER = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass|system|developer|assistants?|user|human|you|your|ais?|chatbots?"
    r"|language|llms?|reveal|print|show|repeat|output|leak|disclose|cite|answer|answering|reply|respond|say"
    r"|jailbreak\w*|injection|dan)\b",
    re.IGNORECASE,
)
_COMMAND_PATTERNS = [(reason, re.compile(pattern, _FLAGS)) for reason, pattern in _COMMANDS]
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)")
_MARKUP = re.compile(
    r"https?://|www\.|\]\(|!\[|<\s*/?\s*[a-z][^>]*>|javascript:|data:[a-z]+/|\bsrc\s*=|\bhref\s*=", re.IGNORECASE
)


def normalise(text: str) -> str:
    """The text as a reader sees it: look-alike letters and invisible characters flattened."""
    return unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_LOOKALIKES)


def instruction_reason(sentence: str) -> str:
    """Why a sentence reads as orders to an AI system ("" when it does not)."""
    text = normalise(sentence)
    if not _TRIGGER.search(text):
        return ""
    for reason, pattern in _AI_PATTERNS:
        if pattern.search(text):
            return reason
    unquoted = _QUOTED.sub(" … ", text)
    for reason, pattern in _COMMAND_PATTERNS:
        if pattern.search(unquoted.strip()):
            return reason
    return ""


def is_instruction(sentence: str) -> bool:
    """Whether a sentence addresses an AI system with orders (never legitimate news evidence)."""
    return bool(instruction_reason(sentence))


def carries_markup(text: str) -> bool:
    """Links, images, HTML tags or script URLs."""
    return bool(_MARKUP.search(normalise(text)))
