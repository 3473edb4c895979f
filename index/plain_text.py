"""Plain-text notices copied out of a PDF: page numbers between paragraphs dropped, wrapped lines joined.

A notice pasted from a PDF keeps the PDF's line ends ("…县委第四\n巡察组对…") and its page
numbers ("— 1 —"). A word split by a line end is lost to keyword search and a sentence split by
one is cut in two, so the text is read as the PDF reader reads a page (index.pdf_text). A notice
written with one paragraph per line is left as it is: only "full" lines that stop mid-sentence join.
"""

from __future__ import annotations

import re

from index.encodings import decode_text_bytes
from index.pdf_text import join_wrapped_cjk_lines

# A line holding only a page number as PDFs print them: "— 3 —", "- 12 -", "−3−".
_PAGE_NUMBER_LINE = re.compile(r"^[ \t\u3000]*[—–\-−]+[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–\-−]+[ \t\u3000]*$", re.MULTILINE)


def read_plain_text(data: bytes) -> tuple[str, str]:
    """Decoded text (and its encoding) with PDF page numbers dropped and PDF line wrapping undone."""
    text, encoding = decode_text_bytes(data)
    return unwrap_pasted_pdf(text), encoding


def unwrap_pasted_pdf(text: str) -> str:
    """Text without page-number lines, and with lines wrapped mid-sentence joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    without_numbers = _PAGE_NUMBER_LINE.sub("", text)
    if without_numbers != text:  # the blank lines around a dropped page number go with it
        without_numbers = re.sub(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)+", "\n\n", without_numbers)
    return join_wrapped_cjk_lines(without_numbers) if without_numbers.strip() else without_numbers
