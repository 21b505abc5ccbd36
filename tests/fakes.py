"""Stand-in models shared by the UI and API tests: same interface as the real ones, replies from the prompt."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator


class QuotingLLM:
    """Answers by quoting the evidence sentence that contains `needle` (or the first one), cited, then `tail`;
    follow-ups are 'rewritten' to themselves. Records every prompt, and waits on `gate` before answering."""

    name = "quoting-fake"

    def __init__(self, needle: str = "", delay: float = 0.0, tail: str = "") -> None:
        self.needle = needle
        self.delay = delay
        self.tail = tail
        self.gate = threading.Event()
        self.gate.set()
        self.prompts: list[str] = []
        self._lock = threading.Lock()

    def stream(self, messages, max_tokens: int, grammar: str | None = None, usage=None) -> Iterator[str]:
        prompt = messages[-1]["content"]
        with self._lock:
            self.prompts.append(prompt)
        if "Follow-up question:" in prompt:
            yield prompt.rsplit("Follow-up question:", 1)[1].strip()
            return
        assert self.gate.wait(30), "test never opened the gate"
        lines = re.findall(r"^\[(\d+)\] (.+)$", prompt, flags=re.M)
        number, sentence = next(((n, s) for n, s in lines if self.needle in s), lines[0])
        if usage is not None:
            usage.prompt_tokens, usage.completion_tokens = len(prompt) // 4, len(sentence) // 4
        for word in f"{sentence.rstrip('.')} [{number}]. {self.tail}".split(" "):
            time.sleep(self.delay)
            yield word + " "


class FixedScorer:
    """A judge model behind the Scorer interface with fixed answers: `reply` to any prompt, every claim
    supported (`supports`) or not, and `none` as the probability that its reply is "NONE"; `held`, its
    reply when a grammar gives it no NONE to say, `copied` when a grammar holds it to the passage."""

    name = "fixed-scorer"

    def __init__(
        self, reply: str, supports: bool, none: float, held: str | None = None, copied: str | None = None
    ) -> None:
        self.reply, self.supports, self.none, self.held, self.copied = reply, supports, none, held, copied

    def stream(self, messages, max_tokens, grammar=None, usage=None) -> Iterator[str]:
        # `held`: its reply under a grammar that leaves out NONE (a second reading); `copied`: under one
        # that keeps it. As a model held to the grammar would.
        if grammar is not None and '"NONE"' not in grammar and self.held is not None:
            yield self.held
        elif grammar is not None and self.copied is not None:
            yield self.copied
        else:  # word by word, as a model streams; `written` counts what was taken before the reader stopped
            self.written = 0
            for piece in re.findall(r"\s*\S+\s*", self.reply) or [self.reply]:
                self.written += 1
                yield piece

    def choice_probabilities(self, messages, choices) -> dict[str, float]:
        return {c: float(c == ("Yes" if self.supports else "No")) for c in choices}

    def reply_probability(self, messages, starts) -> float:
        return self.none
