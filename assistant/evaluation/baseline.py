"""The baseline: a plain LangChain pipeline (RecursiveCharacterTextSplitter 500/50, Chroma top-4) over the same corpus."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.evaluation.gold import Hit
from index.loaders import iter_notice_files, load_document


@dataclass
class Baseline:
    """The plain LangChain pipeline: RecursiveCharacterTextSplitter 500/50, Chroma top-4."""

    search: Callable[[str], list[Hit]]


def build_baseline(corpus_dir: Path, embeddings: Embeddings) -> Baseline:
    """The baseline pipeline over corpus_dir, indexed in an in-memory Chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, add_start_index=True)
    documents = []
    for path in iter_notice_files([corpus_dir]):
        for doc in splitter.create_documents([load_document(path).text], metadatas=[{"doc": path.name}]):
            documents.append(doc)
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    name = f"baseline-{hashlib.sha256(str(time.time()).encode()).hexdigest()[:8]}"
    store = Chroma(collection_name=name, embedding_function=embeddings, client=client)
    store.add_documents(documents)

    def search(question: str) -> list[Hit]:
        found = store.similarity_search(question, k=4)
        return [
            Hit(d.metadata["doc"], d.metadata["start_index"], d.metadata["start_index"] + len(d.page_content))
            for d in found
        ]

    return Baseline(search=search)
