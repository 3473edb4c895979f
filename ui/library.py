"""The notices library in the UI: the table of ingested notices, uploads that ingest, removal.

Ingest is not safe to run twice at once, so uploads and removals take one lock; a second one
arriving while the first runs is told to wait instead of queueing silently.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from index.catalog import NoticeRow
from index.ingest import NoticeNotFound
from index.loaders import SUPPORTED_SUFFIXES
from index.writer_lock import LibraryBusy
from ui.upload_messages import chinese_failure_line

logger = logging.getLogger(__name__)

LIBRARY_HEADERS = ["单位", "标题", "巡察/巡视期间", "反馈日期", "发布日期", "片段数", "文件", "导入时间", "通报编号"]
UPLOAD_SUFFIXES = sorted(SUPPORTED_SUFFIXES)
BUSY_MESSAGE = "正在导入或删除其他通报,请等它完成后再试。"


def _value(field_value) -> str:
    return field_value.value if field_value is not None else ""


def uploaded_at(row: NoticeRow) -> str:
    """When a notice was ingested, for display."""
    return datetime.fromtimestamp(row.ingested_at).strftime("%Y-%m-%d %H:%M")


def library_rows(notices: Sequence[NoticeRow]) -> list[list]:
    """One table row per ingested notice: unit, title, dates, chunk count, file, id."""
    return [
        [
            row.unit or "(未识别)",
            row.title or row.file_name,
            _value(row.metadata.inspection_period),
            _value(row.metadata.feedback_date),
            _value(row.metadata.publish_date),
            row.chunk_count,
            row.file_name,
            uploaded_at(row),
            row.notice_id,
        ]
        for row in notices
    ]


def notice_choices(notices: Sequence[NoticeRow]) -> list[tuple[str, str]]:
    """(label, notice_id) pairs for picking a notice to remove."""
    return [
        (f"{row.unit or '(未识别)'} · {row.title or row.file_name} · {row.notice_id}", row.notice_id)
        for row in notices
    ]


@dataclass
class UploadOutcome:
    """What an upload did, in words for the user: a summary and one line per failed file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    busy: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.busy

    def markdown(self) -> str:
        """The outcome as short Markdown for the notices tab."""
        if self.busy:
            return BUSY_MESSAGE
        lines = [
            f"导入完成:新增 {len(self.added)} 份,更新 {len(self.updated)} 份,"
            f"未变 {len(self.unchanged)} 份,失败 {len(self.failed)} 份。"
        ]
        for label, names in (("新增", self.added), ("更新", self.updated), ("未变(已导入过)", self.unchanged)):
            if names:
                lines.append(f"- {label}:{'、'.join(names)}")
        for line in self.failed:
            lines.append(f"- **失败** {line}")
        return "\n".join(lines)


class UploadProgress:
    """Ingest progress (index.ingest.IngestProgress) reported to a callback as (fraction, words)."""

    def __init__(self, report: Callable[[float, str], None], display_name: Callable[[str], str]) -> None:
        self._report = report
        self._display_name = display_name
        self._total = 0
        self._done = 0
        self._chunks_total = 0
        self._chunks_done = 0
        self._current = ""

    def _fraction(self) -> float:
        if not self._total:
            return 0.0
        within = self._chunks_done / self._chunks_total if self._chunks_total else 0.0
        return min(1.0, (self._done + within) / self._total)

    def files_started(self, total: int) -> None:
        self._total = total
        self._report(0.0, f"准备导入 {total} 个文件")

    def file_finished(self, path: Path, outcome: str) -> None:
        self._done += 1
        self._chunks_total = self._chunks_done = 0
        self._report(self._fraction(), f"{self._display_name(str(path))}:{outcome}")

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        self._current = self._display_name(str(path))
        self._chunks_total, self._chunks_done = total_chunks, 0
        self._report(self._fraction(), f"正在向量化 {self._current}(共 {total_chunks} 个片段)")

    def chunks_embedded(self, count: int) -> None:
        self._chunks_done += count
        self._report(self._fraction(), f"正在向量化 {self._current}:{self._chunks_done}/{self._chunks_total}")


class NoticeLibrary:
    """Uploads and removals for one workspace, one at a time; uploads are kept under HOME/uploads."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.uploads_dir = workspace.uploads_dir
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """True while an upload or a removal runs."""
        return self._lock.locked()

    def notices(self) -> list[NoticeRow]:
        return self.workspace.catalog.notices()

    def ingest_uploads(
        self, uploaded: Sequence[str], report: Callable[[float, str], None] = lambda f, d: None
    ) -> UploadOutcome:
        """Keep uploaded files (Gradio temp paths) under HOME/uploads by content hash and ingest them."""
        if not self._lock.acquire(blocking=False):
            return UploadOutcome(busy=True)
        try:
            return self._ingest(list(uploaded), report)
        finally:
            self._lock.release()

    def _ingest(self, uploaded: list[str], report: Callable[[float, str], None]) -> UploadOutcome:
        outcome = UploadOutcome()
        accepted: list[tuple[str, str]] = []
        for temp_path in uploaded:
            name = Path(temp_path).name
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                outcome.failed.append(
                    f"{name}:不支持的文件类型,请上传 {' '.join(UPLOAD_SUFFIXES)} 文件"
                )
                continue
            accepted.append((temp_path, name))
        if not accepted:
            return outcome
        try:
            result = self.workspace.ingest_uploads(accepted, UploadProgress(report, lambda path: Path(path).name))
        except LibraryBusy:
            return UploadOutcome(busy=True)
        outcome.added += result.added
        outcome.updated += result.updated
        outcome.unchanged += result.unchanged
        outcome.failed += [self._failure_line(line) for line in result.failed]
        return outcome

    @staticmethod
    def _failure_line(line: str) -> str:
        """An upload's failure line ("name: reason") in Chinese, naming the uploaded file."""
        name, _, reason = line.partition(": ")
        return chinese_failure_line(name, reason or line)

    def remove(self, notice_id: str) -> str:
        """Remove one notice; returns a line for the user."""
        if not notice_id:
            return "请先选择要删除的通报。"
        if not self._lock.acquire(blocking=False):
            return BUSY_MESSAGE
        try:
            row = self.workspace.remove_notice(notice_id)
        except NoticeNotFound:
            return "这份通报已不在库中(可能已被删除),列表已刷新。"
        except LibraryBusy:
            return BUSY_MESSAGE
        finally:
            self._lock.release()
        return f"已删除:{row.unit or '(未识别)'} {row.title or row.file_name}({row.chunk_count} 个片段)。"

