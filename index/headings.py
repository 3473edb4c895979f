"""Heading detection for notices: numbered headings, 问题/整改 labels, short title lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LABEL_CHARS = 40

_CN = "[一二三四五六七八九十百零〇]{1,4}"
_OPEN = "[【〔\\[]?"
_CLOSE = "[】〕\\]]?"
_PROBLEM_WORDS = "巡察反馈问题|巡视反馈问题|存在问题|问题描述|问题表现|反馈问题|主要问题|具体问题|问题清单|问题"
_MEASURE_WORDS = (
    "整改[\u4e00-\u9fff]{1,8}?|落实情况|完成情况|进展情况|具体措施|主要措施|工作措施|下一步措施"
    "|责任单位|责任部门|责任领导|责任人|完成时限|取得成效|工作成效"
)

# (style, canonical rank, pattern for the marker at the start of a line). Rank orders the
# numbered styles of official documents: 一、 > (一) > 1. > (1) > 1) > ①; labels have none.
_MARKERS: list[tuple[str, int | None, re.Pattern[str]]] = [
    ("part", 0, re.compile(rf"第{_CN}(?:部分|章|篇)[、，,：:．.]?")),
    ("cn-numeral", 1, re.compile(rf"{_CN}[、．.]")),
    ("cn-paren", 2, re.compile(rf"[（(]{_CN}[)）][、，,．.]?")),
    ("arabic-dot", 3, re.compile(r"\d{1,2}[.．、](?!\d)")),
    ("arabic-paren", 4, re.compile(r"[（(]\d{1,2}[)）][、，,．.]?")),
    ("arabic-half-paren", 5, re.compile(r"\d{1,2}[)）](?![\d)）])")),
    ("circled", 6, re.compile("[\u2460-\u2473]")),
    (
        "problem-number",
        None,
        re.compile(rf"{_OPEN}问题(?:{_CN}|\d{{1,3}}|[（(](?:{_CN}|\d{{1,3}})[)）]){_CLOSE}(?:\s*[：:、.．]|\s|$)"),
    ),
    ("problem-label", None, re.compile(rf"{_OPEN}(?:{_PROBLEM_WORDS}){_CLOSE}\s*(?:[：:]|$)")),
    ("measure-label", None, re.compile(rf"{_OPEN}(?P<word>{_MEASURE_WORDS}){_CLOSE}\s*(?:[：:]|$)")),
    # The closing formula ("欢迎广大干部群众对…进行监督") ends every section: it and the contact
    # details after it belong to no heading.
    ("closing", 0, re.compile(r"欢迎[^。！？\n]{0,40}?(?:监督|批评|意见|建议)")),
]
# Styles trusted to start a heading right after a sentence end inside a line ("…到位。二、…").
_STRONG_INLINE_STYLES = {"part", "cn-numeral", "cn-paren", "problem-number", "problem-label", "measure-label"}

_TITLE_END = re.compile(r"[。！？；;!?：:]")
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)】》〕]*")
_WIDE_GAP = re.compile(r"[^\S\n]{2,}|[\u3000\t]")
_CLOSERS = "”’」』）)】》〕"
_TERMINAL = "。！？；;!?"
_CJK = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Heading:
    """A detected heading: its numbering style, canonical rank (None for labels) and short label."""

    style: str
    rank: int | None
    label: str


@dataclass(frozen=True)
class Block:
    """A paragraph-like span of the notice (a line, or part of one); heading if it starts one."""

    start: int
    end: int
    heading: Heading | None


def _short(label: str) -> str:
    """The label cut to MAX_LABEL_CHARS characters."""
    label = label.strip().rstrip("，,、 ")
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def parse_heading(line: str, start: int = 0) -> Heading | None:
    """The heading that starts line[start:] (stripped text), or None; "一是…" enumerations are not headings."""
    for style, rank, pattern in _MARKERS:
        match = pattern.match(line, start)
        if not match:
            continue
        if style == "measure-label":
            return Heading(style, rank, _short(match.group("word")))
        if style == "closing":
            return Heading(style, rank, "")
        # The label runs to the first sentence end or colon after the marker.
        title_end = _TITLE_END.search(line, match.end())
        return Heading(style, rank, _short(line[start : title_end.start() if title_end else len(line)]))
    return None


def _ends_with_wide_gap(text: str) -> bool:
    """True if text ends with two or more spaces, an ideographic space or a tab."""
    gap = text[len(text.rstrip()) :]
    return len(gap) >= 2 or "\u3000" in gap or "\t" in gap


def _ends_sentence(text: str) -> bool:
    """True if text ends with 。！？ (possibly followed by closing quotes and spaces)."""
    return text.rstrip().rstrip(_CLOSERS).endswith(("。", "！", "？", "!", "?"))


def inline_heading_starts(line: str) -> list[int]:
    """Offsets inside a stripped line where a heading begins after earlier text ("…不足。   整改措施：…")."""
    candidates = {m.end() for m in _SENTENCE_END.finditer(line)} | {m.end() for m in _WIDE_GAP.finditer(line)}
    starts: list[int] = []
    for offset in sorted(candidates):
        while offset < len(line) and line[offset].isspace():
            offset += 1
        if offset == 0 or offset >= len(line) or (starts and starts[-1] == offset):
            continue
        heading = parse_heading(line, offset)
        if heading is None or heading.style == "closing":
            continue
        # Look at a bounded tail only, so long lines stay linear.
        before = line[max(0, offset - 16) : offset]
        if _ends_with_wide_gap(before) or (_ends_sentence(before) and heading.style in _STRONG_INLINE_STYLES):
            starts.append(offset)
    return starts


def _looks_like_plain_heading(line: str) -> bool:
    """A short unpunctuated line of Chinese text, e.g. "主要做法", "加强组织领导"."""
    if not 2 <= len(line) <= 30 or (not _CJK.match(line[0]) and line[0] not in "【《“"):
        return False
    if any(char in line for char in _TERMINAL + "：:"):
        return False
    return len(_CJK.findall(line)) >= 2 and sum(char.isdigit() for char in line) <= 2


def _is_body(line: str) -> bool:
    """A line that reads as running text rather than a title or a date."""
    return len(line) >= 40 or bool(re.search(rf"[{_TERMINAL}][”’」』）)】》〕]*$", line))


def split_into_blocks(text: str) -> list[Block]:
    """The notice's non-blank lines (split again where a heading starts mid-line), headings marked."""
    segments: list[tuple[int, int, bool]] = []  # start, end, is a whole line
    offset = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            line_start = offset + len(raw_line) - len(raw_line.lstrip())
            cuts = [0, *inline_heading_starts(stripped), len(stripped)]
            for cut_start, cut_end in zip(cuts, cuts[1:]):
                piece = stripped[cut_start:cut_end].rstrip()
                segments.append((line_start + cut_start, line_start + cut_start + len(piece), len(cuts) == 2))
        offset += len(raw_line) + 1

    blocks: list[Block] = []
    for index, (start, end, whole_line) in enumerate(segments):
        line = text[start:end]
        heading = parse_heading(line)
        if heading is None and whole_line and _looks_like_plain_heading(line):
            # The first line is the notice's title, not a section; a line after an unfinished
            # sentence is a hard-wrapped continuation.
            previous = blocks[-1] if blocks else None
            after_break = previous is not None and (
                previous.heading is not None or not _is_body_continuation(text[previous.start : previous.end])
            )
            following = text[segments[index + 1][0] : segments[index + 1][1]] if index + 1 < len(segments) else ""
            if after_break and following and parse_heading(following) is None and _is_body(following):
                heading = Heading("plain", None, _short(line))
        blocks.append(Block(start, end, heading))
    return blocks


def _is_body_continuation(previous_line: str) -> bool:
    """True if the previous line stops mid-sentence, so the next line continues it (hard-wrapped text)."""
    return not re.search(rf"[{_TERMINAL}：:][”’」』）)】》〕]*$", previous_line)
