"""Finding one ingested notice from what a user types: its id (or a unique prefix), file name, or unit."""

from __future__ import annotations

from collections.abc import Sequence

from index.catalog import NoticeRow


class NoticeNotFound(LookupError):
    """No ingested notice matches the reference the user gave."""


def find_notice(rows: Sequence[NoticeRow], reference: str) -> NoticeRow:
    """The one ready notice a reference names: by id (or unique id prefix), file name, or exact unit name."""
    for matches in (
        [r for r in rows if r.notice_id == reference],
        [r for r in rows if r.file_name == reference or r.source_path == reference],
        [r for r in rows if r.notice_id.startswith(reference)] if len(reference) >= 4 else [],
        [r for r in rows if r.unit == reference],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NoticeNotFound(
                f"'{reference}' matches {len(matches)} notices; use the notice id from `assistant notices`"
            )
    raise NoticeNotFound(f"no ingested notice matches '{reference}'; see `assistant notices`")
