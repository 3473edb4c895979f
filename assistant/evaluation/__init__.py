"""Evaluation against gold sets: retrieval, answers, notice records and metadata, and the baseline.

Library code only: each function returns data (a report dict or a table as text); the CLI
(`assistant eval`) reads the arguments and prints.
"""
