"""Command line: parses, calls the library, prints. Failures are one line; --verbose shows the traceback.

One module per command group; this module builds the parser from them and runs the chosen command.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from assistant.cli import asking, benchmarks, evaluating, library, records
from assistant.cli.common import UserError, one_line
from assistant.workspace import quiet_third_party_telemetry

quiet_third_party_telemetry()

logger = logging.getLogger("assistant")

# In the order their commands appear in --help.
GROUPS = (library, evaluating, asking, records, benchmarks)
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: run for group in GROUPS for name, run in group.COMMANDS.items()
}
NOISY_LOGGERS = ("httpx", "chromadb", "sentence_transformers", "urllib3", "jieba", "bm25s")

__all__ = ["COMMANDS", "UserError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The `assistant` parser with every command group's subcommands."""
    parser = argparse.ArgumentParser(
        prog="assistant", description="Chat assistant over inspection rectification notices (巡察/巡视整改情况通报)."
    )
    parser.add_argument("--verbose", action="store_true", help="show tracebacks and debug logs")
    commands = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code is 0 on success, 1 on a failure printed as one line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return int(COMMANDS[args.command](args) or 0)
    except KeyboardInterrupt:
        print("interrupted; nothing half-written is kept (re-run to finish)", file=sys.stderr)
        return 130
    except Exception as error:  # the one place that turns failures into one line
        if args.verbose:
            raise
        print(f"error: {one_line(error)}", file=sys.stderr)
        return 1
