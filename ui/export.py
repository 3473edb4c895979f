"""Export a conversation as Markdown, every answer's sources as footnotes (quote, unit, title), privately per session."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import uuid
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
    """Write the conversation's Markdown to a new, uniquely named file only its owner can read; returns its path.

    `folder` is made private (0700) if new. The name holds the time and a random part, so two exports
    in the same second never overwrite each other.
    """
    now = now or datetime.now()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"问答记录-{now:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:12]}.md"
    data = conversation_markdown(turns, now).encode("utf-8")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return path


class SessionExportFolders:
    """One private (0700) folder per browser session for its exports, under a private root; removed on leave."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._folders: dict[str, Path] = {}
        self._lock = threading.Lock()

    def folder_for(self, session: str | None) -> Path:
        """The session's own export folder, made on first use; a session without an id gets a fresh one."""
        with self._lock:
            if session and session in self._folders:
                return self._folders[session]
            folder = Path(tempfile.mkdtemp(prefix="session-", dir=self._root_folder()))  # mode 0700
            if session:
                self._folders[session] = folder
            return folder

    def forget(self, session: str | None) -> None:
        """Delete a session's folder and its exports (the page was closed)."""
        with self._lock:
            folder = self._folders.pop(session, None) if session else None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def _root_folder(self) -> Path:
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="inspection-assistant-exports-"))
        self._root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self._root
