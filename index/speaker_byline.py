"""A speech's byline (莨岭县水利局党组书记、局长　张某某): the unit whose secretary gives the speech.

A speech printed as a notice ("在全局巡察整改工作总结会上的讲话") names its unit nowhere but in the speaker's
line under the title: the unit's party organ, the post (书记, often with 、局长/院长), then the person's name.
"""

from __future__ import annotations

import re

from index.unit_titles import PARTY_ORGANS

_BYLINE = re.compile(
    rf"^[ \t\u3000]*([\u4e00-\u9fff]{{2,30}}?(?:{PARTY_ORGANS}))(?:副)?书记(?:[、,，][\u4e00-\u9fff]{{1,6}})?"
    r"[ \t\u3000]+[\u4e00-\u9fff]{2,4}[ \t\u3000]*$",
    re.MULTILINE,
)


def speaker_units(text: str) -> list[tuple[str, int]]:
    """The party organs whose secretary signs a speech's byline, each with its offset."""
    return [(match.group(1), match.start(1)) for match in _BYLINE.finditer(text)]
