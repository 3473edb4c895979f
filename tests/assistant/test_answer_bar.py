"""When a one-scope answer's best sentence is good enough to quote rather than say "未找到"."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answer_bar import single_scope_bar
from assistant.evidence import Evidence, Question
from assistant.question import profile_question
from assistant.settings import AnsweringSettings

SETTINGS = AnsweringSettings()


def _best(text: str, score: float, fits: bool) -> list[Evidence]:
    document = Document(page_content=text, metadata={"notice_id": "n1", "unit": "河湾街道"})
    return [Evidence(document, 0, len(text), text, score, fits)]


def _question(text: str) -> Question:
    return Question(profile_question(text), ((),), {}, text=text)


def _answers(text: str, best: list[Evidence]) -> bool:
    return best[0].score >= single_scope_bar(best, _question(text), SETTINGS)


def test_a_name_asked_and_a_sentence_naming_one_is_answered_on_fewer_shared_words():
    best = _best("河湾街道党工委书记邵启明主持召开整改专题会。", 0.3, fits=True)
    assert _answers("河湾和临渡这俩街道的书记叫啥?", best)


def test_a_sentence_not_stating_the_asked_name_keeps_the_full_bar():
    best = _best("街道党工委书记任组长。", 0.3, fits=False)
    assert not _answers("河湾街道党工委书记叫啥?", best)


def test_a_question_asking_no_figure_date_or_name_keeps_the_full_bar():
    best = _best("河湾街道已追回提前支付的绿化款。", 0.42, fits=True)
    assert not _answers("河湾街道那笔绿化款后来追回来了吗?", best)


def test_a_figure_asked_and_stated_still_needs_some_shared_words():
    best = _best("全年共处理信访件37件。", 0.2, fits=True)
    assert not _answers("河湾街道巡察整改清退了多少钱?", best)
