"""ASSISTANT_AUTH: user:password pairs inline or in a file; mistakes are explained."""

from __future__ import annotations

import pytest

from ui.auth import AuthConfigError, parse_auth


def test_no_setting_means_no_login():
    assert parse_auth("") == []


def test_inline_pairs_split_on_commas_and_passwords_may_hold_colons():
    assert parse_auth("alice:pw1, bob:a:b") == [("alice", "pw1"), ("bob", "a:b")]


def test_file_of_pairs_with_comments(tmp_path):
    path = tmp_path / "users.txt"
    path.write_text("# 登录名单\nalice:pass word,1\n\nbob:pw2\n", encoding="utf-8")
    assert parse_auth(str(path)) == [("alice", "pass word,1"), ("bob", "pw2")]


@pytest.mark.parametrize("value", ["alice", "alice:", ":pw", "/no/such/file"])
def test_malformed_values_say_how_to_write_them(value):
    with pytest.raises(AuthConfigError, match="user:password"):
        parse_auth(value)
