"""Every knob of the assistant, read from `ASSISTANT_*` environment variables or `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Corpus and store
    articles_dir: Path = Field(PROJECT_ROOT / "store" / "articles", description="Folder of articles to index.")
    store_dir: Path = Field(PROJECT_ROOT / "store", description="Where the Chroma index lives (`store/chroma`).")
    collection: str = Field("articles", description="Chroma collection name prefix.")
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded store in the store folder.")
    chroma_port: int = Field(8000, description="Chroma server port (with the host).")
    max_file_mb: float = Field(10.0, description="Files larger than this are skipped at ingestion.")

    # Embeddings
    embed_backend: Literal["local", "openai"] = Field(
        "local",
        description="`local` = a sentence-transformers folder; `openai` = an OpenAI-compatible `/embeddings` endpoint "
        "(`OPENAI_BASE_URL`).",
    )
    embed_model: str = Field(
        "",
        description="local: model folder (empty = the bundled all-MiniLM-L6-v2); openai: the model name. Each "
        "embedding model gets its own collections (vectors never mix): run `assistant ingest` after changing it.",
    )

    # Retrieval and evidence
    # Quoted answers and the premise checks judge evidence one sentence at a time, so a wide pool costs
    # little; it costs the model prompt tokens only when it writes (bench/results/retrieval-recall-pool.txt).
    top_k: int = Field(10, ge=1, le=50, description="Sentences retrieved (after fusion) as evidence seeds.")
    candidates: int = Field(30, ge=1, description="Candidates taken from each retriever before fusion.")
    evidence_tokens: int = Field(700, ge=50, description="Token budget of the evidence shown to the model.")
    # The model reads its prompt at ~54 tokens/s on 2 cores, so 700 tokens of evidence cost ~13 s before its
    # first word. The written answers the quote-first style still needs cite the top-ranked sentences: on the
    # news files the three right ones cite rank 0-1, within the first 4-6 sentences at 250 tokens
    # (bench/results/writer-evidence.txt).
    written_evidence_tokens: int = Field(
        350,
        ge=50,
        description="With `answer_style=quote`: token budget of the evidence the model writes from when no "
        "sentence answers as it stands (the top-ranked sentences first).",
    )
    write_span_answers: bool = Field(
        False,
        description="With `answer_style=quote`: let the model write an answer to a question one span answers "
        "(not one asking for several things) when no evidence sentence answers it as it stands. Off: refused "
        "at once, about 10 s sooner; the bundled models' written answers to such questions were never right "
        "in the recorded evaluations (bench/results/written-for-span.txt).",
    )
    # Fitted on 250 dev answers (own sets 1-4, squad dev-120, 2026-12-05): no right answer took more than 8
    # calls; 2 answers took 9, both refusals, 17.5 s in the median (bench/results/model-calls-2026-12-05g.txt).
    max_model_calls: int = Field(
        8,
        ge=0,
        description="Most model calls one answer may make, the judge's and the writer's together (0: no "
        "limit). Once they are spent, quoting judges no further sentence and no strategy that needs the model "
        "starts: the answer is what has been verified, or a refusal.",
    )
    min_relevance: float = Field(
        0.30,
        description="Refuse without asking the model when the best sentence's cosine similarity is below this.",
    )
    answer_style: Literal["quote", "write"] = Field(
        "quote",
        description="`quote`: answer with the evidence sentences the judge finds answer the question, verbatim; "
        "the model writes only when none does. `write`: the model writes the answer; quotes are the fallback.",
    )
    extract_min_overlap: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="Share of the question's content words an evidence sentence must hold to be quoted as an "
        "answer (the judge then decides whether it answers).",
    )
    support_threshold: float = Field(
        0.6, ge=0.0, le=1.0, description="Share of a sentence's content words its cited quotes must contain."
    )

    # Language model
    llm_backend: Literal["local", "openai"] = Field(
        "local", description="`local` (GGUF in-process) or `openai` (OpenAI or any compatible server)."
    )
    model: Literal["qwen2.5-1.5b", "qwen2.5-0.5b"] = Field(
        "qwen2.5-1.5b", description="Bundled local model that answers (ignored when `ASSISTANT_GGUF_PATH` is set)."
    )
    gguf_path: Path | None = Field(None, description="Any GGUF model file; unset = the bundled `ASSISTANT_MODEL`.")
    model_cache_dir: Path = Field(
        Path.home() / ".cache" / "assistant",
        description="Where the embedded GGUF is assembled (once, sha256-checked); also the caches a later "
        "process reuses: evaluated prompt heads (`states/`).",
    )
    chat_format: str = Field(
        "",
        description="Empty = the model's own chat template; `plain` = a plain-text prompt for models without one "
        "(automatic for a GGUF with no template); or any llama-cpp-python chat format name.",
    )
    constrain_citations: bool = Field(
        False,
        description="Local models: a GBNF grammar lets citation markers name only existing evidence numbers. Off by "
        "default: on the public set it left accuracy unchanged (82.4%) and cost 2.1 s of median latency (grammar "
        "sampling over a 151k-token vocabulary), while verification already removes every invalid marker.",
    )
    lookup_draft_tokens: int = Field(
        3,
        ge=0,
        le=64,
        description="Local models: prompt-lookup speculative decoding. Where the text written so far ends on words "
        "the prompt holds, up to this many of the prompt's next tokens are checked in one batch, and those the model "
        "would have written anyway are kept (answers quote their evidence, so many are). Greedy output is unchanged "
        "but for float rounding in the batch; 0 = off. Fitted on the writer's prompts for 24 dev questions "
        "(bench/results/speculative-2026-12-05.txt): 3 and 4 beat 6 and 10, whose longer drafts are thrown away "
        "more often.",
    )
    threads: int = Field(0, ge=0, description="CPU threads for the local model; 0 = all cores.")
    n_ctx: int = Field(2048, ge=512, description="Context window of the local model.")
    max_tokens: int = Field(80, ge=8, le=2048, description="Most tokens the model may generate per answer.")
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature.")
    llm_model: str = Field("gpt-4o-mini", description="Model name for the `openai` backend.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before a model request is abandoned.")
    llm_max_retries: int = Field(2, ge=0, description="Retries for a failed model request.")

    # Support judge
    judge: Literal["model", "rules"] = Field(
        "model",
        description="`model` = the reliable rules plus a language model's verdict on every sentence; "
        "`rules` = the rules alone (no model call, weaker on paraphrase and contradiction).",
    )
    judge_backend: Literal["same", "local", "openai"] = Field(
        "same", description="Which backend judges: `same` = the answering backend; `local`; `openai`."
    )
    judge_model: str = Field(
        "qwen2.5-1.5b",
        description="local: a bundled model key or a GGUF path; openai: the model name "
        "(empty = `ASSISTANT_LLM_MODEL`).",
    )
    judge_threshold: float = Field(
        0.6,
        ge=0.0,
        le=1.0,
        description="Least judge-model probability of 'supported' a sentence needs (calibrated on the public "
        "labelled pairs: bench/results/judge-calibration-v1.jsonl).",
    )
    answer_threshold: float = Field(
        0.65,
        ge=0.0,
        le=1.0,
        description="Least judge-model probability that a quoted sentence answers the question (that its "
        "reply to 'copy the words that answer, or NONE' is not NONE) for an extractive answer; calibrated on "
        "the public questions: bench/results/answerability-calibration.txt.",
    )

    # Questions
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected with a clear error.")
    history_turns: int = Field(3, ge=0, description="Previous turns used to rewrite a follow-up question.")

    # Browser chat
    ui_host: str = Field("127.0.0.1", description="Address the browser chat binds to (loopback unless told otherwise).")
    ui_port: int = Field(7860, ge=0, le=65535, description="Port of the browser chat.")
    ui_concurrency: int = Field(1, ge=1, description="Answers the browser chat generates at once.")
    ui_queue_size: int = Field(16, ge=1, description='Requests waiting in the chat\'s queue before "busy, try again".')
    ui_auth: str | None = Field(
        None,
        description="Optional login `user:password` for the chat's login page (and HTTP Basic on any route); "
        "with it, every route of the server needs a login or the API key.",
    )
    allow_anonymous: bool = Field(
        False,
        description="Serve on an address beyond loopback with neither `ASSISTANT_API_KEY` nor `ASSISTANT_UI_AUTH` "
        "(anyone who can reach it may ask, and add or delete articles unless the library is read-only).",
    )
    library_readonly: bool = Field(
        False, description="Turn off the Articles tab's upload, delete and re-index (for a shared deployment)."
    )

    def resolved_threads(self) -> int:
        import os

        return self.threads or os.cpu_count() or 1

    # Service (API)
    api_key: str | None = Field(
        None,
        description="Optional key every route of the server requires (API, chat, uploads): "
        "`Authorization: Bearer <key>`, or any user name with the key as password on the chat's login page.",
    )
    api_max_waiting: int = Field(
        4, ge=0, description="API requests waiting for the model before the API answers 503 (busy)."
    )
    api_wait_s: float = Field(120.0, gt=0, description="Seconds an API request waits for the model before 503.")
