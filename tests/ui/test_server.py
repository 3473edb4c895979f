"""`assistant serve` through gradio_client: ask and read sources, login, and 20 concurrent sessions.

The server runs in a subprocess on a temp home with the fake embedder (set
ASSISTANT_TEST_EMBED_MODEL, and ASSISTANT_MODEL_DIR, to measure with a real one).
"""

from __future__ import annotations

import re
import statistics
import threading
import time

import pytest

from tests.conftest import FIXTURE_NOTICES
from tests.ui.conftest import ServedCli

pytestmark = pytest.mark.integration

UNITS = ("东湖高新产业园", "青禾市云岭区", "青禾市云岭区柳林街道")
TOPICS = {
    "东湖高新产业园": ["清退了多少通讯补助?", "补录了多少固定资产?", "收回多付工程款多少?", "召开党工委会议几次研究整改?",
                "巡察反馈了多少个问题?", "滞后项目复工了吗?", "修订了什么招投标办法?"],
    "青禾市云岭区": ["清退违规发放津补贴多少?", "公务用车管理办法修订了吗?", "补充完善干部档案材料多少份?",
               "选派第一书记几名?", "移交问题线索办结了几件?", "挽回经济损失多少?", "新制定制度多少项?"],
    "青禾市云岭区柳林街道": ["信访件办结了几件?", "社区服务经费审计了吗?", "“三重一大”决策制度修订了吗?",
                   "对几名工作人员通报批评?", "建立健全制度几项?", "整改方案叫什么?"],
}
FOLLOW_UP = "巡察意见是什么时候反馈的?"
FEEDBACK_DATES = {"东湖高新产业园": "2022年6月9日", "青禾市云岭区": "2023年12月15日", "青禾市云岭区柳林街道": "2023年7月12日"}


def cited_units(sources_html: str) -> set[str]:
    return set(re.findall(r'<span class="src-unit">([^<]+)</span>', sources_html))


def reply_text(chat: list[dict]) -> str:
    content = chat[-1]["content"]
    return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    server = ServedCli(tmp_path_factory.mktemp("serve") / "home", ingest=FIXTURE_NOTICES)
    yield server.url
    server.stop()


def test_client_asks_and_reads_the_cited_sources(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    chat, sources, status, box, hint = client.predict("东湖高新产业园清退了多少通讯补助?", [], api_name="/ask")
    assert "3.2万元" in reply_text(chat) and box == "" and hint == ""
    assert cited_units(sources) == {"东湖高新产业园"} and "<mark>" in sources
    assert "抽取式" in status
    chat, sources, *_ = client.predict(FOLLOW_UP, [], api_name="/ask")  # same session: a follow-up
    assert FEEDBACK_DATES["东湖高新产业园"] in reply_text(chat) and cited_units(sources) == {"东湖高新产业园"}
    assert len(chat) == 4


def test_unit_filter_through_the_api(app_url):
    from gradio_client import Client

    chat, sources, *_ = Client(app_url, verbose=False).predict(FOLLOW_UP, ["青禾市云岭区"], api_name="/ask")
    assert cited_units(sources) == {"青禾市云岭区"} and FEEDBACK_DATES["青禾市云岭区"] in reply_text(chat)


def test_empty_question_through_the_api_gets_the_message(app_url):
    from gradio_client import Client

    *_, hint = Client(app_url, verbose=False).predict("  ", [], api_name="/ask")
    assert hint == "请输入问题。"


def test_twenty_concurrent_sessions_each_keep_their_own_history(app_url):
    from gradio_client import Client

    plans = [(unit, topic) for unit in UNITS for topic in TOPICS[unit]][:20]
    assert len({unit + topic for unit, topic in plans}) == 20
    clients = [Client(app_url, verbose=False) for _ in plans]
    latencies: list[float] = []
    failures: list[str] = []
    start = threading.Barrier(len(plans))
    lock = threading.Lock()

    def session(client, unit: str, topic: str) -> None:
        start.wait()
        try:
            for question, expect in ((unit + topic, None), (FOLLOW_UP, FEEDBACK_DATES[unit])):
                began = time.perf_counter()
                chat, sources, *_ = client.predict(question, [], api_name="/ask")
                with lock:
                    latencies.append(time.perf_counter() - began)
                text = reply_text(chat)
                if cited_units(sources) != {unit} or unit not in text or (expect and expect not in text):
                    failures.append(f"{question!r} for {unit}: cited {cited_units(sources)}: {text[:80]}")
        except Exception as error:  # report every session, not just the first to fail
            failures.append(f"{unit}{topic}: {error!r}")

    began = time.perf_counter()
    threads = [threading.Thread(target=session, args=(c, u, t)) for c, (u, t) in zip(clients, plans)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    wall = time.perf_counter() - began
    assert not failures, failures
    assert len(latencies) == 40
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"\n20 concurrent sessions, 40 answers (extractive answerer, answering 4 at once): "
        f"p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s, wall {wall:.1f} s"
    )


def test_login_is_required_when_auth_is_set(tmp_path):
    import httpx
    from gradio_client import Client

    server = ServedCli(tmp_path / "home", {"ASSISTANT_AUTH": "alice:s3cret,bob:pw2"}, ingest=FIXTURE_NOTICES)
    try:
        assert "login required" in server.log()
        assert httpx.get(f"{server.url}/config").status_code in (401, 403)
        with pytest.raises(Exception):
            Client(server.url, verbose=False, auth=("alice", "wrong"))
        chat, *_ = Client(server.url, verbose=False, auth=("bob", "pw2")).predict(
            "柳林街道信访件办结了几件?", [], api_name="/ask"
        )
        assert "已办结8件" in reply_text(chat)
    finally:
        server.stop()


def test_serve_binds_loopback_only_by_default(app_url):
    port = int(app_url.rsplit(":", 1)[1])
    listening = listening_addresses(port)
    assert listening and all(address.startswith("127.") for address in listening)


def listening_addresses(port: int) -> list[str]:
    """Local IPv4 addresses with a socket listening on the port (Linux /proc/net/tcp)."""
    import ipaddress
    from pathlib import Path

    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            found.append(str(ipaddress.IPv4Address(bytes.fromhex(address)[::-1])))
    return found
