"""Loading notice files: encodings, HTML main text, PDF, DOCX, and one-line errors for bad input."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from index.encodings import decode_text_bytes
from index.loaders import SUPPORTED_SUFFIXES, LoadError, iter_notice_files, load_document
from index.pdf_text import join_wrapped_cjk_lines

TITLE = "青禾市云岭区委关于巡察整改情况的通报"
KEY_SENTENCE = "清退违规发放津补贴12.5万元。"
# Full-width spaces, a double space and full-width letters must all survive loading verbatim.
NOTICE = (
    f"{TITLE}\n"
    "\n"
    "　　根据区委统一部署，2023年3月1日至4月30日，区委第二巡察组对柳林街道党工委开展了常规巡察。\n"
    f"　　一是严肃财经纪律，{KEY_SENTENCE}二是完善制度  3项（ＡＢＣ类）。\n"
    "\n"
    "中共青禾市云岭区柳林街道工作委员会\n"
    "2023年6月28日"
)
# 䶮 is in GB18030 but not in GBK.
NOTICE_GB18030_ONLY = NOTICE.replace("柳林街道党工委", "柳林街道王䶮社区党委")
LONG_SENTENCE = (
    "根据区委统一部署，2023年3月1日至4月30日，区委第二巡察组对青禾市云岭区柳林街道党工委"
    "开展了常规巡察，并于2023年6月15日反馈了巡察意见。"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- plain text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(NOTICE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(NOTICE.encode("gbk"), "gb18030", id="gbk"),
        pytest.param(codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"), "utf-16", id="u16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + NOTICE.encode("utf-16-be"), "utf-16", id="u16-be-bom"),
        pytest.param(NOTICE.encode("utf-16-le"), "utf-16-le", id="u16-le-no-bom"),
        pytest.param(NOTICE.encode("utf-16-be"), "utf-16-be", id="u16-be-no-bom"),
        pytest.param(NOTICE.replace("\n", "\r\n").encode("gbk"), "gb18030", id="gbk-crlf"),
        pytest.param(NOTICE.replace("\n", "\r").encode("utf-8"), "utf-8", id="utf-8-cr"),
    ],
)
def test_text_file_loads_verbatim_in_any_common_encoding(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    document = load_document(write(tmp_path, "通报.txt", data))

    assert document.text == NOTICE
    assert KEY_SENTENCE in document.text
    assert document.encoding == encoding
    assert document.file_format == "txt"


def test_gb18030_file_keeps_characters_outside_gbk(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        NOTICE_GB18030_ONLY.encode("gbk")
    path = write(tmp_path, "通报.txt", NOTICE_GB18030_ONLY.encode("gb18030"))

    document = load_document(path)

    assert document.text == NOTICE_GB18030_ONLY
    assert "王䶮社区" in document.text


def test_text_copied_out_of_a_pdf_has_its_wrapped_lines_joined_and_paragraphs_kept(tmp_path: Path) -> None:
    lines = [
        "    （一）规范职工食堂管理。巡察指出，职工食堂伙食补助",
        "发放标准高于市里规定，且未经班子会议研究。整改中，已",
        "按规定标准调整伙食补助，超标部分自2024年7月起停止发放。",
        "    （二）规范车辆使用管理。巡察指出，车辆登记不全。",
    ]
    path = write(tmp_path, "wrapped.txt", "\n".join(lines).encode("utf-8"))
    text = load_document(path).text
    assert "伙食补助发放标准高于市里规定" in text and "已按规定标准" in text
    assert text.count("\n") == 1  # the two paragraphs stay apart


def test_markdown_loads_as_plain_text_and_outer_blank_space_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "notice.md", f"\n\n  \n{NOTICE}\n\n \t\n".encode())

    document = load_document(path)

    assert document.text == NOTICE
    assert document.file_format == "txt"


def test_decode_text_bytes_reports_the_encoding_and_drops_the_bom() -> None:
    assert decode_text_bytes(codecs.BOM_UTF8 + "通报".encode()) == ("通报", "utf-8-sig")
    assert decode_text_bytes("巡察整改".encode("gbk")) == ("巡察整改", "gb18030")


NOTICE_CHARACTERS = st.text(
    alphabet=st.sampled_from("青禾市云岭区委巡察整改通报柳林街道一二三，。、：；（）“”《》\u3000 \t\nAbc0123.%"),
    max_size=200,
)


@given(text=NOTICE_CHARACTERS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_decode_text_bytes_round_trips_utf_encodings(text: str, encoding: str) -> None:
    assert decode_text_bytes(text.encode(encoding))[0] == text


def test_decode_text_bytes_falls_back_to_detection_for_other_encodings() -> None:
    big5_text = "臺灣的巡察整改情況通報，清退違規發放津補貼，2023年6月完成整改。\n" * 20

    text, encoding = decode_text_bytes(big5_text.encode("big5"))

    assert text == big5_text
    assert encoding == "big5"


# --- HTML ----------------------------------------------------------------------------------------

GOV_PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青禾市云岭区委关于巡察整改情况的通报_青禾市人民政府</title>
<style>.x {{ color: red }}</style>
<script>var tracker = "统计代码";</script>
</head>
<body>
<header><h1 class="logo">青禾市人民政府</h1></header>
<div id="topnav"><a>首页</a><a>政务公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 巡察整改</div>
<div id="main">
  <div class="article-title"><h2>{title}</h2></div>
  <div class="TRS_Editor">
    <p>　　根据区委统一部署，区委第二巡察组
        对柳林街道党工委开展了常规巡察。</p>
    <p>&nbsp;&nbsp;一是严肃财经纪律，{key}<br>二是建立整改台账。</p>
    <!-- 编辑注释 -->
    <table><tr><td>问题</td><td>整改措施</td></tr><tr><td>台账不全</td><td>已完成</td></tr></table>
    <div class="bdshare">分享到：微信 微博</div>
  </div>
  <div class="sidebar">相关文章 青禾市政务动态</div>
</div>
<footer>版权所有 青禾市人民政府办公室</footer>
</body></html>
"""


def test_html_page_in_gbk_gives_main_text_without_menus_or_scripts(tmp_path: Path) -> None:
    page = GOV_PAGE.format(title=TITLE, key=KEY_SENTENCE)
    path = write(tmp_path, "notice.html", page.encode("gbk"))

    document = load_document(path)

    assert document.encoding == "gb18030"
    assert document.file_format == "html"
    assert document.text == (
        f"{TITLE}\n"
        "\n"
        "　　根据区委统一部署，区委第二巡察组 对柳林街道党工委开展了常规巡察。\n"
        "\n"
        f"\xa0\xa0一是严肃财经纪律，{KEY_SENTENCE}\n"  # &nbsp; is kept, like \u3000
        "二是建立整改台账。\n"
        "\n"
        "问题\t整改措施\n"
        "台账不全\t已完成"
    )
    for boilerplate in ("首页", "当前位置", "统计代码", "分享到", "相关文章", "版权所有", "编辑注释"):
        assert boilerplate not in document.text


def test_html_utf8_page_with_a_wrong_gbk_declaration_still_decodes(tmp_path: Path) -> None:
    page = GOV_PAGE.format(title=TITLE, key=KEY_SENTENCE)
    path = write(tmp_path, "notice.htm", page.encode("utf-8"))

    document = load_document(path)

    assert document.encoding == "utf-8"
    assert KEY_SENTENCE in document.text


def test_html_without_content_container_drops_navigation_and_keeps_h1_title(
    tmp_path: Path,
) -> None:
    page = f"""<html><head><meta charset="utf-8"><title>门户网站</title></head><body>
    <nav><ul><li>首页</li><li>新闻中心</li></ul></nav>
    <h1>{TITLE}</h1>
    <div>一是严肃财经纪律，{KEY_SENTENCE}</div>
    <div class="footer">主办单位：青禾市云岭区人民政府</div>
    <noscript>请启用脚本</noscript>
    </body></html>"""
    path = write(tmp_path, "notice.html", page.encode("utf-8"))

    document = load_document(path)

    assert document.text == f"{TITLE}\n\n一是严肃财经纪律，{KEY_SENTENCE}"


def test_asp_net_page_wrapped_in_a_form_keeps_its_text(tmp_path: Path) -> None:
    page = f"""<html><body><form id="form1">
    <div class="menu">首页 | 通知公告</div>
    <h1>{TITLE}</h1><p>一是严肃财经纪律，{KEY_SENTENCE}二是建立整改台账，明确责任人和完成时限。</p>
    </form></body></html>"""
    path = write(tmp_path, "notice.html", page.encode("utf-8"))

    document = load_document(path)

    assert document.text.startswith(f"{TITLE}\n")
    assert KEY_SENTENCE in document.text
    assert "通知公告" not in document.text


def test_html_page_with_only_navigation_is_an_error(tmp_path: Path) -> None:
    page = "<html><body><nav>首页 新闻</nav><script>var a = 1;</script></body></html>"
    path = write(tmp_path, "menu.html", page.encode("utf-8"))

    with pytest.raises(LoadError, match="no text once menus and scripts are removed"):
        load_document(path)


# --- PDF -----------------------------------------------------------------------------------------


def build_notice_pdf(path: Path) -> Path:
    """A two-page Chinese PDF in reportlab's built-in CID font; paragraphs wrap mid-sentence."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("notice", fontName="STSong-Light", fontSize=12, leading=18)
    style.wordWrap = "CJK"
    body = LONG_SENTENCE + "街道党工委坚持把巡察整改作为重要政治任务，逐项制定整改措施，" + KEY_SENTENCE
    story = [
        Paragraph(TITLE, style),
        Paragraph("一、主要做法", style),
        Paragraph(body, style),
        Paragraph("二、整改落实情况", style),
        PageBreak(),
        Paragraph("第二页：整改完成率100%。", style),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_notice_pdf(tmp_path_factory.mktemp("pdf") / "notice.pdf")


def test_pdf_text_comes_back_with_wrapped_sentences_joined(notice_pdf: Path) -> None:
    document = load_document(notice_pdf)

    assert document.file_format == "pdf"
    assert document.encoding == ""
    assert document.text.startswith(f"{TITLE}\n一、主要做法\n{LONG_SENTENCE}")
    assert f"{KEY_SENTENCE}\n二、整改落实情况\n第二页：整改完成率100%。" in document.text


def test_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(72, 72, 300, 400, fill=1)  # an "image" of a page, no text
    page.showPage()
    page.save()

    with pytest.raises(LoadError) as caught:
        load_document(path)

    assert str(caught.value) == (
        f"{path}: the PDF has no text layer (scanned image?); convert it with OCR first"
    )


def test_password_protected_pdf_is_an_error(notice_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=notice_pdf)
    writer.encrypt(user_password="mima123", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)

    with pytest.raises(LoadError, match="password-protected"):
        load_document(path)


def test_pdf_with_only_an_owner_password_loads(notice_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=notice_pdf)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)

    assert KEY_SENTENCE in load_document(path).text


@pytest.mark.parametrize(
    "data",
    [b"this is not a PDF at all", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["text", "cut"],
)
def test_corrupt_pdf_is_an_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="the PDF cannot be read"):
        load_document(write(tmp_path, "broken.pdf", data))


def test_full_lines_ending_mid_sentence_are_joined() -> None:
    first = "根据区委统一部署，区委第二巡察组对青禾市云岭区柳林街道开展了为期两个月的常规巡察并"
    second = "于二〇二三年六月十五日向街道党工委反馈了巡察意见同时移交了问题线索和整改任务清单共"
    page = f"一、主要做法\n{first}\n{second}\n十二件。\n二、整改情况"

    assert join_wrapped_cjk_lines(page) == f"一、主要做法\n{first}{second}十二件。\n二、整改情况"


def test_a_number_or_amount_cut_by_the_wrap_is_joined() -> None:
    first = "区委第二巡察组反馈问题后，柳林街道对照问题清单逐项整改，截至20"
    second = "24年5月底清退违规发放的津补贴，涉及干部职工共三十一人，退回"
    page = f"{first}\n{second}\n6.35万元，全部上缴财政。"

    assert join_wrapped_cjk_lines(page) == f"{first}{second}6.35万元，全部上缴财政。"


def test_text_pasted_from_a_pdf_loads_without_page_numbers_and_with_sentences_whole(tmp_path: Path) -> None:
    pasted = (
        "青禾市云岭区柳林街道关于巡察整改情况的报告\n"
        "    根据区委统一部署，区委第二巡察组对柳林街道开展了常规巡察，并于\n"
        "2023年6月15日反馈了巡察意见。街道党工委对照反馈的18个问题建立三\n"
        "张清单，共制定整改措施52条。\n\n— 1 —\n\n"
        "    （一）清退违规发放津补贴。巡察指出，街道以加班补助名义发放补助。\n"
    )

    text = load_document(write(tmp_path, "报告.txt", pasted.encode("utf-8"))).text

    assert "并于2023年6月15日反馈了巡察意见。街道党工委对照反馈的18个问题建立三张清单" in text
    assert "— 1 —" not in text
    assert "\n    （一）清退违规发放津补贴" in text


FULL_PROSE_LINE = "根据区委统一部署，区委第二巡察组对青禾市云岭区柳林街道开展了为期两个月的常规巡察"


@pytest.mark.parametrize(
    "page",
    [
        "青禾市云岭区委关于巡察整改情况的通报\n根据区委统一部署开展巡察",
        f"{FULL_PROSE_LINE}。\n二是整改",
        f"{FULL_PROSE_LINE}ABC\nDEF",
        f"{FULL_PROSE_LINE}，共 20\n24 items",
        f"{FULL_PROSE_LINE}\n（一）加强组织领导",
        f"{FULL_PROSE_LINE}\n问题一：整改台账不全",
        f"{FULL_PROSE_LINE}\n　　新段落",
        "青禾市云岭区柳林街道党工委关于区委第二巡察组反馈意见整改进展情况的通报\n发布时间",
    ],
    ids=[
        "short-line", "sentence-end", "latin-both-sides", "numbers-after-a-space", "enumeration", "numbered-problem",
        "indented-next", "full-title-without-punctuation",
    ],
)  # fmt: skip
def test_line_breaks_that_are_not_wrapping_stay(page: str) -> None:
    assert join_wrapped_cjk_lines(page) == page


# --- DOCX ----------------------------------------------------------------------------------------


def build_notice_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(f"　　一是严肃财经纪律，{KEY_SENTENCE}")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("问题", "整改措施", "完成情况"), ("台账不全", "建立台账", "已完成")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "合计：整改问题2个"
    document.add_paragraph("中共青禾市云岭区柳林街道工作委员会")
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    document = load_document(build_notice_docx(tmp_path / "notice.docx"))

    assert document.file_format == "docx"
    assert document.text == (
        f"{TITLE}\n"
        f"　　一是严肃财经纪律，{KEY_SENTENCE}\n"
        "问题\t整改措施\t完成情况\n"
        "台账不全\t建立台账\t已完成\n"
        "合计：整改问题2个\n"
        "中共青禾市云岭区柳林街道工作委员会"
    )


def test_corrupt_docx_is_an_error(tmp_path: Path) -> None:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")

    broken_files = (("bad.docx", b"PK\x03\x04 truncated"), ("empty-zip.docx", zipped.getvalue()))
    for name, data in broken_files:
        with pytest.raises(LoadError, match="the .docx cannot be read"):
            load_document(write(tmp_path, name, data))


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n  "], ids=["empty", "whitespace"])
def test_empty_file_is_an_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="no text"):
        load_document(write(tmp_path, "blank.txt", data))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        ("巡察" + "\x01\x02\x03\x04" * 40).encode("utf-8"),
    ],
    ids=["nul-bytes", "control-characters"],
)
def test_binary_file_with_text_suffix_is_an_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="looks binary"):
        load_document(write(tmp_path, "image.txt", data))


def test_mixed_encodings_are_undecodable(tmp_path: Path) -> None:
    data = NOTICE.encode("utf-8") + KEY_SENTENCE.encode("gbk") * 3 + b"\x80\xff"

    with pytest.raises(LoadError, match="encoding is not recognised.*re-save it as UTF-8"):
        load_document(write(tmp_path, "mixed.txt", data))


def test_oversized_file_names_the_limit_and_the_setting(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "巡察".encode() * 262_144)  # 1.5 MiB

    with pytest.raises(LoadError) as caught:
        load_document(path, max_bytes=1024 * 1024)

    assert "the file is 1.5 MB, over the 1 MB limit" in str(caught.value)
    assert "ASSISTANT_MAX_FILE_MB" in str(caught.value)


@pytest.mark.parametrize("name", ["notice.doc", "notice.xlsx", "notice"])
def test_unsupported_suffix_is_an_error_that_lists_supported_ones(
    tmp_path: Path, name: str
) -> None:
    path = write(tmp_path, name, NOTICE.encode())

    with pytest.raises(LoadError, match="not supported; convert it to one of: .docx .htm .html"):
        load_document(path)


def test_missing_or_unreadable_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(LoadError, match="does not exist"):
        load_document(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(LoadError, match="is a folder"):
        load_document(tmp_path / "folder.txt")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = write(tmp_path, "locked.txt", NOTICE.encode())
    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(LoadError, match="permission denied"):
        load_document(path)


def test_load_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", b"")

    with pytest.raises(LoadError) as caught:
        load_document(path)

    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    assert "\n" not in str(error)


# --- finding files -------------------------------------------------------------------------------


def test_iter_notice_files_walks_folders_sorted_and_skips_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    for name in (
        "b.txt", "a.PDF", "sub/c.docx", "sub/deeper/d.htm", "sub/e.md", "notes.doc", "image.png",
        ".hidden.txt", ".git/config.txt", "sub/~$c.docx",
    ):  # fmt: skip
        write(tmp_path, name, b"x")
    single = write(tmp_path / "elsewhere", "f.html", b"x")

    found = list(iter_notice_files([tmp_path / "sub", tmp_path, single]))

    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "sub/c.docx", "sub/deeper/d.htm", "sub/e.md",
        "a.PDF", "b.txt", "elsewhere/f.html",
    ]  # fmt: skip
    assert all(path.suffix.lower() in SUPPORTED_SUFFIXES for path in found)


def test_iter_notice_files_rejects_a_missing_path_before_yielding_anything(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"x")

    with pytest.raises(LoadError, match="no such file or folder") as caught:
        next(iter_notice_files([tmp_path, tmp_path / "missing"]))

    assert caught.value.path == str(tmp_path / "missing")


def test_iter_notice_files_rejects_a_named_file_of_unsupported_type(tmp_path: Path) -> None:
    path = write(tmp_path, "notice.doc", b"x")

    with pytest.raises(LoadError, match="not supported"):
        list(iter_notice_files([path]))
