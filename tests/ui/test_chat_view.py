"""The chat reply: [n] markers link to the sources panel; notice text is shown, never interpreted."""

from __future__ import annotations

import re

from assistant.answer import Answer, Citation
from ui.chat_view import (
    SEARCHING,
    answer_message,
    chat_messages,
    link_citation_markers,
    reveal_prefixes,
)
from ui.conversation import ChatTurn, history_for_chain, turn_index_of_message


def citation(n: int, unit: str = "柳林街道", quote: str = "已办结8件") -> Citation:
    return Citation(n, "abc123", "柳林街道整改通报", unit, "二、逐项整改", quote, 10, 10 + len(quote), True)


def answer(text: str, citations: list[Citation], notice: str = "") -> Answer:
    return Answer("问题", "问题", text, citations, "extractive", notice=notice)


def rendered(markdown: str) -> str:
    """The message as a CommonMark renderer (HTML allowed, like the chat's) turns it into HTML."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(markdown)


def test_known_markers_link_to_their_source_and_unknown_ones_stay_text():
    linked = link_citation_markers("移交信访件8件[1],另见[7]。", turn_index=2, numbers={1})
    assert 'href="#src-2-1"' in linked
    assert "另见[7]。" in rendered(linked) and "src-2-7" not in linked


def test_links_and_images_in_answer_text_render_as_plain_text():
    hostile = "详见[x](http://evil)。![i](http://evil/img.png)[1]\n[ref]: http://evil\n见 <http://evil> 或 www.evil.cn"
    html = rendered(answer_message(answer(hostile, [citation(1)], notice="见[说明](http://evil)"), 0))
    assert "<img" not in html and "http://evil" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert re.findall(r"<a [^>]*>", html) == [re.findall(r'<a class="cite"[^>]*>', html)[0]] * 2  # only [1], twice
    assert "详见[x](http://evil)。![i](http://evil/img.png)" in html  # shown exactly as written
    assert "见[说明](http://evil)" in html


def test_raw_urls_and_emails_are_not_autolinked():
    from ui.safe_markdown import neutralise_markdown

    escaped = neutralise_markdown("东湖http://evil.cn/x www.evil.cn a@evil.cn")
    # GFM autolinks start at "http:", "www." and "x@y" anywhere; each is broken by an escape.
    assert "http\\://" in escaped and "www\\." in escaped and "a\\@evil" in escaped
    assert rendered(escaped).strip() == "<p>东湖http://evil.cn/x www.evil.cn a@evil.cn</p>"


def test_html_in_answer_text_is_shown_as_text():
    linked = link_citation_markers("<script>alert(1)</script>[1]", 0, {1})
    assert "<script>" not in linked
    assert "&lt;script>" in linked


def test_reply_has_fallback_notice_text_and_compact_source_list():
    message = answer_message(answer("已办结8件。[1]", [citation(1)], notice="大模型接口不可用(timeout),已改用抽取式回答。"), 0)
    assert message.startswith("> **注意**:大模型接口不可用")
    assert "柳林街道《柳林街道整改通报》 二、逐项整改" in message
    assert message.count('href="#src-0-1"') == 2  # in the text and in the source list


def test_reveal_prefixes_grow_to_the_whole_text_without_splitting_a_marker():
    text = "第一句话说明了情况[1]。第二句话[2]还有更多内容,第三句[3]。" * 3
    prefixes = reveal_prefixes(text, steps=12)
    assert prefixes and all(len(a) < len(b) for a, b in zip(prefixes, prefixes[1:]))
    assert all(text.startswith(prefix) for prefix in prefixes)
    for prefix in prefixes:
        opening = prefix.rfind("[")
        assert opening == -1 or "]" in prefix[opening:]


def test_chat_shows_searching_for_the_pending_turn_and_each_turn_as_two_messages():
    turns = [ChatTurn("第一个问题", answer("答[1]", [citation(1)])), ChatTurn("第二个问题")]
    messages = chat_messages(turns, pending=SEARCHING)
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[-1]["content"] == SEARCHING
    assert turn_index_of_message(3) == 1


def test_history_for_follow_ups_skips_turns_without_an_answer():
    turns = [ChatTurn("问东湖", answer("东湖的回答", [])), ChatTurn("出错的问题", message="回答时出错")]
    assert history_for_chain(turns) == [
        {"role": "user", "content": "问东湖"},
        {"role": "assistant", "content": "东湖的回答"},
    ]
