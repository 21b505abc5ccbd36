"""The same question three ways (first, again, after another question) through one loaded model.

`--naive` drives llama-cpp-python the way v1 did (create_chat_completion, whose KV cache keeps whatever
prefix of the previous prompt matches), to show the cause; without it, the product's LocalLLM. Prints
each raw completion and `identical=true|false`.

    .venv/bin/python bench/determinism.py --model qwen2.5-0.5b [--naive]
"""

from __future__ import annotations

import argparse

from assistant.app import App
from assistant.settings import Settings

FIRST = "How many Taliban fighters have pledged allegiance to al-Qaeda?"
OTHER = "Who is Noor Wali Mehsud?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="qwen2.5-0.5b")
    parser.add_argument("--naive", action="store_true")
    args = parser.parse_args()
    app = App(Settings(model=args.model, judge="rules"))
    app.ensure_ingested()
    assistant = app.assistant
    if args.naive:
        llama = app.llm._llama

        def raw(question: str) -> str:
            from assistant.answering.strategies import writer_messages
            from assistant.retrieval.retrieve import build_evidence

            hits = app.retriever.search(question, app.settings.top_k)
            messages = writer_messages(assistant.prompts, question, build_evidence(hits, app.settings.evidence_tokens))
            out = llama.create_chat_completion(messages=messages, max_tokens=60, temperature=0.0)
            return out["choices"][0]["message"]["content"]
    else:

        def raw(question: str) -> str:
            return assistant.ask(question).raw_output

    runs = [("first", raw(FIRST)), ("again", raw(FIRST)), ("other", raw(OTHER)), ("after other", raw(FIRST))]
    for label, text in runs:
        print(f"{label:>12}: {text!r}")
    texts = {text for label, text in runs if label != "other"}
    print(f"mode={'naive' if args.naive else 'product'} model={args.model} identical={str(len(texts) == 1).lower()}")


if __name__ == "__main__":
    main()
