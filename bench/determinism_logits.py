"""Why v1 answered the same question differently: llama.cpp's prefix reuse changes the logits.

The same prompt is evaluated (a) from an empty cache in one batch, (b) right after itself, where
llama-cpp-python keeps the cached prefix and evaluates only the last token, and (c) after a different
prompt sharing only the system turn. Greedy decoding picks the argmax of these logits: any difference
can flip a close choice. The product path (LocalLLM) starts every call from the same state.

    .venv/bin/python bench/determinism_logits.py
"""

from __future__ import annotations

import numpy as np

from assistant.embedded import embedded_gguf
from assistant.settings import Settings


def main() -> None:
    from llama_cpp import Llama

    settings = Settings()
    llama = Llama(model_path=str(embedded_gguf(settings.model_cache_dir, "qwen2.5-0.5b")), n_ctx=2048, verbose=False)
    system = "You answer questions about news articles. Use only the numbered evidence sentences. " * 8
    prompt = llama.tokenize(f"{system}\nQuestion: How many Taliban fighters pledged allegiance to al-Qaeda?".encode())
    other = llama.tokenize(f"{system}\nQuestion: Who is Noor Wali Mehsud?".encode())

    def last_logits() -> np.ndarray:
        return np.ctypeslib.as_array(llama._ctx.get_logits(), shape=(llama.n_vocab(),)).copy()

    def fresh(tokens: list[int]) -> np.ndarray:
        llama.reset()
        llama.eval(tokens)
        return last_logits()

    def reusing(tokens: list[int]) -> np.ndarray:
        """What llama-cpp-python's generate() does: keep the longest shared prefix, evaluate the rest."""
        shared = 0
        for a, b in zip(llama._input_ids[: llama.n_tokens], tokens, strict=False):
            if a != b:
                break
            shared += 1
        shared = min(shared, len(tokens) - 1)
        llama.n_tokens = shared
        llama.eval(tokens[shared:])
        return last_logits()

    a = fresh(prompt)
    b = reusing(prompt)  # right after itself: only the last token is evaluated again
    fresh(other)
    c = reusing(prompt)  # after another question: the shared system turn is reused
    for label, x in (("again (prefix reused)", b), ("after another prompt", c)):
        print(f"{label}: max |logit difference| = {np.abs(a - x).max():.5f}; argmax same: {a.argmax() == x.argmax()}")
    top = np.sort(a)[-2:]
    print(f"gap between the two best logits of the fresh evaluation: {top[1] - top[0]:.5f}")


if __name__ == "__main__":
    main()
