"""Asked which firm did the work ("图书馆改造是哪家施工单位干的"): only a sentence naming a firm answers it."""

from __future__ import annotations

import re

# A firm in a role on a project (施工, 中标, 监理…) asked for by which (哪家/哪个/什么) or as "X单位是谁";
# a bare "哪家单位" asks which of the held units, and is no such question.
_ROLE = r"(?:施工|中标|承建|承包|监理|设计|供货|供应|物业|招标代理|代理|审计|评估|检测)"
_FIRM = r"(?:单位|公司|企业|厂家|厂商|方|商)"
# "那4宗地是哪几家企业": the firms behind a thing already talked of, asked by which (a 企业/公司, never a 单位).
ASKS_FIRM = re.compile(
    rf"(?:哪家|哪一家|哪个|哪些|什么|啥)\s*{_ROLE}{_FIRM}|{_ROLE}{_FIRM}(?:是|为)(?:哪家|哪一家|哪个|谁|什么|啥)"
    r"|(?:是|为|归|属于)(?:哪几家|哪几个|哪些|哪家|哪一家|哪个|什么|啥)(?:企业|公司|厂家|厂商)"
)
# A firm written by its own name: a company's or office's legal form after at least two characters of name
# ("青禾建工有限公司", "蓼汀会计师事务所"); 施工单位 or 该公司 name none.
_NAMED_FIRM = re.compile(r"[\u4e00-\u9fff]{2,}(?:有限责任公司|有限公司|股份公司|事务所|工程队)")


def names_firm(sentence: str) -> bool:
    """Whether the sentence names a firm by its own name."""
    return _NAMED_FIRM.search(sentence) is not None
