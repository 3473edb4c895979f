"""`assistant records`: the notice records table as text, JSON or CSV, printed or written to a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.cli.common import UserError, open_workspace


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add the records command to the CLI parser."""
    records = commands.add_parser("records", help="print the notice records table (headline figures per notice)")
    records_format = records.add_mutually_exclusive_group()
    records_format.add_argument("--json", action="store_true", help="every figure with its quote and span, as JSON")
    records_format.add_argument("--csv", action="store_true", help="CSV with Chinese headers (Excel-friendly)")
    records.add_argument("--out", type=Path, help="write to this file instead of printing")


def run_records(args: argparse.Namespace) -> int:
    """`assistant records [--json|--csv] [--out FILE]`."""
    from assistant import records_view

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


COMMANDS = {"records": run_records}
