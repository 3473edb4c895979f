"""Ingest: files -> text -> metadata, chunks, record -> vectors in Chroma, rows in the catalogue."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from index.background_embedding import BackgroundEmbedder
from index.catalog import Catalog, NoticeRow, PendingWorkLost
from index.derivation import derive_notice
from index.documents import Chunk, notice_id_for
from index.extraction_version import FINGERPRINT_KEY, extraction_fingerprint
from index.ingest_report import IngestProgress, IngestReport, SilentProgress
from index.limits import LoadLimits
from index.loaders import LoadError, collect_notice_files, load_document
from index.notice_lookup import NoticeNotFound, find_notice
from index.passage_vectors import embed_chunks
from index.refresh_apply import finish_staged_refreshes
from index.store import ChunkStore
from index.writer_lock import WriterLock

__all__ = ["IngestProgress", "IngestReport", "Ingestor", "NoticeNotFound", "SilentProgress"]

logger = logging.getLogger(__name__)


@dataclass
class _PreparedNotice:
    """A notice recorded as pending in the catalogue, waiting for its vectors."""

    notice_id: str
    path: Path
    chunks: list[Chunk]
    title: str
    record: dict[str, Any]
    words: list[str]  # the unit's name and aliases, which the lexical index keeps as words


# Called with (unit words, chunks) of notices being embedded: other indexes may prepare them meanwhile.
ReadAhead = Callable[[list[tuple[list[str], list[Chunk]]]], None]


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
        batch_chunks: int = 256,
        on_change: Callable[[], None] | None = None,
        writer: WriterLock | None = None,
        read_ahead: ReadAhead | None = None,
    ) -> None:
        self.catalog = catalog
        self.store = store
        self.embeddings = embeddings
        self.chunk_tokens = chunk_tokens
        self.overlap_sentences = overlap_sentences
        self.max_file_bytes = max_file_bytes
        self.limits = limits or LoadLimits()
        self.batch_chunks = max(1, batch_chunks)
        self._on_change = on_change or (lambda: None)
        self._read_ahead = read_ahead
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
            finish_staged_refreshes(self.catalog, self.store, include_own=self.writer is not None)
        finally:
            if self.writer is not None:
                self.writer.release()
        if unfinished:
            logger.info("cleaned %d notice(s) left unfinished by a writer that stopped", len(unfinished))
        return len(unfinished)

    def ingest_paths(
        self, paths: Iterable[str | Path], progress: IngestProgress | None = None
    ) -> IngestReport:
        """Ingest files and folders (recursively); bad files are reported and skipped.

        Notices are prepared one by one while earlier ones are embedded on a background thread: the
        embedder gets the notices waiting as soon as it is idle, else once they hold batch_chunks chunks,
        so Chroma takes one upsert per batch. Finished batches are stored while later ones embed.
        """
        progress = progress or SilentProgress()
        report = IngestReport()
        began = time.perf_counter()
        files = collect_notice_files(paths, report)
        with self.writing():
            self.finish_interrupted_work()
            empty_library = self.catalog.counts()[0] == 0  # then all it will hold is read by this code
            progress.files_started(len(files))
            pending: list[_PreparedNotice] = []
            in_flight: set[str] = set()  # notices prepared and not yet stored: a second copy is unchanged
            try:
                with BackgroundEmbedder[list[_PreparedNotice]](self.embeddings) as embedder:
                    for path in files:
                        prepared = self._prepare_file(path, report, in_flight)
                        if isinstance(prepared, str):
                            progress.file_finished(path, prepared)
                            continue
                        pending.append(prepared)
                        in_flight.add(prepared.notice_id)
                        if embedder.idle or sum(len(notice.chunks) for notice in pending) >= self.batch_chunks:
                            self._submit(embedder, pending, progress)
                            pending = []
                        self._store_finished(embedder, in_flight, report, progress, wait=False)
                    self._submit(embedder, pending, progress)
                    self._store_finished(embedder, in_flight, report, progress, wait=True)
            finally:
                report.seconds = time.perf_counter() - began
                if empty_library and report.added:
                    self.catalog.set_meta(FINGERPRINT_KEY, extraction_fingerprint(self.chunk_tokens, self.overlap_sentences))
                if report.added or report.updated:
                    self._on_change()
        return report

    def _prepare_file(self, path: Path, report: IngestReport, pending_ids: set[str]) -> _PreparedNotice | str:
        """Load, chunk and record a file as a pending notice; or its outcome when there is nothing to embed."""
        try:
            document = load_document(path, max_bytes=self.max_file_bytes, limits=self.limits)
        except LoadError as error:
            report.failed.append(str(error))
            return "failed"
        notice_id = notice_id_for(document.text)
        if notice_id in pending_ids or self.catalog.status_of(notice_id) == "ready":
            report.unchanged.append(str(path))
            return "unchanged"
        try:
            return self._begin_notice(notice_id, path, document)
        except Exception as error:  # a broken file must not stop the batch
            self._fail(notice_id, path, error, report)
            return "failed"

    def _begin_notice(self, notice_id: str, path: Path, document) -> _PreparedNotice:
        text = document.text
        derived = derive_notice(
            notice_id, text, path.name, chunk_tokens=self.chunk_tokens, overlap_sentences=self.overlap_sentences
        )
        metadata, chunks = derived.metadata, derived.chunks
        self.catalog.begin_notice(
            notice_id,
            source_path=str(path.resolve()),
            file_format=document.file_format,
            encoding=document.encoding,
            text=text,
            metadata=metadata,
            chunks=chunks,
        )
        words = [metadata.unit, *metadata.aliases]
        return _PreparedNotice(notice_id, path, chunks, metadata.title, derived.record, words)

    def _submit(
        self, embedder: BackgroundEmbedder[list[_PreparedNotice]], batch: list[_PreparedNotice], progress: IngestProgress
    ) -> None:
        """Hand the chunks of pending notices to the background embedder as one batch, then read them ahead."""
        if not batch:
            return
        chunks = [chunk for notice in batch for chunk in notice.chunks]
        progress.embedding_started(batch[0].path, len(chunks))
        embedder.submit(batch, chunks)
        if self._read_ahead is not None:
            try:
                self._read_ahead([(notice.words, notice.chunks) for notice in batch])
            except Exception:  # only a head start: the update after the commit reads them anyway
                logger.debug("reading %d notice(s) ahead failed", len(batch), exc_info=True)

    def _store_finished(
        self,
        embedder: BackgroundEmbedder[list[_PreparedNotice]],
        in_flight: set[str],
        report: IngestReport,
        progress: IngestProgress,
        wait: bool,
    ) -> None:
        """Store the batches the embedder has finished (with wait: every batch, once embedded)."""
        for batch, vectors in embedder.finished(progress.chunks_embedded, wait):
            if not isinstance(vectors, BaseException):
                self._store_batch(batch, report, progress, vectors)
            elif not isinstance(vectors, Exception):
                raise vectors
            elif len(batch) > 1:  # find the notice that fails: the others are embedded and stored one by one
                logger.debug("embedding a batch of %d notices failed; retrying one by one", len(batch), exc_info=vectors)
                for notice in batch:
                    self._store_batch([notice], report, progress)
            else:
                self._fail(batch[0].notice_id, batch[0].path, vectors, report)
                progress.file_finished(batch[0].path, "failed")
            in_flight.difference_update(notice.notice_id for notice in batch)

    def _store_batch(
        self,
        batch: list[_PreparedNotice],
        report: IngestReport,
        progress: IngestProgress,
        vectors: list[list[float]] | None = None,
    ) -> None:
        """Upsert the chunks of notices together (embedding them first unless vectors are given), then commit each."""
        if not batch:
            return
        chunks = [chunk for notice in batch for chunk in notice.chunks]
        try:
            if vectors is None:
                progress.embedding_started(batch[0].path, len(chunks))
                vectors = embed_chunks(self.embeddings, chunks, progress.chunks_embedded)
            self.store.add_notices([(notice.chunks, notice.title) for notice in batch], vectors)
        except Exception as error:
            if len(batch) > 1:  # find the notice that fails: the others are stored one by one
                logger.debug("batch of %d notices failed; retrying one by one", len(batch), exc_info=True)
                for notice in batch:
                    self._store_batch([notice], report, progress)
                return
            self._fail(batch[0].notice_id, batch[0].path, error, report)
            progress.file_finished(batch[0].path, "failed")
            return
        for notice in batch:
            outcome = self._commit(notice, report)
            progress.file_finished(notice.path, outcome)

    def _commit(self, notice: _PreparedNotice, report: IngestReport) -> str:
        try:
            replaced = self.catalog.commit_notice(notice.notice_id, record=notice.record)
        except PendingWorkLost as error:
            self._fail(notice.notice_id, notice.path, error, report)
            return "failed"
        for old_id in replaced:
            self._drop_notice(old_id)
        report.chunks += len(notice.chunks)
        if replaced:
            report.updated.append(str(notice.path))
            return "updated"
        report.added.append(str(notice.path))
        return "added"

    def _fail(self, notice_id: str, path: Path, error: Exception, report: IngestReport) -> None:
        logger.debug("ingest of %s failed", path, exc_info=True)
        self.store.delete_notice(notice_id)
        self.catalog.forget_notice(notice_id)
        if isinstance(error, PendingWorkLost):  # not the file's fault
            report.failed.append(f"{path}: {error}")
        else:
            report.failed.append(f"{path}: could not be ingested ({error}); check the file and retry")

    def _drop_notice(self, notice_id: str) -> None:
        self.store.delete_notice(notice_id)
        self.catalog.forget_notice(notice_id)

    def find_notice(self, reference: str) -> NoticeRow:
        """A ready notice by id (or unique id prefix), file name, or exact unit name."""
        return find_notice(self.catalog.notices(), reference)

    def remove(self, reference: str) -> NoticeRow:
        """Remove one notice from the catalogue, the vector store and the lexical index."""
        with self.writing():
            row = self.find_notice(reference)
            self.catalog.mark_removing(row.notice_id)
            self._drop_notice(row.notice_id)
            self._on_change()
        return row

