"""What a notice's stored text yields with the current code: metadata, chunks (with section units), record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from index.chunker import split_notice_into_chunks
from index.documents import Chunk, NoticeMetadata
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record
from index.section_units import with_section_units


@dataclass(frozen=True)
class DerivedNotice:
    """Everything ingest derives from one notice's text (the catalogue stores it; chunks are embedded)."""

    metadata: NoticeMetadata
    chunks: list[Chunk]
    record: dict[str, Any]


def derive_notice(
    notice_id: str, text: str, file_name: str, *, chunk_tokens: int, overlap_sentences: int
) -> DerivedNotice:
    """Metadata, chunks and record of a notice's text, as the current extraction reads it."""
    metadata = extract_notice_metadata(text, file_name)
    chunks = split_notice_into_chunks(
        notice_id, text, unit=metadata.unit, max_tokens=chunk_tokens, overlap_sentences=overlap_sentences
    )
    chunks = with_section_units(chunks, text, metadata.unit)  # a centre's section is the centre's
    record = extract_notice_record(notice_id, text, metadata.unit)
    return DerivedNotice(metadata, chunks, record.to_dict())
