"""Turning a text file's bytes into str: BOMs, UTF-8, UTF-16, GB18030, then a statistical guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Control characters (category Cc) that text does not contain; allowed are \t \n \v \f \r and
# \x1a, the DOS end-of-file marker some old editors append.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05
# Characters expected in notices and other everyday text: ASCII and Latin letters, general and
# CJK punctuation, CJK ideographs, full-width forms. Misread UTF-16 is mostly something else.
_PLAUSIBLE_CHARS = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
)
_MIN_PLAUSIBLE_UTF16_SHARE = 0.9
_PLAUSIBILITY_SAMPLE_CHARS = 100_000
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_MAX_PRIVATE_USE_SHARE = 0.01
# A statistical guess with more "chaos" (mojibake signs) than this is treated as garbage.
_MAX_FALLBACK_CHAOS = 0.1
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB2312 and GBK are subsets of GB18030: decode all three with the superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "euc-cn", "gb_2312-80"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)

_NOT_TEXT = (
    "the file looks binary, not text; check that it is the right file and that its suffix is right"
)
_UNDECODABLE = (
    "the text encoding is not recognised (tried UTF-8, UTF-16, GB18030/GBK); re-save it as UTF-8"
)


class TextDecodeError(ValueError):
    """Bytes that are not usable text; str() is a user-facing reason with what to do."""


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes, returning (text with BOM removed, encoding name)."""
    text, encoding = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise TextDecodeError(_NOT_TEXT)
    return text, encoding


def decode_html_bytes(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: BOM or valid UTF-8 first, then its <meta charset>, then detection."""
    declared = declared_html_charset(data)
    if declared and not _starts_with_bom(data) and not _is_strict_utf8(data):
        # Pages often copy a template's <meta charset>, so a declaration only wins over
        # detection when the bytes are not valid UTF-8 (which is unambiguous on its own).
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if "\x00" not in text and _control_share(text) <= _MAX_CONTROL_SHARE:
                return text, declared
    return decode_text_bytes(data)


def declared_html_charset(data: bytes) -> str:
    """The codec named by the page's <meta charset> or http-equiv tag, or "" if none usable."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return ""
    name = match.group(1).decode("ascii").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def normalise_line_endings(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise TextDecodeError(_UNDECODABLE) from exc
    if b"\x00" in data:
        # UTF-8 and GB18030 text never contains NUL bytes; UTF-16 text with any ASCII does.
        decoded = _decode_utf16_without_bom(data)
        if decoded is None:
            raise TextDecodeError(_NOT_TEXT)
        return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        # GB18030 accepts almost any byte pairs (Big5, for one), mapping unassigned GBK codes to
        # the Private Use Area; real GBK text has next to none of those.
        if len(_PRIVATE_USE.findall(text)) <= len(text) * _MAX_PRIVATE_USE_SHARE:
            return text, "gb18030"
    return _decode_by_guess(data)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, "utf-16-le"/"utf-16-be") for BOM-less UTF-16, or None if it does not look like it.

    The byte order whose decoding reads as plausible text wins; when both read plausibly (ASCII
    letters swapped become CJK ideographs), the order that puts the NUL bytes in the high byte
    of each unit, as ASCII characters do, wins.
    """
    if len(data) % 2:
        return None
    candidates = []
    for encoding, high_byte_nuls in (
        ("utf-16-le", data[1::2].count(0)),
        ("utf-16-be", data[0::2].count(0)),
    ):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausible_share(text), high_byte_nuls, encoding, text))
    if not candidates:
        return None
    if len(candidates) == 2 and abs(candidates[0][0] - candidates[1][0]) <= 0.05:
        best = max(candidates, key=lambda candidate: candidate[1])
    else:
        best = max(candidates, key=lambda candidate: candidate[0])
    share, _, encoding, text = best
    return (text, encoding) if share >= _MIN_PLAUSIBLE_UTF16_SHARE else None


def _plausible_share(text: str) -> float:
    sample = text[:_PLAUSIBILITY_SAMPLE_CHARS]
    return len(_PLAUSIBLE_CHARS.findall(sample)) / len(sample) if sample else 0.0


def _decode_by_guess(data: bytes) -> tuple[str, str]:
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_FALLBACK_CHAOS:
        raise TextDecodeError(_UNDECODABLE)
    return str(best), best.encoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_BINARY_CONTROLS.findall(text)) / len(text)


def _starts_with_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _is_strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
