"""Sentences of an article that talk to the AI (or to "whoever summarises this") are data, never evidence.

Phrase lists cannot keep up with paraphrase, so the screen has two stages. A broad rule picks out
sentences that *could* be addressed to a reader or a machine: outside quoted speech they say "you",
name an AI, a summariser or instructions, open with a command, or oblige someone to say something.
Ordinary news rarely does; quoted speech is news and is set aside first. The judge model then reads
each such sentence and says whether it reports news or instructs; without a model, the rule's strongest
signals decide. Verdicts are cached per sentence, in memory and (given a folder) on disk, keyed by
the model and the prompts, so a sentence is read once, not once per process: a fresh `assistant ask`
otherwise paid about 0.6 s per such sentence in its evidence before its first token.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from ..caches import file_identity, write_cache
from .llms import Scorer
from .prompts import Prompts

CHOICES = ("News", "Instruction")
THRESHOLD = 0.5
ON_DISK = 10_000  # verdicts kept in the file, newest last: a changing corpus does not grow it for ever
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
# The first stage is built for recall: anything that could be spoken to a reader or a machine goes to the
# model. Cost, not correctness, is what it saves: ordinary news rarely names a machine reader, talks about
# "this page" or orders an answer outside quotation marks.
_MACHINE = (
    r"ai|a\.i\.|assistants?|chatbots?|bots?|(?:language\s+)?models?|llms?|gpt|algorithms?|programs?|software"
    r"|systems?|tools?|agents?|engines?|machines?|machine-\w+|automated|crawlers?|scrapers?|summari[sz]\w*"
)
_ADDRESSEE = re.compile(
    rf"\b(?:you|your|yourself|whoever|whatever|{_MACHINE}|readers?|(?:system\s+)?prompts?|instructions?)\b",
    re.IGNORECASE,
)
_THIS_TEXT = re.compile(
    r"\b(?:this|the\s+following|the\s+above)\s+(?:page|article|story|text|paragraph|sentence|line|site|website|"
    r"report|document|post|passage|note)\b",
    re.IGNORECASE,
)
_COMMAND = re.compile(
    r"(?:^|[,:;]\s)\W*(?:please\s+)?(?:ignore|disregard|forget|override|note|always|never|do\s+not|don['’]t|begin|start|say|"
    r"state|write|respond|reply|answer|include|mention|tell|repeat|output|print|summari[sz]e|report|describe|"
    r"treat|present|quote|cite|record|omit|leave\s+out|rewrite|refer|add|insert)\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(
    r"\b(?:must|should|shall|is\s+(?:required\s+)?to|are\s+(?:required\s+|asked\s+)?to|has\s+to|have\s+to|"
    r"needs?\s+to)\s+(?:always\s+|first\s+|now\s+|only\s+)?(?:begin|start|open|say|state|mention|include|write|"
    r"answer|respond|reply|report|describe|claim|repeat|ignore|disregard|give|tell|treat|present|quote|cite|"
    r"record|omit|leave|add|insert|refer|name|use|call|render)\b",
    re.IGNORECASE,
)
_MACHINE_WORD = re.compile(rf"\b(?:{_MACHINE})\b", re.IGNORECASE)


def suspicious(sentence: str) -> bool:
    """Could this sentence be addressed to a reader or a machine rather than report news?"""
    unquoted = _QUOTED.sub(" ", sentence)
    return bool(
        _ADDRESSEE.search(unquoted)
        or _THIS_TEXT.search(unquoted)
        or _COMMAND.search(unquoted)
        or _OBLIGATION.search(unquoted)
    )


def strong(sentence: str) -> bool:
    """Without a model: an order to say something, or a word for a machine reader with an order or "you",
    outside quotes."""
    unquoted = _QUOTED.sub(" ", sentence)
    machine = _MACHINE_WORD.search(unquoted)
    ordered = _OBLIGATION.search(unquoted) or _COMMAND.search(unquoted)
    return bool((machine or _THIS_TEXT.search(unquoted)) and (ordered or re.search(r"\byou", unquoted, re.I)))


class Screen:
    def __init__(self, scorer: Scorer | None, prompts: Prompts, folder: Path | None = None) -> None:
        self.scorer = scorer
        self.prompts = prompts
        self._seen: dict[str, bool] = {}
        self._lock = threading.Lock()
        self._file = _verdict_file(folder, scorer, prompts) if folder is not None else None
        self._read = False

    def is_instruction(self, sentence: str) -> bool:
        if not suspicious(sentence):
            return False
        with self._lock:
            self._load()
            if sentence in self._seen:
                return self._seen[sentence]
        verdict = self._decide(sentence)
        with self._lock:
            self._seen[sentence] = verdict
            self._save()
        return verdict

    def instructions(self, sentences: Sequence[str]) -> list[str]:
        return [s for s in sentences if self.is_instruction(s)]

    def probability(self, sentence: str) -> float:
        """The judge model's probability that the sentence instructs rather than reports (needs a model)."""
        if self.scorer is None:
            raise ValueError("the screen has no model to ask")
        messages = [
            {"role": "system", "content": self.prompts.text("instruction_system")},
            {"role": "user", "content": self.prompts.render("instruction", sentence=sentence)},
        ]
        return self.scorer.choice_probabilities(messages, CHOICES)["Instruction"]

    def _decide(self, sentence: str) -> bool:
        # The rule's strongest signals (a machine reader or "this page" together with an order) kept no
        # ordinary sentence of bench/data/injection/ out; the model decides the rest.
        if strong(sentence):
            return True
        return self.scorer is not None and self.probability(sentence) >= THRESHOLD

    # --- on disk: a cache, so a file that does not read or write only costs the model's reading again ---

    def _load(self) -> None:
        if self._read or self._file is None:
            return
        self._read = True
        with contextlib.suppress(OSError, ValueError):
            saved = json.loads(self._file.read_text(encoding="utf-8"))
            if isinstance(saved, dict):
                self._seen.update({k: v for k, v in saved.items() if isinstance(v, bool)})

    def _save(self) -> None:
        if self._file is None:
            return
        kept = dict(list(self._seen.items())[-ON_DISK:])
        write_cache(self._file, json.dumps(kept, ensure_ascii=False).encode("utf-8"))


def _verdict_file(folder: Path, scorer: Scorer | None, prompts: Prompts) -> Path | None:
    """One file per model file and prompt wording: a verdict is only reused from the same reading. None
    for a remote model, which a server may swap under the same name."""
    path = getattr(scorer, "path", None)
    if not isinstance(path, Path) or not path.is_file():
        return None
    identity = [file_identity(path), str(THRESHOLD), prompts.text("instruction_system"), prompts.text("instruction")]
    digest = hashlib.sha256("\x00".join(identity).encode()).hexdigest()[:32]
    return folder / f"{digest}.json"
