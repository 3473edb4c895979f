"""Ingest: files -> text -> metadata, chunks, record -> vectors in Chroma, rows in the catalogue."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from langchain_core.embeddings import Embeddings

from index.catalog import Catalog, NoticeRow, PendingWorkLost
from index.chunker import split_notice_into_chunks
from index.documents import notice_id_for
from index.limits import LoadLimits
from index.loaders import SUPPORTED_SUFFIXES, LoadError, iter_notice_files, load_document
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record
from index.store import ChunkStore
from index.writer_lock import WriterLock

logger = logging.getLogger(__name__)


class IngestProgress(Protocol):
    """Callbacks for showing ingest progress (a CLI bar, a UI progress)."""

    def files_started(self, total: int) -> None: ...
    def file_finished(self, path: Path, outcome: str) -> None: ...
    def embedding_started(self, path: Path, total_chunks: int) -> None: ...
    def chunks_embedded(self, count: int) -> None: ...


class SilentProgress:
    """Progress that shows nothing."""

    def files_started(self, total: int) -> None:
        pass

    def file_finished(self, path: Path, outcome: str) -> None:
        pass

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        pass

    def chunks_embedded(self, count: int) -> None:
        pass


@dataclass
class IngestReport:
    """What an ingest run did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one user-facing line per failed file
    skipped: list[str] = field(default_factory=list)  # one line per path that could not be followed
    chunks: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"notices added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, failed {len(self.failed)}"
            + (f", skipped {len(self.skipped)}" if self.skipped else "")
            + "; "
            f"chunks {self.chunks}; {self.seconds:.1f} s"
        )


class NoticeNotFound(LookupError):
    """No ingested notice matches the reference the user gave."""


class Ingestor:
    """Adds, replaces and removes notices, keeping the catalogue and the vector store consistent."""

    def __init__(
        self,
        catalog: Catalog,
        store: ChunkStore,
        embeddings: Embeddings,
        *,
        chunk_tokens: int = 350,
        overlap_sentences: int = 1,
        max_file_bytes: int = 20 * 1024 * 1024,
        limits: LoadLimits | None = None,
        on_change: Callable[[], None] | None = None,
        writer: WriterLock | None = None,
    ) -> None:
        self.catalog = catalog
        self.store = store
        self.embeddings = embeddings
        self.chunk_tokens = chunk_tokens
        self.overlap_sentences = overlap_sentences
        self.max_file_bytes = max_file_bytes
        self.limits = limits or LoadLimits()
        self._on_change = on_change or (lambda: None)
        self.writer = writer

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the library's writer lock (waiting for another writer) around a block of changes."""
        with self.writer.held() if self.writer is not None else nullcontext():
            yield

    def finish_interrupted_work(self) -> int:
        """Remove what a crashed or killed writer left half-done; returns how many notices it cleaned.

        Only work whose owner process is gone is touched. When another writer holds the lock right
        now, nothing is done: that writer (or the next) cleans up.
        """
        if self.writer is not None and not self.writer.try_hold():
            return 0
        try:
            # Under the lock no other thread of this process is mid-write, so our own leftovers are stale too.
            unfinished = self.catalog.unfinished_notice_ids(include_own=self.writer is not None)
            for notice_id in unfinished:
                self.store.delete_notice(notice_id)
                self.catalog.forget_notice(notice_id)
        finally:
            if self.writer is not None:
                self.writer.release()
        if unfinished:
            logger.info("cleaned %d notice(s) left unfinished by a writer that stopped", len(unfinished))
        return len(unfinished)

    def ingest_paths(
        self, paths: Iterable[str | Path], progress: IngestProgress | None = None
    ) -> IngestReport:
        """Ingest files and folders (recursively); bad files are reported and skipped."""
        progress = progress or SilentProgress()
        report = IngestReport()
        began = time.perf_counter()
        files = self._collect_files(paths, report)
        with self.writing():
            self.finish_interrupted_work()
            progress.files_started(len(files))
            try:
                for path in files:
                    outcome = self._ingest_file(path, report, progress)
                    progress.file_finished(path, outcome)
            finally:
                report.seconds = time.perf_counter() - began
                if report.added or report.updated:
                    self._on_change()
        return report

    @staticmethod
    def _collect_files(paths: Iterable[str | Path], report: IngestReport) -> list[Path]:
        """The notice files under paths; a folder with none is a failure line, unfollowable paths skip lines."""
        files: list[Path] = []
        for path in paths:
            try:
                found = list(iter_notice_files([path], report.skipped.append))
            except LoadError as error:
                report.failed.append(str(error))
                continue
            if not found and Path(path).is_dir():
                report.failed.append(
                    f"{path}: no notice files to ingest in this folder (looked for "
                    f"{' '.join(sorted(SUPPORTED_SUFFIXES))}; hidden files are left out); check the path"
                )
            files.extend(found)
        return files

    def _ingest_file(self, path: Path, report: IngestReport, progress: IngestProgress) -> str:
        try:
            document = load_document(path, max_bytes=self.max_file_bytes, limits=self.limits)
        except LoadError as error:
            report.failed.append(str(error))
            return "failed"
        notice_id = notice_id_for(document.text)
        if self.catalog.status_of(notice_id) == "ready":
            report.unchanged.append(str(path))
            return "unchanged"
        try:
            replaced = self._add_notice(notice_id, str(path.resolve()), document, progress)
        except Exception as error:  # a broken file must not stop the batch
            logger.debug("ingest of %s failed", path, exc_info=True)
            self.store.delete_notice(notice_id)
            self.catalog.forget_notice(notice_id)
            if isinstance(error, PendingWorkLost):  # not the file's fault
                report.failed.append(f"{path}: {error}")
            else:
                report.failed.append(f"{path}: could not be ingested ({error}); check the file and retry")
            return "failed"
        report.chunks += self.catalog.notice(notice_id).chunk_count  # one indexed lookup
        if replaced:
            report.updated.append(str(path))
            return "updated"
        report.added.append(str(path))
        return "added"

    def _add_notice(self, notice_id: str, source_path: str, document, progress: IngestProgress) -> list[str]:
        text = document.text
        metadata = extract_notice_metadata(text, Path(source_path).name)
        chunks = split_notice_into_chunks(
            notice_id,
            text,
            unit=metadata.unit,
            max_tokens=self.chunk_tokens,
            overlap_sentences=self.overlap_sentences,
        )
        record = extract_notice_record(notice_id, text, metadata.unit)
        self.catalog.begin_notice(
            notice_id,
            source_path=source_path,
            file_format=document.file_format,
            encoding=document.encoding,
            text=text,
            metadata=metadata,
            chunks=chunks,
        )
        progress.embedding_started(Path(source_path), len(chunks))
        vectors = embed_with_progress(
            self.embeddings, [c.embedding_text() for c in chunks], progress.chunks_embedded
        )
        self.store.add_chunks(chunks, vectors, title=metadata.title)
        replaced = self.catalog.commit_notice(notice_id, record=record.to_dict())
        for old_id in replaced:
            self._drop_notice(old_id)
        return replaced

    def _drop_notice(self, notice_id: str) -> None:
        self.store.delete_notice(notice_id)
        self.catalog.forget_notice(notice_id)

    def find_notice(self, reference: str) -> NoticeRow:
        """A ready notice by id (or unique id prefix), file name, or exact unit name."""
        rows = self.catalog.notices()
        for matches in (
            [r for r in rows if r.notice_id == reference],
            [r for r in rows if r.file_name == reference or r.source_path == reference],
            [r for r in rows if r.notice_id.startswith(reference)] if len(reference) >= 4 else [],
            [r for r in rows if r.unit == reference],
        ):
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise NoticeNotFound(
                    f"'{reference}' matches {len(matches)} notices; use the notice id from `assistant notices`"
                )
        raise NoticeNotFound(f"no ingested notice matches '{reference}'; see `assistant notices`")

    def remove(self, reference: str) -> NoticeRow:
        """Remove one notice from the catalogue, the vector store and the lexical index."""
        with self.writing():
            row = self.find_notice(reference)
            self.catalog.mark_removing(row.notice_id)
            self._drop_notice(row.notice_id)
            self._on_change()
        return row


def embed_with_progress(
    embeddings: Embeddings, texts: list[str], on_embedded: Callable[[int], None]
) -> list[list[float]]:
    """Embed texts, reporting progress when the embedder supports it."""
    if hasattr(embeddings, "embed_documents_with_progress"):
        return embeddings.embed_documents_with_progress(texts, on_embedded)
    vectors = embeddings.embed_documents(texts)
    on_embedded(len(texts))
    return vectors
