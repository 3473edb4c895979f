"""Login throttling: a few typos are free, then each wrong password from an address waits longer."""

from __future__ import annotations

import pytest

from ui.login_throttle import LoginThrottle, LoginThrottleMiddleware


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def throttle(clock: Clock) -> LoginThrottle:
    return LoginThrottle(free_failures=3, base_delay_s=2.0, max_delay_s=10.0, forget_after_s=600.0, clock=clock)


def test_free_failures_then_doubling_waits_up_to_the_cap():
    clock = Clock()
    limits = throttle(clock)
    for _ in range(3):
        assert limits.wait_seconds("10.0.0.1") == 0
        limits.failed("10.0.0.1")
    assert limits.wait_seconds("10.0.0.1") == 0  # three typos cost nothing
    waits = []
    for _ in range(4):
        limits.failed("10.0.0.1")
        waits.append(limits.wait_seconds("10.0.0.1"))
        clock.now += waits[-1]
    assert waits == [2.0, 4.0, 8.0, 10.0]
    assert limits.wait_seconds("10.0.0.2") == 0  # another address is not affected


def test_success_or_a_quiet_spell_forgets_the_failures():
    clock = Clock()
    limits = throttle(clock)
    for _ in range(4):
        limits.failed("a")
    assert limits.wait_seconds("a") == 2.0
    clock.now += 2
    limits.succeeded("a")
    limits.failed("a")
    assert limits.wait_seconds("a") == 0
    for _ in range(4):
        limits.failed("b")
    clock.now += 601
    limits.failed("b")  # counted afresh after the quiet spell
    assert limits.wait_seconds("b") == 0


def login_app(limits: LoginThrottle):
    """A stand-in for Gradio's POST /login (password 'right'), wrapped in the middleware."""
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def login(request):
        form = await request.form()
        if form.get("password") == "right":
            return JSONResponse({"success": True})
        return JSONResponse({"detail": "Incorrect credentials."}, status_code=400)

    return LoginThrottleMiddleware(Starlette(routes=[Route("/login", login, methods=["POST"])]), limits)


def test_the_attempt_after_the_free_ones_gets_429_with_retry_after():
    from starlette.testclient import TestClient

    clock = Clock()
    client = TestClient(login_app(throttle(clock)))
    statuses = [client.post("/login", data={"username": "u", "password": "wrong"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 400]  # the fourth failure starts a 2 s wait
    refused = client.post("/login", data={"username": "u", "password": "right"})
    assert refused.status_code == 429 and refused.headers["retry-after"] == "2"
    assert "请 2 秒后再试" in refused.json()["detail"]
    clock.now += 2
    assert client.post("/login", data={"username": "u", "password": "right"}).status_code == 200


@pytest.mark.integration
def test_gradio_login_is_throttled(served_workspace):
    import httpx

    from tests.ui.conftest import start_ui

    demo, url = start_ui(served_workspace, auth="alice:right", login_free_failures=2, login_base_delay_s=60.0)
    try:
        wrong = {"username": "alice", "password": "wrong"}
        assert [httpx.post(f"{url}/login", data=wrong).status_code for _ in range(3)] == [400, 400, 400]
        refused = httpx.post(f"{url}/login", data={"username": "alice", "password": "right"})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 50
    finally:
        demo.close()
        served_workspace.settings = served_workspace.settings.model_copy(update={"auth": ""})
