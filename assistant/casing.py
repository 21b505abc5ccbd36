"""A chat fragment typed in lower case, written with the articles' own capitals for the names it uses.

Retrieval ignores case; every check of names reads capitals ("ttp attack inside afghanistan" must name
TTP and Afghanistan as the articles do).
"""

from __future__ import annotations

import re

from . import text as tx

# A word that opens a sentence, a quotation or a line is capitalised for its place, not for being a name.
_OPENS = re.compile(r"(?:^|[.!?:;]\s+|[\n“\"‘(]\s*)$")


def _neighbours(source: str, start: int, end: int) -> set[str]:
    """The capitalised words right beside a span of the source, folded (none across punctuation, none that
    opens a sentence)."""
    before = re.search(r"([A-Z][\w’'-]*)\s+$", source[max(0, start - 40) : start])
    after = re.match(r"\s+([A-Z][\w’'-]*)", source[end : end + 40])
    found = set()
    if before and not _OPENS.search(source[max(0, start - len(before.group()) - 3) : start - len(before.group())]):
        found.add(tx.fold(before.group(1)))
    if after:
        found.add(tx.fold(after.group(1)))
    return found - tx.stopwords()


def recase(text: str, sources: list[str]) -> str:
    """The text with each lower-case word written as the sources write it inside their sentences, where
    most of its uses there are capitalised ("ttp attack inside afghanistan" -> "TTP attack inside
    Afghanistan"): a chat fragment typed without capitals names the same people and places as the
    articles, and every check of names reads capitals. Stop words are left alone ("the", "will"). A text
    with a capital after its first word was typed with care: its case is the writer's, and words it quotes
    stay as quoted ("… that reads: 'beyond al Qaeda'")."""
    from lemminflect import getAllLemmas

    if any(w[0].isupper() for w in tx.WORD.findall(text)[1:]):
        return text

    stop = tx.stopwords()
    typed = {tx.fold(w) for w in tx.WORD.findall(text)}

    def written(word: str) -> str:
        english = bool(getAllLemmas(word))  # "network", "corps"; not "baradar", "peshawar"
        forms: dict[str, int] = {}
        for source in sources:
            for match in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", source, re.IGNORECASE):
                # A sentence opening capitalises any word; a word English does not know ("Hamid", "Sohail")
                # is a name there too, and an article may write a name only where a sentence opens.
                if english and _OPENS.search(source[max(0, match.start() - 3) : match.start()]):
                    continue
                # An English word capitalised inside a longer name ("Haqqani Network", "Maiwand Corps") is
                # a name only with the rest of it: it counts when the text gives one of its neighbours too.
                beside = _neighbours(source, match.start(), match.end()) if english else set()
                if match.group()[0].isupper() and beside and not beside & typed:
                    continue
                forms[match.group()] = forms.get(match.group(), 0) + 1
        capitalised = {form: n for form, n in forms.items() if form != form.lower()}
        if sum(capitalised.values()) <= forms.get(word, 0):
            return word
        return max(capitalised, key=lambda form: capitalised[form])

    def one(match: re.Match[str]) -> str:
        word = match.group()
        if word != word.lower() or tx.fold(word) in stop or len(word) < 2:
            return word
        return written(word)

    return tx.WORD.sub(one, text)
