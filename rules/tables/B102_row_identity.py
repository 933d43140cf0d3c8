"""B102 row-identity: in a table with 合计 / 基本支出 / 项目支出 (or 合计 / 人员经费
/ 公用经费) columns, every row's 合计 is the sum of the other two."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import TableModel, TableRow, in_table_unit


class RowIdentity(Rule):
    code = "B102"
    name = "row-identity"
    severity = "error"
    consumes = (TableModel, TableRow)
    summary = Message("表中合计不等于各分列之和", "A row's total does not equal its parts")
    description = Message(
        "合计 = 基本支出 + 项目支出；合计 = 人员经费 + 公用经费。只检查各列都能确定的行（空单元格按 0）。",
        "合计 = 基本支出 + 项目支出 and 合计 = 人员经费 + 公用经费, for every row whose columns can "
        "all be placed (an empty cell is 0).",
    )
    examples = (
        Example(
            "表 6\n一般公共预算基本支出情况表\n单位：万元\n经济分类科目名称 合计 人员经费 公用经费\n"
            "总计 448.52 414.88 34.64\n301 工资福利支出 413.63 413.63\n302 商品和服务支出 34.89 1.25 33.64\n",
            fails=True,
            kind="budget",
        ),
        Example(
            "表 6\n一般公共预算基本支出情况表\n单位：万元\n经济分类科目名称 合计 人员经费 公用经费\n"
            "总计 448.52 414.88 33.64\n301 工资福利支出 413.63 413.63\n302 商品和服务支出 34.89 1.25 33.64\n",
            fails=False,
            kind="budget",
        ),
    )

    def check(self, document):
        for model in document.facts.tables(kind="classified"):
            if not model.identities:
                continue
            for row in model.rows:
                if row.misfit:
                    yield self._misfit(model, row)
                    continue
                if row.ambiguous or not all(name in row.columns for name in model.columns):
                    continue
                for whole, parts in model.identities:
                    finding = self._identity(model, row, whole, parts)
                    if finding is not None:
                        yield finding

    def _misfit(self, model, row):
        """A row whose numbers fit no placement in the columns."""
        total, name = row.numbers[0], row.title
        total_name = model.columns[0]
        if len(row.numbers) == 2:
            # One part printed, the other empty: the part must be the total.
            part = row.numbers[1]
            return self.finding(
                total.span,
                f"「{name}」{total_name} {total.text}，但只有一个分列 {part.text}（另一列为空）",
                f"「{name}」 {total_name} is {total.text} but its only part is {part.text} (the other is empty)",
                expected=part.text,
                actual=total.text,
            )
        printed = " ".join(q.text for q in row.numbers[1:])
        return self.finding(
            total.span,
            f"「{name}」{total_name} {total.text}，分列 {printed} 无论放入哪几列都与{total_name}对不上",
            f"「{name}」 {total_name} {total.text}: its parts {printed} add up to it in no placement",
            actual=total.text,
        )

    def _identity(self, model, row, whole, parts):
        total = row.columns[whole]
        values = [row.columns[name] for name in parts]
        summed = Interval.exact(0)
        for value in values:
            summed = summed + value.interval
        if summed.intersects(total.interval):
            return None
        name = row.title
        zh = " + ".join(f"{part} {value.text or 0}" for part, value in zip(parts, values))
        return self.finding(
            total.span,
            f"「{name}」{whole} {total.text} 不等于{zh}",
            f"「{name}」 {whole} {total.text} is not {zh}",
            expected=in_table_unit(model, summed).describe(total.places),
            actual=total.text,
        )
