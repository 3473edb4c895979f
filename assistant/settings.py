"""Effective settings: ASSISTANT_* environment variables over an optional TOML file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

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

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

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
    embed_threads: int = 0  # ONNX Runtime threads of the int8 encoder; 0 = one per CPU core
    # Chunks gathered across notices before one embedding pass and one Chroma upsert: larger batches
    # sort better by length; 256 keeps a batch's vectors and texts a few MB.
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
    auth: str = ""
    ui_concurrency: int = 4
    ui_max_upload_mb: float = 20.0

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
            if isinstance(value, SecretStr):
                value = "****" if value.get_secret_value() else ""
            elif name == "auth" and value:
                value = "****"
            elif isinstance(value, Path):
                value = str(value)
            elif value is None:
                value = ""
            shown[f"ASSISTANT_{name.upper()}"] = value
        shown["config_file"] = str(config_file_path()) if config_file_path().exists() else ""
        return shown


def load_settings(**overrides: Any) -> Settings:
    """Read the settings afresh (environment and TOML file), with explicit overrides on top."""
    return Settings(**overrides)
