"""The answer shown to the user: Chinese text with [n] markers and the citations behind them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

FULL_WIDTH_COLON = "\uff1a"
_CITATION_MARKER = re.compile(r"\[(\d+)\]")
_MARKDOWN_SPECIALS = str.maketrans({"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "<": "&lt;"})


@dataclass
class Citation:
    """One numbered source: a quote from a notice; notice_text[start:end] == quote once verified."""

    n: int
    notice_id: str
    title: str
    unit: str
    section_path: str
    quote: str
    start: int
    end: int
    verified: bool = False

    def source_label(self) -> str:
        """Where the quote comes from: unit《title》section_path."""
        # A notice without a title line is known by its file name, which is not a title.
        is_file_name = self.title.lower().endswith((".txt", ".md", ".html", ".htm", ".pdf", ".docx"))
        title = f"({self.title})" if is_file_name else f"《{self.title}》" if self.title else ""
        section = f" {self.section_path}" if self.section_path else ""
        return f"{self.unit}{title}{section}".strip()


@dataclass
class Answer:
    """An answer to one question, with the citations its [n] markers point to."""

    question: str  # as asked
    standalone_question: str  # after follow-up resolution
    text: str  # Chinese, with [n] markers
    citations: list[Citation]
    answerer: str  # "extractive" or "llm:<model>"
    notice: str = ""  # one visible line, e.g. why the LLM was not used
    not_found: bool = False
    units: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        values = dict(data)
        values["citations"] = [Citation(**citation) for citation in values.get("citations", [])]
        values["units"] = list(values.get("units", []))
        return cls(**values)

    def render_markdown(self) -> str:
        """The answer as Markdown: notice line, text, then a 来源 list; only verified quotes shown."""
        parts: list[str] = []
        if self.notice:
            parts.append(f"> {_escape(self.notice)}")
        if self.standalone_question and self.standalone_question != self.question:
            # A follow-up was read in the light of the conversation: show how, so a wrong reading shows.
            parts.append(f"> 按“{_escape(self.standalone_question)}”理解")
        # One line per unit must stay one line: a single newline becomes a Markdown hard break.
        parts.append(with_hard_breaks(self.text.strip()))
        if self.citations:
            lines = [f"来源{FULL_WIDTH_COLON}"]
            for citation in self.citations:
                lines.append(f"- {_render_source_line(citation)}")
            parts.append("\n".join(lines))
        return "\n\n".join(parts)


def shifted_citations(answer: Answer, shift: int) -> tuple[str, list[Citation]]:
    """The answer's text and citations numbered on after `shift` earlier citations ([1] becomes [shift+1]), for
    answers joined one after another."""
    text = _CITATION_MARKER.sub(lambda m: f"[{int(m.group(1)) + shift}]", answer.text)
    return text, [replace(c, n=c.n + shift) for c in answer.citations]


def with_hard_breaks(text: str) -> str:
    """Single newlines become Markdown hard breaks, except around table rows (they need plain ones)."""
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        is_row = line.lstrip().startswith("|")
        if line.strip() and following.strip() and not is_row and not following.lstrip().startswith("|"):
            line += "  "
        out.append(line)
    return "\n".join(out)


def _render_source_line(citation: Citation) -> str:
    """One line of the 来源 list; an unverified citation shows its source but never its quote."""
    label = _escape(citation.source_label())
    if not citation.verified:
        return f"[{citation.n}] {label}"
    # Newlines inside a quote would break the Markdown list; they are layout, not wording.
    quote = " ".join(citation.quote.split())
    return f"[{citation.n}] {label}{FULL_WIDTH_COLON}「{_escape(quote)}」"


def _escape(text: str) -> str:
    """Neutralise the few characters Markdown or HTML would interpret inside notice text."""
    return text.translate(_MARKDOWN_SPECIALS)
