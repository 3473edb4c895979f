"""Commands on the library: settings, model preparation, ingest, list, remove, search."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.cli.common import BarProgress, UserError, open_workspace


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Add the library commands to the CLI parser."""
    commands.add_parser("config", help="print the effective settings (secrets masked)")
    commands.add_parser("prepare", help="prepare the embedding model (one time) and check the index opens")

    ingest = commands.add_parser("ingest", help="ingest notice files or folders (recursive)")
    ingest.add_argument(
        "paths", nargs="*", help="files or folders (.txt .md .html .htm .pdf .docx); with --refresh: notices to refresh"
    )
    ingest.add_argument(
        "--refresh",
        action="store_true",
        help="derive the stored notices (all, or those named by id, file name or unit) again with this version",
    )

    commands.add_parser("notices", help="list the ingested notices")

    remove = commands.add_parser("remove", help="remove an ingested notice")
    remove.add_argument("notice", help="notice id (or prefix), file name, or unit name")

    search = commands.add_parser("search", help="ranked passages for a question")
    search.add_argument("question")
    search.add_argument("--unit", action="append", help="restrict to this unit (repeatable)")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--json", action="store_true")


def run_config(args: argparse.Namespace) -> int:
    """`assistant config`: every effective setting, secrets masked."""
    from assistant.settings import load_settings

    for key, value in load_settings().describe().items():
        print(f"{key} = {value}")
    return 0


def run_prepare(args: argparse.Namespace) -> int:
    """`assistant prepare`: load the embedding model once and open the indexes."""
    workspace = open_workspace()
    embeddings = workspace.embeddings
    if hasattr(embeddings, "warm_up"):
        embeddings.warm_up()
    notices, chunks = workspace.catalog.counts()
    say_if_refresh_due(workspace)
    workspace.store.count()  # opens the vector store now, so a broken store shows up here
    from assistant.embeddings import describe_embeddings

    print(
        f"ready: embedding model {workspace.settings.embed_model} ({describe_embeddings(embeddings)}); "
        f"{notices} notices, {chunks} chunks indexed in {workspace.settings.home}"
    )
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    """`assistant ingest PATH...`: ingest files and folders with progress bars (`--refresh`: re-derive stored ones)."""
    if args.refresh:
        return run_refresh(args.paths)
    if not args.paths:
        raise UserError("ingest needs files or folders to ingest (or --refresh to update the stored notices)")
    workspace = open_workspace()
    progress = BarProgress()
    try:
        report = workspace.ingestor.ingest_paths(args.paths, progress)
    finally:
        progress.close()
    for line in report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.failed:
        print(f"failed: {line}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 2


def run_refresh(references: list[str]) -> int:
    """`assistant ingest --refresh [NOTICE...]`: derive stored notices again; one summary line."""
    from index.notice_lookup import NoticeNotFound

    workspace = open_workspace()
    # A path names its notice by file name, as `assistant remove` does.
    references = [Path(ref).name if ("/" in ref or Path(ref).exists()) else ref for ref in references]
    from tqdm import tqdm

    bars: list = []  # made at the first notice checked, so a bad reference prints only its error line

    def checked(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, desc="refresh", unit="notice", file=sys.stderr, leave=False))
        bars[0].update(done - bars[0].n)

    try:
        report = workspace.refresher.refresh(references, on_checked=checked)
    except NoticeNotFound as error:
        raise UserError(f"{error} (nothing was refreshed)") from error
    finally:
        for bar in bars:
            bar.close()
    for line in report.failed:
        print(f"failed: {line}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 2


def say_if_refresh_due(workspace) -> None:
    """One line on stderr when the library was indexed by older extraction code."""
    from index.extraction_version import REFRESH_DUE_LINE

    if workspace.refresh_due():
        print(REFRESH_DUE_LINE, file=sys.stderr)


def run_notices(args: argparse.Namespace) -> int:
    """`assistant notices`: one line per ingested notice."""
    workspace = open_workspace()
    say_if_refresh_due(workspace)
    rows = workspace.catalog.notices()
    if not rows:
        print("no notices ingested yet: run `assistant ingest PATH`")
        return 0
    for row in rows:
        meta = row.metadata
        dates = " ".join(
            f"{label}{field.value}"
            for label, field in (("巡察/巡视:", meta.inspection_period), ("反馈:", meta.feedback_date), ("发布:", meta.publish_date))
            if field is not None
        )
        print(f"{row.notice_id}  {row.unit or '(unit unknown)'}  {row.title or row.file_name}  {dates}  chunks={row.chunk_count}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """`assistant remove NOTICE`: remove one notice from every index."""
    from index.ingest import NoticeNotFound

    workspace = open_workspace()
    try:
        row = workspace.remove_notice(args.notice)
    except NoticeNotFound as error:
        raise UserError(str(error)) from error
    print(f"removed {row.notice_id} {row.unit} {row.title or row.file_name} ({row.chunk_count} chunks)")
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`assistant search QUESTION`: the ranked passages, as lines or JSON."""
    workspace = open_workspace()
    result = workspace.retriever.retrieve(args.question, units=args.unit, k=args.k)
    if args.json:
        print(
            json.dumps(
                {
                    "question": result.question,
                    "units_named": result.units_named,
                    "across_units": result.across_units,
                    "qualifying_units": result.qualifying_units,
                    "results": [{"text": d.page_content, **d.metadata} for d in result.documents],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not result.documents:
        print("no passages found")
    for rank, doc in enumerate(result.documents, start=1):
        meta = doc.metadata
        print(
            f"{rank}. [{meta['score']:.4f}] {meta['unit']} | {meta['section_path'] or '(开头)'} "
            f"| chars {meta['start']}-{meta['end']}"
        )
        print(f"   {doc.page_content[:200]}")
    return 0


COMMANDS = {
    "config": run_config,
    "prepare": run_prepare,
    "ingest": run_ingest,
    "notices": run_notices,
    "remove": run_remove,
    "search": run_search,
}
