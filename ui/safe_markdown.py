"""Untrusted text (notice quotes, LLM output, error details) in Markdown: shown as typed, never a link or image."""

from __future__ import annotations

import re

# Markdown that would turn shown text into a link or an image: brackets ([x](url), ![i](url), [ref]: url)
# and the starts GFM autolinks anywhere, even right after Chinese text (http:, https:, ftp:, www., a@b).
# Escaped with a backslash they render exactly as typed.
_LINK_BRACKETS = re.compile(r"[\\\[\]]")
_AUTOLINK_STARTS = re.compile(r"(?i)(https?|ftp)(:)|(www)(\.)|(?<=\w)()(@)(?=\w)")


def neutralise_markdown(text: str) -> str:
    """Text (notice quotes, LLM output) shown as typed: no HTML, no links, no images, no autolinks.

    Emphasis, lists and tables still render; only what could fetch or point somewhere is defused.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _LINK_BRACKETS.sub(lambda match: "\\" + match.group(0), text)
    return _AUTOLINK_STARTS.sub(_escape_autolink, text)


def _escape_autolink(match: re.Match) -> str:
    word, punctuation = [part for part in match.groups() if part is not None]
    return f"{word}\\{punctuation}"
