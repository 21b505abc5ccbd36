"""Clean and split an article into sentences, keeping each sentence's offsets into the original text.

Paragraphs: paragraphs are separated by blank lines. Inside a block of lines, a line break continues the
paragraph when the block is hard-wrapped (all its lines fit in `WRAP_MAX_COLUMNS` and the line fills most of
the block's width) or when the next line goes on in lower case; otherwise (one long line per paragraph, a
heading or byline on its own line, a Markdown heading, list item or quote) each line stands alone.

Boilerplate is recognised by general rules about web pages, not by a list of this corpus's lines:
- a paragraph is kept only if it reads like prose: it ends in sentence punctuation (or "…"), footnote
  markers after it allowed ("in 2010.[note 1]"), and has several words (headlines, bylines, photo credits,
  keyword lists and navigation links do not);
- short paragraphs and sentences built around the usual calls to action of a web page (subscribe, comment,
  share, read more, sign up, back to top, ...) are dropped even when they end in a full stop;
- sentences of fewer than three words (stray fragments left by scraping) are dropped;
- sentences that give orders to an AI system, or carry links and markup, are never evidence (see safety.py).

Terminal control sequences (ANSI colours, OSC titles and hyperlinks) and other control characters are
removed before an article is split (`strip_controls`): what is indexed, quoted and shown is the cleaned text,
and offsets point into it, as they point into the extracted text of an HTML page. A byte-order mark stays
(so offsets match any UTF-8 reader of the file) and is read as a space by these rules (`mask_controls`).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..safety import carries_markup, instruction_reason

# Part of every article id: bump it when these rules change, so old indexes are rebuilt.
CHUNKER_VERSION = "chunker-11"

# Common English and Latin abbreviations Punkt's English model does not know, so it ends a sentence at them
# ("during the Last Glacial Maximum, ca. | 22,000-14,000 yr BP"; "by definition; e.g. | Maurus ..."). Written
# without their last full stop, as Punkt keeps them.
ABBREVIATIONS = frozenset({"ca", "approx", "cf", "e.g", "i.e", "viz", "fig", "al", "mt", "sgt", "esp", "incl", "resp"})

MIN_PARAGRAPH_WORDS = 6
MIN_SENTENCE_WORDS = 3
CTA_MAX_WORDS = 20
TITLE_MAX_WORDS = 25
# A byline or credit is short ("By Jane Doe, Politics Reporter"); a longer paragraph that opens on "By"
# is news ("By Tuesday, the water had receded from most streets ...").
BYLINE_MAX_WORDS = 15
# Hard-wrapped text (email, plain-text newsletters, `fold -w 72`) keeps its lines under about 80 columns;
# a line that fills at least WRAP_FILL of its block's width was broken by the wrapper, not by the author.
WRAP_MAX_COLUMNS = 100
WRAP_FILL = 0.6

# Closing marks may follow the stop; a scraped page also leaves a stray opening one there ("them. “"),
# and a reference page its footnote markers ("in 2010.[note 1]", "known.[12][13]", "[citation needed]").
_TERMINAL = re.compile(r"""(?:[.!?…]|\.\.\.)(?:\s?["'“”‘’)\]]|\s?\[[^\[\]\n]{1,30}\])*\s*$|["”]\s*$""")
_MARKUP_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d+[.)]\s+)?")
_STARTS_BLOCK = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+•]\s|\d+[.)]\s)")
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
# ECMA-48 control sequences (CSI with its parameters, OSC up to BEL or ST, two-byte escapes, 8-bit CSI)
# and the remaining C0/C1 control characters other than tab and line breaks.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)


@dataclass(frozen=True)
class Dropped:
    """A sentence of a prose paragraph that was not kept, and why (shown by `assistant ingest -v`)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Split:
    title: str
    spans: tuple[tuple[int, int], ...]
    dropped: tuple[Dropped, ...] = field(default=())


def strip_controls(text: str) -> str:
    """`text` without terminal control sequences and control characters (tab and line breaks kept): an
    escape code in a quote would recolour or retitle a reader's terminal, and is no part of the news."""
    return _CONTROLS.sub("", text)


def mask_controls(text: str) -> str:
    """`text` with every control sequence and a leading byte-order mark replaced by spaces of the same
    length: the rules read this copy, offsets into it are offsets into `text`."""
    masked = _CONTROLS.sub(lambda m: " " * len(m.group()), text)
    return " " + masked[1:] if masked.startswith("\ufeff") else masked


def matching_text(sentence: str) -> str:
    """A sentence without its control sequences: what is embedded and compared, never what is quoted."""
    return re.sub(r"[ \t]{2,}", " ", _CONTROLS.sub("", sentence)).strip()


# A sentence that opens on a pronoun ("He has denied any support ...") is found by the name it stands for:
# what is embedded and indexed for search carries the first name of the sentence before (that sentence's
# own, where it opens on a pronoun too). Only for search: quotes and offsets are the sentence as written.
_PRONOUN_OPENING = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its)\b")
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|al-\s*)?[A-Z][\w’'-]*)*")
_SCENE = re.compile(
    r"^(?:At|In|On|By|After|Before|During|From|With|Under|Since|Despite|Although|While|When|However|Meanwhile)\b"
    r"[^,.;]{0,60},\s*"
)
ANTECEDENT_REACH = 3  # sentences back a chain of pronouns may be followed


def searchable(text: str, spans: tuple[tuple[int, int], ...], i: int) -> str:
    """The sentence `i` as search reads it: with the name a pronoun opening it stands for, in brackets."""
    sentence = matching_text(text[slice(*spans[i])])
    for back in range(i - 1, max(-1, i - 1 - ANTECEDENT_REACH), -1):
        if not _PRONOUN_OPENING.match(text[slice(*spans[back + 1])]):
            break
        before = text[slice(*spans[back])]
        # "At Wijk bij Duurstede, the Nederrijn changes …": the subject follows a phrase that sets the scene
        scene = _SCENE.match(before)
        start = scene.end() if scene else 0
        for run in _NAME_RUN.finditer(before, start):
            words = run.group().split()
            if run.start() == 0:  # its first word is capitalised for its place
                words = words[1:]
            if words:
                return f"({' '.join(words)}) {sentence}"
    return sentence


def split_article(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(headline, sentence spans) of an article; `text[start:end]` is each sentence verbatim."""
    result = split(text)
    return result.title, result.spans


def split(text: str) -> Split:
    """Headline, kept sentence spans and the dropped sentences of an article."""
    view = mask_controls(text)
    title = ""
    spans: list[tuple[int, int]] = []
    dropped: list[Dropped] = []
    for start, end in paragraphs(view):
        para = view[start:end]
        if not title and _is_headline(para):
            title = " ".join(para.lstrip("#").split())
        if _is_prose(para):
            for s, e in _sentences(view, start, end):
                while e > s and view[e - 1] in "“‘ ":  # a stray opening mark opens nothing at the end
                    e -= 1
                reason = _drop_reason(view[s:e])
                if reason:
                    dropped.append(Dropped(s, e, reason))
                else:
                    spans.append((s, e))
    return Split(title, tuple(spans), tuple(dropped))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (without surrounding whitespace or a leading Markdown marker)."""
    out: list[tuple[int, int]] = []
    for block in _blocks(text):
        run = [block[0]]
        width = max(e - s for s, e in block)
        wrapped = len(block) > 1 and width <= WRAP_MAX_COLUMNS
        for prev, line in zip(block, block[1:], strict=False):
            if _continues(text, prev, line, wrapped, width):
                run.append(line)
            else:
                out.append(_trimmed(text, run[0][0], run[-1][1]))
                run = [line]
        out.append(_trimmed(text, run[0][0], run[-1][1]))
    return [(s, e) for s, e in out if e > s]


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, each line as (start, end) without its line break or trailing space."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        line_start = start
        start = end + 1
        while end > line_start and text[end - 1].isspace():
            end -= 1
        if text[line_start:end].strip():
            current.append((line_start, end))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int], wrapped: bool, width: int) -> bool:
    """Whether the line break between `prev` and `line` was made by a wrapper inside one paragraph."""
    before, after = text[prev[0] : prev[1]].strip(), text[line[0] : line[1]].strip()
    if before.startswith(">") and after.startswith(">"):  # a wrapped Markdown quote: "> " on every line
        before, after = before.lstrip("> "), after.lstrip("> ")
    elif _STARTS_BLOCK.match(after) or before.startswith("#"):
        return False
    if _is_byline(before) and not _TERMINAL.search(before):
        return False
    if wrapped and prev[1] - prev[0] >= WRAP_FILL * width:
        return True
    return not _TERMINAL.search(before) and after[:1].islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    start += len(_MARKUP_PREFIX.match(text[start:end]).group())
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(text.split())


def _is_call_to_action(text: str) -> bool:
    return _words(text) <= CTA_MAX_WORDS and bool(_CALL_TO_ACTION.search(text))


def _is_byline(para: str) -> bool:
    return bool(_BYLINE.match(para)) and _words(para) <= BYLINE_MAX_WORDS


def _is_headline(para: str) -> bool:
    words = _words(para)
    return 3 <= words <= TITLE_MAX_WORDS and not _is_call_to_action(para) and not _is_byline(para)


def _is_prose(para: str) -> bool:
    if _words(para) < MIN_PARAGRAPH_WORDS or not _TERMINAL.search(para):
        return False
    return not _is_call_to_action(para) and not _is_byline(para)


def _drop_reason(sentence: str) -> str:
    if _words(sentence) < MIN_SENTENCE_WORDS:
        return "fragment (under three words)"
    if _is_call_to_action(sentence):
        return "call to action (web page boilerplate)"
    reason = instruction_reason(sentence)
    if reason:
        return f"instruction to an AI system ({reason})"
    if carries_markup(sentence):
        return "carries a link or markup"
    return ""


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    para = text[start:end]
    spans = [piece for span in _tokenizer().span_tokenize(para) for piece in _run_ons(para, *span)]
    return [(start + s, start + e) for s, e in _joined(spans, para)]


# Scraped pages lose the space between sentences ("of slavery.”His assistant", "in Afghanistan.Some of"),
# which Punkt reads as one sentence. A word, a full stop (and a closing quote), then a capitalised word
# is a boundary; "U.S.Army" and "e.g.Paris" are not (a capital or a single letter before the stop).
_RUN_ON = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"”’]?(?=[A-Z][a-z])")


def _run_ons(para: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.end() for m in _RUN_ON.finditer(para, start, end)]
    edges = [start, *cuts, end]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if para[a:b].strip()]


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
    """The NLTK data (Punkt, stop words) bundled inside llama-index-core: nothing is downloaded. Found
    without importing llama-index-core, which costs about a second that a question does not need."""
    spec = importlib.util.find_spec("llama_index.core")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("llama-index-core is not installed: its bundled NLTK data splits the sentences")
    return Path(next(iter(spec.submodule_search_locations))) / "_static" / "nltk_cache"


@lru_cache(maxsize=1)
def _tokenizer():
    """NLTK's Punkt sentence model, read from the copy bundled in llama-index-core."""
    import nltk

    cache = nltk_data_dir()
    if str(cache) not in nltk.data.path:
        nltk.data.path.append(str(cache))
    from nltk.tokenize.punkt import PunktTokenizer

    tokenizer = PunktTokenizer("english")
    tokenizer._params.abbrev_types.update(ABBREVIATIONS)  # Punkt has no public setter for its abbreviations
    return tokenizer
