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
