"""A table's header read into meanings: its unit, its kind of title, whether
its codes may be printed without spaces, and its numeric columns.

The header is the first lines of a table (title, "单位：万元", the column
names), read as one squeezed text: column names are often wrapped over
several lines.
"""

from __future__ import annotations

import re

from linter.tree import Document, Table

_HEADER_LINES = 12
_UNIT_YUAN = re.compile(r"单位\s*:\s*元")
_SPACE = re.compile(r"\s+")
_CLASSIFIED_HEADER = re.compile(r"科目|编码|代码|分类")
# The numeric columns of the classified tables, recognised in the header.
_COLUMN_SETS = (
    ("合计", "基本支出", "项目支出"),
    ("合计", "人员经费", "公用经费"),
)


def header_text(document: Document, table: Table) -> str:
    """The text of the table's first lines, as printed."""
    return "".join(document.text[row.span.start:row.span.end] for row in table.rows[:_HEADER_LINES])


def table_unit(document: Document, table: Table) -> str:
    """万元, or 元 when the header says "单位：元"."""
    return "元" if _UNIT_YUAN.search(header_text(document, table)) else "万元"


def is_three_public(table: Table) -> bool:
    """The 财政拨款“三公”经费支出情况表, by its title."""
    return "三公" in table.title


def is_self_evaluation(table: Table) -> bool:
    """A performance self-evaluation table (…绩效自评表), by its title."""
    return "自评表" in table.title.replace(" ", "")


def speaks_of_codes(document: Document, table: Table) -> bool:
    """The header names a classification (科目, 编码 …): only then is a
    number like "2140104" at a line's start read as a code."""
    return bool(_CLASSIFIED_HEADER.search(_SPACE.sub("", header_text(document, table))))


def classified_columns(document: Document, table: Table) -> tuple[str, ...]:
    """The numeric columns the header names: 合计 / 基本支出 / 项目支出,
    合计 / 人员经费 / 公用经费, or 合计 alone."""
    squeezed = _SPACE.sub("", header_text(document, table))
    columns: tuple[str, ...] = ("合计",)
    for candidate in _COLUMN_SETS:
        if all(name in squeezed for name in candidate[1:]):
            columns = candidate
    return columns
