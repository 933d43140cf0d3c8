"""The classified tables (budget 表2 … 表6, the final account's 决算表):
rows keyed by a function or economic classification code — 类 ``208``, 款
``208 01``, 项 ``208 01 01`` — under columns such as 合计 / 基本支出 /
项目支出.

This module reads the rows (a code or 总计/合计, a name, then numbers; a
name wrapped over several lines is one row; a line printed two or three
column groups wide is cut into one row per group); linter.tables.placement
places their numbers in the columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.sourcemap import Span
from linter.tables.cells import cell_figure, is_figure, is_number, trailing_figures
from linter.tables.header import ColumnLayout, column_layout, without_optional, speaks_of_codes, table_unit
from linter.tables.model import TableModel, TableRow
from linter.tables.placement import place
from linter.tree import Cell, Document, Table

_CODE = re.compile(r"^\d{3}(?:\s+\d{2}){0,2}$")
_SOLID_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")  # "2140104", printed without spaces
_TOTAL_LABEL = re.compile(r"^(?:总计|合计)$")
# The 类 of the national classifications: income 101–119, functions 201–239,
# the department's economic classes 301–319 and 399, the government's 501–519
# and 599 (never a round hundred: classes are numbered from 01).
_CLASSES = re.compile(r"^[\[【]?(?:10[1-9]|11\d|2[0-3]\d|3(?:0[1-9]|1\d|99)|5(?:0[1-9]|1\d|99))")
# A code group printed without its leading zero ("301 2 津贴补贴" for 301 02).
_LOST_ZERO = re.compile(r"^[1-9]$")


class ClassifiedReader:
    """A table with rows opening with a classification code."""

    kind = "classified"

    def accepts(self, document: Document, table: Table) -> bool:
        solid = speaks_of_codes(document, table)
        return any(line.cells and code_of(line.cells[0].text, solid) is not None for line in table.rows)

    def read(self, document: Document, table: Table) -> TableModel:
        unit = table_unit(document, table)
        rows = classified_rows(document, table, unit, speaks_of_codes(document, table))
        widest = max((len(row.numbers) for row in rows), default=0)
        layout = without_optional(column_layout(document, table), widest)
        if widest > len(layout.columns):
            # More numbers than the header's columns: a column name wrapped
            # out of the header line, or a column the templates do not have.
            # Which number is which is unknown but for the first, the 合计.
            layout = ColumnLayout(layout.columns[:1])
        place(rows, layout, document)
        return TableModel(table, self.kind, unit, layout.columns, rows, identities=layout.identities)


def classified_rows(document: Document, table: Table, unit: str, solid: bool = False) -> list[TableRow]:
    """Data rows: a code or 总计/合计, a name, then numbers — a row wrapped
    over several lines is joined.  Codes printed without spaces ("2140104")
    are read only in a table whose header speaks of 科目 or 编码 (``solid``):
    elsewhere a five-digit number at a line's start is just a number."""
    rows: list[TableRow] = []
    pending: TableRow | None = None
    for row in column_groups(table.rows, solid):
        cells = row.cells
        if not cells:
            continue
        code = code_of(cells[0].text, solid)
        if code is not None and len(code.split()) < 3 and len(cells) > 2 and _LOST_ZERO.match(cells[1].text) \
                and not is_figure(cells[2].text):
            code, cells = f"{code} 0{cells[1].text}", [cells[0], *cells[2:]]  # "301 2 津贴补贴": 301 02
        texts = [cell.text for cell in cells]
        if code is not None or _TOTAL_LABEL.match(texts[0]):
            body = cells[1:]
            name_cells = [c for c in body if not is_figure(c.text)]
            number_cells = body[len(body) - trailing_figures(body):]
            label = "".join(c.text for c in name_cells) if code is not None else texts[0]
            if len(name_cells) + len(number_cells) != len(body):
                # Numbers between words: not a data row of this layout.  A
                # coded row is kept without numbers, so that no rule sums its
                # parent's children without it.
                if code is not None:
                    rows.append(TableRow(label, code, [], row.span))
                pending = None
                continue
            numbers = [q for q in (cell_figure(document, c, unit) for c in number_cells) if q is not None]
            current = TableRow(label, code, numbers, row.span)
            rows.append(current)
            pending = current if not numbers else None
        elif pending is not None:
            if all(is_figure(t) for t in texts):
                pending.numbers = [q for q in (cell_figure(document, c, unit) for c in cells) if q is not None]
                pending.span = Span(pending.span.start, row.span.end)
                pending = None
            elif not any(is_number(t) for t in texts):
                pending.label += "".join(texts)
            else:
                pending = None
    return rows


@dataclass(slots=True)
class _Group:
    """One column group of a table line ("30101 基本工资 223.52")."""

    span: Span
    cells: list[Cell]


def column_groups(lines, solid: bool):
    """The lines of a table, a line printed two or three column groups wide
    ("30101 基本工资 223.52 30201 办公费 24.39", the economic tables of
    人员经费 and 公用经费) cut into one row per group: a new group starts at a
    code that follows a number, on a line that opens with a code."""
    for line in lines:
        cells = line.cells
        if not cells or code_of(cells[0].text, solid) is None:
            yield line  # not "code name amount …" (a 收支总表 line: "一、本年收入 945.52 201 …")
            continue
        cuts = [
            i for i in range(2, len(cells))
            if is_figure(cells[i - 1].text) and code_of(cells[i].text, solid) is not None
            and i + 1 < len(cells) and not is_figure(cells[i + 1].text)
        ]
        if not cuts:
            yield line
            continue
        for start, end in zip([0] + cuts, cuts + [len(cells)]):
            group = cells[start:end]
            yield _Group(Span(group[0].span.start, group[-1].span.end), group)


def code_of(text: str, solid: bool) -> str | None:
    """A classification code in its spaced form: "208 01 01" (also when
    printed "2080101", if ``solid``).  A 类 is one of the classification's
    classes (``_CLASSES``): "100" or "380" opening a line is a number (a
    target value of a 绩效目标表), not a code."""
    if not _CLASSES.match(text):
        return None
    if _CODE.match(text):
        return text
    if solid and len(text) > 2 and text[0] in "[【" and text[-1] in "]】":
        text = text[1:-1]  # "[2080101]"
    if solid and _SOLID_CODE.match(text):
        groups = [text[:3]] + [text[i:i + 2] for i in range(3, len(text), 2)]
        return " ".join(groups) if "00" not in groups[1:] else None
    return None
