"""`assistant serve` refuses a malformed login setting in one line, before loading any model."""

from __future__ import annotations

from assistant.cli import main


def test_malformed_auth_is_one_clear_line(settings, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_HOME", str(settings.home))
    monkeypatch.setenv("ASSISTANT_EMBED_MODEL", "fake")
    monkeypatch.setenv("ASSISTANT_AUTH", "alice")
    assert main(["serve", "--port", "0"]) == 1
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("error: ASSISTANT_AUTH") and "user:password" in error


def test_serve_defaults_to_loopback_and_port_7860():
    from assistant.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 7860)


def test_serving_beyond_loopback_without_login_is_refused_in_one_line(settings, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_HOME", str(settings.home))
    monkeypatch.setenv("ASSISTANT_EMBED_MODEL", "fake")
    monkeypatch.setenv("ASSISTANT_AUTH", "")
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("error: --host 0.0.0.0") and "ASSISTANT_AUTH" in lines[-1]
    assert "--open-to-anyone" in lines[-1]
    assert not any("ready:" in line for line in lines)


def test_open_to_anyone_is_an_explicit_flag_off_by_default():
    from assistant.cli import build_parser

    assert build_parser().parse_args(["serve"]).open_to_anyone is False
    assert build_parser().parse_args(["serve", "--host", "0.0.0.0", "--open-to-anyone"]).open_to_anyone is True
