"""One unit's two stated amounts computed: a difference ("95年以前的老账,应收比应付多多少") or a part's share
of its total ("买的固定资产里,没入账的占几成").

Each thing the question names is matched to the amount whose clause names it (the question's other words,
"95年以前", tell apart amounts of the same thing); a share's part is looked for among the parts the total's
sentence lists (its 其中 clause, or a next sentence opening with 其中). Both inputs are cited and the
computation shown; when either is not found, None: the passage answer quotes what there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer
from assistant.compute import plain
from assistant.computed_inputs import CitationNumbers
from assistant.stated_amounts import AMOUNT, PERCENT, Stated, amounts_of_unit, in_measure, money_unit_of, shared, word_chars
from assistant.unit_names import without_spans
from index.catalog import NoticeRow

ANSWERER = "extractive:stated-arithmetic"
_THING = r"[\u4e00-\u9fff\d]{1,16}?"
_MEASURE = r"(?P<measure>亿元|万元|元|亿|万|个百分点|百分点|项|个|人|件|条|笔|起|家|名)?"
# "A和B 比例差多少": the two things' shares set against each other, the gap in 个百分点.
_RATIO = r"\s*(?P<ratio>比例|占比|比重|比率|百分比)?的?\s*"
DIFFERENCE_ASK = re.compile(rf"(?:(?P<a>{_THING})(?:要|还)?比(?P<b>{_THING})(?:多|少|高|低)(?:了|出)?"
                            rf"|(?P<a2>{_THING})(?:和|与|跟|同)(?P<b2>{_THING}){_RATIO}(?:相差|差了?|差距是?))(?:几|多少){_MEASURE}")
_SHARE_WORDS = r"(?:占(?:了|到)?(?:几成|多少|百分之几|几分之几|多大比例|多大比重|比例|比重|多少比例)|占比(?:是|为|有)?(?:多少|几成|多大)?)"
SHARE_ASK = re.compile(rf"(?P<whole>[^,，。?？]{{1,14}}?)(?:里面?|当中|之中|中间?|里头)[,，]?(?P<part>[^,，。?？]{{1,10}}?)的?{_SHARE_WORDS}"
                       rf"|(?P<part2>[^,，。?？]{{1,10}}?)占(?P<whole2>[^,，。?？]{{1,14}}?)的?(?:几成|多少|百分之几|几分之几|比例|比重)")
_COUNT_MEASURES = frozenset("项个人件条笔起家名")
# A thing is named by half its characters, or by a run of this many written as the clause writes them, when the
# question runs on after its name ("柳溪村拿去竞存的钱": 柳溪村 suffices); two-character runs are common words.
NAMED_RUN = 3


def answer_stated_arithmetic(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """A difference or share of two amounts the unit's notices state, both cited; None when not asked or not found."""
    asked = without_spans(standalone_question or question, unit_spans)
    share, difference = SHARE_ASK.search(asked), DIFFERENCE_ASK.search(asked)
    if share is None and difference is None:
        return None
    shares = difference is not None and bool(difference.group("ratio") or "百分点" in (difference.group("measure") or ""))
    amounts = amounts_of_unit(unit, notices, notice_text_of, PERCENT if shares else AMOUNT)
    if share is not None:
        whole_words, part_words = share.group("whole") or share.group("whole2"), share.group("part") or share.group("part2")
        rest = asked[: share.start()] + asked[share.end() :]
        found = _share_inputs(amounts, word_chars(whole_words), part_words, word_chars(rest))
        return _share_answer(question, standalone_question, unit, found) if found else None
    a_words, b_words = difference.group("a") or difference.group("a2"), difference.group("b") or difference.group("b2")
    measure = difference.group("measure") or ""
    rest = word_chars(asked[: difference.start()] + asked[difference.end() :])
    counted = "%" if shares else measure if measure in _COUNT_MEASURES else ""  # "多几笔" counts; "多多少(万元)" money
    kept = [s for s in amounts if s.measure == (counted or "元")]
    first = _named(kept, a_words, word_chars(b_words), rest)
    second = _named([s for s in kept if s is not first], b_words, word_chars(a_words), rest)
    if first is None or second is None or first.measure != second.measure:
        return None
    return _difference_answer(question, standalone_question, unit, (first, second), (a_words, b_words), measure)


def _named(amounts: list[Stated], thing: str, other: set[str], rest: set[str]) -> Stated | None:
    """The amount whose clause names the thing (more of its words than of the other thing's; half of them, or a
    run of NAMED_RUN), the question's other words breaking ties, then the first stated."""
    words = word_chars(thing)
    scored = [(shared(words, s.clause), shared(rest, s.clause), -i, s) for i, s in enumerate(amounts)
              if shared(words, s.clause) > shared(other - words, s.clause)
              and (shared(words, s.clause) * 2 >= len(words) or _run(thing, s.clause) >= NAMED_RUN)]
    best = max(scored, key=lambda t: t[:3], default=None)
    return best[3] if best is not None else None


def _run(thing: str, clause: str) -> int:
    """The longest run of the thing's characters the clause writes as they stand."""
    return max((n for i in range(len(thing)) for n in range(len(thing) - i, 0, -1) if thing[i : i + n] in clause),
               default=0)


def _share_inputs(amounts: list[Stated], whole_words: set[str], part_words: str, rest: set[str]) -> tuple[Stated, Stated] | None:
    """The total the whole's words name (one the text calls a total first) and the part its listing names."""
    wholes = [s for s in amounts if shared(whole_words, s.clause) * 2 >= len(whole_words)]
    wholes.sort(key=lambda s: (not s.is_total, -shared(whole_words, s.clause), -shared(rest, s.clause)))
    for whole in wholes:
        listed = [s for s in amounts if s.measure == whole.measure and s.value < whole.value and _listed_under(whole, s)]
        part = _named(listed, part_words, set(), rest)  # a part names its whole too ("未入固定资产")
        if part is not None:
            return whole, part
    return None


def _listed_under(whole: Stated, part: Stated) -> bool:
    """Whether the part is stated after the total in its sentence, or in a next sentence opening with 其中."""
    if part.notice is not whole.notice or part.start <= whole.end:
        return False
    if part.sentence == whole.sentence:
        return True
    between = whole.text[whole.sentence[1] : part.sentence[0]]
    return not between.strip() and part.text[part.sentence[0] : part.sentence[0] + 2] == "其中"


def _share_answer(question: str, standalone_question: str, unit: str, found: tuple[Stated, Stated]) -> Answer:
    whole, part = found
    citations = CitationNumbers()
    part_cited = citations.cite(part.notice, part.text, part.clause_start, part.end)
    whole_cited = citations.cite(whole.notice, whole.text, whole.clause_start, whole.end)
    share = part.value * 100 / whole.value
    percent = plain(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    tenths = plain((share / 10).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    lines = [f"{unit}:{part.quoted()}{part_cited},占{whole.quoted()}{whole_cited}的{percent}%(约{tenths}成)。", "",
             "计算(数字均引自通报原文):", f"{part.said}{part_cited}÷{whole.said}{whole_cited}={plain(share.quantize(Decimal('0.01')))}%"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])


def _difference_answer(question: str, standalone_question: str, unit: str, found: tuple[Stated, Stated],
                       named: tuple[str, str], measure: str) -> Answer:
    first, second = found
    citations = CitationNumbers()
    first_cited = citations.cite(first.notice, first.text, first.clause_start, first.end)
    second_cited = citations.cite(second.notice, second.text, second.clause_start, second.end)
    shown = money_unit_of([first.said, second.said], measure) if first.measure == "元" else first.measure
    gap = first.value - second.value
    shares = first.measure == "%"  # shares differ in percentage points, and are higher or lower
    more = ("高" if gap >= 0 else "低") if shares else ("多" if gap >= 0 else "少")
    said, result = ((f"{plain(abs(gap))}个百分点", f"{plain(gap)}个百分点") if shares
                    else (in_measure(abs(gap), first.measure, shown), in_measure(gap, first.measure, shown)))
    lines = [f"{unit}:{first.quoted()}{first_cited},{second.quoted()}{second_cited};{named[0]}比{named[1]}{more}{said}。", "",
             "计算(数字均引自通报原文):",
             f"{in_measure(first.value, first.measure, shown)}{first_cited}-{in_measure(second.value, second.measure, shown)}"
             f"{second_cited}={result}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])
