"""A table's header read into meanings: its unit, its kind of title, whether
its codes may be printed without spaces, and its numeric columns.

The header is the first lines of a table (title, "单位：万元", the column
names), read as one squeezed text: column names are often wrapped over
several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.tree import Document, Table

_HEADER_LINES = 12
_UNIT_YUAN = re.compile(r"单位\s*:\s*元")
_SPACE = re.compile(r"\s+")
_CLASSIFIED_HEADER = re.compile(r"科目|编码|代码|分类")
# The part columns a classified table may have after its 合计, in the order
# the national templates print them: the 支出总表 (基本支出, 项目支出, 上缴上级支出,
# 事业单位经营支出, 对附属单位补助支出); the 一般公共预算支出表 whose 基本支出 is
# split into 小计 / 人员经费 / 公用经费; the 基本支出表 of 人员经费 / 公用经费.
# Columns of the national 支出总表 that only units with business or
# subordinate units fill: empty in nearly every department's table.
OPTIONAL_PARTS = ("上缴上级支出", "事业单位经营支出", "对附属单位补助支出")
_SPENDING_PARTS = ("基本支出", "项目支出", *OPTIONAL_PARTS)
_BASIC_PARTS = ("人员经费", "公用经费")
# The names templates give the two parts of 基本支出.
_STAFF = re.compile(r"人员(?:经费|支出|类)")
_UPKEEP = re.compile(r"(?:日常)?公用(?:经费|支出)")
# A column printed after 项目支出 that is no part of any sum (Beijing's
# 项目支出 "扣除基建项目后预算数").
_TRAILING_EXTRA = ("扣除基建",)
# Header cells that name no numeric column.
_NOT_NUMERIC = re.compile(r"^(?:备注|说明|栏次)$")
_TOTAL_NAMES = ("合计", "总计")


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """A classified table's numeric columns in printed order, and the
    identities between them: (whole, parts) means whole = the sum of parts."""

    columns: tuple[str, ...]
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()


def without_optional(layout: ColumnLayout, widest: int) -> ColumnLayout:
    """The layout without the optional columns (上缴上级支出 …) when no row
    prints more numbers than the other columns: a text layer drops empty
    cells, and a table none of whose rows reaches those columns is read as
    the template most departments fill, rather than leaving every row open
    between columns that are empty in all of them."""
    kept = tuple(name for name in layout.columns if name not in OPTIONAL_PARTS)
    if len(kept) == len(layout.columns) or widest > len(kept):
        return layout
    identities = tuple(
        (whole, tuple(name for name in parts if name not in OPTIONAL_PARTS)) for whole, parts in layout.identities
    )
    return ColumnLayout(kept, identities)


def canonical_column(name: str) -> str:
    """A column's name as rules know it: "人员经费支出", "人员支出" → 人员经费,
    "日常公用支出" → 公用经费, "基本支出合计" → 基本支出."""
    if _STAFF.search(name):
        return "人员经费"
    if _UPKEEP.search(name):
        return "公用经费"
    for known in _SPENDING_PARTS:
        if name.startswith(known):
            return known
    return name


def column_layout(document: Document, table: Table) -> ColumnLayout:
    """The numeric columns the header names, with their identities.

    A header printed on one line ("合计 人员经费支出 公用经费支出 专项业务经费支出
    备注") is read from that line: its columns, in order, and 合计 = their
    sum.  A header over several lines (小计 under 基本支出, names wrapped)
    is matched against the national templates: 合计 / 基本支出 / 项目支出
    (… 上缴上级支出 …), the nested 合计 / 基本支出 (小计 人员经费 公用经费) /
    项目支出, 合计 / 人员经费 / 公用经费, or 合计 alone."""
    squeezed = _SPACE.sub("", header_text(document, table))
    one_line = _one_line_columns(table) if "小计" not in squeezed else None
    if one_line is not None:
        parts = one_line[1:]
        # "其中：经费拨款" anywhere in the header: a column that is part of
        # another, so the columns do not simply add up to 合计.
        sums = "其中" not in squeezed
        return ColumnLayout(one_line, (("合计", parts),) if sums else ())
    spending = tuple(name for name in _SPENDING_PARTS if name in squeezed)
    basic = bool(_STAFF.search(squeezed)) and bool(_UPKEEP.search(squeezed))
    extra = tuple(name for name in _TRAILING_EXTRA if name in squeezed)
    if basic and "小计" in squeezed and spending[:2] == ("基本支出", "项目支出"):
        columns = ("合计", "基本支出", *_BASIC_PARTS, *spending[1:], *extra)
        return ColumnLayout(columns, (("合计", spending), ("基本支出", _BASIC_PARTS)))
    if basic:  # 人员经费 / 公用经费 under 基本支出 without its 小计, and the other parts
        parts = (*_BASIC_PARTS, *spending[1:]) if spending[:2] == ("基本支出", "项目支出") else _BASIC_PARTS
        return ColumnLayout(("合计", *parts, *extra), (("合计", parts),))
    if spending[:2] == ("基本支出", "项目支出"):
        return ColumnLayout(("合计", *spending, *extra), (("合计", spending),))
    return ColumnLayout(("合计",))


def _one_line_columns(table: Table) -> tuple[str, ...] | None:
    """The columns of a header line "… 合计 A B C": 合计 and at least two
    named columns after it, none a number, before the first data row."""
    for line in table.rows[:_HEADER_LINES]:
        texts = [_SPACE.sub("", cell.text) for cell in line.cells]
        if any(re.match(r"^-?[\d,]+(?:\.\d+)?$", text) for text in texts):
            return None  # the data begin: no such header line
        at = next((i for i, text in enumerate(texts) if text in _TOTAL_NAMES), None)
        if at is None or at == 0:
            continue
        names = [canonical_column(text) for text in texts[at + 1:] if not _NOT_NUMERIC.match(text)]
        if len(names) >= 2 and len(set(names)) == len(names):
            return ("合计", *names)
    return None

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
    """The numeric columns the header names (column_layout's columns)."""
    return column_layout(document, table).columns
