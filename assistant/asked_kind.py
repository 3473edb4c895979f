"""Whether chosen sentences state the kind of outcome a question asks for ("给了什么处分?"), not only the event."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.evidence import Evidence

from index.script_forms import simplified_reading
from index.vocabulary import SANCTION_WORDS

# "给了啥处分", "受到何种处理", "处分是什么": the kind of sanction is asked (not "采取了什么处理措施": a measure).
ASKS_SANCTION_KIND = re.compile(
    r"(?:什么|啥|何种|哪种|哪类|怎样的|怎么样的)(?:党纪|政务|纪律|组织)*(?:处分|处罚|处理)(?!措施|方式|办法|机制|流程|意见)"
    r"|(?:处分|处罚)(?:结果)?(?:是|为)?(?:什么|啥|哪种|如何)"
)
# A sentence naming what was done to someone: a sanction, an organisational measure, or a count of them
# ("给予党纪处分3人", "受到组织处理", "诫勉谈话"); "被查处" names the event, not its outcome.
STATES_SANCTION_KIND = re.compile(
    rf"{SANCTION_WORDS}|组织处理|诫勉|问责|批评|免职|停职|降职|调离|调整岗位|责令|书面检查|罚款|立案|移送|谈话|追责|处理\d"
)

# "处理的30人都是啥人", "那12名干部分别是谁": who stands behind a stated count is asked, not the count itself.
ASKS_WHO_COUNTED = re.compile(
    r"\d+\s*(?:多|余)?(?:人|名|位)[^，,。？?]{0,4}?(?:都|分别|各)?(?:是|有)(?:谁|(?:啥|什么|哪些|哪几类|哪类|何)(?:人|类人|种人|身份|职务|级别))"
)
# A sentence saying who they are: the kinds of people or their ranks ("其中处级干部3人", "村干部、党员").
STATES_WHO = re.compile(r"其中|包括|分别|干部|党员|人员|职工|领导|负责人|工作者|医务|医生|教师|村民|[厅处科局股]级")

# "改造花了多少钱", "罚了多少钱": an amount of money is asked.
ASKS_MONEY_AMOUNT = re.compile(r"多少钱|几个钱|(?:花|用|投|付|赔|罚)了?多少(?:万|亿)?(?:元|块)?(?:[?？,，。!！\s]|$)|多少(?:万|亿)?元")
# A sentence stating an amount of money ("35575元", "1.2亿元", "27万余元", "数十万元").
STATES_MONEY_AMOUNT = re.compile(r"[\d零〇一二三四五六七八九十百千万亿两数几]\s*(?:多|余)?(?:万|亿)?(?:多|余)?元")

# "挽回的172万是哪几笔", "这9万多由哪几项组成": the parts of a stated amount are asked, not the amount.
ASKS_PARTS_OF_AMOUNT = re.compile(r"(?P<amount>\d+(?:\.\d+)?)\s*(?:多|余)?(?:万|亿)?元?[^,，。？?\d]{0,4}?"
                                  r"(?:是|包括|包含|有|由)?(?:哪几笔|哪些笔|哪几项|哪些项|哪几部分|哪些部分|哪几块|哪些钱)")
# An amount of money written in figures ("86.2万元", "37800元"): a part, unless it is the asked amount itself.
_FIGURE_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:多|余)?(?:万|亿)?(?:多|余)?元")

# "那18个问题改完了几个", "完成了多少", "几项已经办结": how many are done is asked, not how many there are.
ASKS_DONE_COUNT = re.compile(
    r"(?:改完|整改完成?|完成(?:整改)?|整改到位|销号|办结|改好)了?的?有?(?:几|多少)"
    r"|(?:几|多少)[个项条件]?(?:已经?)?(?:改完|整改完|完成|整改到位|销号|办结|改好)"
)
# A sentence stating how many are done: "已完成37项", "132项整改任务已完成", "均已整改到位", "完成率90%".
STATES_DONE_COUNT = re.compile(
    r"(?:完成|整改|到位|完毕|销号|办结|解决|落实)了?[\d一二三四五六七八九十百]+"
    r"|\d+\s*[个项条件][^,，。;；]{0,10}?(?:已经?|均已|全部)(?:完成|整改|办结|销号|解决|落实|到位)"
    r"|\d+\s*[个项条件][^,，。;；]{0,4}?(?:完成整改|整改完成|整改到位|整改完毕|办结|销号)"
    r"|全部(?:完成|整改|办结|销号|到位|落实)|均已(?:完成|整改|办结|销号|到位|落实)|已全部|完成率|清零"
)

# The start of a numbered item or heading ("2.", "(三)", "二、"): a sentence past one is about another item.
_ITEM_START = re.compile(r"\n\s*(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)")


def lacks_asked_kind(
    question: str, chosen: Sequence[Evidence], best: Evidence, notice_text_of: Callable[[str], str]
) -> bool:
    """Asked the parts of a stated amount, whether no chosen sentence states any amount but that one. Asked an
    amount of money, whether no chosen sentence states one. Asked how many are done, whether no chosen sentence
    states a done count. Asked who the people behind a stated count are, whether
    no chosen sentence says (the count alone does not). Asked what kind of sanction someone got, whether no chosen sentence of the item the best sentence is
    about (no numbered item or heading between them) names one: a sanction in another item is someone else's."""
    parts_asked = ASKS_PARTS_OF_AMOUNT.search(question)
    if parts_asked:  # no chosen sentence states an amount besides the asked one: the parts are not itemised
        whole = parts_asked.group("amount")
        return not any(not amount.startswith(whole) for e in chosen
                       for amount in _FIGURE_AMOUNT.findall(simplified_reading(e.text)))
    if ASKS_MONEY_AMOUNT.search(question):  # an amount asked, no chosen sentence states one
        return not any(STATES_MONEY_AMOUNT.search(simplified_reading(e.text)) for e in chosen)
    if ASKS_DONE_COUNT.search(question):  # a count of problems or tasks alone is not how many are done
        return not any(STATES_DONE_COUNT.search(simplified_reading(e.text)) for e in chosen)
    if ASKS_WHO_COUNTED.search(question):
        return not any(STATES_WHO.search(simplified_reading(e.text)) for e in chosen)
    if not ASKS_SANCTION_KIND.search(question):
        return False
    text = notice_text_of(best.notice_id)

    def same_item(e: Evidence) -> bool:
        if e.notice_id != best.notice_id:
            return False
        begin, end = sorted((min(e.start, best.start), max(e.start, best.start)))
        return not _ITEM_START.search(text, begin, end) if text else e is best

    return not any(STATES_SANCTION_KIND.search(e.text) for e in chosen if same_item(e))
