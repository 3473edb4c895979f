"""How an extractive answer is put together: lines, numbered citations, comparison tables, "not found"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.evidence import Evidence
from assistant.table_row_text import table_row_text

NOT_FOUND = "通报中未找到相关内容"
RELATED = "相关但未直接回答"
NO_CONTENT_UNITS = "未找到相关内容的单位"  # the line of a which-units answer naming the units that do not qualify
COLON = "\uff1a"
_NOT_MENTIONED = "通报未提及"


def comparison_table(builder: AnswerBuilder, rows: list[tuple[str, list[str]]]) -> None:
    """A Markdown table, one column per unit in the given order, each cell a cited quote or 通报未提及."""
    builder.lines.append(f"对比如下(每格均引自通报原文){COLON}")
    builder.lines.append("")
    builder.lines.append("| 要点 | " + " | ".join(unit for unit, _ in rows) + " |")
    builder.lines.append("|---" * (len(rows) + 1) + "|")
    for row_index in range(max(1, max(len(pieces) for _, pieces in rows))):
        cells = [cell(pieces[row_index]) if row_index < len(pieces) else _NOT_MENTIONED for _, pieces in rows]
        builder.lines.append(f"| {row_index + 1} | " + " | ".join(cells) + " |")


class AnswerBuilder:
    """Collects answer lines and numbers citations in order of first use."""

    def __init__(self, question: str, standalone_question: str) -> None:
        self.question = question
        self.standalone_question = standalone_question
        self.lines: list[str] = []
        self.citations: list[Citation] = []
        self._is_not_found = False

    def cite(self, evidence: Evidence) -> str:
        for citation in self.citations:
            if citation.notice_id == evidence.notice_id and citation.start == evidence.start:
                return f"[{citation.n}]"
        meta = evidence.document.metadata
        n = len(self.citations) + 1
        self.citations.append(
            Citation(
                n=n,
                notice_id=evidence.notice_id,
                title=meta.get("title", ""),
                unit=evidence.unit,
                section_path=meta.get("section_path", ""),
                quote=evidence.text,
                start=evidence.start,
                end=evidence.end,
            )
        )
        return f"[{n}]"

    def not_found(self, nearest: Sequence[Evidence]) -> None:
        self._is_not_found = True
        self.lines = [f"{NOT_FOUND}。"]
        if nearest:
            self.lines.append(f"{RELATED}{COLON}")
            for item in nearest:
                self.lines.append(f"- {item.unit}{COLON}{one_line(item.text)}{self.cite(item)}")

    def finish(self) -> Answer:
        # A not-found answer is about no unit, whatever its related passages are from.
        units = [] if self._is_not_found else list(dict.fromkeys(c.unit for c in self.citations if c.unit))
        return Answer(
            question=self.question,
            standalone_question=self.standalone_question,
            text="\n".join(self.lines),
            citations=self.citations,
            answerer="extractive",
            not_found=self._is_not_found,
            units=units,
        )


def shown(item: Evidence, notice_text_of: Callable[[str], str | None]) -> str:
    """A quote on one line as an answer shows it (a table row as its fields, not pipes)."""
    return one_line(table_row_text(item.text, notice_text_of(item.notice_id), item.start))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")
