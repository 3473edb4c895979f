"""Read a notice file (.txt .md .html .htm .pdf .docx) into its text, or fail in one clear line."""

from __future__ import annotations

import errno
import io
import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import docx
from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import PreformattedString
from docx.table import Table
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from index.documents import LoadedDocument
from index.limits import LimitExceeded, LoadLimits, check_docx_expansion, check_pdf_pages, check_text_length
from index.encodings import (
    TextDecodeError,
    decode_html_bytes,
    decode_text_bytes,
    normalise_line_endings,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "decode_text_bytes",
    "html_main_text",
    "iter_notice_files",
    "join_wrapped_cjk_lines",
    "load_document",
]

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
_PDF_SCANNED = "the PDF has no text layer (scanned image?); convert it with OCR first"
_PDF_ENCRYPTED = "the PDF is password-protected; save an unprotected copy and load that"
_PDF_CORRUPT = "the PDF cannot be read (damaged or not really a PDF); re-download or re-export it"
_DOCX_CORRUPT = (
    "the .docx cannot be read (damaged, or an old .doc renamed); open it in Word or WPS and "
    "save it as .docx again"
)
_HTML_EMPTY = "the page has no text once menus and scripts are removed; save the notice's own page"


class LoadError(Exception):
    """One-line, user-facing: names the file and what to do."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class _BadContent(Exception):
    """Raised by a format reader; load_document turns it into a LoadError naming the file."""


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
    except (_BadContent, TextDecodeError, LimitExceeded) as exc:
        raise LoadError(path, str(exc)) from exc
    text = normalise_line_endings(text).strip()
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


# --- plain text and HTML ---------------------------------------------------------------------

_DROPPED_TAGS = [
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
    "select", "button", "input", "textarea",
]  # fmt: skip
_BOILERPLATE_TAGS = ["nav", "header", "footer", "aside", "form"]
_BOILERPLATE_MARK = re.compile(r"nav|crumb|footer|share|sidebar|menu|copyright|toolbar|logo")
_CONTENT_MARK = re.compile(r"content|article|trs_editor|zoom|main")
_BLOCK_TAGS = (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody tfoot thead ul"
).split()
# What a tag adds before and after its text: blocks sit on their own lines, table cells are
# tab-separated and rows end a line (so rows follow each other without a blank line).
_BREAKS_AROUND = {
    **{name: ("\n", "\n") for name in _BLOCK_TAGS},
    "td": ("", "\t"),
    "th": ("", "\t"),
    "tr": ("", "\n"),
}
# Whitespace runs from HTML source formatting render as one space. \u3000 (full-width space)
# and \xa0 (&nbsp;) are not in this class: spacing typed on purpose is kept as it is.
_SOURCE_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
# "_", "|", "｜" and a hyphen that is not inside a number range such as 2023-2024.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|(?<!\d)-(?!\d))\s*")


def _read_plain_text(data: bytes) -> tuple[str, str]:
    return decode_text_bytes(data)


def _read_html(data: bytes) -> tuple[str, str]:
    html, encoding = decode_html_bytes(data)
    return html_main_text(html), encoding


def html_main_text(html: str) -> str:
    """The readable main text of a page: menus and scripts dropped, one block per line."""
    with warnings.catch_warnings():
        # XHTML pages start with <?xml ...?>; the lenient HTML parser is still the right one.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(_DROPPED_TAGS):
        if not tag.decomposed:
            tag.decompose()
    body = soup.body or soup
    title = _page_title(soup)
    container = _content_container(body)
    keep = {id(container), *(id(parent) for parent in container.parents)} if container else set()
    body_size = _text_size(body)
    for tag in body.find_all(True):
        if tag.decomposed or id(tag) in keep or not _is_boilerplate(tag):
            continue
        # Without a content container, a wrapper holding most of the page (an ASP.NET <form>,
        # a <div class="has-sidebar">) is the page itself; <nav>, <header>, <footer> and
        # <aside> say what they are, so they go whatever their size.
        is_wrapper = tag.name not in ("nav", "header", "footer", "aside")
        if container is None and is_wrapper and _text_size(tag) > body_size / 2:
            continue
        tag.decompose()
    text = _render_blocks(container or body)
    if title and "".join(title.split()) not in "".join(text.split()):
        text = f"{title}\n\n{text}"
    return text


def _page_title(soup: BeautifulSoup) -> str:
    """First <h1> outside page chrome (a logo in <header> is not a title), else <title>."""
    for heading in soup.find_all("h1"):
        in_chrome = any(
            parent.name in _BOILERPLATE_TAGS or _BOILERPLATE_MARK.search(_id_and_class(parent))
            for parent in heading.parents
            if parent.name not in ("html", "body", "[document]")
        )
        text = _collapse(heading.get_text())
        if text and not in_chrome:
            return text
    if soup.title is None:
        return ""
    # <title> is often "notice title_site name": keep the longest part.
    parts = _TITLE_SEPARATOR.split(_collapse(soup.title.get_text()))
    return max(parts, key=len)


def _content_container(body: Tag) -> Tag | None:
    """The innermost article/main/"content"-like element holding most of the candidates' text."""
    candidates = [
        tag
        for tag in body.find_all(True)
        if tag.name in ("article", "main") or _CONTENT_MARK.search(_id_and_class(tag))
    ]
    candidates = [tag for tag in candidates if not _is_boilerplate(tag)]
    sized = [(tag, _text_size(tag)) for tag in candidates]
    body_size = _text_size(body)
    sized = [(tag, size) for tag, size in sized if size and size >= body_size * 0.1]
    if not sized:
        return None
    largest = max(size for _, size in sized)
    qualified = [(len(list(tag.parents)), size, tag) for tag, size in sized if size >= largest / 2]
    return max(qualified, key=lambda item: (item[0], item[1]))[2]


def _is_boilerplate(tag: Tag) -> bool:
    return tag.name in _BOILERPLATE_TAGS or bool(_BOILERPLATE_MARK.search(_id_and_class(tag)))


def _id_and_class(tag: Tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([str(tag.get("id") or ""), *classes]).lower()


def _text_size(tag: Tag) -> int:
    return len("".join(tag.get_text().split()))


def _render_blocks(root: Tag) -> str:
    """Text of root's contents: blocks on their own lines, table rows as tab-joined lines."""
    parts: list[str] = []
    # An explicit stack, not recursion: unclosed tags on old pages can nest thousands deep.
    # Items are page nodes, or plain str break markers to emit when a block closes.
    pending: list[object] = list(reversed(root.contents))
    while pending:
        node = pending.pop()
        if type(node) is str:  # a break marker (page text is NavigableString, a subclass)
            parts.append(node)
        elif isinstance(node, PreformattedString):  # comment, doctype, CDATA, <?...?>
            continue
        elif isinstance(node, NavigableString):
            parts.append(_SOURCE_WHITESPACE.sub(" ", node))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            before, after = _BREAKS_AROUND.get(node.name, ("", ""))
            parts.append(before)
            pending.append(after)
            pending.extend(reversed(node.contents))
    lines = [line.strip(" \t") for line in "".join(parts).split("\n")]
    # Strip only newlines: a first paragraph's full-width indentation is part of the text.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _collapse(text: str) -> str:
    return _SOURCE_WHITESPACE.sub(" ", text).strip(" ")


# --- PDF -------------------------------------------------------------------------------------

# Sentence-ending punctuation, and closers that may follow it ("。”").
_SENTENCE_END = "。！？；：…!?;:."
_CLOSERS = "”’」』）)》】"
# Punctuation found inside sentences: a full line without any is likely a title, not prose.
_PROSE_PUNCT = re.compile(r"[，,、；;。：:]")
# Numbered headings and items start a new line in notices: 一、 （一） 1. 1、 (1) ① 问题一 第一条
_ENUMERATION_START = re.compile(
    r"[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳]"
    r"|问题[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+[条项部章节]"
)
_MIN_FULL_LINE_WIDTH = 40  # 20 CJK characters: narrower lines are never treated as wrapped
_FULL_LINE_SHARE = 0.85


def _read_pdf(data: bytes, limits: LoadLimits) -> tuple[str, str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise _BadContent(_PDF_ENCRYPTED)
        check_pdf_pages(len(reader.pages), limits)
        pages = list(reader.pages)
    except (_BadContent, LimitExceeded):
        raise
    except DependencyError as exc:  # AES encryption needs the optional 'cryptography' package
        raise _BadContent(_PDF_ENCRYPTED) from exc
    except Exception as exc:  # pypdf raises many types for damaged files
        raise _BadContent(_PDF_CORRUPT) from exc
    page_texts = []
    chars = 0
    for number, page in enumerate(pages, start=1):
        try:
            page_text = page.extract_text() or ""
        except Exception:
            logger.warning("PDF page %d could not be read; skipped", number, exc_info=True)
            page_text = ""
        page_texts.append(join_wrapped_cjk_lines(normalise_line_endings(page_text)).rstrip())
        chars += len(page_texts[-1])
        check_text_length(chars, limits)
    if not any(text.strip() for text in page_texts):
        raise _BadContent(_PDF_SCANNED)
    return "\n".join(page_texts), ""


def join_wrapped_cjk_lines(page_text: str) -> str:
    """Undo PDF line wrapping inside Chinese sentences; other line breaks stay.

    A line break is removed only when all of these hold:
    - the line is "full": at least 85% of the page's widest line and 20 CJK characters wide,
      so short headings and the last line of a paragraph are never joined;
    - the line reads as prose: it has sentence punctuation (，、。etc.) somewhere, or it
      continues a paragraph already being joined (a line-long title has neither);
    - the line does not end a sentence (。！？；： or those followed by a closing quote);
    - the next line does not start with whitespace (an indented new paragraph) nor with an
      enumeration marker such as 一、 （一） 1. (1) ① 问题一;
    - a CJK character or CJK punctuation sits on at least one side of the break, so no two
      Latin words or numbers are glued together.
    """
    lines = page_text.split("\n")
    widths = [_display_width(line) for line in lines]
    full_width = max(_MIN_FULL_LINE_WIDTH, max(widths) * _FULL_LINE_SHARE)
    pieces = [lines[0]]
    inside_paragraph = False  # the previous line was itself joined onto the line before it
    for previous, previous_width, line in zip(lines, widths, lines[1:]):
        wrapped = (
            previous_width >= full_width
            and (inside_paragraph or _PROSE_PUNCT.search(previous) is not None)
            and previous.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END
            and not previous[-1].isspace()
            and line[:1] != ""
            and not line[0].isspace()
            and not _ENUMERATION_START.match(line)
            and (_is_cjk(previous[-1]) or _is_cjk(line[0]))
        )
        pieces.append(line if wrapped else "\n" + line)
        inside_paragraph = wrapped
    return "".join(pieces)


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def _is_cjk(char: str) -> bool:
    """CJK ideograph, CJK punctuation or a full-width form."""
    return (
        "\u3000" <= char <= "\u303f"
        or "\u3400" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\uff00" <= char <= "\uffef"
    )


# --- DOCX ------------------------------------------------------------------------------------


def _read_docx(data: bytes, limits: LoadLimits) -> tuple[str, str]:
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except Exception as exc:  # zip, XML and package errors all mean the same to the user
        raise _BadContent(_DOCX_CORRUPT) from exc
    return "\n".join(lines), ""


def _table_rows(table: Table) -> list[str]:
    """One line per row, cells joined by a tab; a merged cell's text appears once."""
    seen_cells: set[object] = set()
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            # Merged cells come back once per grid position, sharing one <w:tc> element; keeping
            # the elements in the set keeps lxml's proxies (and so their identity) alive.
            if cell._tc not in seen_cells:
                seen_cells.add(cell._tc)
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return rows


_READERS: dict[str, Callable[[bytes, LoadLimits], tuple[str, str]]] = {
    "txt": lambda data, limits: _read_plain_text(data),
    "html": lambda data, limits: _read_html(data),
    "pdf": _read_pdf,
    "docx": _read_docx,
}
