"""Figures stated in a notice's tables: a label cell next to a number cell, or a header row over a value row.

Tables reach the text as lines whose cells are separated by tabs or runs of spaces
("2\t已完成整改\t37个"). Each label is read together with its number, by the same rules as a
sentence ("已完成整改37个"), and the figure is placed back at the cells where the notice writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from index.figures import Quantity, find_quantities, mask_non_figures
from index.records.text import Claim, NoticeText

# Cells of a row: separated by a tab, or by two or more spaces (ASCII or full-width).
CELL_BREAK = re.compile(r"\t+[ \u3000]*|[ \u3000]{2,}")
# A label cell: a short name with no sentence punctuation ("整改完成问题", "追回资金(万元)").
LABEL_CELL = re.compile(r"[^，,。；;！？!?]*[\u4e00-\u9fff][^，,。；;！？!?]*")
# Longest label cell: labels seen run to ~12 characters (清退违规发放的津补贴); 30 keeps sentence pieces out.
MAX_LABEL_CHARS = 30
# What may follow the figure in a number cell: nothing, or a note in brackets ("(已办结6件)").
NUMBER_NOTE = re.compile(r"\s*(?:[(（][^()（）]*[)）])?")
# Cells that only number or total the rows of a table: "1", "(一)", "合计".
ROW_MARKER = re.compile(r"[\d一二三四五六七八九十()（）.、]+|合计|总计|小计|全部|汇总")

# A line of short cells set apart by one full-width space each ("甲村　6　5　1.20　0"), with no sentence stop.
SINGLE_WIDE_SPACE = re.compile(r"\u3000")
MIN_SPACED_CELLS = 3
# A bare figure in a table whose header gives the measure ("6" under "已整改（个）"), and that measure.
BARE_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")
PROBLEMS_FOUND_HEADER = re.compile(r"(?:发现|反馈|指出|巡察)?问题(?:总数|数)?")
HEADER_MEASURE = re.compile(r"[(（](个|项|条|件|人|万元|元|亿元|%)[)）]$")  # a heading "一、　总体情况" has two pieces; a table line of a label and figures has 3+

Classify = Callable[[NoticeText, list[Quantity]], list[Claim]]


@dataclass(frozen=True)
class Cell:
    """One cell of a table row, at text[start:end]."""

    text: str
    start: int
    end: int


def table_rows(text: str) -> list[list[Cell]]:
    """Every line of two or more cells, each cell with its offsets."""
    rows, offset = [], 0
    for line in text.splitlines(keepends=True):
        cells, cell_start = [], offset
        content = line.rstrip("\r\n")
        breaks = CELL_BREAK if CELL_BREAK.search(content) or not _spaced_cells(content) else SINGLE_WIDE_SPACE
        for piece in [*breaks.finditer(content), None]:
            cell_end = offset + piece.start() if piece else offset + len(content)
            cell_text = text[cell_start:cell_end].strip()
            if cell_text:
                begin = text.index(cell_text, cell_start)
                cells.append(Cell(cell_text, begin, begin + len(cell_text)))
            cell_start = offset + piece.end() if piece else cell_end
        if len(cells) >= 2:
            rows.append(cells)
        offset += len(line)
    return rows


def _spaced_cells(content: str) -> bool:
    pieces = content.strip().split("\u3000")
    return len(pieces) >= MIN_SPACED_CELLS and all(pieces) and not re.search(r"[，。；！？,;!?]", content)


def table_pairs(text: str) -> list[tuple[Cell, Cell]]:
    """(label cell, number cell) pairs: a label next to its number in a row, or a column's header over it."""
    pairs: list[tuple[Cell, Cell]] = []
    rows = table_rows(text)
    for index, row in enumerate(rows):
        if _is_label_cell(row[0]) and (header := _matrix_header(rows, index, text)):
            pairs.extend(_matrix_pair(header[i], cell) for i, cell in enumerate(row) if BARE_FIGURE.fullmatch(cell.text))
            continue
        numbers = [i for i, cell in enumerate(row) if _is_number_cell(cell)]
        if not numbers or not _is_table_row(row):
            continue
        labels = [i for i in range(numbers[0]) if _is_label_cell(row[i])]
        if labels and len(numbers) == 1:
            pairs.append((row[labels[-1]], row[numbers[0]]))
        elif not labels and index > 0 and _is_header_of(rows[index - 1], row, text):
            pairs.extend((rows[index - 1][i], row[i]) for i in numbers)
    return pairs


def _matrix_pair(header: Cell, number: Cell) -> tuple[Cell, Cell]:
    """A column header with its measure in brackets ("已整改（个）") over a bare figure ("6"): read as
    "已整改" and "6个"; the number cell keeps its place in the notice."""
    measure = HEADER_MEASURE.search(header.text)
    label = header.text[: measure.start()] if measure else header.text
    label = re.sub(r"(?<=\w\w)(?:人数|个数|数量)$", "", label)  # "处理人数" over "3人" reads as "处理3人"
    return Cell(label, header.start, header.start + len(label)), Cell(number.text + (measure.group(1) if measure else ""), number.start, number.end)


def _matrix_header(rows: list[list[Cell]], index: int, text: str) -> list[Cell] | None:
    """The header line of a table whose rows each open with a name ("村名 发现问题 已整改" over "甲村 6 5"):
    the nearest line of labels above, cell for cell, over consecutive rows of the same shape."""
    row = rows[index]
    if len(row) < MIN_SPACED_CELLS or not all(BARE_FIGURE.fullmatch(cell.text) for cell in row[1:]):
        return None
    for above in range(index - 1, -1, -1):
        upper = rows[above]
        if text[upper[-1].end : rows[above + 1][0].start].count("\n") != 1 or len(upper) != len(row):
            return None
        if all(_is_label_cell(cell) for cell in upper):
            return upper
        if not (_is_label_cell(upper[0]) or ROW_MARKER.fullmatch(upper[0].text)) or not all(BARE_FIGURE.fullmatch(c.text) for c in upper[1:]):
            return None
    return None


def _is_table_row(row: list[Cell]) -> bool:
    """Every cell a label, a number or a row marker: a line of text with wide spaces is no table row."""
    return all(_is_label_cell(cell) or _is_number_cell(cell) or ROW_MARKER.fullmatch(cell.text) for cell in row)


def _is_number_cell(cell: Cell) -> bool:
    """A cell that is one figure, with any note in brackets ("37个", "90.2%", "7件(已办结6件)")."""
    quantities = find_quantities(mask_non_figures(cell.text))
    if not quantities or quantities[0].start != 0:
        return False
    return NUMBER_NOTE.fullmatch(cell.text, quantities[0].end) is not None


def _is_label_cell(cell: Cell) -> bool:
    """A short name of what a figure counts, not a row number and not a figure itself."""
    return (
        len(cell.text) <= MAX_LABEL_CHARS
        and LABEL_CELL.fullmatch(cell.text) is not None
        and not ROW_MARKER.fullmatch(cell.text)
        and not _is_number_cell(cell)
    )


def _is_header_of(header: list[Cell], row: list[Cell], text: str) -> bool:
    """A row of labels on the line right above a row of numbers, cell for cell."""
    between = text[header[-1].end : row[0].start]
    return (
        len(header) == len(row)
        and between.count("\n") == 1
        and all(_is_label_cell(cell) or ROW_MARKER.fullmatch(cell.text) for cell in header)
        and all(_is_number_cell(cell) or ROW_MARKER.fullmatch(cell.text) for cell in row)
    )


def table_claims(text: str, classify: Classify) -> list[tuple[Claim, tuple[int, int]]]:
    """Figures of every label-number pair, read as the label written before its number, at the notice's
    offsets; each with the span of its row (a header and its value row) to quote."""
    claims = []
    for label, number in table_pairs(text):
        joined = NoticeText(label.text + number.text)
        to_text = _offset_map(label, number)
        line_start = text.rfind("\n", 0, label.start) + 1
        # A row is quoted from its label (no row number); a column from its header line down to the value.
        same_line = "\n" not in text[label.end : number.start]
        number_line = text.rfind("\n", 0, number.start) + 1
        # A column header over its row of one name's figures: the name's row is the quote.
        below = text[line_start:number_line].count("\n") > 1 or _opens_with_name(text, number_line, number.start)
        row = (label.start if same_line else number_line if below else line_start, _line_end(text, number.end))
        for claim in _read_pair(joined, classify):
            quantity = claim.quantity
            start, end = to_text(quantity.start), min(to_text(quantity.end - 1) + 1, max(number.end, label.end))
            anchor = (to_text(claim.anchor_start), to_text(claim.anchor_end - 1) + 1)
            claims.append((Claim(claim.field, claim.label, replace(quantity, start=start, end=end), *anchor), row))
    return claims


def _read_pair(joined: NoticeText, classify: Classify) -> list[Claim]:
    """The claims of "label+number"; a column of problems found ("发现问题" over "6个"), which the sentence rules
    take only beside a word of the inspection, is read as such."""
    quantities = find_quantities(joined.masked)
    claims = classify(joined, quantities)
    label = joined.text[: quantities[0].start] if quantities else ""
    if not claims and quantities and PROBLEMS_FOUND_HEADER.fullmatch(label) and quantities[0].kind == "count":
        claims = [Claim("problems_found", label, quantities[0], 0, quantities[0].end)]
    return claims


def _opens_with_name(text: str, line_start: int, number_start: int) -> bool:
    first = CELL_BREAK.split(text[line_start:number_start].strip())[0].split("\u3000")[0]
    return bool(first) and LABEL_CELL.fullmatch(first) is not None and not ROW_MARKER.fullmatch(first) and not re.search(r"\d", first)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _offset_map(label: Cell, number: Cell) -> Callable[[int], int]:
    """Offsets in "label+number" mapped back to the two cells in the notice."""

    def to_text(position: int) -> int:
        if position < len(label.text):
            return label.start + position
        return number.start + position - len(label.text)

    return to_text


def row_spans(text: str) -> list[tuple[int, int]]:
    """Where the number cells of table rows are: sentence rules skip them (a row of several numbers without
    headers is left out, not guessed); the table rules read the ones they can pair."""
    return [
        (cell.start, cell.end) for row in table_rows(text) if _is_table_row(row) for cell in row if _is_number_cell(cell)
    ]
