"""Effective settings: ASSISTANT_* environment variables over an optional TOML file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from assistant.answering_settings import AnsweringSettings
from assistant.retrieval_settings import RetrievalSettings

BUNDLED_EMBED_MODEL = "bundled:multilingual-e5-small"


def default_home() -> Path:
    """Where all data lives unless ASSISTANT_HOME says otherwise."""
    data_root = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_root) / "inspection-assistant"


def config_file_path() -> Path:
    """The TOML file read for settings: ASSISTANT_CONFIG, else ./assistant.toml."""
    return Path(os.environ.get("ASSISTANT_CONFIG", "assistant.toml"))


class Settings(BaseSettings):
    """All knobs of the assistant; one ASSISTANT_HOME moves every piece of data."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    home: Path = Field(default_factory=default_home)
    model_dir: Path | None = None  # where prepared embedding models live; default HOME/models
    embed_model: str = BUNDLED_EMBED_MODEL
    embed_base_url: str = ""
    embed_api_key: SecretStr = SecretStr("")
    embed_batch_size: int = 32
    # The bundled model runs as an int8 ONNX encoder when its prepare-time check against fp32 passes.
    embed_int8: bool = True
    # The int8 check: every sample text's cosine to its fp32 vector must reach the minimum, and their
    # average the mean (the bars issue 12 set for the same retrieval; the bundled model measures 0.999).
    embed_int8_min_cosine: float = 0.98
    embed_int8_mean_cosine: float = 0.99
    embed_threads: int = 0  # int8 encoder batches run at once, one thread each; 0 = one per CPU core
    # Texts per int8 encoder call. With recipe 3 (fused, one thread per batch, batches in parallel) 1 costs
    # ~10% less CPU per chunk than 4 and ~20% less than 8 over the seed chunks: no padding, and a small
    # attention-score block stays in cache. It also makes a text's int8 vector independent of the texts
    # batched with it (activations share one scale per call), as a query's always is. Measured at 1 with
    # recipe 3: dev recall@5 0.971 (fp32 0.971), MRR 0.870 (fp32 0.907; 4: 0.864); fiction_dev 0.94 (= fp32);
    # seeds_dev 0.909 (= fp32). With recipe 4 (feed-forward output kept fp32): dev recall@5 0.971, MRR 0.889,
    # dev answers equal to fp32 (must_mention 0.962, source_hit 0.868). Recipe 5 (all products int8, inputs smoothed;
    # ~30% less CPU per chunk than 4): dev recall@5 0.971, MRR 0.907 on its branch and 0.889 on main, answers as 4.
    # Recipe 6 has no padding mask: a call takes texts of one token length only (up to this many).
    embed_int8_batch_size: int = 1
    # Chunks per embedding pass and Chroma upsert, gathered while the embedder is busy (idle: at once); a few MB.
    ingest_batch_chunks: int = 256
    chroma_url: str = ""
    collection: str = "notices"
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = ""
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 2
    llm_temperature: float = 0.1
    chunk_tokens: int = 350
    chunk_overlap_sentences: int = 1
    max_file_mb: float = 20.0
    # Unpacked size a .docx may declare, all parts: photos stay about their packed size, so a
    # 20 MB .docx unpacks to about 20 MB; a 0.9 MB zip bomb declaring 300 MB is refused at once.
    max_expanded_mb: float = 100.0
    # Unpacked XML of a .docx, which is parsed: a notice's document.xml plus Word's styles is 1-2 MB;
    # 8 MB of the worst (one-character paragraphs) still reads in about 40 s and 200 MB (4.9 MB: 23 s).
    max_docx_xml_mb: float = 8.0
    # Longest extracted text of one file: the longest seed notice is ~16,000 characters, so 2,000,000
    # leaves room for any real notice while a text bomb stops before chunking and embedding.
    max_text_chars: int = 2_000_000
    # Most pages of one PDF: notices run to tens of pages; a 1000-page file is not a notice.
    max_pdf_pages: int = 1000
    # How long ingest/remove waits for another process writing to the same library (negative: no limit).
    writer_wait_s: float = 600.0
    auth: str = ""
    ui_concurrency: int = 4
    ui_max_upload_mb: float = 20.0
    # Login throttling per client address: this many wrong passwords in a row are free (typos), then
    # each further attempt waits base * 2**(extra failures - 1) seconds, capped; a quiet spell forgets.
    # Chosen so a person who mistypes a few times never waits, while guessing costs hours per thousand tries.
    login_free_failures: int = 5
    login_base_delay_s: float = 2.0
    login_max_delay_s: float = 300.0
    login_forget_after_s: float = 900.0
    answering: AnsweringSettings = Field(default_factory=AnsweringSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_source = TomlConfigSettingsSource(settings_cls, toml_file=config_file_path())
        return (init_settings, env_settings, toml_source)

    @property
    def llm_enabled(self) -> bool:
        """True when an OpenAI-compatible chat endpoint is configured."""
        return bool(self.llm_base_url and self.llm_model)

    @property
    def models_dir(self) -> Path:
        return self.model_dir or self.home / "models"

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def vectors_dir(self) -> Path:
        return self.home / "vectors"

    @property
    def lexical_dir(self) -> Path:
        return self.home / "lexical"

    @property
    def feedback_path(self) -> Path:
        return self.home / "feedback.jsonl"

    def describe(self) -> dict[str, Any]:
        """Effective settings as plain values, secrets masked."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, BaseModel):  # a nested section: one line per knob
                for knob, knob_value in value.model_dump().items():
                    shown[f"ASSISTANT_{name.upper()}__{knob.upper()}"] = knob_value
                continue
            if isinstance(value, SecretStr):
                value = "****" if value.get_secret_value() else ""
            elif name == "auth" and value:
                value = "****"
            elif isinstance(value, Path):
                value = str(value)
            elif value is None:
                value = ""
            elif isinstance(value, BaseModel):
                for key, nested in value.model_dump().items():
                    shown[f"ASSISTANT_{name.upper()}__{key.upper()}"] = nested
                continue
            shown[f"ASSISTANT_{name.upper()}"] = value
        shown["config_file"] = str(config_file_path()) if config_file_path().exists() else ""
        return shown


def load_settings(**overrides: Any) -> Settings:
    """Read the settings afresh (environment and TOML file), with explicit overrides on top."""
    return Settings(**overrides)
