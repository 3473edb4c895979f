"""Passage vectors made on a background thread, batch after batch, while the caller prepares and stores others.

The caller's thread stays the only one that reports progress: the background thread queues its
events and the caller relays them when it collects finished batches.
"""

from __future__ import annotations

import queue
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from langchain_core.embeddings import Embeddings

from index.documents import Chunk
from index.passage_vectors import embed_chunks

Batch = TypeVar("Batch")
_DONE = -1  # event: the oldest batch in flight is finished


class BackgroundEmbedder(Generic[Batch]):
    """Embeds submitted batches of chunks in submission order on one background thread."""

    def __init__(self, embeddings: Embeddings) -> None:
        self.embeddings = embeddings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed")
        self._events: queue.SimpleQueue[int] = queue.SimpleQueue()
        self._in_flight: deque[tuple[Batch, Future[list[list[float]]]]] = deque()
        self._ends_seen = 0  # end events relayed for batches not yet handed back

    def __enter__(self) -> BackgroundEmbedder[Batch]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def idle(self) -> bool:
        """True when no batch is waiting or being embedded."""
        return not self._in_flight

    def submit(self, batch: Batch, chunks: Sequence[Chunk]) -> None:
        """Queue a batch; its vectors come back from finished() in submission order."""
        self._in_flight.append((batch, self._pool.submit(self._embed, list(chunks))))

    def finished(
        self, on_embedded: Callable[[int], None], wait: bool
    ) -> Iterator[tuple[Batch, list[list[float]] | BaseException]]:
        """The batches finished so far (with wait: all of them), with their vectors or the error raised.

        Meanwhile on_embedded(count) is called, on this thread, for the texts embedded in the background.
        """
        while self._in_flight:
            batch, future = self._in_flight[0]
            if not wait and not future.done():
                self._relay(on_embedded, until_end=False)
                return
            self._relay(on_embedded, until_end=True)
            self._in_flight.popleft()
            self._ends_seen -= 1
            error = future.exception()
            yield batch, error if error is not None else future.result()

    def close(self) -> None:
        """Stop the background thread after the batch it is embedding; batches not started are dropped."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _embed(self, chunks: list[Chunk]) -> list[list[float]]:
        try:
            return embed_chunks(self.embeddings, chunks, self._events.put)
        finally:
            self._events.put(_DONE)

    def _relay(self, on_embedded: Callable[[int], None], until_end: bool) -> None:
        """Pass queued progress on: what is queued now, or (until_end) up to the end of the oldest batch."""
        while not (until_end and self._ends_seen > 0):
            try:
                event = self._events.get(block=until_end)
            except queue.Empty:
                return
            if event == _DONE:
                self._ends_seen += 1
            else:
                on_embedded(event)
