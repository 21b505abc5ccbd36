"""Answering: retrieve evidence, ask the model, judge every sentence, keep only what is cited."""
