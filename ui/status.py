"""The status line: which answerer answers, how much is indexed, and why the LLM was not used."""

from __future__ import annotations

import html

from ui.safe_markdown import neutralise_markdown


def answerer_label(answerer_name: str, llm_model: str) -> str:
    """The active answerer in words."""
    if answerer_name == "extractive":
        return "抽取式(直接摘录原文,未配置大模型)"
    return f"大模型 {llm_model or answerer_name.removeprefix('llm:')}(接口不可用时自动改用抽取式)"


def status_markdown(
    answerer_name: str,
    llm_model: str,
    notices: int,
    chunks: int,
    notice: str = "",
    ingesting: bool = False,
) -> str:
    """One status line (plus a warning line when the LLM fell back)."""
    parts = [
        f"**回答方式**:{html.escape(answerer_label(answerer_name, llm_model))}",
        f"**已索引**:{notices} 份通报,{chunks} 个片段",
    ]
    if ingesting:
        parts.append("**正在导入新通报**(完成前的回答不含新文件)")
    line = " · ".join(parts)
    if notice:
        line += f"\n\n**注意**:{neutralise_markdown(notice)}"
    return line
