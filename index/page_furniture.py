"""Page furniture in notices saved from web pages: the widgets' words (朗读, 打印, 关闭, 分享, 【字号：大 中 小】) dropped."""

from __future__ import annotations

import re

_GAP = r"[ \t\u3000]*"
# A word of a page's widget: reading aloud, printing, closing, sharing, font size (字号：大 中 小), favourites,
# eye-care colour, back to top, error report, the share targets, the site's script and accessibility modes
# (简体| 繁體| 无障碍服务| 长者模式). No notice sentence is made of these alone.
_WIDGET = (
    rf"(?:字号[:：]?{_GAP})?大{_GAP}中{_GAP}小(?:{_GAP}默认)?|(?:语音)?朗读|(?:打印|关闭)(?:本页|此页|窗口|文章|页面)?|"
    r"分享(?:到)?|转发|收藏(?:本页)?|加入收藏|返回顶部|字号|字体|视力保护色|护眼模式|扫一扫|微信|微博|QQ空间|"
    r"我要纠错|纠错|简体(?:中文|版)?|繁[體体](?:中文|版)?|无障碍(?:服务|浏览|阅读)?|长者模式|关怀模式|适老(?:化|模式)|[xX×]"
)
_SEPARATOR = r"[\s\u3000:：|｜/／·•、,，\-—]"
_LINE_OF_WIDGETS = re.compile(rf"(?:[【\[(（]?(?:{_WIDGET})[】\])）]?|{_SEPARATOR})+")
# A bracketed widget inside a line of text ("来源：县纪委 【打印】【关闭】"), or the font-size choice unbracketed.
_INLINE_WIDGET = re.compile(
    rf"{_GAP}[【\[](?:{_WIDGET}|{_SEPARATOR})+[】\]]|{_GAP}字号[:：]?{_GAP}大{_GAP}中{_GAP}小(?:{_GAP}默认)?")
# A line of furniture holds a widget's own word ("[x]" or "分享到：" alone needs one too).
_WIDGET_WORD = re.compile(
    rf"朗读|打印|关闭|分享|转发|收藏|返回顶部|字号|字体|视力保护色|护眼模式|扫一扫|纠错|大{_GAP}中{_GAP}小|"
    r"简体|繁[體体]|无障碍|长者模式|关怀模式|适老")


def is_furniture_line(line: str) -> bool:
    """Whether a line holds nothing but page widgets ("【打印】 【关闭】", "朗读", "【大 中 小】")."""
    stripped = line.strip()
    return bool(_WIDGET_WORD.search(stripped)) and _LINE_OF_WIDGETS.fullmatch(stripped) is not None


def drop_page_furniture(text: str) -> str:
    """The text without lines of page widgets and without bracketed widgets inside its lines of text."""
    kept = []
    for line in text.split("\n"):
        if is_furniture_line(line):
            continue
        kept.append(_INLINE_WIDGET.sub(lambda m: m.group(0) if not _WIDGET_WORD.search(m.group(0)) else "", line))
    return "\n".join(kept)
