"""Kept prompt-head states give exactly what evaluating the head gives, in this process and the next."""

import pytest

from assistant.embedded import embedded_gguf
from assistant.models.local_llm import LocalLLM
from assistant.settings import Settings

CHOICES = ("Yes", "No")


def messages(system: str, user: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


JUDGE = messages("You check facts. Reply with one word: Yes or No.", "Is Paris the capital of France?")
OTHER = messages("You reply with one word, Yes or No, and nothing else at all.", "Is ice cold?")


@pytest.fixture(scope="module")
def small_model():
    return embedded_gguf(Settings().model_cache_dir, "qwen2.5-0.5b")


@pytest.mark.slow
def test_a_restored_head_scores_as_the_evaluated_one(small_model, tmp_path):
    settings = Settings(model_cache_dir=tmp_path)
    llm = LocalLLM(small_model, settings)
    fresh = llm.choice_probabilities(JUDGE, CHOICES)  # evaluates the head and keeps its state
    other = llm.choice_probabilities(OTHER, CHOICES)  # another head in the same context
    assert llm.choice_probabilities(JUDGE, CHOICES) == fresh  # restored from memory
    assert llm.choice_probabilities(OTHER, CHOICES) == other
    assert "".join(llm.stream(JUDGE, 4)) == "".join(
        LocalLLM(small_model, Settings(model_cache_dir=tmp_path / "x")).stream(JUDGE, 4)
    )

    saved = sorted((tmp_path / "states").glob("*.state"))
    assert len(saved) == 2
    stamps = [p.stat().st_mtime_ns for p in saved]
    # A new process reads the states from disk rather than evaluating (and writing) them again.
    again = LocalLLM(small_model, settings)
    assert again.choice_probabilities(JUDGE, CHOICES) == fresh
    assert [p.stat().st_mtime_ns for p in saved] == stamps


@pytest.mark.slow
def test_a_damaged_state_file_is_evaluated_again(small_model, tmp_path):
    settings = Settings(model_cache_dir=tmp_path)
    fresh = LocalLLM(small_model, settings).choice_probabilities(JUDGE, CHOICES)
    (saved,) = (tmp_path / "states").glob("*.state")
    saved.write_bytes(b"not a llama state" * 10)
    assert LocalLLM(small_model, settings).choice_probabilities(JUDGE, CHOICES) == fresh
    assert saved.stat().st_size > 1000  # written again from the evaluation


@pytest.mark.slow
def test_words_asked_after_a_score_of_the_same_prompt_reuse_its_evaluation(small_model, tmp_path):
    llm = LocalLLM(small_model, Settings(model_cache_dir=tmp_path))
    fresh = "".join(LocalLLM(small_model, Settings(model_cache_dir=tmp_path / "x")).stream(JUDGE, 4))
    llm.reply_probability(JUDGE, ["Yes"])  # scores the prompt: the context now ends on it
    llama = llm._load().llama
    evaluated: list[int] = []
    real_eval = llama.eval

    def counting_eval(tokens):
        evaluated.extend(tokens)
        return real_eval(tokens)

    llama.eval = counting_eval  # a spy on llama.cpp's own method, which still does the work
    assert "".join(llm.stream(JUDGE, 4)) == fresh
    # Only the sampled words were fed back, not the prompt again.
    assert len(evaluated) <= 4
    evaluated.clear()
    llm.reply_probability(OTHER, ["Yes"])
    assert "".join(llm.stream(JUDGE, 4)) == fresh  # another prompt in between: evaluated from the head
    assert len(evaluated) > 4
