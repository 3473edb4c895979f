"""Asked for a thing by its name: which firm did the work, or which rule was made; only a sentence naming one answers."""

from __future__ import annotations

import re

from assistant.asked_firm import ASKS_FIRM, names_firm

# "后来出了啥规定管这事", "定了什么办法", "靠哪项制度管": a rule asked for by which, made after the problem.
ASKS_RULE = re.compile(
    r"(?:出台|制定|出|定|立|建|发|订|印发)了?(?:个|项)?(?:什么|啥|哪个|哪项|哪些)(?:新的?)?(?:规定|制度|办法|规矩)"
    r"|(?:什么|啥|哪个|哪项)(?:新的?)?(?:规定|制度|办法)(?:来)?管"
)
# A rule written by its name: a 《title》 ending in a word for a rule (not a 整改方案 or a report).
_NAMED_RULE = re.compile(r"《[^《》\n]{2,40}?(?:制度|办法|规定|细则|规则|规程|准则|守则|条例|机制|规范)》")
# "整改方案都叫啥名", "实施方案的名称", "出台的办法叫什么": a document asked for by its name, which notices write as a
# 《title》 ending in the document's word.
_DOCUMENTS = "方案|办法|规定|细则|制度|意见|通知|计划|清单|规划"
ASKS_DOCUMENT_NAME = re.compile(
    rf"({_DOCUMENTS})[\u4e00-\u9fff]{{0,3}}?(?:都|分别|各|又)?(?:叫(?:啥|什么)(?:名字?|名称)?|是(?:啥|什么)名(?:字|称)?)(?=\W|$|呢|啊)"
    rf"|({_DOCUMENTS})的?(?:名称|名字|标题|全称|题目)"
)


def asked_name(question: str) -> str:
    """The kind of thing the question asks for by name: "firm", "rule", "document:方案" (a named document) or ""."""
    if ASKS_FIRM.search(question):
        return "firm"
    if document := ASKS_DOCUMENT_NAME.search(question):
        return f"document:{document.group(1) or document.group(2)}"
    return "rule" if ASKS_RULE.search(question) else ""


def names_asked(kind: str, sentence: str) -> bool:
    """Whether the sentence names a thing of the asked kind (always true when no name is asked)."""
    if kind == "firm":
        return names_firm(sentence)
    if kind.startswith("document:"):
        return re.search(rf"《[^《》\n]{{2,80}}?{kind.partition(':')[2]}》", sentence) is not None
    return kind != "rule" or _NAMED_RULE.search(sentence) is not None
