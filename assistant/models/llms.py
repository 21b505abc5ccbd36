"""Language-model backends behind one small interface, each built by its own factory.

- `local`: any GGUF file in-process through llama-cpp-python (default: the bundled Qwen2.5-Coder-1.5B);
- `openai`: OpenAI or any OpenAI-compatible server (Ollama, llama.cpp server, vLLM, LM Studio).
Models without a chat template are prompted with plain text (`ASSISTANT_CHAT_FORMAT=plain`, automatic
for a GGUF that carries no template).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import ConfigError
from ..schema import Usage
from ..settings import Settings
from .messages import Messages


class LLM(Protocol):
    """Streams the completion of a chat. `usage`, when given, is filled in for this call alone, so two
    sessions sharing one model never see each other's counts."""

    name: str

    def stream(
        self, messages: Messages, max_tokens: int, grammar: str | None = None, usage: Usage | None = None
    ) -> Iterator[str]: ...


class Scorer(LLM, Protocol):
    """A model that can also say how likely each of a few one-word replies is (the judge's interface)."""

    name: str

    def choice_probabilities(self, messages: Messages, choices: Sequence[str]) -> dict[str, float]: ...

    def reply_probability(self, messages: Messages, starts: Sequence[str]) -> float:
        """Probability that the reply opens with the first token of one of `starts`, over every token the
        model could write (not renormalised): how likely an open reply is, e.g., "NONE"."""
        ...


class Metered:
    """The same model, each call counted in `usage.model_calls`: what one answer cost, for its budget."""

    def __init__(self, model: Scorer, usage: Usage) -> None:
        self.model = model
        self.usage = usage
        self.name = model.name

    def stream(
        self, messages: Messages, max_tokens: int, grammar: str | None = None, usage: Usage | None = None
    ) -> Iterator[str]:
        self.usage.model_calls += 1
        return self.model.stream(messages, max_tokens, grammar, usage=usage)

    def choice_probabilities(self, messages: Messages, choices: Sequence[str]) -> dict[str, float]:
        self.usage.model_calls += 1
        return self.model.choice_probabilities(messages, choices)

    def reply_probability(self, messages: Messages, starts: Sequence[str]) -> float:
        self.usage.model_calls += 1
        return self.model.reply_probability(messages, starts)

    def __getattr__(self, attribute: str):  # token counting, the context size: not model calls
        return getattr(self.model, attribute)


def make_llm(settings: Settings, lazy: bool = False, tokenizer: LLM | None = None) -> LLM:
    """The answering model. `lazy`: a local model is read on first use, counting tokens meanwhile with
    `tokenizer` when that is a local model on the same file (see `LocalLLM`)."""
    if settings.llm_backend == "local":
        return make_local_llm(settings, lazy, tokenizer)
    if settings.llm_backend == "openai":
        return make_openai_llm(settings)
    raise ConfigError(f"unknown ASSISTANT_LLM_BACKEND {settings.llm_backend!r} (use local or openai)")


def complete(
    llm: LLM, messages: Messages, max_tokens: int, grammar: str | None = None, usage: Usage | None = None
) -> str:
    return "".join(llm.stream(messages, max_tokens, grammar, usage=usage))


def citation_grammar(numbers: int, refusal: str) -> str:
    """GBNF that lets the model write text in which every `[n]` names existing evidence (1..numbers),
    and every stretch of text ends in at least one such marker, or else write the fixed refusal."""
    choices = " | ".join(f'"{n}"' for n in range(1, max(1, numbers) + 1))
    return "\n".join(
        [
            f'root ::= "{refusal}" | part+ tail',
            "part ::= [^\\[\\]\\n] [^\\[\\]\\n]* cite+",
            f'cite ::= "[" ({choices}) "]"',
            'tail ::= [.!?"\u201d\u2019]? ',
        ]
    )


# A word of a passage as a span may start or end on it: letters and digits, joined by the marks that sit
# inside a word or a number ("N–S", "1,230", "Rhine-Meuse", "don't").
_SPAN_WORD = re.compile(r"[^\W_]+(?:[-\u2010-\u2014'\u2019.,/][^\W_]+)*")


def span_grammar(passage: str, refusal: str = "", opens: Callable[[str], bool] | None = None) -> str:
    """GBNF that lets the model reply only with a run of consecutive words of `passage`, exactly as the
    passage writes them (dashes, accents, the spaces between), or else with `refusal` (when given). A model
    asked to copy the words that answer otherwise normalises them ("N-S" for "N–S") or writes its own
    ("River Gutter" for "Rhine Gutter"), and what it wrote is then nowhere in the passage.
    With `opens`, the run opens on a word for which it is true; "" when there is none and no refusal."""
    words = list(_SPAN_WORD.finditer(passage))
    starts = [f"w{i}" for i, w in enumerate(words) if opens is None or opens(w.group())]
    options = ([_gbnf(refusal)] if refusal else []) + starts
    if not options:
        return ""
    rules = [f"root ::= {' | '.join(options)}"]
    for i, word in enumerate(words):
        step = _word(word.group())
        following = words[i + 1].group() if i + 1 < len(words) else ""
        between = passage[word.end() : words[i + 1].start()] if following else ""
        # A run ends where a clause does: at a comma or semicolon before a lowercase word ("Lek, then joins
        # the Noord"); a list of names ("Swabia, Franconia") or a number ("1,230") goes on.
        if following and not (re.search(r"[,;:]", between) and following[0].islower()):
            step += f" ({_gbnf(between)} w{i + 1})?" if between else f" (w{i + 1})?"
        rules.append(f"w{i} ::= {step}")
    return "\n".join(rules)


def _word(word: str) -> str:
    """A word of the passage, its first letter in either case: a model opening its reply capitalises it
    ("Early part of ..."), and held to the passage's case would copy from elsewhere instead."""
    first, rest = word[0], word[1:]
    if first.lower() == first.upper():
        return _gbnf(word)
    head = f"[{first.lower()}{first.upper()}]"
    return f"{head} {_gbnf(rest)}" if rest else head


def _gbnf(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


# --- local GGUF through llama-cpp-python ------------------------------------------------------------


def make_local_llm(settings: Settings, lazy: bool = False, tokenizer: LLM | None = None) -> LLM:
    from ..embedded import embedded_gguf
    from .local_llm import LocalLLM

    path = Path(settings.gguf_path) if settings.gguf_path else embedded_gguf(settings.model_cache_dir, settings.model)
    check_gguf(path)
    same_file = tokenizer if isinstance(tokenizer, LocalLLM) else None
    return LocalLLM(path, settings, lazy=lazy, tokenizer=same_file)


def make_judge_scorer(settings: Settings, answering: LLM | None = None) -> Scorer | None:
    """The model that judges support: None for the rules alone; a remote answering model judges through
    the same client."""
    if settings.judge == "rules":
        return None
    backend = settings.llm_backend if settings.judge_backend == "same" else settings.judge_backend
    if backend == "openai":
        from .openai_llm import OpenAILLM, make_client

        model = settings.judge_model if settings.judge_backend == "openai" else settings.llm_model
        if answering is not None and settings.llm_backend == "openai" and model == settings.llm_model:
            return answering  # type: ignore[return-value]
        return OpenAILLM(make_client(settings), settings, model=model or settings.llm_model)
    from ..embedded import BUNDLED, embedded_gguf
    from .local_llm import LocalLLM

    key = settings.judge_model
    path = embedded_gguf(settings.model_cache_dir, key) if key in BUNDLED else Path(key)
    check_gguf(path)
    # Always its own llama context, even for the answering model's file: the weights are memory-mapped
    # (shared, not loaded twice), each context keeps its own prompt head cached, and a sentence can be
    # judged while the answer is still being written. Its prompts are short: a small context.
    return LocalLLM(path, settings, n_ctx=min(settings.n_ctx, 1536))


def check_gguf(path: Path) -> None:
    if not path.is_file():
        raise ConfigError(f"GGUF model file not found: {path} (ASSISTANT_GGUF_PATH)")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ConfigError(f"not a GGUF model file: {path} (ASSISTANT_GGUF_PATH)")


# --- OpenAI and OpenAI-compatible servers ----------------------------------------------------------


def make_openai_llm(settings: Settings) -> LLM:
    from .openai_llm import OpenAILLM, make_client

    return OpenAILLM(make_client(settings), settings)
