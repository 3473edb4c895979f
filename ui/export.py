"""Export a conversation as Markdown, every answer's sources as footnotes (quote, unit, title)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from assistant.answer import Answer, Citation
from ui.conversation import ChatTurn

_MARKER = re.compile(r"\[(\d{1,3})\]")


def _footnote_label(turn_number: int, n: int) -> str:
    return f"{turn_number}-{n}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _footnote(citation: Citation, label: str) -> str:
    title = f"《{_one_line(citation.title)}》" if citation.title else ""
    section = f" {_one_line(citation.section_path)}" if citation.section_path else ""
    source = f"{_one_line(citation.unit) or '(单位未识别)'}{title}{section}"
    if not citation.verified:
        return f"[^{label}]: {source}(引文未能核实)"
    return f"[^{label}]: 「{_one_line(citation.quote)}」——{source}"


def _answer_with_footnotes(answer: Answer, turn_number: int) -> tuple[str, list[str]]:
    by_number = {citation.n: citation for citation in answer.citations}

    def replace(match: re.Match) -> str:
        n = int(match.group(1))
        return f"[^{_footnote_label(turn_number, n)}]" if n in by_number else match.group(0)

    text = _MARKER.sub(replace, answer.text.strip())
    notes = [_footnote(c, _footnote_label(turn_number, c.n)) for c in answer.citations]
    return text, notes


def conversation_markdown(turns: list[ChatTurn], exported_at: datetime) -> str:
    """The whole conversation as Markdown: each question, its answer, then all sources as footnotes."""
    lines = ["# 巡察整改通报问答记录", "", f"导出时间:{exported_at:%Y-%m-%d %H:%M}", ""]
    footnotes: list[str] = []
    for number, turn in enumerate(turns, start=1):
        lines += [f"## 问题 {number}:{_one_line(turn.question)}", ""]
        if turn.answer is None:
            lines += [f"({turn.message or '没有回答'})", ""]
            continue
        if turn.units:
            lines += [f"限定单位:{'、'.join(turn.units)}", ""]
        if turn.answer.notice:
            lines += [f"> {turn.answer.notice}", ""]
        text, notes = _answer_with_footnotes(turn.answer, number)
        lines += [text, ""]
        footnotes += notes
    if footnotes:
        lines += ["---", ""] + [note for footnote in footnotes for note in (footnote, "")]
    return "\n".join(lines).rstrip() + "\n"


def write_conversation(turns: list[ChatTurn], folder: Path, now: datetime | None = None) -> Path:
    """Write the conversation's Markdown to a new file in `folder`; returns its path."""
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"问答记录-{now:%Y%m%d-%H%M%S}.md"
    path.write_text(conversation_markdown(turns, now), encoding="utf-8")
    return path
