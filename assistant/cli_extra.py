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

    serve = commands.add_parser("serve", help="start the chat in the browser (Gradio UI)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback only)")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument(
        "--open-to-anyone",
        action="store_true",
        help="allow a non-loopback --host without ASSISTANT_AUTH: anyone who reaches the port can read, upload, remove",
    )

    records = commands.add_parser("records", help="print the notice records table (headline figures per notice)")
    records_format = records.add_mutually_exclusive_group()
    records_format.add_argument("--json", action="store_true", help="every figure with its quote and span, as JSON")
    records_format.add_argument("--csv", action="store_true", help="CSV with Chinese headers (Excel-friendly)")
    records.add_argument("--out", type=Path, help="write to this file instead of printing")

    bench = commands.add_parser(
        "bench", help="benchmarks: ingest against the raw model, retrieval latency and memory, serving soak"
    )
    bench.add_argument(
        "which",
        choices=["ingest", "query", "soak"],
        help="ingest: pipeline vs raw encode; query: latency; soak: many UI sessions while the library changes",
    )
    bench.add_argument(
        "--corpus", type=Path, help="ingest: folder of notices (../shared/seeds); soak: (tests/fixtures/notices)"
    )
    bench.add_argument("--repeat", type=int, default=1, help="ingest: runs; the best of each timing is shown")
    bench.add_argument(
        "--profile", type=Path, help="ingest: cProfile one more ingest into this file; query: into this folder"
    )
    bench.add_argument("--sizes", default="1000,10000,100000", help="query: chunk counts, comma-separated")
    bench.add_argument("--queries", type=int, default=50, help="query: questions per kind")
    bench.add_argument(
        "--across-queries", type=int, default=10, help="query: questions across all units (each searches every unit)"
    )
    bench.add_argument("--seed", type=int, default=7, help="query: seed of the synthetic corpus and questions")
    bench.add_argument("--sessions", type=int, default=20, help="soak: concurrent gradio_client sessions")
    bench.add_argument("--questions", type=int, default=10, help="soak: questions per session")
    bench.add_argument("--soak-timeout", type=float, default=900.0, help="soak: stop after this many seconds")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument(
        "--keep", type=Path, help="query: keep each size's corpus and home in this folder and reuse them next run"
    )
    bench.add_argument(
        "--baseline", action="store_true", help="ingest: also time the plain LangChain pipeline in the same run"
    )


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
            print(f"answerer: {report['answers']['answerer']}")
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


@command("bench")
def run_bench(args: argparse.Namespace) -> int:
    from assistant.cli import BarProgress, UserError
    from assistant.settings import load_settings

    settings = load_settings()
    if args.which == "soak":
        return run_soak_bench(args)
    if args.which == "ingest":
        from bench.ingest_bench import BenchUnavailable, format_ingest_report, run_ingest_bench

        args.corpus = args.corpus or Path("../shared/seeds")
        if not args.corpus.is_dir():
            raise UserError(f"--corpus {args.corpus}: not a folder of notices")
        try:
            result = run_ingest_bench(
                args.corpus,
                settings,
                repeats=max(1, args.repeat),
                progress_factory=None if args.json else BarProgress,
                profile_path=args.profile,
                baseline=args.baseline,
            )
        except BenchUnavailable as error:
            raise UserError(str(error)) from error
        if args.json:
            print_json(result.to_dict())
        else:
            print(format_ingest_report(result))
        return 0

    from bench.query_bench import run_query_bench
    from bench.query_report import format_query_report, results_as_dicts

    try:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError as error:
        raise UserError(f"--sizes {args.sizes}: give chunk counts separated by commas, e.g. 1000,10000") from error
    if not sizes or min(sizes) < 1 or args.queries < 1:
        raise UserError("--sizes and --queries must be positive")
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    results = run_query_bench(
        sizes,
        settings.models_dir,
        queries=args.queries,
        across_queries=max(0, args.across_queries),
        seed=args.seed,
        show_progress=not args.json,
        profile_dir=args.profile,
        keep_dir=args.keep,
    )
    if args.json:
        print_json(results_as_dicts(results))
    else:
        print(format_query_report(results))
    return 0


def run_soak_bench(args: argparse.Namespace) -> int:
    """`assistant bench soak`: serve on 127.0.0.1, many sessions ask while an upload and a CLI removal run."""
    from assistant.cli import UserError
    from bench.soak import DEFAULT_NOTICES, SoakConfig, SoakFailed, run_soak

    if args.sessions < 1 or args.questions < 1 or args.soak_timeout <= 0:
        raise UserError("--sessions, --questions and --soak-timeout must be positive")
    config = SoakConfig(
        notices=args.corpus or DEFAULT_NOTICES,
        sessions=args.sessions,
        questions=args.questions,
        timeout_s=args.soak_timeout,
    )
    print(f"soak: {config.sessions} sessions x {config.questions} questions on 127.0.0.1…", file=sys.stderr)
    try:
        print_json(run_soak(config))
    except SoakFailed as error:
        raise UserError(str(error)) from error
    return 0


@command("records")
def run_records(args: argparse.Namespace) -> int:
    from assistant import records_view
    from assistant.cli import UserError, open_workspace

    catalog = open_workspace().catalog
    if not catalog.notices():
        print("no notices ingested yet: run `assistant ingest PATH`")
        return 0
    if args.json:
        output, encoding = json.dumps(records_view.records_json(catalog), ensure_ascii=False, indent=2) + "\n", "utf-8"
    elif args.csv:
        output, encoding = records_view.records_csv(catalog), "utf-8-sig"  # the BOM makes Excel read UTF-8
    else:
        output, encoding = records_view.records_text_table(records_view.records_rows(catalog)) + "\n", "utf-8"
    if args.out is None:
        sys.stdout.write(output)
        return 0
    try:
        args.out.write_text(output, encoding=encoding, newline="")
    except OSError as error:
        raise UserError(f"--out {args.out}: cannot write the file ({error.strerror})") from error
    print(f"wrote {len(catalog.notices())} notice records to {args.out}")
    return 0


@command("serve")
def run_serve(args: argparse.Namespace) -> int:
    from assistant.cli import UserError
    from assistant.settings import load_settings
    from ui.auth import AuthConfigError
    from ui.exposure import ExposureRefused
    from ui.server import start_server

    settings = load_settings()
    print("loading the model and the indexes…", file=sys.stderr)
    try:
        demo, readiness = start_server(settings, args.host, args.port, open_to_anyone=args.open_to_anyone)
    except (AuthConfigError, ExposureRefused) as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(f"cannot serve on {args.host}:{args.port} ({error}); pass another --port") from error
    print(readiness.line(), file=sys.stderr)
    try:
        demo.block_thread()
    finally:
        demo.close()
    return 0
