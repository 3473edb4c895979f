"""What a question leaves out ("上海那种市委巡视组不算", "除了三院以外"), and which kind of inspecting body it asks for.

A clause saying something does not count names what the answer must not hold: a unit named there is not
the unit asked about, and a kind of inspecting body named there (市委巡视组) is not the kind asked for.
"""

from __future__ import annotations

import re

# "…不算", "…除外", "…不包括在内", "…不计": the clause before it is left out; "除了…以外", "不包括…", "不含…": what follows.
_LEFT_OUT_BEFORE = re.compile(r"[^,，。;；?？!！]+?(?:都|也)?(?:不算|除外|不包括在内|不计在内|不计|不要|不用算)(?=[,，。;；?？!！]|$)")
_LEFT_OUT_AFTER = re.compile(r"(?:除了?|不包括|不含|不算)[^,，。;；?？!！]+?(?:以外|之外|外)?(?=[,，。;；?？!！]|$)")
# The level of the party committee that sends an inspecting body ("中央巡视组", "省委第三巡视组", "区委巡察组").
_KIND = re.compile(r"中央|省委|自治区党委|市委|州委|盟委|区委|县委|旗委")
BODY_KIND = re.compile(rf"({_KIND.pattern})(?=[^,，。;；?？!！]{{0,5}}?巡[视察])")


def left_out_spans(question: str) -> list[tuple[int, int]]:
    """(begin, end) of each clause of the question saying what does not count."""
    spans = [m.span() for m in _LEFT_OUT_BEFORE.finditer(question)]
    spans += [m.span() for m in _LEFT_OUT_AFTER.finditer(question) if not any(b <= m.start() < e for b, e in spans)]
    return sorted(spans)


def inside_left_out(question: str, begin: int, end: int) -> bool:
    """Whether the span [begin, end) of the question lies in a clause saying what does not count."""
    return any(b <= begin and end <= e for b, e in left_out_spans(question))


def asked_body_kinds(question: str) -> tuple[set[str], set[str]]:
    """The kinds of inspecting body the question asks for, and the kinds it says do not count."""
    wanted: set[str] = set()
    left_out: set[str] = set()
    for match in BODY_KIND.finditer(question):
        if not inside_left_out(question, *match.span()):
            wanted.add(match.group(1))
    for begin, end in left_out_spans(question):  # "县委的除外": the kind alone says it
        left_out.update(match.group(0) for match in _KIND.finditer(question, begin, end))
    return wanted - left_out, left_out


def body_fits(body: str, wanted: set[str], left_out: set[str]) -> bool:
    """Whether an inspecting body ("省委第九巡视组") is of a kind asked for and of no kind left out."""
    kind = BODY_KIND.match(body)
    found = kind.group(1) if kind else ""
    return (not wanted or found in wanted) and found not in left_out
