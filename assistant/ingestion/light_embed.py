"""A light loader for the sentence embedding model at query time: BERT in numpy, no torch.

`ask` embeds one question; importing sentence-transformers (torch, transformers) for it costs ~5 s of
start-up, the forward pass itself a few milliseconds. This computes the same function as
sentence-transformers for a BERT model with mean pooling and normalisation (all-MiniLM-L6-v2): the same
tokenizer file, truncation at `max_seq_length`, the same weights, float32; vectors agree to float rounding
(tests/test_light_embed.py). Documents (ingestion) still go through the full `Embedder`, loaded on first
use, so stored vectors are exactly what they were."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from ..settings import Settings
    from .index import Embedder


def supported(model_dir: Path) -> bool:
    """A BERT model whose sentence-transformers pipeline is Transformer → mean Pooling → Normalize."""
    try:
        config = json.loads((model_dir / "config.json").read_text())
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((model_dir / "modules.json").read_text())]
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError):
        return False
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    return (
        config.get("model_type") == "bert"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and config.get("hidden_act") == "gelu"
        and modules == ["Transformer", "Pooling", "Normalize"]
        and modes == {"pooling_mode_mean_tokens"}
        and (model_dir / "tokenizer.json").is_file()
        and (model_dir / "model.safetensors").is_file()
    )


class LightEmbedder:
    """Same interface and name as `index.Embedder`; `query` in numpy, `documents` through the full model."""

    def __init__(self, model_dir: Path, name: str) -> None:
        from tokenizers import Tokenizer

        self.name = name
        self._dir = model_dir
        config = json.loads((model_dir / "config.json").read_text())
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        st_config = model_dir / "sentence_bert_config.json"
        max_len = json.loads(st_config.read_text()).get("max_seq_length", 512) if st_config.is_file() else 512
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(int(max_len))
        self._w: dict[str, np.ndarray] | None = None
        self._full: Embedder | None = None

    def query(self, text: str) -> list[float]:
        return self.encode(text).tolist()

    def documents(self, texts: list[str]) -> list[list[float]]:
        if self._full is None:
            from .index import Embedder

            self._full = Embedder(self._dir, self.name)
        return self._full.documents(texts)

    def encode(self, text: str) -> np.ndarray:
        # Matrices this small are slower split across BLAS threads, much slower on a busy machine
        # (measured: 16 ms on one thread, 400 ms on two, for a 12-word question).
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1, user_api="blas"):
            return self._encode(text)

    def _encode(self, text: str) -> np.ndarray:
        import numpy as np

        w = self._weights()
        ids = np.array(self._tokenizer.encode(text).ids)
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][: len(ids)] + w["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        for i in range(self._layers):
            x = self._layer(x, f"encoder.layer.{i}.")
        pooled = x.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def _layer(self, x: np.ndarray, p: str) -> np.ndarray:
        import numpy as np

        n, width = x.shape
        d = width // self._heads

        def heads(name: str) -> np.ndarray:
            return self._dense(x, f"{p}attention.self.{name}").reshape(n, self._heads, d).transpose(1, 0, 2)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 2, 1) / np.float32(math.sqrt(d))
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, width)
        x = self._norm(x + self._dense(context, f"{p}attention.output.dense"), f"{p}attention.output.LayerNorm")
        inner = _gelu(self._dense(x, f"{p}intermediate.dense"))
        return self._norm(x + self._dense(inner, f"{p}output.dense"), f"{p}output.LayerNorm")

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        w = self._weights()
        return x @ w[f"{name}.weight"].T + w[f"{name}.bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        w = self._weights()
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / (var + self._eps) ** 0.5 * w[f"{name}.weight"] + w[f"{name}.bias"]

    def _weights(self) -> dict[str, np.ndarray]:
        if self._w is None:
            from safetensors.numpy import load_file

            self._w = {
                k: v.astype("float32", copy=False) for k, v in load_file(self._dir / "model.safetensors").items()
            }
        return self._w


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x·Φ(x). numpy has no erf (scipy would cost its import): erfc by the Chebyshev
    fit of Numerical Recipes (fractional error below 1.2e-7, under float32's own rounding), in float64."""
    import numpy as np

    z = np.abs(x.astype(np.float64)) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -1.26551223 + t * (
        1.00002368
        + t
        * (
            0.37409196
            + t
            * (
                0.09678418
                + t
                * (
                    -0.18628806
                    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))
                )
            )
        )
    )
    erfc = t * np.exp(-z * z + poly)
    erf = np.where(x >= 0, 1.0 - erfc, erfc - 1.0)
    return (x * 0.5 * (1.0 + erf)).astype(np.float32)


def make_query_embedder(settings: Settings):
    """The light embedder where it computes the same vectors, else None (the caller uses the full one)."""
    from ..embedded import EMBED_NAME, embedding_model_dir

    if settings.embed_backend != "local":
        return None
    folder, name = (
        (Path(settings.embed_model), Path(settings.embed_model).name)
        if settings.embed_model
        else (
            embedding_model_dir(),
            EMBED_NAME,
        )
    )
    return LightEmbedder(folder, name) if supported(folder) else None
