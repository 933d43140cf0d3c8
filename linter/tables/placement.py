"""Place a classified table's numbers in its columns.

Empty cells are simply absent from the text, so a row "208 01 02
一般行政管理事务 56.00 56.00" does not say whether 56.00 is 基本支出 or
项目支出.  The first number of a row is always its 合计 (a row is printed
because its total is not zero); the others are placed by count when the row
is complete, and otherwise by the table's own identities: 合计 = the two
parts, and a parent's column = the sum of its children's.  A row that stays
ambiguous says so (``TableRow.choices``) and no rule guesses.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from linter.facts.model import Quantity
from linter.tables.cells import empty_cell
from linter.tables.model import TableRow

_MAX_SEARCH = 12  # ambiguous children resolved jointly by exhaustive search


def place(rows: list[TableRow], columns: tuple[str, ...]) -> None:
    """Link the rows into their hierarchy and place every number that the
    count or the identities allow."""
    link(rows)
    for row in rows:
        assign(row, columns)
    for row in rows:
        if row.depth == 0 or row.parent is None:
            resolve(row, columns)


def link(rows: list[TableRow]) -> None:
    """Parent of each row: the total row for 类, the 类 for its 款, …"""
    by_code = {row.code: row for row in rows if row.code}
    total = next((row for row in rows if row.code is None and row.numbers), None)
    for row in rows:
        if row.code is None:
            continue
        groups = row.code.split()
        parent = by_code.get(" ".join(groups[:-1])) if len(groups) > 1 else total
        if parent is not None and parent is not row:
            row.parent = parent
            parent.children.append(row)


def assign(row: TableRow, columns: tuple[str, ...]) -> None:
    """The numbers a row's count places: 合计 always, the parts when the row
    has one number per column; else the choices left open."""
    if not row.numbers:
        return
    row.columns[columns[0]] = row.numbers[0]
    if len(columns) == 1:
        return
    parts = columns[1:]
    if len(row.numbers) == len(columns):
        row.columns.update(zip(parts, row.numbers[1:]))
        return
    total = row.numbers[0]
    if len(row.numbers) == 2 and row.numbers[1].interval.intersects(total.interval) or len(row.numbers) == 1:
        value = row.numbers[-1]
        # One part holds the whole total and the other is empty: which one?
        row.choices = [{parts[0]: value, parts[1]: None}, {parts[0]: None, parts[1]: value}]
    else:
        row.choices = [{}]  # an incomplete row that no identity can place


def resolve(parent: TableRow, columns: tuple[str, ...]) -> None:
    """Place the ambiguous children's numbers where the parent's columns add up.

    Tried jointly over every combination of the open children; used only
    when exactly one combination makes every part column add up to the
    parent's.  Then the same, one level down."""
    parts = columns[1:]
    open_children = [c for c in parent.children if c.ambiguous and c.choices != [{}]]
    if parts and open_children and not parent.ambiguous and len(open_children) <= _MAX_SEARCH:
        valid = _placements(parent, parts, open_children)
        if len(valid) == 1:
            for child, choice in zip(open_children, valid[0]):
                for name, value in choice.items():
                    child.columns[name] = value if value is not None else empty_cell(child.span.end)
                child.choices = []
    for child in parent.children:
        resolve(child, columns)


def _bounds(value: Quantity | None) -> tuple[Decimal, Decimal]:
    return (Decimal(0), Decimal(0)) if value is None else (value.interval.lo, value.interval.hi)


def _placements(parent: TableRow, parts, open_children) -> list[tuple]:
    """The combinations of the open children's choices (at most two found)
    under which every part column adds up to the parent's."""
    fixed = [c for c in parent.children if not c.ambiguous]
    targets, bases = [], []
    for name in parts:
        if name not in parent.columns or any(name not in c.columns for c in fixed):
            return []
        targets.append(parent.columns[name].interval)
        lo = sum((c.columns[name].interval.lo for c in fixed), Decimal(0))
        hi = sum((c.columns[name].interval.hi for c in fixed), Decimal(0))
        bases.append((lo, hi))
    valid = []
    for combo in itertools.product(*(c.choices for c in open_children)):
        for (lo, hi), target, name in zip(bases, targets, parts):
            for choice in combo:
                add_lo, add_hi = _bounds(choice.get(name))
                lo, hi = lo + add_lo, hi + add_hi
            if lo > target.hi or hi < target.lo:
                break
        else:
            valid.append(combo)
            if len(valid) > 1:
                break
    return valid
