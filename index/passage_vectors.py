"""Passage vectors of chunks, embedded from the chunk's header and its own words (not the repeated overlap).

A chunk after the first repeats the previous chunk's last sentence (chunk_overlap_sentences), so that
a reader and BM25 see it in context; that sentence is already in the previous chunk's vector, so it is
left out of this one's embedded text (5% fewer tokens over the seed notices). The stored, displayed and
BM25-indexed texts stay Chunk.text / Chunk.embedding_text().

The embedded header is the unit, then the section path cut to its first and last headings: the middle
levels repeat over every chunk of a section (the full path was ~22% of the embedded tokens; cut, the
seed chunks take 9% fewer tokens and ~10% less encoder time). Measured with the int8 encoder: dev
recall@5 0.971 (full path 0.971), MRR 0.864 (0.889: one question across units ranks its first gold
passage lower), answers equal (must_mention 0.962, source_hit 0.868); seeds_dev and fiction_dev recall,
MRR and answers equal to the full path. Without the unit name dev recall@5 measured 0.926; with only
the last heading 0.971 but must_mention 0.949; with the last heading dropped when the chunk opens
with it 0.956.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from langchain_core.embeddings import Embeddings

from index.chunker import PATH_SEPARATOR
from index.documents import Chunk


def embed_chunks(
    embeddings: Embeddings, chunks: Sequence[Chunk], on_embedded: Callable[[int], None]
) -> list[list[float]]:
    """One vector per chunk, in order, calling on_embedded(count) as texts are embedded."""
    return embed_with_progress(embeddings, vector_texts(chunks), on_embedded)


def embed_with_progress(
    embeddings: Embeddings, texts: list[str], on_embedded: Callable[[int], None]
) -> list[list[float]]:
    """Embed texts, reporting progress when the embedder supports it."""
    if hasattr(embeddings, "embed_documents_with_progress"):
        return embeddings.embed_documents_with_progress(texts, on_embedded)
    vectors = embeddings.embed_documents(texts)
    on_embedded(len(texts))
    return vectors


def vector_texts(chunks: Sequence[Chunk]) -> list[str]:
    """The text to embed for each chunk: its short header, then its words from where the notice's previous chunk ended.

    Chunks come in reading order (a notice's chunks together, by ordinal), as the chunker makes them.
    """
    texts: list[str] = []
    previous: Chunk | None = None
    for chunk in chunks:
        header, own = embedded_header(chunk), _own_words(chunk, previous)
        texts.append(f"{header}\n{own}" if header else own)
        previous = chunk
    return texts


def embedded_header(chunk: Chunk) -> str:
    """The unit and the first and last headings of the chunk's section path (the levels between left out)."""
    headings = [part for part in chunk.section_path.split(PATH_SEPARATOR) if part]
    path = PATH_SEPARATOR.join(headings[:1] + headings[1:][-1:])
    return " ".join(part for part in (chunk.unit, path) if part)


def _own_words(chunk: Chunk, previous: Chunk | None) -> str:
    """Chunk text after the part it shares with the previous chunk of the same notice (all of it if none)."""
    if previous is None or (previous.notice_id, previous.ordinal + 1) != (chunk.notice_id, chunk.ordinal):
        return chunk.text
    shared = max(0, min(previous.end, chunk.end) - chunk.start)  # 0 when the chunks do not overlap
    return chunk.text[shared:].lstrip() or chunk.text
