"""Units described by what their notice says or how it looks, in a follow-up: "那烧暖气的那家呢" (what the unit
does), "纪委网站报道的那个镇呢" (where its notice was published), "那个一图读懂的街道呢" (how its notice is laid out).

The words of the description are looked up in each held unit's notices: a pair of characters few units' notices
hold counts for the units holding it (so "普法" finds the unit whose notice speaks of 普法, "网站" the one whose
source line names a website); what people say of a unit's work ("烧暖气") counts for the units whose names hold that
work (described_units.FUNCTION_WORDS). A unit is taken only when it stands clearly apart from the next one; failing
words in common, the description's meaning is compared with the units' names, with a wider margin.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from assistant.described_units import FUNCTION_WORDS, KIND_NAMES
from assistant.unit_names import UNIT_SUFFIX_WORDS
from assistant.units import UnitDirectory

# "那烧暖气的那家呢", "换成搞普法的那个局", "纪委网站报道的那个镇呢", "那个一图读懂的街道呢": a lead, an optional
# pointer, the description, 的, then a pointer at a unit (那家/那所) or a unit's kind (with or without a pointer).
_LEAD = r"(?:那么|那|换成|换到|改成|换|至于|再看看?|还有)?"
_POINTER = r"(?:那个|那家|那所|这个|这家|这所)"
_TAIL = r"(?:的)?(?:呢|吧|看看|怎么样|咋样|如何)?"
_DESCRIBED_WITH_KIND = re.compile(
    rf"^{_LEAD}(?P<pointer>{_POINTER})?(?P<words>[\u4e00-\u9fff]{{2,12}}?)(?P<of>的)?{_POINTER}?(?P<kind>{UNIT_SUFFIX_WORDS}){_TAIL}$"
)
_DESCRIBED_BY_POINTER = re.compile(rf"^{_LEAD}(?P<words>[\u4e00-\u9fff]{{2,12}}?)的?(?:那家|这家|那所|这所){_TAIL}$")
# "那个一图读懂的街道呢": the clause naming the unit, before what is asked of it.
_CLAUSE = re.compile(r"^([^,，。?？]+?)\s*(?:[,，]\s*|$)")
# Words of a description that only say it is one ("搞普法的", "报道的"): the verbs of doing and telling.
_TALK = re.compile(r"搞|管|负责|专门|做|干|弄|发的|发布|报道|登|登的|写|出的|那种|那样|上面?|里面?")
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_KINDS_SAID = [(re.compile(said), re.compile(held)) for said, held in KIND_NAMES]
_WORK_SAID = [(re.compile(said), re.compile(held)) for said, held in FUNCTION_WORDS]


def described_by_notice(question: str, directory: UnitDirectory, notice_text_of: Callable[[str], str],
                        name_similarity: Callable[[str, Sequence[str]], list[float]] | None,
                        margin: float, meaning_margin: float) -> tuple[str, str]:
    """(the question with the unit its lead clause describes named, how the description was read) or ("", "")
    when the clause names a held unit, describes none, or fits no one unit clearly apart (`margin`: the share of the
    best unit's score the next one may reach; `meaning_margin`: how far closer in meaning, when no word is shared)."""
    clause_match = _CLAUSE.match(question.strip())
    if clause_match is None or directory.find_units(question):
        return "", ""
    clause, rest = clause_match.group(1), question.strip()[clause_match.end() :]
    shaped = _DESCRIBED_WITH_KIND.match(clause)
    if shaped and not (shaped.group("pointer") or shaped.group("of") or re.search(_POINTER, clause)):
        shaped = None  # "纪委网站镇" names a unit, it is no description
    shaped = shaped or _DESCRIBED_BY_POINTER.match(clause)
    if shaped is None:
        return "", ""
    kind = shaped.groupdict().get("kind") or ""
    words = _TALK.sub(" ", shaped.group("words"))
    units = [u for u in directory.units if not kind or _of_kind(u, kind)]
    if not units or not re.search(r"[\u4e00-\u9fff]{2}", words):
        return "", ""
    notices = {u: tuple(directory.entry(u).notice_ids) for u in units}
    unit = _apart(_word_scores(words, notices, notice_text_of, len(directory.units)), margin)
    if not unit and name_similarity is not None and len(units) >= 2:
        unit = _closest_in_meaning(words, units, name_similarity, meaning_margin)
    if not unit:
        return "", ""
    said = re.sub(r"^(?:换成|换到|改成|换|至于|再看看?|还有)|(?:呢|吧|看看|怎么样|咋样|如何)+$", "", clause)
    return f"那{unit}呢" + (f",{rest}" if rest else ""), f"“{said}”按{unit}理解。"


def history_with_units_named(history: Sequence[dict], name: Callable[[str], str]) -> list[dict]:
    """The conversation with each earlier follow-up that describes a unit given its name by `name` ("那烧暖气的那家呢"
    -> "那X呢"), so later follow-ups ("那个镇呢") carry the topic of the turns before it, not the description."""
    named = []
    for index, turn in enumerate(history):
        asked = str(turn.get("content", ""))
        if turn.get("role") == "user" and index > 0 and (rewritten := name(asked)):
            turn = {**turn, "content": rewritten}
        named.append(turn)
    return named


def _of_kind(unit: str, kind: str) -> bool:
    """Whether a held unit's name is of the kind said ("局", "镇", "学校" of a 大学)."""
    if unit.endswith(kind):
        return True
    return any(said.fullmatch(kind) and held.search(unit) for said, held in _KINDS_SAID) or (
        kind == "学校" and re.search(r"学校|[中小大]学|学院", unit) is not None)


def _pairs_of_notice(notice_id: str, notice_text_of: Callable[[str], str]) -> frozenset[str]:
    """The character pairs of a notice's text; none for a notice not (or no longer) readable, which is not kept."""
    try:
        return _readable_pairs(notice_id, notice_text_of)
    except LookupError:
        return frozenset()


@lru_cache(maxsize=1024)  # a notice id is its text's hash: one entry per notice, read from the catalog once
def _readable_pairs(notice_id: str, notice_text_of: Callable[[str], str]) -> frozenset[str]:
    text = notice_text_of(notice_id)
    if text is None:
        raise LookupError(notice_id)  # not cached: the notice may be ready next time
    return frozenset(_HAN_PAIR.findall(text))


def _unit_text(notice_ids: tuple[str, ...], notice_text_of: Callable[[str], str]) -> str:
    """A unit's notices as one text (title, source and signature lines included)."""
    return "\n".join(notice_text_of(n) or "" for n in notice_ids)


def _word_scores(words: str, notices: dict[str, tuple[str, ...]], notice_text_of: Callable[[str], str],
                 held: int) -> dict[str, float]:
    """Each unit's score: the rarity of the description's character pairs its notices hold, and of the work it
    says ("烧暖气": 供热) its notices speak of, plus a whole point when its name says that work; what every unit's
    notices hold weighs nothing. `notices`: each unit's notice ids."""
    units = list(notices)
    scores = dict.fromkeys(units, 0.0)
    pairs = {u: frozenset().union(*(_pairs_of_notice(n, notice_text_of) for n in notices[u])) for u in units}
    found = [[u for u in units if pair in pairs[u]] for pair in set(_HAN_PAIR.findall(words))]
    for said, work in _WORK_SAID:
        if said.search(words):
            if not any(work.search(unit) for unit in units):
                return dict.fromkeys(units, 0.0)  # "管医保的那家": no held unit does it (asked_back says so)
            found.append([u for u in units if work.search(_unit_text(notices[u], notice_text_of))])
            for unit in units:
                scores[unit] += 1.0 if work.search(unit) else 0.0
    for holders in filter(None, found):
        weight = math.log((held + 1) / (len(holders) + 1)) / math.log(held + 1)
        for unit in holders:
            scores[unit] += weight
    return scores


def _apart(scores: dict[str, float], margin: float) -> str:
    """The best-scoring unit when the next one reaches at most `margin` of its score; else ""."""
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] <= 0:
        return ""
    if len(ranked) >= 2 and ranked[1][1] > margin * ranked[0][1]:
        return ""
    return ranked[0][0]


def _closest_in_meaning(words: str, units: list[str], name_similarity: Callable[[str, Sequence[str]], list[float]],
                        meaning_margin: float) -> str:
    """The unit whose name is closest in meaning to the description, when it is `meaning_margin` closer than the next."""
    similarities = name_similarity(re.sub(r"\s+", "", words), units)
    ranked = sorted(zip(similarities, units), reverse=True)
    return ranked[0][1] if ranked[0][0] - ranked[1][0] >= meaning_margin else ""


def name_similarity_of(embeddings_of: Callable) -> Callable[[str, Sequence[str]], list[float]]:
    """Cosine of a description with each unit name, names embedded once (`embeddings_of`: the LangChain Embeddings,
    asked for only when a description needs it, so no model loads for questions that describe no unit)."""
    import numpy as np

    @lru_cache(maxsize=256)
    def vector_of_name(name: str):
        vector = np.asarray(embeddings_of().embed_documents([name])[0], dtype=float)
        return vector / (np.linalg.norm(vector) or 1.0)

    def similarity(words: str, names: Sequence[str]) -> list[float]:
        query = np.asarray(embeddings_of().embed_query(words), dtype=float)
        query = query / (np.linalg.norm(query) or 1.0)
        return [float(vector_of_name(name) @ query) for name in names]

    return similarity
