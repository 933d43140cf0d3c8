"""What a table cell holds: a number, a dash for an empty amount, a piece of
a number cut by the page width — and the cell's figure as a Quantity.

Every family reader reads cells through these, so that "1,751.66", "—" and
"2138." + "15" mean the same thing in every table.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.facts.model import Quantity
from linter.numbers import UNIT_TO_WAN, Interval, parse_printed, places_of
from linter.sourcemap import Span
from linter.tree import Cell, Document

_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_VALUE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?%?$|^\d+%?$")
_DIGITS = re.compile(r"^\d+%?$")
# A dash stands for an empty amount.
DASHES = {"—", "-", "--", "——", "－"}


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def is_figure(text: str) -> bool:
    """A number, or a dash standing for an empty amount ("-", "—")."""
    return is_number(text) or text in DASHES


def is_value(text: str) -> bool:
    """A number or percentage cell, or the piece of one cut at the decimal
    point by the page width ("2138." then "15", "100." then "00%")."""
    return bool(_VALUE.match(text))


def quantity(document: Document, cell: Cell, unit: str) -> Quantity | None:
    """A cell's number; money converted to 万元 (``unit`` is the table's
    unit, or "" for scores and weights, which are not money)."""
    parsed = parse_printed(cell.text.rstrip("%"))
    if parsed is None:
        return None
    value, interval = parsed
    if cell.text.endswith("%"):
        return Quantity(cell.text, value, interval, "%", cell.span, places_of(cell.text))
    if not unit:
        return Quantity(cell.text, value, interval, "分", cell.span, places_of(cell.text))
    factor = UNIT_TO_WAN.get(unit, Decimal(1))
    return Quantity(cell.text, value * factor, interval.scale(factor), "万元", cell.span, places_of(cell.text))


def cell_figure(document: Document, cell: Cell, unit: str) -> Quantity | None:
    """A cell's amount, a dash read as exactly 0."""
    if cell.text in DASHES:
        return Quantity(cell.text, Decimal(0), Interval.exact(0), "万元", cell.span, 2)
    return quantity(document, cell, unit)


def trailing_figures(cells: list[Cell]) -> int:
    """How many cells at the end of a row are figures."""
    count = 0
    for cell in reversed(cells):
        if not is_figure(cell.text):
            break
        count += 1
    return count


def join_split_numbers(cells: list[Cell]) -> list[Cell]:
    """Cells with a number cut at its decimal point ("2138." "15") joined."""
    joined: list[Cell] = []
    for cell in cells:
        if joined and joined[-1].text.endswith(".") and _DIGITS.match(cell.text):
            head = joined.pop()
            cell = Cell(Span(head.span.start, cell.span.end), head.text + cell.text)
        joined.append(cell)
    return joined


def empty_cell(end: int) -> Quantity:
    """An empty cell: exactly 0, located at ``end`` (the end of its row)."""
    return Quantity("", Decimal(0), Interval.exact(0), "万元", Span(end, end), 2)
