"""Worked example (c): a table reader for a family the built-in readers do
not know, and a rule that reads the table through the fact store.

人员情况表 (staff tables) are printed by some provinces next to the text's
"编制 N 人，实有人数 M 人".  Without this reader the table stage files them as
``other`` tables; with it they become ``staffing`` tables whose 合计 row holds
the head counts, and rule Z803 compares the table's 实有人数 with the text's.

The reader is asked before the built-in ones, for every table; it accepts
only its own family.  It may read the table's cells (reading is its job);
the rule reads facts only: ``document.facts.tables(kind=...)``,
``document.facts.rows(table_kind=...)`` and ``document.facts.with_key(...)``.
"""

from __future__ import annotations

from linter.facts.model import Quantity
from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.numbers import parse_printed, places_of
from linter.rule import Example, Rule
from linter.tables import TableModel, TableRow

COLUMNS = ("编制数", "实有人数")


def _count(cell) -> Quantity | None:
    parsed = parse_printed(cell.text)
    if parsed is None:
        return None
    value, interval = parsed
    return Quantity(cell.text, value, interval, "人", cell.span, places_of(cell.text))


class StaffingTableReader:
    kind = "staffing"

    def accepts(self, document, table) -> bool:
        return "人员情况表" in table.title.replace(" ", "")

    def read(self, document, table) -> TableModel:
        model = TableModel(table=table, kind=self.kind, unit="人", columns=COLUMNS)
        for row in table.rows:
            cells = row.cells
            counts = [_count(cell) for cell in cells[1:]]
            if len(cells) != 3 or None in counts:
                continue  # a title, unit or header line
            model.rows.append(
                TableRow(cells[0].text, None, counts, row.span, columns=dict(zip(COLUMNS, counts)))
            )
        return model


class StaffTableAgainstText(Rule):
    code = "Z803"
    name = "staff-table-against-text"
    severity = "error"
    summary = Message("人员情况表的实有人数与正文不符", "The staff table's head count differs from the text's")
    description = Message(
        "人员情况表“合计”行的实有人数应等于正文所说的实有人数。",
        "The 实有人数 of the staff table's 合计 row must equal the number of staff the text states.",
    )
    examples = (
        Example("本单位实有人数 12 人。\n\n表 9\n人员情况表\n单位：人\n项目 编制数 实有人数\n合计 10 11\n", fails=True),
        Example("本单位实有人数 12 人。\n\n表 9\n人员情况表\n单位：人\n项目 编制数 实有人数\n合计 10 12\n", fails=False),
    )

    def check(self, document):
        stated = document.facts.with_key("本单位实有人")
        if not stated:
            return
        text = stated[0].quantity
        for row in document.facts.rows(table_kind="staffing"):
            counted = row.columns.get("实有人数")
            if row.label == "合计" and counted is not None and not counted.interval.intersects(text.interval):
                yield self.finding(
                    counted.span,
                    f"人员情况表实有人数为 {counted.text} 人，正文为 {text.text}",
                    f"the staff table counts {counted.text} staff, the text states {text.text}",
                    expected=text.text,
                    actual=counted.text,
                )


@hookimpl
def disclint_table_readers():
    return [StaffingTableReader()]


@hookimpl
def disclint_rules():
    return [StaffTableAgainstText()]
