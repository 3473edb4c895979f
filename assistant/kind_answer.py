"""The answer to "库里有哪几家中医院?" / "有哪些乡镇、街道被巡察了?": the held units of that kind, each cited.

Each unit is cited by the sentence of its notice naming who inspected it (its metadata), else by its
notice's title line, so every unit listed is shown in the notice's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.answer_builder import COLON, AnswerBuilder
from assistant.evidence import MAX_QUOTE_CHARS
from assistant.metadata_answer import METADATA_LABELS, sentence_around
from assistant.unit_kinds import (
    KIND_WORDS, about_the_kind_only, asked_inspecting_organ, asked_inspection_kind, asked_kinds, units_of_kinds,
)
from assistant.unit_questions import asks_across_units, asks_comparison
from assistant.units import UnitDirectory
from index.documents import NoticeMetadata

ANSWERER = "extractive:kinds"
_CLAUSE_MARKS = ",，;；。\n"
# A team named without the organ that sent it: says nothing a reader can tell apart.
BARE_TEAM = re.compile(r"巡[察视](?:工作)?组")
# A question opening with a kind of unit for its subject ("卫健委反馈了多少问题", "那个开发区…").
_NAMED_AT_MOST = 6  # units named in the note on a kind several held units are of (more are counted only)
_KIND_FIRST = re.compile(rf"^(?:那个|这个|那家|这家|那|这)?(?P<kind>{KIND_WORDS.pattern})")


def narrowed_to_kinds(question: str, directory: UnitDirectory, units: list[str] | None) -> tuple[list[str] | None, str]:
    """The units to look at for a question about kinds of unit ("哪些街道…"): only those of the kinds, as if
    the user had picked them (unchanged when no kind is asked or the question names a unit). A question about
    one unit that names it only by its kind ("卫健委反馈了多少问题") looks only at the held units of that kind,
    and when several are, says so (never another kind's answer); returns (units, what to tell the user)."""
    if directory.find_units(question):
        return units, ""
    if kinds := asked_kinds(question):
        return units_of_kinds(kinds, units or directory.units), ""
    if units or asks_across_units(question) or asks_comparison(question):
        return units, ""
    subject = _KIND_FIRST.match(question)  # the kind as the question's subject: elsewhere it is a topic ("帮企业…")
    held = units_of_kinds([subject.group("kind")], directory.units) if subject else []
    if len(held) < 2:
        return held or units, ""
    listed = "、".join(held[:_NAMED_AT_MOST]) + ("等" if len(held) > _NAMED_AT_MOST else "")
    return held, (f"问题只说了“{subject.group('kind')}”,库中有{len(held)}个这类单位({listed}),"
                  f"以下只引这些单位的通报;要问其中一个,请写明单位名称。")


def answer_kind_list(
    question: str,
    standalone_question: str,
    units: Sequence[str] | None,
    notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The units of the kinds asked (`units`, as narrowed_to_kinds left them), one cited line each, for a
    question about the kind alone; "资料库中没有…" for any question about a kind no held unit is of (units
    narrowed to none: never another kind's answer); else None."""
    kinds = asked_kinds(standalone_question)
    if not kinds or units is None or (units and not about_the_kind_only(standalone_question)):
        return None
    units = units or []
    builder = AnswerBuilder(question, standalone_question)
    asked = "、".join(kinds)
    if not units:
        return _nothing_held(builder, f"资料库中没有{asked}的通报。")
    builder.lines.append(f"资料库中有{len(units)}个{asked}的通报{COLON}")
    return _listed(builder, units, notices_of_unit, notice_text_of)


def answer_inspection_kind(
    question: str,
    standalone_question: str,
    units: Sequence[str],
    notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """"哪些单位接受的是巡视,不是巡察?": the units whose notices call their inspection so, each cited by the
    sentence naming who inspected it; None when no kind of inspection is asked."""
    kind = asked_inspection_kind(standalone_question)
    if not kind or not units:
        return None
    organ = asked_inspecting_organ(standalone_question)  # "省委巡视的": only teams the 省委 sent
    of_kind = [u for u in units if any(_inspected_as(m, kind, organ) for _, m in notices_of_unit(u))]
    kind = f"{organ}{kind}"
    builder = AnswerBuilder(question, standalone_question)
    if not of_kind:
        return _nothing_held(builder, f"资料库中没有接受{kind}的单位的通报。")
    builder.lines.append(f"通报写明接受{kind}的单位有{len(of_kind)}个{COLON}")
    rest = [f"其余{len(units) - len(of_kind)}个单位的通报写的不是{kind}。"] if len(units) > len(of_kind) else []
    return _listed(builder, of_kind, notices_of_unit, notice_text_of, rest)


def _nothing_held(builder: AnswerBuilder, line: str) -> Answer:
    """The answer saying the library holds no notice of what was asked."""
    builder.lines.append(line)
    answer = builder.finish()
    answer.not_found = True
    return answer


def _listed(
    builder: AnswerBuilder, units: Sequence[str], notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None], closing: Sequence[str] = (),
) -> Answer:
    """One numbered line a unit, cited by who inspected it (else its title), then the closing lines."""
    for index, unit in enumerate(units, start=1):
        shown = _inspected_by(builder, unit, notices_of_unit, notice_text_of) or _title_line(
            builder, unit, notices_of_unit, notice_text_of)
        builder.lines.append(f"{index}. {unit}{COLON}{shown}")
    builder.lines.extend(closing)
    answer = builder.finish()
    answer.answerer = ANSWERER
    return answer


def _inspected_as(metadata: NoticeMetadata, kind: str, organ: str) -> bool:
    """Whether a notice calls its inspection `kind` (巡视), by a team the organ sent when one is asked."""
    body = metadata.inspecting_body
    return metadata.inspection_kind == kind and (not organ or (body is not None and body.value.startswith(organ)))


def _inspected_by(
    builder: AnswerBuilder, unit: str, notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
) -> str:
    """"巡察组:县委第二巡察组[1]", cited by its sentence, or by its clause when the sentence is too long to quote;
    the sentence saying when the unit was inspected is preferred when it names the team, and stands in for a
    team named without its organ ("巡视组")."""
    for notice_id, metadata in notices_of_unit(unit):
        value, text = metadata.inspecting_body, notice_text_of(notice_id) or ""
        period = metadata.inspection_period
        if period is not None and text:
            around = sentence_around(text, notice_id, unit, metadata.title, period.start, period.end)
            if value is not None and value.value in around.text:
                return f"{METADATA_LABELS['inspecting_body']}{value.value}{builder.cite(around)}"
            if value is None or BARE_TEAM.fullmatch(value.value):
                return f"{METADATA_LABELS['inspection_period']}{period.value}{builder.cite(around)}"
        if value is None or not text:
            continue
        evidence = sentence_around(text, notice_id, unit, metadata.title, value.start, value.end)
        if evidence.end - evidence.start <= value.end - value.start:  # the sentence was too long: its clause
            start = max((text.rfind(mark, 0, value.start) for mark in _CLAUSE_MARKS), default=-1) + 1
            ends = [i for i in (text.find(mark, value.end) for mark in _CLAUSE_MARKS) if i >= 0]
            end = min(ends, default=len(text))
            if end - start <= MAX_QUOTE_CHARS:
                evidence = sentence_around(text[:end], notice_id, unit, metadata.title, start, end)
        return f"{METADATA_LABELS['inspecting_body']}{value.value}{builder.cite(evidence)}"
    return ""


def _title_line(
    builder: AnswerBuilder, unit: str, notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
) -> str:
    """The unit's first notice's title, cited (a notice that names no inspection team)."""
    for notice_id, metadata in notices_of_unit(unit):
        text = notice_text_of(notice_id) or ""
        title = metadata.title or ""
        start = text.find(title) if title else -1
        if start >= 0:
            return f"通报《{title}》{builder.cite(sentence_around(text, notice_id, unit, title, start, start + len(title)))}"
    return "通报未写明巡察组"
