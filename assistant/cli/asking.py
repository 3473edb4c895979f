"""Commands that answer: `ask` in the terminal, `serve` the chat in the browser."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.cli.common import UserError, open_workspace, print_json


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add the ask and serve commands to the CLI parser."""
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


def read_history(path: Path | None) -> list:
    """The earlier turns of --history, or none."""
    if path is None:
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(f"--history {path}: not a readable JSON list of turns ({error})") from error


def run_ask(args: argparse.Namespace) -> int:
    """`assistant ask QUESTION`: the answer streams to stderr, the final answer prints to stdout."""
    from assistant.chain import QuestionRejected, make_chain

    history = read_history(args.history)
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


def run_serve(args: argparse.Namespace) -> int:
    """`assistant serve`: the Gradio chat until interrupted."""
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


COMMANDS = {"ask": run_ask, "serve": run_serve}
