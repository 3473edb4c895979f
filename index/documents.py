"""The shapes that flow through ingest: a loaded document, its metadata, its chunks."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class LoadedDocument:
    """A file's text as stored and quoted: decoded, line endings normalised, nothing else changed."""

    path: str
    text: str
    file_format: str  # "txt" | "html" | "pdf" | "docx"
    encoding: str  # e.g. "utf-8", "utf-8-sig", "gb18030", "utf-16"; "" for pdf/docx


@dataclass(frozen=True)
class SourcedValue:
    """A metadata value with where it was read: text[start:end] is the verbatim quote."""

    value: str
    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class NoticeMetadata:
    """What a notice says about itself; a field the notice does not state stays None."""

    title: str = ""
    unit: str = ""  # full name, e.g. 武汉盘龙城经济开发区
    aliases: list[str] = field(default_factory=list)  # short names as they appear in the text
    # Names of units reported in sections of their own (a subordinate centre, a round's units), fullest first.
    sub_units: list[str] = field(default_factory=list)
    round_units: bool = False  # signed by a round's office: its sections' units are the notice's content
    inspecting_body: SourcedValue | None = None  # 区委第三巡察组, 省委第四巡视组 ...
    inspection_kind: str = ""  # 巡察 | 巡视
    inspection_period: SourcedValue | None = None
    feedback_date: SourcedValue | None = None
    publish_date: SourcedValue | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoticeMetadata:
        values = dict(data)
        for name in ("inspecting_body", "inspection_period", "feedback_date", "publish_date"):
            if values.get(name) is not None:
                values[name] = SourcedValue(**values[name])
        return cls(**values)


@dataclass(frozen=True)
class Chunk:
    """A verbatim span of a notice: notice_text[start:end] == text, always."""

    notice_id: str
    ordinal: int
    text: str
    start: int
    end: int
    section_path: str  # "二、... > (一)... > 问题一"; "" before the first heading
    unit: str = ""

    @property
    def chunk_id(self) -> str:
        return f"{self.notice_id}:{self.ordinal:05d}"

    def embedding_text(self) -> str:
        """Text sent to the embedder: a short header for context, then the verbatim chunk."""
        header = " ".join(part for part in (self.unit, self.section_path) if part)
        return f"{header}\n{self.text}" if header else self.text


def notice_id_for(text: str) -> str:
    """Content hash that identifies a notice: same text, same id, whatever the file's encoding."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
