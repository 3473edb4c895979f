"""A synthetic corpus of rectification notices: fictional sections recombined with generated units and figures.

Deterministic by seed. Nothing here comes from real notices: the sections are in
bench.synthetic_sections and every unit name, date and figure is drawn from a seeded RNG.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic_sections import (
    CATEGORIES,
    CLOSING,
    DEPARTMENTS,
    GENERIC_MEASURES,
    NEXT_STEPS,
    ORGANISING_PARAGRAPHS,
    RESULTS_PARAGRAPH,
    SECTION_TITLES,
    THEMES,
    Theme,
)

CITIES = ("青禾市", "岚川市", "望舒市")
# Two-character core names are one from each list; no character here is a unit-type word
# (区, 县, 市, 镇, 街, 园, 新) or a word the unit rules refuse inside a name (的, 对, 在 ...).
_FIRST = "青云柳松枫桐梧杏桃梅兰竹荷莲芷杉槐榆栖白丹翠碧金玉石霞雁鹤鹭锦秀嘉安宁平泰和丰瑞祥蓝紫"
_SECOND = "禾岭林湖溪泉川峰岗坪塘湾洲屿桥埠源潭滩浦坡岩谷冈港渡汀陂垣堤麓原"
_ORGAN_NUMERALS = "一二三四五六七八"
# Themes the across-unit questions ask about appear in a notice only this often, so "which units…"
# has a known answer that is neither every unit nor none (about 40% of units with 3 notices each).
OCCASIONAL_THEMES = (0, 3, 4, 8, 17)  # 津补贴, 软弱涣散, 固定资产, 公务接待, 违法建设
OCCASIONAL_SHARE = 0.15


@dataclass(frozen=True)
class UnitName:
    """A generated unit: its full name as notices state it, and the organ that issues its notices."""

    name: str
    issuer: str
    inspecting_organ: str  # whose 巡察组 inspects it: 市委 for a district, 区委 for a street
    self_reference: str  # how the notice refers to the unit: 区委, 县委, 街道党工委 ...
    department_prefix: str  # 区 for 区财政局; "" where departments go unprefixed


@dataclass(frozen=True)
class SyntheticNotice:
    """One generated notice file."""

    file_name: str
    unit: str
    text: str


def chinese_numeral(number: int) -> str:
    """1..99 written in Chinese numerals, as headings number them (十一, 二十三)."""
    if not 1 <= number <= 99:
        raise ValueError(f"number must be within 1..99, got {number}")
    digits = "零一二三四五六七八九"
    tens, ones = divmod(number, 10)
    if tens == 0:
        return digits[ones]
    head = "" if tens == 1 else digits[tens]
    return f"{head}十{digits[ones] if ones else ''}"


def make_unit_names(count: int, rng: random.Random) -> list[UnitName]:
    """count distinct units of mixed kinds (区, 县, 街道, 经济开发区, 镇), each with a distinct core name."""
    cores = [first + second for first in _FIRST for second in _SECOND]
    if count > len(cores):  # three-character cores only when two-character ones run out
        cores = [core + third for core in cores for third in _SECOND if third != core[1]]
    if count > len(cores):
        raise ValueError(f"at most {len(cores)} distinct units can be generated, asked for {count}")
    units = []
    for core in rng.sample(cores, count):
        city = rng.choice(CITIES)
        kind = rng.choice(("区", "县", "街道", "经济开发区", "镇"))
        if kind in ("区", "县"):
            units.append(UnitName(f"{city}{core}{kind}", f"中共{city}{core}{kind}委", "市委", f"{kind}委", kind))
        elif kind == "街道":
            units.append(UnitName(f"{core}街道", f"中共{core}街道工作委员会", "区委", "街道党工委", ""))
        elif kind == "经济开发区":
            units.append(UnitName(f"{core}经济开发区", f"{core}经济开发区党工委", "市委", "开发区党工委", ""))
        else:
            units.append(UnitName(f"{core}镇", f"中共{core}镇委员会", "县委", "镇党委", ""))
    return units


def _figures(rng: random.Random, unit: UnitName, year: int) -> dict[str, str]:
    """Fresh figures for one section: counts, people, money (万元), rates, places."""
    n = rng.randint(2, 30)
    people = rng.randint(1, 12)
    money = rng.uniform(0.5, 300)
    return {
        "n": str(n),
        "n2": str(rng.randint(1, n)),
        "n3": str(rng.randint(n, n * 4)),
        "people": str(people),
        "people2": str(rng.randint(1, people)),
        "money": f"{money:.1f}" if rng.random() < 0.5 else f"{money:.2f}",
        "money2": f"{money * rng.uniform(0.1, 0.9):.2f}",
        "rules": str(rng.randint(2, 15)),
        "percent": str(rng.randint(80, 100)),
        "area": str(rng.randint(2, 200) * 100),
        "year": str(year - rng.randint(1, 3)),
        "dept": unit.department_prefix + rng.choice(DEPARTMENTS),
        "dept2": unit.department_prefix + rng.choice(DEPARTMENTS),
        "place": rng.choice(_FIRST) + rng.choice(_SECOND) + rng.choice(("村", "社区")),
        "unit": unit.name,
        "scope": {"区": "区", "县": "县", "": "辖区"}.get(unit.department_prefix, "辖区"),
    }


def _problem_block(theme: Theme, style: str, number: int, rng: random.Random, values: dict[str, str]) -> str:
    """One problem and its 整改措施, in the notice's heading style."""
    title = rng.choice(theme.titles)
    detail = rng.choice(theme.details).format(**values)
    count = rng.randint(1, len(theme.measures))
    chosen = rng.sample(theme.measures, count) + rng.sample(GENERIC_MEASURES, rng.randint(1, 4))
    measures = "".join(m.format(**values) for m in chosen)
    if style == "problem-label":
        return f"问题{chinese_numeral(number)}:{title}。{detail}\n\n整改措施及成效:{measures}"
    if style == "bracket":
        return f"【问题】{title}:{detail}\n\n【整改措施】{measures}"
    if style == "arabic-paren":
        return f"({number}){title}\n\n存在问题:{detail}\n\n整改进展:{measures}"
    return f"{number}.{title}。{detail}整改情况:{measures}"


def _date(year: int, month: int, day: int) -> str:
    return f"{year}年{month}月{day}日"


@dataclass(frozen=True)
class _NoticeDates:
    """The dates a notice states: inspection start and end, feedback, publication."""

    year: int
    start_month: int
    start_day: int
    end_month: int
    end_day: int
    feedback_month: int
    feedback_day: int
    publish_year: int
    publish_month: int
    publish_day: int

    @classmethod
    def draw(cls, rng: random.Random) -> _NoticeDates:
        year = rng.randint(2019, 2024)
        start_month = rng.randint(2, 7)
        start_day, end_day, feedback_day, publish_day = (rng.randint(1, 28) for _ in range(4))
        end_month = start_month + rng.randint(1, 2)
        feedback_month = end_month + rng.randint(1, 2)
        publish_year, publish_month = (year, feedback_month + 3) if feedback_month + 3 <= 12 else (year + 1, feedback_month - 9)
        return cls(
            year, start_month, start_day, end_month, end_day, feedback_month, feedback_day,
            publish_year, publish_month, publish_day,
        )  # fmt: skip


def generate_notice(unit: UnitName, rng: random.Random, problems: int | None = None) -> str:
    """One notice about unit: title, inspection and feedback dates, problems with measures, results."""
    dates = _NoticeDates.draw(rng)
    team = f"{unit.inspecting_organ}第{rng.choice(_ORGAN_NUMERALS)}巡察组"
    problems = problems if problems is not None else rng.randint(10, 18)
    rectified = rng.randint(problems // 2, problems)
    style = rng.choice(("numbered", "problem-label", "bracket", "arabic-paren"))
    titles = [rng.choice(options) for options in SECTION_TITLES]
    kind = rng.choice(("巡察整改进展情况", "巡察反馈意见整改落实情况", "巡察整改情况"))

    lines = _opening_lines(unit, rng, dates, team, kind)
    lines += [f"一、{titles[0]}", ""]
    lines += _organising_lines(unit, rng, dates.year, problems, rectified)
    lines += [f"二、{titles[1]}", ""]
    lines += _problem_lines(unit, rng, dates.year, problems, style)
    lines += _closing_lines(unit, rng, dates, titles)
    return "\n".join(lines)


def _opening_lines(unit: UnitName, rng: random.Random, dates: _NoticeDates, team: str, kind: str) -> list[str]:
    """Title, (often) the publication line, and the paragraph saying who inspected whom and when."""
    d = dates
    lines = [f"{unit.issuer}关于{kind}的通报", ""]
    if rng.random() < 0.7:
        lines += [f"发布日期: {d.publish_year}-{d.publish_month:02d}-{d.publish_day:02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}", ""]
    return lines + [
        f"根据{unit.inspecting_organ}统一部署,{_date(d.year, d.start_month, d.start_day)}至{d.end_month}月{d.end_day}日,"
        f"{team}对{unit.name}进行了巡察。{_date(d.year, d.feedback_month, d.feedback_day)},{team}向{unit.self_reference}"
        "反馈了巡察意见。按照党务公开原则和巡察工作有关要求,现将巡察整改进展情况予以公布。",
        "",
    ]


def _organising_lines(unit: UnitName, rng: random.Random, year: int, problems: int, rectified: int) -> list[str]:
    """The section on how the rectification was organised, with its headline counts."""
    counts = _figures(rng, unit, year)
    counts.update(
        issuer=unit.self_reference, groups=str(rng.randint(3, 5)), problems=str(problems),
        rectified=str(rectified), in_progress=str(problems - rectified),
    )  # fmt: skip
    lines: list[str] = []
    for index, paragraph in enumerate(ORGANISING_PARAGRAPHS, start=1):
        lines += [f"({chinese_numeral(index)}){paragraph.format(**counts)}", ""]
    return lines


def _problem_lines(unit: UnitName, rng: random.Random, year: int, problems: int, style: str) -> list[str]:
    """The problems found, grouped under categories, each with its 整改措施."""
    themes = [THEMES[i] for i in OCCASIONAL_THEMES if rng.random() < OCCASIONAL_SHARE]
    common = [theme for i, theme in enumerate(THEMES) if i not in OCCASIONAL_THEMES]
    themes += rng.sample(common, max(0, min(problems - len(themes), len(common))))
    rng.shuffle(themes)
    categories = rng.sample(CATEGORIES, rng.randint(3, 5))
    per_category = math.ceil(len(themes) / len(categories))
    lines: list[str] = []
    for group, category in enumerate(categories):
        group_themes = themes[group * per_category : (group + 1) * per_category]
        if not group_themes:
            break
        lines += [f"({chinese_numeral(group + 1)}){category}", ""]
        for number, theme in enumerate(group_themes, start=1):
            values = _figures(rng, unit, year)
            lines += [_problem_block(theme, style, number, rng, values), ""]
    return lines


def _closing_lines(unit: UnitName, rng: random.Random, dates: _NoticeDates, titles: list[str]) -> list[str]:
    """The results section, (often) next steps, the contact paragraph, the issuer and the date."""
    clues = rng.randint(2, 20)
    money = rng.uniform(1, 500)
    results = RESULTS_PARAGRAPH.format(
        clues=clues, clues_closed=rng.randint(1, clues), cases=rng.randint(0, clues),
        punished=rng.randint(0, 10), warned=rng.randint(0, 10), rules=rng.randint(3, 30),
        rules2=rng.randint(1, 20), money=f"{money:.2f}",
    )  # fmt: skip
    lines = [f"三、{titles[2]}", "", results, ""]
    if rng.random() < 0.6:
        lines += [f"四、{titles[3]}", "", "".join(rng.sample(NEXT_STEPS, 2)), ""]
    phone = f"0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}"
    lines += [CLOSING.format(phone=phone, email=f"xczg{rng.randint(100, 999)}@example.cn"), ""]
    return lines + [unit.issuer, _date(dates.publish_year, dates.publish_month, dates.publish_day)]


def generate_corpus(notice_count: int, seed: int = 0, notices_per_unit: int = 3) -> list[SyntheticNotice]:
    """notice_count notices, about ceil(notice_count / notices_per_unit) distinct units."""
    if notice_count < 1 or notices_per_unit < 1:
        raise ValueError("notice_count and notices_per_unit must be at least 1")
    rng = random.Random(seed)
    units = make_unit_names(math.ceil(notice_count / notices_per_unit), rng)
    notices = []
    for index in range(notice_count):
        unit = units[index % len(units)]
        text = generate_notice(unit, rng)
        notices.append(SyntheticNotice(f"{index:06d}_{unit.name}.txt", unit.name, text))
    return notices


def write_corpus(notices: Sequence[SyntheticNotice], folder: Path) -> list[Path]:
    """Write each notice as a UTF-8 .txt file in folder; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for notice in notices:
        path = folder / notice.file_name
        path.write_text(notice.text, encoding="utf-8")
        paths.append(path)
    return paths
