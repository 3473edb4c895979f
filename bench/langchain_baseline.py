"""The plain LangChain pipeline the ingest is compared with: recursive splitter, sentence-transformers fp32, Chroma."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from index.loaders import iter_notice_files, load_document

BASELINE_CHUNK_CHARS = 500
BASELINE_OVERLAP_CHARS = 50


@dataclass(frozen=True)
class Throughput:
    """Work done per second of wall time."""

    chars: int
    chunks: int
    wall_s: float
    cpu_s: float  # process CPU time, all threads: steadier than wall time when other work shares the cores

    def to_dict(self) -> dict[str, float]:
        return {
            "chars_per_s": self.chars / self.wall_s,
            "chunks_per_s": self.chunks / self.wall_s,
            "wall_s": self.wall_s,
            "cpu_s": self.cpu_s,
            "chars_per_cpu_s": self.chars / self.cpu_s,
            "chars": self.chars,
            "chunks": self.chunks,
        }


def corpus_chars(corpus: Path) -> int:
    """Characters of the notices' text, as the loader reads them."""
    return sum(len(load_document(path).text) for path in iter_notice_files([corpus]))


def run_langchain_baseline(corpus: Path, embeddings: Embeddings, chroma_dir: Path) -> Throughput:
    """Load, split 500/50 with RecursiveCharacterTextSplitter, embed and add to a fresh persistent Chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    client = chromadb.PersistentClient(path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False))
    splitter = RecursiveCharacterTextSplitter(chunk_size=BASELINE_CHUNK_CHARS, chunk_overlap=BASELINE_OVERLAP_CHARS)
    began, began_cpu = time.perf_counter(), time.process_time()
    documents = [
        Document(page_content=load_document(path).text, metadata={"source": str(path)})
        for path in iter_notice_files([corpus])
    ]
    pieces = splitter.split_documents(documents)
    Chroma.from_documents(pieces, embedding=embeddings, client=client, collection_name="baseline")
    wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    return Throughput(sum(len(d.page_content) for d in documents), len(pieces), wall, cpu)
