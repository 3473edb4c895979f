"""Unit names in a question that no ingested notice is about ("长岭镇…" when the library has no 长岭镇).

Such a name is looked up in the notices' titles, file names and text: when some notices mention it,
the answer comes from those passages alone; when none does, the answer says that the library holds
no notice about it and names the closest units, and never answers about another unit instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import jieba.posseg
from langchain_core.documents import Document

from assistant.units import GENERIC_UNIT_WORDS, UnitDirectory
from index.catalog import NoticeRow
from index.lexical import LexicalIndex, normalize_for_search

COLON = "\uff1a"

# How unit names end: places, organs, schools, hospitals, companies.
UNIT_SUFFIX = re.compile(
    r"(省|市|区|县|旗|镇|乡|村|社区|街道|街道办|新区|开发区|高新区|经开区|集聚区|园区|管委会|局|委|办|厅|院|所|中心|"
    r"委员会|党委|党组|党工委|学校|中学|小学|大学|学院|幼儿园|医院|卫生院|公司|集团|银行|站)$"
)
# Parts of speech that can make up a name before its suffix (jieba's tags: places, person-like
# words, organisations, other proper nouns, plain nouns, abbreviations, morphemes).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "n", "j", "zg", "ng", "vn", "an", "m"})
_NOT_IN_NAMES = re.compile(r"[的了在和与对把被是有为从向于及或并各每全本我该其此这那哪些]")
MAX_NAME_CHARS = 14
_INSPECTING_BODY = re.compile(r"委?(第[一二三四五六七八九十\d]+)?(巡察|巡视)")


def unknown_unit_names(question: str, directory: UnitDirectory) -> list[str]:
    """Unit-like names in the question that are not names of an ingested unit."""
    blanked = question
    for begin, end, _ in directory.mentions(question):
        blanked = blanked[:begin] + "\u3000" * (end - begin) + blanked[end:]
    words = [(w, f) for w, f in jieba.posseg.cut(blanked)]
    ends = [0]
    for word, _ in words:
        ends.append(ends[-1] + len(word))
    found: list[str] = []
    for index, (word, _) in enumerate(words):
        if not UNIT_SUFFIX.search(word) or _INSPECTING_BODY.match(blanked, ends[index + 1]):
            continue  # "区委第三巡察组": the inspecting body, not a unit asked about
        name = word
        for previous, tag in reversed(words[:index]):
            if tag not in _NAME_TAGS or _NOT_IN_NAMES.search(previous) or len(name) + len(previous) > MAX_NAME_CHARS:
                break
            name = previous + name
        stem = re.sub(r"^[省市区县镇乡]", "", UNIT_SUFFIX.sub("", name))
        if len(stem) >= 2 and name not in GENERIC_UNIT_WORDS and not _NOT_IN_NAMES.search(name):
            found.append(name)
    # "青山县教育局" holds "青山县": the longer name is the one asked about.
    return list(dict.fromkeys(n for n in found if not any(n != other and n in other for other in found)))


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
    for notice_id in dict.fromkeys(hit.notice_id for hit in lexical.search(name, limit)):
        if notice_id not in found and wanted in normalize_for_search(notice_text_of(notice_id) or ""):
            found.add(notice_id)
    return found


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
