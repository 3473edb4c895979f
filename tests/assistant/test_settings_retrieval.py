"""Retrieval knobs live in the one Settings object and can be set from the environment or TOML."""

from __future__ import annotations

from assistant.settings import load_settings


def test_a_retrieval_knob_is_set_from_a_nested_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__MIN_COVERAGE", "0.25")
    settings = load_settings(home=tmp_path)
    assert settings.retrieval.min_coverage == 0.25
    assert settings.describe()["ASSISTANT_RETRIEVAL__MIN_COVERAGE"] == 0.25


def test_a_retrieval_knob_is_set_from_the_toml_file(monkeypatch, tmp_path):
    config = tmp_path / "assistant.toml"
    config.write_text("[retrieval]\nrelative_coverage = 0.75\n", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    monkeypatch.delenv("ASSISTANT_RETRIEVAL__RELATIVE_COVERAGE", raising=False)
    assert load_settings(home=tmp_path).retrieval.relative_coverage == 0.75
