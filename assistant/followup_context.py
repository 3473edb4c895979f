"""Follow-ups asking what the sentence of the last answer's figure says around it: "这28家里营收过亿的几家" after
"拥有国家高新技术企业28家" (the notice goes on "其中有3家企业…营业收入超亿元"), "这是哪个专项行动里搞的" after "对
2920名人员开展自查自纠" (the sentence opens "开展“…”作风建设专项行动,对…").

The figure is found again verbatim in the notices of the units discussed and its sentence quoted, only when that
sentence holds what is asked: a 其中-count in the figure's measure after it, or a named campaign before it. Else None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.previous_answer import figures_said, find_in_notices, last_answer
from assistant.quote_spans import whole_sentence

ANSWERER = "extractive:followup-context"
# "这28家里…几家", "这12个中有几个…": a part of a counted figure; the count and its measure word.
_SUBSET_ASK = re.compile(r"[这那](?P<count>\d+)(?P<measure>[家个人名项件条所])(?:里面|里头|当中|之中|里|中)")
_HOW_MANY = re.compile(r"几|多少")
# "哪个专项行动里搞的", "在什么活动中查的": the campaign a measure was carried out in.
_CAMPAIGN_ASK = re.compile(r"(?:哪个|哪项|哪一个|哪次|什么|啥)(?:专项)?(?:行动|活动|专项|专项治理|专项整治)")
# A campaign named in quotes before the figure ("开展“铁腕纠四风,重拳治怠政”作风建设专项行动").
_CAMPAIGN = re.compile(r"[“\"][^”\"]{2,30}[”\"][^，,。；;“”\"]{0,12}?(?:专项行动|专项治理|专项整治|行动|活动)")
_SENTENCE_CHARS = 300  # a figure's sentence quoted whole up to this long (the seeds' such sentences: 60-200)


def asks_about_context(question: str, names_unit: bool) -> bool:
    """Whether the question asks a part of the last figure or the campaign it was carried out in."""
    if names_unit:
        return False
    return bool((_SUBSET_ASK.search(question) and _HOW_MANY.search(question)) or _CAMPAIGN_ASK.search(question))


def answer_context(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The sentence of the last answer's figure, quoted when it states the part or campaign asked; else None."""
    subset = _SUBSET_ASK.search(question)
    said = figures_said(last_answer(history))
    if subset:
        said = [s for s in said if s.text.replace(" ", "") == subset.group("count") + subset.group("measure")]
    found, _ = find_in_notices(said[:3], notice_ids, notice_text_of, describe)
    for item in found:
        citation = item.citation
        text = notice_text_of(citation.notice_id) or ""
        start, end = whole_sentence(text, citation.start, citation.end, _SENTENCE_CHARS)
        sentence = text[start:end]
        figure_at = text.find(item.said.text, start, end) - start
        if subset:
            after = sentence[figure_at + len(item.said.text):]
            part = re.search(rf"其中[^。；;]*?\d+(?:\.\d+)?{subset.group('measure')}", after)
            if part is None:
                continue
            lead = f"这{item.said.text}中,通报接着写明:"
        else:
            campaign = next((m for m in _CAMPAIGN.finditer(sentence[:figure_at])), None)
            if campaign is None:
                continue
            lead = f"是在{campaign.group(0)}中开展的。通报原文:"
        title, unit = describe(citation.notice_id)
        quoted = Citation(1, citation.notice_id, title, unit, "", sentence, start, end)
        return Answer(question=question, standalone_question=standalone_question,
                      text=f"{unit}:{lead}\n- {sentence}[1]", citations=[quoted], answerer=ANSWERER, units=[unit])
    return None
