"""The 问答 (ask) tab: unit filter, chat, question box, example questions and the sources panel, and its events."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.actions import EMPTY_SOURCES, UiActions
from ui.sources import placeholder_html

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


@dataclass
class AskTab:
    """The ask tab's components the app wires and updates."""

    unit_filter: gr.Dropdown
    chatbot: gr.Chatbot
    question: gr.Textbox
    hint: gr.Markdown
    send: gr.Button
    new_chat: gr.Button
    export: gr.Button
    export_file: gr.File
    examples: gr.Examples
    sources: gr.HTML


def build_ask_tab(units: list[str]) -> AskTab:
    """Lay out the ask tab (inside an open gr.Tab)."""
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
    return AskTab(unit_filter, chatbot, question, hint, send, new_chat, export, export_file, examples, sources)


def wire_ask_tab(tab: AskTab, actions: UiActions, status: gr.Markdown, turns: gr.State, concurrency: int) -> None:
    """Asking, a new conversation, selecting a message, feedback and export."""
    chat_outputs = [tab.chatbot, tab.sources, status, tab.question, tab.hint, turns]
    ask_options = dict(
        inputs=[tab.question, tab.unit_filter, turns],
        outputs=chat_outputs,
        show_progress_on=[tab.chatbot],
        # Sessions streaming at once; how many are answered at once is UiActions' own limit.
        concurrency_limit=max(8, 4 * concurrency),
        concurrency_id="ask",
    )
    tab.send.click(actions.ask, api_name="ask", **ask_options)
    tab.question.submit(actions.ask, api_visibility="private", **ask_options)
    tab.examples.load_input_event.then(actions.ask, api_visibility="private", **ask_options)
    cleared = [tab.chatbot, tab.sources, tab.hint, tab.export_file, turns]
    tab.new_chat.click(actions.new_conversation, outputs=cleared, api_name="new_conversation", queue=False)
    # The chatbot's own trash button must forget the history too, or follow-ups would use it.
    tab.chatbot.clear(actions.new_conversation, outputs=cleared, api_visibility="private", queue=False)
    tab.chatbot.select(actions.select_message, inputs=[turns], outputs=[tab.sources], api_visibility="private")
    tab.chatbot.like(actions.feedback, inputs=[turns], outputs=None, api_visibility="private")
    tab.export.click(actions.export, inputs=[turns], outputs=[tab.export_file], api_name="export")
