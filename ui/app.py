"""The Gradio app: page layout, event wiring, and launching it with the settings' limits."""

from __future__ import annotations

import logging

from assistant.workspace import quiet_third_party_telemetry

quiet_third_party_telemetry()  # before gradio is imported: analytics off

import gradio as gr  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from assistant.chain import AnswerChain, make_chain  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ui.actions import UiActions  # noqa: E402
from ui.ask_tab import build_ask_tab, wire_ask_tab  # noqa: E402
from ui.assets import CSS, HEAD  # noqa: E402
from ui.auth import parse_auth  # noqa: E402
from ui.exposure import OPEN_FLAG, check_exposure, is_loopback  # noqa: E402
from ui.library import NoticeLibrary  # noqa: E402
from ui.library_tab import build_library_tab, wire_library_tab  # noqa: E402
from ui.login_throttle import LoginThrottle, LoginThrottleMiddleware  # noqa: E402
from ui.records_tab import RecordsTab  # noqa: E402

logger = logging.getLogger(__name__)

TITLE = "巡察整改通报问答"


def build_app(workspace, chain: AnswerChain | None = None) -> gr.Blocks:
    """The whole page for a ready workspace (tests pass one with a fake embedder): one builder per tab."""
    chain = chain or make_chain(workspace)
    library = NoticeLibrary(workspace)
    actions = UiActions(workspace, chain, library)
    units = actions.units()
    notices = library.notices()

    with gr.Blocks(title=TITLE, delete_cache=(3600, 24 * 3600)) as demo:
        turns = gr.State([])
        gr.Markdown(f"## {TITLE}")
        status = gr.Markdown(actions.status(), label="状态", elem_id="status-line")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                ask = build_ask_tab(units)
            with gr.Tab("通报库", id="notices"):
                notices_tab = build_library_tab(notices, workspace.settings.ui_max_upload_mb)
            records = RecordsTab.build(workspace)
        wire_ask_tab(ask, actions, status, turns, workspace.settings.ui_concurrency)
        wire_library_tab(notices_tab, actions, status, ask.unit_filter, records)
        library_outputs = [notices_tab.table, notices_tab.remove_choice, ask.unit_filter, status]
        # A page opened later sees notices ingested since the app started (another session, the CLI).
        demo.load(
            lambda selected: (*actions.library_views(selected), *records.refresh()),
            inputs=[ask.unit_filter],
            outputs=library_outputs + records.outputs,
            show_progress="hidden",
            api_visibility="private",
        )
        demo.unload(actions.forget_session)  # a closed page's exports are deleted
    return demo


def launch_app(
    demo: gr.Blocks,
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    prevent_thread_lock: bool = False,
    open_to_anyone: bool = False,
):
    """Serve the app with the settings' login (throttled), concurrency and upload limits; analytics stay off.

    Beyond loopback it needs a login, or `open_to_anyone` (the operator's explicit consent).
    """
    auth = parse_auth(settings.auth)
    check_exposure(host, has_login=bool(auth), open_to_anyone=open_to_anyone)
    if not auth and not is_loopback(host):
        logger.warning("serving on %s without a login (%s): anyone who reaches it can read, upload and remove", host, OPEN_FLAG)
    demo.queue(default_concurrency_limit=settings.ui_concurrency)
    throttle = LoginThrottle.from_settings(settings)
    return demo.launch(
        server_name=host,
        server_port=port,
        auth=auth or None,
        # The login page shows any refusal as "incorrect credentials", so the wait is announced here.
        auth_message="请登录后使用巡察整改通报问答。连续多次输错密码后,需等待一段时间才能再试。" if auth else None,
        max_file_size=int(settings.ui_max_upload_mb * 1024 * 1024),
        prevent_thread_lock=prevent_thread_lock,
        quiet=True,
        show_error=False,
        ssr_mode=False,
        mcp_server=False,
        enable_monitoring=False,
        css=CSS,
        head=HEAD,
        footer_links=["api"],
        app_kwargs={"middleware": [Middleware(LoginThrottleMiddleware, throttle=throttle)]},
    )
