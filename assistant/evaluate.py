"""Retrieval evaluation on a gold question set, against a plain LangChain top-k baseline.

Metrics (per kind and overall):
- recall@k: share of gold source quotes found in the retrieved chunks; a quote counts when one
  chunk's span covers at least 80% of it. For questions across units the product's own result
  (up to k chunks per qualifying unit) counts.
- mrr: 1 / rank of the first chunk holding a gold quote (0 when none does).
- unit_coverage (aggregate_across_units items): share of the gold units (the notices the gold
  sources come from) that have at least one chunk in the results.
- p50_ms / p95_ms: retrieval latency, query embedding included.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.followup import condense_with_rules
from assistant.settings import Settings
from assistant.workspace import Workspace
from index.loaders import iter_notice_files, load_document

QUOTE_COVERAGE = 0.8
AGGREGATE = "aggregate_across_units"


@dataclass(frozen=True)
class GoldQuote:
    doc: str  # file name of the notice
    start: int
    end: int


@dataclass
class GoldItem:
    id: str
    kind: str
    question: str
    history: list[dict]
    quotes: list[GoldQuote]
    must_mention: list[str]
    raw: dict[str, Any]

    @property
    def gold_docs(self) -> set[str]:
        return {q.doc for q in self.quotes}


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk as the metrics see it: which file and which characters."""

    doc: str
    start: int
    end: int


@dataclass
class ItemScore:
    kind: str
    quotes_found: int = 0
    quotes_total: int = 0
    reciprocal_rank: float = 0.0
    units_found: int = 0
    units_total: int = 0
    ms: float = 0.0
    scored: bool = True


def load_gold_set(set_path: Path, corpus_dir: Path) -> list[GoldItem]:
    """Gold items with each quote located in its notice (as the loader reads it)."""
    texts = {p.name: load_document(p).text for p in iter_notice_files([corpus_dir])}
    items = []
    for line_number, line in enumerate(Path(set_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        quotes = []
        for source in raw.get("sources", []):
            text = texts.get(source["doc"])
            if text is None:
                raise ValueError(f"{set_path}:{line_number}: source doc {source['doc']} is not in {corpus_dir}")
            start = text.find(source["quote"]) if source["quote"].strip() else -1
            if start < 0:
                raise ValueError(
                    f"{set_path}:{line_number}: quote not found verbatim (or empty) in {source['doc']}; fix the gold item"
                )
            quotes.append(GoldQuote(source["doc"], start, start + len(source["quote"])))
        items.append(
            GoldItem(
                id=raw["id"],
                kind=raw["kind"],
                question=raw["question"],
                history=raw.get("history", []),
                quotes=quotes,
                must_mention=raw.get("must_mention", []),
                raw=raw,
            )
        )
    return items


def quote_covered(quote: GoldQuote, hit: Hit) -> bool:
    if hit.doc != quote.doc:
        return False
    overlap = min(quote.end, hit.end) - max(quote.start, hit.start)
    return overlap >= QUOTE_COVERAGE * (quote.end - quote.start)


def score_item(item: GoldItem, hits: list[Hit], ms: float) -> ItemScore:
    """recall, reciprocal rank and unit coverage of one item's retrieved chunks."""
    score = ItemScore(kind=item.kind, ms=ms, scored=bool(item.quotes))
    if not item.quotes:
        return score
    score.quotes_total = len(item.quotes)
    score.quotes_found = sum(any(quote_covered(q, h) for h in hits) for q in item.quotes)
    for rank, hit in enumerate(hits, start=1):
        if any(quote_covered(q, hit) for q in item.quotes):
            score.reciprocal_rank = 1.0 / rank
            break
    if item.kind == AGGREGATE:
        found_docs = {h.doc for h in hits}
        score.units_total = len(item.gold_docs)
        score.units_found = len(item.gold_docs & found_docs)
    return score


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summarise(scores: list[ItemScore]) -> dict[str, Any]:
    """The metrics over a list of item scores."""
    scored = [s for s in scores if s.scored]
    aggregate = [s for s in scored if s.units_total]
    latencies = [s.ms for s in scores]
    return {
        "recall@k": _ratio(sum(s.quotes_found for s in scored), sum(s.quotes_total for s in scored)),
        "mrr": round(statistics.fmean([s.reciprocal_rank for s in scored]), 4) if scored else None,
        "unit_coverage": _ratio(sum(s.units_found for s in aggregate), sum(s.units_total for s in aggregate)),
        "p50_ms": round(percentile(latencies, 0.5), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "n": len(scores),
    }


def summarise_by_kind(scores: list[ItemScore]) -> dict[str, Any]:
    summary = summarise(scores)
    groups: dict[str, list[ItemScore]] = defaultdict(list)
    for score in scores:
        groups[score.kind].append(score)
    summary["by_kind"] = {kind: summarise(group) for kind, group in sorted(groups.items())}
    return summary


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# --- running the product and the baseline ----------------------------------------------------


def corpus_fingerprint(corpus_dir: Path, settings: Settings) -> str:
    """Hash of the corpus files, the embedding setting and the index code: same hash, same index."""
    digest = hashlib.sha256()
    for path in sorted(iter_notice_files([corpus_dir])):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # embed_int8: the int8 and fp32 encoders share a model id, but an eval compares them, so each gets its index.
    digest.update(
        f"{settings.embed_model}|{settings.embed_int8}|{settings.chunk_tokens}|{settings.chunk_overlap_sentences}".encode()
    )
    index_code = Path(__file__).resolve().parent.parent / "index"
    for source in sorted(index_code.rglob("*")):
        if source.suffix in {".py", ".txt"}:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def eval_home(corpus_dir: Path, settings: Settings) -> Path:
    return Path(tempfile.gettempdir()) / "assistant-eval" / corpus_fingerprint(corpus_dir, settings)


def open_eval_workspace(
    corpus_dir: Path, settings: Settings, embeddings: Embeddings | None = None, progress=None
) -> Workspace:
    """A workspace over corpus_dir in a temporary home, reused while the corpus and code are unchanged."""
    home = eval_home(corpus_dir, settings)
    # The prepared model is shared with the user's home instead of being rebuilt per corpus.
    eval_settings = settings.model_copy(
        update={"home": home, "chroma_url": "", "model_dir": settings.models_dir}
    )
    workspace = Workspace(eval_settings, embeddings=embeddings)
    report = workspace.ingestor.ingest_paths([corpus_dir], progress)
    if report.failed:
        raise ValueError(f"corpus {corpus_dir}: {len(report.failed)} file(s) failed: {report.failed[0]}")
    return workspace


def product_hits(workspace: Workspace, item: GoldItem, k: int) -> tuple[list[Hit], float]:
    """Retrieve with the product's retriever (follow-ups condensed by the rules first)."""
    retriever = workspace.retriever
    began = time.perf_counter()
    question = condense_with_rules(item.history, item.question, retriever.directory)
    result = retriever.retrieve(question, k=k)
    ms = (time.perf_counter() - began) * 1000
    file_of = {row.notice_id: row.file_name for row in workspace.catalog.notices()}
    hits = [Hit(file_of[d.metadata["notice_id"]], d.metadata["start"], d.metadata["end"]) for d in result.documents]
    return hits, ms


@dataclass
class Baseline:
    """The plain LangChain pipeline: RecursiveCharacterTextSplitter 500/50, Chroma top-4."""

    search: Callable[[str], list[Hit]]


def build_baseline(corpus_dir: Path, embeddings: Embeddings) -> Baseline:
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


def run_retrieval_eval(
    workspace: Workspace, items: Iterable[GoldItem], k: int, baseline: Baseline | None = None
) -> dict[str, Any]:
    """The JSON report: {"retrieval": {...}, "baseline": {...} when a baseline is given}."""
    items = list(items)
    # Load the model and the indexes first, so the first question's latency is not a load time.
    workspace.retriever.retrieve("巡察整改情况")
    product_scores = []
    for item in items:
        hits, ms = product_hits(workspace, item, k)
        product_scores.append(score_item(item, hits, ms))
    report: dict[str, Any] = {"retrieval": summarise_by_kind(product_scores)}
    if baseline is not None:
        baseline_scores = []
        for item in items:
            question = item.question
            if item.history:  # the plain pipeline sees the same standalone question
                question = condense_with_rules(item.history, item.question, workspace.retriever.directory)
            began = time.perf_counter()
            hits = baseline.search(question)
            baseline_scores.append(score_item(item, hits, (time.perf_counter() - began) * 1000))
        report["baseline"] = summarise_by_kind(baseline_scores)
    return report


RETRIEVAL_COLUMNS = ["recall@k", "mrr", "unit_coverage", "p50_ms", "p95_ms", "n"]
ANSWER_COLUMNS = ["must_mention", "citations_verbatim", "source_hit", "abstention", "false_abstention", "p50_ms", "n"]


def format_report(report: dict[str, Any]) -> str:
    """Side-by-side table of the product and the baseline, per kind."""
    lines = []
    for name, block in report.items():
        if not isinstance(block, dict) or "by_kind" not in block:
            continue
        columns = ANSWER_COLUMNS if name == "answers" else RETRIEVAL_COLUMNS
        lines.append(f"== {name}")
        lines.append(f"{'kind':28}" + "".join(f"{c:>19}" for c in columns))
        rows = [("overall", block)] + list(block["by_kind"].items())
        for kind, metrics in rows:
            lines.append(f"{kind:28}" + "".join(f"{_cell(metrics.get(c)):>19}" for c in columns))
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
