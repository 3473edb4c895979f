"""Thumbs up/down on answers, appended with the question, answer and sources to a JSON Lines file."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

from ui.conversation import ChatTurn


def feedback_entry(turn: ChatTurn, liked: bool, now: datetime | None = None) -> dict:
    """One feedback record: rating, question, answer text and its sources."""
    answer = turn.answer
    return {
        "time": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "rating": "up" if liked else "down",
        "question": turn.question,
        "units_filter": list(turn.units),
        "standalone_question": answer.standalone_question if answer else "",
        "answer": answer.text if answer else turn.message,
        "answerer": answer.answerer if answer else "",
        "notice": answer.notice if answer else "",
        "sources": [
            {
                "n": c.n,
                "notice_id": c.notice_id,
                "unit": c.unit,
                "title": c.title,
                "section_path": c.section_path,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
                "verified": c.verified,
            }
            for c in (answer.citations if answer else [])
        ],
    }


class FeedbackLog:
    """Appends feedback records to one JSON Lines file; safe to call from several sessions at once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def append(self, entry: dict) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as stream:
                stream.write(line)
