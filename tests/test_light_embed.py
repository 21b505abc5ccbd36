"""The light query embedder (numpy BERT) against the full sentence-transformers model: same vectors to float
rounding, so retrieval over an index built by the full model finds the same sentences."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.app import App
from assistant.ingestion.light_embed import LightEmbedder, make_query_embedder, supported
from assistant.settings import Settings

TEXTS = [
    "Who is Noor Wali Mehsud?",
    "Which US CENTCOM commander said the Taliban were pretending their victory was inevitable?",
    "x",
    "",
    "Ünïcödé «quotes» — dashes, 6,000 troops and $5 at 10:45 UTC!",
    "word " * 400,  # past max_seq_length: truncated the same way
]


@pytest.fixture(scope="module")
def light() -> LightEmbedder:
    embedder = make_query_embedder(Settings())
    assert isinstance(embedder, LightEmbedder)
    return embedder


def test_query_vectors_equal_the_full_models(light, embedder):
    assert light.name == embedder.name  # so it reads the same collections
    for text in TEXTS:
        a, b = np.array(light.query(text)), np.array(embedder.query(text))
        assert a.shape == b.shape == (384,)
        assert np.abs(a - b).max() < 1e-6, text


def test_retrieval_finds_the_same_sentences(light, shared_store, embedder):
    full = App(shared_store, embedder=embedder).index
    for question in TEXTS[:2] + ["What did the Pakistani Foreign Ministry say?", "Where does he live?"]:
        by_full = full.vector_search(embedder.query(question), 30)
        by_light = full.vector_search(light.query(question), 30)
        assert [(d, i) for d, i, _ in by_light] == [(d, i) for d, i, _ in by_full]


def test_documents_still_go_through_the_full_model(light, embedder):
    texts = ["The council approved the budget.", "Mehsud spoke to CNN."]
    assert light.documents(texts) == embedder.documents(texts)


def test_only_models_it_computes_exactly_are_taken(tmp_path):
    assert make_query_embedder(Settings(embed_backend="openai", embed_model="m")) is None
    assert not supported(tmp_path)  # no config at all


def test_answering_path_imports_neither_torch_nor_the_web_stack(shared_store):
    """What `ask` loads before the first token, in a fresh process: the parser, the index and a search."""
    import subprocess
    import sys

    from assistant.settings import PROJECT_ROOT

    probe = (
        "import sys\n"
        "from assistant.interfaces.cli import _parser\n"
        "from assistant.app import App\n"
        "from assistant.settings import Settings\n"
        "_parser()\n"
        f"app = App(Settings(store_dir={str(shared_store.store_dir)!r}))\n"
        "hits = app.retriever.search('Who is Noor Wali Mehsud?', 3)\n"
        "heavy = ('torch', 'sentence_transformers', 'transformers', 'gradio', 'fastapi', 'matplotlib')\n"
        "print(len(hits), [m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3 []"
