"""Names of places and units a text writes with a given type word (宿迁市, 均川镇), found at word boundaries.

Chinese has no spaces, so "支持宿迁市" could be 持宿迁市 or 宿迁市; jieba's segmentation gives the left
boundary of the name. A name is the word ending in the type word (宿迁市) or a word of two or more
characters written right before it (青禾 + 市), never a self-reference or a function word (全市, 我镇).
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

HAN_RUN_END = re.compile("[\u4e00-\u9fff]*$")
HAN_RUN_START = re.compile("[\u4e00-\u9fff]+")
# Characters that start no place name but begin words jieba may glue to a type word (全市, 各镇, 本区).
NOT_A_NAME_START = frozenset("全各本我该此每其他外省市县区镇乡村")
# Words that end a name's left part but are not names (在市, 到镇, 通报|区城市管理局, 成立|市国资委).
NOT_IN_PLACE_NAMES = re.compile(
    r"巡察|巡视|整改|关于|党委|政府|委员|领导|干部|工作|时间|期间|以来|目前|发现|指出|要求|推动|认为|代表|督促|存在|"
    r"通报|情况|报告|成立|召开|开展|印发|制定|上午|下午|中午|晚上|记者|获悉|根据|按照|依据|"
    r"届|轮|的|了|和|与|及|在|对|向|\d"
)

# Prepositions jieba glues to a name's first character (在籍|山镇, 对籍|山镇): dropped from a name's start.
GLUED_PREPOSITIONS = frozenset("在对向到于从由给经")

# Common words ending in a type word that name no place (地区, 小区, 乡镇).
GENERIC_ENDINGS = ("地区", "小区", "社区", "园区", "辖区", "城区", "片区", "景区", "街区", "山区", "市区", "郊区", "城镇", "乡镇")

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    return jieba.Tokenizer()


def _words(text: str) -> list[tuple[str, int]]:
    """jieba words of text with their start offsets."""
    with _lock:
        pieces = _tokenizer().lcut(text, HMM=True)
    words, offset = [], 0
    for piece in pieces:
        words.append((piece, offset))
        offset += len(piece)
    return words


def named_places(text: str, type_word: str) -> list[str]:
    """Distinct names written with type_word ("市" -> ["宿迁市"]), in order of first mention."""
    found: dict[str, None] = {}
    for match in re.finditer(re.escape(type_word), text):
        name = _name_ending_at(text, match.start(), type_word)
        if name:
            found.setdefault(name, None)
    return list(found)


def _name_ending_at(text: str, start: int, type_word: str) -> str:
    """The name whose type word starts at text[start], or "" when the words around it do not make one."""
    left = HAN_RUN_END.search(text, max(0, start - 8), start)
    right = HAN_RUN_START.match(text, start, min(len(text), start + len(type_word) + 4))
    if not left or not right:
        return ""
    run, type_at = left.group(0) + right.group(0), len(left.group(0))
    words = _words(run)
    holder = next((w for w in reversed(words) if w[1] <= type_at), None)
    if holder is None or holder[1] + len(holder[0]) < type_at + len(type_word):
        return ""  # the type word is split across words: no name ends with it here
    core = run[holder[1] : type_at]
    if not core and holder[0] != type_word:
        return ""  # the type word begins another word: 根据|市委, 服务|市民
    previous = [w for w in words if w[1] + len(w[0]) <= holder[1]]
    if len(core) < 2 and previous:
        # 北杨|集镇, 青禾|市: the name starts with the word before; 推动|全市 is no name
        word, offset = previous[-1]
        if len(word) >= 2 and word[0] in GLUED_PREPOSITIONS and len(word) - 1 + len(core) >= 2:
            offset += 1  # 在籍|山镇: the preposition is no part of the name 籍山镇
        if len(word) >= 2 and not core.startswith(tuple(NOT_A_NAME_START)):
            core = run[offset:type_at]
    name = core + type_word
    if len(core) < 2 or core[0] in NOT_A_NAME_START or NOT_IN_PLACE_NAMES.search(core):
        return ""
    return "" if name.endswith(GENERIC_ENDINGS) else name


def unique_place(text: str, type_word: str) -> str:
    """The one name the text writes with type_word, or "" when it writes none or several."""
    names = named_places(text, type_word)
    return names[0] if len(names) == 1 else ""


# "为安康经济社会发展提供保障": a place written without its type word, before the economy it stands for.
_ECONOMY_OF_PLACE = re.compile(r"(?:为|推动|促进|助推|服务|保障)([\u4e00-\u9fff]{2})经济(?:社会|高质量)发展")
# Two-character words that stand before 经济社会发展 but name no place.
NOT_PLACE_CORES = frozenset(
    "地方 当地 区域 城乡 县域 市域 全域 辖区 基层 乡村 农村 城市 社会 国家 企业 行业 本地 各地 全国 地区 民族 全面 "
    "实体 民营 数字 绿色 海洋 开放 外向 区域 园区".split()
)


def place_core_before_economy(text: str) -> str:
    """The one place the text writes without a type word in "为X经济社会发展" (安康), or ""."""
    cores = {
        match.group(1)
        for match in _ECONOMY_OF_PLACE.finditer(text)
        if match.group(1) not in NOT_PLACE_CORES and match.group(1)[0] not in NOT_A_NAME_START
        and not NOT_IN_PLACE_NAMES.search(match.group(1))
    }
    return cores.pop() if len(cores) == 1 else ""


# jieba's tags of words that are no name: verbs, adjectives, prepositions, conjunctions, adverbs, particles, pronouns.
# Verbs, adjectives, prepositions…, and set phrases or idioms (紧紧围绕|区委): no place name is one of these.
_NOT_NAME_TAGS = frozenset("vapcdurli")


def tagged_words(text: str) -> list[tuple[str, str]]:
    """jieba's words of text with their part-of-speech tags."""
    with _lock:
        return [(piece.word, piece.flag) for piece in jieba.posseg.lcut(text)]


def _word_tag(word: str) -> str:
    """jieba's part-of-speech tag of a word read alone ("" when it reads as several words)."""
    with _lock:
        pieces = jieba.posseg.lcut(word)
    return pieces[0].flag if len(pieces) == 1 else ""


def committee_places(text: str, level: str) -> dict[str, int]:
    """Places of the level whose party committee the text writes (江城县委, 十二届湘潭市委 -> 江城县, 湘潭市),
    with where each is first named; jieba often writes 县委 as one word, so the name is the word before."""
    found: dict[str, int] = {}
    for match in re.finditer(re.escape(level) + "委(?!员)", text):
        left = HAN_RUN_END.search(text, max(0, match.start() - 8), match.start())
        run = left.group(0) + level + "委" if left else ""
        words = _words(run)
        holder = next((w for w in reversed(words) if w[1] <= len(run) - 2), None)
        if holder is None:
            continue
        word, offset = holder
        if word.startswith(level) and offset > 0:  # 江城|县委: the name is the word before
            word, offset = next(w for w in reversed(words) if w[1] < offset)
            if word[0] in GLUED_PREPOSITIONS and len(word) >= 3:
                word, offset = word[1:], offset + 1
            tag = _word_tag(word)
            if tag[:1] in _NOT_NAME_TAGS:
                continue  # 传达|县委, 根据|县委: a verb or preposition, no place
            core, one_word = word, tag[:1] == "n"  # 泰和 (a name): its 和 joins nothing
        else:  # 德清县|委 or 湘潭市委: the name ends with the level word
            core, one_word = run[offset : len(run) - 2], False
        # One word (泰和|县委) is one name: a conjunction inside it joins no two names.
        blocked = [m.group(0) for m in NOT_IN_PLACE_NAMES.finditer(core) if not one_word or m.group(0) not in "和与及"]
        if len(core) < 2 or core[0] in NOT_A_NAME_START or blocked:
            continue
        # 衡阳县|县委: a name already ending with its level word is the place itself, not 衡阳县县.
        place = core if core.endswith(level) else core + level
        found.setdefault(place, match.start() - len(core))
    return found
