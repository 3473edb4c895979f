"""`assistant bench`: ingest against the raw model, retrieval latency and memory, the serving soak."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli.common import BarProgress, UserError, print_json
from assistant.settings import Settings


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add the bench command to the CLI parser."""
    bench = commands.add_parser(
        "bench", help="benchmarks: ingest against the raw model, retrieval latency and memory, serving soak"
    )
    bench.add_argument(
        "which",
        choices=["ingest", "query", "soak", "refresh"],
        help="ingest: pipeline vs raw encode; query: latency; soak: many UI sessions while the library changes; "
        "refresh: `ingest --refresh` with nothing changed vs a fresh ingest",
    )
    bench.add_argument("folders", nargs="*", type=Path, help="refresh: folders of notices (default ../shared/seeds)")
    bench.add_argument(
        "--corpus", type=Path, help="ingest: folder of notices (../shared/seeds); soak: (tests/fixtures/notices)"
    )
    bench.add_argument(
        "--repeat", type=int, default=3,
        help="ingest: runs of each pipeline (alternating with --baseline); the best of each timing is shown, "
        "as other work on the shared cores slows single runs",
    )
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


def run_bench(args: argparse.Namespace) -> int:
    """`assistant bench ingest|query|soak`."""
    from assistant.settings import load_settings

    settings = load_settings()
    if args.which == "soak":
        return run_soak_bench(args)
    if args.which == "ingest":
        return run_ingest_bench_command(args, settings)
    if args.which == "refresh":
        return run_refresh_bench_command(args, settings)
    return run_query_bench_command(args, settings)


def run_ingest_bench_command(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant bench ingest`: the ingest pipeline timed against the raw model's encode."""
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


def run_refresh_bench_command(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant bench refresh [FOLDER...]`: a refresh with nothing changed timed against a fresh ingest."""
    from bench.refresh_bench import run_refresh_bench

    folders = args.folders or [Path("../shared/seeds")]
    for folder in folders:
        if not folder.is_dir():
            raise UserError(f"{folder}: not a folder of notices")
    result = run_refresh_bench(folders, settings)
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.line())
    return 0


def run_query_bench_command(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant bench query`: retrieval latency and memory on synthetic libraries of the given sizes."""
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


COMMANDS = {"bench": run_bench}
