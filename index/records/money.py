"""Money figures (金额): losses retrieved, money clawed back, savings."""

from __future__ import annotations

import re

from index.figures import Quantity
from index.records.text import Claim, NoticeText, negated, preceded_by
from index.vocabulary import MODAL_WORDS, MONEY_ACTIONS, TOTAL_WORDS

_MONEY_ACTION = rf"(?:{MONEY_ACTIONS})(?:[和、及与]?(?:{MONEY_ACTIONS}))*"
# Words between the action and the amount that make it money not (yet) recovered: "追回…尚需…", "应退…",
# "涉及资金", budgets; "应" inside a word (供应商, 相应, 对应) and "未经/未按" describing the money do not.
_NOT_RECOVERED = re.compile(r"尚|涉及|需(?!求)|(?<![供相对响适反])应(?![急用])|未(?!经|按|履行)|计划|预算|投入|投资")
_QUALIFIER = r"(?:(?:巡察|巡视|整改)(?:中|期间|以来|后))?(?:累计)?"  # "巡察以来累计挽回…": whose and how long


def money(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """Money recovered: an action word (挽回/追回/清退/退缴 …) before the amount in its clause, or a 共计 total after one."""
    if quantity.kind != "money":
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    if re.search(r"(?:每人|人均|每)[^\d]{0,6}$", before):
        return []  # per-person amounts are rates, not sums
    actions = list(re.finditer(_MONEY_ACTION, before))
    if actions:
        return _money_claim(notice, quantity, actions[-1], clause_start, total="")
    total = re.fullmatch(rf"(?P<total>{TOTAL_WORDS})(?:金额|资金)?", before.strip())
    if not total:
        return _total_recovered_after(notice, quantity, before)
    sentence_start = notice.sentence_start(quantity.start)
    earlier = notice.masked[sentence_start:clause_start]
    actions = list(re.finditer(_MONEY_ACTION, earlier))
    if not actions:
        return []
    word = total.group("total")
    return _money_claim(notice, quantity, actions[-1], sentence_start, total="共计" if word in ("共", "计") else word)


def _money_claim(
    notice: NoticeText, quantity: Quantity, action: re.Match[str], offset: int, total: str
) -> list[Claim]:
    action_start = offset + action.start()
    if preceded_by(notice.masked, action_start, MODAL_WORDS) or negated(notice.masked, action_start):
        return []
    word = action.group(0)
    gap = notice.masked[offset + action.end() : quantity.start]
    if total:
        obj = ""
    else:
        if len(gap) > 30 or _NOT_RECOVERED.search(gap):
            return []
        obj = re.split(r"\d[^、和及]*[、和及]", gap)[-1]
        obj = re.sub(r"^(?:\d+|[一二两三四五六七八九十]+)[人名户家]", "", obj)  # "清退6人超标准发放奖金"
        obj = "" if re.search(r"\d", obj) else obj.strip("了的约共计达为：: \t\u3000")
    if word == "整改" and not re.match(r"金额|到位资金|到位金额|问题金额", obj):
        return []  # "整改资金" is money spent on rectification, not money recovered
    if word in ("避免", "减少") and "损失" not in obj:
        return []
    qualifier = re.search(rf"(?:{_QUALIFIER})$", notice.masked[notice.clause_start(action_start) : action_start])
    prefix = qualifier.group(0) if qualifier else ""
    label = prefix + word + (obj if len(obj) <= 12 else "") + total
    return [Claim("money", label, quantity, action_start - len(prefix), quantity.end)]


# "以上三项资金合计188,040元,均已追缴到位": a total of the sums just listed, recovered as the words after it say.
_LISTED_TOTAL = re.compile(rf"(?:以上|上述)[^\d,，。;；]{{0,8}}?(?P<total>{TOTAL_WORDS})(?:金额|资金)?\s*$")
_DONE_AFTER = re.compile(rf"^[,，]?\s*(?:均|已|全部|均已|已全部|全部已)\s*(?P<action>{_MONEY_ACTION})(?:到位|完毕|完成)")


def _total_recovered_after(notice: NoticeText, quantity: Quantity, before: str) -> list[Claim]:
    """A total of listed sums whose recovery is stated after the amount, in the same sentence."""
    total = _LISTED_TOTAL.search(before)
    if not total:
        return []
    after = notice.masked[quantity.end : notice.sentence_end(quantity.end)]
    done = _DONE_AFTER.match(after)
    if not done or preceded_by(notice.masked, quantity.start, MODAL_WORDS):
        return []
    label = done.group("action") + total.group("total")
    start = notice.clause_start(quantity.start) + total.start()
    return [Claim("money", label, quantity, start, quantity.end)]
