"""Notice records against gold headline figures (units.json: headline_figures).

How a gold field counts as right (one rule, applied the same way to every field):
- Gold numbers are every number written in the gold value, parenthesised asides included
  ("22个方面已整改到位,1个正在整改" -> 22, 1; money normalised to yuan, "三大方面" -> 3). Numerals
  inside fixed terms such as "八项规定" are names, not numbers, and are skipped.
- A gold value with numbers is right when every gold number equals the value of at least one
  extracted figure in that field's figure fields (FIELD_MAP; clue fields count where the gold
  annotator filed 线索/信访 counts under that field). Extra extracted figures do not make it wrong:
  records keep sub-unit and per-year figures the gold leaves out on purpose; they are listed as
  "extra" in each row for review.
- A gold value of null, or one with no number in it (the notice states no such figure), is right
  when no figure was extracted in the field's primary fields (the first entry of FIELD_MAP):
  absent means absent.
- unverified_values counts figures whose quote is not verbatim at its span or does not contain
  the figure (verify_record); it must be 0.
The notice is read and its unit extracted as ingest does (load_document, then extract_notice_metadata),
so the figures scored are the ones the product stores.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from assistant.evaluation.stats import field_accuracy
from index.documents import notice_id_for
from index.figures import find_quantities, mask_non_figures
from index.loaders import load_document
from index.metadata import extract_notice_metadata
from index.records import FIELDS, Figure, NoticeRecord, extract_notice_record, verify_record

# gold field -> (primary figure fields, extra figure fields that may hold a gold number)
FIELD_MAP: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Gold files task counts ("细化为35项具体整改任务") with the problems; records keep them as measures.
    "problems": (("problems_found",), ("measures",)),
    "rectified": (("problems_rectified", "problems_in_progress", "completion_rate"), ("clues",)),
    "money_recovered": (("money",), ()),
    "people_disciplined": (("people",), ("clues",)),
    "rules_made_revised": (("rules",), ()),
}


def gold_numbers(gold_value: str) -> list[float]:
    """Every number written in a gold value, money in yuan."""
    return [quantity.value for quantity in find_quantities(mask_non_figures(gold_value))]


def compare_record_field(
    record: NoticeRecord, gold_field: str, gold: dict[str, Any], doc: str = ""
) -> dict[str, Any]:
    """One row: doc, field, gold (value), got (figures considered; secondary ones marked), ok, reason."""
    primary, extra_fields = FIELD_MAP[gold_field]
    figures = [figure for figure in record.figures if figure.field in primary + extra_fields]
    primary_figures = [figure for figure in figures if figure.field in primary]
    gold_value = gold.get("value")
    row: dict[str, Any] = {
        "doc": doc or record.notice_id,
        "unit": record.unit,
        "field": gold_field,
        "gold": gold_value,
        "got": [_shown(figure, primary) for figure in figures],
    }
    wanted = gold_numbers(gold_value) if gold_value is not None else []
    if not wanted:
        row["ok"] = not primary_figures
        row["reason"] = "" if row["ok"] else "gold states no number, but figures were extracted"
        return row
    values = [figure.value for figure in figures]
    missing = [number for number in wanted if not any(_same(number, value) for value in values)]
    row["gold_numbers"] = wanted
    row["missing"] = missing
    row["extra"] = [
        f"{figure.label} {figure.text}"
        for figure in primary_figures
        if not any(_same(figure.value, number) for number in wanted)
    ]
    row["ok"] = not missing
    row["reason"] = "" if not missing else f"not extracted: {', '.join(f'{number:g}' for number in missing)}"
    return row


def _shown(figure: Figure, primary: tuple[str, ...]) -> str:
    """A figure as a row shows it; figures of secondary fields carry their field name."""
    shown = f"{figure.label} {figure.text}"
    return shown if figure.field in primary else f"[{figure.field}] {shown}"


def _same(left: float, right: float) -> bool:
    return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-6)


def compare_records_with_gold(corpus_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Field accuracy of extracted records against gold headline figures, plus unverified quote count."""
    gold_units = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = []
    records: list[NoticeRecord] = []
    unverified = 0
    for file_name, unit_gold in sorted(gold_units.items()):
        path = Path(corpus_dir) / file_name
        if not path.exists():
            continue
        text = load_document(path).text
        metadata = extract_notice_metadata(text, file_name)
        record = extract_notice_record(notice_id_for(text), text, metadata.unit)
        records.append(record)
        unverified += len(verify_record(record, text))
        for gold_field, gold in unit_gold.get("headline_figures", {}).items():
            if gold_field in FIELD_MAP:
                rows.append(compare_record_field(record, gold_field, gold, doc=file_name))
    return {
        **field_accuracy(rows),
        "unverified_values": unverified,
        "rows": rows,
        "records": [record.to_dict() for record in records],
    }


def records_table(records: list[NoticeRecord]) -> str:
    """A Markdown table: one row per notice, one column per figure field, values as written with labels."""
    fields = FIELDS
    lines = ["| unit | " + " | ".join(fields) + " |", "|" + "---|" * (len(fields) + 1)]
    for record in records:
        cells = []
        for field_name in fields:
            cells.append("; ".join(
                f"{figure.label} {figure.text}" + (f" ({figure.scope})" if figure.scope else "")
                for figure in record.by_field(field_name)
            ) or "—")
        lines.append(f"| {record.unit} | " + " | ".join(cells) + " |")
    return "\n".join(lines)

