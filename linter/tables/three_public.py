"""The 财政拨款“三公”经费支出情况表: one row per item (合计, 因公出国（境）费,
公务用车购置及运行费 and its two parts, 公务接待费), each row's first number
its 合计 — or, as the national template prints it, the items laid out across
over one row of six amounts.

The rows' ``code`` names the item (total, travel, cars, purchase, running,
hospitality), so that rules find an item without reading its words.
"""

from __future__ import annotations

import re

from linter.tables.cells import cell_figure, empty_cell, is_figure, is_number, quantity
from linter.tables.header import is_three_public, table_unit
from linter.tables.model import TableModel, TableRow
from linter.tree import Document, Table

# The rows of a 三公 table by what they hold; a row without a number is 0.
THREE_PUBLIC_ROWS = (
    ("total", re.compile(r"^(?:合计|总计)$")),
    ("travel", re.compile(r"因公出国")),
    ("cars", re.compile(r"公务用车购置及运行")),
    ("purchase", re.compile(r"公务用车购置费$")),
    ("running", re.compile(r"公务用车运行(?:维护)?费$")),
    ("hospitality", re.compile(r"公务接待")),
)
_LEAD = re.compile(r"^其中[:：]?")
_SUBTOTAL = re.compile(r"\(小计\)$")
_SPACE = re.compile(r"\s+")

_ACROSS_ORDERS = {
    # the vehicles' three columns (小计, 购置, 运行) sit where 公务用车 is named
    True: ("total", "travel", "cars", "purchase", "running", "hospitality"),
    False: ("total", "travel", "hospitality", "cars", "purchase", "running"),
}


class ThreePublicReader:
    """The 三公 table, recognised by its title."""

    kind = "three-public"

    def accepts(self, document: Document, table: Table) -> bool:
        return is_three_public(table)

    def read(self, document: Document, table: Table) -> TableModel:
        unit = table_unit(document, table)
        model = TableModel(table, self.kind, unit, ("合计",))
        _read_down(document, table, unit, model)
        if not any(row.numbers for row in model.rows):
            model.rows.clear()
            _read_across(document, table, unit, model)
        return model


def _read_down(document: Document, table: Table, unit: str, model: TableModel) -> None:
    """One row per item, named by its words."""
    for row in table.rows:
        cells = row.cells
        words = [c for c in cells if not is_number(c.text)]
        if not words:
            continue
        label = _SUBTOTAL.sub("", _LEAD.sub("", "".join(c.text for c in words)))
        kinds = [name for name, pattern in THREE_PUBLIC_ROWS if pattern.search(label)]
        if len(kinds) != 1 or any(r.code == kinds[0] for r in model.rows):
            continue  # no item, or a header naming several ("合计 因公出国（境）费 …")
        kind = kinds[0]
        numbers = [q for q in (quantity(document, c, unit) for c in cells if is_number(c.text)) if q is not None]
        entry = TableRow(label, kind, numbers, row.span)
        entry.columns["合计"] = numbers[0] if numbers else empty_cell(entry.span.end)
        model.rows.append(entry)


def _read_across(document: Document, table: Table, unit: str, model: TableModel) -> None:
    """The 三公 table laid out across, as the national template prints it: a
    two-level header (合计 因公出国（境）费 公务用车购置及运行费 公务接待费 / 小计
    公务用车购置费 公务用车运行费) over one row of six amounts.  The header's order
    says where the vehicles' columns are; a table with more than one such row,
    or a header that does not say, is not read."""
    data = [row for row in table.rows if len(row.cells) == 6 and all(is_figure(c.text) for c in row.cells)]
    if len(data) != 1:
        return
    header = _SPACE.sub("", document.text[table.span.start:data[0].span.start])
    travel, cars, hospitality = (header.find(word) for word in ("因公出国", "公务用车购置及运行", "公务接待"))
    if min(travel, cars, hospitality) < 0 or "小计" not in header or not travel < min(cars, hospitality):
        return
    for kind, cell in zip(_ACROSS_ORDERS[cars < hospitality], data[0].cells):
        figure = cell_figure(document, cell, unit)
        if figure is None:
            return
        entry = TableRow(kind, kind, [figure], data[0].span)
        entry.columns["合计"] = figure
        model.rows.append(entry)
