"""The notice record: a notice's headline figures, each with its verbatim quote, and the check that quotes are verbatim."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from index.documents import NoticeMetadata

FIELDS = (
    "problems_found", "problems_rectified", "problems_in_progress", "completion_rate",
    "money", "people", "rules", "clues", "measures",
)


@dataclass(frozen=True)
class Figure:
    """One stated figure: notice_text[start:end] == quote, and text (the number as written) is inside quote."""

    field: str  # one of FIELDS
    label: str  # what it is, as worded: "挽回经济损失", "清退", "立案", "修改完善制度", "问题线索移交" ...
    value: float  # yuan for money, a count for the rest, percent for rates
    unit: str  # "元" | "项" | "人" | "件" | "个" | "%" ...
    text: str  # the figure as written: "27.493万元", "二十三个"
    quote: str
    start: int
    end: int
    scope: str = ""  # a sub-unit the figure is about ("星海街道"); "" for the notice's own unit


@dataclass
class NoticeRecord:
    """A notice's metadata as passed in, plus the figures it states."""

    notice_id: str
    unit: str = ""
    figures: list[Figure] = field(default_factory=list)
    metadata: NoticeMetadata | None = None

    def by_field(self, field: str) -> list[Figure]:
        """The figures of one field, in reading order."""
        return [figure for figure in self.figures if figure.field == field]

    def to_dict(self) -> dict[str, Any]:
        return {
            "notice_id": self.notice_id,
            "unit": self.unit,
            "figures": [asdict(figure) for figure in self.figures],
            "metadata": None if self.metadata is None else self.metadata.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoticeRecord:
        metadata = data.get("metadata")
        return cls(
            notice_id=data["notice_id"],
            unit=data.get("unit", ""),
            figures=[Figure(**figure) for figure in data.get("figures", [])],
            metadata=None if metadata is None else NoticeMetadata.from_dict(metadata),
        )


def verify_record(record: NoticeRecord, text: str) -> list[str]:
    """Problems with a record against its notice text: quotes not verbatim at their span, figures outside them."""
    problems = []
    for index, figure in enumerate(record.figures):
        where = f"figure {index} ({figure.field} {figure.label} {figure.text})"
        if figure.field not in FIELDS:
            problems.append(f"{where}: unknown field {figure.field!r}")
        if text[figure.start : figure.end] != figure.quote:
            problems.append(f"{where}: quote is not the notice text at [{figure.start}:{figure.end}]")
        if figure.text not in figure.quote:
            problems.append(f"{where}: figure text {figure.text!r} is not inside its quote")
    return problems
