"""How a computed question is read: the metric (days, share, money, rules…), the order asked, and
which units it selects (a condition, a figure stated or not); see assistant.computed_answer for the answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from assistant.computed_metrics import FIGURE_FIELD, METRICS, ComputedQuestion
from assistant.counted_nouns import counted_noun
from assistant.figure_selection import Condition, about_the_figure_only, asks_missing, in_metric_unit, read_condition
from assistant.plain_words import with_official_terms
from assistant.records_question import FAMILIES
from assistant.topic_words import framed_topic
from assistant.unit_kinds import asked_kinds
from index.vocabulary import (
    MEASURE_QUESTION_WORDS, MONEY_KINDS, MONEY_QUESTION_WORDS, NEW_RULE_VERBS, PEOPLE_QUESTION_WORDS, REVISED_RULE_VERBS,
    RULE_QUESTION_WORDS,
)

# Wording that asks for a computation: a difference, a duration, a share or an order.
# Asked who was quicker or slower: "谁快?", "哪个更慢", "快多少天".
ASKS_SPEED = re.compile(r"[快慢]")
DURATION = re.compile(r"多久|拖得?更?久|拖了|多长时间|几天|多少天|天数|历时|用时|时长|隔了|间隔|相隔|晚了|迟了|更快|更慢|最快|最慢")
# How long an inspection lasted ("巡察时间更长", "巡察了几天"); "更早" asks which date comes first, not a length.
LENGTH = re.compile(r"多久|多长时间|几天|多少天|天数|历时|用时|时长|更长|更久|更短|最长|最短|最久|相差|差多少|多多少|少多少|"
                    r"(?:谁|哪个|哪家|哪一个)[^,，。?？]{0,12}?(?:(?<![组局院处科部所校厅队班首行])长|短|久)")  # not 组长
DIFFERENCE = re.compile(
    r"更长|更久|更短|相差|差了|差多少|差几|多多少|少多少|多出|多了多少|少了多少|更多|更少|更好|谁更|哪个更|哪家更|哪一个更|"
    r"更高|更低|更彻底|更到位|排名|排序|排(?:个|一下|下|一排)(?:序|名)?|排列|从高到低|从多到少|从低到高|从少到多|(?<![对相评])比(?![赛例率较重照对拼])[^,。?？]{1,15}?(?:多|少|长|短|快|慢|高|低|早|晚)|"
    # "谁建的制度多?", "哪个巡察时间长?": who/which ... more/longer at the end of a clause.
    r"(?:谁|哪个|哪家|哪一个)[^,，。?？]{0,12}?(?<!最)(?:多|少|长|短|久|快|慢|高|低|大|小)(?:一些|一点|些|点儿?)?(?=[?？,，。!！(（\s]|$)"
)
# "…谁的时间短?": the end-of-clause form asking for the smaller value.
_ENDS_SMALLER = r"(?:谁|哪个|哪家|哪一个)[^,，。?？]{0,12}?(?<!最)(?:少|短|快|低|小|早)(?:一些|一点|些|点儿?)?(?=[?？,，。!！(（\s]|$)"
RANK = re.compile(r"最多|最少|最长|最短|最久|最高|最低|最大|最小|最快|最慢")
ASCENDING = re.compile(rf"更短|更少|更快|更早|最短|最少|最快|最早|最低|更低|最小|少多少|从低到高|从少到多|{_ENDS_SMALLER}")
ALL_UNITS = re.compile(r"哪个单位|哪一个单位|哪家|哪几家|哪几个|哪些单位|有没有单位|各单位|各个单位|每个单位|所有单位|谁|"
                       r"排名|排序|排(?:个|一下|下|一排)(?:序|名)?|排列|几个单位")

_SPAN = r"[^,。;?？]{0,12}"
FEEDBACK_TO_PUBLISH = re.compile(
    rf"反馈{_SPAN}(?:发布|公布|公开|印发|落款|[发出贴挂]了?(?:整改)?通报|通报(?:发布|公布|公开|出来|晚|早))|(?:发布|公布|公开|落款){_SPAN}反馈"
    rf"|通报{_SPAN}(?:晚了|隔了|迟了)|(?:晚了|隔了|迟了){_SPAN}(?:发布|公布|公开)"  # late relative to the feedback
)
# "开会研究整改到网上发通报": from the meeting held on the rectification (not the feedback) to publication.
MEETING_TO_PUBLISH = re.compile(
    rf"(?:开会|召开|开了?{_SPAN}会){_SPAN}?(?:研究|部署)?{_SPAN}(?:到|至){_SPAN}(?:发布|公布|公开|落款|[发出贴挂]了?(?:整改)?通报)"
)
# "巡察结束到反馈", and as people say it: "巡完以后才反馈", "巡察完到反馈".
# "从巡察进驻到反馈", "巡察开始到反馈": from the first day of the inspection.
START_TO_FEEDBACK = re.compile(rf"(?:进驻|巡[察视]开始|开始巡[察视]){_SPAN}(?:到|至){_SPAN}反馈")
INSPECTION_TO_FEEDBACK = re.compile(
    rf"巡[察视]?(?:结束|完毕|完成?|以后|之后|后(?!半)){_SPAN}反馈|巡[察视]到{_SPAN}反馈|反馈{_SPAN}巡[察视](?:结束|完成)"
)
# "收到反馈到开整改动员会": the days from the feedback to a meeting the question names.
FEEDBACK_TO_EVENT = re.compile(rf"反馈{_SPAN}(?:到|至|后){_SPAN}?(?:开|召开|举行|举办)?(?:整改)?(?P<event>动员(?:部署)?会|部署会|推进会|"
                               r"(?:专题)?民主生活会|专题会)")
INSPECTION = re.compile(r"巡[察视]|进驻|被巡")
# Which of two dates comes first, and by how much ("谁先收到反馈?早几天?", "哪家通报发得晚").
DATE_ORDER = re.compile(r"(?:谁|哪个|哪家|哪一个)[^,，。?？]{0,10}?(?:先|早|晚)|(?:早|晚)了?(?:几|多少)天|更早|更晚|最早|最晚")
EARLIER = re.compile(r"先|早")
SHARE = re.compile(r"比例|占比|整改率|完成率|百分比|比率|百分之|(?:整改|完成)(?:完成)?得(?:更|比较)?(?:好|彻底|到位)")
# "整改完了", "全部整改到位": every problem rectified.
COMPLETE = re.compile(r"整改完|改完|整改到位|全部整改|全部完成|完成整改|整改完成|清零|全部销号")
RECTIFYING = re.compile(r"整改|完成|到位|销号")  # a share asked about must be the rectified one
ALL_DONE = Condition(">=", Decimal(100), "%", "全部整改完成")
# Every word of "哪些单位问题已经全部改完了", "谁家反馈的问题都整改到位了": asking which units, that all problems
# are done; a question with any other word (a topic, 还没, 两个月内) asks something narrower.
_ALL_DONE_WORDS = re.compile(r"哪(?:些|几|个|一)?|单位|家|谁|有没有|目前|现在|截至|已经?|均|都|全|部|所有|反馈|巡[察视]|"
                             r"指出|发现|的|问题|整改|改|完成?|到位|清零|销号|了|有|是|吗|呢|个|[?？!！。,，\s]")
# "完成率各多少", "整改率分别是多少": each named unit's share, computed where a notice states only the counts.
EACH_SHARE = re.compile(r"(?:率|比例|占比)[^,，。?？]{0,3}?(?:各|分别|各自)[^,，。?？]{0,3}?(?:多少|几|是)")
MEASURES = re.compile(MEASURE_QUESTION_WORDS)
RULES = re.compile(RULE_QUESTION_WORDS)
# "退的津补贴", "退了多少补助": a bare 退 before a kind of money asks the money given back.
MONEY = re.compile(rf"{MONEY_QUESTION_WORDS}|退(?:的|了|回来?的?)[^,，。?？]{{0,6}}?(?:{'|'.join(MONEY_KINDS)})")
PROBLEMS = re.compile(r"问题")
PEOPLE = re.compile(rf"{PEOPLE_QUESTION_WORDS}|处理的?人|问责的?人|处分的?人")
# Which figure a question is about, narrowest first.
FIGURE_WORDS = {"measures": MEASURES, "rules": RULES, "money": MONEY, "people": PEOPLE, "problems": PROBLEMS}
# How questions talk about each figure, verbs included ("谁立了制度": 立): what a question about the figure alone holds.
FIGURE_TALK = {**FIGURE_WORDS, "rules": re.compile(rf"{RULE_QUESTION_WORDS}|{NEW_RULE_VERBS}|{REVISED_RULE_VERBS}|[立建订]"),
               "problems": re.compile(r"(?:反馈|指出|发现|查找|查出|梳理)?问题")}
# That the notice says it ("通报里写了"): a question about a share stated, asking nothing else.
SAID_IN_NOTICE = re.compile(r"(?:的)?通报(?:里面?|中)?|(?:写明|写出|写|提到|提及|列出)了?")
# How questions talk about the rectified share alone ("问题整改完成率", "整改比例").
SHARE_TALK = re.compile(r"(?:问题)?(?:整改)?(?:完成)?(?:率|比例|占比|百分比)")
# Measure words that count cases, not people ("立案3件", "2起").
CASE_WORDS = ("件", "起", "例")
ASKED_IN_CASES = re.compile(r"(?:几|多少)(?:件|起|例)|件数|案件数")
# "处分了谁", "谁是组长": a person is asked, not a unit.
ASKS_A_PERSON = re.compile(r"[了给]谁|谁是|是谁|叫什么|哪位")
CLAUSES = re.compile(r"[?？;；。!！]")
# A count asked outright ("几个", "多多少", "数量"): the figures answer even within a topic.
ASKS_A_COUNT = re.compile(r"几|多少|数量|个数|条数|件数|人数|金额")


def read_computed_question(question: str) -> ComputedQuestion | None:
    """The computation a question asks for, or None when it asks for none this module makes."""
    duration, difference, rank = DURATION.search(question), DIFFERENCE.search(question), RANK.search(question)
    condition = read_condition(question)
    missing = asks_missing(question)
    date_order = DATE_ORDER.search(question) is not None and bool(_date_metric(question))
    each_share = EACH_SHARE.search(question) is not None and RECTIFYING.search(question) is not None
    if not (duration or difference or rank or condition or missing or date_order or each_share):
        return _stated_question(question)
    first_rank = RANK.search(question)  # "最多?比最少的多多少?": the first superlative says the order
    ascending = bool(ASCENDING.fullmatch(first_rank.group(0)) if first_rank else ASCENDING.search(question))
    all_units = _asks_units(question) or condition is not None or missing
    metric_key = ""
    in_days = condition is not None and condition.unit == "天"  # "巡察超过30天"
    event = FEEDBACK_TO_EVENT.search(question)
    if event and (duration or difference or in_days):
        metric_key = "feedback_to_event"
    elif MEETING_TO_PUBLISH.search(question) and "反馈" not in question:
        metric_key = "meeting_to_publish"
    elif FEEDBACK_TO_PUBLISH.search(question) or (in_days and COMPLETE.search(question)):
        metric_key = "feedback_to_publish"  # "两个月内就整改完了": reported done within that time of the feedback
    elif START_TO_FEEDBACK.search(question):
        metric_key = "start_to_feedback"
    elif INSPECTION_TO_FEEDBACK.search(question):
        metric_key = "inspection_to_feedback"
    elif date_order:
        metric_key = _date_metric(question)
        ascending = bool(EARLIER.search(question))
    elif (INSPECTION.search(question) and (LENGTH.search(question) or in_days) and "反馈" not in question
          and not (_figure_metric(question) and not DURATION.search(question))):  # "巡察以来挽回的多多少": money
        metric_key = "inspection_days"
    elif SHARE.search(question) and RECTIFYING.search(question) and (difference or rank or condition or each_share):
        metric_key = "rectified_share"
    elif difference or condition or missing:  # figures ranked by 最多/最少 alone are the records answer's (it lists them all)
        metric_key = _figure_metric(question) or ("noun_count" if difference and counted_noun(question) else "")
        if framed_topic(question) and not ASKS_A_COUNT.search(question):
            # "合同这块谁的问题大点": a notice's figures count all its problems (measures, rules…), not one topic's.
            return None
    if not metric_key:
        return None
    kind = next((k for k in MONEY_KINDS if re.search(k, question)), "") if metric_key == "money" else ""
    speed = METRICS[metric_key].unit == "天" and ASKS_SPEED.search(question) is not None
    metric = METRICS[metric_key]
    if metric_key == "feedback_to_event":
        said = event.group("event")
        metric = replace(metric, name=f"反馈到召开{said}的天数", phrase=f"从反馈意见到召开{said}隔了")
    counted = counted_noun(question) if metric_key == "noun_count" else ""
    if counted:  # "谁的村(社区)多": the thing counted names the metric
        metric = replace(metric, name=f"{counted}个数", phrase=f"的{counted}有")
    plan = ComputedQuestion(metric, ascending, all_units, _families(metric_key, question), kind, speed=speed,
                            event=event.group("event") if metric_key == "feedback_to_event" else "", counted=counted)
    if metric_key == "people" and ASKED_IN_CASES.search(question):  # "立案差多少件": cases, not people filed
        plan = replace(plan, metric=replace(metric, unit="件"))
    return _with_selection(plan, condition, missing and metric_key in FIGURE_FIELD)


def _date_metric(question: str) -> str:
    """The date a question orders units by: the feedback's, the notice's publication, the inspection's start."""
    if "反馈" in question:
        return "feedback_day"
    if re.search(r"发布|公布|公开|落款|发的?通报|通报发", question):  # 落款: the signature date
        return "publish_day"
    return "start_day" if re.search(r"巡[察视]|进驻", question) else ""


def _asks_units(question: str) -> bool:
    """Whether the question asks about units: "哪个单位", "谁", or a kind of unit ("哪些乡镇")."""
    return bool(ALL_UNITS.search(question) or asked_kinds(question))


def _figure_metric(question: str) -> str:
    """The record figure a question is about (制度, 金额, 处理人数, 问题, 整改措施), or ""."""
    return next((key for key, pattern in FIGURE_WORDS.items() if pattern.search(question)), "")


def _stated_question(question: str) -> ComputedQuestion | None:
    """"谁处分了人?", "哪些单位追回了钱?", "哪些单位的通报写了整改完成率?": which units state a figure, when the
    question is about nothing else."""
    share = SHARE.search(question) is not None and RECTIFYING.search(question) is not None
    metric_key = "rectified_share" if share else _figure_metric(question)
    if not metric_key or not _asks_units(question) or ASKS_A_PERSON.search(question):
        return None
    if not about_the_figure_only(SAID_IN_NOTICE.sub("", question) if share else question,
                                 SHARE_TALK if share else FIGURE_TALK[metric_key]):
        return None
    return ComputedQuestion(METRICS[metric_key], False, True, _families(metric_key, question), select="stated")


def _with_selection(plan: ComputedQuestion, condition: Condition | None, missing: bool) -> ComputedQuestion:
    """The plan selecting units by the condition (in the metric's unit) or by a figure not stated."""
    if condition is not None and plan.metric.key == "people" and condition.counted in CASE_WORDS:
        plan = replace(plan, metric=replace(plan.metric, unit="件"))  # "立案超过3件": cases, not people
    converted = in_metric_unit(condition, plan.metric.unit) if condition is not None else None
    if converted is not None:
        return replace(plan, select="condition", condition=converted)
    return replace(plan, select="missing") if missing else plan


def _families(metric_key: str, question: str) -> tuple[str, ...]:
    """The record families a figure metric compares: those the question names, else all but "other"."""
    if metric_key not in FIGURE_FIELD:
        return ()
    families = FAMILIES[FIGURE_FIELD[metric_key]]
    if metric_key == "problems":
        return ("problems",)
    asked = tuple(f.key for f in families if f.question is not None and f.question.search(question))
    # "出台或修订的制度" asks for both families, so a figure stating their total answers it too.
    asked += tuple(f.key for f in families if f.listed_with and set(f.listed_with) <= set(asked))
    return asked or tuple(f.key for f in families if not f.key.startswith("other"))


def scope_for_computation(question: str, units_named: Sequence[str], all_units: Sequence[str]) -> list[str]:
    """The units a computed answer covers: those named (one is enough for a duration), else every unit when asked."""
    if units_named:
        return [unit for unit in units_named if unit in all_units]
    plan = read_computed_question(question)
    return list(all_units) if plan is not None and plan.all_units or asks_units_all_done(question) else []




def read_computed_questions(question: str) -> list[ComputedQuestion]:
    """Every computation a question asks for: one per clause ("谁问题多?整改完成率谁高?" asks two);
    plain words count as notices write them ("谁立的规矩多?" compares 制度)."""
    all_done, question = asks_units_all_done(question), with_official_terms(question)
    plans: list[ComputedQuestion] = []
    for clause in CLAUSES.split(question):
        plan = read_computed_question(clause)
        if plan is not None and all(plan.metric.key != p.metric.key for p in plans):
            plans.append(plan)
    if len(plans) >= 2:
        return plans
    whole = read_computed_question(question)  # a clause may lean on the one before ("更长?长多少天?")
    if whole is None and all_done:
        return [ComputedQuestion(METRICS["rectified_share"], all_units=True, select="condition", condition=ALL_DONE)]
    return _with_completion(question, [whole]) if whole is not None else []


def asks_units_all_done(question: str) -> bool:
    """"哪些单位问题已经全部改完了": which units rectified every problem, asking nothing narrower (no topic,
    no time limit, not the units still open)."""
    return bool(ALL_UNITS.search(question) and COMPLETE.search(question)) and not _ALL_DONE_WORDS.sub("", question)


def _with_completion(question: str, plans: list[ComputedQuestion]) -> list[ComputedQuestion]:
    """"有没有单位两个月内就整改完了": the time condition, and all problems rectified (a share of 100%)."""
    timed = plans[0].metric.key == "feedback_to_publish" and plans[0].select == "condition"
    if not (timed and COMPLETE.search(question)):
        return plans
    return [*plans, ComputedQuestion(METRICS["rectified_share"], all_units=True, select="condition", condition=ALL_DONE)]


# "整改完成率到多少了", "完成比例是多少": one unit's rectified share asked outright.
_SHARE_ASKED = re.compile(r"(?:率|比例|占比|百分比)[^,，。?？]{0,4}?(?:多少|几|到哪|怎么样|咋样|如何)")


def read_one_share_question(question: str) -> ComputedQuestion | None:
    """One unit's rectified share asked outright, for when its notice states only the counts (12条…完成11条)."""
    if not (_SHARE_ASKED.search(question) and RECTIFYING.search(question)) or DIFFERENCE.search(question) \
            or RANK.search(question) or _asks_units(question):
        return None
    return ComputedQuestion(METRICS["rectified_share"])
