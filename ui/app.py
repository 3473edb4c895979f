"""The Gradio app: page layout, event wiring, and launching it with the settings' limits."""

from __future__ import annotations

import logging

from assistant.workspace import quiet_third_party_telemetry

quiet_third_party_telemetry()  # before gradio is imported: analytics off

import gradio as gr  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from assistant.chain import AnswerChain, make_chain  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ui.actions import EMPTY_SOURCES, UiActions  # noqa: E402
from ui.assets import CSS, HEAD  # noqa: E402
from ui.auth import parse_auth  # noqa: E402
from ui.exposure import OPEN_FLAG, check_exposure, is_loopback  # noqa: E402
from ui.library import LIBRARY_HEADERS, UPLOAD_SUFFIXES, NoticeLibrary, library_rows, notice_choices  # noqa: E402
from ui.login_throttle import LoginThrottle, LoginThrottleMiddleware  # noqa: E402
from ui.records_tab import RecordsTab  # noqa: E402
from ui.sources import placeholder_html  # noqa: E402

logger = logging.getLogger(__name__)

TITLE = "巡察整改通报问答"
GENERIC_EXAMPLES = [
    "各单位巡察反馈意见分别是什么时候反馈的?",
    "巡察反馈的问题整改完成了多少?",
    "清退或追缴了多少违规发放的资金?",
]


def example_questions(units: list[str]) -> list[str]:
    """Questions to click: a few about the ingested units, then generic ones."""
    examples = []
    if units:
        examples.append(f"{units[0]}的巡察是什么时候开展的?巡察意见何时反馈?")
    if len(units) >= 2:
        examples.append(f"比较{units[0]}和{units[1]}的整改完成情况")
    return examples + GENERIC_EXAMPLES


def build_app(workspace, chain: AnswerChain | None = None) -> gr.Blocks:
    """The whole page for a ready workspace (tests pass one with a fake embedder)."""
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
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        unit_filter = gr.Dropdown(
                            choices=units,
                            value=[],
                            multiselect=True,
                            label="限定单位(不选则在全部通报中回答)",
                            elem_id="unit-filter",
                        )
                        chatbot = gr.Chatbot(
                            label="对话",
                            height=520,
                            latex_delimiters=[],
                            buttons=["copy", "copy_all"],
                            feedback_options=("Like", "Dislike"),
                            placeholder="请在下方输入问题,或点击示例问题。",
                            elem_id="chatbot",
                        )
                        question = gr.Textbox(
                            show_label=False,
                            placeholder="输入问题,回车发送(Shift+回车换行)",
                            lines=1,
                            max_lines=6,
                            elem_id="question",
                        )
                        hint = gr.Markdown("", label="提示", elem_id="question-hint")
                        with gr.Row():
                            send = gr.Button("发送", variant="primary", elem_id="send")
                            new_chat = gr.Button("新对话", elem_id="new-chat")
                            export = gr.Button("导出为 Markdown", elem_id="export")
                        export_file = gr.File(
                            label="导出的对话(点击下载)", visible=False, interactive=False, elem_id="export-file"
                        )
                        examples = gr.Examples(example_questions(units), inputs=[question], label="示例问题")
                    with gr.Column(scale=2):
                        gr.Markdown("### 来源")
                        sources = gr.HTML(placeholder_html(EMPTY_SOURCES), label="来源", elem_id="sources-panel")
            with gr.Tab("通报库", id="notices"):
                gr.Markdown(
                    f"上传通报文件({' '.join(UPLOAD_SUFFIXES)}),上传后自动导入;"
                    f"单个文件不超过 {workspace.settings.ui_max_upload_mb:g} MB。"
                )
                upload = gr.File(
                    label="上传通报",
                    file_count="multiple",
                    file_types=UPLOAD_SUFFIXES,
                    elem_id="upload",
                )
                upload_result = gr.Markdown("", label="导入结果", elem_id="upload-result")
                library_table = gr.Dataframe(
                    value=library_rows(notices),
                    headers=LIBRARY_HEADERS,
                    interactive=False,
                    wrap=True,
                    column_widths=[150, 300, 170, 120, 130, 70, 150, 140, 150],
                    label="已导入的通报",
                    elem_id="library",
                )
                with gr.Row():
                    remove_choice = gr.Dropdown(
                        choices=notice_choices(notices),
                        value=None,
                        label="选择要删除的通报",
                        scale=4,
                        elem_id="notices-remove-choice",
                    )
                    remove_button = gr.Button("删除所选通报", variant="stop", scale=1, elem_id="notices-remove")
                remove_result = gr.Markdown("", label="删除结果", elem_id="remove-result")
            records = RecordsTab.build(workspace)

        chat_outputs = [chatbot, sources, status, question, hint, turns]
        ask_options = dict(
            inputs=[question, unit_filter, turns],
            outputs=chat_outputs,
            show_progress_on=[chatbot],
            # Sessions streaming at once; how many are answered at once is UiActions' own limit.
            concurrency_limit=max(8, 4 * workspace.settings.ui_concurrency),
            concurrency_id="ask",
        )
        send.click(actions.ask, api_name="ask", **ask_options)
        question.submit(actions.ask, api_visibility="private", **ask_options)
        examples.load_input_event.then(actions.ask, api_visibility="private", **ask_options)
        new_chat.click(
            actions.new_conversation,
            outputs=[chatbot, sources, hint, export_file, turns],
            api_name="new_conversation",
            queue=False,
        )
        # The chatbot's own trash button must forget the history too, or follow-ups would use it.
        chatbot.clear(
            actions.new_conversation,
            outputs=[chatbot, sources, hint, export_file, turns],
            api_visibility="private",
            queue=False,
        )
        chatbot.select(actions.select_message, inputs=[turns], outputs=[sources], api_visibility="private")
        chatbot.like(actions.feedback, inputs=[turns], outputs=None, api_visibility="private")
        export.click(actions.export, inputs=[turns], outputs=[export_file], api_name="export")

        # Ingest and removal show progress on their own box only: the rest of the page stays usable.
        # Each returns the refreshed table, removal choices and status in the same update as its result
        # line (never a result beside a stale table); then the unit filter offers the units now ingested,
        # reading the selection only then so a choice made during a long ingest is kept.
        table_outputs = [library_table, remove_choice, status]
        uploaded = upload.upload(
            actions.upload,
            inputs=[upload],
            outputs=[upload_result, upload, *table_outputs],
            show_progress_on=[upload],
            api_name="upload",
            concurrency_limit=1,
            concurrency_id="library",
        )
        removed = remove_button.click(
            actions.remove,
            inputs=[remove_choice],
            outputs=[remove_result, *table_outputs],
            api_name="remove",
            concurrency_limit=1,
            concurrency_id="library",
        )
        for event in (uploaded, removed):
            event = event.then(
                actions.unit_filter_update,
                inputs=[unit_filter],
                outputs=[unit_filter],
                show_progress="hidden",
                api_visibility="private",
            )
            event.then(records.refresh, outputs=records.outputs, show_progress="hidden", api_visibility="private")
        library_outputs = [library_table, remove_choice, unit_filter, status]
        # A page opened later sees notices ingested since the app started (another session, the CLI).
        demo.load(
            lambda selected: (*actions.library_views(selected), *records.refresh()),
            inputs=[unit_filter],
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
