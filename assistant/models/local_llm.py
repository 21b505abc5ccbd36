"""Any GGUF model in-process through llama-cpp-python, with answers that depend only on the prompt.

llama-cpp-python reuses whatever prefix of the previous prompt is still in the KV cache, and on an exact
repeat it re-evaluates only the last token. Floating-point results depend on how the tokens were batched,
so at temperature 0 the same question could get a different answer after another question. Here every
call starts from the same state: the prompt's fixed head (the system turn) evaluated alone from an empty
cache, kept between calls because it is the same for every question, and the rest of the prompt
evaluated in one go after it. Speed keeps the cache; the answer no longer depends on what came before.
The state after each head is kept (`head_states`), so switching between system prompts, or starting a
new process, restores it instead of evaluating the head again.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError, ModelError
from ..schema import Usage
from ..settings import Settings
from .head_states import HeadStates
from .messages import PLAIN, Messages, plain_prompt


class LocalLLM:
    """`lazy=True` defers reading the model until it is first asked to write or score: `assistant ask`
    quotes most answers, and a writer loaded only to go unused costs a cold start over a second. Until
    then `tokenizer`, another context on the same file (the judge's), counts tokens for the evidence
    budget; the vocabulary is the file's, so the counts are the same."""

    def __init__(
        self,
        path: Path,
        settings: Settings,
        n_ctx: int | None = None,
        *,
        lazy: bool = False,
        tokenizer: LocalLLM | None = None,
    ) -> None:
        try:
            import llama_cpp  # noqa: F401  (fail here, not at first use, when it is missing)
        except ImportError:
            raise ConfigError("llama-cpp-python is not installed (pip install llama-cpp-python)") from None
        self.name = f"local:{path.name}"
        self.path = path
        self.temperature = settings.temperature
        self.timeout = settings.llm_timeout
        self._settings = settings
        self._n_ctx = n_ctx or settings.n_ctx
        self._tokenizer = tokenizer if tokenizer is not None and tokenizer.path == path else None
        self._loaded: _Loaded | None = None
        self._load_lock = threading.Lock()
        self._head: list[int] = []  # the prompt head whose KV cache was computed alone, from empty
        # One llama context serves one request at a time (the browser chat and the API share it).
        self._lock = threading.Lock()
        if not lazy:
            self._load()

    def _load(self) -> _Loaded:
        with self._load_lock:
            if self._loaded is None:
                self._loaded = _Loaded.read(self.path, self._settings, self._n_ctx)
            return self._loaded

    @property
    def _llama(self):
        return self._load().llama

    @property
    def plain(self) -> bool:
        return self._load().plain

    @property
    def n_ctx(self) -> int:
        return self._loaded.llama.n_ctx() if self._loaded is not None else self._n_ctx

    def count_tokens(self, text: str) -> int:
        if self._loaded is None and self._tokenizer is not None:
            return self._tokenizer.count_tokens(text)
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    # --- prompts ------------------------------------------------------------------------------------

    def _prompt(self, messages: Messages) -> tuple[list[int], list[int], list[str]]:
        """(prompt tokens, the length-fixed head of them, stop strings)."""
        loaded = self._load()
        if loaded.plain:
            text, stop = plain_prompt(messages), ["\nUser:"]
        elif loaded.formatter is not None:
            text, stop = loaded.formatter(messages=messages).prompt, []
        else:  # a named llama-cpp chat format: no head is shared, every call starts from empty
            return self._named_format_tokens(messages), [], []
        tokens = self._tokens(text)
        system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
        cut = text.find(system) + len(system) if system and system in text else 0
        head = self._tokens(text[:cut]) if cut else []
        # A head that tokenises differently inside the whole prompt is shortened to what they share.
        shared = 0
        for a, b in zip(head, tokens, strict=False):
            if a != b:
                break
            shared += 1
        return tokens, tokens[: min(shared, len(tokens) - 1)], stop

    def _named_format_tokens(self, messages: Messages) -> list[int]:
        from llama_cpp import llama_chat_format

        handler = llama_chat_format.get_chat_format(self._llama.chat_format)
        return self._tokens(handler(messages=messages).prompt)

    def _tokens(self, text: str) -> list[int]:
        # A rendered chat template already holds its special tokens; a plain prompt gets the model's BOS.
        return self._llama.tokenize(text.encode("utf-8"), add_bos=self.plain, special=True)

    def _start_from(self, head: list[int]) -> None:
        """Leave the context holding exactly `head`, evaluated alone from an empty cache."""
        if head and head == self._head:
            self._llama.n_tokens = len(head)
            return
        self._head = []
        if head and self._load().states.restore(head):
            self._head = head
            return
        self._llama.reset()
        if head:
            self._llama.eval(head)
            self._load().states.save(head)
            self._head = head

    def _holds(self, tokens: list[int]) -> bool:
        """The context ends exactly on this prompt, its logits live: a scoring pass on the same messages
        (`Judge.answers` scores a passage, then asks for the words) left it so. llama.cpp then samples at
        once instead of evaluating the prompt again (~1.5 s on 2 cores); the logits are those a fresh
        evaluation from the head would give, since it was evaluated from the head in the same batches."""
        llama = self._llama
        return bool(self._head) and llama.n_tokens == len(tokens) and llama.input_ids[: len(tokens)].tolist() == tokens

    # --- generation ---------------------------------------------------------------------------------

    def stream(
        self, messages: Messages, max_tokens: int, grammar: str | None = None, usage: Usage | None = None
    ) -> Iterator[str]:
        kwargs: dict = {"max_tokens": max_tokens, "temperature": self.temperature, "stream": True}
        if grammar:
            from llama_cpp import LlamaGrammar

            kwargs["grammar"] = LlamaGrammar.from_string(grammar, verbose=False)
        tokens, head, stop = self._prompt(messages)
        completion = 0
        started = time.monotonic()
        with self._lock:
            if not self._holds(tokens):
                self._start_from(head)
            llama = self._llama
            llama.drafting, llama.evals = True, 0
            try:
                chunks = llama.create_completion(tokens, stop=stop or None, **kwargs)
                for chunk in chunks:
                    piece = chunk["choices"][0].get("text")
                    if piece:
                        completion += 1
                        yield piece
                    if time.monotonic() - started > self.timeout:
                        raise ModelError(f"the model took longer than {self.timeout:g} s (ASSISTANT_LLM_TIMEOUT)")
            finally:
                llama.drafting = False
        if usage is not None:
            usage.prompt_tokens, usage.completion_tokens = len(tokens), completion
        if completion == 0:
            raise ModelError(f"the model {self.name} returned an empty completion")

    def choice_probabilities(self, messages: Messages, choices: Sequence[str]) -> dict[str, float]:
        """Probability of each choice's first token as the reply's first token, from one forward pass,
        renormalised over the choices."""
        logits = self._first_logits(messages)
        picked = [float(logits[self._first_token(c)]) for c in choices]
        top = max(picked)
        weights = [math.exp(x - top) for x in picked]
        total = sum(weights)
        return {c: w / total for c, w in zip(choices, weights, strict=True)}

    def reply_probability(self, messages: Messages, starts: Sequence[str]) -> float:
        import numpy as np

        logits = self._first_logits(messages)
        probabilities = np.exp(logits - logits.max())
        probabilities /= probabilities.sum()
        return float(sum(probabilities[t] for t in {self._first_token(s) for s in starts}))

    def _first_token(self, text: str) -> int:
        return self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)[0]

    def _first_logits(self, messages: Messages):
        """The logits of the reply's first token, from one forward pass (a copy: the context reuses them)."""
        import numpy as np

        tokens, head, _ = self._prompt(messages)
        with self._lock:
            self._start_from(head)
            self._llama.eval(tokens[len(head) :])
            logits = np.ctypeslib.as_array(self._llama._ctx.get_logits(), shape=(self._llama.n_vocab(),))
            return logits.astype(np.float64)


@dataclass
class _Loaded:
    """The llama.cpp model and context, with what is read off the file once it is loaded."""

    llama: Any
    plain: bool
    formatter: Any
    states: HeadStates

    @classmethod
    def read(cls, path: Path, settings: Settings, n_ctx: int) -> _Loaded:
        from llama_cpp import Llama

        fmt = settings.chat_format or None
        draft = _lookup_drafter(settings.lookup_draft_tokens) if settings.lookup_draft_tokens else None
        try:
            llama = _drafting_llama(Llama)(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=settings.resolved_threads(),
                chat_format=None if fmt == PLAIN else fmt,
                draft_model=draft,
                logits_all=draft is not None,  # sizes the rows a draft's logits land in; see _drafting_llama
                verbose=False,
            )
        except (ValueError, RuntimeError) as err:
            raise ModelError(f"could not load GGUF model {path}: {err}") from None
        template = llama.metadata.get("tokenizer.chat_template")
        plain = fmt == PLAIN or (fmt is None and not template)
        formatter = None if plain or fmt else _formatter(llama, template)
        states = HeadStates(llama, path, settings.model_cache_dir / "states", settings.resolved_threads())
        return cls(llama, plain, formatter, states)


def _lookup_drafter(count: int, shortest: int = 2, longest: int = 4):
    """Drafts the tokens that followed, earlier in the prompt, the longest run of 2-4 tokens the text
    ends with. llama-cpp-python's own drafter falls back to a single token, and one common token ("the",
    a comma) matches somewhere in any prompt: a draft checked and thrown away nearly every step."""
    import numpy as np
    from llama_cpp.llama_speculative import LlamaDraftModel

    class LookupDrafter(LlamaDraftModel):
        def __call__(self, input_ids, /, **kwargs):
            ids = np.asarray(input_ids)
            for size in range(min(longest, len(ids) - 1), shortest - 1, -1):
                tail = ids[-size:]
                windows = np.lib.stride_tricks.sliding_window_view(ids[:-1], size)
                for start in np.flatnonzero((windows == tail).all(axis=1))[::-1]:
                    follow = ids[start + size : start + size + count]
                    if len(follow):
                        return follow.astype(np.intc)
            return np.array([], dtype=np.intc)

    return LookupDrafter()


def _drafting_llama(base: type) -> type:
    """`Llama` that asks for every position's logits only while it checks drafted tokens. llama-cpp-python
    asks for them on every batch once a draft model is set, the prompt's too: 151k floats per prompt token,
    and the saved head states (`llama_state_get_data` keeps a context's outputs) would grow to hundreds of
    MB. Here the prompt keeps its one row; `drafting` is set by `LocalLLM.stream` around a completion."""

    class DraftingLlama(base):
        drafting = False
        evals = 0

        def eval(self, tokens) -> None:
            # the first eval of a completion is its prompt; the later ones are a token and its draft
            self._logits_all = self.drafting and self.draft_model is not None and self.evals > 0
            self.evals += 1
            try:
                super().eval(tokens)
            finally:
                self._logits_all = False

    return DraftingLlama


def _formatter(llama, template: str):
    """The GGUF's own chat template, rendered as llama-cpp-python renders it for chat completions."""
    from llama_cpp import llama_chat_format

    model = llama._model
    eos = model.token_get_text(llama.token_eos()) if llama.token_eos() != -1 else ""
    bos = model.token_get_text(llama.token_bos()) if llama.token_bos() != -1 else ""
    return llama_chat_format.Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
