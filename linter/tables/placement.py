"""Place a classified table's numbers in its columns.

Empty cells are simply absent from the text, so a row "208 01 02
一般行政管理事务 56.00 56.00" does not say whether 56.00 is 基本支出 or
项目支出, and "2010850 事业运行 225.13 225.13 225.13" under 合计 / 基本支出
(小计 人员经费 公用经费) / 项目支出 does not say which three of five columns it
fills.  The first number of a row is always its 合计 (a row is printed
because its total is not zero); the others keep their printed order.  Every
order-keeping way to put them in the columns is tried against the row's own
identities (合计 = the parts, 基本支出 = 人员经费 + 公用经费, in Decimal
intervals); one way left places the row, several are settled by the
parent's identity (a parent's column = the sum of its children's) or by
where the numbers are printed (linter.tables.positions), and a row that stays
open says so (``TableRow.choices``) so that no rule guesses.  A
row no way fits (``TableRow.misfit``) is a failed identity: the gate
(linter.tables.reliability) counts it, and B102 reports it in a table that
passed the gate.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from linter.facts.model import Quantity
from linter.numbers import Interval
from linter.tables.cells import empty_cell
from linter.tables.header import ColumnLayout
from linter.tables.model import TableRow
from linter.tables.positions import by_position, column_edges
from linter.tree import Document

# Open children are resolved jointly by exhaustive search over at most this
# many combinations of their choices.
_MAX_COMBINATIONS = 4096


def place(rows: list[TableRow], layout: ColumnLayout, document: Document | None = None) -> None:
    """Link the rows into their hierarchy and place every number that the
    count, the identities or — for a row its identities leave open — the
    position where it is printed (linter.tables.positions) allow."""
    link(rows)
    for row in rows:
        assign(row, layout)
    if document is not None and len(layout.columns) > 1:
        edges = column_edges(document, rows, layout.columns)
        for row in rows:
            choice = by_position(document, row, edges)
            if choice is not None:
                _apply(row, choice)
    for row in rows:
        if row.depth == 0 or row.parent is None:
            resolve(row, layout.columns)


def link(rows: list[TableRow]) -> None:
    """Parent of each row: the nearest total row above it for a 类, the
    nearest 类 above it for its 款, …  Nearest above, not any: two copies of
    a table read as one repeat the codes, and each copy has its own
    children.  But a total row printed again at the top of each page of a
    long table is not a new total: it takes over only when a 类 already
    counted under the current one comes again (the table restarts).  A row
    repeating the row just above it (same code, name and numbers: a 项
    printed with its 款's code) is not a second child."""
    latest: dict[str, TableRow] = {}
    total: TableRow | None = None
    again: TableRow | None = None  # a repeat of the total, not yet in force
    previous: TableRow | None = None
    for row in rows:
        if row.code is None:
            if row.numbers and total is not None and _same(row, total):
                again = row
            elif row.numbers:
                total, again, latest = row, None, {}
            previous = row
            continue
        if previous is not None and previous.code == row.code and _same(row, previous):
            continue
        groups = row.code.split()
        if len(groups) == 1 and again is not None and any(c.code == row.code for c in total.children):
            total, again, latest = again, None, {}
        parent = latest.get(" ".join(groups[:-1])) if len(groups) > 1 else total
        latest[row.code] = row
        for deeper in [code for code in latest if code.startswith(row.code + " ")]:
            del latest[deeper]  # a new 类 (款) ends the previous one's 款 (项)
        if parent is not None and parent is not row:
            row.parent = parent
            parent.children.append(row)
        previous = row


def _same(row: TableRow, other: TableRow) -> bool:
    """The same name and the same printed numbers."""
    return row.label == other.label and [q.text for q in row.numbers] == [q.text for q in other.numbers]


def assign(row: TableRow, layout: ColumnLayout) -> None:
    """The numbers a row's count and identities place: 合计 always, the parts
    when exactly one order-keeping placement satisfies the row's identities
    (or the row fills every column); else the choices left open."""
    if not row.numbers:
        return
    columns = layout.columns
    row.columns[columns[0]] = row.numbers[0]
    if len(columns) == 1:
        return
    if len(row.numbers) >= len(columns):
        row.columns.update(zip(columns[1:], row.numbers[1:]))
        return
    valid = [choice for choice in _row_choices(row, columns) if _fits(row.numbers[0], choice, layout)]
    if len(valid) == 1:
        _apply(row, valid[0])
    elif valid:
        row.choices = valid
    else:
        row.choices = [{}]  # no placement satisfies the row's identities
        row.misfit = True


def _row_choices(row: TableRow, columns: tuple[str, ...]):
    """Every order-keeping placement of the row's numbers after its 合计.
    A row printing its 合计 alone has its parts too, in the columns that
    hold the whole (a template that prints a sole part once): its 合计 is
    tried in one or more part columns."""
    parts = columns[1:]
    if len(row.numbers) == 1:
        followers = [[row.numbers[0]] * count for count in range(1, len(parts) + 1)]
    else:
        followers = [row.numbers[1:]]
    for numbers in followers:
        for chosen in itertools.combinations(range(len(parts)), len(numbers)):
            placed = dict(zip((parts[i] for i in chosen), numbers))
            yield {name: placed.get(name) for name in parts}


def _fits(total: Quantity, choice: dict[str, Quantity | None], layout: ColumnLayout) -> bool:
    """Does a placement satisfy every identity of the row (empty is 0)?"""
    values: dict[str, Interval] = {layout.columns[0]: total.interval}
    values.update({name: (Interval.exact(0) if q is None else q.interval) for name, q in choice.items()})
    for whole, parts in layout.identities:
        summed = Interval.exact(0)
        for name in parts:
            summed = summed + values.get(name, Interval.exact(0))
        if not summed.intersects(values.get(whole, Interval.exact(0))):
            return False
    return True


def _apply(row: TableRow, choice: dict[str, Quantity | None]) -> None:
    for name, value in choice.items():
        row.columns[name] = value if value is not None else empty_cell(row.span.end)
    row.choices = []


def resolve(parent: TableRow, columns: tuple[str, ...]) -> None:
    """Place the ambiguous children's numbers where the parent's columns add up.

    Tried jointly over every combination of the open children; used only
    when exactly one combination makes every part column add up to the
    parent's.  Then the same, one level down."""
    parts = columns[1:]
    open_children = [c for c in parent.children if c.ambiguous and c.choices != [{}]]
    combinations = 1
    for child in open_children:
        combinations *= len(child.choices)
    if parts and open_children and not parent.ambiguous and combinations <= _MAX_COMBINATIONS:
        valid = _placements(parent, parts, open_children)
        if len(valid) == 1:
            for child, choice in zip(open_children, valid[0]):
                _apply(child, choice)
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
