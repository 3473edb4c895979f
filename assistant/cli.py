"""Command line: parses, calls the library, prints. Failures are one line; --verbose shows the traceback."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from assistant.workspace import quiet_third_party_telemetry

quiet_third_party_telemetry()

logger = logging.getLogger("assistant")


class UserError(Exception):
    """A failure the user can fix; printed as one line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Chat assistant over inspection rectification notices (巡察/巡视整改情况通报)."
    )
    parser.add_argument("--verbose", action="store_true", help="show tracebacks and debug logs")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("config", help="print the effective settings (secrets masked)")
    commands.add_parser("prepare", help="prepare the embedding model (one time) and check the index opens")

    ingest = commands.add_parser("ingest", help="ingest notice files or folders (recursive)")
    ingest.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .htm .pdf .docx)")

    commands.add_parser("notices", help="list the ingested notices")

    remove = commands.add_parser("remove", help="remove an ingested notice")
    remove.add_argument("notice", help="notice id (or prefix), file name, or unit name")

    search = commands.add_parser("search", help="ranked passages for a question")
    search.add_argument("question")
    search.add_argument("--unit", action="append", help="restrict to this unit (repeatable)")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--json", action="store_true")

    from assistant import cli_extra

    cli_extra.add_parsers(commands)
    COMMANDS.update(cli_extra.COMMANDS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "chromadb", "sentence_transformers", "urllib3", "jieba", "bm25s"):
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


def one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else error.__class__.__name__


def open_workspace():
    from assistant.settings import load_settings
    from assistant.workspace import Workspace

    return Workspace(load_settings())


def run_config(args: argparse.Namespace) -> int:
    from assistant.settings import load_settings

    for key, value in load_settings().describe().items():
        print(f"{key} = {value}")
    return 0


def run_prepare(args: argparse.Namespace) -> int:
    workspace = open_workspace()
    embeddings = workspace.embeddings
    if hasattr(embeddings, "warm_up"):
        embeddings.warm_up()
    notices, chunks = workspace.catalog.counts()
    workspace.store.count()  # opens the vector store now, so a broken store shows up here
    from assistant.embeddings import describe_embeddings

    print(
        f"ready: embedding model {workspace.settings.embed_model} ({describe_embeddings(embeddings)}); "
        f"{notices} notices, {chunks} chunks indexed in {workspace.settings.home}"
    )
    return 0


class BarProgress:
    """tqdm bars on stderr for files and embedded chunks."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self._files = None
        self._chunks = None

    def files_started(self, total: int) -> None:
        self._files = self._tqdm(total=total, desc="files", unit="file", file=sys.stderr)

    def file_finished(self, path: Path, outcome: str) -> None:
        if self._chunks is not None:
            self._chunks.close()
            self._chunks = None
        self._files.set_postfix_str(f"{path.name}: {outcome}", refresh=False)
        self._files.update(1)

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        self._chunks = self._tqdm(
            total=total_chunks, desc=f"embedding {path.name}", unit="chunk", leave=False, file=sys.stderr
        )

    def chunks_embedded(self, count: int) -> None:
        if self._chunks is not None:
            self._chunks.update(count)

    def close(self) -> None:
        if self._files is not None:
            self._files.close()


def run_ingest(args: argparse.Namespace) -> int:
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


def run_notices(args: argparse.Namespace) -> int:
    workspace = open_workspace()
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
    from index.ingest import NoticeNotFound

    workspace = open_workspace()
    try:
        row = workspace.remove_notice(args.notice)
    except NoticeNotFound as error:
        raise UserError(str(error)) from error
    print(f"removed {row.notice_id} {row.unit} {row.title or row.file_name} ({row.chunk_count} chunks)")
    return 0


def run_search(args: argparse.Namespace) -> int:
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
