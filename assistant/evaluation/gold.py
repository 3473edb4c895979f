"""The gold question set (dev.jsonl format): questions, their verbatim source quotes located in the notices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.loaders import iter_notice_files, load_document

# A gold quote counts as found when one retrieved or cited span covers at least this share of its characters.
QUOTE_COVERAGE = 0.8


@dataclass(frozen=True)
class GoldQuote:
    doc: str  # file name of the notice
    start: int
    end: int


@dataclass
class GoldItem:
    id: str
    kind: str
    question: str
    history: list[dict]
    quotes: list[GoldQuote]
    must_mention: list[str]
    raw: dict[str, Any]

    @property
    def gold_docs(self) -> set[str]:
        return {q.doc for q in self.quotes}


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk as the metrics see it: which file and which characters."""

    doc: str
    start: int
    end: int


def load_gold_set(set_path: Path, corpus_dir: Path) -> list[GoldItem]:
    """Gold items with each quote located in its notice (as the loader reads it)."""
    texts = {p.name: load_document(p).text for p in iter_notice_files([corpus_dir])}
    items = []
    for line_number, line in enumerate(Path(set_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        quotes = []
        for source in raw.get("sources", []):
            text = texts.get(source["doc"])
            if text is None:
                raise ValueError(f"{set_path}:{line_number}: source doc {source['doc']} is not in {corpus_dir}")
            start = text.find(source["quote"]) if source["quote"].strip() else -1
            if start < 0:
                raise ValueError(
                    f"{set_path}:{line_number}: quote not found verbatim (or empty) in {source['doc']}; fix the gold item"
                )
            quotes.append(GoldQuote(source["doc"], start, start + len(source["quote"])))
        items.append(
            GoldItem(
                id=raw["id"],
                kind=raw["kind"],
                question=raw["question"],
                history=raw.get("history", []),
                quotes=quotes,
                must_mention=raw.get("must_mention", []),
                raw=raw,
            )
        )
    return items


def quote_covered(quote: GoldQuote, hit: Hit) -> bool:
    if hit.doc != quote.doc:
        return False
    overlap = min(quote.end, hit.end) - max(quote.start, hit.start)
    return overlap >= QUOTE_COVERAGE * (quote.end - quote.start)
