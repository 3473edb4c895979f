"""Prompt templates (Chinese) shipped as package data, and the formatting of what goes into them."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from langchain_core.documents import Document
from langchain_core.prompts import ChatPromptTemplate

PROMPT_NAMES = ("answer", "condense")
# "<passage", "</passage", "< / PASSAGE" ...: anything a notice could use to open or close a fence.
_FENCE_LIKE = re.compile(r"<(\s*/?\s*passages?\b)", re.IGNORECASE)
_ROLE_LABELS = {"user": "用户", "assistant": "助手"}
FULL_WIDTH_LESS_THAN = "\uff1c"
FULL_WIDTH_COLON = "\uff1a"


@lru_cache(maxsize=None)
def load_prompt(name: str) -> ChatPromptTemplate:
    """The chat prompt called name ("answer", "condense"): its system and user template files."""
    if name not in PROMPT_NAMES:
        raise ValueError(f"Unknown prompt {name!r}; pass one of {', '.join(PROMPT_NAMES)}.")
    system_text = _read_prompt_file(f"{name}_system.txt")
    user_text = _read_prompt_file(f"{name}_user.txt")
    return ChatPromptTemplate.from_messages([("system", system_text), ("human", user_text)])


def format_passages(docs: list[Document]) -> str:
    """Retrieved chunks as numbered <passage> blocks; text inside cannot open or close a fence."""
    blocks = []
    for number, doc in enumerate(docs, start=1):
        metadata = doc.metadata
        attributes = " ".join(
            f'{name}="{_attribute_value(metadata.get(key, ""))}"'
            for name, key in (("unit", "unit"), ("title", "title"), ("section", "section_path"))
        )
        body = neutralise_fences(doc.page_content.strip("\n"))
        blocks.append(f'<passage n="{number}" {attributes}>\n{body}\n</passage>')
    return "\n\n".join(blocks)


def format_history(history: list[dict], max_messages: int = 6, max_chars: int = 300) -> str:
    """The last turns of a conversation as "用户:…" / "助手:…" lines, long turns shortened."""
    lines = []
    for message in history[-max_messages:]:
        label = _ROLE_LABELS.get(message.get("role", ""), "用户")
        content = " ".join(str(message.get("content", "")).split())
        if len(content) > max_chars:
            content = content[:max_chars] + "…"
        lines.append(f"{label}{FULL_WIDTH_COLON}{content}")
    return "\n".join(lines)


def neutralise_fences(text: str) -> str:
    """Replace the "<" of passage-tag look-alikes with a full-width "<" so they stay plain text."""
    return _FENCE_LIKE.sub(FULL_WIDTH_LESS_THAN + r"\1", text)


def _attribute_value(value: object) -> str:
    """A metadata value safe inside a double-quoted attribute on one line (">" is harmless there)."""
    text = " ".join(str(value).split())
    return text.replace('"', "”").replace("<", FULL_WIDTH_LESS_THAN)


def _read_prompt_file(file_name: str) -> str:
    """A prompt file's text from the installed package, trailing newline removed."""
    return resources.files(__name__).joinpath(file_name).read_text(encoding="utf-8").rstrip("\n")
