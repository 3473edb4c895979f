"""Beyond loopback the server needs a login, or the operator's explicit --open-to-anyone."""

from __future__ import annotations

import pytest

from ui.exposure import ExposureRefused, check_exposure, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts_need_no_login(host):
    assert is_loopback(host)
    check_exposure(host, has_login=False, open_to_anyone=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "assistant.example"])
def test_other_hosts_without_login_are_refused_unless_open_to_anyone(host):
    assert not is_loopback(host)
    with pytest.raises(ExposureRefused, match="ASSISTANT_AUTH.*--open-to-anyone"):
        check_exposure(host, has_login=False, open_to_anyone=False)
    check_exposure(host, has_login=True, open_to_anyone=False)
    check_exposure(host, has_login=False, open_to_anyone=True)
