"""Performance self-evaluation tables (项目支出绩效自评表, 部门整体支出绩效
自评表): the funds row "年度资金总额 年初预算数 全年预算数 全年执行数 分值 执行率
得分", the "总分 分值 得分" row — also when their cells are printed one per
line — and the indicator rows (linter.tables.indicators).
"""

from __future__ import annotations

import re

from linter.sourcemap import Span
from linter.tables.cells import is_value, join_split_numbers, quantity
from linter.tables.header import is_self_evaluation, table_unit
from linter.tables.indicators import gap_note, indicator_name, one_line_indicator, read_indicator_part
from linter.tables.model import FundsRow, IndicatorRow, ScoreRow, TableModel
from linter.tree import Document, Table

_FUNDS_LABELS = ("年度资金总额", "年度总资金", "资金总额")
_FUNDS = re.compile("^(?:" + "|".join(_FUNDS_LABELS) + ")")
_FUNDS_HEAD = (*_FUNDS_LABELS, "总分")  # how a funds or total-score row starts
_SCORE = re.compile(r"^总分$")


class PerformanceReader:
    """A self-evaluation table, recognised by its title (…自评表)."""

    kind = "performance"

    def accepts(self, document: Document, table: Table) -> bool:
        return is_self_evaluation(table)

    def read(self, document: Document, table: Table) -> TableModel:
        model = TableModel(table, self.kind, table_unit(document, table))
        strict = _read_rows(document, model)
        model.indicators = list(strict.values())
        read_indicator_part(document, model, strict)
        if _unread_funds(document, model):
            # The weights of the funds row are part of the 总分: without
            # them the indicator part was not read in full.
            model.read_in_full = None
        return model


def _read_rows(document: Document, model: TableModel) -> dict[int, IndicatorRow]:
    """Find the funds and total-score rows (joining cells printed one per
    line) and the indicator rows printed on one line, by their line."""
    rows = model.table.rows
    strict: dict[int, IndicatorRow] = {}
    index = 0
    while index < len(rows):
        # Most rows are indicator text: look at the row's start before
        # splitting it into cells.
        if not document.text.startswith(_FUNDS_HEAD, rows[index].span.start):
            indicator = one_line_indicator(document, rows[index])
            if indicator is not None:
                if indicator.target is not None:
                    gap_note(document, rows, index, indicator)
                    indicator.name = indicator_name(document, rows, index)
                strict[index] = indicator
            index += 1
            continue
        index = _funds_or_score(document, model, index)
    return strict


def _unread_funds(document: Document, model: TableModel) -> bool:
    """A 年度资金总额 line that was not read as a funds row (a cell of it
    empty: "年度资金总额 218 218 218 10 100.00%" without its 得分)."""
    lines = [row for row in model.table.rows if row.cells and _FUNDS.match(row.cells[0].text)]
    return len(lines) > len(model.funds)


def _funds_or_score(document: Document, model: TableModel, index: int) -> int:
    """Read a funds or 总分 row starting at line ``index``, its values maybe
    continued one per line below; returns the index of the next line."""
    rows = model.table.rows
    cells = list(rows[index].cells)
    first = cells[0].text if cells else ""
    wanted = 6 if _FUNDS.match(first) else 2 if _SCORE.match(first) else 0
    if not wanted:
        return index + 1
    values = join_split_numbers([c for c in cells[1:] if is_value(c.text)])
    end = rows[index].span.end
    probe = index + 1
    while len(values) < wanted and probe < len(rows):
        more = [c for c in rows[probe].cells if c.text != "分"]
        if not more or not all(is_value(c.text) for c in more):
            break
        values = join_split_numbers(values + more)
        end = rows[probe].span.end
        probe += 1
    units = [model.unit] * 3 + ["", "", ""] if wanted == 6 else ["", ""]
    quantities = [quantity(document, c, u) for c, u in zip(values[:wanted], units)]
    span = Span(rows[index].span.start, end)
    if len(quantities) == wanted and all(q is not None for q in quantities):
        if wanted == 6 and quantities[3].unit == "%" and quantities[4].unit != "%":
            # the columns 执行率 分值 得分 instead of 分值 执行率 得分
            quantities[3], quantities[4] = quantities[4], quantities[3]
        if wanted == 6 and quantities[4].unit == "%":
            model.funds.append(FundsRow(*quantities, span))
        elif wanted == 2:
            model.scores.append(ScoreRow(quantities[0], quantities[1], span))
    return probe if probe > index + 1 else index + 1
