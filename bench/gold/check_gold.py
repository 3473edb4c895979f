"""Validate a gold question file (dev.jsonl format plus "class") against its corpus folder.

Usage: python bench/gold/check_gold.py --corpus DIR --set FILE [--units UNITS.json] [--prefix fd-]
Several --set files may be given; ids and questions must then be unique across all of them.
Exit status 1 on any error; each error is one line naming the file, line, id and the problem.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KINDS = {"single_fact", "number", "aggregate_across_units", "compare_units", "date",
         "who_what", "not_in_corpus", "multi_turn_followup"}
CLASSES = {"followup_switch", "followup_reference", "compare_words", "compare_computed", "unknown_unit",
           "house_style", "single_unit_which", "abstain_pair", "measures_count", "which_units",
           "which_figures"}
REQUIRED = {"id": str, "question": str, "question_en": str, "kind": str, "answer": str, "answer_en": str,
            "must_mention": list, "sources": list, "unit": str, "class": str}
QUOTE_LEN = (10, 120)


def load_unit_names(path: Path | None) -> set[str]:
    """Unit names and aliases from a units.json-style file (doc -> {unit, aliases_in_text, other_short_names})."""
    if path is None:
        return set()
    names: set[str] = set()
    for entry in json.loads(path.read_text(encoding="utf-8")).values():
        names.add(entry.get("unit", ""))
        names.update(entry.get("aliases_in_text", []))
        names.update(entry.get("other_short_names", []))
    names.discard("")
    return names


def check_item(d: dict, corpus: dict[str, str], unit_names: set[str]) -> list[str]:
    """Return the problems of one gold item."""
    errs = []
    for key, typ in REQUIRED.items():
        if not isinstance(d.get(key), typ):
            errs.append(f"field {key} missing or not {typ.__name__}")
    if errs:
        return errs
    if d["kind"] not in KINDS:
        errs.append(f"bad kind {d['kind']!r}")
    if d["class"] not in CLASSES:
        errs.append(f"bad class {d['class']!r}")
    quotes = []
    for s in d["sources"]:
        doc, quote = (s.get("doc"), s.get("quote")) if isinstance(s, dict) else (None, None)
        if doc not in corpus:
            errs.append(f"unknown doc {doc!r}")
        elif not isinstance(quote, str) or quote not in corpus[doc]:
            errs.append(f"quote not verbatim in {doc}: {quote!r}")
        elif not QUOTE_LEN[0] <= len(quote) <= QUOTE_LEN[1]:
            errs.append(f"quote length {len(quote)} outside {QUOTE_LEN}: {quote!r}")
        else:
            quotes.append(quote)
    if d["kind"] == "not_in_corpus":
        if d["sources"] or not d["answer"].startswith("未提及"):
            errs.append("not_in_corpus needs sources [] and an answer starting with 未提及")
    elif not d["sources"] or not d["must_mention"]:
        errs.append("answerable item needs sources and must_mention")
    computed = d.get("computed", [])
    for m in d["must_mention"]:
        # A must_mention string is a cited fragment, a unit name, or a figure derived from the cited ones.
        if not (any(m in q for q in quotes) or m in d["unit"] or m in unit_names or m in computed):
            errs.append(f"must_mention {m!r} not in a cited quote, the unit, or computed")
    hist = d.get("history")
    if d["kind"] == "multi_turn_followup":
        ok = isinstance(hist, list) and hist and all(
            isinstance(t, dict) and t.get("role") in ("user", "assistant") and str(t.get("content", "")).strip()
            for t in hist)
        if not ok or hist[0]["role"] != "user" or hist[-1]["role"] != "assistant":
            errs.append("history must be user...assistant turns, ending with assistant")
    elif hist is not None:
        errs.append("history only allowed for multi_turn_followup")
    return errs


def main(argv: list[str] | None = None) -> int:
    """Check every --set file; print one line per error and a summary per file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--set", required=True, action="append", type=Path, dest="sets")
    ap.add_argument("--units", type=Path, help="units.json with unit names/aliases (optional)")
    ap.add_argument("--prefix", default="", help="every id must start with this (optional)")
    args = ap.parse_args(argv)
    corpus = {p.name: p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))}
    if not corpus:
        print(f"{args.corpus}: no .txt notices found; pass the folder the gold set was written against")
        return 1
    unit_names = load_unit_names(args.units)
    seen_ids: dict[str, str] = {}
    seen_q: dict[str, str] = {}
    n_err = 0
    for path in args.sets:
        classes: dict[str, int] = {}
        lines = path.read_text(encoding="utf-8").splitlines()
        for ln, raw in enumerate(lines, 1):
            try:
                d = json.loads(raw)
            except json.JSONDecodeError as exc:
                print(f"{path}:{ln}: bad JSON ({exc})")
                n_err += 1
                continue
            where = f"{path}:{ln} ({d.get('id')})"
            errs = check_item(d, corpus, unit_names)
            if not str(d.get("id", "")).startswith(args.prefix):
                errs.append(f"id does not start with {args.prefix!r}")
            for key, seen in (("id", seen_ids), ("question", seen_q)):
                val = str(d.get(key, "")).strip()
                if val in seen:
                    errs.append(f"{key} repeated from {seen[val]}")
                seen[val] = where
            for e in errs:
                print(f"{where}: {e}")
            n_err += len(errs)
            classes[d.get("class", "?")] = classes.get(d.get("class", "?"), 0) + 1
        print(f"{path}: {len(lines)} items; classes {dict(sorted(classes.items()))}")
    print("RESULT:", "FAIL" if n_err else "PASS", f"({n_err} errors)")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
