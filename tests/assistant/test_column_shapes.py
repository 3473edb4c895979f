"""A comparison asking which documents were issued or how often something was done quotes sentences of that shape."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.column_shapes import with_asked_shape_first
from assistant.evidence import Evidence

_NOTICE = (
    "中共棠溪镇委员会关于巡察整改情况的通报\n"
    "按照巡察工作有关要求,现将整改情况予以公布。\n"
    "镇党委印发《棠溪镇巡察反馈问题整改工作方案》(棠发〔2023〕17号),明确整改任务。\n"
    "镇党委坚持两周一调度、每月一通报,督促整改进度。\n"
)
_DOCUMENT = Document(page_content=_NOTICE, metadata={"notice_id": "n1", "unit": "棠溪镇"})


def _quote(text: str, score: float) -> Evidence:
    start = _NOTICE.index(text)
    return Evidence(_DOCUMENT, start, start + len(text), text, score, True)


_CANDIDATES = [
    _quote("按照巡察工作有关要求,现将整改情况予以公布。", 0.5),
    _quote("镇党委印发《棠溪镇巡察反馈问题整改工作方案》(棠发〔2023〕17号),明确整改任务。", 0.3),
    _quote("镇党委坚持两周一调度、每月一通报,督促整改进度。", 0.25),
]


def test_asked_which_documents_the_one_naming_a_document_leads():
    ranked = with_asked_shape_first(_CANDIDATES, "棠溪镇跟芦湾乡整改各发了啥文件", 0.3)
    assert "《棠溪镇巡察反馈问题整改工作方案》" in ranked[0].text


def test_asked_how_often_the_one_stating_a_rhythm_leads():
    ranked = with_asked_shape_first(_CANDIDATES, "棠溪镇和芦湾乡整改多久碰一次头", 0.3)
    assert ranked[0].text.startswith("镇党委坚持两周一调度")


def test_a_question_asking_no_shape_keeps_the_order():
    assert with_asked_shape_first(_CANDIDATES, "棠溪镇和芦湾乡整改各咋弄的", 0.3) == _CANDIDATES
    assert with_asked_shape_first(_CANDIDATES, "巡察组在棠溪镇和芦湾乡各待了多久", 0.3) == _CANDIDATES  # a duration
