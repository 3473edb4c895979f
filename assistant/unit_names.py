"""Unit-like names in a question, read from how Chinese unit names are built (place + organ suffix).

Used two ways: a short form of an ingested unit ("交通局" for 青岚县交通运输局, "城投" for
鹤州市城市建设投资集团有限公司) is resolved to that unit, and a name no ingested unit answers to
("长岭镇") is reported as unknown instead of being answered from another unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import jieba.posseg

from index.vocabulary import COMPANY_SHORT_FORMS, KIND_SHORT_FORMS, ORGAN_SHORT_FORMS

# How unit names end: places, organs, schools, hospitals, companies.
UNIT_SUFFIX_WORDS = (
    r"(省|市|区|县|旗|镇|乡|村|社区|街道|街道办|新区|开发区|高新区|经开区|集聚区|园区|管委会|局|委|办|厅|院|所|中心校|中心|"
    r"委员会|党委|党组|党工委|学校|中学|小学|大学|学院|幼儿园|医院|卫生院|公司|集团|银行|站|"
    r"红十字会|红会|总工会|"  # people's organisations (群团组织) named by their kind
    r"[一二三四五六七八九十]中|[一二三四五六七八九十]小)"  # "青岚一中": a school by its number
)
UNIT_SUFFIX = re.compile(UNIT_SUFFIX_WORDS + "$")
# Parts of speech that can make up a name before its suffix (jieba's tags: places, person-like
# words, organisations, other proper nouns, plain nouns, abbreviations, morphemes, numerals).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "n", "j", "zg", "ng", "vn", "an", "m"})
# Tags of a word that may be a unit's short form on its own ("城投", "东临"): abbreviations, places, organisations.
SHORT_FORM_TAGS = frozenset({"j", "ns", "nt"})
# A proper noun the word cutter does not know for a place ("泰和", "德清"), pointed at as a unit ("泰和那个镇").
_POINTED_TAGS = frozenset({"nz", "nr"})
_POINTED_AT = re.compile("[那这](?:个|家|边|儿)")
NOT_IN_NAMES = re.compile(r"[的了在和与对把被是有为从向于及或并各每全本我该其此这那哪些谁]")
# State-owned companies' short forms ("城投", "文旅"): after a place they name a unit ("雁汀城投").
ORGAN_NICKNAME = re.compile("(?:" + "|".join(dict.fromkeys(s for _, s in COMPANY_SHORT_FORMS)) + r")(?:集团|公司)?")
INSPECTING_BODY = re.compile(r"委?(第[一二三四五六七八九十\d]+)?(巡察|巡视)(组|办|机构)")
# What sends inspectors ("县委/市/省委" + 巡察组); an organ before 巡察组 is the unit inspected ("…检察院巡察组").
_INSPECTOR_END = "委省市州区县旗"
MAX_NAME_CHARS = 14
# A word joining two units ("管委会加上两家公司"): never inside a name, though the word cutter tags it as a verb.
JOINS_NAMES = re.compile(r"再?加上|外加|连同|以及|还有")
# "桦溪乡村级财务", "桦溪镇村集体资金", "桦溪村村级财务": a township or village, then 村级 / 村集体 / 村干部
# (the word cutter joins 乡村 / 镇村 / 村村).
_TOWNSHIP_THEN_VILLAGE = re.compile(r"[乡镇村]村$")
_VILLAGE_WORD_REST = re.compile(r"级|集体|干部|两委|“两委”|务|民|组")


@lru_cache(maxsize=4096)
def unit_like_names(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(begin, end, name, has_suffix) of each unit-like name: a place/organ name ending in a unit
    suffix, or a lone abbreviation/place word; nested names keep the longest."""
    words = [(pair.word, pair.flag) for pair in jieba.posseg.cut(text)]
    ends = [0]
    for word, _ in words:
        ends.append(ends[-1] + len(word))
    found: list[tuple[int, int, str, bool]] = []
    for index, (word, tag) in enumerate(words):
        end = ends[index + 1]
        pointed = tag in _POINTED_TAGS and _POINTED_AT.match(text, end) is not None
        if UNIT_SUFFIX.search(word) and not sends_inspectors(text, end):
            begin = ends[index]
            for previous in range(index - 1, -1, -1):
                piece, piece_tag = words[previous]
                # A verb-like piece inside a name ("浙南集聚区") counts only with a place word before it.
                inner_verb = piece_tag == "v" and previous > 0 and words[previous - 1][1] in SHORT_FORM_TAGS
                if (piece_tag not in _NAME_TAGS and not inner_verb) or NOT_IN_NAMES.search(_as_name(piece, piece_tag)) \
                        or JOINS_NAMES.fullmatch(piece):
                    break
                if end - ends[previous] > MAX_NAME_CHARS:
                    break
                begin = ends[previous]
            if _TOWNSHIP_THEN_VILLAGE.search(text, begin, end) and _VILLAGE_WORD_REST.match(text, end):
                end -= 1  # the township's name; 村 starts the word after it
            name = text[begin:end]
            stem = re.sub(r"^[省市区县镇乡]", "", UNIT_SUFFIX.sub("", name))
            first = ends.index(begin)
            if len(stem) >= 2 and not NOT_IN_NAMES.search("".join(_as_name(w, t) for w, t in words[first : index + 1])):
                found.append((begin, end, name, True))
        elif (tag in SHORT_FORM_TAGS or pointed) and len(word) >= 2 \
                and not NOT_IN_NAMES.search(_as_name(word, "ns" if pointed else tag)):
            found.append((ends[index], end, word, False))
    # "雁汀城/投": a word ending inside an organ short form ("城投") was cut apart by the word cutter.
    cut = [(m.start(), m.end()) for m in ORGAN_NICKNAME.finditer(text)]
    return tuple(
        span for span in found
        if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in found)
        and not any(span[0] < b < span[1] < e for b, e in cut)
    )


def sends_inspectors(text: str, end: int) -> bool:
    """Whether the name ending at `end` is what sends a 巡察组 after it ("县委第二巡察组"), not a unit inspected
    ("红会巡察组", "…检察院巡察组")."""
    inspector = INSPECTING_BODY.match(text, end)
    return inspector is not None and (text[end - 1] in _INSPECTOR_END or inspector.group(0)[0] == "委")


def _as_name(word: str, tag: str) -> str:
    """The word as a name is checked: a place word (太和县, 泰和) joins nothing with its 和, so that is no conjunction."""
    return word.replace("和", "") if tag == "ns" and len(word) >= 2 else word


def is_short_form(short: str, name: str) -> bool:
    """True when `short` is `name` with characters left out, in order ("交通局" of "交通运输局")."""
    if len(short) < 2 or len(short) >= len(name) or only_place_and_kind(short, name):
        return False
    position = 0
    for index, char in enumerate(short):
        found = name.find(char, position)
        if found == -1:
            return False
        if index and _SKIPPED_DIVISION.fullmatch(name[position:found]) and _ORGAN_ONLY.fullmatch(short[index:]):
            return False  # "岑州市教育局" is the city's bureau, not 岑州市蒹葭区教育局
        position = found + 1
    return True


def only_place_and_kind(short: str, name: str) -> bool:
    """Whether `short` keeps only the place `name` starts with and the kind of area it ends with, leaving
    out the area's own name: "武汉经开区" is the city's 经开区, not 武汉盘龙城经济开发区; "岳阳街道" no 街道."""
    kind = _AREA_KIND.search(short)
    written_kind = _AREA_KIND_WRITTEN.search(name)
    if kind is None or written_kind is None or kind.start() < 2 or not name.startswith(short[: kind.start()]):
        return False
    own_name = name[kind.start(): written_kind.start()].lstrip(_LEVEL_CHARS)
    return len(own_name) >= 2 and not any(char in short for char in own_name)


def another_own_name(short: str, name: str) -> bool:
    """Whether `short` names another unit than `name` at the same place: place + own name + kind whose own
    name is not `name`'s written shorter or longer ("温州瓯江口/浙北产业集聚区" are not 温州浙南产业集聚区)."""
    kind = _AREA_KIND_WRITTEN.search(short)
    written_kind = _AREA_KIND_WRITTEN.search(name)
    if kind is None or written_kind is None or short[:2] != name[:2]:
        return False
    # After the place's first two characters (温州, 郑州市 less its level): the rest of a longer place is
    # written alike in both, so only the own names differ.
    own = name[2 : written_kind.start()].lstrip(_LEVEL_CHARS)
    other = short[2 : kind.start()].lstrip(_LEVEL_CHARS)
    return len(own) >= 2 and len(other) >= 2 and not _in_order(other, own) and not _in_order(own, other)


def _in_order(part: str, whole: str) -> bool:
    """Whether every character of part appears in whole, in order ("浙南" in "浙南")."""
    rest = iter(whole)
    return all(char in rest for char in part)


def place_organ_names(text: str) -> list[tuple[int, int, str]]:
    """(begin, end, name) of each place + organ the word cutter cannot read ("菡池区住建局": rare characters),
    whose place is no common word ("去年市住建局" is last year's city bureau)."""
    found = []
    for match in _PLACE_ORGAN.finditer(text):
        core, organ = match.group(1), match.group(0)[len(match.group(1)) + 1 :]
        tag = jieba.posseg.dt.word_tag_tab.get(core)
        if (tag is None or tag in SHORT_FORM_TAGS) and not NOT_IN_NAMES.search(match.group(0)) \
                and not set(core) & set(_NOT_A_PLACE_CHARS) and not INSPECTING_BODY.match(text, match.end()) \
                and not organ.startswith("委"):
            found.append((match.start(), match.end(), match.group(0)))
    return found


# A two-character place, its level and an organ right after ("菡池区住建局", "蒹葭县教育局").
_PLACE_ORGAN = re.compile(
    r"([\u4e00-\u9fff]{2})[省市州县区旗]"
    r"(?:[\u4e00-\u9fff]{0,6}?(?:局|委员会|委|办公室|办|中心|卫生院|医院|中学|小学|学校|公司|集团|银行|所|站))"
)
# Characters that start or end no place's name before its level ("全市", "各区", "本县").
_NOT_A_PLACE_CHARS = "全各本我该此每其省市州县区镇乡村"


_AREA_KIND = re.compile(r"(?:经开区|开发区|高新区|新区|集聚区|园区|街道|镇|乡|区|县)$")
_AREA_KIND_WRITTEN = re.compile(
    r"(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|新区|产业集聚区|集聚区|产业园区?|园区|街道|镇|乡|区|县)$"
)
_LEVEL_CHARS = "省市州"


# A district or county left out inside a name, before an organ that every level has: another unit.
_SKIPPED_DIVISION = re.compile(r"[\u4e00-\u9fff]{1,6}[区县]")
_ORGAN_ONLY = re.compile(r"[\u4e00-\u9fff]{0,6}(?:局|委|办|中心|医院|中学|小学|学校|公司|集团)")


_COMPANY_FORM = re.compile(r"(股份)?有限(责任)?公司$")


def same_kind(short: str, name: str) -> bool:
    """Whether a short form names the same kind of unit: "临溪区" is not 临溪区望津街道, "城投集团" is 城投集团有限公司,
    and so is "城投公司" (a group company is a 公司); "一中", "柘大" are a 中学, a 大学."""
    if short.endswith("公司") and _COMPANY_FORM.search(name):
        return True
    name = _TERRITORY_COMMITTEE.sub("", _COMPANY_FORM.sub("", name))  # "东城区" is the one of 东城区工委
    return name.endswith(short[-1]) or (short[-1] in "中小大" and name.endswith(short[-1] + "学"))

# A territory's party committee, named for the territory ("许昌市东城区工委").
_TERRITORY_COMMITTEE = re.compile(r"(?<=[区县市州镇乡])(?:党工委|工委|党委|委员会|委)$")
# A place before an organ's name ("雁汀市", "鸣珂区"); a bare level starts a name only ("市卫生健康委").
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}?[省市州县区]")
_BARE_LEVEL = re.compile(r"^[省市州县区](?=[\u4e00-\u9fff]{2})")
_GROUP_COMPANY = re.compile(r"(集团)(?:股份)?有限(?:责任)?公司$")
_COMPANY = re.compile(r"(?:股份)?有限(?:责任)?公司$")
# Organisations (not territories): a territory goes by its core place name, which its formal name holds.
_ORGAN_END = re.compile(r"(?:局|委|委员会|办|厅|院|医院|中学|小学|学校|集团|公司|中心|所|站|社|红十字会)$")
_SHORTENED_COMMITTEE = re.compile(r"(?<=[\u4e00-\u9fff]{2})委员会$")


@lru_cache(maxsize=4096)
def common_short_form(unit: str) -> str:
    """The short form people use for an organ ("雁汀市住房和城乡建设局" → 住建局), or "" when no standard
    abbreviation applies."""
    if not _ORGAN_END.search(unit):
        return ""
    core = _BARE_LEVEL.sub("", unit)
    while (match := _PLACE.match(core)) and len(core) - match.end() >= 2:
        core = core[match.end():]
    core = _GROUP_COMPANY.sub(r"\1", core)
    core = _COMPANY.sub("公司", core)
    short = core
    for formal, abbreviation in ORGAN_SHORT_FORMS:
        short = re.sub(formal, abbreviation, short)
    if short == core:
        return ""
    return _SHORTENED_COMMITTEE.sub("委", short)


def placed_short_form(unit: str) -> str:
    """The short form with the nearest place before it, as people name an organ among others' ("莆田市中级人民法院"
    → 莆田中院, "雁汀市住房和城乡建设局" → 雁汀住建局); the bare short form when the name starts with no place."""
    short = common_short_form(unit)
    if not short:
        return ""
    place, core = "", _BARE_LEVEL.sub("", unit)
    while (match := _PLACE.match(core)) and len(core) - match.end() >= 2:
        place, core = match.group(0), core[match.end():]
    return (place[:-1] if len(place) > 2 else place) + short


def kind_short_names(unit: str) -> list[str]:
    """The unit's name with its kind said the short way people say it ("苜川县荻港镇中心小学" → 苜川县荻港镇中心校), so
    a question's "荻港中心校" is read as its short form; none when no kind of KIND_SHORT_FORMS is in the name."""
    shortened = [re.sub(formal, short, unit) for formal, short in KIND_SHORT_FORMS]
    university = _UNIVERSITY.sub(r"\1大", unit)  # "柘江大学" → 柘大, unless that is a word ("广大", "重大")
    if university != unit and jieba.posseg.dt.word_tag_tab.get(university, "j") in SHORT_FORM_TAGS:
        shortened.append(university)
    return [name for name in shortened if name != unit]


# A university whose place has two characters, named by the first of them and 大 (as people and its notices do).
_UNIVERSITY = re.compile(r"^([\u4e00-\u9fff])[\u4e00-\u9fff]大学$")


def numbered_short_form(unit: str) -> str:
    """The short form of an institution known by its number ("市第二实验中学" → 二实验, "第一人民医院" →
    一院), which users name it by on its own; "" for other units (their short forms are read by
    is_short_form)."""
    short = common_short_form(unit)
    return short if _NUMBERED.match(short) else ""


_NUMBERED = re.compile(r"^[一二三四五六七八九十]+[\u4e00-\u9fff]")


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,3}")


def name_tail_end(text: str, end: int, units: tuple[str, ...] | list[str]) -> int:
    """Where a unit's mention ending at `end` really ends: "扬大" + 附中 (of 扬州大学附属中学), "晋江" + 职专
    (of 晋江职业中专学校): a following two or three characters that abbreviate one of `units` name it too."""
    for length in (3, 2):
        tail = text[end:end + length]
        if _HAN_RUN.fullmatch(tail) and any(is_short_form(tail, unit) and tail not in unit for unit in units):
            return end + length
    return end


def without_spans(text: str, spans: Iterable[tuple[int, int]], gap: str = "") -> str:
    """The text with the spans (the unit names a question was found to hold) cut out, each replaced by gap."""
    for begin, end in sorted(spans, reverse=True):
        text = text[:begin] + gap + text[end:]
    return text
