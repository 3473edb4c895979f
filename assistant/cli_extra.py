"""Commands for evaluation, benchmarks, answers, records and the web UI (kept apart to keep cli.py short)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COMMANDS: dict = {}


def command(name: str):
    def register(function):
        COMMANDS[name] = function
        return function

    return register


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the CLI parser."""
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

    ask = commands.add_parser("ask", help="answer a question with cited sources")
    ask.add_argument("question")
    ask.add_argument("--unit", action="append", help="restrict to this unit (repeatable)")
    ask.add_argument("--history", type=Path, help="JSON file: [{role, content}, ...] earlier turns")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")


@command("eval")
def run_eval(args: argparse.Namespace) -> int:
    from assistant.cli import BarProgress, UserError
    from assistant.settings import load_settings

    if not args.corpus.is_dir():
        raise UserError(f"--corpus {args.corpus}: not a folder of notices")
    if args.target in ("records", "metadata"):
        if args.gold is None or not args.gold.exists():
            raise UserError("--gold FILE is required (units.json format) and must exist")
        if args.target == "records":
            from assistant.records_eval import compare_records_with_gold as compare
        else:
            from assistant.metadata_eval import compare_metadata_with_gold as compare
        report = compare(args.corpus, args.gold)
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            for row in report["rows"]:
                mark = "ok " if row["ok"] else "XX "
                print(f"{mark}{row['doc'][:12]} {row['field']:22} gold={row['gold']} | got={row['got']}")
            print(f"accuracy {report['accuracy']:.3f} ({report['correct']}/{report['fields']})")
        return 0

    from assistant import evaluate

    if args.set is None or not args.set.exists():
        raise UserError("--set FILE is required (gold questions, dev.jsonl format) and must exist")
    settings = load_settings()
    items = evaluate.load_gold_set(args.set, args.corpus)
    progress = BarProgress()
    try:
        workspace = evaluate.open_eval_workspace(args.corpus, settings, progress=progress)
    finally:
        progress.close()
    baseline = evaluate.build_baseline(args.corpus, workspace.embeddings) if args.baseline else None
    report = evaluate.run_retrieval_eval(workspace, items, args.k, baseline)
    if args.answers:
        from assistant.answer_eval import run_answer_eval

        report["answers"] = run_answer_eval(workspace, items)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(evaluate.format_report(report))
        if "answers" in report:
            print("== answers")
            print(json.dumps(report["answers"], ensure_ascii=False, indent=2))
    return 0


@command("ask")
def run_ask(args: argparse.Namespace) -> int:
    from assistant.chain import QuestionRejected, make_chain
    from assistant.cli import UserError, open_workspace

    history = []
    if args.history is not None:
        try:
            history = json.loads(args.history.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UserError(f"--history {args.history}: not a readable JSON list of turns ({error})") from error
    workspace = open_workspace()
    chain = make_chain(workspace)
    try:
        stream = chain.stream(args.question, history=history, units=args.unit)
        answer = None
        for item in stream:
            if isinstance(item, str):
                if not args.json:
                    sys.stderr.write(item)
                    sys.stderr.flush()
            else:
                answer = item
    except QuestionRejected as error:
        raise UserError(str(error)) from error
    if args.json:
        print_json(answer.to_dict())
    else:
        print(answer.render_markdown())
    return 0


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
