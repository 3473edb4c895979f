"""How the place written before a unit's name reads: its own place, or the place of another unit.

"惠济区教育局" is the district's bureau, not 郑州市惠济区; "苕岸区教育局" is not 蒹葭区教育局 because 苕岸区 is
not its place; "武汉经开区" is the city's 经开区, not 武汉盘龙城经济开发区.
"""

from __future__ import annotations

import re

from assistant.unit_names import NOT_IN_NAMES, UNIT_SUFFIX_WORDS, another_own_name
from index.lexical import normalize_for_search

# "惠济区教育局", "雁汀市第一中学": a department or institution under a held territory is another unit, so
# the territory's name in front of it is not a mention of the territory (its own organs 区委, 党工委 are, and
# so are their bodies: "盘龙城党委中心组", the committee's study group). A count before the organ ("苇塘和
# 青禾两个卫健委") counts the units just named, so names no organ under the last of them.
SUB_ORGAN = re.compile(
    r"(?!所属|下属|各|辖区|有关|相关|全|党委|党工委|党组|再?加上|外加|连同|以及|还有|[这那]?(?:[一二两三四五六七八九十几\d]+[个家所]|俩))"
    r"(?:(?![的和与跟同及或比对在向])[\u4e00-\u9fff]){0,6}?"
    r"(?:局|办公室|中心(?!组)|中学|小学|学校|幼儿园|医院|卫生院|公司|集团|派出所|卫健委|发改委|教委|附中|附小)"
    r"(?![\u4e00-\u9fff]{0,2}[长任])"
)
# The whole name of such an organ, longest first ("中心小学", not its "中心"; "附属医院").
SUB_ORGAN_WHOLE = re.compile(
    r"(?:(?![的了在和与对把被是有为从向于及或并各每全本我该其此这那哪些谁几多啥么个咋怎])[\u4e00-\u9fff]){0,6}"
    r"(?:局|办公室|中心|中学|小学|学校|幼儿园|医院|卫生院|公司|集团|派出所|卫健委|发改委|教委|附中|附小)"
)
# A named subdivision after a held territory ("惠济区长兴路街道", "盘龙城街道", "东临新区河埠镇"): another
# unit; not a count or a generic word ("各街道", "八个镇", "乡镇", "镇(街道)").
SUB_DIVISION = re.compile(
    r"(?!再?加上|外加|连同|以及|还有)(?:(?:(?![的和与跟同及或比对在向各所下辖有相全一二三四五六七八九十几多个些乡镇])[\u4e00-\u9fff]){2,6}?"
    r"(?:街道|镇|乡|社区|村)|街道)(?![\u4e00-\u9fff]{0,2}[长任])(?!服务|工作|干部|建设|治理|管理)"
)
AREA_AFTER = re.compile(r"经开区|开发区|高新区|新区|集聚区|园区")
# Characters that end no place name: a bare organ after them ("那市监局", "和区教育局") stands alone.
_FUNCTION_CHARS = "那这和跟与同及或比对在向是的说看问呢吗了把被给从到让请换也都还就即其各该"
_LEVELS = "省市州区县镇乡"
_PLACE_TAIL = re.compile(r"[\u4e00-\u9fff]{1,3}?[省市州区县]")  # "溪县" of 芦溪县: where a place ends in a name


def inside_another_place(text: str, begin: int, name: str, unit: str) -> bool:
    """"区教育局" read in "苕岸区教育局": a bare organ name that goes on a place other than its unit's.
    `text` may be the question as asked or its search form: only the place before `begin` is read."""
    # "苕岸区" + 教育局, "柳州" + 城中区: a place of two or three characters ending in its level
    if begin >= 2 and name[:1] not in _LEVELS and text[begin - 1] in _LEVELS:
        place = normalize_for_search(text[max(0, begin - 3) : begin])
        return not any(c in _FUNCTION_CHARS for c in place[:2]) and place not in normalize_for_search(unit)
    if _cut_from_another_place(text, begin, name, unit):
        return True
    if name[:1] not in "区市县镇乡" or begin == 0 or unit[:1] in "区市县镇乡":
        return False  # (a bare organ whose place the library does not know, "市卫生健康委": any place may be it)
    place = normalize_for_search(text[max(0, begin - 2) : begin + 1])  # "苕岸区"
    before = place[-2]
    return "\u4e00" <= before <= "\u9fff" and before not in _FUNCTION_CHARS and place not in normalize_for_search(unit)


def _cut_from_another_place(text: str, begin: int, name: str, unit: str) -> bool:
    """"溪县农业局" read in "苇溪县农业局" of a held 芦溪县农业局: a name that starts inside its unit's place
    ("溪县", the place's tail) with another character written straight before it names another place's unit."""
    place_tail = _PLACE_TAIL.match(name)
    if begin == 0 or place_tail is None:
        return False
    full, before = normalize_for_search(unit), normalize_for_search(text[begin - 1])
    at = full.find(place_tail.group(0))
    return (at > 0 and "\u4e00" <= before <= "\u9fff" and before not in _FUNCTION_CHARS
            and before != full[at - 1])


def after_another_units_name(haystack: str, begin: int, name: str, unit: str, names: list[tuple[str, str]]) -> bool:
    """"荻港中心校" read as 中心 (a held centre's bare alias): the two characters straight before a bare alias are
    another held unit's name ("荻港" of 荻港镇中心小学) and not its own unit's, so they name that unit's thing."""
    before = haystack[max(0, begin - 2):begin]
    if len(before) < 2 or name == normalize_for_search(unit) or not all("\u4e00" <= c <= "\u9fff" for c in before):
        return False
    own = [held for held, owner in names if owner == unit]
    return not any(before in held for held in own) and any(before in held for held, owner in names if owner != unit)


def with_own_place(haystack: str, begin: int, end: int, unit: str, taken: list[bool]) -> int:
    """Where a bare organ alias begins once the place written before it is its unit's own ("蒹葭" + 区教育局)."""
    full = normalize_for_search(unit)
    for length in (4, 3, 2, 1):
        start = begin - length
        if start >= 0 and not any(taken[start:begin]) and haystack[start:end] in full:
            return start
    return begin


_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{3,14}")
_KIND_ENDS = re.compile(UNIT_SUFFIX_WORDS)


def another_unit_at(haystack: str, begin: int, unit: str) -> int:
    """The end of a name starting at `begin` that writes the unit's place and kind around another own name
    ("温州瓯江口产业集聚区" for 温州浙南产业集聚区), or 0 when the name read there is the unit's."""
    run = _NAME_RUN.match(haystack, begin)
    if run is None:
        return 0
    name = run.group(0)
    if stop := NOT_IN_NAMES.search(name):
        name = name[: stop.start()]
    full = normalize_for_search(unit)
    for kind in _KIND_ENDS.finditer(name):
        if another_own_name(name[: kind.end()], full):
            return begin + kind.end()
    return 0
