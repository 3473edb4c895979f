"""A follow-up asking a figure without saying what it counts ("清了多少?", "去年年底那会儿是多少",
"后来查实是多少?"): the figure the previous question asked for."""

from __future__ import annotations

import re

from assistant.records_question import COMPLETION_FIELDS, read_figure_question

_HOW_MANY = re.compile(r"多少|几[个项人件条笔次]?")
# Words placing a figure in time or telling how it was found ("去年年底那会儿", "后来查实"): no thing counted.
_WHEN_WORDS = re.compile(
    r"(?:去年|今年|前年|上年|当年|\d{4}年)(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年?底|年?末|年?初|上半年|下半年)?|"
    r"年底|年末|年初|那会儿?|那时候?|那个时候|当时|此前|之前|以前|截至|截止|后来|最后|最终|实际上?|查实|核实|核查"
)
_SHORT_FIGURE_CHARS = 6  # "各建了多少项" is 6; longer follow-ups name what they count


def asks_unnamed_figure(residue: str) -> bool:
    """Whether what a follow-up asks (units and filler out) is a figure too short to name what it counts;
    "改了多少?" says what it counts (the rectified), whatever the last question counted."""
    residue = _WHEN_WORDS.sub("", residue)
    if len(residue) > _SHORT_FIGURE_CHARS or not _HOW_MANY.search(residue):
        return False
    asked = read_figure_question(residue)
    return asked is None or asked.field not in COMPLETION_FIELDS


# Nothing but the ask once when-words are out: "是多少", "有几个了".
_ONLY_THE_ASK = re.compile(r"(?:是|有|为|了|的)*(?:多少|几)[个项人件条笔次元万]*(?:了|呢|啊|呀)?")


def asks_bare_figure(residue: str) -> bool:
    """Whether what a follow-up asks is a figure and nothing else ("后来查实是多少", "去年年底那会儿是多少")."""
    return _ONLY_THE_ASK.fullmatch(_WHEN_WORDS.sub("", residue)) is not None


# A verb and the ask, no noun after it: "定了几条", "查出多少".
_VERB_THEN_ASK = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:了|出|过)?(?:多少|几)[个项条件笔次]*(?:了|呢|啊|呀)?")


def asks_what_was_counted(residue: str) -> bool:
    """Whether a follow-up naming a new unit asks a figure of what the last question counted ("那X定了几条")."""
    return asks_unnamed_figure(residue) and _VERB_THEN_ASK.fullmatch(_WHEN_WORDS.sub("", residue)) is not None
