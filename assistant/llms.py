"""Language-model backends behind one small interface, each built by its own factory."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from .errors import ConfigError, ModelError
from .schema import Usage
from .settings import Settings

Messages = list[dict[str, str]]


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


# --- local GGUF through llama-cpp-python ------------------------------------------------------------


def make_local_llm(settings: Settings) -> LLM:
    from .embedded import embedded_gguf

    path = settings.gguf_path or embedded_gguf(settings.model_cache_dir)
    _check_gguf(Path(path))
    return LocalLLM(
        Path(path), n_ctx=settings.n_ctx, threads=settings.resolved_threads(), temperature=settings.temperature
    )


def _check_gguf(path: Path) -> None:
    if not path.is_file():
        raise ConfigError(f"GGUF model file not found: {path} (ASSISTANT_GGUF_PATH)")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ConfigError(f"not a GGUF model file: {path} (ASSISTANT_GGUF_PATH)")


class LocalLLM:
    def __init__(self, path: Path, n_ctx: int, threads: int, temperature: float) -> None:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError("llama-cpp-python is not installed (pip install llama-cpp-python)") from None
        self.name = f"local:{path.name}"
        self.usage = Usage()
        self.temperature = temperature
        try:
            self._llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, verbose=False)
        except (ValueError, RuntimeError) as err:
            raise ModelError(f"could not load GGUF model {path}: {err}") from None

    @property
    def n_ctx(self) -> int:
        return self._llama.n_ctx()

    def count_tokens(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: Messages, max_tokens: int, grammar: str | None = None) -> Iterator[str]:
        kwargs = {}
        if grammar:
            from llama_cpp import LlamaGrammar

            kwargs["grammar"] = LlamaGrammar.from_string(grammar, verbose=False)
        # llama.cpp keeps the KV cache of the previous prompt; an unchanged system prompt is not re-read.
        chunks = self._llama.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=self.temperature, stream=True, **kwargs
        )
        completion = 0
        for chunk in chunks:
            piece = chunk["choices"][0]["delta"].get("content")
            if piece:
                completion += 1
                yield piece
        self.usage = Usage(prompt_tokens=max(0, self._llama.n_tokens - completion), completion_tokens=completion)


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
    return OpenAILLM(client, settings.llm_model, settings.temperature)


class OpenAILLM:
    def __init__(self, client, model: str, temperature: float) -> None:
        self.client = client
        self.model = model
        self.name = f"openai:{model}"
        self.temperature = temperature
        self.usage = Usage()

    def stream(self, messages: Messages, max_tokens: int, grammar: str | None = None) -> Iterator[str]:
        import openai

        started = time.perf_counter()
        try:
            response = self.client.chat.completions.create(
                model=self.model,
                messages=messages,
                max_tokens=max_tokens,
                temperature=self.temperature,
                stream=True,
                stream_options={"include_usage": True},
            )
            completion = 0
            for chunk in response:
                if chunk.usage:
                    self.usage = Usage(
                        prompt_tokens=chunk.usage.prompt_tokens, completion_tokens=chunk.usage.completion_tokens
                    )
                if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
                    completion += 1
                    yield chunk.choices[0].delta.content
        except openai.APIConnectionError as err:
            raise ModelError(f"model server not reachable at {self.client.base_url}: {err}") from None
        except openai.AuthenticationError:
            raise ModelError("the model server rejected the API key (401); check OPENAI_API_KEY") from None
        except openai.NotFoundError:
            raise ModelError(
                f"model {self.model!r} not found on {self.client.base_url} (ASSISTANT_LLM_MODEL)"
            ) from None
        except openai.APIStatusError as err:
            raise ModelError(f"model server error {err.status_code} from {self.client.base_url}") from None
        except openai.APIError as err:
            raise ModelError(f"model request failed after {time.perf_counter() - started:.0f} s: {err}") from None
