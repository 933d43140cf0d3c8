"""The gate: a table is checked only once its reading has checked out.

A classified table carries its own proof of reading: 合计 = 基本支出 + 项目支出
(or 人员经费 + 公用经费, 基本支出 = 人员经费 + 公用经费) on every row, and a
parent's column = the sum of its children's.  The gate counts how many of
those identities the reading satisfies and how many it fails (a row whose
numbers fit no placement counts as one failure) before any rule reports.

The threshold comes from the identities' arithmetic, not from the corpus:

* Every comparison is made in Decimal intervals that contain every rounding
  of the printed figures (linter.numbers), so a faithful reading of a
  correctly printed table fails no identity at all: there is no noise to
  tolerate, each failure is a misprint or a misreading.
* One misprinted cell enters at most ``CELL_REACH`` = 4 identities: two row
  identities (基本支出 is the whole of 人员经费 + 公用经费 and a part of
  合计), the column sum of its parent and the column sum of its own
  children.  A missing or extra row likewise breaks one column sum per
  column of its parent — but those are one misprint seen in each column.
* So up to ``CELL_REACH`` failures can be one real error, and are reported;
  more need two or more independent misprints in one table, where a
  misreading (dropped empty cells, shifted columns, a page break inside the
  table, values below their names) fails the same identity on row after
  row.  The real documents reviewed (docs/corpus-review) have at most two
  failed identities per table from real errors.
* A reading must also pass on most of what it checks: when more than one
  identity fails and the failures are at least half of those checked, the
  reading cannot be told from noise either.

A table that fails the gate is reported once, as information (B114), and
its rows are set aside, so that no rule — built-in or plugin — checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.issues import Message
from linter.numbers import Interval
from linter.tables.cells import DASHES
from linter.tables.model import TableModel

CELL_REACH = 4  # the most identities one misprinted cell takes part in


@dataclass(frozen=True, slots=True)
class IdentityCount:
    checked: int
    failed: int


def gate(model: TableModel) -> None:
    """Mark the model unreliable (with the reason) and set its rows aside
    when its reading fails its own identities."""
    reason = _classified_reason(model) if model.kind == "classified" else None
    if model.kind == "three-public":
        reason = _three_public_reason(model)
    if reason is not None:
        model.unreliable = reason
        model.set_aside, model.rows = model.rows, []


def count_identities(model: TableModel) -> IdentityCount:
    """How many identities of a classified table the reading could check,
    and how many of them fail."""
    checked = failed = 0
    for row in model.rows:
        if row.misfit:
            checked, failed = checked + 1, failed + 1
        elif not row.ambiguous and all(name in row.columns for name in model.columns):
            for whole, parts in model.identities:
                checked += 1
                failed += not _adds_up(row.columns[whole], [row.columns[name] for name in parts])
        for column in model.columns if row.children else ():
            parent = row.columns.get(column)
            values = [child.columns.get(column) for child in row.children]
            if parent is None or any(value is None for value in values):
                continue
            checked += 1
            failed += not _adds_up(parent, values)
    return IdentityCount(checked, failed)


def _adds_up(whole, parts) -> bool:
    total = Interval.exact(0)
    for part in parts:
        total = total + part.interval
    return total.intersects(whole.interval)


def _classified_reason(model: TableModel) -> Message | None:
    counts = _grid_counts(model)
    if counts is not None:
        return Message(
            f"表中空单元格印作 0，各行的数字个数却不同（{counts}）：行未能按列读出",
            f"the table prints its empty cells as 0, yet its rows hold {counts} numbers: rows not read by column",
        )
    count = count_identities(model)
    if count.failed > CELL_REACH or count.failed > 1 and 2 * count.failed > count.checked:
        return Message(
            f"读出的数字有 {count.failed} 处不满足表内恒等关系（共 {count.checked} 处；"
            f"一处印错最多影响 {CELL_REACH} 处）",
            f"{count.failed} of the {count.checked} identities of the table fail as read "
            f"(one misprinted cell breaks at most {CELL_REACH})",
        )
    return None


def _grid_counts(model: TableModel) -> str | None:
    """A table that prints every cell (its empty amounts as 0.00) has as many
    numbers on every coded row; rows of different lengths there mean values
    wrapped onto lines of their own or rows cut apart: "7 / 9"."""
    coded = [row for row in model.rows if row.code is not None and row.numbers]
    if not any(q.value == 0 and q.text not in DASHES for row in coded for q in row.numbers):
        return None
    lengths = sorted({len(row.numbers) for row in coded})
    return " / ".join(str(n) for n in lengths) if len(lengths) > 1 else None


def _three_public_reason(model: TableModel) -> Message | None:
    """A 三公 table whose total was read but none of its items: the items'
    numbers sit where the reading did not find them."""
    rows = {row.code: row for row in model.rows}
    total = rows.get("total")
    items = [row for code, row in rows.items() if code != "total"]
    if total is None or not total.numbers or total.numbers[0].value == 0 or not items:
        return None
    if any(row.numbers for row in items):
        return None
    return Message(
        f"合计 {total.numbers[0].text} 已读出，但各分项都未读到数字",
        f"the total {total.numbers[0].text} was read but none of the items' figures",
    )

