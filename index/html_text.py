"""The readable main text of an HTML page: menus, scripts and page chrome dropped, one block per line."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import PreformattedString

__all__ = ["html_main_text"]

_DROPPED_TAGS = [
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
    "select", "button", "input", "textarea",
]  # fmt: skip
_BOILERPLATE_TAGS = ["nav", "header", "footer", "aside", "form"]
_BOILERPLATE_MARK = re.compile(r"nav|crumb|footer|share|sidebar|menu|copyright|toolbar|logo")
_CONTENT_MARK = re.compile(r"content|article|trs_editor|zoom|main")
_BLOCK_TAGS = (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody tfoot thead ul"
).split()
# What a tag adds before and after its text: blocks sit on their own lines, table cells are
# tab-separated and rows end a line (so rows follow each other without a blank line).
_BREAKS_AROUND = {
    **{name: ("\n", "\n") for name in _BLOCK_TAGS},
    "td": ("", "\t"),
    "th": ("", "\t"),
    "tr": ("", "\n"),
}
# Whitespace runs from HTML source formatting render as one space. \u3000 (full-width space)
# and \xa0 (&nbsp;) are not in this class: spacing typed on purpose is kept as it is.
_SOURCE_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
# "_", "|", "｜" and a hyphen that is not inside a number range such as 2023-2024.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|(?<!\d)-(?!\d))\s*")


def html_main_text(html: str) -> str:
    """The readable main text of a page: menus and scripts dropped, one block per line."""
    with warnings.catch_warnings():
        # XHTML pages start with <?xml ...?>; the lenient HTML parser is still the right one.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(_DROPPED_TAGS):
        if not tag.decomposed:
            tag.decompose()
    body = soup.body or soup
    title = _page_title(soup)
    container = _content_container(body)
    keep = {id(container), *(id(parent) for parent in container.parents)} if container else set()
    body_size = _text_size(body)
    for tag in body.find_all(True):
        if tag.decomposed or id(tag) in keep or not _is_boilerplate(tag):
            continue
        # Without a content container, a wrapper holding most of the page (an ASP.NET <form>,
        # a <div class="has-sidebar">) is the page itself; <nav>, <header>, <footer> and
        # <aside> say what they are, so they go whatever their size.
        is_wrapper = tag.name not in ("nav", "header", "footer", "aside")
        if container is None and is_wrapper and _text_size(tag) > body_size / 2:
            continue
        tag.decompose()
    text = _render_blocks(container or body)
    if title and "".join(title.split()) not in "".join(text.split()):
        text = f"{title}\n\n{text}"
    return text


def _page_title(soup: BeautifulSoup) -> str:
    """First <h1> outside page chrome (a logo in <header> is not a title), else <title>."""
    for heading in soup.find_all("h1"):
        in_chrome = any(
            parent.name in _BOILERPLATE_TAGS or _BOILERPLATE_MARK.search(_id_and_class(parent))
            for parent in heading.parents
            if parent.name not in ("html", "body", "[document]")
        )
        text = _collapse(heading.get_text())
        if text and not in_chrome:
            return text
    if soup.title is None:
        return ""
    # <title> is often "notice title_site name": keep the longest part.
    parts = _TITLE_SEPARATOR.split(_collapse(soup.title.get_text()))
    return max(parts, key=len)


def _content_container(body: Tag) -> Tag | None:
    """The innermost article/main/"content"-like element holding most of the candidates' text."""
    candidates = [
        tag
        for tag in body.find_all(True)
        if tag.name in ("article", "main") or _CONTENT_MARK.search(_id_and_class(tag))
    ]
    candidates = [tag for tag in candidates if not _is_boilerplate(tag)]
    sized = [(tag, _text_size(tag)) for tag in candidates]
    body_size = _text_size(body)
    sized = [(tag, size) for tag, size in sized if size and size >= body_size * 0.1]
    if not sized:
        return None
    largest = max(size for _, size in sized)
    qualified = [(len(list(tag.parents)), size, tag) for tag, size in sized if size >= largest / 2]
    return max(qualified, key=lambda item: (item[0], item[1]))[2]


def _is_boilerplate(tag: Tag) -> bool:
    return tag.name in _BOILERPLATE_TAGS or bool(_BOILERPLATE_MARK.search(_id_and_class(tag)))


def _id_and_class(tag: Tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([str(tag.get("id") or ""), *classes]).lower()


def _text_size(tag: Tag) -> int:
    return len("".join(tag.get_text().split()))


def _render_blocks(root: Tag) -> str:
    """Text of root's contents: blocks on their own lines, table rows as tab-joined lines."""
    parts: list[str] = []
    # An explicit stack, not recursion: unclosed tags on old pages can nest thousands deep.
    # Items are page nodes, or plain str break markers to emit when a block closes.
    pending: list[object] = list(reversed(root.contents))
    while pending:
        node = pending.pop()
        if type(node) is str:  # a break marker (page text is NavigableString, a subclass)
            parts.append(node)
        elif isinstance(node, PreformattedString):  # comment, doctype, CDATA, <?...?>
            continue
        elif isinstance(node, NavigableString):
            parts.append(_SOURCE_WHITESPACE.sub(" ", node))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            before, after = _BREAKS_AROUND.get(node.name, ("", ""))
            parts.append(before)
            pending.append(after)
            pending.extend(reversed(node.contents))
    lines = [line.strip(" \t") for line in "".join(parts).split("\n")]
    # Strip only newlines: a first paragraph's full-width indentation is part of the text.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _collapse(text: str) -> str:
    return _SOURCE_WHITESPACE.sub(" ", text).strip(" ")
