"""The text of a PDF notice, page by page, with PDF line wrapping inside Chinese sentences undone."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from index.encodings import normalise_line_endings
from index.limits import LimitExceeded, LoadLimits, check_pdf_pages, check_text_length
from index.load_errors import UnreadableContent

__all__ = ["join_wrapped_cjk_lines", "read_pdf"]

logger = logging.getLogger(__name__)

_PDF_SCANNED = "the PDF has no text layer (scanned image?); convert it with OCR first"
_PDF_ENCRYPTED = "the PDF is password-protected; save an unprotected copy and load that"
_PDF_CORRUPT = "the PDF cannot be read (damaged or not really a PDF); re-download or re-export it"

# Sentence-ending punctuation, and closers that may follow it ("。”").
_SENTENCE_END = "。！？；：…!?;:."
_CLOSERS = "”’」』）)》】"
# Punctuation found inside sentences: a full line without any is likely a title, not prose.
_PROSE_PUNCT = re.compile(r"[，,、；;。：:]")
# Numbered headings and items start a new line in notices: 一、 （一） 1. 1、 (1) ① 问题一 第一条
_ENUMERATION_START = re.compile(
    r"[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．](?!\d)|[①-⑳]"
    r"|问题[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+[条项部章节]"
)
_MIN_FULL_LINE_WIDTH = 40  # 20 CJK characters: narrower lines are never treated as wrapped
_FULL_LINE_SHARE = 0.85


def read_pdf(data: bytes, limits: LoadLimits) -> tuple[str, str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise UnreadableContent(_PDF_ENCRYPTED)
        check_pdf_pages(len(reader.pages), limits)
        pages = list(reader.pages)
    except (UnreadableContent, LimitExceeded):
        raise
    except DependencyError as exc:  # AES encryption needs the optional 'cryptography' package
        raise UnreadableContent(_PDF_ENCRYPTED) from exc
    except Exception as exc:  # pypdf raises many types for damaged files
        raise UnreadableContent(_PDF_CORRUPT) from exc
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
        raise UnreadableContent(_PDF_SCANNED)
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
      Latin words are glued together; or a number is cut in two inside Chinese prose ("截至20" /
      "24年": the digits before the break follow a CJK character).
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
            and (_is_cjk(previous[-1]) or _is_cjk(line[0]) or _number_cut_in_prose(previous, line))
        )
        pieces.append(line if wrapped else "\n" + line)
        inside_paragraph = wrapped
    return "".join(pieces)


def _number_cut_in_prose(previous: str, line: str) -> bool:
    """True when the break falls inside a number written in Chinese prose ("截至20" + "24年")."""
    if not (previous[-1:].isdigit() and line[:1].isdigit()):
        return False
    before_digits = previous.rstrip("0123456789")
    return bool(before_digits) and _is_cjk(before_digits[-1])


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
