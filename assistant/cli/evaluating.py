"""`assistant eval`: retrieval and answers on a gold question set, or records/metadata against gold."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.cli.common import BarProgress, UserError


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add the eval command to the CLI parser."""
    evaluate = commands.add_parser(
        "eval", help="evaluate retrieval/answers on a gold set, or records/metadata against gold"
    )
    evaluate.add_argument(
        "target", nargs="?", default="retrieval", choices=["retrieval", "records", "metadata"]
    )
    evaluate.add_argument("--corpus", type=Path, default=Path("../shared/seeds"), help="folder of notices")
    evaluate.add_argument("--set", type=Path, help="gold questions (JSON Lines, dev.jsonl format)")
    evaluate.add_argument("--gold", type=Path, help="gold per-notice metadata/figures (units.json format)")
    evaluate.add_argument("--k", type=int, default=5)
    evaluate.add_argument("--baseline", action="store_true", help="also run the plain LangChain top-k pipeline")
    evaluate.add_argument("--answers", action="store_true", help="also score the answers")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object and nothing else")


def run_eval(args: argparse.Namespace) -> int:
    """`assistant eval [retrieval|records|metadata]`."""
    if not args.corpus.is_dir():
        raise UserError(f"--corpus {args.corpus}: not a folder of notices")
    if args.target in ("records", "metadata"):
        return run_gold_comparison(args)
    return run_question_eval(args)


def run_gold_comparison(args: argparse.Namespace) -> int:
    """Records or metadata read from the corpus, field by field against the gold file."""
    if args.gold is None or not args.gold.exists():
        raise UserError("--gold FILE is required (units.json format) and must exist")
    if args.target == "records":
        from assistant.evaluation.records import compare_records_with_gold as compare
    else:
        from assistant.evaluation.metadata import compare_metadata_with_gold as compare
    report = compare(args.corpus, args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for row in report["rows"]:
            mark = "ok " if row["ok"] else "XX "
            print(f"{mark}{row['doc'][:12]} {row['field']:22} gold={row['gold']} | got={row['got']}")
        print(f"accuracy {report['accuracy']:.3f} ({report['correct']}/{report['fields']})")
    return 0


def run_question_eval(args: argparse.Namespace) -> int:
    """Retrieval (and with --answers the answers) on the gold questions, as a table or JSON."""
    from assistant.evaluation.baseline import build_baseline
    from assistant.evaluation.corpus import open_eval_workspace
    from assistant.evaluation.gold import load_gold_set
    from assistant.evaluation.report import format_report
    from assistant.evaluation.retrieval import run_retrieval_eval
    from assistant.settings import load_settings

    if args.set is None or not args.set.exists():
        raise UserError("--set FILE is required (gold questions, dev.jsonl format) and must exist")
    settings = load_settings()
    items = load_gold_set(args.set, args.corpus)
    progress = BarProgress()
    try:
        workspace = open_eval_workspace(args.corpus, settings, progress=progress)
    finally:
        progress.close()
    baseline = build_baseline(args.corpus, workspace.embeddings) if args.baseline else None
    report = run_retrieval_eval(workspace, items, args.k, baseline)
    if args.answers:
        from assistant.evaluation.answers import run_answer_eval

        report["answers"] = run_answer_eval(workspace, items)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_report(report))
        if "answers" in report:
            print(f"answerer: {report['answers']['answerer']}")
    return 0


COMMANDS = {"eval": run_eval}
