"""Asked what a counted thing cost ("那19部电梯一共花了多少钱"), only a sentence naming that thing answers:
an amount recovered or paid for something else in the same notice is a neighbouring fact, not its cost."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.script_forms import simplified_reading

_ASKS_COST = re.compile(r"多少钱|花了?多少|花费|费用|投入|投资|造价|成本")
# A count, its measure word, then the thing counted up to the words asking about it ("19部电梯" + 一共).
_COUNTED_THING = re.compile(
    r"[\d一二三四五六七八九十两]+\s*(?:部|台|辆|座|处|栋|幢|间|套|个|项|所|条|口|座)([\u4e00-\u9fff]{2,6}?)"
    r"(?=一共|总共|共|合计|总计|花|用|投|是|的|都|要|需|[，,。？?\s]|$)"
)
_HEAD_CHARS = 2  # a Chinese noun's head is its end: 老旧小区电梯 is a 电梯


def lacks_counted_thing(question: str, texts: Sequence[str]) -> bool:
    """Whether the question asks the cost of a counted thing that none of the sentences names."""
    question = simplified_reading(question)
    counted = _COUNTED_THING.search(question)
    if not _ASKS_COST.search(question) or counted is None:
        return False
    head = counted.group(1)[-_HEAD_CHARS:]
    return not any(head in simplified_reading(text) for text in texts)
