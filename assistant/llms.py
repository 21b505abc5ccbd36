"""Language-model backends behind one small interface, each built by its own factory.

- `local`: any GGUF file in-process through llama-cpp-python (default: the embedded Qwen2.5-0.5B);
- `openai`: OpenAI or any OpenAI-compatible server (Ollama, llama.cpp server, vLLM, LM Studio).
Models without a chat template are prompted with plain text (`ASSISTANT_CHAT_FORMAT=plain`, automatic
for a GGUF that carries no template).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from .errors import ConfigError, ModelError
from .schema import Usage
from .settings import Settings

Messages = list[dict[str, str]]
PLAIN = "plain"


class LLM(Protocol):
    """Streams the completion of a chat; `usage` describes the last finished call."""

    name: str
    usage: Usage

    def stream(self, messages: Messages, max_tokens: int, grammar: str | None = None) -> Iterator[str]: ...


def make_llm(settings: Settings) -> LLM:
    if settings.llm_backend == "local":
        return make_local_llm(settings)
    if settings.llm_backend == "openai":
        return make_openai_llm(settings)
    raise ConfigError(f"unknown ASSISTANT_LLM_BACKEND {settings.llm_backend!r} (use local or openai)")


def complete(llm: LLM, messages: Messages, max_tokens: int, grammar: str | None = None) -> str:
    return "".join(llm.stream(messages, max_tokens, grammar))


def plain_prompt(messages: Messages) -> str:
    """A chat as plain text, for models that have no chat template."""
    names = {"system": "Instructions", "user": "User", "assistant": "Assistant"}
    turns = [f"{names.get(m['role'], m['role'].title())}: {m['content']}" for m in messages]
    return "\n\n".join(turns) + "\n\nAssistant:"


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


# --- local GGUF through llama-cpp-python ------------------------------------------------------------


def make_local_llm(settings: Settings) -> LLM:
    from .embedded import embedded_gguf

    path = Path(settings.gguf_path) if settings.gguf_path else embedded_gguf(settings.model_cache_dir)
    check_gguf(path)
    return LocalLLM(path, settings)


def check_gguf(path: Path) -> None:
    if not path.is_file():
        raise ConfigError(f"GGUF model file not found: {path} (ASSISTANT_GGUF_PATH)")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ConfigError(f"not a GGUF model file: {path} (ASSISTANT_GGUF_PATH)")


class LocalLLM:
    def __init__(self, path: Path, settings: Settings) -> None:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError("llama-cpp-python is not installed (pip install llama-cpp-python)") from None
        self.name = f"local:{path.name}"
        self.usage = Usage()
        self.temperature = settings.temperature
        self.timeout = settings.llm_timeout
        fmt = settings.chat_format or None
        try:
            self._llama = Llama(
                model_path=str(path),
                n_ctx=settings.n_ctx,
                n_threads=settings.resolved_threads(),
                chat_format=None if fmt == PLAIN else fmt,
                verbose=False,
            )
        except (ValueError, RuntimeError) as err:
            raise ModelError(f"could not load GGUF model {path}: {err}") from None
        has_template = "tokenizer.chat_template" in self._llama.metadata
        self.plain = fmt == PLAIN or (fmt is None and not has_template)

    @property
    def n_ctx(self) -> int:
        return self._llama.n_ctx()

    def count_tokens(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: Messages, max_tokens: int, grammar: str | None = None) -> Iterator[str]:
        kwargs: dict = {"max_tokens": max_tokens, "temperature": self.temperature, "stream": True}
        if grammar:
            from llama_cpp import LlamaGrammar

            kwargs["grammar"] = LlamaGrammar.from_string(grammar, verbose=False)
        # llama.cpp keeps the KV cache of the previous prompt; an unchanged prefix is not read again.
        if self.plain:
            chunks = self._llama.create_completion(plain_prompt(messages), stop=["\nUser:"], **kwargs)
            pieces = (chunk["choices"][0].get("text") for chunk in chunks)
        else:
            chunks = self._llama.create_chat_completion(messages=messages, **kwargs)
            pieces = (chunk["choices"][0]["delta"].get("content") for chunk in chunks)
        completion = 0
        started = time.monotonic()
        for piece in pieces:
            if piece:
                completion += 1
                yield piece
            if time.monotonic() - started > self.timeout:
                raise ModelError(f"the model took longer than {self.timeout:g} s (ASSISTANT_LLM_TIMEOUT)")
        self.usage = Usage(prompt_tokens=max(0, self._llama.n_tokens - completion), completion_tokens=completion)
        if completion == 0:
            raise ModelError(f"the model {self.name} returned an empty completion")


# --- OpenAI and OpenAI-compatible servers ----------------------------------------------------------


def make_openai_llm(settings: Settings) -> LLM:
    try:
        import openai
    except ImportError:
        raise ConfigError("the openai package is not installed (pip install openai)") from None
    try:
        client = openai.OpenAI(timeout=settings.llm_timeout, max_retries=settings.llm_max_retries)
    except openai.OpenAIError as err:
        raise ConfigError(f"OpenAI backend not configured: {err} (set OPENAI_API_KEY)") from None
    return OpenAILLM(client, settings)


class OpenAILLM:
    def __init__(self, client, settings: Settings) -> None:
        self.client = client
        self.model = settings.llm_model
        self.name = f"openai:{self.model}"
        self.temperature = settings.temperature
        self.plain = settings.chat_format == PLAIN
        self.usage = Usage()

    def stream(self, messages: Messages, max_tokens: int, grammar: str | None = None) -> Iterator[str]:
        # `grammar` is a llama.cpp feature; the verification after generation holds for every model.
        self.usage = Usage()
        with _translated_errors(self.client.base_url, self.model):
            completion = 0
            for piece in self._pieces(messages, max_tokens):
                completion += 1
                yield piece
        if not self.usage.completion_tokens:  # servers that ignore include_usage: count streamed pieces
            self.usage = Usage(prompt_tokens=self.usage.prompt_tokens, completion_tokens=completion)
        if completion == 0:
            raise ModelError(f"the model server at {self.client.base_url} returned an empty completion")

    def _pieces(self, messages: Messages, max_tokens: int) -> Iterator[str]:
        common = {"model": self.model, "max_tokens": max_tokens, "temperature": self.temperature, "stream": True}
        common["stream_options"] = {"include_usage": True}
        if self.plain:
            response = self.client.completions.create(prompt=plain_prompt(messages), stop=["\nUser:"], **common)
        else:
            response = self.client.chat.completions.create(messages=messages, **common)
        for chunk in response:
            if getattr(chunk, "usage", None):
                self.usage = Usage(
                    prompt_tokens=chunk.usage.prompt_tokens or 0, completion_tokens=chunk.usage.completion_tokens or 0
                )
            if not chunk.choices:
                continue
            choice = chunk.choices[0]
            piece = choice.text if self.plain else (choice.delta.content if choice.delta else None)
            if piece:
                yield piece


class _translated_errors:
    """Turns the SDK's exceptions into one readable `ModelError` naming the server and the problem."""

    def __init__(self, base_url, model: str) -> None:
        self.where = str(base_url).rstrip("/")
        self.model = model

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, err, tb) -> bool:
        if err is None or isinstance(err, (ModelError, GeneratorExit)):
            return False
        import openai

        if isinstance(err, openai.APITimeoutError):
            raise ModelError(f"the model server at {self.where} did not answer in time (ASSISTANT_LLM_TIMEOUT)")
        if isinstance(err, openai.APIConnectionError):
            raise ModelError(f"model server not reachable at {self.where} (OPENAI_BASE_URL)")
        if isinstance(err, openai.AuthenticationError):
            raise ModelError(f"the model server at {self.where} rejected the API key (401); check OPENAI_API_KEY")
        if isinstance(err, openai.NotFoundError):
            raise ModelError(f"model {self.model!r} not found at {self.where} (404; ASSISTANT_LLM_MODEL)")
        if isinstance(err, openai.RateLimitError):
            raise ModelError(f"the model server at {self.where} is rate limiting (429) even after retries")
        if isinstance(err, openai.APIStatusError):
            raise ModelError(f"the model server at {self.where} failed with HTTP {err.status_code}")
        if isinstance(err, (openai.APIError, ValueError, KeyError, AttributeError, TypeError)):
            raise ModelError(f"malformed response from the model server at {self.where}: {type(err).__name__}")
        return False
