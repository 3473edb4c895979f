"""Rule-based metadata of an inspection rectification notice: who inspected whom, when, and when published."""

from __future__ import annotations

import logging
import re
from pathlib import PurePath

from index.documents import NoticeMetadata, SourcedValue
from index.inspecting_body import find_inspecting_body
from index.round_units import round_name
from index.script_forms import simplified_characters, simplified_reading, written_form
from index.unit_sources import choose_unit_and_short_forms
from index.section_units import section_units, signed_by_round_office
from index.units import BARE_LEVELS, unit_aliases
from index.byline_places import file_name_place
from index.vocabulary import DAY, DOTTED_DATE, ISO_DATE, MONTH, PERIOD_SEPARATOR, YEAR

__all__ = ["extract_notice_metadata", "unit_aliases"]

logger = logging.getLogger(__name__)

DATE = re.compile(rf"(?:{YEAR}\s*)?{MONTH}\s*{DAY}|{DOTTED_DATE}")
FULL_DATE = re.compile(rf"{YEAR}\s*{MONTH}\s*{DAY}|{DOTTED_DATE}")
PERIOD = re.compile(
    rf"{DOTTED_DATE}\s*{PERIOD_SEPARATOR}\s*{DOTTED_DATE}|"
    rf"(?:{YEAR}\s*)?{MONTH}\s*(?:{DAY})?\s*{PERIOD_SEPARATOR}\s*"
    rf"(?:(?:{YEAR}\s*)?{MONTH}\s*(?:{DAY})?|{DAY})"
)
# …向X反馈了巡察意见; a feedback meeting held on the date (召开巡察X党委情况反馈会) is the feedback too; so is
# the feedback of a round or of a follow-up inspection (反馈第三轮巡视“回头看”情况).
FEEDBACK_VERB = re.compile(r"反馈(了)?(?:第[一二三四五六七八九十\d]+轮)?(?:专项|常规|机动|提级)?(?:巡察|巡视)?"
                           r"(?:[“\"]?回头看[”\"]?)?(?:意见|情况)|进行了反馈|情况反馈大?会")
NOT_FEEDBACK = re.compile(r"整改|印发|研究|部署|制定|学习")
TITLE_ENDINGS = ("通报", "公告", "公示", "报告", "情况", "公开")
# A list bullet a web page puts before its headline ("• 中共X党组关于…的通报"): no part of the title.
_LIST_MARK = re.compile(r"^[ \t]*[•·●○■□◆◇▪▶►][ \t]*")
NAVIGATION = re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置)|[>»›]")
# A news page's line under its headline: where it comes from, when, by whom.
BYLINE = re.compile(r"(?:来源|信息来源|发布(?:日期|时间)|作者|编辑|责任编辑|浏览次数|点击数)\s*[:：]")
LABEL = r"(?:发布(?:日期|时间)|发文日期|日期|时间)\s*[:：]\s*"
WEB_TIMESTAMP = re.compile(
    rf"(?P<label>{LABEL})?{ISO_DATE}"
    r"(?:\s+(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2})(?:\s*[:：]\s*\d{2})?)?"
)
LABELLED_CHINESE_DATE = re.compile(
    rf"(?P<label>{LABEL})(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2}))?"
)
# A header line dating its byline ("2024年11月26日 来源：县纪委监委网站"): the page's publication date.
BYLINE_CHINESE_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?:\s*(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2}))?"
)
# The full date a closing byline ends with (来源：… 记者 … 2025年4月3日).
CLOSING_BYLINE_DATE = re.compile(rf"(?P<date>{YEAR}\s*{MONTH}\s*{DAY})\s*$")
HEADER_LINES = 15
# Longest news headline read as a title: headlines seen run to ~30 characters; a longer line is a sentence.
MAX_HEADLINE_CHARS = 60


def extract_notice_metadata(text: str, file_name: str = "") -> NoticeMetadata:
    """Read title, unit, inspecting body, dates from a notice's text; what it does not state stays empty."""
    title = find_title(text)
    file_title = _title_from_file_name(file_name) if not title else ""
    unit, title, aliases = _unit_title_and_aliases(text, title, file_title)
    if unit and unit[0] in BARE_LEVELS and (place := file_name_place(file_name, unit[0], unit)):
        placed = place + unit[1:]  # 市卫生健康委 saved as "台州市卫生健康委…": 台州市卫生健康委
        aliases = [a for a in dict.fromkeys([unit, *unit_aliases(placed, text), *aliases]) if a != placed]
        unit = placed
    body = find_inspecting_body(simplified_characters(text))  # 巡察組 read as 巡察组, named in simplified form
    period = find_inspection_period(simplified_characters(text))  # 對…進行了巡察 read as 对…进行了巡察
    if not (title or file_title or unit):  # listed under the round it reports, not its file name
        title = round_name(simplified_reading(text))
    metadata = NoticeMetadata(
        title=title or file_title,
        unit=unit,
        aliases=aliases,
        sub_units=[name for part in section_units(text, unit) for name in part.names],
        round_units=signed_by_round_office(text),
        inspecting_body=body,
        inspection_kind=find_inspection_kind(text, body, title or file_title),
        inspection_period=period,
        # Dates are read in simplified characters (反饋 as 反馈, 發布時間 as 发布时间); offsets are kept.
        feedback_date=find_feedback_date(simplified_characters(text), period),
        publish_date=find_publish_date(simplified_characters(text)),
    )
    logger.debug("metadata for %s: unit=%r body=%r", file_name or "<text>", unit, body)
    return metadata


def _unit_title_and_aliases(text: str, title: str, file_title: str) -> tuple[str, str, list[str]]:
    """The unit, title and aliases; a page in traditional script is read in simplified form, named as written."""
    reading = simplified_reading(text)
    if reading == text:
        unit, short_forms = choose_unit_and_short_forms(text, title, file_title)
        return unit, title, unit_aliases(unit, text, short_forms)
    read_title = find_title(reading)
    unit, short_forms = choose_unit_and_short_forms(reading, read_title, file_title)
    written = written_form(unit, text)
    # Users type simplified names (齐河县) for a unit the page writes 齊河縣: both forms are aliases.
    aliases = [*unit_aliases(written, text), *unit_aliases(unit, reading, short_forms)]
    aliases = [name for name in dict.fromkeys(aliases) if name != written]
    return written, title or (written_form(read_title, text) if read_title else ""), aliases


def find_title(text: str) -> str:
    """The notice's title line near the top (after any page navigation), else a news headline, else ""."""
    header = [line for line, _ in _header_lines(text) if not NAVIGATION.search(line)]
    for line in header:
        if _looks_like_title(line := _LIST_MARK.sub("", line)):
            return line
    return _news_headline(header)


def _news_headline(header: list[str]) -> str:
    """A report's headline (桐荫街道：以巡察整改促基层治理): the line right above its byline (来源：… 发布时间：…)."""
    byline = next((index for index, line in enumerate(header) if BYLINE.search(line)), None)
    if not byline:
        return ""
    line = header[byline - 1]
    core = line.rstrip(" \t。")
    if 6 <= len(core) <= MAX_HEADLINE_CHARS and not re.search(r"[,，。;；]", core) and re.search(r"巡察|巡视|整改", core):
        return line
    return ""


def _looks_like_title(line: str) -> bool:
    """True for a short line about 巡察/巡视 or 整改 ending like a notice title (…的通报)."""
    core = line.rstrip(" \t。")
    return (
        6 <= len(core) <= 100
        and not re.search(r"[,，。;；]", core)
        and re.search(r"巡察|巡视|整改", core) is not None
        and core.endswith(TITLE_ENDINGS)
    )


def _title_from_file_name(file_name: str) -> str:
    """A file name that is itself a notice title (中共X委员会关于…的通报.pdf), else ""."""
    stem = PurePath(file_name).stem.strip()
    return stem if _looks_like_title(stem) and "关于" in stem else ""


def find_inspection_kind(text: str, body: SourcedValue | None, title: str) -> str:
    """巡视 or 巡察: from the inspecting group, else the title, else the first mention in the text."""
    for source in (body.value if body else "", title, text):
        match = re.search("巡察|巡视", source)
        if match:
            return match.group(0)
    return ""


def find_inspection_period(text: str) -> SourcedValue | None:
    """The first date range in a sentence saying an inspection was carried out (…至…对X进行了巡察)."""
    for match in PERIOD.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        if re.search(r"巡察|巡视", sentence) and re.search(r"进行|开展|进驻", sentence):
            return SourcedValue(match.group(0), match.start(), match.end())
    return None


def find_feedback_date(text: str, period: SourcedValue | None) -> SourcedValue | None:
    """The date the inspecting group gave its findings (…向X反馈了巡察意见), written as in the text."""
    for verb in FEEDBACK_VERB.finditer(text):
        clause_start = max(text.rfind(stop, 0, verb.start()) for stop in ("。", ";", "；", "\n")) + 1
        dates = [
            d for d in DATE.finditer(text, clause_start, verb.start())
            if not (period and period.start <= d.start() < period.end)
        ]
        if not dates:
            continue
        date = dates[-1]
        between = text[date.end() : verb.start()]
        # "…县委第3巡察组对X开展常规巡察,7月3日反馈巡察意见": the group named earlier in the sentence gave it.
        acted = (verb.group(1) or "向" in between or re.search("巡察组|巡视组", text[clause_start : verb.start()])
                 or _after_yu(text, date))
        if acted and not NOT_FEEDBACK.search(between):
            return SourcedValue(date.group(0), date.start(), date.end())
    return None


def _after_yu(text: str, date: re.Match[str]) -> bool:
    return date.start() > 0 and text[date.start() - 1] == "于"


def find_publish_date(text: str) -> SourcedValue | None:
    """The page's publication time near the top (normalised to YYYY-MM-DD HH:MM), else the signature date."""
    header = _header_lines(text)
    # A labelled date ("发布时间:") wins over a bare one, which may be the site's banner date.
    labelled = [(m, offset) for line, offset in header if (m := _labelled_date(line))]
    bare = [(m, offset) for line, offset in header if (m := WEB_TIMESTAMP.search(line))]
    bylined = [(m, offset) for line, offset in header if BYLINE.search(line) and (m := BYLINE_CHINESE_DATE.search(line))]
    for match, offset in labelled + bare + bylined:
        value = f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"
        if match["H"]:
            value += f" {int(match['H']):02d}:{match['M']}"
        return SourcedValue(value, offset + match.start(), offset + match.end())
    return find_signature_date(text) or _dateline(header)


def _dateline(header: list[tuple[str, int]]) -> SourcedValue | None:
    """A header line that is only a bracketed full date, as under a speech's title ("（2024年5月6日）")."""
    for line, offset in header:
        if (bracketed := re.fullmatch(r"[（(]\s*(.+?)\s*[)）]", line)) and FULL_DATE.fullmatch(bracketed[1]):
            return SourcedValue(bracketed[1], offset + bracketed.start(1), offset + bracketed.end(1))
    return None


def _labelled_date(line: str) -> re.Match[str] | None:
    """A publication date introduced by a label (发布日期: 2021-06-28, 发布时间:2023年5月8日)."""
    match = LABELLED_CHINESE_DATE.search(line) or WEB_TIMESTAMP.search(line)
    return match if match and match["label"] else None


def find_signature_date(text: str) -> SourcedValue | None:
    """A closing line that is only a full date (2023年6月28日), or a closing byline ending in one
    ("来源：县融媒体中心　记者 李某　2025年4月3日": a news report's date), among the notice's last lines."""
    lines = [(line, offset) for line, offset in _lines_with_offsets(text) if line][-6:]
    for line, offset in reversed(lines):
        if FULL_DATE.fullmatch(line):
            return SourcedValue(line, offset, offset + len(line))
        dated = CLOSING_BYLINE_DATE.search(line)
        if dated and (BYLINE.search(line) or "记者" in line):
            start = offset + dated.start("date")
            return SourcedValue(dated["date"], start, start + len(dated["date"]))
    return None


def _header_lines(text: str) -> list[tuple[str, int]]:
    """The first non-empty lines, stripped, with offsets, up to the first long body paragraph."""
    header = []
    for line, offset in _lines_with_offsets(text):
        if not line:
            continue
        if len(header) >= HEADER_LINES or len(line) > 100 or "。" in line:
            break
        header.append((line, offset))
    return header


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    """Each line stripped of surrounding spaces, with the offset where the stripped text starts."""
    result, offset = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        result.append((stripped, offset + raw.find(stripped) if stripped else offset))
        offset += len(raw)
    return result


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (between 。/;/newline) that holds text[start:end]."""
    left = max(text.rfind(stop, 0, start) for stop in ("。", ";", "；", "\n")) + 1
    right_candidates = [i for stop in ("。", ";", "；", "\n") if (i := text.find(stop, end)) != -1]
    return text[left : min(right_candidates, default=len(text))]
