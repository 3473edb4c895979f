"""How a figure question is read (口径): which record field and label families it asks for, ranking or sum.

"哪个单位新制定的制度最多?" asks for the rules field, the 新制定 family, ranked most first. Figures of one
family mean the same thing and may be ranked or added; a wording the rules do not cover reads as None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.figure_selection import asks_missing
from assistant.question import RECORD_FIELD_WORDS, record_fields
from index.records import Figure
from index.script_forms import simplified_characters
from index.vocabulary import (
    CLAWBACK_ACTIONS, LOSS_WORDS, NEW_RULE_VERBS, RECOVERED_MONEY_QUESTION, REVISED_RULE_VERBS, RULE_QUESTION_WORDS,
    SAVING_ACTIONS, SANCTION_WORDS, SPECIFIC_MONEY_WORDS, TIME_LIMITED_PATTERN, either,
)

NUMBER_ASK = re.compile(r"多少|几|数量|最多|最少|最高|最低|最大|最小|一共|合计|总共|共计|总计|总额|分别")
UNIT_COUNT_ASK = re.compile(r"哪几(?!项|笔|块|部分)|几个单位|几家|多少个单位|多少家|多少单位")  # counts units, not figures
MOST = re.compile(r"最多|最高|最大|(?:谁|哪家|哪个|哪边)[^,，。?？\s]{0,5}(?:更|比较)?(?:多|高|大)")
LEAST = re.compile(r"最少|最低|最小|(?:谁|哪家|哪个|哪边)[^,，。?？\s]{0,5}(?:更|比较)?(?:少|低|小)")
SUM_ASK = re.compile(r"一共|合计|总共|共计|总计|总额|加起来|加一块|加一起|加在一起|加到一起|合起来|相加")
# "谁定得多 差几条": the gap between the two figures ranked.
GAP_ASK = re.compile(r"差几|差多少|相差|差距|多多少|少多少|多几|少几")
# Records carry no date per figure: a question limited in time is not a records question.
TIME_LIMITED = TIME_LIMITED_PATTERN
# A money question about one kind of money ("清退了多少津补贴") cannot be answered by every clawback figure.
SPECIFIC_MONEY = re.compile(SPECIFIC_MONEY_WORDS)
_RULE_NOUN = re.compile(RULE_QUESTION_WORDS)
_GENERIC_RULE_QUALIFIER = re.compile(r"(?:工作|长效|管理|规章|内部|相关)$")
_RULE_NOUN_MAY_FOLLOW = set("项个条套的了新订定台立善改全增章或和及、与建")
# Completion questions ("完成了多少") are answered with the rectified, in-progress and rate figures together.
COMPLETION_FIELDS = ("problems_rectified", "problems_in_progress", "completion_rate")
PROBLEM_FIELDS = ("problems_found",) + COMPLETION_FIELDS
# Narrowest first: "整改任务完成了多少" is a completion question; "细化为多少项整改任务" a measures one, not problems.
NARROWEST_FIRST = tuple(reversed(COMPLETION_FIELDS)) + ("measures", "problems_found")
# 线索 and 信访 share the clues field; a question about one of them gets only figures labelled with it.
CLUE_NOUNS = {"信访": re.compile(r"信访"), "线索": re.compile(r"线索")}
# One way of handling people, narrower than its family ("诫勉" within 组织处理): only figures labelled with it answer.
PEOPLE_HANDLING = re.compile(r"诫勉|严重警告|警告|记过|撤职|开除|免职|降职|调离|留置|函询|约谈")


@dataclass(frozen=True)
class Family:
    """Figures of one field that mean the same thing (口径) and may be ranked or added together."""

    key: str
    name: str  # shown in answers
    label: re.Pattern[str]
    question: re.Pattern[str] | None = None  # wording that asks for it; None: only when nothing narrower is asked
    listed_with: tuple[str, ...] = ()  # also listed (never compared) when one of these families is asked
    summable: bool = True


def _family(key: str, name: str, label: str, question: str | None = None, **options) -> Family:
    return Family(key, name, re.compile(label), re.compile(question) if question else None, **options)


_CLAWBACK = CLAWBACK_ACTIONS
_NEW_RULE = NEW_RULE_VERBS
_REVISED_RULE = REVISED_RULE_VERBS
# First matching family wins, so the order inside a field matters ("追回损失" is a loss, not a clawback).
FAMILIES: dict[str, tuple[Family, ...]] = {
    "money": (
        _family("loss", "挽回(追回)经济损失", LOSS_WORDS, either(LOSS_WORDS, RECOVERED_MONEY_QUESTION)),
        _family("clawback", "清退、追缴等收回的资金", _CLAWBACK,
                r"清退|追缴|退缴|退还|退赔|退回|返还|补缴|缴回|上缴|上交|收缴|追偿|违规资金|违纪|(?:追回|收回)(?!.{0,6}损失)|"
                + RECOVERED_MONEY_QUESTION),
        _family("saved", "节约资金", SAVING_ACTIONS, SAVING_ACTIONS),
        _family("other_money", "其他金额", r"."),
    ),
    "rules": (
        _family("new_and_revised", "新制定与修订合计", rf"(?=.*(?:{_NEW_RULE}))(?=.*(?:{_REVISED_RULE}))",
                listed_with=("new", "revised")),
        _family("new", "新制定(新出台、建立)制度", _NEW_RULE, r"新建|新制定|制定|新出台|出台|建立|新增|新立"),
        _family("revised", "修订(修改、完善)制度", _REVISED_RULE, r"修订|修改|完善"),
        _family("abolished", "废止(清理)制度", r"废止|清理", r"废止|清理"),
        _family("other_rules", "其他制度数字", r"."),
    ),
    "people": (
        _family("filed", "立案", r"立案|审查调查|留置", r"立案|审查调查|留置"),
        _family("sanctioned", "党纪政务处分", SANCTION_WORDS,
                r"处分|党纪|政务|警告|开除"),
        _family("organisational", "组织处理(诫勉、调整等)", r"组织处理|组织调整|诫勉|免职|降职|调离|调整岗位|岗位调整|问责",
                r"组织处理|诫勉|问责|免职|调离|调整"),
        _family("talks", "谈话提醒、批评教育", r"谈话|提醒|批评|教育|约谈|函询|第.种形态", r"谈话|提醒|批评教育|约谈|函询|形态"),
        _family("closed_cases", "结案", r"结案|了结", r"结案|了结"),
        _family("judicial", "移送司法", r"移送", r"移送司法|移送检察"),
        _family("other_people", "其他处理", r"."),
    ),
    "clues": (
        _family("pending_clues", "正在办理", r"正在办理|正在核查|尚在办理|在办|未办结", r"正在办理|正在核查|在办|未办结"),
        _family("received_clues", "移交(受理)线索、信访件", r"移交|移送|转交|交办|转办|受理|收到|接收",
                r"移交|移送|转交|交办|转办|受理|收到|接收"),
        _family("closed_clues", "办结(化解)", r"办结|查结|化解|了结", r"办结|查结|化解"),
        _family("verified_clues", "查实(核查)", r"查实|核查|初核|处置", r"查实|核查|初核|处置"),
        _family("other_clues", "其他线索数字", r"."),
    ),
    "problems_found": (
        _family("problems", "反馈问题数", r"问题|任务|事项", r"问题|任务|事项"),
        _family("problem_groups", "问题方面(类别)数", r"类|方面", r"方面|大类|几类"),
        _family("other_problems", "其他问题数字", r"."),
    ),
    "measures": (_family("measures", "整改措施(任务)数", r"."),),
    "problems_rectified": (_family("rectified", "已整改问题数", r"."),),
    "problems_in_progress": (_family("in_progress", "正在整改问题数", r"."),),
    "completion_rate": (_family("rate", "整改率", r".", summable=False),),
}


# "挽回的钱", "追回来多少钱": the user does not tell losses retrieved from clawbacks, so each unit's figures of
# both count as one 口径 (a unit's stated total, else its items, added across units).
RECOVERED_MONEY = _family("recovered", "挽回、追回的钱", either(LOSS_WORDS, _CLAWBACK))
_ASKS_RECOVERED_MONEY = re.compile(RECOVERED_MONEY_QUESTION)


@dataclass(frozen=True)
class FigureQuestion:
    """How a figure question is read: the field, the families to compare and list, ranking and sum."""

    field: str  # the field asked about; rankings and sums use only its figures
    fields: tuple[str, ...]  # fields listed per unit (the asked one, with context for completion questions)
    compared: tuple[Family, ...]
    listed: tuple[Family, ...]
    rank: str = ""  # "most" | "least" | ""
    wants_sum: bool = False
    wants_gap: bool = False  # "差几条": a ranking of two units also gives their difference
    label_must: re.Pattern[str] | None = None  # a word every listed figure's label must hold
    missing: bool = False  # "哪几个单位没写整改率?": which notices do not state it
    pooled: Family | None = None  # ranked and added as one family: the compared ones do not differ to the user


def read_figure_question(question: str) -> FigureQuestion | None:
    """The figure question a wording asks, or None when it is not one the records can answer safely."""
    missing = asks_missing(question)
    if TIME_LIMITED.search(question) or not (missing or NUMBER_ASK.search(UNIT_COUNT_ASK.sub("", question))):
        return None
    named = [name for name, pattern in RECORD_FIELD_WORDS if pattern.search(question)]
    if named and set(named) <= set(NARROWEST_FIRST):
        # The narrowest wins: "完成率" is a rate question, "未完成" an in-progress one, "完成了多少" rectified.
        named = [next(name for name in NARROWEST_FIRST if name in named)]
    if len(named) != 1 or named[0] not in record_fields(question):
        return None
    field_name = named[0]
    fields = COMPLETION_FIELDS if field_name in COMPLETION_FIELDS else (field_name,)
    if field_name == "money" and SPECIFIC_MONEY.search(question):
        return None
    if field_name == "rules" and _names_a_kind_of_rule(question):
        return None
    families = FAMILIES[field_name]
    asked = tuple(f for f in families if f.question is not None and f.question.search(question))
    compared = asked or families
    keys = {f.key for f in compared}
    listed = tuple(f for f in families if f in compared or keys & set(f.listed_with))
    listed += tuple(f for other in fields if other != field_name for f in FAMILIES[other])
    rank = "most" if MOST.search(question) else "least" if LEAST.search(question) else ""
    wants_sum = bool(SUM_ASK.search(question))
    if wants_sum and not any(f.summable for f in compared):
        return None
    wants_gap = bool(rank and GAP_ASK.search(question))
    pooled = RECOVERED_MONEY if field_name == "money" and _ASKS_RECOVERED_MONEY.search(question) else None
    return FigureQuestion(field_name, fields, compared, listed, rank, wants_sum, wants_gap,
                          _label_noun(field_name, question), missing, pooled)


def _label_noun(field_name: str, question: str) -> re.Pattern[str] | None:
    """For clue questions naming only 信访 (or only 线索), and people questions naming one way of handling
    them ("诫勉了几个人"): the word listed figures must be labelled with."""
    if field_name == "people":
        named = set(PEOPLE_HANDLING.findall(question))
        return re.compile(named.pop()) if len(named) == 1 else None
    if field_name != "clues":
        return None
    named = [pattern for noun, pattern in CLUE_NOUNS.items() if noun in question]
    return named[0] if len(named) == 1 else None


def _names_a_kind_of_rule(question: str) -> bool:
    """True for "多少项公务用车制度": a kind of rule the counts do not break down."""
    for match in _RULE_NOUN.finditer(question):
        before = _GENERIC_RULE_QUALIFIER.sub("", question[: match.start()])
        if before and re.match(r"[一-龥]", before[-1]) and before[-1] not in _RULE_NOUN_MAY_FOLLOW:
            return True
    return False


def family_of(figure: Figure) -> Family | None:
    """The first family of the figure's field whose label wording matches (修訂 read as 修订: labels keep the
    notice's script, family wordings are simplified)."""
    label = simplified_characters(figure.label)
    return next((f for f in FAMILIES.get(figure.field, ()) if f.label.search(label)), None)


def measure_of(figure: Figure) -> str:
    """What a figure counts, so only like is compared: 元, %, 人, 件 (cases), 条 (articles), 项 (items)."""
    if figure.unit in ("元", "%"):
        return figure.unit
    if figure.unit in ("人", "名", "人次"):
        return "人"
    if figure.field == "rules" and figure.unit == "条":
        return "条"
    if figure.field in ("people", "clues") and figure.unit in ("件", "起", "例"):
        return "件"
    return "项"
