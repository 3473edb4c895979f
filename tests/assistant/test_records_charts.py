"""Bars per unit for the records tab: values as the computed comparisons compute them, each with its quotes."""

from __future__ import annotations

from pathlib import Path

from assistant.records_charts import records_charts
from index.catalog import NoticeRow
from index.documents import notice_id_for
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "computed"


class FixtureCatalog:
    """The fictional computed-comparison notices as a catalogue: notices(), records(), notice_text()."""

    def __init__(self) -> None:
        self.rows, self.stored, self.texts = [], {}, {}
        for path in sorted(FIXTURES.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            notice_id = notice_id_for(text)
            metadata = extract_notice_metadata(text, path.name)
            self.rows.append(NoticeRow(notice_id, str(path), path.name, metadata.title, metadata.unit, metadata, 1, "ready", 0.0))
            self.stored[notice_id] = extract_notice_record(notice_id, text, metadata.unit).to_dict()
            self.texts[notice_id] = text

    def notices(self):
        return self.rows

    def records(self):
        return self.stored

    def notice_text(self, notice_id):
        return self.texts.get(notice_id)


def test_each_chart_has_a_bar_per_stating_unit_largest_first_and_names_the_silent_ones():
    catalog = FixtureCatalog()
    charts = {chart.key: chart for chart in records_charts(catalog, ["青禾市石桥区", "青禾市桃源县", "青禾市枫林镇"])}
    loss = charts["money_loss"]
    assert [(bar.unit, bar.shown) for bar in loss.bars] == [
        ("青禾市石桥区", "10500万元"), ("青禾市桃源县", "80万元"), ("青禾市枫林镇", "12.5万元")]
    share = charts["rectified_share"]
    assert [(bar.unit, bar.shown) for bar in share.bars] == [
        ("青禾市枫林镇", "100%"), ("青禾市石桥区", "90%"), ("青禾市桃源县", "87.5%")]
    assert share.bars[2].calculations == ("40÷48=83.3%", "42÷48=87.5%")  # both statements kept
    assert charts["money_clawback"].silent == ["青禾市石桥区", "青禾市枫林镇"]
    assert "rules_revised" not in charts  # no unit states it: no empty chart
    for chart in charts.values():
        for bar in chart.bars:
            assert bar.sources
            for citation in bar.sources:
                assert catalog.notice_text(citation.notice_id)[citation.start : citation.end] == citation.quote
