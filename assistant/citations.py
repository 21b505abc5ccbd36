"""Turn the model's `[n]` markers into checked citations, and drop every sentence they do not support.

The support rule (enforced for every answer sentence before anyone sees it):
1. the sentence cites at least one evidence number that exists;
2. every number in the sentence (digits or number words, "6,000" = "6000", "three" = "3") appears in the
   cited quotes;
3. it is a complete sentence: three words or more, not ending on a function word ("who", "the");
4. every name in the sentence (a capitalised word not opening the sentence) appears in the cited quotes
   (same stem, or one word a prefix of the other: "Pakistan" / "Pakistani");
5. at least `threshold` (default 0.6) of the sentence's content words (stemmed, stop words removed) appear
   in the cited quotes;
6. a negated sentence ("not", "never", "no", "n't") cites a quote that is negated too;
7. it carries no link, image or markup;
8. it says something the question did not: at least one of its content words is not in the question.
And the answer as a whole must be of the kind asked for: a who/which/where question gets a name the
question did not contain, a when question a date or number, a how-many/how-much question a number.
A citation is shown only if its quote is exactly `article.text[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .safety import carries_markup
from .schema import Citation, Evidence
from .text import names, negated, numbers, stopwords, terms, tokens

_MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w’']*")
_REFUSAL = re.compile(
    r"\b(?:(?:do|does|did)\s*(?:n['’]t|not)\s+(?:say|mention|answer|contain|provide|specify|state|include)"
    r"|not\s+(?:mentioned|stated|specified|provided|found|available|in\s+the\s+(?:articles|evidence))"
    r"|no\s+(?:information|mention|evidence)|cannot\s+(?:answer|be\s+answered|find|determine)"
    r"|can['’]t\s+(?:answer|find|determine)|unable\s+to)\b",
    re.IGNORECASE,
)


# Formatting small models copy from the prompt ("Answer:", "Article A:") or add ("Based on the evidence, ").
_PREAMBLE = re.compile(
    r"^\s*(?:(?:answer|article\s+[A-Z0-9]{1,2})\s*:\s*"
    r"|(?:based\s+on|according\s+to)\s+the\s+(?:evidence|articles?)(?:\s+provided)?\s*,\s*)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """One sentence of the model's answer, without its markers, and the evidence numbers it cites."""

    text: str
    markers: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    reason: str  # empty when the claim is supported
    repaired: bool = False  # the system, not the model, chose the citation

    @property
    def supported(self) -> bool:
        return not self.reason


def parse_claims(raw: str) -> list[Claim]:
    """Split model output into sentences; a run of bare markers belongs to the sentence before it."""
    from .chunking import sentence_spans

    raw = _PREAMBLE.sub("", raw)
    claims: list[Claim] = []
    for start, end in sentence_spans(raw):
        piece = raw[start:end]
        leading = re.match(r"^(?:\s*" + _MARKER.pattern + r")+", piece)
        # "Fact one. [1] Fact two." cites fact one, but "[1] Fact one." (the evidence's own layout) cites
        # the sentence that follows the marker.
        if leading and claims and not claims[-1].markers:
            last = claims.pop()
            claims.append(Claim(last.text, last.markers + _markers(leading.group())))
            piece = piece[leading.end() :]
        text = _PREAMBLE.sub("", strip_markers(piece))
        if _WORD.search(text):
            claims.append(Claim(text, _markers(piece)))
    return claims


def _markers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for group in _MARKER.findall(text) for n in re.split(r"[,;]", group))


def is_refusal(text: str) -> bool:
    return bool(_REFUSAL.search(text))


def verify(claims: list[Claim], evidence: dict[int, Evidence], threshold: float, question: str = "") -> list[Verdict]:
    asked = terms(question)
    verdicts = []
    for claim in claims:
        reason = unsupported_reason(claim, evidence, threshold)
        if not reason and asked and terms(claim.text) <= asked:
            reason = "only repeats the question"
        verdicts.append(Verdict(claim, reason))
    return verdicts


_MONTHS = "january february march april may june july august september october november december"
_TIME_WORDS = set(_MONTHS.split()) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_TIME_WORDS |= {"year", "years", "month", "months", "week", "weeks", "day", "days", "ago", "earlier", "later", "since"}
_QUANTITY_WORDS = {"half", "dozen", "dozens", "hundreds", "thousands", "millions", "several", "few", "many", "no"}


def answers_question(question: str, answer: str) -> bool:
    """Whether `answer` holds the kind of thing the question asks for (a name, a date, a number)."""
    answer = strip_markers(answer)
    asked = re.search(r"\b(how\s+many|how\s+much|when|who|whom|whose|which|where|what|why|how)\b", question.lower())
    kind = asked.group(1).split()[-1] if asked else ""
    if kind in {"many", "much"}:
        return bool(numbers(answer)) or bool(set(tokens(answer)) & _QUANTITY_WORDS)
    if kind == "when":
        return bool(numbers(answer)) or bool(set(tokens(answer)) & _TIME_WORDS)
    if kind in {"who", "whom", "whose", "which", "where"}:
        known = set(tokens(question))
        return any(tokens(w)[0] not in known for w in _WORD.findall(answer)[1:] if w[0].isupper() and tokens(w))
    return True


def reattribute(verdict: Verdict, evidence: dict[int, Evidence], threshold: float) -> Verdict:
    """Small models often state a supported fact but forget or garble its marker. Such a sentence gets
    the evidence sentence that supports it best, if one passes the same support rule on its own."""
    if verdict.supported or verdict.reason == "only repeats the question" or is_refusal(verdict.claim.text):
        return verdict
    claim_terms = terms(verdict.claim.text)
    ranked = sorted(evidence, key=lambda n: -len(claim_terms & terms(evidence[n].text)))
    for number in ranked[:3]:
        candidate = Claim(verdict.claim.text, (number,))
        if not unsupported_reason(candidate, evidence, threshold):
            return Verdict(candidate, "", repaired=True)
    return verdict


def unsupported_reason(claim: Claim, evidence: dict[int, Evidence], threshold: float) -> str:
    """Why the claim is not supported by its cited evidence; empty string when it is."""
    cited = [evidence[m] for m in claim.markers if m in evidence]
    if not cited:
        return "no valid citation" if claim.markers else "no citation"
    if carries_markup(claim.text):
        return "contains a link or markup"
    if is_refusal(claim.text):
        return "refusal, not a claim"
    if _is_fragment(claim.text):
        return "not a complete sentence"
    quote_terms = set().union(*(terms(ev.text) for ev in cited))
    missing_numbers = numbers(claim.text) - set().union(*(numbers(ev.text) for ev in cited))
    if missing_numbers:
        return f"number not in cited text: {', '.join(sorted(missing_numbers))}"
    missing_names = [n for n in names(claim.text) if not _name_found(n, quote_terms)]
    if missing_names:
        return f"name not in cited text: {', '.join(missing_names)}"
    if negated(claim.text) and not any(negated(ev.text) for ev in cited):
        return "negates what the cited text says"
    content = terms(claim.text)
    if not content:
        return "no content words"
    coverage = len(content & quote_terms) / len(content)
    if coverage < threshold:
        return f"only {coverage:.0%} of its words are in the cited text"
    return ""


def _is_fragment(text: str) -> bool:
    """Small models sometimes stop mid-clause ("So many fighters who")."""
    words = tokens(text)
    return len(words) < 3 or words[-1] in stopwords()




def _name_found(name: str, quote_terms: set[str]) -> bool:
    return name in quote_terms or any(
        min(len(name), len(t)) >= 4 and (t.startswith(name) or name.startswith(t)) for t in quote_terms
    )










def check_citation(citation: Citation, article_text: str) -> bool:
    return 0 <= citation.start < citation.end <= len(article_text) and (
        article_text[citation.start : citation.end] == citation.quote
    )


def to_citation(marker: int, ev: Evidence) -> Citation:
    return Citation(
        marker=marker, article=ev.article.file, title=ev.article.title, quote=ev.text, start=ev.start, end=ev.end
    )


def render(verdicts: list[Verdict], evidence: dict[int, Evidence]) -> tuple[str, list[Citation]]:
    """Answer text of the supported claims with markers renumbered 1..n in order of first use."""
    renumber: dict[int, int] = {}
    citations: list[Citation] = []
    sentences = []
    for verdict in verdicts:
        if not verdict.supported:
            continue
        markers = []
        for old in dict.fromkeys(m for m in verdict.claim.markers if m in evidence):
            if old not in renumber:
                renumber[old] = len(renumber) + 1
                citations.append(to_citation(renumber[old], evidence[old]))
            markers.append(renumber[old])
        sentences.append(with_markers(verdict.claim.text, markers))
    return " ".join(sentences), citations


def with_markers(text: str, markers: list[int]) -> str:
    tags = "".join(f"[{m}]" for m in markers)
    match = re.search(r"[.!?]+[\"'”’]?$", text)
    if match:
        return f"{text[: match.start()]} {tags}{text[match.start() :]}"
    return f"{text} {tags}."






def without_markers(text: str, markers: set[int]) -> str:
    """The text without the given markers; a sentence left with no marker at all is removed."""
    kept = []
    for start, end in _sentence_spans(text):
        sentence = re.sub(r"\[(\d+)\]", lambda m: "" if int(m.group(1)) in markers else m.group(), text[start:end])
        if _MARKER.search(sentence):
            kept.append(re.sub(r"\s+([.!?])", r"\1", sentence).strip())
    return " ".join(kept)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    from .chunking import sentence_spans

    return sentence_spans(text)


def strip_markers(text: str) -> str:
    text = re.sub(r"\s+([.!?,;:])", r"\1", _MARKER.sub("", text))
    return re.sub(r"\s{2,}", " ", text).strip()




def append_note(
    text: str, citations: list[Citation], pairs: list[tuple[Evidence, Evidence]]
) -> tuple[str, list[Citation]]:
    """Add one sentence per disagreement, citing both sides (reusing markers already given)."""
    citations = list(citations)

    def marker(ev: Evidence) -> int:
        for c in citations:
            if c.article == ev.article.file and c.start == ev.start:
                return c.marker
        citations.append(to_citation(len(citations) + 1, ev))
        return citations[-1].marker

    notes = []
    for first, second in pairs:
        a, b = marker(first), marker(second)
        notes.append(
            f"The articles disagree here: “{first.article.title}” says “{first.text}” [{a}], while "
            f"“{second.article.title}” says “{second.text}” [{b}]."
        )
    return " ".join([text, *notes]), citations
