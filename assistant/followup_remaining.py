"""Follow-ups about the part not yet done: "没退的那部分后来退了吗?", "还差多少没整改?".

The previous answer's clause that states what is left ("尚有15.98万元未退改到位") is found again
in the notice and cited. "还差多少" is answered by that clause; "后来退了吗" by the notice's other
sentences on the same topic that state it done (已/共/全部 … with a figure), or by saying that the
notice does not state it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.evidence import SHORT_SENTENCE_CHARS
from assistant.previous_answer import (
    MONEY, Found, Said, amount, figures_said, find_in_notices, last_answer, number_citations, written_unit,
)
from index.sentences import split_sentences

ANSWERER = "extractive:followup-remaining"
# The question is about what is left: "没退的那部分", "剩下的那些", "还差多少".
ASKS_REMAINING = re.compile(
    r"(?:没|未|尚未|还没)有?[\u4e00-\u9fff]{1,3}的(?:那|部分|些)|剩下|剩余|其余|还差|还剩|(?:多少|几[个项件笔]?)还?(?:没|未)"
)
# "剩下的呢", "其余那些呢": nothing asked but the rest, read as how much is left.
BARE_REMAINING = re.compile(r"^(?:那|那么)?(?:剩下|剩余|其余|余下)的?(?:那些|那部分|部分|几[个项件笔条])?呢?[?？]?$")
ASKS_LATER = re.compile(r"后来|现在|目前|如今|了吗|了没|是否|有没有|到位了|完成了")
ASKS_AMOUNT = re.compile(r"多少|几")
# What the undone items are, or when they will be done, is asked of the notice, not of the previous answer.
ASKS_CONTENT = re.compile(r"什么|哪些|哪几|哪个|何时|啥时候|怎么|如何|打算|计划")
_DONE_VERB = re.compile(r"(?:没|未|尚未|还没)有?([\u4e00-\u9fff])")
# A clause of an answer that states what is left.
_LEFT_SAID = re.compile(r"尚有|尚未|还有|剩余|剩下|其余|仍有|未[\u4e00-\u9fff]{0,4}(?:到位|完成|退|整改|办结)|正在整改|持续推进")
_CLAUSES = re.compile(r"[,，;；。\n]")
# A sentence stating something done: a completion word and a figure or 全部.
_DONE_SAID = re.compile(r"(?:已|共|全部|现已|目前|累计|完成|到位|办结)")
_FIGURE = re.compile(r"\d|全部")
_DONE_LABEL = re.compile(r"已|完成|到位|办结")
# Done said after the figure, as news briefs word it: "其中35个已整改", "28项已经办结".
# Also with the counted noun between: "132项整改任务已完成".
_DONE_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?)?(?:均|全部|都)?(?:已经?|现已)(?:完成)?(?:整改|办结|完成|到位|退缴|销号)")
_QUESTION_WORDS = re.compile(r"多少|什么|哪些|哪个|几|吗|呢|怎么|如何|是否|情况")
# Words of any rectification report: they say nothing of the topic ("整改", "尚有", "完成").
_GENERIC_WORDS = re.compile(r"整改|完成|到位|尚有|尚未|还有|剩余|目前|已经|巡察|问题|情况|工作|开展|推进|正在")
MIN_TOPIC_BIGRAMS = 2  # a later sentence shares at least this many topic bigrams (津补, 补贴) with the question asked before
MAX_LATER = 2  # later sentences quoted
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def asks_about_remaining(question: str, names_unit: bool) -> bool:
    """Whether the question asks about the part left undone in the previous answer (how much, or done since)."""
    if not names_unit and BARE_REMAINING.match(question.strip()):
        return True
    return not names_unit and bool(ASKS_REMAINING.search(question)) and not ASKS_CONTENT.search(question) and bool(
        ASKS_LATER.search(question) or ASKS_AMOUNT.search(question)
    )


def answer_remaining(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
    without_units: Callable[[str], str],
) -> Answer | None:
    """The clause of what is left, cited, and what the notice says of it later; None when the previous
    answer states nothing left that a notice holds."""
    previous = last_answer(history)
    clause = _left_clause(previous)
    if not clause:
        wants_amount = (ASKS_AMOUNT.search(question) and not ASKS_LATER.search(question)) or BARE_REMAINING.match(
            question.strip())
        if not wants_amount:
            return None
        return (_by_difference(question, standalone_question, previous, notice_ids, notice_text_of, describe)
                or _told_on(question, standalone_question, previous, notice_ids, notice_text_of, describe))
    said = figures_said(clause)[:1] or [Said(clause, Decimal(0), "", "", False)]
    found, _ = find_in_notices(said, notice_ids, notice_text_of, describe)
    if not found:
        return None
    left = Citation(**{**found[0].citation.__dict__, "n": 1})
    lines = [f"上一轮回答提到的未完成部分:{left.quote}[1]"]
    citations = [left]
    if ASKS_LATER.search(question):
        topic = _bigrams(without_units(_previous_question(history)) + without_units(clause))
        verb = _DONE_VERB.search(question) or _DONE_VERB.search(clause)
        later = _later_sentences(left, notice_text_of, topic, verb.group(1) if verb else "", describe)
        if not later:
            lines.append("通报中没有写明这部分后来的情况。")
            return _answer(question, standalone_question, lines, citations, not_found=True)
        lines.append("通报中关于这部分的后续记载:")
        for citation in later:
            citations.append(Citation(**{**citation.__dict__, "n": len(citations) + 1}))
            lines.append(f"- {citation.quote}[{len(citations)}]")
    return _answer(question, standalone_question, lines, citations)


def _by_difference(
    question: str, standalone_question: str, previous: str, notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """"还差多少没退?" after "涉及金额32.24万元,已退缴16.25万元": the total less the part done, each cited."""
    said = figures_said(previous)
    done = [s for s in said if not s.is_total and (_DONE_LABEL.search(s.label) or _DONE_AFTER.search(s.after))]
    totals = [s for s in said if s.is_total]
    if not totals and len(done) == 1:  # "反馈1157个问题,已完成整改1148个": the larger figure not done is the whole
        totals = [s for s in said if s not in done and s.measure == done[0].measure and s.value > done[0].value][:1]
    if len(totals) != 1 or len(done) != 1 or totals[0].measure != done[0].measure or done[0].value > totals[0].value:
        return None
    found, missing = find_in_notices([totals[0], done[0]], notice_ids, notice_text_of, describe)
    if missing:
        return None
    citations, number_of = number_citations(found)
    total, part = found[0].said, found[1].said
    left = amount(total.value - part.value, total.measure, {written_unit(total), written_unit(part)})
    stated = _stated_left(left, found[1], notice_text_of)
    line = (f"按上一轮回答的数字计算{'' if stated else '(通报未直接写明余下多少)'}:{total.label}{total.text}"
            f"[{number_of[0]}]-{part.label}{part.text}{'' if part.label else part.after}[{number_of[1]}]={left}。")
    if stated is None:
        return _answer(question, standalone_question, [f"尚余{left}。", line], citations)
    # The notice states the rest itself ("132项已完成,24项正在持续推进"): its clause is quoted too.
    stated = Citation(**{**stated.__dict__, "n": len(citations) + 1})
    lines = [f"尚余{left}。", line, f"通报写明:{stated.quote}[{stated.n}]。"]
    return _answer(question, standalone_question, lines, [*citations, stated])


def _stated_left(left: str, done_found: Found, notice_text_of: Callable[[str], str | None]) -> Citation | None:
    """The clause after the done figure, in its sentence, that states the computed rest ("24项整改任务正在持续推进")."""
    done = done_found.citation
    text = notice_text_of(done.notice_id) or ""
    figure_at = text.find(done_found.said.text, done.start)
    start, end = next(((b, e) for b, e in split_sentences(text) if b <= figure_at < e), (done.start, done.end))
    at = re.search(rf"(?<![\d.]){re.escape(left)}", text[start:end])
    if figure_at < 0 or at is None or start + at.start() < figure_at + len(done_found.said.text):
        return None
    begin = max((m.end() for m in _CLAUSES.finditer(text, start, start + at.start())), default=start)
    cut = _CLAUSES.search(text, start + at.end(), end)
    return Citation(**{**done.__dict__, "quote": text[begin : cut.start() if cut else end], "start": begin,
                       "end": cut.start() if cut else end})


def _told_on(
    question: str, standalone_question: str, previous: str, notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """"退了多少,还差多少没退?" after "涉及金额32.24万元": the notice's sentence holding that figure, when it
    goes on to state the part done with a figure ("…,已整改退缴16.25万元,尚有15.98万元未退改到位")."""
    said = figures_said(previous)
    found, _ = find_in_notices([s for s in said if s.measure == "元"][-1:] or said[-1:], notice_ids, notice_text_of,
                               describe)
    if not found:
        return None
    citation = found[0].citation
    text = notice_text_of(citation.notice_id) or ""
    start, end = next(((b, e) for b, e in split_sentences(text) if b <= citation.start < e), (citation.start, citation.end))
    after = text[text.find(found[0].said.text, citation.start) + len(found[0].said.text) : end]  # told after the figure
    if not (_DONE_LABEL.search(after) and re.search(r"\d", after)):
        return None
    told = Citation(**{**citation.__dict__, "n": 1, "quote": text[start:end], "start": start, "end": end})
    return _answer(question, standalone_question, [f"通报写明:{told.quote}[1]"], [told])


def _left_clause(answer: str) -> str:
    """The clause of the answer stating what is left, one with a figure first."""
    clauses = [c.strip(" -") for c in _CLAUSES.split(answer) if _LEFT_SAID.search(c)]
    return next((c for c in clauses if re.search(r"\d", c)), clauses[0] if clauses else "")


def _previous_question(history: Sequence[dict]) -> str:
    return next((str(t.get("content", "")) for t in reversed(list(history)) if t.get("role") == "user"), "")


def _bigrams(text: str) -> set[str]:
    """Character bigrams of the Chinese words of a text, question words left out."""
    text = _GENERIC_WORDS.sub(" ", _QUESTION_WORDS.sub(" ", text))
    return {text[i : i + 2] for i in range(len(text) - 1) if all("\u4e00" <= c <= "\u9fff" for c in text[i : i + 2])}


def _later_sentences(
    left: Citation, notice_text_of: Callable[[str], str | None], topic: set[str], verb: str,
    describe: Callable[[str], tuple[str, str]],
) -> list[Citation]:
    """Sentences of the notice, other than the one stating what is left, that state the topic done."""
    text = notice_text_of(left.notice_id) or ""
    spans = split_sentences(text)
    scored: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if start < left.end and left.start < end or (verb and verb not in sentence):
            continue
        if not (_DONE_SAID.search(sentence) and _FIGURE.search(sentence)) or _LEFT_SAID.search(sentence):
            continue  # a later passage states something done, not (again) something left
        context = text[spans[index - 1][0] : end] if index else sentence
        shared = sum(1 for pair in topic if pair in context)
        if shared >= MIN_TOPIC_BIGRAMS:
            # A short sentence ("目前,共退缴35.1996万元。") is quoted with the one it goes on from.
            first = spans[index - 1][0] if index and end - start < SHORT_SENTENCE_CHARS else start
            scored.append((shared, first, end))
    title, unit = describe(left.notice_id)
    best: list[tuple[int, int, int]] = []
    for shared, start, end in sorted(scored, key=lambda s: (-s[0], s[1])):
        figures = _figures(text[start:end])
        if len(best) < MAX_LATER and not any(figures <= _figures(text[s:e]) for _, s, e in best):
            best.append((shared, start, end))  # a sentence repeating a quoted one's figures adds nothing
    return [Citation(0, left.notice_id, title, unit, "", text[s:e], s, e) for _, s, e in sorted(best, key=lambda s: s[1])]


def _figures(sentence: str) -> set[str]:
    """The money figures of a sentence (its numbers when it has none)."""
    return {m.group(0) for m in MONEY.finditer(sentence)} or set(_NUMBER.findall(sentence))


def _answer(question: str, standalone_question: str, lines: list[str], citations: list[Citation],
            not_found: bool = False) -> Answer:
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, not_found=not_found,
                  units=list(dict.fromkeys(c.unit for c in citations)))
