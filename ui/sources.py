"""The sources panel: each citation with its unit, title and section, the quote highlighted in its paragraph."""

from __future__ import annotations

import html
from collections.abc import Callable

from assistant.answer import Answer, Citation
from ui.chat_view import source_anchor_id

CONTEXT_CHARS = 150  # shown on each side of a quote, at most, within its paragraph


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the paragraph(s) holding text[start:end]."""
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return before + 1, len(text) if after == -1 else after


def quote_in_context_html(text: str, start: int, end: int, radius: int = CONTEXT_CHARS) -> str:
    """The quote marked inside up to `radius` characters of its paragraph on each side, escaped."""
    paragraph_start, paragraph_end = _paragraph_bounds(text, start, end)
    left = max(paragraph_start, start - radius)
    right = min(paragraph_end, end + radius)
    lead = "…" if left > paragraph_start else ""
    tail = "…" if right < paragraph_end else ""
    return (
        f"{lead}{html.escape(text[left:start])}"
        f"<mark>{html.escape(text[start:end])}</mark>"
        f"{html.escape(text[end:right])}{tail}"
    )


def full_notice_html(text: str, start: int, end: int) -> str:
    """The whole notice, escaped, with the quote marked so the view can scroll to it."""
    return (
        f"{html.escape(text[:start])}<mark class=\"here\">{html.escape(text[start:end])}</mark>"
        f"{html.escape(text[end:])}"
    )


def _citation_html(citation: Citation, turn_index: int, notice_text: str | None) -> str:
    unit = html.escape(citation.unit or "(单位未识别)")
    title = f"《{html.escape(citation.title)}》" if citation.title else ""
    section = html.escape(citation.section_path) if citation.section_path else "(通报开头)"
    head = (
        f'<div class="src-head"><span class="src-n">[{citation.n}]</span> '
        f'<span class="src-unit">{unit}</span> <span class="src-title">{title}</span></div>'
        f'<div class="src-path">{section}</div>'
    )
    usable = (
        citation.verified
        and notice_text is not None
        and 0 <= citation.start < citation.end <= len(notice_text)
        and notice_text[citation.start : citation.end] == citation.quote
    )
    if not usable:
        body = '<div class="src-unverified">这条引文未能在原文中核实,不显示引文。</div>'
    else:
        context = quote_in_context_html(notice_text, citation.start, citation.end)
        full = full_notice_html(notice_text, citation.start, citation.end)
        body = (
            f'<blockquote class="src-context">{context}</blockquote>'
            f'<details class="src-full"><summary>在原文中查看</summary>'
            f'<div class="notice-full">{full}</div></details>'
        )
    anchor = source_anchor_id(turn_index, citation.n)
    return f'<div class="src" id="{anchor}">{head}{body}</div>'


def sources_panel_html(
    answer: Answer | None, turn_index: int, notice_text_of: Callable[[str], str | None]
) -> str:
    """The panel for one answer: a heading and every citation, or a line saying there are none."""
    if answer is None:
        return placeholder_html("提问后,这里显示回答引用的原文。")
    if not answer.citations:
        return placeholder_html("这条回答没有引用原文。")
    texts: dict[str, str | None] = {}
    blocks = []
    for citation in answer.citations:
        if citation.notice_id not in texts:
            texts[citation.notice_id] = notice_text_of(citation.notice_id)
        blocks.append(_citation_html(citation, turn_index, texts[citation.notice_id]))
    question = html.escape(answer.question)
    heading = f'<div class="src-question">问题:{question}</div>'
    return f'<div class="sources" data-turn="{turn_index}">{heading}{"".join(blocks)}</div>'


def placeholder_html(message: str) -> str:
    """The panel with one explanatory line instead of sources."""
    return f'<div class="sources empty">{html.escape(message)}</div>'
