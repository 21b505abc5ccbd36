"""Retrieval: the hybrid search over the stored sentences (dense, BM25, names) and the corpus's aliases."""
