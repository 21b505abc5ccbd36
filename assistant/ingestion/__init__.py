"""Ingestion: read articles, clean and split them into sentences, embed and store them (Chroma)."""
