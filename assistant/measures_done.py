"""Measures stated as carried out ("41项整改措施已落实37项", "19项措施全部落实"): how far a unit's rectification came.

A notice often tells problems done and measures done side by side; asked "整改完成了多少", the answer gives both.
The records hold the measures only as made (41项), so the ones carried out are read here from the notice text.
"""

from __future__ import annotations

import re

from index.records.model import Figure

# "41项整改措施已落实37项", "22项措施已落实18项", "19项措施全部落实", "整改任务已完成30项".
_MEASURES_DONE = re.compile(
    r"(?:(\d+)项)?(?:整改)?(?:措施|任务)(?:已|全部|均|已全部|已经)(?:落实|完成|办结)(?:到位)?(?:(\d+)项)?"
)


def measures_done(text: str) -> list[Figure]:
    """Each statement of how many measures were carried out, as a figure of done measures, in reading order."""
    figures = []
    for match in _MEASURES_DONE.finditer(text):
        made, done = match.group(1), match.group(2)
        if not (done or (made and re.search(r"全部|均", match.group(0)))):
            continue  # "措施已落实" with no count, or a count of measures made only
        figure_text = f"{done or made}项"
        figures.append(Figure("problems_rectified", "落实", float(done or made), "项", figure_text,
                              match.group(0), match.start(), match.end()))
    return figures
