"""Compare extracted notice metadata with the hand-written gold (eval/units.json), field by field.

Comparison rules (gold values are written for people, so some carry notes):
- The gold's main value is the part before the first "(" or "(": "区委第一巡察组(云溪区委)" -> "区委第一巡察组".
- unit, inspecting_body, inspection_kind, inspection_period: extracted value == main value.
- feedback_date: equal, or the notice wrote the date without its year and the gold adds it
  (got "7月27日" matches gold "2018年7月27日"): the gold main value ends with the yearless value.
- publish_date: a null gold means the extracted value must be None. Otherwise the main value may
  list several dates with labels ("网页发布日期2021-06-28 16:53;落款2021年6月25日"): it is split
  on ";"/";", labels before the first digit are dropped, and the first part holding a date is the
  expected value. Both sides are compared with spaces removed.
- aliases: right when the extracted list holds every gold alias_in_text that names the unit;
  self-references (我单位, 我街道, 我区, 全区, 本单位, 该区 …) are not names and are skipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assistant.evaluation.stats import field_accuracy
from index.documents import NoticeMetadata, SourcedValue
from index.loaders import load_document
from index.metadata import extract_notice_metadata
from index.units import SELF_REFERENCE

FIELDS = (
    "unit", "aliases", "inspecting_body", "inspection_kind", "inspection_period", "feedback_date", "publish_date",
)
YEARLESS_DATE = re.compile(r"^\d{1,2}月\d{1,2}日$")


def compare_metadata_with_gold(corpus_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Extract metadata for every notice the gold describes and score each gold field."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rows = []
    for doc, gold_entry in sorted(gold.items()):
        text = load_document(Path(corpus_dir) / doc).text  # as ingest reads it
        metadata = extract_notice_metadata(text, doc)
        rows.extend(compare_notice(doc, metadata, gold_entry))
    return {**field_accuracy(rows), "rows": rows}


def compare_notice(doc: str, metadata: NoticeMetadata, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per gold field of one notice: gold value, extracted value, and whether they agree."""
    rows = []
    for field in FIELDS:
        if field not in gold and not (field == "aliases" and "aliases_in_text" in gold):
            continue
        if field == "aliases":
            expected = [a for a in gold.get("aliases_in_text", []) if not SELF_REFERENCE.fullmatch(a)]
            got: Any = metadata.aliases
            ok = all(alias in got for alias in expected)
        else:
            expected = _gold_value(gold[field])
            got = _extracted_value(getattr(metadata, field))
            ok = field_matches(field, expected, got)
        rows.append({"doc": doc, "field": field, "gold": expected, "got": got, "ok": ok})
    return rows


def field_matches(field: str, gold: str | None, got: str | None) -> bool:
    """Whether an extracted value agrees with a gold value under the rules in the module docstring."""
    if gold is None:
        return not got
    if not got:
        return False
    main = main_value(gold)
    if field == "publish_date":
        return _compact(got) == _compact(expected_publish_date(main))
    if field == "feedback_date" and YEARLESS_DATE.match(_compact(got)):
        return _compact(main).endswith(_compact(got))
    return _compact(got) == _compact(main)


def main_value(gold: str) -> str:
    """The gold value without its explanation in parentheses."""
    return re.split(r"[((]", gold, maxsplit=1)[0].strip()


def expected_publish_date(main: str) -> str:
    """The first dated part of a gold publish_date that may list web date and signature date."""
    for part in re.split(r"[;;]", main):
        digit = re.search(r"\d", part)
        if digit:
            return part[digit.start():].strip()
    return main


def _gold_value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("value")
    return value if value is None else str(value)


def _extracted_value(value: str | SourcedValue | None) -> str | None:
    if isinstance(value, SourcedValue):
        return value.value
    return value or None


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value)


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the comparison, one line per field, then the accuracy."""
    lines = [f"{'doc':<28} {'field':<18} ok  gold | got"]
    for row in result["rows"]:
        mark = "yes" if row["ok"] else "NO "
        lines.append(f"{row['doc']:<28} {row['field']:<18} {mark} {row['gold']} | {row['got']}")
    lines.append(f"accuracy {result['correct']}/{result['fields']} = {result['accuracy']:.3f}")
    return "\n".join(lines)

