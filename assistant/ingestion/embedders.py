"""The sentence embedding models: the bundled local one, a local folder, or an OpenAI-compatible server."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError, IngestError, ModelError
from ..settings import Settings

EMBED_BATCH = 64


class Embedder:
    """The sentence embedding model (LlamaIndex `HuggingFaceEmbedding` over a local folder)."""

    def __init__(self, model_dir: Path, name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import transformers
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        transformers.utils.logging.disable_progress_bar()
        self.name = name
        self._model = HuggingFaceEmbedding(model_name=str(model_dir), device="cpu", embed_batch_size=EMBED_BATCH)

    def documents(self, texts: list[str]) -> list[list[float]]:
        return self._model.get_text_embedding_batch(texts)

    def query(self, text: str) -> list[float]:
        return self._model.get_query_embedding(text)


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible `/embeddings` endpoint (OPENAI_BASE_URL, OPENAI_API_KEY)."""

    def __init__(self, settings: Settings) -> None:
        import openai

        if not settings.embed_model:
            raise ConfigError("ASSISTANT_EMBED_MODEL must name the embedding model when ASSISTANT_EMBED_BACKEND=openai")
        try:
            self._client = openai.OpenAI(timeout=settings.llm_timeout, max_retries=settings.llm_max_retries)
        except openai.OpenAIError as err:
            raise ConfigError(f"OpenAI embeddings not configured: {err} (set OPENAI_API_KEY)") from None
        self.model = settings.embed_model
        self.name = f"openai:{self.model}"

    def documents(self, texts: list[str]) -> list[list[float]]:
        import openai

        try:
            response = self._client.embeddings.create(model=self.model, input=texts)
        except openai.APIConnectionError:
            raise ModelError(f"embedding server not reachable at {self._client.base_url}") from None
        except openai.APIError as err:
            raise ModelError(f"embedding request failed at {self._client.base_url}: {err}") from None
        return [item.embedding for item in sorted(response.data, key=lambda item: item.index)]

    def query(self, text: str) -> list[float]:
        return self.documents([text])[0]


def make_embedder(settings: Settings) -> Embedder | OpenAIEmbedder:
    from ..embedded import EMBED_NAME, embedding_model_dir

    if settings.embed_backend == "openai":
        return OpenAIEmbedder(settings)
    if settings.embed_model:
        folder = Path(settings.embed_model)
        if not folder.is_dir():
            raise IngestError(f"embedding model folder not found: {folder} (ASSISTANT_EMBED_MODEL)")
        return Embedder(folder, folder.name)
    return Embedder(embedding_model_dir(), EMBED_NAME)
