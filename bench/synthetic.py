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


def generate_notice(unit: UnitName, rng: random.Random, problems: int | None = None) -> str:
    """One notice about unit: title, inspection and feedback dates, problems with measures, results."""
    year = rng.randint(2019, 2024)
    start_month = rng.randint(2, 7)
    start_day, end_day, feedback_day, publish_day = (rng.randint(1, 28) for _ in range(4))
    end_month = start_month + rng.randint(1, 2)
    feedback_month = end_month + rng.randint(1, 2)
    publish_year, publish_month = (year, feedback_month + 3) if feedback_month + 3 <= 12 else (year + 1, feedback_month - 9)
    team = f"{unit.inspecting_organ}第{rng.choice(_ORGAN_NUMERALS)}巡察组"
    problems = problems if problems is not None else rng.randint(10, 18)
    rectified = rng.randint(problems // 2, problems)
    style = rng.choice(("numbered", "problem-label", "bracket", "arabic-paren"))
    titles = [rng.choice(options) for options in SECTION_TITLES]
    kind = rng.choice(("巡察整改进展情况", "巡察反馈意见整改落实情况", "巡察整改情况"))

    lines = [f"{unit.issuer}关于{kind}的通报", ""]
    if rng.random() < 0.7:
        lines += [f"发布日期: {publish_year}-{publish_month:02d}-{publish_day:02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}", ""]
    lines += [
        f"根据{unit.inspecting_organ}统一部署,{_date(year, start_month, start_day)}至{end_month}月{end_day}日,"
        f"{team}对{unit.name}进行了巡察。{_date(year, feedback_month, feedback_day)},{team}向{unit.self_reference}"
        "反馈了巡察意见。按照党务公开原则和巡察工作有关要求,现将巡察整改进展情况予以公布。",
        "",
        f"一、{titles[0]}",
        "",
    ]
    counts = _figures(rng, unit, year)
    counts.update(
        issuer=unit.self_reference, groups=str(rng.randint(3, 5)), problems=str(problems),
        rectified=str(rectified), in_progress=str(problems - rectified),
    )
    for index, paragraph in enumerate(ORGANISING_PARAGRAPHS, start=1):
        lines += [f"({chinese_numeral(index)}){paragraph.format(**counts)}", ""]
    lines += [f"二、{titles[1]}", ""]
    themes = [THEMES[i] for i in OCCASIONAL_THEMES if rng.random() < OCCASIONAL_SHARE]
    common = [theme for i, theme in enumerate(THEMES) if i not in OCCASIONAL_THEMES]
    themes += rng.sample(common, max(0, min(problems - len(themes), len(common))))
    rng.shuffle(themes)
    categories = rng.sample(CATEGORIES, rng.randint(3, 5))
    per_category = math.ceil(len(themes) / len(categories))
    for group, category in enumerate(categories):
        group_themes = themes[group * per_category : (group + 1) * per_category]
        if not group_themes:
            break
        lines += [f"({chinese_numeral(group + 1)}){category}", ""]
        for number, theme in enumerate(group_themes, start=1):
            values = _figures(rng, unit, year)
            lines += [_problem_block(theme, style, number, rng, values), ""]
    clues = rng.randint(2, 20)
    money = rng.uniform(1, 500)
    results = RESULTS_PARAGRAPH.format(
        clues=clues, clues_closed=rng.randint(1, clues), cases=rng.randint(0, clues),
        punished=rng.randint(0, 10), warned=rng.randint(0, 10), rules=rng.randint(3, 30),
        rules2=rng.randint(1, 20), money=f"{money:.2f}",
    )
    lines += [f"三、{titles[2]}", "", results, ""]
    if rng.random() < 0.6:
        lines += [f"四、{titles[3]}", "", "".join(rng.sample(NEXT_STEPS, 2)), ""]
    phone = f"0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}"
    lines += [CLOSING.format(phone=phone, email=f"xczg{rng.randint(100, 999)}@example.cn"), ""]
    lines += [unit.issuer, _date(publish_year, publish_month, publish_day)]
    return "\n".join(lines)


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


SINGLE_UNIT_QUESTIONS = (
    "{unit}清退了多少违规发放的津补贴?",
    "{unit}挽回经济损失多少万元?",
    "{unit}是哪个巡察组巡察的?什么时候反馈的?",
    "{unit}在公务用车管理方面做了哪些整改?",
    "{unit}有多少个问题已整改到位?",
    "{unit}受理了多少件巡察移交的问题线索?",
    "{unit}对软弱涣散党组织是怎么整顿的?",
    "{unit}新制定了多少项制度?",
)
UNSCOPED_QUESTIONS = (
    "违规发放津补贴问题是如何整改的?",
    "公务用车管理不规范是怎样整改的?",  # not "有哪些": the retriever reads 哪些 as a question across units
    "固定资产未入账问题怎么整改?",
    "工程项目未经招标直接发包的问题如何处理?",
    "重复信访件是怎么化解的?",
)
# Each "which units…" question with the phrase only the notices of its (occasional) theme contain:
# the units whose notices contain it are the known answer.
ACROSS_UNIT_QUESTIONS = (
    ("哪些单位清退了违规发放的津补贴?", "津补贴"),
    ("哪些单位存在固定资产未入账的问题?", "固定资产"),
    ("哪些单位对软弱涣散党组织进行了整顿?", "软弱涣散"),
    ("哪些单位的通报提到了违规公务接待?", "接待"),
    ("哪些单位开展了违法建设整治?", "违法建设"),
)


def answering_units(question: str, units_and_texts: Sequence[tuple[str, str]]) -> set[str]:
    """The known answer to one of ACROSS_UNIT_QUESTIONS: units with a notice containing its phrase."""
    phrase = dict(ACROSS_UNIT_QUESTIONS)[question]
    return {unit for unit, text in units_and_texts if phrase in text}


def sample_questions(units: Sequence[str], count: int, seed: int = 0) -> dict[str, list[str]]:
    """count questions of each kind: about one named unit, naming no unit, and across all units."""
    rng = random.Random(seed)
    return {
        "single-unit": [rng.choice(SINGLE_UNIT_QUESTIONS).format(unit=rng.choice(units)) for _ in range(count)],
        "unscoped": [UNSCOPED_QUESTIONS[i % len(UNSCOPED_QUESTIONS)] for i in range(count)],
        "across-units": [ACROSS_UNIT_QUESTIONS[i % len(ACROSS_UNIT_QUESTIONS)][0] for i in range(count)],
    }
