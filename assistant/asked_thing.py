"""Whether chosen sentences state what the question asks about, not a neighbouring fact."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.evidence import Evidence, Question, last_heading, term_stated
from assistant.plain_words import same_thing

# Never the asked thing itself: the steps every notice reports in varying words (发现/指出/查出 问题),
# and words of the answer's shape ("几个人" yields 个人, "多少金额").
NOT_THE_ASKED_THING = re.compile(
    r"(?:发现|指出|查出|查找|反馈|意见|采取|开展|进行|落实|建立|完成|整改|巡察|巡视|处理|解决|推进|做了|工作|情况|问题|方面|"
    r"个人|人数|人次|数量|金额|时间|日期|多少|几个|哪些|什么|是否|一共|共计|合计|分别)+"  # also their compounds: 意见反馈, 发现问题
)

# A fund, fee or payment named by what it is for ("医保基金", "培训费", "拆迁款"): a specific sum of money.
_NAMED_MONEY = re.compile(r"([\u4e00-\u9fff]{2})(?:基金|资金|经费|费用|费|款)")
_NOT_A_QUALIFIER = {"多少", "哪些", "什么", "这些", "那些", "这笔", "那笔", "违规", "相关", "有关", "各项"}


def states_the_asked_thing(
    chosen: Sequence[Evidence],
    question: Question,
    known_terms: Callable[[Iterable[str]], set[str]],
    is_unit_word: Callable[[str], bool],
    focus_share: float,
    lenient: bool = False,
) -> bool:
    """Whether the chosen sentences hold what the question asks about, not a neighbouring fact.

    The asked thing is the question's most specific terms that the library knows (asked who was
    诫勉谈话, a sentence on 提醒谈话 shares the frequent 谈话 but not the rare 诫勉). Terms no
    notice holds are the user's own words and decide nothing here, except a named fund or fee
    ("医保基金", "培训费"): a sum of money no notice names is not stated anywhere. `focus_share` is the
    share of the top term weight a term needs to count as asked.
    """
    in_library = known_terms(question.weights)
    named = [m.group(0) for m in _NAMED_MONEY.finditer(question.text) if m.group(1) not in _NOT_A_QUALIFIER]
    unheld = [name for name in named if name not in known_terms(named)]
    if unheld and not any(name in item.text for name in unheld for item in chosen):
        return False
    known = {
        t: w
        for t, w in question.weights.items()
        if len(t) >= 2 and not NOT_THE_ASKED_THING.fullmatch(t) and t in in_library and not is_unit_word(t)
    }
    if not known:
        return True
    top = max(known.values())
    focus = {t for t, w in known.items() if w >= focus_share * top}
    if not lenient:  # the asked thing is the longest compound: 谈话 inside 诫勉谈话 does not stand for it
        focus = {t for t in focus if not any(t != other and t in other for other in focus)}
    said = "".join(item.text + last_heading(item.document.metadata.get("section_path", "")) for item in chosen)
    return any(
        term_stated(word, said, lenient)
        for term in focus for alike in question.ways_of_saying(term) for word in same_thing(alike)
    )

