"""Answer metrics of a gold set per "class", with the product's own scoring (assistant.evaluation.answers).

Usage: python -m bench.gold.by_class --corpus DIR --set FILE [--answers OUT.jsonl]
Prints one JSON object {class: metrics}; --answers also writes each item's answer text and scores.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from assistant.evaluation.answers import run_answer_eval, summarise_answers
from assistant.evaluation.corpus import open_eval_workspace
from assistant.evaluation.gold import load_gold_set
from assistant.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    """Run the answer eval once and regroup its per-item rows by the gold items' class."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--set", required=True, type=Path)
    ap.add_argument("--answers", type=Path, help="write per-item answers and scores here (JSON Lines)")
    args = ap.parse_args(argv)
    items = load_gold_set(args.set, args.corpus)
    workspace = open_eval_workspace(args.corpus, load_settings())
    kept: list = []
    overall = run_answer_eval(workspace, items, keep_answers=kept)
    groups: dict[str, list] = defaultdict(list)
    for item, _answer, row in kept:
        groups[item.raw.get("class", "?")].append(row)
    report = {"all": {k: v for k, v in overall.items() if k != "by_kind"}}
    report.update({cls: summarise_answers(rows) for cls, rows in sorted(groups.items())})
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.answers:
        with args.answers.open("w", encoding="utf-8") as fh:
            for item, answer, row in kept:
                fh.write(json.dumps({"id": item.id, "class": item.raw.get("class"), "question": item.question,
                                     "answer": answer.text, **row}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
