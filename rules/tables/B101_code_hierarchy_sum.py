"""B101 code-hierarchy-sum: in a classified table, a 类 row equals the sum of
its 款 rows, a 款 the sum of its 项 rows, 总计/合计 the sum of the 类 rows."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import TableModel, TableRow, in_table_unit, shown_in_table_unit


class CodeHierarchySum(Rule):
    code = "B101"
    name = "code-hierarchy-sum"
    severity = "error"
    consumes = (TableModel, TableRow)
    summary = Message("科目合计与下级科目之和不符", "A classification row does not equal the sum of its sub-rows")
    description = Message(
        "按功能（经济）分类科目编码排列的表中，类 = 所属各款之和，款 = 所属各项之和，总计 = 各类之和；"
        "逐列检查（合计列总可检查，其余列只在上下级该列都能确定时检查）。表中金额同样按打印精度做区间运算，"
        "“元”为单位的表先换算为万元。",
        "In tables ordered by classification code, a 类 row equals the sum of its 款 rows, a 款 the "
        "sum of its 项 rows and the total the sum of the 类 rows — per column (the total column "
        "always; the others where parent and children can be placed). Interval arithmetic over "
        "the printed precision; tables in 元 are converted.",
    )
    examples = (
        Example(
            "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
            "总计 100.00 60.00 40.00\n208 社会保障和就业支出 100.00 60.00 40.00\n"
            "208 01   人力资源和社会保障管理事务 90.00 60.00 30.00\n208 01 01     行政运行 60.00 60.00\n"
            "208 01 02     一般行政管理事务 20.00 20.00\n",
            fails=True,
            kind="budget",
        ),
        Example(
            "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
            "总计 100.00 60.00 40.00\n208 社会保障和就业支出 100.00 60.00 40.00\n"
            "208 01   人力资源和社会保障管理事务 100.00 60.00 40.00\n208 01 01     行政运行 60.00 60.00\n"
            "208 01 02     一般行政管理事务 40.00 40.00\n",
            fails=False,
            kind="budget",
        ),
    )

    def check(self, document):
        for model in document.facts.tables(kind="classified"):
            for row in model.rows:
                if not row.children:
                    continue
                for column in model.columns:
                    # Only numbers that are placed: 合计 always, a part column
                    # where the row and all its children could be placed.
                    parent = row.columns.get(column)
                    values = [child.columns.get(column) for child in row.children]
                    if parent is None or any(v is None for v in values):
                        continue
                    total = Interval.exact(0)
                    for value in values:
                        total = total + value.interval
                    if total.intersects(parent.interval):
                        continue
                    printed = shown_in_table_unit(model, sum(v.value for v in values), parent.places)
                    name = row.title
                    yield self.finding(
                        parent.span,
                        f"「{name}」{column} {parent.text}，下级科目之和为 {printed}",
                        f"「{name}」 {column} is {parent.text}, its sub-rows add up to {printed}",
                        expected=in_table_unit(model, total).describe(parent.places),
                        actual=parent.text,
                    )
