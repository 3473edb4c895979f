"""Follow-ups computing over two figures of the previous answer: a share, an average, a difference.

- a share: "辞掉的占几成?" after "清理兼职111项,其中已辞去兼职81项" (the part named over the total);
- an average: "平均一个问题配几条措施?" after "32个问题,提出了115条整改措施";
- a difference: "措施比具体问题多几项?" after "26个具体问题、29项整改措施".

Each figure is picked by the words the question names it with, found again verbatim in the notices of
the units discussed and cited from there; when the previous answer does not hold both, None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer
from assistant.previous_answer import MONEY, Said, find_in_notices, last_answer, number_citations, plain

ANSWERER = "extractive:followup-ratio"
_SHARE = re.compile(r"^(?:那|那么)?(?P<part>[\u4e00-\u9fff]{1,8}?)的?(?:占(?:了|总数的?|全部的?)?(?:几成|多少|百分之几|几分之几|多大比例|多大比重|比例)|"
                    r"是(?:总数的?|全部的?)?(?:几成|百分之几|几分之几))|"
                    r"^(?:那|那么)?(?P<part2>[\u4e00-\u9fff]{1,8}?)的?(?:占比|比例|比重)(?:是|为|有)?(?:多少|几成|多大)")
_AVERAGE = re.compile(r"平均(?:每|一)?[个项名人条件家所]?(?P<per>[\u4e00-\u9fff]{1,6}?)(?:配|有|对应|摊|合|要|定|制定|提出)?了?"
                      r"(?:几|多少)[个项名人条件]?(?P<counted>[\u4e00-\u9fff]{1,6}?)?(?:[?？。]|$)")
_DIFFERENCE = re.compile(r"(?P<a>[\u4e00-\u9fff]{1,8}?)比(?P<b>[\u4e00-\u9fff]{1,8}?)(?P<more>多|少)(?:了|出)?(?:几|多少)(?P<measure>[个项名人条件笔元]?)")
# A figure with its measure, and the words after it that say what is counted ("115条整改措施").
_COUNTED = re.compile(r"(\d+(?:\.\d+)?)\s*(项|个|人次|人|件|条|起|家|名|次|笔|种|所)((?:(?!已|正在|均|全部|其中|共)[\u4e00-\u9fff]){0,6})")
_LABEL = re.compile(r"([\u4e00-\u9fff]{0,8})$")
_FILLER = re.compile(r"的|了|都|一共|共|总共|其中|已经?")


def asks_ratio_of_previous(question: str, names_unit: bool) -> bool:
    """Whether the question asks a share, average or difference of figures (naming no unit of its own)."""
    return not names_unit and any(p.search(question) for p in (_SHARE, _AVERAGE, _DIFFERENCE))


def answer_ratio(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The share, average or difference computed over the previous answer's figures, each cited; else None."""
    figures = figures_of_answer(last_answer(history))
    if len(figures) < 2:
        return None
    computed = _compute(question.strip(), figures)
    if computed is None:
        return None
    first, second, result, conclusion = computed
    found, missing = find_in_notices([first, second], notice_ids, notice_text_of, describe)
    if missing:
        return None
    citations, number_of = number_citations(found)
    left, right = (f"{s.text}[{number_of[i]}]" for i, s in enumerate((first, second)))
    lines = [conclusion, "", "计算(数字均引自通报原文):", f"{first.label}{left}{result[0]}{second.label}{right}={result[1]}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _compute(question: str, figures: list[Said]) -> tuple[Said, Said, tuple[str, str], str] | None:
    """(first figure, second figure, (operator, result), conclusion) for the asked computation, or None."""
    if match := _DIFFERENCE.search(question):
        a, b = named_figure(match.group("a"), figures), named_figure(match.group("b"), figures)
        if a is None or b is None or a is b or a.measure == "元" != b.measure:
            return None
        difference = a.value - b.value
        measure = match.group("measure") or a.measure
        more = "多" if difference >= 0 else "少"
        return a, b, ("-", f"{plain(difference)}"), f"{a.label}比{b.label}{more}{plain(abs(difference))}{measure}。"
    if match := _AVERAGE.search(question):
        per = named_figure(match.group("per"), figures)
        counted = named_figure(match.group("counted") or "", figures, exclude=per)
        if per is None or counted is None or per is counted or not per.value:
            return None
        average = counted.value / per.value
        said = _rounded(average, "0.1")
        return counted, per, ("÷", plain(average.quantize(Decimal("0.01")))), f"平均每{per.measure}{per.label}约{said}{counted.measure}{counted.label}。"
    if match := _SHARE.search(question):
        part = named_figure(match.group("part") or match.group("part2"), figures)
        if part is None:
            return None
        wholes = [f for f in figures if f is not part and f.measure == part.measure and f.value > part.value]
        whole = next((f for f in wholes if f.is_total), max(wholes, key=lambda f: f.value, default=None))
        if whole is None:
            return None
        share = part.value / whole.value * 100
        tenths = _rounded(share / 10, "1")
        return part, whole, ("÷", f"{plain(share.quantize(Decimal('0.01')))}%"), f"{part.label}{part.text}占{whole.label}{whole.text}的{_rounded(share, '0.1')}%(约{tenths}成)。"
    return None


def figures_of_answer(answer: str) -> list[Said]:
    """The counts (with what they count) and money figures of an answer, in order."""
    said = []
    for match in _COUNTED.finditer(answer):
        label = _FILLER.sub("", _LABEL.search(answer[: match.start()]).group(1))
        said.append(Said(match.group(1) + match.group(2), Decimal(match.group(1)), match.group(2),
                         match.group(3) or label[-6:], False, label))
    for match in MONEY.finditer(answer):
        label = _FILLER.sub("", _LABEL.search(answer[: match.start()]).group(1))
        value = Decimal(match.group(1)) * {"元": 1, "万元": 10000, "亿元": 100000000}[match.group(2)]
        said.append(Said(match.group(0), value, "元", label[-6:], False, label))
    return said


def named_figure(words: str, figures: list[Said], exclude: Said | None = None) -> Said | None:
    """The figure whose label or counted words share most characters with `words` (none shared: None)."""
    words = _FILLER.sub("", words)
    scored = [(sum(c in f.label + f.context for c in set(words)), -i, f) for i, f in enumerate(figures) if f is not exclude]
    best = max(scored, key=lambda s: s[:2], default=None)
    return best[2] if best and best[0] > 0 else None


def _rounded(value: Decimal, step: str) -> str:
    """The value rounded half up to `step` ("0.1", "1"), without trailing zeros."""
    return plain(value.quantize(Decimal(step), rounding=ROUND_HALF_UP))
