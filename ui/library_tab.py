"""The 通报库 (library) tab: upload notices, the table of ingested notices, removal, and its events."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.actions import UiActions
from ui.library import LIBRARY_HEADERS, UPLOAD_SUFFIXES, library_rows, notice_choices
from ui.records_tab import RecordsTab


@dataclass
class LibraryTab:
    """The library tab's components the app wires and updates."""

    upload: gr.File
    upload_result: gr.Markdown
    table: gr.Dataframe
    remove_choice: gr.Dropdown
    remove_button: gr.Button
    remove_result: gr.Markdown


def build_library_tab(notices: list, max_upload_mb: float) -> LibraryTab:
    """Lay out the library tab (inside an open gr.Tab)."""
    gr.Markdown(f"上传通报文件({' '.join(UPLOAD_SUFFIXES)}),上传后自动导入;单个文件不超过 {max_upload_mb:g} MB。")
    upload = gr.File(
        label="上传通报",
        file_count="multiple",
        file_types=UPLOAD_SUFFIXES,
        elem_id="upload",
    )
    upload_result = gr.Markdown("", label="导入结果", elem_id="upload-result")
    table = gr.Dataframe(
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
    return LibraryTab(upload, upload_result, table, remove_choice, remove_button, remove_result)


def wire_library_tab(
    tab: LibraryTab, actions: UiActions, status: gr.Markdown, unit_filter: gr.Dropdown, records: RecordsTab
) -> None:
    """Upload and removal, each followed by refreshing the unit filter and the records tab."""
    # Ingest and removal show progress on their own box only: the rest of the page stays usable.
    # Each returns the refreshed table, removal choices and status in the same update as its result
    # line (never a result beside a stale table); then the unit filter offers the units now ingested,
    # reading the selection only then so a choice made during a long ingest is kept.
    table_outputs = [tab.table, tab.remove_choice, status]
    uploaded = tab.upload.upload(
        actions.upload,
        inputs=[tab.upload],
        outputs=[tab.upload_result, tab.upload, *table_outputs],
        show_progress_on=[tab.upload],
        api_name="upload",
        concurrency_limit=1,
        concurrency_id="library",
    )
    removed = tab.remove_button.click(
        actions.remove,
        inputs=[tab.remove_choice],
        outputs=[tab.remove_result, *table_outputs],
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
