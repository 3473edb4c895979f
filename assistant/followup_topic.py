"""Follow-ups that go on with the thing just talked of without naming it: the last question's topic carried along.

"补录了哪些" after "X固定资产啥问题" asks what was entered of the fixed assets; "那些账打算啥时候处理完" after
"X往来账啥问题" asks when the accounts will be settled. Neither names the thing, so asked alone (with only
the unit in front) it searches the whole notice for 补录 or 处理完 and finds another item or nothing.
"""

from __future__ import annotations

import re

from assistant.asked_names import ASKS_RULE

# A pointer at what was just said, with or without a noun ("那些账…", "这部分…"), opening the question.
_POINTER_OPENING = re.compile(r"^(?:那|这)(?:些|个|笔|项|件|块|部分|几[个项笔件条])")
# A deed asked of with no object ("补录了哪些", "清退了什么", "查出过啥"): the object is the last topic.
_DEED_WITHOUT_OBJECT = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:了|过)?(?:哪些|哪几[个项笔件条类]|什么|啥)$")
# "这事", "那件事": the whole matter just talked of, not one clause of the answer.
_THE_MATTER = re.compile(r"[这那](?:件|个)?事(?:情|儿)?")
_PUNCTUATION = re.compile(r"[\s,，。.?？!！:：;；…~]+")


def goes_on_with_topic(question: str) -> bool:
    """Whether the question continues the last topic without naming it: it opens by pointing at what was said,
    or asks what a deed covered without saying of what."""
    plain = _PUNCTUATION.sub("", question)
    return bool(_POINTER_OPENING.match(plain) or _DEED_WITHOUT_OBJECT.fullmatch(plain) or rule_for_the_matter(plain))


def rule_for_the_matter(question: str) -> bool:
    """"后来出了啥规定管这事": a rule asked for the whole matter, which the last question named (its answer's clause
    names only one case of it)."""
    return bool(ASKS_RULE.search(question) and _THE_MATTER.search(question))
