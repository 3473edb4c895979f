"""Units described instead of named: by what they do ("那个收粮的", "管税的那家"), by their level and kind
("乡里那个中学", "市里那个旅游的"), by a word of their place and their kind ("那个青禾的开发区"), or by what
people call their kind ("柳林社区医院" for a 社区卫生服务中心).

A description is read word by word into what a held unit's name must hold, and names a unit only when exactly one
held unit fits it. The words are a general vocabulary of Chinese unit kinds and what they do, never names of
particular units: people say 收税的 of a 税务局, 收粮的 of a 粮食储备公司, 看病的 of a 医院 or 卫生院.
"""

from __future__ import annotations

import re

from assistant.unit_names import UNIT_SUFFIX_WORDS
from assistant.units import UnitDirectory
from index.lexical import normalize_for_search

# What people call a kind of unit, and what held names of that kind hold: names that share no characters in order
# with the unit's own name ("社区医院" of 社区卫生服务中心), so they are no short form of it.
KIND_NAMES: tuple[tuple[str, str], ...] = (
    ("社区医院|社区卫生中心", r"社区卫生服务(?:中心|站)"),
    ("镇医院|乡医院|乡镇医院", r"[镇乡]卫生院"),
    ("粮库|粮站", r"粮食(?:收储|储备|购销)|粮储|粮库"),
    ("文旅局", r"文化.{0,6}旅游局|文旅局"),
    ("环保局", r"生态环境(?:分)?局|环保局"),
    ("国土局", r"自然资源(?:和规划)?局|国土"),
    ("开发区|经开区", r"开发区|经开区|高新区"),
)
# Kinds a description names a unit by ("那家学校", "区里那个医院"), beyond the endings of unit names.
_DESCRIBED_KINDS = KIND_NAMES + (
    ("学校", r"学校|小学|中学|大学|学院|幼儿园|[一二三四五六七八九十][中小]$"),
    ("医院", r"医院|卫生院|卫生服务"),
)
# What a unit does or deals in, as people say it, and what the names of units doing it hold.
FUNCTION_WORDS: tuple[tuple[str, str], ...] = (
    ("收税|征税|管税(?!务)|税务|税收", r"税务"),
    ("管粮库|粮库|粮食|收粮|储粮|粮储", r"粮食|粮储|粮库"),
    ("文旅|旅游|文广|文化", r"文化|旅游|文旅"),
    ("看病|治病|医疗", r"医院|卫生院|卫生服务"),
    ("卫健|卫生", r"卫生|卫健"),
    ("上学|读书|念书|教书", r"学校|小学|中学|大学|学院|幼儿园|[一二三四五六七八九十][中小]$"),
    ("疫苗|防疫|疾控", r"疾病预防控制|疾控"),
    ("修路|交通|运输", r"交通"),
    ("管水(?![务利])|供水|自来水|水务|水利", r"水务|水利|供水|自来水"),
    ("治安|公安|警察", r"公安|派出所"),
    ("管钱|财政", r"财政"),
    ("审计", r"审计"),
    ("环保|环境", r"生态环境|环保"),
    ("城管", r"城市管理|城管"),
    ("国土|自然资源|自规|管地|土地", r"自然资源|国土"),
    ("社保|人社", r"人力资源和社会保障|人社"),
    ("医保", r"医疗保障|医保"),
    ("教育", r"教育|教体"),
    ("民政", r"民政"),
    ("种地|农业|农村", r"农业|农村"),
    ("林业|林场|管林", r"林业|林场"),
    ("住建|住房|盖房", r"住房和城乡建设|住建"),
    ("市监|市场监管", r"市场监督管理|市监"),
    ("供电|电力", r"供电|电力|电网"),
    ("燃气|煤气", r"燃气"),
    ("暖气|供暖|供热|取暖", r"热力|供热|供暖"),
    ("普法|法律援助|公证|社区矫正|人民调解", r"司法"),
    ("公交", r"公交|公共交通"),
    ("银行|贷款|存钱", r"银行|信用社|农商"),
    ("港口|码头", r"港"),
    ("城投|投资", r"投资"),
    ("应急", r"应急管理"),
    ("统计", r"统计"),
    ("信访", r"信访"),
    ("退役军人", r"退役军人"),
    ("烟草", r"烟草"),
    ("邮政", r"邮政"),
    ("法院", r"法院"),
    ("检察", r"检察"),
)
# A level said of where the unit sits ("镇上那个", "县里的"): its name holds that level.
_LEVEL = re.compile(r"([省市州县区镇乡村])(?:上|里|级|里面|上面)")
# Words a description is made of besides its parts: pointers, the lead of a switch, 的, and "管" of what it does.
_GLUE = re.compile(r"换成|换到|改成|换|至于|那么|再看看?|那个|那家|那所|那位|这个|这家|这所|那|的|管|负责|专门|搞")
_POINTING = re.compile(r"换成|换到|改成|换|那个|那家|那所|那位|这个|这家|这所|那")
# The organ's words after the name of the place it governs ("桦溪乡人民政府", "某镇党委").
_OWN_ORGAN = re.compile(r"(?:人民政府|政府|党委|党工委|委员会|机关)+$")
_CLOSES = re.compile(r"的|那家|那个|那所|这家|这个")  # what turns what a unit does into the unit ("收税的")
_KIND = re.compile(UNIT_SUFFIX_WORDS)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_KIND_ALIASES = [(re.compile(said), re.compile(held)) for said, held in _DESCRIBED_KINDS]
_FUNCTION_SAID = re.compile("|".join(said for said, _ in FUNCTION_WORDS))
_ALIASES = _KIND_ALIASES + [(re.compile(said), re.compile(held)) for said, held in FUNCTION_WORDS]
_LEVELS = "省市州县区"
_NOT_IN_PLACES = re.compile(r"[哪几那这各每些该其另本我你他它们谁啥多少的了是在和与跟]")  # "那个税务": no place
_PLACE_CHARS = (4, 3, 2)  # a word of a held name's place read in a description, longest first
# Words before 医院 that are part of its kind ("人民医院", "中医院", "第一人民医院"): never the word of a place, and
# they tell hospitals of one place apart (a 中医院 asked about is not the held 人民医院).
_HOSPITAL_KIND_LEAD = re.compile(r"(?:第[一二三四五六七八九十]+人民|人民|中西医结合|中医|中|妇幼保健|妇幼|妇女儿童|儿童|口腔"
                                 r"|精神|肿瘤|骨伤|康复|传染病|眼科)$")
# A district or county named after a place in a held name: what the place's own organ is not ("市汐川区").
_DIVISION_AFTER = re.compile(r"[省市州]?[\u4e00-\u9fff]{2,4}?(?<![社园小景])[区县]")


def described_units(text: str, directory: UnitDirectory) -> tuple[list[str], int]:
    """The held units the description at the start of `text` fits, and where the description ends; ([], 0) when
    the text starts with no description (one needs a pointer or a switch word, and a kind or what the unit does)."""
    position, parts, pointed, end = 0, [], False, 0
    names = [normalize_for_search(unit) for unit in directory.units]
    while position < len(text) and (part := _part_at(text, position, names)) is not None:
        kind, word = part
        position += len(word)
        if kind == "glue":
            pointed = pointed or bool(_POINTING.fullmatch(word))
            continue
        parts.append((kind, word, position))
        if kind in ("kind", "function"):
            end = position
    if not end and [kind for kind, _, _ in parts] == ["level"] and _CLOSES.match(text, parts[0][2]):
        return _of_own_level(text, parts[0], pointed, names, directory)  # "乡里那个呢": the one township held
    described = [(kind, word) for kind, word, after in parts if after <= end]
    # "那文化方面呢" asks about an aspect: what a unit does names it only as "文化的", "文化那家" or "文化站"
    if not pointed or not end or (described[-1][0] == "function" and not _CLOSES.match(text, end)):
        return [], 0
    units = [unit for unit, name in zip(directory.units, names) if all(_fits(name, kind, word) for kind, word in described)]
    tail = re.match(r"(?:的|那家|那个|那所)*(?:呢|吧|看看|怎么样)*\s*[,，]?\s*", text[end:])
    return units, end + tail.end()


def _of_own_level(text: str, level: tuple[str, str, int], pointed: bool, names: list[str],
                  directory: UnitDirectory) -> tuple[list[str], int]:
    """"乡里那个呢", "镇上那家": a level said alone, with a pointer, describes a unit that is itself of that level
    (its name, without the organ's words, ends with it), not any unit sitting in one."""
    if not pointed:
        return [], 0
    _, word, end = level
    units = [unit for unit, name in zip(directory.units, names) if _OWN_ORGAN.sub("", name).endswith(word[0])]
    tail = re.match(r"(?:的|那家|那个|那所)*(?:呢|吧|看看|怎么样)*\s*[,，]?\s*", text[end:])
    return units, end + tail.end()


def named_by_common_kind(question: str, directory: UnitDirectory) -> str:
    """The question with a held unit written as a word of its place and what people call its kind or work
    ("柳林社区医院", "云岭税务") named in full; unchanged when no held unit, or more than one, fits. A unit its notice
    names without a place ("县文化和旅游局") fits any place no held name holds ("荇水文旅局"), as people
    put its place in front."""
    names = [normalize_for_search(unit) for unit in directory.units]
    taken = [(begin, end) for begin, end, _ in directory.mentions(question)]
    for said, held in _ALIASES:
        for found in said.finditer(question):
            suffix = _KIND.match(question, found.end())  # "云岭税务所": a 所, not the bureau
            if any(b < found.end() and found.start() < e for b, e in taken):
                continue
            # "紫溪县人民医院": 人民 is the hospital's kind, so the place is 紫溪县, not "县人民".
            lead = _HOSPITAL_KIND_LEAD.search(question, 0, found.start()) if found.group(0) == "医院" else None
            kind_start = lead.start() if lead else found.start()
            asked_kind = _hospital_kind(lead.group(0)) if lead else ""
            for chars in _PLACE_CHARS:
                begin = kind_start - chars
                place = normalize_for_search(question[max(0, begin) : kind_start]).rstrip(_LEVELS)
                if (begin < 0 or len(place) < 2 or not _HAN.fullmatch(place) or _NOT_IN_PLACES.search(place)
                        or _KIND.fullmatch(place)):  # "社区医院": 社区 is a kind, no place
                    continue
                # "珂阳市人社局": the city's bureau, not the one of a district in it (珂阳市汐川区人力资源…).
                holding = [n for n in names if place in n and not _DIVISION_AFTER.match(n, n.find(place) + len(place))]
                if _runs_on_before(question, begin, kind_start, holding):
                    continue  # "苇溪县农业局" of a held 芦溪县农业局: the place written is another one
                fitting = [u for u, n in zip(directory.units, names)
                           if (n in holding or (not holding and n[0] in _LEVELS)) and held.search(n)
                           and (suffix is None or n.endswith(suffix.group(0)))
                           and (not asked_kind or asked_kind in _held_hospital_kinds(n))]
                if len(fitting) == 1:
                    return question[:begin] + fitting[0] + question[found.end() + (len(suffix.group(0)) if suffix else 0) :]
    return question


def _runs_on_before(question: str, begin: int, kind_start: int, holding: list[str]) -> bool:
    """Whether the place read before a kind runs on left, before the start of the held names holding it, with a
    character none of them has there ("芦溪县农业局" held, "苇溪县农业局" asked: another place's bureau)."""
    while begin > 0 and _HAN.fullmatch(before := question[begin - 1]) and not _NOT_IN_PLACES.search(before):
        written = normalize_for_search(question[begin:kind_start])
        if any(name.startswith(written) for name in holding):
            return False  # the held name's own start: what is before it is no part of it
        begin -= 1
        if not any(normalize_for_search(question[begin:kind_start]) in name for name in holding):
            return True
    return False


def _hospital_kind(lead: str) -> str:
    """A hospital's kind as its words before 医院 give it, "中" of 中医院 read as 中医 (中医院 and 中医医院 are one)."""
    return "中医" if lead == "中" else lead


def _held_hospital_kinds(name: str) -> set[str]:
    """The kinds of the hospitals a held name writes ("人民" of 紫溪县人民医院); empty when it writes none."""
    return {_hospital_kind(lead.group(0)) for found in re.finditer("医院", name)
            if (lead := _HOSPITAL_KIND_LEAD.search(name, 0, found.start()))}


def _part_at(text: str, position: int, names: list[str]) -> tuple[str, str] | None:
    """The part of a description starting at `position`: (what it says, its words), longest words first."""
    found = []
    if glue := _GLUE.match(text, position):
        found.append(("glue", glue.group(0)))
    if level := _LEVEL.match(text, position):
        found.append(("level", level.group(0)))
    found += [("kind" if (said, held) in _KIND_ALIASES else "function", alias.group(0))
              for said, held in _ALIASES if (alias := said.match(text, position))]
    if kind := _KIND.match(text, position):
        found.append(("kind", kind.group(0)))
    if found:
        return max(found, key=lambda part: len(part[1]))
    # a word of a held name's place ("青禾的开发区"), only where no word of a description is
    for chars in _PLACE_CHARS:
        word = normalize_for_search(text[position : position + chars])
        if len(word) == chars and _HAN.fullmatch(word) and any(word in name for name in names):
            return "place", text[position : position + chars]
    return None


def _fits(name: str, kind: str, word: str) -> bool:
    """Whether a held unit's name holds what one part of a description says."""
    if kind == "level":
        return word[0] in name
    if kind == "place":
        return normalize_for_search(word) in name
    if kind == "kind":
        return name.endswith(word) or any(said.fullmatch(word) and held.search(name) for said, held in _KIND_ALIASES)
    return any(said.fullmatch(word) and held.search(name) for said, held in _ALIASES)


def description_read(question: str, standalone: str, directory: UnitDirectory) -> str:
    """How a description the standalone question was given its unit for was read ("“那个收粮的”按X理解。"), so
    the user sees the guess; "" when the question named its unit or described none."""
    units, end = described_units(question, directory)
    if len(units) != 1 or directory.find_units(question) or units[0] not in directory.find_units(standalone):
        return ""
    return f"“{_as_said(question[:end])}”按{units[0]}理解。"


def asked_back(question: str, directory: UnitDirectory, discussed: list[str]) -> tuple[str, bool]:
    """What to say back instead of answering a follow-up that describes a unit, and whether that is "none held":
    ("“乡里那个中学”可能指A、B,请说明是哪一家。", False) when several held units fit and none was just `discussed`
    (then it points back at that one); ("资料库中没有…", True) when what it does fits no held unit ("那个管医保的");
    ("", False) otherwise."""
    units, end = described_units(question, directory)
    if not end or directory.find_units(question) or set(units) & set(discussed):
        return "", False
    said = _as_said(question[:end])
    if len(units) >= 2:
        return f"“{said}”可能指{'、'.join(units)},请说明是哪一家。", False
    if not units and _FUNCTION_SAID.search(said):
        return f"资料库中没有与“{said}”相符的单位的通报。库中单位:{'、'.join(directory.units)}。", True
    return "", False


def _as_said(description: str) -> str:
    """The description without the words closing it ("那个收粮的呢," -> "那个收粮的")."""
    return re.sub(r"(?:呢|吧|看看|怎么样|[\s,，])+$", "", description)
