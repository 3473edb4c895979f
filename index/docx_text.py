"""The text of a .docx notice: paragraphs and table rows in document order."""

from __future__ import annotations

import io

import docx
from docx.table import Table

from index.limits import LoadLimits
from index.load_errors import UnreadableContent

__all__ = ["read_docx"]

_DOCX_CORRUPT = (
    "the .docx cannot be read (damaged, or an old .doc renamed); open it in Word or WPS and "
    "save it as .docx again"
)

def read_docx(data: bytes, limits: LoadLimits) -> tuple[str, str]:
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except Exception as exc:  # zip, XML and package errors all mean the same to the user
        raise UnreadableContent(_DOCX_CORRUPT) from exc
    return "\n".join(lines), ""


def _table_rows(table: Table) -> list[str]:
    """One line per row, cells joined by a tab; a merged cell's text appears once."""
    seen_cells: set[object] = set()
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            # Merged cells come back once per grid position, sharing one <w:tc> element; keeping
            # the elements in the set keeps lxml's proxies (and so their identity) alive.
            if cell._tc not in seen_cells:
                seen_cells.add(cell._tc)
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return rows
