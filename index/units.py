"""Unit names: the unit part of an organ's name, its fullest written form, and the shorter names it goes by."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.places import named_places, place_core_before_economy, unique_place

HAN = "[\u4e00-\u9fff]"

PARTY_PREFIXES = ("中国共产党", "中共")
# Issuing organs written after the unit's name ("X党工委" is issued by X's party working committee).
ORGAN_SUFFIXES = (
    "工作委员会", "管理委员会", "党政办公室", "人民政府", "总支部委员会", "支部委员会", "委员会", "党工委", "管委会", "党总支", "党支部",
    "党委", "党组", "党政办",
)
# Territorial unit types, longest first; their core name ("盘龙城", "惠济") is what users type.
TERRITORIAL_TYPES = (
    "高新技术产业开发区", "经济技术开发区", "高新技术开发区", "经济开发区", "产业集聚区", "街道办事处",
    "工业园区", "产业园区", "开发区", "高新区", "经开区", "集聚区", "示范区", "产业园", "管理区", "风景区",
    "自治区", "自治州", "自治县", "新区", "园区", "街道", "社区", "地区", "镇", "乡", "村", "省", "市", "县",
    "区", "旗", "盟",
)
# Types whose own party committee is "区委/县委/市委…" (a plain district, county, city).
# Levels a bare organ is written with when the place is left out (市卫健委, 县教育局, 区住建局).
BARE_LEVELS = "省市州县区旗盟"
ADMIN_TYPES = ("省", "市", "县", "区", "旗", "盟", "自治区", "自治州", "自治县")
# Shorter ways of writing a type: 盘龙城经济开发区 -> 盘龙城开发区, 盘龙城经开区.
TYPE_ABBREVIATIONS = {
    "高新技术产业开发区": ("高新区", "开发区"),
    "经济技术开发区": ("经开区", "开发区"),
    "高新技术开发区": ("高新区", "开发区"),
    "经济开发区": ("经开区", "开发区"),
    "产业集聚区": ("集聚区",),
    "街道办事处": ("街道",),
    "工业园区": ("园区",),
    "产业园区": ("园区",),
    "产业园": ("园区",),
}
# Organisations (not territories): no core name without the type is offered as an alias.
ORGANISATION_TYPES = (
    "公司", "集团", "医院", "学校", "大学", "学院", "中学", "小学", "幼儿园", "中心", "银行", "局", "委", "厅", "办", "所",
    "院", "馆", "管理处",
)
# Words naming people or bodies inside a unit, written after its organ (X党工委主要负责人, X党委领导班子).
ROLE_SUFFIX = re.compile(r"(?:主要负责人|主要负责同志|负责同志|负责人|领导班子|班子成员|书记|班子)+$")
# Where a target names more than the unit (X及所辖5个社区党委, X所辖村(社区)党组织, X6个社区党委,
# X党委书记某某和…): the unit is the part before.
TARGET_CUT = re.compile(
    r"所辖|所属|下属|及其|及|[((]|(?<![等、\d])\d+\s*个|书记|主任|校长|院长|局长|镇长|乡长|董事长|总经理"
)
# A target listing several units (区民政局、区农业农村局等4家单位): no one unit.
SEVERAL_TARGETS = re.compile(r"、|等\s*\d|等[一二三四五六七八九十]|\d+\s*[家个]")
# Departments of a party committee (区委办, 县委教育工委): units, though written after 区委/县委.
COMMITTEE_DEPARTMENT = re.compile(
    r"^[省市州县区旗盟]委(?:办公室|办|组织部|宣传部|统战部|统一战线工作部|政法委|政法委员会|编办|教育工委|"
    r"教育工作委员会|党校|老干部局|网信办|政研室|党史研究室|信访局|社会工作部|机要局|保密办)$"
)
UNIT_ORGANS = ("工作委员会", "委员会", "党工委", "党委", "党组", "办事处", "管委会")
GENERIC_WORDS = frozenset(TERRITORIAL_TYPES) | {a for abbrevs in TYPE_ABBREVIATIONS.values() for a in abbrevs}
# Longer kinds first, so "我学院" reads as 学院 and not stops at 院.
SELF_REFERENCE = re.compile(
    r"(?:我|本|全|该)(单位|街道|社区|中心|集团|学院|学校|医院|机关|公司|区|县|市|镇|乡|村|局|委|厅|办|部|所|站|院|校)"
)
# Words that never occur inside a unit's name but do occur in sentences a loose pattern can catch.
NOT_IN_NAMES = re.compile(r"巡察|巡视|届|轮|关于|整改|意见|反馈|通报|方案|党员|干部|代表|书记|主任|同志|记者|获悉|的|了|与|及|等|在|对|\d")
# A name joining two fields with 与 (人文与社会科学学院, 自然资源与规划局): 与 is part of it there.
JOINED_NAME = re.compile(f"{HAN}{{2,}}与{HAN}{{2,}}(?:学院|学校|系|研究院|研究所|中心|局)")
# Words that start a phrase about several or unnamed units (各单位, 部分村, 有关部门, 所属单位), never a name.
SEVERAL_OR_UNNAMED = re.compile(r"^(?:各|每|部分|有关|相关|其他|其它|所属|所辖|下属|多个|若干)")
NOT_A_SOURCE_UNIT = re.compile(r"纪委|监委|纪律检查|监察|巡察办|巡视办|网站|日报|新闻|融媒|电视|宣传")
ADMIN_COMPONENT = f"{HAN}{{1,6}}?(?:自治区|自治州|省|市|县|区|旗|盟)"
# A place name starts after punctuation, a line start, or the party/CPPCC prefix.
NAME_START = r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=中共)|(?<=政协))"

def strip_issuing_organ(name: str) -> tuple[str, bool]:
    """The unit part of an organ's name ("中共X委员会" -> X), and whether an organ was removed."""
    name = ROLE_SUFFIX.sub("", name.strip()) or name.strip()
    for prefix in PARTY_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    name = name.removesuffix("领导班子")
    for suffix in ORGAN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], True
    if name.endswith("办事处") and name[:-3].endswith("街道"):
        return name[:-3], True
    if len(name) >= 3 and name.endswith("委") and name[-2] in "区县市旗盟省州":
        return name[:-1], True
    return name, False


def unit_type(name: str) -> str:
    """The type word that ends a unit's name ("经济开发区", "街道", "区"), or ""."""
    for type_word in TERRITORIAL_TYPES + ORGANISATION_TYPES:
        if name.endswith(type_word) and len(name) > len(type_word):
            return type_word
    return ""


def is_generic_name(name: str) -> bool:
    """True for type words and self-references (开发区, 街道, 我区, 全区) that name no unit by themselves."""
    return name in GENERIC_WORDS or bool(SELF_REFERENCE.fullmatch(name)) or name in ORGANISATION_TYPES


def plausible_unit_name(name: str) -> bool:
    """True when a captured string reads like a unit's name rather than a fragment of a sentence."""
    return (
        len(name) >= 2
        and re.fullmatch(f"{HAN}+", name) is not None
        and not is_generic_name(name)
        and (not name.startswith(("中央", "省委", "市委", "区委", "县委")) or COMMITTEE_DEPARTMENT.match(name) is not None)
        and NOT_IN_NAMES.search(name.replace("与", "") if JOINED_NAME.fullmatch(name) else name) is None
        and SEVERAL_OR_UNNAMED.match(name) is None
    )


# A target that first names a person (向李某同志和X领导班子反馈): the unit is what follows.
PERSON_FIRST = re.compile(r"^[\u4e00-\u9fff]{2,4}同志(?:和|及|、)")


def first_named_part(target: str) -> str:
    """The unit a target names first ("X及所辖5个社区党委" -> "X", "X所辖村(社区)党组织" -> "X")."""
    first = TARGET_CUT.split(PERSON_FIRST.sub("", target), maxsplit=1)[0]
    return "" if SEVERAL_TARGETS.search(first) else first


def unit_from_issuer(issuer: str, *, need_organ: bool) -> str:
    """The unit named by an issuer string, or "" when it does not read as one."""
    name, had_organ = strip_issuing_organ(issuer)
    if need_organ and not had_organ and not unit_type(name):
        return ""
    return name if plausible_unit_name(name) else ""


_COMPANY_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司$")
_SHARES_SHORT_NAME = re.compile(f"^({HAN}{{2,4}})股份$")  # a listed company's short name + 股份: the name alone names it


def abbreviates(short: str, full: str) -> bool:
    """True when `short` is a short form of `full` at the same place (雁汀文旅集团 of 雁汀市文化旅游发展集团有限公司).

    Its characters occur in `full` in order, both start alike (the same place name, its first character before
    a school's kind: 柘职院, or the same level word: 市住建局 of 雁汀市住房和城乡建设局), and both name the same kind.
    """
    if len(short) < 3 or len(short) >= len(full) or full.endswith(short):
        return False
    if short[0] != full[0]:
        place = re.match(f"{ADMIN_COMPONENT}", full)
        if not place or short[0] != place.group(0)[-1] or short[0] not in BARE_LEVELS:
            return False
        full = full[place.end() - 1 :]
    if short[:2] != full[:2] and not (short[0] == full[0] and re.fullmatch("职院|师大|师院|职校|技校|卫校", short[1:])):
        return False
    if not chars_in_order(short, full):
        return False
    kind = unit_type(short) or short[-1]
    return re.sub("委员会$", "委", _COMPANY_FORM.sub("", full)).endswith(kind) or (kind == "公司" and bool(_COMPANY_FORM.search(full)))


def qualified_by_place(unit: str, text: str) -> str:
    """A bare organ with the one place of its level the text names (市卫健委 + 宿迁市 -> 宿迁市卫健委)."""
    if len(unit) < 3 or unit[0] not in BARE_LEVELS:
        return unit
    place = unique_place(text, unit[0]) or _place_from_core(place_core_before_economy(text), unit[0], text)
    return place + unit[1:] if place and not unit.startswith(place) else unit


def _place_from_core(core: str, level: str, text: str) -> str:
    """core + level (安康 + 市) when the text names no other place of that level, else ""."""
    return core + level if core and not named_places(text, level) else ""


def fullest_written_form(unit: str, text: str) -> str:
    """The unit with the longest place prefix the text writes before it (惠济区 -> 郑州市惠济区)."""
    prefix = f"(?:{ADMIN_COMPONENT})+"
    if unit[0] in "省市县区旗盟":  # "县国资委" is written "青禾县国资委" in full
        prefix = f"(?:{ADMIN_COMPONENT})*{HAN}{{1,6}}?"
    pattern = NAME_START + f"({prefix})" + re.escape(unit)
    # A bare organ's prefix must make a place the text names (青禾+县国资委), not a verb (认为+市卫健委).
    bare = unit[0] in "省市县区旗盟"
    places = tuple(named_places(text, unit[0])) if bare else ()
    forms = [
        match.group(0)
        for match in re.finditer(pattern, text, re.MULTILINE)
        if not SELF_REFERENCE.match(match.group(1)) and not NOT_IN_NAMES.search(match.group(1))
        and (not bare or (match.group(1) + unit[0]).endswith(places))
    ]
    if not forms:
        return unit
    return _from_named_place(max(forms, key=len), len(unit) - bare, text, nearest=bare)


def _from_named_place(form: str, unit_length: int, text: str, nearest: bool) -> str:
    """The form from its first named place on (欢迎进入湖西省临川市中心医院 -> 湖西省临川市中心医院), or with
    nearest from the place of its own level only (临川市中心医院: a bare organ belongs to its city).

    A banner or sentence can run into the prefix; the prefix is cut where the places the text names
    begin. When no part of it reads as named places, it is kept as written.
    """
    prefix = form[: len(form) - unit_length]
    places = {name for level in ADMIN_TYPES for name in named_places(text, level)}
    starts = range(len(prefix) - 1, -1, -1) if nearest else range(len(prefix))
    for start in starts:
        if _is_place_chain(prefix[start:], places):
            return form[start:]
    return form


def _is_place_chain(prefix: str, places: set[str]) -> bool:
    """Whether prefix is one named place after another (湖西省临川市)."""
    return not prefix or any(prefix.startswith(p) and _is_place_chain(prefix[len(p):], places) for p in places)


def unit_aliases(unit: str, text: str, short_forms: Iterable[str] = ()) -> list[str]:
    """Short names of the unit that occur in text (with any known short forms), longest first; type words last."""
    if not unit:
        return []
    type_word = unit_type(unit)
    suffix_forms = _suffix_forms(unit, type_word)
    name_forms = [f for f in suffix_forms if f in text and _has_free_occurrence(f, text, suffix_forms)]
    core = _core_name(unit, name_forms, type_word)
    specific = set(name_forms) | {form for form in short_forms if form in text}
    if core:
        specific.update(f for a in TYPE_ABBREVIATIONS.get(type_word, ()) if (f := core + a) in text)
    organs = _organ_forms(specific, text, admin=type_word in ADMIN_TYPES)
    specific |= {f for f in organs if _has_free_occurrence(f, text, organs)}
    generic = {w for w in _generic_forms(unit, type_word) if _has_free_occurrence(w, text, specific)}
    generic |= {f for f in _organ_forms(generic, text, admin=False) if _has_free_occurrence(f, text, specific)}
    if type_word in ADMIN_TYPES and _has_free_occurrence(type_word + "委", text, specific):
        generic.add(type_word + "委")
    if core and core in text:
        specific.add(core)
    if (company := _SHARES_SHORT_NAME.match(unit)) and company.group(1) in text:
        specific.add(company.group(1))  # 广柴股份 is called 广柴
    specific -= generic
    by_length = lambda names: sorted(names, key=lambda n: (-len(n), n))  # noqa: E731
    return by_length(specific) + by_length(generic)


def _suffix_forms(unit: str, type_word: str) -> list[str]:
    """The unit's name and every shorter right part that still has a name before its type word."""
    shortest = len(type_word) + 2 if type_word else 2
    return [unit[i:] for i in range(len(unit) - shortest + 1)]


def _has_free_occurrence(form: str, text: str, longer_forms: set[str] | list[str]) -> bool:
    """True when some occurrence of form is not the right part of a longer form or type word."""
    if form not in text:
        return False
    enclosing = [o for o in longer_forms if len(o) > len(form) and o.endswith(form)]
    enclosing += [t for t in TERRITORIAL_TYPES if len(t) > len(form) and t.endswith(form)]
    covering = [(m.start(), m.end()) for other in enclosing for m in re.finditer(re.escape(other), text)]
    for match in re.finditer(re.escape(form), text):
        if not any(start < match.start() and match.end() <= end for start, end in covering):
            return True
    return False


def _core_name(unit: str, name_forms: list[str], type_word: str) -> str:
    """The name without place prefix and type (岳阳市云溪区松杨湖街道 -> 松杨湖), territories only."""
    if type_word not in TERRITORIAL_TYPES:
        return ""
    shortest = min(name_forms or [unit], key=len)
    core = shortest[: -len(type_word)]
    while (match := re.match(f"{ADMIN_COMPONENT}(?![省市州县区旗盟])", core)) and len(core) - match.end() >= 2:
        core = core[match.end():]
    return core if len(core) >= 2 and not is_generic_name(core) else ""


def _generic_forms(unit: str, type_word: str) -> list[str]:
    """Type words that stand for the unit on their own (开发区, 新区, 街道, a company's 集团); single characters excluded."""
    words = [type_word, *TYPE_ABBREVIATIONS.get(type_word, ())]
    if _COMPANY_FORM.search(unit):
        words.append(unit_type(_COMPANY_FORM.sub("", unit)))  # X集团有限公司 calls itself 集团
    return [w for w in words if len(w) >= 2 and w not in ("自治区", "自治州", "自治县", "地区")]


def _organ_forms(names: set[str], text: str, *, admin: bool) -> set[str]:
    """Organ names built on the given names that the text writes (X党工委, 中共X委员会, X区委)."""
    found = set()
    for name in names:
        endings = list(UNIT_ORGANS) + (["委"] if admin else [])
        for ending in endings:
            for form in (name + ending, "中共" + name + ending):
                if form in text:
                    found.add(form)
    return found


def chars_in_order(part: str, whole: str) -> bool:
    """Whether every character of part appears in whole, in order (党纪处分 in 党纪政务处分)."""
    position = 0
    for char in part:
        position = whole.find(char, position) + 1
        if position == 0:
            return False
    return True
