"""Unit names in a question that no ingested notice is about ("长岭镇…" when the library has no 长岭镇).

Such a name is looked up in the notices' titles, file names and text: when some notices mention it,
the answer comes from those passages alone; when none does, the answer says that the library holds
no notice about it and names the closest units, and never answers about another unit instead.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable, Sequence

from langchain_core.documents import Document

from assistant.unit_names import (
    JOINS_NAMES, MAX_NAME_CHARS, NOT_IN_NAMES, ORGAN_NICKNAME, UNIT_SUFFIX, place_organ_names, same_kind, unit_like_names,
)
from assistant.sibling_organs import other_organs_at_held_places
from assistant.unit_places import AREA_AFTER, SUB_ORGAN, SUB_ORGAN_WHOLE, another_unit_at
from assistant.units import GENERIC_UNIT_WORDS, UnitDirectory
from index.catalog import NoticeRow
from index.lexical import LexicalIndex, normalize_for_search

COLON = "\uff1a"
_HAN = re.compile(r"[\u4e00-\u9fff]+")

# "两个派出所", "多少个村", "6份交办(函)", "这些单位", "其他街道": a count or pointer in front of an organ word, not a unit's name.
_NOT_A_NAME = re.compile(r"[一二两三四五六七八九十几多\d]+[个家所名份件项条笔起处]|多少|哪|这|那|各|该|其他|其余|上述|有关|相关|所属|下属")

# "星海和天河两个派出所": a count inside the span names the units before it by their own names, it is no one name.
_COUNTED_INSIDE = re.compile(r"[两三四五六七八九十几]+[个家]")

# "榉州水务的排水公司": after a held unit and 的, an own name of two or more characters and an organ's kind.
_AFTER_OF = re.compile(r"的((?:(?![的了在和与对把被是有为从向于及或并各每全本我该其此这那哪些谁级属])[\u4e00-\u9fff]){2,6}?"
                       r"(?:公司|集团|局|委员会|院|中心|学校|中学|小学|学院|银行|站))")

_LEVEL = "省市州县区"
_LEVEL_ENDS = "省市州区县镇乡"  # a territory's name ends so
_PLACE_CHARS = (4, 3, 2)  # how long a place before a short form may be ("雁汀", "鸣珂区" without its level)


def unknown_unit_names(question: str, directory: UnitDirectory) -> list[str]:
    """Unit-like names in the question that no ingested unit answers to (by name or short form)."""
    siblings, under = sibling_names(question, directory), units_under_held(question, directory)
    under += other_organs_at_held_places(question, directory)  # "云岭区政协机关" beside a held 云岭区人大…机关
    taken = [m for m in directory.mentions(question)
             if not any(b <= m[0] and m[1] <= e for b, e, _ in siblings + under)]
    spans = siblings + [(begin, end, name) for begin, end, name, has_suffix in unit_like_names(question) if has_suffix]
    spans += place_nicknames(question, directory)
    # "武汉经开区": a place word and a kind of area the word cutter splits ("经/开区").
    spans += [(begin, kind.end(), question[begin:kind.end()]) for begin, end, _, has_suffix in unit_like_names(question)
              if not has_suffix and (kind := AREA_AFTER.match(question, end))]
    spans += place_organ_names(question) + other_units_at_held_places(question, directory)
    spans += under
    spans = [cut for span in spans if (cut := _before_count(span)) is not None]
    # "苕岸区" + "教育局": a place and the organ right after it are one name, the place's organ.
    spans += [(one[0], other[1], one[2] + other[2]) for one in spans for other in spans
              if one[1] == other[0] and one[2][-1:] in _LEVEL_ENDS and other[2][-1:] not in _LEVEL_ENDS]
    return list(
        dict.fromkeys(
            name
            for begin, end, name in sorted(spans)
            if not any(b <= begin and end <= e and (b, e) != (begin, end) for b, e, _ in spans)  # longest wins
            and name not in GENERIC_UNIT_WORDS
            and not _NOT_A_NAME.match(name)
            and not any(b < end and begin < e for b, e, _ in taken)
        )
    )


def _before_count(span: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """A span with a count inside ("天河两个派出所", "长岭镇两个村") cut before the count: a unit name only when
    what is left still ends as one (长岭镇), else None (天河 names a sub-unit by its own name)."""
    begin, end, name = span
    count = _COUNTED_INSIDE.search(name, 1)
    if count is None:
        return span
    kept = name[: count.start()]
    return (begin, begin + len(kept), kept) if UNIT_SUFFIX.search(kept) else None


def sibling_names(question: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """(begin, end, name) of another unit of the same kind named after a held unit and 的 ("榉州水务的排水公司"
    when only its 供水公司 is held): the unit asked about is that other one, the held one only its qualifier."""
    found = []
    for _, end, unit in directory.mentions(question):
        match = _AFTER_OF.match(question, end)
        if match and same_kind(match.group(1), unit) and not directory.holds_short_form(match.group(1)):
            found.append((*match.span(1), match.group(1)))
    return found


# A territory ("…区", "…街道", "…开发区"): every organ after its name is another unit ("X区卫健委", "X镇中心小学").
_TERRITORY = re.compile(r"(?:[省市州县区旗镇乡村]|街道|新区|开发区|经开区|高新区|集聚区|园区)$")
# After any other unit's name only an institution of its own stands apart ("X大附属医院", "X大附中", "X公司…集团");
# its 办公室 or 中心 may be one of its own departments.
_INSTITUTION = re.compile(r"(?:中学|小学|学校|幼儿园|医院|卫生院|公司|集团|附中|附小)$")
_OF_AFFILIATED = re.compile(r"的附")  # "X的附属医院", "X的附中": an institution affiliated to X


def units_under_held(question: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """(begin, end, name) of an organ written right after a held unit's name or short form that is no held unit
    itself ("柘大附属医院", "柳溪镇中心小学", "X区卫健委" when only the university, town or district is held)."""
    haystack, found = normalize_for_search(question), []
    held = directory.mentions(question)
    for organ_start in range(2, len(haystack)):
        if not SUB_ORGAN.match(haystack, organ_start) or not (organ := SUB_ORGAN_WHOLE.match(haystack, organ_start)) \
                or JOINS_NAMES.search(organ.group(0)):  # "管委会加上两家公司": the held unit and others, not its organ
            continue
        # "沩大的附属医院" is "沩大附属医院": a 的 before an affiliated institution joins it to the held name.
        name_end = organ_start - 1 if _OF_AFFILIATED.match(haystack, organ_start - 1) else organ_start
        for begin in range(max(0, name_end - MAX_NAME_CHARS), name_end - 1):
            run = haystack[begin:name_end]
            whole = [unit for b, e, unit in directory.mentions(run) if (b, e) == (0, len(run))]
            if not whole or NOT_IN_NAMES.search(run):
                continue
            name = question[begin : organ.end()]
            others = [(b, e) for b, e, _ in held if (b, e) != (begin, name_end)]  # with 的, the held name itself is seen
            if ((_TERRITORY.search(whole[0]) or _INSTITUTION.search(organ.group(0)))
                    and not directory.holds_short_form(name)
                    and not any(b < organ.end() and begin < e for b, e in others)):
                found.append((begin, organ.end(), name))
            break
    return found


def units_named_apart(question: str, unknown: Sequence[str], directory: UnitDirectory) -> list[str]:
    """Units the question names other than as the qualifier of an unknown name ("榉州水务" in "榉州水务的排水公司")."""
    qualifiers = sibling_names(question, directory) + units_under_held(question, directory)
    qualified = [(b, e) for b, e, name in qualifiers + other_organs_at_held_places(question, directory) if name in unknown]
    return list(dict.fromkeys(
        unit for begin, end, unit in directory.mentions(question)
        if not any(begin < e and b <= end + 1 for b, e in qualified)
    ))


_JOINER = "[和与跟同及、]"


def only_named(question: str, unknown: Sequence[str], named: Sequence[str]) -> tuple[str, str]:
    """The question with the names the library lacks that are joined to a held unit's taken out ("X和A" -> "A"), so
    what is asked of the held units is not held against a name no notice states; and the note saying so. A name not
    joined so may be a thing of the held unit ("东临那个赣服通分厅呢"): it stays, it is what is asked about."""
    for name in unknown:
        written = re.escape(name)
        question = re.sub(rf"{written}{_JOINER}|{_JOINER}{written}", "", question, count=1)
    missing = "、".join(f"“{n}”" for n in unknown)
    return question, f"资料库中没有关于{missing}的通报,以下只回答{'、'.join(named)}。"


def other_units_at_held_places(question: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """(begin, end, name) of names writing a held unit's place and kind around another own name
    ("温州瓯江口产业集聚区" when the library holds 温州浙南产业集聚区)."""
    found = []
    for begin in range(len(question) - 1):
        for unit in directory.units:
            if normalize_for_search(unit).startswith(normalize_for_search(question[begin : begin + 2])):
                if end := another_unit_at(question, begin, unit):
                    found.append((begin, end, question[begin:end]))
                    break
    return found


def place_nicknames(question: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """(begin, end, name) of each known place followed by an organ short form ("雁汀城投") that is the short
    form of no ingested unit ("雁汀文旅" is one of 雁汀市文化旅游发展集团有限公司)."""
    found = []
    for match in ORGAN_NICKNAME.finditer(question):
        stem_end = match.start() - (match.start() > 0 and question[match.start() - 1] in _LEVEL)
        for length in _PLACE_CHARS:
            place = question[max(0, stem_end - length) : stem_end]
            if (len(place) == length and _HAN.fullmatch(place) and not NOT_IN_NAMES.search(place)
                    and place not in GENERIC_UNIT_WORDS and directory.is_part_of_a_name(place)):
                name = question[stem_end - length : match.end()]
                if not directory.holds_short_form(name):
                    found.append((stem_end - length, match.end(), name))
                break
    return found


def closest_units(name: str, units: Iterable[str], limit: int = 3) -> list[str]:
    """Ingested units whose names share the most characters with name (ties: the same kind of unit first)."""
    suffix = UNIT_SUFFIX.search(name)
    kind = suffix.group(1) if suffix else ""

    def closeness(unit: str) -> tuple[float, bool]:
        shared = len(_bigrams(name) & _bigrams(unit)) + 0.5 * len(set(name) & set(unit))
        return (shared, bool(kind) and unit.endswith(kind))

    ranked = sorted(units, key=closeness, reverse=True)
    return ranked[:limit]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def notices_mentioning(
    name: str,
    lexical: LexicalIndex,
    notices: Iterable[NoticeRow],
    notice_text_of: Callable[[str], str | None],
    limit: int,
) -> set[str]:
    """Ids of notices whose title, file name or text names `name` (texts found through the keyword index)."""
    wanted = normalize_for_search(name)
    found = {
        row.notice_id
        for row in notices
        if wanted in normalize_for_search(row.title or "") or wanted in normalize_for_search(row.file_name)
    }
    # The word cutter may read the name otherwise in running text ("辽中区委": 辽/区委): when its words find
    # no notice naming it, its characters one by one are searched too (each notice then checked for the name).
    for query in (name, " ".join(name)):
        for notice_id in dict.fromkeys(hit.notice_id for hit in lexical.search(query, limit)):
            if notice_id not in found and wanted in normalize_for_search(notice_text_of(notice_id) or ""):
                found.add(notice_id)
        if found:
            break
    return found


def units_mentioning(
    names: Sequence[str], directory: UnitDirectory, lexical: LexicalIndex, notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None], limit: int,
) -> list[str]:
    """Units whose notices mention any of the names, in the directory's order."""
    mentioning: set[str] = set()
    for name in names:
        mentioning |= notices_mentioning(name, lexical, notices, notice_text_of, limit)
    return [e.unit for e in directory.entries if set(e.notice_ids) & mentioning]


def passages_naming(documents: Sequence[Document], names: Sequence[str]) -> list[Document]:
    """The documents that name one of `names`."""
    wanted = [normalize_for_search(n) for n in names]
    return [d for d in documents if any(w in normalize_for_search(d.page_content) for w in wanted)]


def not_held_text(names: Sequence[str], closest: Sequence[str]) -> str:
    """The answer when no notice in the library is about or mentions the names asked about."""
    quoted = "、".join(f"“{n}”" for n in names)
    text = f"资料库中没有关于{quoted}的通报(已在通报标题、正文和文件名中查找)。"
    if closest:
        text += f"库中名称最接近的单位{COLON}{'、'.join(closest)}。"
    return text


def read_bare_organs(
    question: str, names: Sequence[str], directory: UnitDirectory, notice_text_of: Callable[[str], str | None]
) -> tuple[str, list[str], str]:
    """Unknown names read as a unit known only by its bare organ ("上海水务局" as 市水务局, whose notice names
    上海): the question with those names replaced, the names left unknown, and how they were read."""
    left, read = [], []
    for name in names:
        found = next(((e.unit, place) for e in directory.entries
                      if (place := _place_of_bare_organ(name, e.unit, e.notice_ids, notice_text_of))), None)
        if found is None:
            left.append(name)
            continue
        unit, place = found
        question = question.replace(name, unit)
        read.append(f"“{name}”按{unit}理解(其通报写明{place})。")
    return question, left, "".join(read)


def _place_of_bare_organ(
    name: str, unit: str, notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None]
) -> str:
    """The place `name` puts before the organ of `unit` when the unit is a level and an organ ("市水务局"), or
    before the whole name of a unit named without its place ("蓼汀区" + 砚湖街道), and its own notices write
    that place ("上海水务局": 上海); "" otherwise."""
    before = name[: -len(unit)] if name.endswith(unit) and UNIT_SUFFIX.search(unit) else ""
    if len(before) >= 3 and before[-1] in _LEVEL_ENDS:
        return before if any(before in normalize_for_search(notice_text_of(n) or "") for n in notice_ids) else ""
    unit = unit.removeprefix("中共")  # "中共市园林局": the party's organ of the same bureau
    organ = unit[1:]
    if unit[:1] not in _LEVEL or len(organ) < 2 or not name.endswith(organ):
        return ""
    place = name[: -len(organ)].rstrip(_LEVEL)
    written = len(place) >= 2 and any(place in normalize_for_search(notice_text_of(n) or "") for n in notice_ids)
    return place if written else ""
