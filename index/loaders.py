"""Read a notice file (.txt .md .html .htm .pdf .docx) into its text, or fail in one clear line."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from index.docx_text import read_docx
from index.documents import LoadedDocument
from index.encodings import TextDecodeError, decode_html_bytes, normalise_line_endings
from index.html_text import html_main_text
from index.ingest_report import IngestReport
from index.limits import LimitExceeded, LoadLimits, check_docx_expansion, check_text_length
from index.load_errors import LoadError, UnreadableContent
from index.pdf_text import read_pdf
from index.markup_text import markup_to_plain_text
from index.page_furniture import drop_page_furniture
from index.plain_text import read_plain_text

__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "collect_notice_files", "iter_notice_files", "load_document"]

logger = logging.getLogger(__name__)

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_FORMAT_BY_SUFFIX)
_MEGABYTE = 1024 * 1024

_EMPTY = "the file has no text (empty or only whitespace); check that it is the right file"
_HTML_EMPTY = "the page has no text once menus and scripts are removed; save the notice's own page"


def load_document(
    path: str | Path, max_bytes: int = 20 * _MEGABYTE, limits: LoadLimits | None = None
) -> LoadedDocument:
    """Read one notice file into a LoadedDocument; any problem (or a file over a limit) raises LoadError."""
    path = Path(path)
    limits = limits or LoadLimits()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, _unsupported_reason(suffix))
    data = _read_bytes(path, max_bytes)
    file_format = _FORMAT_BY_SUFFIX[suffix]
    try:
        if file_format == "docx":
            check_docx_expansion(data, limits)
        text, encoding = _READERS[file_format](data, limits)
        check_text_length(len(text), limits)
    except (UnreadableContent, TextDecodeError, LimitExceeded) as exc:
        raise LoadError(path, str(exc)) from exc
    text = normalise_line_endings(text)
    if file_format != "html":  # a page's own markup is read by html_main_text; this is markup pasted into text
        text = markup_to_plain_text(text)
    text = drop_page_furniture(text).strip()
    if not text:
        raise LoadError(path, _HTML_EMPTY if file_format == "html" and data.strip() else _EMPTY)
    logger.debug("loaded %s: %s, %s, %d chars", path, file_format, encoding or "-", len(text))
    return LoadedDocument(path=str(path), text=text, file_format=file_format, encoding=encoding)


def iter_notice_files(
    paths: Iterable[str | Path], on_skip: Callable[[str], None] | None = None
) -> Iterator[Path]:
    """Notice files under the given files and folders: recursive, sorted, hidden ones skipped.

    A path that cannot be followed (a symbolic link loop, a broken link, a folder that cannot be
    read) is passed to on_skip as one line and left out; the rest goes on.
    """
    on_skip = on_skip or (lambda line: logger.warning("%s", line))
    roots = [Path(path) for path in paths]
    for root in roots:  # check every argument before yielding anything
        if root.is_symlink() and not root.exists():
            raise LoadError(root, _unfollowable_reason(root))
        if not root.exists():
            raise LoadError(root, "no such file or folder; check the path")
        if root.is_file() and root.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise LoadError(root, _unsupported_reason(root.suffix.lower()))
    seen: set[Path] = set()
    for root in roots:
        for file_path in [root] if root.is_file() else _files_in_folder(root, on_skip):
            try:
                real_path = file_path.resolve(strict=True)
            except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a link loop
                on_skip(f"{file_path}: {_unfollowable_reason(file_path)}; skipped")
                continue
            if real_path not in seen:
                seen.add(real_path)
                yield file_path


def _unfollowable_reason(path: Path) -> str:
    """Why a symbolic link cannot be followed, in words."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "a symbolic link loop (the link points back to itself); fix or delete the link"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop (the link points back to itself); fix or delete the link"
        if path.is_symlink():
            return "a broken symbolic link (its target is missing); fix or delete the link"
        return f"cannot be opened ({error.strerror or error}); check its permissions"
    return "cannot be followed"


def _files_in_folder(folder: Path, on_skip: Callable[[str], None]) -> list[Path]:
    found = []

    def unreadable(error: OSError) -> None:
        on_skip(f"{error.filename or folder}: the folder cannot be read ({error.strerror or error}); skipped")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            # "~$x.docx" is Word's lock file for an open document, not a notice.
            hidden = name.startswith((".", "~$"))
            if not hidden and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(dirpath) / name)
    return sorted(found)


def _unsupported_reason(suffix: str) -> str:
    supported = " ".join(sorted(SUPPORTED_SUFFIXES))
    shown = f"'{suffix}'" if suffix else "without a suffix"
    return f"file type {shown} is not supported; convert it to one of: {supported}"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise LoadError(path, "the file does not exist; check the path") from exc
    except IsADirectoryError as exc:
        raise LoadError(path, "this is a folder, not a file; pass the files inside it") from exc
    except PermissionError as exc:
        raise LoadError(path, "permission denied; make the file readable and retry") from exc
    except OSError as exc:
        problem = exc.strerror or exc
        reason = f"the file cannot be read ({problem}); copy it to a local disk and retry"
        raise LoadError(path, reason) from exc
    if len(data) > max_bytes:
        size = _megabytes(max(len(data), _size_or_zero(path)))
        limit = _megabytes(max_bytes)
        reason = (
            f"the file is {size} MB, over the {limit} MB limit; "
            "split it, or raise the limit with ASSISTANT_MAX_FILE_MB"
        )
        raise LoadError(path, reason)
    return data


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _megabytes(size: int) -> str:
    return f"{round(size / _MEGABYTE, 1):g}"


def _read_html(data: bytes) -> tuple[str, str]:
    html, encoding = decode_html_bytes(data)
    return html_main_text(html), encoding


_READERS: dict[str, Callable[[bytes, LoadLimits], tuple[str, str]]] = {
    "txt": lambda data, limits: read_plain_text(data),
    "html": lambda data, limits: _read_html(data),
    "pdf": read_pdf,
    "docx": read_docx,
}


def collect_notice_files(paths: Iterable[str | Path], report: IngestReport) -> list[Path]:
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
