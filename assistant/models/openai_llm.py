"""OpenAI or any OpenAI-compatible server (Ollama, llama.cpp server, vLLM, LM Studio)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from ..errors import ConfigError, ModelError
from ..schema import Usage
from ..settings import Settings
from .messages import PLAIN, Messages, plain_prompt


def make_client(settings: Settings):
    try:
        import openai
    except ImportError:
        raise ConfigError("the openai package is not installed (pip install openai)") from None
    try:
        return openai.OpenAI(timeout=settings.llm_timeout, max_retries=settings.llm_max_retries)
    except openai.OpenAIError as err:
        raise ConfigError(f"OpenAI backend not configured: {err} (set OPENAI_API_KEY)") from None


class OpenAILLM:
    def __init__(self, client, settings: Settings, model: str | None = None) -> None:
        self.client = client
        self.model = model or settings.llm_model
        self.name = f"openai:{self.model}"
        self.temperature = settings.temperature
        self.plain = settings.chat_format == PLAIN

    def stream(
        self, messages: Messages, max_tokens: int, grammar: str | None = None, usage: Usage | None = None
    ) -> Iterator[str]:
        # `grammar` is a llama.cpp feature; the verification after generation holds for every model.
        counted = Usage()
        with _translated_errors(self.client.base_url, self.model):
            completion = 0
            for piece in self._pieces(messages, max_tokens, counted):
                completion += 1
                yield piece
        if not counted.completion_tokens:  # servers that ignore include_usage: count streamed pieces
            counted.completion_tokens = completion
        if usage is not None:
            usage.prompt_tokens, usage.completion_tokens = counted.prompt_tokens, counted.completion_tokens
        if completion == 0:
            raise ModelError(f"the model server at {self.client.base_url} returned an empty completion")

    def _pieces(self, messages: Messages, max_tokens: int, usage: Usage) -> Iterator[str]:
        common = {"model": self.model, "max_tokens": max_tokens, "temperature": self.temperature, "stream": True}
        common["stream_options"] = {"include_usage": True}
        if self.plain:
            response = self.client.completions.create(prompt=plain_prompt(messages), stop=["\nUser:"], **common)
        else:
            response = self.client.chat.completions.create(messages=messages, **common)
        for chunk in response:
            if getattr(chunk, "usage", None):
                usage.prompt_tokens = chunk.usage.prompt_tokens or 0
                usage.completion_tokens = chunk.usage.completion_tokens or 0
            if not chunk.choices:
                continue
            choice = chunk.choices[0]
            piece = choice.text if self.plain else (choice.delta.content if choice.delta else None)
            if piece:
                yield piece

    def choice_probabilities(self, messages: Messages, choices: Sequence[str]) -> dict[str, float]:
        """From the first token's logprobs where the server gives them; otherwise from a short reply
        (1.0 for the choice it starts with)."""
        alternatives, reply = self._first_token(messages)
        found: dict[str, float] = {}
        for token, probability in alternatives:
            word = token.lower()
            for c in choices:
                if c.lower().startswith(word):  # "Yes", "yes" and " yes" all count
                    found[c] = found.get(c, 0.0) + probability
        if not found:
            found = {c: 1.0 for c in choices if reply.lower().startswith(c.lower())}
        total = sum(found.values())
        if not total:
            return dict.fromkeys(choices, 1.0 / len(choices))
        return {c: found.get(c, 0.0) / total for c in choices}

    def reply_probability(self, messages: Messages, starts: Sequence[str]) -> float:
        """From the first token's logprobs where the server gives them (tokens outside the top 10 count as
        0); otherwise 1.0 or 0.0 from a short reply."""
        alternatives, reply = self._first_token(messages)
        if alternatives:
            return min(1.0, sum(p for token, p in alternatives if any(s.startswith(token) for s in starts)))
        return 1.0 if any(reply.startswith(s) for s in starts) else 0.0

    def _first_token(self, messages: Messages) -> tuple[list[tuple[str, float]], str]:
        """The top first tokens (stripped, non-empty) with their probabilities, when the server gives
        logprobs, and the short reply itself."""
        with _translated_errors(self.client.base_url, self.model):
            response = self.client.chat.completions.create(
                model=self.model, messages=messages, max_tokens=3, temperature=0.0, logprobs=True, top_logprobs=10
            )
        choice = response.choices[0]
        content = getattr(choice.logprobs, "content", None) if choice.logprobs else None
        top = (content[0].top_logprobs or []) if content else []
        alternatives = [(alt.token.strip(), math.exp(alt.logprob)) for alt in top if alt.token.strip()]
        return alternatives, (choice.message.content or "").strip()


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
