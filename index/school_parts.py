"""A school's own body inspected by the school's party committee, named with its school ("青禾大学本科生院").

University pages report their internal inspections (校党委巡察/巡视) of a 学院, 研究生院 or 处 by the body's
name alone; the school is named only in the page's header or site name ("…-青禾大学党委巡察办"). A bare
body's name is ambiguous across a library holding several schools, so it is qualified by the one school
the page names.
"""

from __future__ import annotations

import re

from index.places import tagged_words

# The school's party committee (or its 巡视组, 巡察组) inspects the body or gives it its findings.
_OWN_SCHOOL_INSPECTS = r"(?<![\u4e00-\u9fff])(?:学校|校)党委[^。\n]{0,12}?(?:对|向)"
# A body inside a school: a college, a graduate or undergraduate school, an office, a department, a library.
_SCHOOL_BODY = re.compile(r"(?:本科生院|研究生院|学院|学部|书院|处|部|图书馆|研究院)$")
# A school's full name, not cut out of a longer word: "青禾大学", "青禾师范学院".
_SCHOOL = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,8}?(?:大学|学院))(?=党委|巡视|巡察|纪委|[^\u4e00-\u9fff]|$)")
# Word kinds (jieba tags) that start a clause, never a school's name: a time word, adverb, conjunction,
# pronoun, preposition, locality or verb before a bare 学院 ("今后学院党委将…" is the college itself).
_CLAUSE_LEAD_TAGS = frozenset("t d c r p f v".split())


def with_its_school(unit: str, text: str) -> str:
    """The unit prefixed with its school when it is a body the school's own party committee inspected and the
    text names exactly one school beside it; else the unit as it is."""
    if not unit or not _SCHOOL_BODY.search(unit) or not re.search(_OWN_SCHOOL_INSPECTS + re.escape(unit), text):
        return unit
    schools = {name for name in _SCHOOL.findall(text)
               if name != unit and not name.endswith(unit) and unit not in name and not _clause_then_kind(name)}
    if len(schools) != 1:
        return unit
    school = schools.pop()
    return unit if unit.startswith(school) else school + unit


def _clause_then_kind(name: str) -> bool:
    """Whether the name is a clause's lead word and a bare kind word ("今后|学院", "同时|学院"), no school."""
    words = tagged_words(name)
    return len(words) >= 2 and words[-1][0] in ("学院", "大学") and words[0][1][:1] in _CLAUSE_LEAD_TAGS
