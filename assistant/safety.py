"""Defences against text that tries to steer the model (indirect prompt injection, OWASP LLM01) and
against answers that smuggle links or markup out (LLM05).

- A sentence that reads as an instruction to an AI system ("ignore previous instructions", fake
  "Assistant:" turns, "reveal your system prompt", "answer only with ...") never becomes evidence.
  Matching runs on a normalised copy: Unicode NFKC, zero-width characters removed, common Cyrillic and
  Greek look-alike letters mapped to Latin, so homoglyph and zero-width variants are caught too.
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
_INSTRUCTION = re.compile(
    r"""\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|these\s+|my\s+)?
        (?:previous|prior|above|earlier|preceding|system|original|all|safety)\s+(?:\w+\s+)?
        (?:instructions?|rules|prompts?|guidelines|directions|context)\b
    |\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:above|before|previous(?:ly)?|you\s+(?:were|have\s+been)\s+told)\b
    |\b(?:system|developer)\s+(?:prompt|message|instructions?)\b
    |(?:^|[\s"“'(\[])(?:system|assistant|user|human)\s*:\s
    |\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|language\s+model|chatbot|llm)\b
    |\b(?:ai|assistant|chatbot|language\s+model|llm)s?\b.{0,40}\b(?:must|should|shall|will)\s+(?:now\s+|always\s+)?
        (?:answer|reply|respond|say|output|print|include|cite|write)\b
    |\b(?:answer|reply|respond|output|print|say)\s+(?:only|exactly|just)\b
    |\b(?:answer|reply|respond)\s+with\s+the\s+(?:word|text|phrase|string|code)\b
    |\b(?:reveal|print|show|repeat|output|leak|disclose)\s+(?:your|the)\s+(?:hidden\s+|secret\s+|system\s+|initial\s+)?
        (?:prompt|instructions)\b
    |\bcite\s+(?:source|article|document|evidence)\s*\[?\d+\]?\s+(?:instead|only|for\s+(?:all|every))\b
    |\b(?:in|into|to|of|before|after)\s+your\s+(?:answers?|reply|replies|responses?|output)\b
    |\bbefore\s+answering\b
    |\bjailbreak|\bprompt\s+injection\b""",
    re.IGNORECASE | re.VERBOSE,
)
_MARKUP = re.compile(
    r"https?://|www\.|\]\(|!\[|<\s*/?\s*[a-z][^>]*>|javascript:|data:[a-z]+/|\bsrc\s*=|\bhref\s*=", re.IGNORECASE
)


def normalise(text: str) -> str:
    """The text as a reader sees it: look-alike letters and invisible characters flattened."""
    return unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_LOOKALIKES)


def is_instruction(sentence: str) -> bool:
    """Whether a sentence addresses an AI system with orders (never legitimate news evidence)."""
    return bool(_INSTRUCTION.search(normalise(sentence)))


def carries_markup(text: str) -> bool:
    """Links, images, HTML tags or script URLs."""
    return bool(_MARKUP.search(normalise(text)))
