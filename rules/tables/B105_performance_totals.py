"""B105 performance-totals: the budget and execution totals stated for the
evaluated projects equal the sums over their self-evaluation tables."""

from __future__ import annotations

from linter.facts.evaluations import EvaluatedProjects
from linter.facts.model import Amount
from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import FundsRow, TableModel

_TABLE = (
    "项目支出绩效自评表\n项目名称 {name}\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 {budget} {budget} {spent} 10 100.00% 10.00 分\n总分 100 100.00 分\n"
)


def _document(stated: str) -> str:
    return (
        f"十一、预算绩效的情况说明\n\n本单位预算绩效评价项目 2 个，{stated}。\n"
        + _TABLE.format(name="培训", budget="6.92", spent="6.92")
        + _TABLE.format(name="评审", budget="80.89", spent="80.89")
    )


class PerformanceTotals(Rule):
    code = "B105"
    name = "performance-totals"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (EvaluatedProjects, Amount, TableModel, FundsRow)
    summary = Message("绩效评价项目预算、执行总数与各自评表之和不符", "Project totals differ from their self-evaluation tables")
    description = Message(
        "“预算绩效评价项目 N 个，全年预算数 B 万元，全年执行数 F 万元”中的 B、F 应分别等于文后各项目支出绩效自评表"
        "“年度资金总额”行全年预算数、全年执行数之和（区间运算）。表格数与 N 不符时由 C102 报告，此处不比较。",
        "In \"预算绩效评价项目 N 个，全年预算数 B 万元，全年执行数 F 万元\", B and F must equal the sums "
        "of 全年预算数 and 全年执行数 over the project self-evaluation tables (interval arithmetic). "
        "When the number of tables differs from N, C102 reports it and nothing is compared here.",
    )
    examples = (
        Example(_document("全年预算数 87.81 万元，全年执行数 87.81 万元"), fails=False),
        Example(_document("全年预算数 131.43 万元，全年执行数 87.81 万元"), fails=True),
    )

    def check(self, document):
        projects = [model for model in document.facts.tables(kind="performance") if model.project_evaluation]
        funds = [f for m in projects for f in m.funds]
        if not projects or len(funds) != len(projects):
            return
        for claim in document.facts.evaluated_projects():
            if claim.count != len(projects):
                continue
            stated = [a for a in document.facts.within(claim.span, Amount) if a.role in ("budget", "final")]
            for role, attribute in (("budget", "budget"), ("final", "spent")):
                figure = next((a for a in stated if a.role == role), None)
                if figure is None:
                    continue
                total = Interval.exact(0)
                for row in funds:
                    total = total + getattr(row, attribute).interval
                if total.intersects(figure.quantity.interval):
                    continue
                printed = sum(getattr(row, attribute).value for row in funds)
                yield self.finding(
                    figure.span,
                    f"{'全年预算数' if role == 'budget' else '全年执行数'}为 {figure.quantity.text}，"
                    f"而 {len(funds)} 张项目支出绩效自评表合计 {printed} 万元",
                    f"the {'budget' if role == 'budget' else 'execution'} total is {figure.quantity.text}, "
                    f"but the {len(funds)} project tables add up to {printed} 万元",
                    expected=total.describe(figure.quantity.places, "万元"),
                    actual=figure.quantity.text,
                )
