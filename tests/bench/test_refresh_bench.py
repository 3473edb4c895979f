"""The refresh benchmark: a library refreshed right after its ingest changes nothing and embeds nothing."""

from __future__ import annotations

from pathlib import Path

from bench.refresh_bench import run_refresh_bench

FIXTURE_NOTICES = Path(__file__).resolve().parents[1] / "fixtures" / "notices"


def test_a_refresh_right_after_an_ingest_updates_and_embeds_nothing(settings):
    result = run_refresh_bench([FIXTURE_NOTICES], settings)

    assert (result.notices, result.refreshed_updated, result.refreshed_reembedded) == (3, 0, 0)
    assert result.chunks > 0 and result.ingest_s > 0
    assert "refresh/ingest" in result.line()
