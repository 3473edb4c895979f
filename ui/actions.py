"""What the UI's buttons do: ask (streamed), new conversation, pick an answer, feedback, export, library.

Plain methods over the workspace and the answer chain, returning component values or
`gr.update`s; app.py only lays out the page and wires these to events.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import gradio as gr

from assistant.chain import AnswerChain, QuestionRejected, check_question
from assistant.answer import Answer
from ui.chat_view import SEARCHING, answer_message, chat_messages, partial_message, reveal_prefixes
from ui.conversation import ChatTurn, history_for_chain, turn_index_of_message
from ui.export import SessionExportFolders, write_conversation
from ui.feedback import FeedbackLog, feedback_entry
from ui.library import NoticeLibrary, library_rows, notice_choices
from ui.sources import placeholder_html, sources_panel_html
from ui.status import status_markdown

logger = logging.getLogger(__name__)

REVEAL_PAUSE_S = 0.03  # between growing prefixes of a finished answer
STREAM_REFRESH_S = 0.05  # at most this often a streamed reply is re-sent
INGESTING_HINT = "正在导入新通报:这次回答只基于已导入完成的通报。"
NO_NOTICES_HINT = "还没有导入任何通报:请先在「通报库」页上传通报文件。"
WAITING = "排队等候中:同时提问的人较多,稍候即答…"
EMPTY_SOURCES = "提问后,这里显示回答引用的原文:单位、通报标题、章节,引文在段落中高亮。"


class UiActions:
    """Event handlers for one app: shared by every browser session (per-session data is passed in)."""

    def __init__(self, workspace, chain: AnswerChain, library: NoticeLibrary, exports_dir: Path | None = None) -> None:
        self.workspace = workspace
        self.chain = chain
        self.library = library
        self.feedback_log = FeedbackLog(workspace.settings.feedback_path)
        self.exports = SessionExportFolders(exports_dir)
        # Answering is the heavy part; revealing a finished answer is not, so only answering takes a slot.
        self._answer_slots = threading.BoundedSemaphore(max(1, workspace.settings.ui_concurrency))

    # --- shared views --------------------------------------------------------------------

    def status(self, notice: str = "") -> str:
        notices, chunks = self.workspace.catalog.counts()
        return status_markdown(
            self.chain.answerer_name,
            self.workspace.settings.llm_model,
            notices,
            chunks,
            notice=notice,
            ingesting=self.library.busy,
        )

    def units(self) -> list[str]:
        return list(self.workspace.retriever.directory.units)

    def _ask_hint(self) -> str:
        """A line under the question box when answers are limited: ingest running, or nothing ingested."""
        if self.library.busy:
            return INGESTING_HINT
        return NO_NOTICES_HINT if self.workspace.catalog.counts()[0] == 0 else ""

    def _sources(self, answer: Answer | None, turn_index: int) -> str:
        if answer is None:
            return placeholder_html(EMPTY_SOURCES)
        return sources_panel_html(answer, turn_index, self.workspace.catalog.notice_text)

    # --- chat ----------------------------------------------------------------------------

    def ask(self, question: str, units: list[str] | None, turns: list[ChatTurn]) -> Iterator[tuple]:
        """Stream (chat, sources, status, question box, hint, turns) while answering one question."""
        try:
            question = check_question(question)
        except QuestionRejected as error:
            gr.Warning(str(error))
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), str(error), turns
            return
        units = [unit for unit in (units or []) if unit]
        turns = [*turns, ChatTurn(question, units=units)]
        index = len(turns) - 1
        hint = self._ask_hint()
        yield _chat_update(turns, hint, pending=SEARCHING, sources=placeholder_html(SEARCHING))

        answer: Answer | None = None
        streamed = ""
        if not self._answer_slots.acquire(blocking=False):
            yield _chat_update(turns, hint, pending=WAITING)
            self._answer_slots.acquire()
        try:
            last_sent = time.monotonic()
            for item in self.chain.stream(question, history=history_for_chain(turns[:-1]), units=units or None):
                if isinstance(item, Answer):
                    answer = item
                    continue
                streamed += item
                if time.monotonic() - last_sent >= STREAM_REFRESH_S:
                    last_sent = time.monotonic()
                    yield _chat_update(turns, hint, pending=partial_message(streamed, index))
        except QuestionRejected as error:
            turns[-1].message = str(error)
        except Exception as error:  # a failed answer must not take the session down
            logger.exception("answering %r failed", question)
            turns[-1].message = f"回答时出错({type(error).__name__}),请重试;如果一再出错,请查看服务日志。"
        finally:
            self._answer_slots.release()
        if answer is None:
            turns[-1].message = turns[-1].message or "没有得到回答,请重试。"
            yield _chat_update(turns, hint, sources=placeholder_html(turns[-1].message), status=self.status())
            return

        if not streamed:  # the extractive answerer returns the whole answer at once
            for prefix in reveal_prefixes(answer.text.strip()):
                yield _chat_update(turns, hint, pending=answer_message(answer, index, prefix))
                time.sleep(REVEAL_PAUSE_S)
        turns[-1].answer = answer
        yield _chat_update(turns, hint, sources=self._sources(answer, index), status=self.status(answer.notice))

    def new_conversation(self) -> tuple:
        """(chat, sources, hint, export file, turns) for a fresh conversation."""
        return [], placeholder_html(EMPTY_SOURCES), "", gr.update(value=None, visible=False), []

    def select_message(self, turns: list[ChatTurn], selected: gr.SelectData) -> str:
        """The sources panel for the answer whose message was clicked."""
        index = selected.index if isinstance(selected.index, int) else selected.index[0]
        turn_index = turn_index_of_message(index)
        if not 0 <= turn_index < len(turns):
            return gr.skip()
        return self._sources(turns[turn_index].answer, turn_index)

    def feedback(self, turns: list[ChatTurn], liked: gr.LikeData) -> None:
        """Append a thumbs up/down, with the question, answer and sources, to the feedback file."""
        index = liked.index if isinstance(liked.index, int) else liked.index[0]
        turn_index = turn_index_of_message(index)
        if not 0 <= turn_index < len(turns) or turns[turn_index].answer is None or not isinstance(liked.liked, bool):
            return
        self.feedback_log.append(feedback_entry(turns[turn_index], liked.liked))
        gr.Info("已记录反馈,谢谢。")

    def export(self, turns: list[ChatTurn], request: gr.Request | None = None):
        """The conversation as a downloadable Markdown file, in this session's private folder."""
        if not turns:
            gr.Warning("还没有可导出的对话。")
            return gr.update(value=None, visible=False)
        path = write_conversation(turns, self.exports.folder_for(_session_of(request)))
        return gr.update(value=str(path), visible=True)

    def forget_session(self, request: gr.Request | None = None) -> None:
        """The page was closed: delete that session's exports."""
        self.exports.forget(_session_of(request))

    # --- notices -------------------------------------------------------------------------

    def library_views(self, selected_units: list[str] | None = None) -> tuple:
        """(library table, removal choices, unit filter, status) after the library changed."""
        table, choices, status = self.table_views()
        return table, choices, self.unit_filter_update(selected_units), status

    def table_views(self) -> tuple:
        """(library table, removal choices, status) as the library is now."""
        notices = self.library.notices()
        return library_rows(notices), gr.update(choices=notice_choices(notices), value=None), self.status()

    def unit_filter_update(self, selected_units: list[str] | None = None) -> dict:
        """The unit filter offering every ingested unit, keeping the selected ones that still exist."""
        units = self.units()
        return gr.update(choices=units, value=[unit for unit in (selected_units or []) if unit in units])

    def upload(self, files: list[str] | None, progress=gr.Progress()) -> tuple:
        """Ingest uploaded files: (result, cleared file box, *table_views) in one update, so no stale table."""
        if not files:
            return "请选择要上传的通报文件。", gr.update(), *self.table_views()
        paths = [getattr(item, "name", item) for item in files]
        outcome = self.library.ingest_uploads(paths, lambda fraction, words: progress(fraction, desc=words))
        if outcome.failed:
            gr.Warning(f"{len(outcome.failed)} 个文件导入失败,原因见通报库页。")
        return outcome.markdown(), gr.update(value=None), *self.table_views()

    def remove(self, notice_id: str | None) -> tuple:
        """Remove the chosen notice: (a line saying what happened, *table_views) in one update."""
        return self.library.remove(notice_id or ""), *self.table_views()


def _session_of(request: gr.Request | None) -> str | None:
    return getattr(request, "session_hash", None) if request is not None else None


def _chat_update(turns: list[ChatTurn], hint: str, pending: str | None = None, sources=None, status=None) -> tuple:
    """(chat, sources, status, cleared question box, hint, turns); sources/status unchanged unless given."""
    return (
        chat_messages(turns, pending=pending),
        gr.skip() if sources is None else sources,
        gr.skip() if status is None else status,
        "",
        hint,
        turns,
    )
