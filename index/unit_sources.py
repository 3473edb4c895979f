"""Where a notice names its own unit (title, label and signature lines, inspection sentences), and which name wins."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.attribution_lines import attributed_units
from index.byline_places import DATE_AFTER, closing_lines, publisher_place
from index.places import unique_place
from index.round_units import feedback_targets, round_committee_place, town_with_its_county
from index.school_parts import with_its_school
from index.sentences import opening_end
from index.speaker_byline import speaker_units
from index.unit_endings import street_in_full, without_work_committee
from index.unit_titles import PARTY_ORGANS, PARTY_ORGAN, title_issuer
from index.written_levels import with_written_level
from index.units import (
    ADMIN_TYPES,
    BARE_LEVELS,
    abbreviates,
    HAN,
    NOT_A_SOURCE_UNIT,
    SELF_REFERENCE,
    first_named_part,
    fullest_written_form,
    qualified_by_place,
    strip_issuing_organ,
    unit_from_issuer,
    unit_type,
)

# A discipline committee written after a unit's name (柳林镇纪委): the unit is the part before.
DISCIPLINE_ORGAN = re.compile(r"(?:纪工委|纪委)$")
# The inspector: a group (区委第三巡察组, 兴宁市委机动巡察一组) or a committee (市委, 党委) that inspects.
_INSPECTOR = r"(?:(?:巡察|巡视)[^。;；\n]{0,4}?组|[省市县区旗]委|党委|党组)"
_INSPECTED_UNIT = re.compile(
    rf"{_INSPECTOR}[^。;；\n]{{0,40}}?(?:对|进驻)([^。;；\n,，]{{2,40}}?)"
    rf"(?:开展了|进行了|开展|进行)[^。;；\n]{{0,12}}?(?:巡察|巡视)"
)
# 市委第一巡察组(召开)巡察X党委情况反馈会: the group named with the unit it inspected.
_GROUP_INSPECTS = re.compile(
    rf"(?:巡察|巡视)[^。;；\n]{{0,4}}?组(?:召开|举行)?(?:巡察|巡视)({HAN}{{2,30}}?)(?:{PARTY_ORGANS})?"
    rf"(?:情况|工作|反馈|意见|动员)"
)
# 市委第四巡察组到X督查回访…, 督查组张某、李某同志莅临X,…: the unit the group visits.
_GROUP_VISITS = re.compile(
    rf"(?:巡察|巡视)[^。;；\n]{{0,4}}?组(?:{HAN}{{2,4}}(?:、{HAN}{{2,4}})*?(?:同志|一行|等))?"
    rf"(?:到|赴|深入|进驻|莅临|走进)({HAN}{{2,30}}?)(?:开展|召开|督查|回访|检查|反馈|进行|[,，。])"
)
# A document named after the inspection of a unit (《关于巡察X党委的反馈意见》): that unit.
_INSPECTION_DOCUMENT = re.compile(
    r"关于(?:对)?(?:巡察|巡视)([^。;；\n》]{2,60}?)的(?:巡察|巡视)?(?:反馈意见|情况反馈|反馈报告)"
)
# Where a meeting is held inside a unit: its hall or room after the unit's name (石桥镇三楼会议室).
_VENUE = (
    r"(?:党委|政府|机关)?(?:[一二三四五六七八九十\d]+楼|\d+号)?(?:大|小|第[一二三四五六七八九十\d]+)?"
    r"(?:会议室|会议中心|会议厅|礼堂|报告厅|会堂)"
)
# A news report: 区委第一巡察组在X(会议室)召开巡察情况反馈会议: the unit the group meets in.
_GROUP_MEETS_AT = re.compile(rf"(?:巡察|巡视)[^。;；\n]{{0,4}}?组在({HAN}{{2,30}}?)(?:{_VENUE})?(?:召开|举行)")
# 组长反馈了对X(党委)的巡察情况, 通报了对X的巡察意见: the unit the feedback is about.
_FEEDBACK_ON = re.compile(
    rf"(?:反馈|通报|宣读)了?对({HAN}{{2,30}}?)(?:{PARTY_ORGANS})?的(?:专项|常规|机动)?(?:巡察|巡视)(?:情况|意见)"
)
# At a feedback meeting the inspected unit answers: "某某代表X党委(就…)作表态发言", "代表X党委进行了表态".
_UNIT_ANSWERS = re.compile(
    rf"代表({HAN}{{2,30}}?(?:{PARTY_ORGANS}))(?:就[^。;；\n]{{0,30}}?)?(?:作|做|进行了|进行)?表态"
)
# A report opening with its subject: "4月28日,X召开…", "X党组召开(扩大)会议…", "根据…要求,2021年5月6日X召开了…".
_LEAD_SUBJECT = re.compile(
    rf"^[ \t]*(?:本报讯[ \t]*(?:[(（][^)）\n]{{0,20}}[)）])?[ \t]*)?(?:(?:根据|按照)[^。;；\n,，]{{2,30}}[,，])?"
    rf"(?:(?:近日|日前|近期|(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:上午|下午|晚)?)[,，]?\s*)?({HAN}{{2,30}}?)"
    r"(?:召开|举行|组织召开|开展)",
    re.MULTILINE,
)
# An organ as the subject of a body sentence: "白沙乡党委高度重视…", "县教育局党组召开专题会议…".
_ORGAN_SUBJECT = re.compile(
    rf"(?:^|(?<=[。;；,，\n]))[ \t]*({HAN}{{2,20}}?(?:工作委员会|委员会|党工委|党委|党组))"
    r"(?:高度重视|召开|认真|坚持|始终|成立|研究|坚决|切实|第一时间|把|严格|迅速|立即|及时|积极|主动|扎实|全面|"
    r"按照|对照|针对|围绕|于\d)",
    re.MULTILINE,
)
# The unit's own secretary chairs or answers at its meeting ("X党委书记某某主持会议/作表态发言"), or a
# speech is given at the unit's meeting ("在X党委巡察反馈会上").
_SECRETARY_SPEAKS = re.compile(
    rf"(?:(?:^|(?<=[。;；,，\n:：]))[ \t]*|(?<=由))({HAN}{{2,30}}?(?:{PARTY_ORGANS}))(?:副)?书记"
    r"[^。;；\n,，]{0,10}?(?:主持|作表态|表态|汇报|发言)",
    re.MULTILINE,
)
_MEETING_OF = re.compile(rf"在({HAN}{{2,30}}?(?:{PARTY_ORGANS}))(?:巡察|巡视)(?:情况)?(?:反馈|整改)[^。;；\n]{{0,6}}?会")
# A district's or county's own committee reporting on its inspections ("苇塘区委高度重视巡察整改…"): that place.
# The place itself as subject ("…以来,苇塘区始终坚持…") counts alike.
_COMMITTEE_SUBJECT = re.compile(
    rf"(?:^|(?<=[。;；,，\n]))[ \t]*({HAN}{{2,20}}?[区县市旗]委|{HAN}{{2,5}}?[区县旗])"
    r"(?:高度重视|坚持|始终|认真|切实|坚决|扎实|把)",
    re.MULTILINE,
)
# A unit holding its own party committee's meeting ("18日下午,X立即召开了党委扩大会"): that unit.
_OWN_PARTY_MEETING = re.compile(
    r"(?:^|(?<=[。;；,，\n]))[ \t]*(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?[,，]?"
    rf"({HAN}{{2,30}}?)(?:立即|随即|迅速|及时|第一时间)?(?:召开|组织召开)了?"
    r"(?:党委|党组|党总支|党支部)(?:扩大|专题|理论学习中心组)?(?:会议|会)",
    re.MULTILINE,
)
# A verb of the sentence caught before a subject ("…讲话,要求石桥镇党委切实…"): never part of a unit's name.
_LEADING_VERB = re.compile(r"^(?:要求|督促|推动|指导|希望|责成|帮助|支持|责令|确保|带领|促使|推进|指出|强调|请|记者从|记者在)")
# A short organ line at the top naming who posts the notice ("柳林镇纪委", "柳林街道党工委").
_LABEL_LINE = re.compile(rf"({HAN}{{2,20}}?(?:工作委员会|委员会|党工委|党委|党组|纪工委|纪委|人民政府|办事处))")
_DOCUMENT_KIND_AFTER = re.compile(r"(人民政府|办事处|委员会|党委|党组)(?:公告|通告|公示)$")
_INSPECTING_SIDE = re.compile(r"(?:第[一二三四五六七八九十\d]*)?(?:巡察|巡视)")
_PLAN_ISSUER = re.compile(
    rf"《({HAN}{{2,40}}?(?:工作委员会|委员会|党工委|党委|党组)?)(?:关于)?(?:贯彻落实|整改落实|落实|巡察整改|巡视整改)"
    rf"[^》\n]{{0,40}}?(?:巡察|巡视|方案)[^》\n]*》"
)
# A town's or street's organ written bare, as the notice's own ("会议由镇党委副书记…主持", ",镇党委书记…").
_BARE_ORGAN = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=由)|(?<=经))(镇|乡|街道)(?:党委|党工委)", re.MULTILINE)
# Units merged or renamed before the notice ("2家企业已重组整合为X有限公司", "更名为X局"): X reports now.
_MERGED_INTO = re.compile(
    r"(?:重组整合|整合|合并|重组|更名|改制)(?:组建|设立)?为"
    rf"({HAN}{{2,40}}?(?:有限责任公司|有限公司|集团|委员会|局|中心|医院|学院|学校|大学))(?=[,，。;；(（、\n])"
)
_TOWN_TYPES = ("街道", "镇", "乡")
_SOURCE_LINE = re.compile(r"^[ \t]*来源[ \t]*[:：][ \t]*(\S+)[ \t]*$", re.MULTILINE)
# A page's label naming who publishes it ("发布单位：蓿田街道社区卫生服务中心"): the unit, unlike 来源 (often a website).
# The label may share its line with others ("发布机构：X　　来源：…　　发布时间：…"): X ends at the next space.
_PUBLISHER_LINE = re.compile(r"^[ \t]*(?:发布单位|发文单位|发布机构|发布机关)[ \t]*[:：][ \t]*(\S+)(?=\s|$)", re.MULTILINE)


# A unit written as a pronoun and its kind ("我们局", "本院", "该镇"): the notice speaking of itself, never a name.
_PRONOUN_NAME = re.compile(r"^(?:(?:我们|咱们)[\u4e00-\u9fff]*|[我本该贵][\u4e00-\u9fff])$")


# Sources trusted to give a unit's full name over a title's short form: labels, signatures, 来源, inspection
# sentences (ranks 1-3); loose mentions (feedback targets, 中共… anywhere) may name another unit.
FULL_NAME_RANK = 3


@dataclass(frozen=True)
class UnitCandidate:
    """A name the notice gives the unit, with how far that source is trusted (0 = most)."""

    name: str
    rank: int
    position: int


def self_reference_type(text: str, any_form: bool = False) -> str:
    """The unit type the notice uses for itself (我街道 -> 街道), or "" if only 我单位 or nothing.

    With any_form, 该镇/本镇 count too (reports about a unit call it 该镇); 全镇 never does.
    """
    firsts = "我该本" if any_form else "我"
    counts = Counter(m.group(1) for m in SELF_REFERENCE.finditer(text) if m.group(0)[0] in firsts)
    counts.pop("单位", None)
    return counts.most_common(1)[0][0] if counts else ""


def bare_organ_type(text: str) -> str:
    """The type of a town or street whose organ the notice writes without a name (镇党委书记…), or ""."""
    counts = Counter(match.group(1) for match in _BARE_ORGAN.finditer(text))
    return counts.most_common(1)[0][0] if counts else ""


def find_unit_candidates(text: str, title: str = "", file_title: str = "") -> list[UnitCandidate]:
    """Every place the notice names its own unit, ranked by how much that kind of place is trusted."""
    candidates: list[UnitCandidate] = []

    def add(issuer: str, rank: int, position: int, need_organ: bool = True) -> None:
        name = without_work_committee(unit_from_issuer(_LEADING_VERB.sub("", issuer), need_organ=need_organ))
        if name and not _PRONOUN_NAME.match(name):  # "对我们局党组进行了巡察": 我们局 is no name
            candidates.append(UnitCandidate(name, rank, position))

    if title:
        add(title_issuer(title), 0, text.find(title))
    for line, position in _label_lines(text, title):
        add(line, 1, position)
    for match in _PUBLISHER_LINE.finditer(text):
        if not NOT_A_SOURCE_UNIT.search(match.group(1)):  # "发布单位：区纪委监委" publishes for others
            add(match.group(1), 1, match.start(1), need_organ=False)
    for line, position in closing_lines(text):
        if not NOT_A_SOURCE_UNIT.search(line):  # a discipline body or website signs for no unit
            add(line, 1, position)
    for match in _SOURCE_LINE.finditer(text):
        # 来源 often names the website or discipline body that published the notice, not the unit.
        name, had_organ = strip_issuing_organ(match.group(1))
        if had_organ and not NOT_A_SOURCE_UNIT.search(name):
            add(match.group(1), 2, match.start(1))
    for pattern in (_INSPECTED_UNIT, _GROUP_INSPECTS, _GROUP_VISITS, _FEEDBACK_ON):
        for match in pattern.finditer(text):
            # A visit ending at a comma must name a unit with its type ("进驻期间," names none).
            add(first_named_part(match.group(1)), 3, match.start(1), need_organ=match.group(0)[-1] in ",，。")
    for name, position in _named_in_passing(text):
        add(name, 4, position, need_organ=False)
    for match in _INSPECTION_DOCUMENT.finditer(text):
        add(first_named_part(match.group(1)), 3, match.start(1), need_organ=False)
    for match in _GROUP_MEETS_AT.finditer(text):  # a typed name: 在会场召开 names no unit
        add(match.group(1), 3, match.start(1))
    for match in _UNIT_ANSWERS.finditer(text):
        add(match.group(1), 3, match.start(1))
    for target, rank, position in feedback_targets(text, title):
        add(target, rank, position, need_organ=False)
    for match in PARTY_ORGAN.finditer(text):
        if not _INSPECTING_SIDE.match(text, match.end()):  # 中共青禾市委第二巡察组 inspects, it is not inspected
            add(match.group(0), 5, match.start(1))
    for match in _PLAN_ISSUER.finditer(text):
        add(match.group(1), 5, match.start(1))
    subjects = [
        *_LEAD_SUBJECT.finditer(text, 0, opening_end(text)), *_ORGAN_SUBJECT.finditer(text),
        *_SECRETARY_SPEAKS.finditer(text), *_MEETING_OF.finditer(text), *_OWN_PARTY_MEETING.finditer(text),
    ]
    for match in subjects:
        if not NOT_A_SOURCE_UNIT.search(match.group(1)):  # 县纪委监委召开… reports on others
            add(match.group(1), 5, match.start(1))
    if not candidates and (kind := self_reference_type(text, any_form=True) or bare_organ_type(text)):
        # "我镇/该镇…" or a bare "镇党委…" with one town named in the whole text: that town.
        add(unique_place(text, kind), 6, 0)
    for match in _COMMITTEE_SUBJECT.finditer(text):  # below every other source: a higher committee may act too
        add(match.group(1), 7, match.start(1))
    add(*round_committee_place(text))  # a committee's report on its own round: its place
    if file_title:
        add(title_issuer(file_title), 6, -1)
    return candidates


def _named_in_passing(text: str) -> list[tuple[str, int]]:
    """Units a line names in passing: one merged into X ("重组整合为X"), an attribution's office ("（责任编辑：X镇
    党政办公室）"), a speech's byline under its title ("X局党组书记、局长　张某")."""
    merged = [(match.group(1), match.start(1)) for match in _MERGED_INTO.finditer(text)]
    return merged + attributed_units(text) + speaker_units(text)


def choose_unit(text: str, title: str = "", file_title: str = "") -> str:
    """The full name of the unit a notice is about, or "" when the notice never names it."""
    return choose_unit_and_short_forms(text, title, file_title)[0]


def choose_unit_and_short_forms(text: str, title: str = "", file_title: str = "") -> tuple[str, list[str]]:
    """The unit's full name, and the short forms the notice also names it by (雁汀文旅集团 for …文化旅游…)."""
    candidates = find_unit_candidates(text, title, file_title)
    hint = self_reference_type(text)
    # Loose sources (feedback targets, 中共… anywhere, plan names) must agree with 我区/我街道….
    trusted = [c for c in candidates if c.rank <= 3 or not hint or c.name.endswith(hint)]
    if not trusted:
        return "", []
    counts = Counter(c.name for c in trusted)
    best = min(trusted, key=lambda c: (c.rank, -counts[c.name], c.position))
    unit = best.name
    longer = [c.name for c in trusted if c.name.endswith(unit) and len(c.name) > len(unit)]
    # 中共X卫生健康委员会 strips to X卫生健康; a body writing X卫生健康委员会 as the unit keeps 委员会 in its name.
    longer += [c.name for c in trusted if c.rank <= FULL_NAME_RANK and c.name == unit + "委员会"]
    # A short form in the title (雁汀文旅集团) stands for the full name its signature or body states.
    fuller = [c.name for c in trusted if c.rank <= FULL_NAME_RANK and abbreviates(unit, c.name)]
    if longer or fuller:
        unit = max(longer or fuller, key=len)
    unit = with_written_level(fullest_written_form(unit, text), text)
    if unit[:1] in BARE_LEVELS and (place := publisher_place(text, unit[0], title, unit)):
        unit = place + unit[1:]  # 区城市管理局 reported on by 菡池区委巡察办: 菡池区城市管理局
    unit = qualified_by_place(unit, f"{title}\n{text}")
    unit = town_with_its_county(street_in_full(unit, text), text)
    unit = with_its_school(unit, f"{title}\n{text}")  # "本科生院" inspected by 校党委 on 青禾大学's page
    if unit.endswith(_TOWN_TYPES) and not re.search("[省市州县区旗盟]", unit[:-2]):
        # A town written bare in a county's news ("来源:菰埠县纪委监委网站"): the county that publishes it.
        unit = next((place + unit for level in "县区旗市" if (place := publisher_place(text, level, title))), unit)
    short_forms = {c.name for c in trusted if abbreviates(c.name, unit)} | _bracketed_names(unit, text)
    return unit, sorted(short_forms, key=lambda name: (-len(name), name))


def _bracketed_names(unit: str, text: str) -> set[str]:
    """Other names written in brackets right after the unit (第一临床医学院(第一附属医院、省中医院)), or declared
    short names (以下简称“雁汀文旅集团”)."""
    found = set()
    for match in re.finditer(re.escape(unit) + r"[(（]([^()（）\n]{2,40})[)）]", text):
        found |= {n for n in re.split("[、,，]", match.group(1)) if unit_type(n) and unit_from_issuer(n, need_organ=True)}
    declared = re.finditer(re.escape(unit) + r"\s*[(（,，]?\s*(?:以下)?简称[“\"「]([^”\"」\n]{2,12})[”\"」]", text)
    return found | {m.group(1) for m in declared if unit_type(m.group(1))}  # (以下简称“雁汀文旅集团”)


def _label_lines(text: str, title: str) -> list[tuple[str, int]]:
    """Short organ lines above the title or first paragraph ("柳林镇纪委"), with their offsets."""
    found: list[tuple[str, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True)[:6]:
        # A document header names its issuer before the kind of document ("X乡人民政府公告"): the issuer.
        stripped = _DOCUMENT_KIND_AFTER.sub(r"\1", DATE_AFTER.sub("", line.strip()))
        if stripped and (stripped == title or len(stripped) > 20 or "。" in stripped):
            break
        match = _LABEL_LINE.fullmatch(stripped)
        if match:
            organ_name = DISCIPLINE_ORGAN.sub("", stripped)
            # A discipline committee posts for its own town or street; a city's 纪委 is a website banner.
            if organ_name == stripped or unit_type(organ_name) not in ADMIN_TYPES:
                found.append((organ_name if organ_name != stripped else stripped, offset + line.index(stripped)))
        offset += len(line)
    return found
