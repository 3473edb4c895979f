"""How far one file may expand once read: unpacked .docx size, PDF pages, extracted text length.

A file under the byte limit can still hold far more: a 0.9 MB .docx can unpack to 300 MB of XML.
These checks run before the expensive step, so a hostile file is refused in one line, quickly.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

_MEGABYTE = 1024 * 1024


class LimitExceeded(Exception):
    """The file is over one of the limits; the message names the limit and the setting that raises it."""


@dataclass(frozen=True)
class LoadLimits:
    """Limits on what one notice file may expand to (see Settings for how each was chosen)."""

    max_expanded_bytes: int = 100 * _MEGABYTE  # all parts of a .docx, images included
    max_docx_xml_bytes: int = 8 * _MEGABYTE  # its XML parts, which are parsed (the slow part)
    max_text_chars: int = 2_000_000
    max_pdf_pages: int = 1000


def check_docx_expansion(data: bytes, limits: LoadLimits) -> None:
    """Refuse a .docx whose zip members add up to more than the limit, from the sizes its directory declares.

    zipfile stops reading a member at its declared size, so a member cannot unpack to more than it declares.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the .docx reader reports the damage in its own words
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    expanded = sum(member.file_size for member in members)
    for size, limit, what, setting in (
        (xml, limits.max_docx_xml_bytes, "XML", "ASSISTANT_MAX_DOCX_XML_MB"),
        (expanded, limits.max_expanded_bytes, "", "ASSISTANT_MAX_EXPANDED_MB"),
    ):
        if size > limit:
            raise LimitExceeded(
                f"the .docx unpacks to {_megabytes(size)} MB{' of ' + what if what else ''}, over the "
                f"{_megabytes(limit)} MB limit (a damaged or hostile file?); re-save it in Word or WPS, "
                f"or raise {setting}"
            )


def check_pdf_pages(pages: int, limits: LoadLimits) -> None:
    """Refuse a PDF with more pages than the limit, before any page is read."""
    if pages > limits.max_pdf_pages:
        raise LimitExceeded(
            f"the PDF has {pages} pages, over the {limits.max_pdf_pages}-page limit; "
            "split it, or raise ASSISTANT_MAX_PDF_PAGES"
        )


def check_text_length(chars: int, limits: LoadLimits) -> None:
    """Refuse text longer than the limit (checked as it grows, so a long PDF stops early)."""
    if chars > limits.max_text_chars:
        raise LimitExceeded(
            f"the text is over {limits.max_text_chars:,} characters, more than one notice holds; "
            "split the file, or raise ASSISTANT_MAX_TEXT_CHARS"
        )


def _megabytes(size: int) -> str:
    return f"{round(size / _MEGABYTE, 1):g}"
