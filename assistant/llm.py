"""The chat model built from settings: any OpenAI-compatible /v1/chat/completions endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import SecretStr

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.settings import Settings

# Local servers (llama.cpp, vLLM, Ollama) accept any key, but the OpenAI client refuses an empty one.
PLACEHOLDER_API_KEY = "not-needed"


def make_chat_model(settings: Settings) -> BaseChatModel:
    """A streaming ChatOpenAI for the configured endpoint; sends no request until used."""
    if not settings.llm_enabled:
        raise ValueError(
            "No chat model configured: set ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL "
            "(or llm_base_url and llm_model in assistant.toml)."
        )
    from langchain_openai import ChatOpenAI  # imported here: the openai client is slow to import

    api_key = settings.llm_api_key.get_secret_value() or PLACEHOLDER_API_KEY
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        api_key=SecretStr(api_key),
        model=settings.llm_model,
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
        temperature=settings.llm_temperature,
        streaming=True,
        # OpenAI-compatible servers implement chat completions, not the Responses API that
        # langchain-openai would pick for some model names.
        use_responses_api=False,
    )
