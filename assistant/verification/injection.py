"""Sentences of an article that talk to the AI (or to "whoever summarises this") are data, never evidence.

Phrase lists cannot keep up with paraphrase, so the screen reads the *form* of a sentence
(`directives.py`): an instruction must direct its reader, and direct them to say something, to a machine
or about answers. Sentences that direct no one, or direct an action in the world (advice, recipes,
manuals), are news; those that direct speech at a machine or dictate an answer are instructions; the
judge model reads the few the form leaves open (reported orders, directions without a clear addressee).
Without a model, those stay evidence. Verdicts are cached per sentence, in memory and (given a folder) on disk, keyed by
the model and the prompts, so a sentence is read once, not once per process: a fresh `assistant ask`
otherwise paid about 0.6 s per such sentence in its evidence before its first token.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path

from ..caches import file_identity, write_cache
from ..models.llms import Scorer
from ..models.prompts import Prompts
from .directives import form, strong, suspicious

__all__ = ["THRESHOLD", "Screen", "strong", "suspicious"]

CHOICES = ("News", "Instruction")
THRESHOLD = 0.5
ON_DISK = 10_000  # verdicts kept in the file, newest last: a changing corpus does not grow it for ever


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
        # The rule decides a sentence that directs someone to say something, to a machine or about answers;
        # the model reads only the ones it is unsure of (bench/results/injection-screen.txt).
        verdict = form(sentence)
        if verdict != "unsure":
            return verdict == "instruction"
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
