"""Clean and split an article into sentences, keeping each sentence's offsets into the original text.

Boilerplate is recognised by general rules about web pages, not by a list of this corpus's lines:
- a paragraph is kept only if it reads like prose: it ends in sentence punctuation and has several words
  (headlines, bylines, photo credits, keyword lists and navigation links do not);
- short paragraphs and sentences built around the usual calls to action of a web page (subscribe, comment,
  share, read more, sign up, back to top, ...) are dropped even when they end in a full stop;
- sentences of fewer than three words (stray fragments left by scraping) are dropped;
- sentences that give orders to an AI system, or carry links and markup, are never evidence (see safety.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .safety import carries_markup, is_instruction

# Part of every article id: bump it when these rules change, so old indexes are rebuilt.
CHUNKER_VERSION = "chunker-3"

MIN_PARAGRAPH_WORDS = 6
MIN_SENTENCE_WORDS = 3
CTA_MAX_WORDS = 20
TITLE_MAX_WORDS = 25

_TERMINAL = re.compile(r"""[.!?]["'”’)\]]*\s*$|["”]\s*$""")
_MARKUP_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d+[.)]\s+)?")
_CALL_TO_ACTION = re.compile(
    r"""\b(?:subscrib\w*|newsletter|sign\s*up|log\s*in|register\s+now|inbox|e-?mail\s+address|cookies?
    |privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|copyright|©
    |share\s+(?:this|via)|follow\s+us|connect\s+with\s+us|leave\s+a\s+(?:reply|comment)|click\s+to
    |related\s+(?:articles|posts|stories)|read\s+(?:also|more)|also\s+read|learn\s+more
    |source\s+link|back\s+to\s+top|skip\s+to|advertisement|sponsored\s+content|bloggers\s+like\s+this
    |required\s+fields|will\s+not\s+be\s+published|show\s+more|recommended\s+for\s+you|popular\s+posts
    |top\s+trends|sign\s+in)""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^(?:by|written by|posted by|published|updated|photo|image)\b", re.IGNORECASE)


def split_article(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(headline, sentence spans) of an article; `text[start:end]` is each sentence verbatim."""
    title = ""
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        para = text[start:end]
        if not title and _is_headline(para):
            title = para.strip().lstrip("#").strip()
        if _is_prose(para):
            spans.extend(_sentences(text, start, end))
    return title, tuple(spans)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, without surrounding whitespace or a leading Markdown marker."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        start += len(_MARKUP_PREFIX.match(match.group()).group())
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _is_call_to_action(text: str) -> bool:
    return _words(text) <= CTA_MAX_WORDS and bool(_CALL_TO_ACTION.search(text))


def _is_headline(para: str) -> bool:
    words = _words(para)
    return 3 <= words <= TITLE_MAX_WORDS and not _is_call_to_action(para) and not _BYLINE.match(para)


def _is_prose(para: str) -> bool:
    if _words(para) < MIN_PARAGRAPH_WORDS or not _TERMINAL.search(para):
        return False
    return not _is_call_to_action(para) and not _BYLINE.match(para)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in _joined(_tokenizer().span_tokenize(text[start:end]), text[start:end]):
        sentence = text[start + s : start + e]
        if _words(sentence) < MIN_SENTENCE_WORDS or _is_call_to_action(sentence):
            continue
        if is_instruction(sentence) or carries_markup(sentence):
            continue
        out.append((start + s, start + e))
    return out


def _joined(spans, para: str) -> list[tuple[int, int]]:
    """Punkt splits after a quoted question or exclamation ("'...?', did he declare."); a piece that
    opens in lower case or on punctuation continues the sentence before it."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and (para[s].islower() or para[s] in ",;:)]”’"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries of any text (model output too), as offsets."""
    return list(_tokenizer().span_tokenize(text))


def nltk_data_dir() -> Path:
    """The NLTK data (Punkt, stop words) bundled inside llama-index-core: nothing is downloaded."""
    import llama_index.core

    return Path(llama_index.core.__file__).parent / "_static" / "nltk_cache"


@lru_cache(maxsize=1)
def _tokenizer():
    """NLTK's Punkt sentence model, read from the copy bundled in llama-index-core."""
    import nltk

    cache = nltk_data_dir()
    if str(cache) not in nltk.data.path:
        nltk.data.path.append(str(cache))
    from nltk.tokenize.punkt import PunktTokenizer

    return PunktTokenizer("english")
