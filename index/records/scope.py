"""The scope of a figure: a named sub-unit it is about ("星海街道"), or the notice's own unit."""

from __future__ import annotations

import re

from index.records.text import NoticeText

_ORG = (
    r"(?P<org>[一-龥]{1,8}?(?:街道办事处|街道|社区|村委会|派出所|集团|公司|分局|局|农委|委员会|中心|学校|医院|镇|乡|村))"
    r"(?:现|已|已经|全部|主动|目前|均|共|先后|累计)*$"
)
_ORG_LEAD = re.compile(r"^(?:其中|责成|督促|要求|指导|推动|组织|由|经|对|在)+")
_GENERIC_ORG_START = ("我", "本", "全", "各", "该", "其", "此", "相关", "有关")


def scope_of(notice: NoticeText, anchor_start: int, unit: str) -> str:
    """A named sub-unit right before the label in its clause ("星海街道现已清退"); "" for the notice's unit."""
    window = notice.masked[notice.clause_start(anchor_start) : anchor_start]
    match = re.search(_ORG, window)
    if not match:
        return ""
    org = _ORG_LEAD.sub("", match.group("org"))
    if len(org) < 2 or org.startswith(_GENERIC_ORG_START) or (unit and (org in unit or unit in org)):
        return ""
    return org
