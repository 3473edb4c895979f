"""A company's trade name: "菥州港城置业有限公司" is called 港城置业 (its name without the place before it and
without the legal form after it), which no unit suffix marks as a name, so it is known as a name of its own."""

from __future__ import annotations

import re

from assistant.unit_names import UNIT_SUFFIX

# A place with its level ("X州", "X市", "X县") before the trade name, and the legal form after it.
_COMPANY = re.compile(r"^[\u4e00-\u9fff]{1,3}?[省市州县区](?P<trade>[\u4e00-\u9fff]+?)(?:股份)?有限(?:责任)?公司$")
# Shorter trade names ("港城") are a place's words as often as the company's.
MIN_TRADE_NAME_CHARS = 4


def company_trade_name(unit: str) -> str:
    """The trade name a company is called by ("港城置业"), or "" when the unit is no such company or its name
    ends in a unit's kind (集团, 银行: read as short forms already)."""
    match = _COMPANY.match(unit)
    if match is None:
        return ""
    trade = match.group("trade")
    return trade if len(trade) >= MIN_TRADE_NAME_CHARS and not UNIT_SUFFIX.search(trade) else ""
