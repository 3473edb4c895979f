"""The page in headless Debian Chromium: ask, watch the answer stream, sources, unit filter, upload, records.

Screenshots go to test-artifacts/ui/ (look at them after a run).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.ui.conftest import UI_FIXTURES, start_ui

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UPLOAD_LIMIT_MB = 0.05  # small, so the oversized-upload check needs only a 100 KB file

# Records every text the newest bot message shows, to see the answer arrive in steps.
WATCH_REPLY = """() => {
  window.__replies = [];
  const chat = document.querySelector('#chatbot');
  new MutationObserver(() => {
    const bots = chat.querySelectorAll('[data-testid="bot"]');
    if (!bots.length) return;
    const text = bots[bots.length - 1].innerText;
    if (window.__replies[window.__replies.length - 1] !== text) window.__replies.push(text);
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture(scope="module")
def ui(served_workspace):
    demo, url = start_ui(served_workspace, ui_max_upload_mb=UPLOAD_LIMIT_MB)
    yield url, served_workspace
    demo.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, ui):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(ui[0])
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ask(page, question: str) -> str:
    """Ask through the page; returns the final reply's text once its sources are shown."""
    page.fill("#question textarea", question)
    page.click("#send")
    page.locator("#sources-panel .src-question", has_text=question).wait_for()
    return page.locator('#chatbot [data-testid="bot"]').last.inner_text()


def panel_units(page) -> set[str]:
    return set(page.locator("#sources-panel .src-unit").all_inner_texts())


def toasts(page) -> str:
    return " ".join(page.locator(".toast-body").all_inner_texts())


def choose_units(page, *units: str) -> None:
    """Set the unit filter to exactly these units."""
    if page.locator("#unit-filter .remove-all").count():
        page.click("#unit-filter .remove-all")
    for unit in units:
        page.click("#unit-filter input")
        page.get_by_role("option", name=unit, exact=True).click()
    page.keyboard.press("Escape")


def test_ask_stream_sources_filter_upload_records(page, ui):
    url, workspace = ui
    status = page.inner_text("#status-line")
    assert "抽取式" in status and "3 份通报" in status
    shot(page, "01-start")

    # 1. An answer arrives in steps, then its sources show beside it.
    page.evaluate(WATCH_REPLY)
    reply = ask(page, "东湖高新产业园清退了多少通讯补助?")
    steps = page.evaluate("window.__replies")
    assert "3.2万元" in reply
    assert any("正在检索" in step for step in steps) and len(steps) >= 4, steps
    assert panel_units(page) == {"东湖高新产业园"}
    assert "通讯补助3.2万元" in page.inner_text("#sources-panel .src-context mark")
    shot(page, "02-answer-with-sources")

    # 2. The [1] marker leads to its source; the source opens the whole notice at the quote.
    page.locator("#chatbot a.cite").first.click()
    page.wait_for_selector("#src-0-1.flash")
    page.click("#src-0-1 .src-full summary")
    full = page.locator("#src-0-1 .notice-full")
    assert full.is_visible() and "东湖高新产业园党工委关于巡察反馈意见" in full.inner_text()
    assert full.evaluate("box => box.scrollTop") > 0  # scrolled down to the highlighted quote
    shot(page, "03-source-in-whole-notice")

    # 3. The unit filter restricts the answer.
    choose_units(page, "青禾市云岭区柳林街道")
    reply = ask(page, "巡察意见是什么时候反馈的?")
    assert "2023年7月12日" in reply and panel_units(page) == {"青禾市云岭区柳林街道"}
    shot(page, "04-unit-filter")

    # 4. Upload a new notice; while it ingests (held open), a question is still answered.
    embeddings = workspace.embeddings
    embeddings.gate.clear()
    embeddings.embedding.clear()
    try:
        page.get_by_role("tab", name="通报库").click()
        page.set_input_files("#upload input[type=file]", str(UI_FIXTURES / "songshan.txt"))
        assert embeddings.embedding.wait(20)
        page.get_by_role("tab", name="问答").click()
        choose_units(page, "东湖高新产业园")
        reply = ask(page, "巡察反馈了多少个问题?")
        assert "正在导入新通报" in page.inner_text("#question-hint") and "二十三个" in reply
        shot(page, "05-answer-during-ingest")
    finally:
        embeddings.gate.set()
    page.get_by_role("tab", name="通报库").click()
    page.locator("#upload-result", has_text="新增 1 份").wait_for()
    page.locator("#library", has_text="青禾市松山镇").wait_for()  # the table lists the upload
    shot(page, "06-notices-after-upload")

    # 5. The new notice's unit is offered in the filter and answers questions.
    page.get_by_role("tab", name="问答").click()
    page.click("#new-chat")
    choose_units(page, "青禾市松山镇")  # offered in the filter now
    reply = ask(page, "松山镇追缴承包费多少?")
    assert "7.4万元" in reply and panel_units(page) == {"青禾市松山镇"}
    shot(page, "07-answer-from-uploaded-notice")

    # 6. Thumbs down is recorded; the conversation exports as Markdown with footnotes.
    page.locator('#chatbot button[aria-label="Dislike"]').last.click()
    page.locator(".toast-body", has_text="已记录反馈").wait_for()
    feedback = [json.loads(line) for line in workspace.settings.feedback_path.read_text(encoding="utf-8").splitlines()]
    assert feedback[-1]["rating"] == "down" and feedback[-1]["question"] == "松山镇追缴承包费多少?"
    page.click("#export")
    with page.expect_download() as download:
        page.locator("#export-file [data-testid=download-link]").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## 问题 1:松山镇追缴承包费多少?" in exported and "[^1-1]: 「" in exported
    shot(page, "08-feedback-and-export")

    # 7. Records: a cell's source on click, and two units side by side.
    page.get_by_role("tab", name="整改记录").click()
    page.locator("#records-table [data-row]", has_text="收回多付工程款8.9万元").first.click()
    page.locator("#cell-sources mark", has_text="收回多付工程款8.9万元").wait_for()
    shot(page, "09-records-cell-source")
    header = page.locator("#records-table th", has_text="单位").first
    header.hover()
    header.locator("button.cell-menu-button").click()
    page.get_by_text("Sort descending").click()  # sorted in the page; clicks still find their notice
    first_unit = page.locator("#records-table [data-row]").first.inner_text()
    assert first_unit == "青禾市松山镇"
    page.locator("#records-table [data-row]").nth(3).click()  # that row's 反馈时间
    page.locator("#cell-sources .src-question", has_text="青禾市松山镇 · 反馈时间").wait_for()
    assert "2023年8月15日" in page.inner_text("#cell-sources mark")
    page.click("#records-csv")
    with page.expect_download() as download:
        page.locator("#records-csv-file [data-testid=download-link]").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert csv_text.startswith("单位,") and "青禾市松山镇" in csv_text
    page.locator("#records-compare-units input").click()
    page.get_by_role("option", name="东湖高新产业园", exact=True).click()
    page.locator("#records-compare-units input").click()
    page.get_by_role("option", name="青禾市松山镇", exact=True).click()
    page.keyboard.press("Escape")
    page.click("#records-compare")
    page.locator("#records-compare-table", has_text="2023年8月15日").wait_for()
    assert "2022年6月9日" in page.inner_text("#records-compare-table")
    shot(page, "10-records-compare")


def test_bad_input_gets_clear_messages(page, ui, tmp_path):
    page.click("#send")  # empty question
    page.locator(".toast-body", has_text="请输入问题").wait_for()
    page.fill("#question textarea", "巡" * 10_000)
    page.click("#send")
    page.locator(".toast-body", has_text="问题过长(10000字)").wait_for()
    assert page.locator('#chatbot [data-testid="bot"]').count() == 0  # nothing was sent
    assert len(page.input_value("#question textarea")) == 10_000  # kept, to shorten it
    shot(page, "11-bad-questions")

    page.get_by_role("tab", name="通报库").click()
    binary = tmp_path / "扫描件.txt"
    binary.write_bytes(os.urandom(4000))
    page.set_input_files("#upload input[type=file]", str(binary))
    page.locator("#upload-result", has_text="扫描件.txt").wait_for()
    result = page.inner_text("#upload-result")
    assert "失败 1 份" in result and "二进制" in result and "请确认选对了文件" in result  # in Chinese, what to do
    oversized = tmp_path / "太大的通报.txt"
    oversized.write_bytes("巡察整改".encode() * 10_000)  # 120 KB, over the 0.05 MB limit
    page.set_input_files("#upload input[type=file]", str(oversized))
    page.locator(".toast-body", has_text="exceed the maximum allowed size").wait_for()
    shot(page, "12-bad-uploads")
    page.get_by_role("tab", name="问答").click()
    assert "3.2万元" in ask(page, "东湖高新产业园清退了多少通讯补助?")  # still answering


def test_removal_and_ingest_elsewhere_refresh_the_table_and_the_unit_filter(page, ui):
    from playwright.sync_api import expect

    url, workspace = ui
    if not any(row.unit == "青禾市松山镇" for row in workspace.catalog.notices()):
        assert workspace.ingestor.ingest_paths([UI_FIXTURES / "songshan.txt"]).ok
        page.reload()
    page.get_by_role("tab", name="通报库").click()
    page.locator("#library", has_text="青禾市松山镇").wait_for()
    page.locator("#notices-remove-choice input").click()
    page.get_by_role("option").filter(has_text="青禾市松山镇").first.click()
    page.click("#notices-remove")
    page.locator("#remove-result", has_text="已删除:青禾市松山镇").wait_for()
    expect(page.locator("#library")).not_to_contain_text("青禾市松山镇")
    page.get_by_role("tab", name="问答").click()
    page.click("#unit-filter input")
    page.get_by_role("option", name="东湖高新产业园", exact=True).wait_for()
    assert page.get_by_role("option", name="青禾市松山镇", exact=True).count() == 0  # no longer offered
    page.keyboard.press("Escape")

    # Ingested by someone else (as the CLI would): a page opened now lists it and offers its unit.
    assert workspace.ingestor.ingest_paths([UI_FIXTURES / "songshan.txt"]).ok
    page.reload()
    page.get_by_role("tab", name="通报库").click()
    page.locator("#library", has_text="青禾市松山镇").wait_for()
    page.get_by_role("tab", name="问答").click()
    choose_units(page, "青禾市松山镇")
    shot(page, "13-filter-after-ingest-elsewhere")


class HostileChain:
    """An answerer whose reply carries links, an image and a raw URL, as a careless LLM or a notice might."""

    answerer_name = "extractive"
    TEXT = (
        "整改情况见[官网](http://evil.example/phish)。![图](http://evil.example/pixel.png)"
        "另见 http://evil.example/raw 与 <img src=http://evil.example/x.png>。已办结8件[1]。"
    )

    def stream(self, question, history=(), units=None, k=5):
        from assistant.answer import Answer, Citation

        quote = "已办结8件"
        citation = Citation(1, "nid", "柳林街道整改通报", "青禾市云岭区柳林街道", "二、整改", quote, 0, len(quote), False)
        yield Answer(question, question, self.TEXT, [citation], "extractive", notice="详见[说明](http://evil.example/n)")


@pytest.fixture
def hostile_page(browser, served_workspace):
    from tests.ui.conftest import free_port
    from ui.app import build_app, launch_app

    demo = build_app(served_workspace, chain=HostileChain())
    launch_app(demo, served_workspace.settings, "127.0.0.1", free_port(), prevent_thread_lock=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    fetched: list[str] = []

    def block_evil(route):
        if "evil" in route.request.url:
            fetched.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", block_evil)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"http://127.0.0.1:{demo.server_port}")
    page.wait_for_selector("#question textarea")
    yield page, fetched
    context.close()
    demo.close()


def test_links_and_images_in_an_answer_are_shown_as_text_and_never_fetched(hostile_page):
    page, fetched = hostile_page
    page.fill("#question textarea", "柳林街道信访件办结了几件?")
    page.click("#send")
    reply = page.locator('#chatbot [data-testid="bot"]').last
    reply.locator("a.cite").first.wait_for()
    text = reply.inner_text()
    assert "[官网](http://evil.example/phish)" in text and "![图](http://evil.example/pixel.png)" in text
    assert "<img src=http://evil.example/x.png>" in text and "[说明](http://evil.example/n)" in text
    assert reply.locator("img").count() == 0
    hrefs = reply.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs and all(href.startswith("#src-") for href in hrefs)  # only our own citation links
    assert fetched == []
    shot(page, "14-hostile-answer-as-text")


def test_computed_comparison_table_and_records_charts(page):
    # A computed comparison: conclusion, a table with the computation, markers leading to the inputs.
    reply = ask(page, "东湖高新产业园和云岭区哪个巡察时间更长?长多少天?")
    assert reply.splitlines()[0] == "青禾市云岭区巡察历时68天(首尾都算;相隔67天),比东湖高新产业园(59天)多9天。"
    table = page.locator('#chatbot [data-testid="bot"] table').last
    assert "首尾两天都算:68天" in table.inner_text() and "首尾两天都算:59天" in table.inner_text()
    table.locator("a.cite").first.click()
    page.wait_for_selector("#sources-panel .src.flash")
    assert "2023年9月4日至11月10日" in page.inner_text("#sources-panel .src.flash mark")
    shot(page, "13-computed-comparison")

    # The records tab's charts: a bar per unit, its tooltip quotes the notice, a click shows its source.
    page.get_by_role("tab", name="整改记录").click()
    bars = page.locator("#records-charts #chart-inspection_days a.chart-bar")
    bars.first.wait_for()
    assert bars.count() >= 3
    assert bars.first.get_attribute("data-unit") == "青禾市云岭区"
    tooltip = bars.first.locator("title").text_content()
    assert tooltip.startswith("青禾市云岭区:68天") and "「" in tooltip
    bars.first.click()
    source = page.locator("#chart-inspection_days-0.flash")
    source.wait_for()
    assert "2023年9月4日至11月10日" in source.locator("mark").first.inner_text()
    page.locator("#records-charts").screenshot(path=str(ARTIFACTS / "14-records-charts.png"))
