"""Carrying out a staged refresh: vectors written, gone chunks deleted, rows swapped; also after a crash."""

from __future__ import annotations

import logging

from index.catalog import Catalog
from index.catalog_refresh import StagedRefresh
from index.store import ChunkStore

logger = logging.getLogger(__name__)


def apply_staged_refresh(catalog: Catalog, store: ChunkStore, staged: StagedRefresh) -> None:
    """Write a staged notice's vectors, delete its gone chunks, then swap its rows (each step repeatable)."""
    status = catalog.status_of(staged.notice_id)
    if status != "ready":  # removed (or being replaced) since it was staged: nothing to swap
        if status is None:
            store.delete_notice(staged.notice_id)
        catalog.drop_staged_refresh(staged.notice_id)
        return
    if staged.chunks:
        store.add_notices([(staged.chunks, staged.metadata.title)], staged.vectors.tolist())
    store.delete_chunks(staged.removed_chunk_ids)
    catalog.swap_refreshed(staged)


def finish_staged_refreshes(catalog: Catalog, store: ChunkStore, include_own: bool) -> int:
    """Finish refreshes a stopped writer staged (its staged data is complete); returns how many."""
    finished = 0
    for staged in catalog.unfinished_refreshes(include_own=include_own):
        apply_staged_refresh(catalog, store, staged)
        finished += 1
    if finished:
        logger.info("finished %d notice refresh(es) left unfinished by a writer that stopped", finished)
    return finished
