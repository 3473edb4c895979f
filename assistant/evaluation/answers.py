"""Answer evaluation on a gold set: mentions, verbatim citations, source hits, abstention, latency.

- must_mention: share of the gold must_mention strings present in the answer text.
- citations_verbatim: share of shown quotes that are verbatim in their notice at their span
  (checked here again, independently of the verifier).
- source_hit: share of gold quotes covered (>= 80% of their characters) by a cited quote.
- abstention: share of not_in_corpus items answered as not found.
- false_abstention: share of answerable items answered as not found.
- p50_ms: answer latency (retrieval included).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from assistant.answer import Answer
from assistant.chain import make_chain
from assistant.evaluation.gold import GoldItem, Hit, quote_covered
from assistant.evaluation.stats import percentile, ratio
from assistant.workspace import Workspace

NOT_IN_CORPUS = "not_in_corpus"


def score_answer(item: GoldItem, answer: Answer, notice_text_of, file_of: dict[str, str]) -> dict[str, Any]:
    """Counts for one item's answer."""
    shown = [c for c in answer.citations if c.verified]
    verbatim = sum(
        1 for c in shown if (text := notice_text_of(c.notice_id)) is not None and text[c.start : c.end] == c.quote
    )
    cited = [Hit(file_of.get(c.notice_id, ""), c.start, c.end) for c in shown]
    return {
        "kind": item.kind,
        "mentions_found": sum(1 for m in item.must_mention if m in answer.text),
        "mentions_total": len(item.must_mention),
        "quotes_shown": len(shown),
        "quotes_verbatim": verbatim,
        "gold_hit": sum(1 for q in item.quotes if any(quote_covered(q, h) for h in cited)),
        "gold_total": len(item.quotes),
        "not_found": answer.not_found,
        "answerable": item.kind != NOT_IN_CORPUS,
    }


def summarise_answers(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer metrics over a list of scored rows."""
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    return {
        "must_mention": ratio(sum(r["mentions_found"] for r in rows), sum(r["mentions_total"] for r in rows)),
        "citations_verbatim": ratio(sum(r["quotes_verbatim"] for r in rows), sum(r["quotes_shown"] for r in rows)),
        "source_hit": ratio(sum(r["gold_hit"] for r in rows), sum(r["gold_total"] for r in rows)),
        "abstention": ratio(sum(r["not_found"] for r in unanswerable), len(unanswerable)),
        "false_abstention": ratio(sum(r["not_found"] for r in answerable), len(answerable)),
        "p50_ms": round(percentile([r["ms"] for r in rows], 0.5), 1),
        "n": len(rows),
    }


def run_answer_eval(workspace: Workspace, items: list[GoldItem], keep_answers: list | None = None) -> dict[str, Any]:
    """The "answers" block of the eval report, for the answerer in use."""
    chain = make_chain(workspace)
    file_of = {row.notice_id: row.file_name for row in workspace.catalog.notices()}
    rows = []
    for item in items:
        began = time.perf_counter()
        answer = chain.ask(item.question, history=item.history)
        row = score_answer(item, answer, workspace.catalog.notice_text, file_of)
        row["ms"] = (time.perf_counter() - began) * 1000
        rows.append(row)
        if keep_answers is not None:
            keep_answers.append((item, answer, row))
    report = summarise_answers(rows)
    report["answerer"] = chain.answerer_name
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        groups[row["kind"]].append(row)
    report["by_kind"] = {kind: summarise_answers(group) for kind, group in sorted(groups.items())}
    return report
