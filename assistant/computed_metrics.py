"""What computed comparisons compute (Metric): inspection days, days to feedback or publication, shares, figure totals."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.figure_selection import Condition


@dataclass(frozen=True)
class Metric:
    """What is computed for each unit and how it is said."""

    key: str
    name: str  # the quantity, in tables and orderings: "巡察天数"
    phrase: str  # the conclusion's verb phrase before the value: "巡察历时"
    unit: str  # "天" | "万元" | "项" | "%"
    difference_unit: str = ""  # "个百分点" for shares; the value's unit otherwise


METRICS = {
    "inspection_days": Metric("inspection_days", "巡察天数", "巡察历时", "天"),
    "feedback_to_publish": Metric("feedback_to_publish", "反馈到发布的天数", "从反馈意见到发布通报隔了", "天"),
    # The meeting is the one asked ("整改动员会"): computed_question names the metric after it.
    "feedback_to_event": Metric("feedback_to_event", "反馈到召开会议的天数", "从反馈意见到召开会议隔了", "天"),
    "meeting_to_publish": Metric("meeting_to_publish", "开会研究整改到发布的天数", "从开会研究整改到发布通报隔了", "天"),
    "start_to_feedback": Metric("start_to_feedback", "巡察进驻到反馈的天数", "从巡察进驻到反馈意见隔了", "天"),
    "inspection_to_feedback": Metric("inspection_to_feedback", "巡察结束到反馈的天数", "从巡察结束到反馈意见隔了", "天"),
    # Dates compared ("谁先收到反馈?早几天?"): values are day numbers, shown as dates, apart by days.
    "feedback_day": Metric("feedback_day", "反馈日期", "收到反馈意见的日期为", "日期", "天"),
    "publish_day": Metric("publish_day", "通报发布日期", "发布通报的日期为", "日期", "天"),
    "start_day": Metric("start_day", "巡察开始日期", "巡察开始于", "日期", "天"),
    "rectified_share": Metric("rectified_share", "整改完成比例", "整改完成比例为", "%", "个百分点"),
    "money": Metric("money", "金额", "", "万元"),
    "rules": Metric("rules", "制度数", "", "项"),
    "measures": Metric("measures", "整改措施(任务)数", "整改措施(任务)", "项"),
    "problems": Metric("problems", "反馈问题数", "反馈问题", "项"),
    "people": Metric("people", "处理人数", "", "人"),
    # A thing no record family counts ("谁的村(社区)多"): computed_question names it after the thing.
    "noun_count": Metric("noun_count", "个数", "的个数为", "个"),
}
FIGURE_FIELD = {"money": "money", "rules": "rules", "measures": "measures", "problems": "problems_found", "people": "people"}
# What a figure metric's values count (records' measure_of): only like is compared.
FIGURE_MEASURE = {"money": "元", "people": "人"}


@dataclass(frozen=True)
class ComputedQuestion:
    """How a computed question is read: the metric, the order asked, whether it is about every unit."""

    metric: Metric
    ascending: bool = False
    all_units: bool = False
    families: tuple[str, ...] = ()  # record families compared (figure metrics only)
    kind: str = ""  # money of one kind only ("津补贴|津贴|补贴|补助"), as the question narrows it
    # Which units the answer selects: "condition" (those meeting `condition`), "missing" (those whose
    # notices do not state it), "stated" (those that state it); "" compares or orders them all.
    select: str = ""
    condition: Condition | None = None  # in the metric's unit
    speed: bool = False  # asked who was quicker or slower ("谁快?"): the conclusion says so in those words
    event: str = ""  # the meeting a feedback_to_event metric counts the days to ("动员会")
    counted: str = ""  # the thing a noun_count metric counts ("村(社区)")
