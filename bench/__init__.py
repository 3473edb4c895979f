"""Benchmarks: ingest throughput against the raw model, retrieval latency on synthetic corpora."""
