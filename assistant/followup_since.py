"""Follow-ups asking how much a figure of the previous answer grew by a later point the notice states:
"到6月底集中整改结束,又多改完了几个?" after "截至3月31日,21个问题已完成整改13个".

The previous answer's figure is the one the question's verb names (改完: 完成整改); the later figure is a
count of the same kind in the notices of the units discussed (the same words before it, the same measure),
in the sentence that shares most words with the point in time the question names. Both are cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.followup_ratio import figures_of_answer, named_figure
from assistant.previous_answer import Found, Said, find_in_notices, last_answer, number_citations, plain
from index.sentences import split_sentences

ANSWERER = "extractive:followup-since"
# "又多改完了几个", "又增加了多少", "多出几个": the change since the figure just given.
_SINCE = re.compile(r"(?:又多|又增加了?|又新增了?|多出了?|增加了|新增了)(?P<what>[\u4e00-\u9fff]{0,6}?)(?:几|多少)")
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(项|个|人次|人|件|条|起|家|名|次|笔|种|所)")
MIN_SHARED_LABEL_CHARS = 3  # a later figure has at least this many characters of the earlier one's label before it


def asks_since_previous(question: str, names_unit: bool) -> bool:
    """Whether the question asks the change since a figure of the previous answer (naming no unit)."""
    return not names_unit and _SINCE.search(question) is not None


def answer_since(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The later figure less the previous answer's, both cited; None when either is not found."""
    match = _SINCE.search(question)
    earlier = named_figure(match.group("what") or question, figures_of_answer(last_answer(history)))
    if earlier is None or earlier.measure == "元":
        return None
    found, missing = find_in_notices([earlier], notice_ids, notice_text_of, describe)
    later = _later_figure(question[: match.start()], earlier, notice_ids, notice_text_of, describe)
    if missing or later is None:
        return None
    citations, number_of = number_citations([found[0], later])
    now, before = f"{later.said.text}[{number_of[1]}]", f"{earlier.text}[{number_of[0]}]"
    change = later.said.value - earlier.value
    more = "多" if change >= 0 else "少"
    lines = [f"通报写明后来为{now},比上一轮回答的{before}{more}{plain(abs(change))}{earlier.measure}。",
             "", "计算(数字均引自通报原文):", f"{now}-{before}={plain(change)}{earlier.measure}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _later_figure(when: str, earlier: Said, notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None],
                  describe: Callable[[str], tuple[str, str]]) -> Found | None:
    """The count of the same kind as `earlier`, of another value, in the sentence sharing most of `when`."""
    label = set(earlier.context[-6:])
    best: tuple[tuple[int, int], str, int, int, re.Match[str]] | None = None
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for start, end in split_sentences(text):
            sentence = text[start:end]
            shared = sum(char in sentence for char in set(when) if "\u4e00" <= char <= "\u9fff")
            for count in _COUNT.finditer(sentence):
                kind = len(label & set(sentence[max(0, count.start() - 8) : count.start()]))
                same_kind = count.group(2) == earlier.measure and kind >= MIN_SHARED_LABEL_CHARS
                if same_kind and count.group(0) != earlier.text and (best is None or (shared, kind) > best[0]):
                    best = ((shared, kind), notice_id, start, end, count)
    if best is None or best[0][0] == 0:
        return None
    _, notice_id, start, end, count = best
    title, unit = describe(notice_id)
    text = notice_text_of(notice_id) or ""
    said = Said(count.group(0), Decimal(count.group(1)), earlier.measure, "", False)
    return Found(said, Citation(0, notice_id, title, unit, "", text[start:end], start, end))
