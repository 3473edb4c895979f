"""How questions and lists speak of units: asking across units, comparing, and a notice listed under its unit."""

from __future__ import annotations

import re

from index.catalog import NoticeRow

# Words that name units as a class ("哪些单位", "哪几个区", "哪家"): a question is across units only
# when its question word asks about units, not about things of one unit ("X采取了哪些措施").
_UNIT_CLASS = r"(单位|地方|地区|区县|县区|县市|市县|区|县|市|镇|乡|街道|开发区|新区|园区|集聚区|部门|学校|医院|企业|国企|家)"
# After "N家": what a notice counts inside itself ("三家企业"), not units of the library.
NOT_UNITS_AFTER_COUNT = r"(?![^,，。?？]{0,3}?(?:企业|公司|机构|商户|供应商|门店|医院|银行))"
ACROSS_UNITS = re.compile(
    rf"(哪些|哪几个?|哪一?个|哪几家|哪家){_UNIT_CLASS}|哪家|谁家|"
    r"各单位|各个单位|每个单位|每家|所有单位|全部单位|各地|各区|各县|各街道|各部门|"
    r"有没有单位|有单位|几个单位|多少个?单位|[两三四五六七八九十\d]+个单位|这些单位|几家|"
    # "四家加起来": three or more units counted (two are the pair a conversation is on); not "三家企业" inside a
    # notice, nor an ordinal ("第二家").
    rf"(?<![第\d两二三四五六七八九十])[二三四五六七八九十\d]+家{NOT_UNITS_AFTER_COUNT}|"
    r"(?:全部|所有)的?(?:加起来|加一块|加在一起|合起来)"  # "全部加起来多少": every unit's figure added
)
# How a notice whose unit was not recognised is listed: honestly, never under its file name alone.
UNRECOGNISED_UNIT = "未识别单位"
COMPARISON = re.compile(r"比较|对比|相比|有何不同|有什么不同|有何区别|有什么区别|异同|差异|不同之处|谁更|哪个更")


def unit_label(row: NoticeRow) -> str:
    """The name a notice is listed under: its unit, else 未识别单位(title or file) so no file poses as a unit."""
    return row.unit or f"{UNRECOGNISED_UNIT}({row.title or row.file_name})"


def asks_across_units(question: str) -> bool:
    """True for questions about every unit: 哪些单位 / 各单位 / 分别 / 哪几个 / 有没有单位 ..."""
    return bool(ACROSS_UNITS.search(question))


def asks_comparison(question: str) -> bool:
    """True for questions comparing units: 比较 / 对比 / 有何不同 / 谁更 ..."""
    return bool(COMPARISON.search(question))
