"""Units compared by an amount their sentences state on the topic asked: "重点项目投资,A和B谁多,差多少亿".

No record family counts such amounts (投资, 产值, 学位…). In each unit the amount, in the measure asked
(亿 or 万 ask money; 个, 项 a count), whose clause shares most of the topic's words is compared, the
words of its sentence and then its paragraph breaking ties, then the first stated; an amount its notice
states as a bound ("超10亿元以上") is none. Each compared amount is cited; other amounts as close to the
topic are listed so the reader sees the choice; a unit stating none is named, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.computed_inputs import CitationNumbers
from assistant.stated_amounts import Stated, amounts_of_unit, in_measure, money_unit_of, shared, word_chars
from assistant.unit_names import without_spans
from index.catalog import NoticeRow

ANSWERER = "extractive:topic-amounts"
# Asked which is more and by how much ("谁多,差多少亿", "哪个高?高多少", "相差多少万元").
ASKS_GAP = re.compile(r"(?:差|相差|多|少|高|低)了?(?:几|多少)(?P<measure>亿元|万元|元|亿|万|项|个|人|件|条|笔|家|名)?")
ASKS_WHICH = re.compile(r"谁|哪个|哪家|哪一个")
# Words of the asking, not of the topic: "谁多", "哪个更高一些", "差多少亿", connectives, punctuation.
_ASKING = re.compile(r"(?:谁|哪个|哪家|哪一个)(?:的|更|要|还)?(?:多|少|高|低|大|小)?(?:一些|一点|些|点)?|"
                     r"各自|分别|和|与|跟|同|比|呢|吗|[,，。?？!！、\s]")
_COUNT_MEASURES = frozenset("项个人件条笔家名")
# A count asked apart from the gap ("各几个 差多少"): the gap is in that measure.
_ASKS_EACH_COUNT = re.compile(r"各?(?:有)?(?:几|多少)(?P<measure>[项个件条笔家名])")
# Measures notices use for the same count ("纳入重点项目20项", "10个重点项目").
_ALIKE = {"个": ("个", "项"), "项": ("项", "个")}
MIN_TOPIC_CHARS = 2  # a topic of one character ("钱") says too little to pick a sentence's amount
# Where the words around an amount stop, when each unit names its own item: a label's colon does not
# ("清退加班补助：12.47万元"), and the words after the amount count ("安排的230万元扶持资金").
_AROUND_BREAK = re.compile(r"[,，;；。!！?？\n]")


def asked_topic(question: str, unit_spans: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """(the topic's words, the measure asked) of a question asking which unit's amount is larger and by how much."""
    question = without_spans(question, unit_spans)
    gap = ASKS_GAP.search(question)
    if gap is None or not ASKS_WHICH.search(question):
        return None
    each = _ASKS_EACH_COUNT.search(question)
    measure = gap.group("measure") or (each.group("measure") if each else "")
    topic = _ASKING.sub("", _ASKS_EACH_COUNT.sub("", ASKS_GAP.sub("", question)))
    return (topic, measure) if len(word_chars(topic)) >= MIN_TOPIC_CHARS else None


def items_asked(question: str, items: dict[str, str], units: Sequence[str]) -> tuple[dict[str, str], str] | None:
    """(each unit's own item, the measure asked) of "A发的贷款比B安排的资金多多少": every unit names the amount
    compared for it (unit_items.items_by_unit), and a difference is asked; None otherwise."""
    gap = ASKS_GAP.search(question)
    if gap is None or len(units) < 2 or any(unit not in items for unit in units):
        return None
    topics = {unit: _ASKING.sub("", items[unit]) for unit in units}
    if any(len(word_chars(topic)) < MIN_TOPIC_CHARS for topic in topics.values()):
        return None
    each = _ASKS_EACH_COUNT.search(question)
    return topics, gap.group("measure") or (each.group("measure") if each else "")


def answer_topic_amounts(
    question: str, standalone_question: str, units: list[str], unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None], items: dict[str, str] | None = None,
) -> Answer | None:
    """The units' amounts on the topic compared, each cited, with the difference; None when not asked or none found.
    `items`: the item each unit names for itself ("柘大退的酬金比柳塘退的补助多多少"), each unit's own topic."""
    asked = asked_topic(standalone_question or question, unit_spans)
    own = items_asked(standalone_question or question, items or {}, units) if asked is None else None
    if (asked is None and own is None) or len(units) < 2:
        return None
    measure = asked[1] if asked is not None else own[1]
    topics = {unit: word_chars(asked[0] if asked is not None else own[0][unit]) for unit in units}
    counted = measure if measure in _COUNT_MEASURES else ""
    amounts = {unit: [s for s in amounts_of_unit(unit, notices, notice_text_of) if s.measure in _ALIKE.get(counted, (counted or "元",))]
               for unit in units}
    picked = {unit: _on_topic(amounts[unit], topics[unit], around=own is not None) for unit in units}
    found = {unit: best for unit, best in picked.items() if best}
    if len(found) < 1:
        return None
    citations = CitationNumbers()
    shown = money_unit_of([best[0].said for best in found.values()], measure) if not counted else counted
    ordered = sorted(found, key=lambda unit: -found[unit][0].value)
    lines = [_conclusion(ordered, found, [u for u in units if u not in found], shown), "",
             "计算过程(各单位取与所问最相关的一句中的数字):", "", "| 单位 | 原文数字 | 计算 |", "|---|---|---|"]
    for unit in ordered:
        best = found[unit][0]
        end = _quoted_end(best)
        cited = citations.cite(best.notice, best.text, best.clause_start, end)
        quoted = " ".join(best.text[best.clause_start : end].split())
        lines.append(f"| {unit} | {quoted}{cited} | {in_measure(best.value, best.measure, shown)} |")
    lines.append("")
    for unit in ordered:
        for other in found[unit][1:]:
            cited = citations.cite(other.notice, other.text, other.clause_start, other.end)
            lines.append(f"注:{unit}的通报还写有同样相关的“{other.quoted()}”{cited},未用于比较。")
        for again in _restated(amounts[unit], found[unit], topics[unit], own is not None):
            cited = citations.cite(again.notice, again.text, again.clause_start, again.end)
            lines.append(f"注:{unit}的通报另有一处写到同一数字:“{again.quoted()}”{cited}。")
    lines.extend(f"{unit}的通报未写明与所问相关的数字,无法比较。" for unit in units if unit not in found)
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines).strip(),
                  citations=citations.items, answerer=ANSWERER, units=ordered)


def _quoted_end(stated: Stated) -> int:
    """Where a compared amount's quote ends: a count runs on to the thing it counts, to its clause's end
    ("等8个重点项目建立工作专班"); money ends at the amount."""
    if stated.measure == "元":
        return stated.end
    stop = _AROUND_BREAK.search(stated.text, stated.end, stated.sentence[1])
    return stop.start() if stop else stated.sentence[1]


def _words_at(stated: Stated, around: bool) -> str:
    """The words naming an amount: its clause before it, or (`around`) the words on both sides of it."""
    if not around:
        return stated.clause
    begin = max((m.end() for m in _AROUND_BREAK.finditer(stated.text, stated.sentence[0], stated.start)),
                default=stated.sentence[0])
    after = _AROUND_BREAK.search(stated.text, stated.end, stated.sentence[1] + 1)
    return stated.text[begin : after.start() if after else stated.sentence[1]]


def _restated(amounts: list[Stated], picked: list[Stated], topic: set[str], around: bool) -> list[Stated]:
    """Other places the unit states the compared amount on the topic ("区财政安排的230万元扶持资金未实际支出"
    besides "新区财政安排的230万元…扶持资金"): cited too, so the reader sees where else it stands."""
    return [s for s in amounts if s.value == picked[0].value and all(s.start != p.start for p in picked)
            and shared(topic, _words_at(s, around)) * 2 >= len(topic)]


def _on_topic(amounts: list[Stated], topic: set[str], around: bool = False) -> list[Stated]:
    """The amount closest to the topic, then any others as close (by clause, sentence and paragraph); [] for none
    sharing at least half the topic's words in its clause (`around`: the words on both sides of the amount)."""
    def clause(stated: Stated) -> str:
        return _words_at(stated, around)

    def score(stated: Stated) -> tuple[int, int, int]:
        sentence = stated.text[stated.sentence[0] : stated.sentence[1]]
        paragraph_start = stated.text.rfind("\n", 0, stated.start) + 1
        paragraph_end = stated.text.find("\n", stated.end)
        paragraph = stated.text[paragraph_start : paragraph_end if paragraph_end != -1 else len(stated.text)]
        return shared(topic, clause(stated)), shared(topic, sentence), shared(topic, paragraph)

    scored = [(score(s), s) for s in amounts if shared(topic, clause(s)) * 2 >= len(topic)]
    if not scored and around:  # "津补贴查出来的钱" of "津补贴专项自查,共梳理问题37项,涉及金额32.24万元": the sentence names it
        scored = [((0, *score(s)[1:]), s) for s in amounts if score(s)[1] * 2 >= len(topic)]
    if not scored:
        return []
    best = max(key for key, _ in scored)
    return [s for key, s in scored if key == best]


def _conclusion(ordered: list[str], found: dict[str, list[Stated]], silent: list[str], shown: str) -> str:
    first = found[ordered[0]][0]
    said = in_measure(first.value, first.measure, shown)
    if len(ordered) == 1:
        return f"只有{ordered[0]}的通报写明了相关数字({said});{'、'.join(silent)}无从比较(见下)。"
    last = found[ordered[-1]][0]
    gap = in_measure(first.value - last.value, first.measure, shown)
    if len(ordered) == 2:
        return f"{ordered[0]}({said})比{ordered[-1]}({in_measure(last.value, last.measure, shown)})多{gap}。"
    listing = "、".join(f"{unit}{in_measure(found[unit][0].value, first.measure, shown)}" for unit in ordered)
    return f"从多到少:{listing}。{ordered[0]}最多,比{ordered[-1]}多{gap}。"
