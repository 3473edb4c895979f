"""The unit directory: which units are ingested, under which names, and which of them a question names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.company_names import company_trade_name
from assistant.exclusions import inside_left_out
from assistant.glued_names import glued_mentions
from assistant.placeless_units import bare_kind_names, placeless_mentions
from assistant.unit_names import (
    MAX_NAME_CHARS, NOT_IN_NAMES, UNIT_SUFFIX, UNIT_SUFFIX_WORDS, is_short_form, kind_short_names,
    numbered_short_form, only_place_and_kind, same_kind, sends_inspectors, unit_like_names,
)
from assistant.unit_places import (
    AREA_AFTER, SUB_DIVISION, SUB_ORGAN, after_another_units_name, another_unit_at, inside_another_place, with_own_place,
)
from assistant.unit_questions import (  # noqa: F401 (re-exported: the names questions about units are read by)
    ACROSS_UNITS, COMPARISON, UNRECOGNISED_UNIT, asks_across_units, asks_comparison, unit_label,
)
from index.catalog import NoticeRow
from index.lexical import normalize_for_search
from index.script_forms import simplified_characters

# Type words that name a kind of unit, not one unit: never taken as an alias on their own.
GENERIC_UNIT_WORDS = frozenset(
    """区 县 市 省 镇 乡 村 街道 社区 新区 开发区 经开区 高新区 集聚区 产业集聚区 园区 工业园区
    管委会 党委 党工委 区委 县委 市委 省委 单位 我区 我县 我市 我街道 我单位 本单位 该区 全区 全县
    街道党工委 新区党工委 工委 委员会 办事处 街道办事处 集团 公司 集团党委 公司党委 医院 医院党委 学校 学校党委
    中学 小学 大学 学院 卫生院 卫健委 卫生健康委""".split()
)



@dataclass(frozen=True)
class UnitEntry:
    unit: str
    notice_ids: tuple[str, ...]
    names: tuple[str, ...]  # full name first, then aliases, longest first


class UnitDirectory:
    """Units of the ingested notices with their unambiguous names, for spotting units in questions."""

    def __init__(self, notices: Iterable[NoticeRow]) -> None:
        notice_ids: dict[str, list[str]] = defaultdict(list)
        names: dict[str, set[str]] = defaultdict(set)
        read_as: set[tuple[str, str]] = set()  # (short form, unit): a mention by one is said to be read so
        self.sections: dict[str, str] = {}  # a section unit's name as written -> its full name (the longest ending so)
        for row in notices:
            unit = unit_label(row)
            notice_ids[unit].append(row.notice_id)
            names[unit].update((unit, simplified_characters(unit)))  # 湖北省衛生健康委 is typed 湖北省卫生健康委
            names[unit].update(a for a in (*row.metadata.aliases, *kind_short_names(unit)) if a)  # + "…中心校"
            sections = [name for name in row.metadata.sub_units if name]  # a centre reported in its own section
            for name in sections:  # is found in its notice, by each of its names
                full = max((n for n in sections if n.endswith(name)), key=len)
                for written in (name, *kind_short_names(name)):  # "县退役军人局" as said of its section too
                    names[unit].add(written)
                    self.sections[normalize_for_search(written)] = full
            for short in (numbered_short_form(unit), company_trade_name(unit)):  # "二实验", "港城置业": no suffix
                if short:  # marks it as a unit's name
                    names[unit].add(short)
                    read_as.add((normalize_for_search(short), unit))
        bare_kinds = bare_kind_names(sorted(notice_ids), GENERIC_UNIT_WORDS)  # "卫健委" of 市卫生健康委 alone
        for unit, words in bare_kinds.items():
            names[unit].update(words)
        owners: dict[str, set[str]] = defaultdict(set)
        for unit, unit_names in names.items():
            for name in unit_names:
                owners[normalize_for_search(name)].add(unit)
        self.entries: list[UnitEntry] = []
        self._names: list[tuple[str, str]] = []  # (normalised name, unit), longest first
        for unit in sorted(notice_ids):
            usable = sorted((n for n in names[unit] if n == unit or (  # a name only this unit is known by
                len(n) >= 2 and (n not in GENERIC_UNIT_WORDS or n in bare_kinds.get(unit, ()))
                and owners[normalize_for_search(n)] == {unit})), key=lambda n: (-len(n), n))
            self.entries.append(UnitEntry(unit, tuple(notice_ids[unit]), tuple(usable)))
            self._names.extend((normalize_for_search(n), unit) for n in usable)
        self._names.sort(key=lambda pair: -len(pair[0]))
        self._own_names = set(self._names) - read_as  # (name, unit): a mention by one needs no "read as" note
        # One question is read for units several times (follow-ups, retrieval, unknown names, answer):
        # the directory is rebuilt whenever the library changes, so its answers can be remembered.
        self._remembered_mentions = lru_cache(maxsize=512)(self._find_mentions)
        self._names_with_char: dict[str, set[int]] = defaultdict(set)  # character -> indexes into _names
        for index, (name, _) in enumerate(self._names):
            for char in name:
                self._names_with_char[char].add(index)

    @property
    def units(self) -> list[str]:
        return [entry.unit for entry in self.entries]

    def notice_ids_of(self, units: Iterable[str]) -> list[str]:
        wanted = set(units)
        return [nid for entry in self.entries if entry.unit in wanted for nid in entry.notice_ids]

    def entry(self, unit: str) -> UnitEntry | None:
        return next((e for e in self.entries if e.unit == unit), None)

    def is_part_of_a_name(self, word: str) -> bool:
        """Whether the word occurs inside some unit's name ("青岚县" in 青岚县交通运输局)."""
        word = normalize_for_search(word)
        return bool(word) and any(word in name for name, _ in self._names)

    def holds_short_form(self, words: str) -> bool:
        """Whether the words are some unit's name or a short form of it ("雁汀文旅" of 雁汀市文化旅游发展集团有限公司)."""
        short = normalize_for_search(words)
        return bool(short) and any(short == name or is_short_form(short, name) for name, _ in self._names_holding(short))

    def find_units(self, text: str) -> list[str]:
        """Units named in text, in order of first mention; longer names win over names inside them."""
        found: dict[str, int] = {}
        for begin, end, unit in self.mentions(text):
            if not inside_left_out(text, begin, end):  # "上海那种市委巡视组不算": 上海 is not asked about
                found.setdefault(unit, begin)
        return sorted(found, key=found.get)

    def short_forms_read(self, text: str) -> str:
        """How the short forms in a question were read ("“二院”按雁汀市第二人民医院理解。"), or "" when none was."""
        read = [(text[begin:end], unit) for begin, end, unit in self.mentions(text)
                if (normalize_for_search(text[begin:end]), unit) not in self._own_names]
        return "".join(f"“{short}”按{unit}理解。" for short, unit in dict.fromkeys(read))

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(begin, end, unit) of each unit name in text, in reading order; spans index the text as given
        (NFKC folding keeps the length of Chinese text and of the punctuation met in questions)."""
        return list(self._remembered_mentions(text))

    def _find_mentions(self, text: str) -> tuple[tuple[int, int, str], ...]:
        haystack = normalize_for_search(text)
        taken = [False] * len(haystack)
        matches: list[tuple[int, int, str]] = []  # (begin, end, unit)
        for name, unit in self._names:
            begin = haystack.find(name)
            while begin != -1:
                span = range(begin, begin + len(name))
                if not (any(taken[i] for i in span) or inside_another_place(haystack, begin, name, unit)
                        or after_another_units_name(haystack, begin, name, unit, self._names)):
                    start = with_own_place(haystack, begin, begin + len(name), unit, taken)
                    for i in range(start, begin + len(name)):
                        taken[i] = True
                    matches.append((start, begin + len(name), unit))
                begin = haystack.find(name, begin + 1)
        shorts = self._short_forms(text, taken) + placeless_mentions(text, self._names, taken)
        for short in shorts + glued_mentions(text, self._names, taken, GENERIC_UNIT_WORDS):
            # A short form holding an exact name of its own unit ("柘江经开区" around "柘江") replaces it.
            inside = [m for m in matches if short[0] <= m[0] and m[1] <= short[1]]
            overlapping = [m for m in matches if m[0] < short[1] and short[0] < m[1]]
            if overlapping == inside and all(m[2] == short[2] for m in inside):
                matches = [m for m in matches if m not in inside] + [short]
        matches.sort()
        # "云岭区柳林街道": a district named as the qualifier of the unit right after it, whose
        # full name holds both, is part of that name, not a unit of its own.
        qualifiers = {
            index
            for index, (begin, end, unit) in enumerate(matches[:-1])
            if matches[index + 1][0] == end
            and haystack[begin : matches[index + 1][1]] in normalize_for_search(matches[index + 1][2])
        }
        # "温州瓯江口产业集聚区": the place and kind of a held unit around another own name name another unit.
        others = [(b, end, u) for b, _, u in matches if (end := another_unit_at(haystack, b, u))]
        return tuple(
            match for index, match in enumerate(matches)
            if index not in qualifiers and not self._names_another_unit(haystack, match, matches)
            and not any(b <= match[0] and match[1] <= e and u == match[2] for b, e, u in others)
        )

    @staticmethod
    def _names_another_unit(haystack: str, match: tuple[int, int, str], matches: list) -> bool:
        """Whether the mention is part of another unit's name: the territory in front of one of its departments
        or subdivisions ("惠济区教育局", "惠济区长兴路街道"), a nickname before another kind ("松杨湖社区"), or
        a place with a kind of area but not the area's own name ("武汉经开区")."""
        organ = SUB_ORGAN.match(haystack, match[1]) or SUB_DIVISION.match(haystack, match[1])
        if organ is not None and not any(b < organ.end() and organ.start() < e for b, e, _ in matches) \
                and not (organ.group(0) in _OWN_SCHOOL and is_short_form(haystack[match[0]:organ.end()], match[2])):
            return True
        # "松杨湖社区" of 松杨湖街道: a name without its kind, followed by another kind, is that other unit.
        mention = haystack[match[0]:match[1]]
        kind = _KIND_RIGHT_AFTER.match(haystack, match[1])
        if kind is not None and not UNIT_SUFFIX.search(mention) and not same_kind(mention + kind.group(0), match[2]):
            return True
        # "武汉经开区": the place of 武汉盘龙城经济开发区 with a kind of area, without the area's own name.
        kind = AREA_AFTER.match(haystack, match[1])
        return kind is not None and only_place_and_kind(haystack[match[0]:kind.end()], normalize_for_search(match[2]))


    def _short_forms(self, text: str, taken: list[bool]) -> list[tuple[int, int, str]]:
        """Unit-like names outside the exact matches that are the short form of exactly one unit's name."""
        found = []
        for begin, end, name, has_suffix in unit_like_names(text):
            if all(taken[begin:end]) or name in GENERIC_UNIT_WORDS:
                continue
            short = normalize_for_search(name)
            holding = set.intersection(*(self._names_with_char.get(char, set()) for char in set(short)))
            owners = {
                self._names[i][1]
                for i in holding
                if is_short_form(short, self._names[i][0]) and (not has_suffix or same_kind(short, self._names[i][0]))
            }
            if len(owners) == 1 and not inside_another_place(text, begin, short, owner := owners.pop()):
                found.append((begin, end, owner))
        return found + self._short_forms_jieba_misses(text, taken, found)

    def _short_forms_jieba_misses(
        self, text: str, taken: list[bool], found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Short forms the word cutter splits apart ("住/建局", "和文/旅/集团", "二院"): the longest run
        of name characters ending in a unit suffix that is the short form of exactly one unit's name;
        and a nickname of one unit's name asked about on its own ("文旅那边呢?")."""
        more: list[tuple[int, int, str]] = []
        used = [t or any(b <= i < e for b, e, _ in found) for i, t in enumerate(taken)]
        # "辽中区": a name the word cutter reads whole is a place of its own; its tail 中区 stands for no unit.
        whole = [(b, e) for b, e, _, has_suffix in unit_like_names(text) if has_suffix]
        for suffix in _SUFFIX_ANYWHERE.finditer(text):
            end = suffix.end()
            last_begin = suffix.start() + (1 if len(suffix.group(0)) >= 2 else 0)  # "一中" is a name by itself
            first = suffix.start()  # the run of name characters the suffix ends ("…通报,二院": 二院)
            while first > max(0, end - MAX_NAME_CHARS) and _NAME_CHAR.match(text[first - 1]):
                first -= 1
            for begin in range(first, last_begin):
                candidate = normalize_for_search(text[begin:end])
                if (any(used[begin:end]) or NOT_IN_NAMES.search(candidate) or _NOT_A_SHORT_FORM.match(candidate)
                        or candidate in GENERIC_UNIT_WORDS or any(b < begin < e and end <= e for b, e in whole)):
                    continue
                if sends_inspectors(text, end):
                    break  # "市委第二巡察组", "县委巡察办": the inspector, never a unit asked about
                owners = {unit for name, unit in self._names_holding(candidate)
                          if is_short_form(candidate, name) and same_kind(candidate, name)}
                if len(owners) == 1:
                    owner = owners.pop()
                    if not inside_another_place(text, begin, candidate, owner):
                        more.append((begin, end, owner))
                        used[begin:end] = [True] * (end - begin)
                    break
                if candidate[0] in self._names_with_char:
                    break  # "雁汀市第一人民医院" is a name of its own, not 人民医院 with words before it
        for nickname in _ASKED_ON_ITS_OWN.finditer(text):
            begin, end = nickname.span(1)
            short = normalize_for_search(nickname.group(1))
            owners = {unit for name, unit in self._names_holding(short) if is_short_form(short, name)}
            # "学院和教育局": a kind word beside another unit names the one unit of that kind the library holds.
            the_only_one = short in KIND_NAMING_THE_ONLY_ONE and (any(taken) or bool(found) or bool(more))
            generic = (short in GENERIC_UNIT_WORDS and not the_only_one) or _NOT_A_SHORT_FORM.match(short)  # "新区的整改"
            if not any(used[begin:end]) and len(owners) == 1 and not generic:
                more.append((begin, end, owners.pop()))
                used[begin:end] = [True] * (end - begin)
        for head in _NAME_AT_HEAD.finditer(text):  # "粼江物流处理了…": the name's own start, words left out
            for end in range(head.end(1), head.start(1) + 3, -1):
                if any(b < end < e for b, e in whole):
                    continue  # "抚州市临川区": a shortened name never ends inside a place name read whole
                short = normalize_for_search(text[head.start(1) : end])
                # The name's own start, or four or more of its characters unbroken ("港城置业" of X州港城置业有限公司).
                owners = {unit for name, unit in self._names_holding(short) if is_short_form(short, name)
                          and (name.startswith(short[:2]) or short in name)
                          and (not UNIT_SUFFIX.search(short) or same_kind(short, name))}
                if not any(used[head.start(1) : end]) and len(owners) == 1:
                    more.append((head.start(1), end, owners.pop()))
                    break
        return more

    def _names_holding(self, text: str) -> list[tuple[str, str]]:
        """(name, unit) of the names holding every character of text."""
        holding = set.intersection(*(self._names_with_char.get(char, set()) for char in set(text)))
        return [self._names[i] for i in holding]


# "柘大", "北大": a university by its first character and 大 (same_kind holds it to names ending in 大学).
# "供销社" of a 供销合作社联合社: a 社 ends a short form the word cutter leaves unread (not 社区, 社会, 社保…).
_SUFFIX_ANYWHERE = re.compile(rf"{UNIT_SUFFIX_WORDS}|大(?!学)|社(?![区会保团员工交])")
_OWN_SCHOOL = ("附中", "附小")  # "青大附中": the held 青禾大学附属中学 itself when the whole is its short form
# A kind of territory right after a name ("松杨湖社区"), not the start of a post or a word ("区长", "村民", "村集体经济").
_KIND_RIGHT_AFTER = re.compile(r"(?:社区|街道|镇|乡|村|县|区)(?![长任民委内外集级务干两])")
# Four or more characters at the head of a question or beside another unit: a name shortened inside ("粼江物流").
_NAME_AT_HEAD = re.compile(r"(?:^|(?<=[那和与跟、,，]))(?=([\u4e00-\u9fff]{4,8}))")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff]")
# Kind words that may name a unit beside another one when the library holds one unit of the kind (an
# institution's kind, never a level of government: "区和县" asks of no unit).
KIND_NAMING_THE_ONLY_ONE = frozenset("学院 大学 医院 卫生院 中学 小学 学校".split())
# Too short to stand for one unit: a level word and an organ ("市委", "县里", "区委"), or one character.
_NOT_A_SHORT_FORM = re.compile(r"^(?:.|[省市区县镇乡村].)$")
# A two- to four-character word asked about on its own, as units are in follow-ups ("文旅那边呢?"), at the
# head of a question ("二实验的…") or beside another unit ("卫健委和二实验,各…", "A和二实验这俩…", "A比二实验多几个",
# "报销 二实验 卫健委": a topic and the units it is asked of, set apart by spaces; "A和学院各…", "A和学院咋改的").
_ASKED_ON_ITS_OWN = re.compile(
    r"(?:^|(?<=[那和与跟比、,，\s]))((?![那这和与跟比])[\u4e00-\u9fff]{2,4}?)(?=那边|这边|那儿|那里|呢|怎么样|如何|咋|怎么|各|都|分别|的|这俩|这两|俩|两[个家]|[,，、和与跟比\s]|一共|合计|加(?:起来|一块|在一起)|[多少早晚长短高低快慢](?:几|多少|了|些))"
)
