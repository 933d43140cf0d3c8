"""B107 three-public-table: the "三公" table's total is the sum of its items."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import TableModel, TableRow, in_table_unit, shown_in_table_unit

_TABLE = (
    "表 10\n财政拨款“三公”经费支出情况表\n单位：万元\n“三公”经费支出内容 合计\n"
    "合计 {total} {total}\n因公出国（境）费\n公务接待费 0.09 0.09\n"
    "公务用车购置及运行费（小计） 4.20 4.20\n其中：公务用车购置费\n      公务用车运行费 {running} {running}\n"
)


class ThreePublicTable(Rule):
    code = "B107"
    name = "three-public-table"
    severity = "error"
    consumes = (TableModel, TableRow)
    summary = Message("“三公”经费表合计与分项不符", "The 三公 table's total differs from its items")
    description = Message(
        "财政拨款“三公”经费支出情况表中：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；"
        "公务用车购置及运行费（小计）= 公务用车购置费 + 公务用车运行费。没有数字的行按 0 计。",
        "In the 三公 table, 合计 = travel abroad + official vehicles (小计) + hospitality, and the "
        "vehicles 小计 = purchase + running costs; a row without a number is 0.",
    )
    examples = (
        Example(_TABLE.format(total="4.29", running="4.20"), fails=False, kind="budget"),
        Example(_TABLE.format(total="4.39", running="4.20"), fails=True, kind="budget"),
        Example(_TABLE.format(total="4.29", running="4.10"), fails=True, kind="budget"),
    )

    def check(self, document):
        for model in document.facts.tables(kind="three-public"):
            rows = {row.code: row.total for row in model.rows}
            for whole, parts in (("total", ("travel", "cars", "hospitality")), ("cars", ("purchase", "running"))):
                if whole not in rows or not all(part in rows for part in parts):
                    continue
                target = rows[whole]
                total = Interval.exact(0)
                for part in parts:
                    total = total + rows[part].interval
                if total.intersects(target.interval) or not target.text:
                    continue
                printed = shown_in_table_unit(model, sum(rows[part].value for part in parts), target.places)
                yield self.finding(
                    target.span,
                    f"“三公”经费表中 {target.text} 不等于各分项之和 {printed}",
                    f"the 三公 table's {target.text} is not the sum of its items, {printed}",
                    expected=in_table_unit(model, total).describe(target.places),
                    actual=target.text,
                )
