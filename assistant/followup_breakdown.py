"""Follow-ups pointing back at a figure of the last answer: "今年那120个分在哪些乡镇?", "这237个都在哪几个村?".

"哪些乡镇" there asks how the figure the last answer gave is split within the unit it was about, not which units
of the library: the question stays with the units talked about, however much its wording asks across units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A pointer, then a figure ("那120个", "这些237户", "那2.5万元"): something already said.
_POINTED_FIGURE = re.compile(r"[那这](?:些)?(\d+(?:\.\d+)?)(?=[个家户件项人名笔条处万元亿所村镇乡]|$)")


def points_at_a_figure_said(question: str, history: Sequence[dict]) -> bool:
    """True when the question points at a figure ("那120个") the last answer of `history` states."""
    answer = next((str(t.get("content", "")) for t in reversed(history) if t.get("role") == "assistant"), "")
    said = set(re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", answer))
    return any(match.group(1) in said for match in _POINTED_FIGURE.finditer(question))
