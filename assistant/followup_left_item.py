"""Follow-ups asking what the item left is: "剩下那件是啥事?" after "3件积案已化解2件,还剩1件" is the notice's
clause that names the one left ("剩余1件涉及历史遗留的…问题").

The previous answer gives how many are left and of what measure (1件); the notice's clause stating that many left
(剩余/剩下/还剩/尚有/还有 with the count and measure) and going on to say what they are (涉及/为/是/主要是/包括…)
is quoted and cited. Nothing is answered when no notice clause names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.previous_answer import last_answer

ANSWERER = "extractive:followup-left-item"
_NUMBER = r"[\d一二两三四五六七八九十]+"
# "剩下那件是啥事", "剩余那俩是什么", "剩下的是哪个": asking what the items left are.
_ASKS = re.compile(r"(?:剩下|剩余|还剩|余下)的?(?:那|这)?(?:[\d一二两三四五六七八九十]*[个件项条笔]|俩|些)?[^,，。?？]{0,2}?"
                   r"(?:是啥|是什么|是哪|啥事|什么事|是个啥|指什么|指啥)")
# How many are left, as an answer says it: "还剩1件", "剩余2个", "还有1件没办结".
_LEFT_COUNT = re.compile(rf"(?:还剩|剩余|剩下|尚有|还有|仍有)({_NUMBER})([个件项条笔])")
_CLAUSE_END = re.compile(r"[。；;\n]")
# After the count in the notice: what the items are.
_NAMING = re.compile(r"(?:问题|事项|积案|信访件|任务)?[^,，。；;]{0,4}?(?:涉及|为|是|即|主要是|分别是|包括|系)")


def asks_left_item(question: str, names_unit: bool) -> bool:
    """Whether the question asks what the items the previous answer left are."""
    return not names_unit and _ASKS.search(question) is not None


def answer_left_item(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The notice's clause naming the items left, as many as the previous answer said, cited; else None."""
    said = _LEFT_COUNT.findall(last_answer(history))
    if len(said) != 1:
        return None
    count, measure = said[0]
    stated = re.compile(rf"(?:还剩|剩余|剩下|尚有|还有|仍有|另有)的?{count}{measure}")
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for found in stated.finditer(text):
            if not _NAMING.match(text, found.end()):
                continue
            end = (m.start() + 1) if (m := _CLAUSE_END.search(text, found.end())) else len(text)
            title, unit = describe(notice_id)
            cited = Citation(1, notice_id, title, unit, "", text[found.start() : end], found.start(), end)
            return Answer(question=question, standalone_question=standalone_question,
                          text=f"通报写明:{cited.quote}[1]", citations=[cited], answerer=ANSWERER, units=[unit])
    return None
