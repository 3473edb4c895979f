"""Uploaded files kept by content: HOME/uploads/<sha256>/<display name>, then ingested.

Two different files with the same name are two folders, so two notices; the same bytes uploaded
again land on the folder already there and ingest as "unchanged". A folder this upload created
is deleted again unless a notice now comes from it, so a failed upload leaves the disk as it was.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from index.catalog import Catalog
from index.ingest import IngestProgress, Ingestor
from index.loaders import SUPPORTED_SUFFIXES

logger = logging.getLogger(__name__)

_HASH_BLOCK = 1024 * 1024


@dataclass
class UploadReport:
    """What an upload did, by display name; failed lines start with the display name."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    stored: dict[str, Path] = field(default_factory=dict)  # display name -> kept copy (ingested ones)

    @property
    def ok(self) -> bool:
        return not self.failed


def content_hash(path: Path | str) -> str:
    """SHA-256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(_HASH_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def safe_display_name(display_name: str) -> str:
    """The file name part of what the browser sent, never a path (no folders, no leading dots)."""
    name = Path(display_name.replace("\\", "/")).name.strip().lstrip(".")
    return name or "upload"


def ingest_uploads(
    ingestor: Ingestor,
    uploads_dir: Path,
    uploads: Sequence[tuple[str | Path, str]],
    progress: IngestProgress | None = None,
) -> UploadReport:
    """Keep each (temp path, display name) by content hash and ingest them in one run."""
    report = UploadReport()
    with ingestor.writing():  # the folders and the catalogue change together, one writer at a time
        kept: dict[str, str] = {}  # stored path (as given to ingest, and resolved) -> display name
        to_ingest: list[Path] = []
        created: list[Path] = []
        for temp_path, display_name in uploads:
            name = safe_display_name(display_name)
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                supported = " ".join(sorted(SUPPORTED_SUFFIXES))
                report.failed.append(f"{name}: file type not supported; upload one of: {supported}")
                continue
            try:
                stored, is_new = _keep(Path(temp_path), Path(uploads_dir), name)
            except OSError as error:
                report.failed.append(f"{name}: could not be stored ({error.strerror or error}); try again")
                continue
            if is_new:
                created.append(stored.parent)
            kept[str(stored)] = name
            kept[str(stored.resolve())] = name
            to_ingest.append(stored)
        if to_ingest:
            ingest_report = ingestor.ingest_paths(_unique(to_ingest), progress)
            report.added += [kept.get(p, Path(p).name) for p in ingest_report.added]
            report.updated += [kept.get(p, Path(p).name) for p in ingest_report.updated]
            report.unchanged += [kept.get(p, Path(p).name) for p in ingest_report.unchanged]
            report.failed += [_with_display_name(line, kept) for line in ingest_report.failed]
        in_use = {row.source_path for row in ingestor.catalog.notices()}
        for folder in created:
            if not any(str(path.resolve()) in in_use for path in folder.iterdir()):
                shutil.rmtree(folder, ignore_errors=True)  # nothing came of it: leave no trace
        for stored_path, name in kept.items():
            if stored_path in in_use:
                report.stored[name] = Path(stored_path)
    logger.info(
        "upload: added %d, updated %d, unchanged %d, failed %d",
        len(report.added), len(report.updated), len(report.unchanged), len(report.failed),
    )  # fmt: skip
    return report


def discard_upload(uploads_dir: Path, source_path: str, catalog: Catalog) -> None:
    """Delete a removed notice's kept upload, unless another ready notice still comes from it."""
    uploads_dir = Path(uploads_dir).resolve()
    source = Path(source_path)
    if source.parent.parent != uploads_dir:
        return  # not an upload (a file ingested from the command line is the user's own)
    if any(row.source_path == source_path for row in catalog.notices()):
        return
    source.unlink(missing_ok=True)
    try:
        source.parent.rmdir()  # only when empty: another name for the same bytes may still be there
    except OSError:
        pass


def _keep(temp_path: Path, uploads_dir: Path, name: str) -> tuple[Path, bool]:
    """The kept copy of these bytes (an earlier one under any name, or a new one); True if new."""
    folder = uploads_dir / content_hash(temp_path)
    if folder.is_dir():
        earlier = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        if earlier:
            return earlier[0], False
    is_new = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    partial = folder / f".{name}.{os.getpid()}.partial"
    try:
        shutil.copyfile(temp_path, partial)
        partial.replace(target)  # never a half-written file under the real name
    except OSError:
        partial.unlink(missing_ok=True)
        if is_new:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return target, is_new


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[str] = set()
    unique = []
    for path in paths:
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _with_display_name(line: str, kept: dict[str, str]) -> str:
    """An ingest failure line with the kept path replaced by the uploaded file's name."""
    for path, name in sorted(kept.items(), key=lambda item: -len(item[0])):
        if line.startswith(path):
            return f"{name}{line[len(path):]}"
    return line
