"""B113 evaluation-summary: what the text says of one evaluated project — its
self-evaluation score, its budget and its execution — is what the project's
self-evaluation table says.

The standard 决算 wording sums each project up before (or after) its table:
"就业技能培训项目绩效自评综述：项目全年预算数 92.21 万元，执行数 85.99 万元，
完成预算的 93.25%。项目绩效自评得分 96.83 分。"  The project is the one whose
table's 项目名称 the paragraph names; a paragraph that names two projects, or a
name two tables share, is not compared.  Finding the summaries and their
project is the facts stage's job (linter.facts.handlers.evaluation, the
EvaluationSummary fact); this rule compares their figures with the table's.
"""

from __future__ import annotations

from linter.facts.model import EvaluationSummary
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import TableModel

_TABLE = (
    "项目支出绩效自评表\n项目名称 就业技能培训项目\n"
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 92.21 92.21 85.99 10 93.25% 9.33\n"
    "产出指标 数量指标 培训人次 ≥1000人次 1433人次 90 87.50\n总分 100 96.83\n"
)


_WHOLE = (
    "（一）部门整体支出绩效自评\n\n部门整体支出绩效自评得分{score}分，等级为优。\n"
    "部门（单位）整体支出绩效自评表\n资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度总资金 917.15 917.15 889.57 10 96.99% 9.70\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    "产出指标 数量指标 培训人次 ≥1000人次 1433人次 90 85.75\n总分 100 95.45\n"
)


def _summary(budget: str = "92.21", spent: str = "85.99", score: str = "96.83") -> str:
    return (
        "（二）项目绩效自评结果\n\n"
        f"就业技能培训项目绩效自评综述：项目全年预算数 {budget} 万元，执行数 {spent} 万元。项目绩效自评得分 {score} 分。\n"
        + _TABLE
    )


class EvaluationSummaryMismatch(Rule):
    code = "B113"
    name = "evaluation-summary"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (EvaluationSummary, TableModel)
    summary = Message("项目绩效自评综述与自评表不符", "A project's evaluation summary differs from its table")
    description = Message(
        "正文中为某个项目写出的自评得分（“项目绩效自评得分 X 分”）、全年预算数和执行数，应与该项目支出绩效自评表的"
        "“总分”得分和“年度资金总额”行一致（区间运算）。项目由自评表“项目名称”在同一段文字中出现来确定；"
        "一段提到两个项目或两张表同名时不比较。“部门整体支出绩效自评得分”对应部门（单位）整体支出绩效自评表。",
        "The self-evaluation score (\"项目绩效自评得分 X 分\"), the budget and the execution the text "
        "states for one project equal the 总分 score and the funds row of that project's "
        "self-evaluation table (interval arithmetic). The project is the one whose table's "
        "项目名称 the same paragraph names; a paragraph naming two projects, or a name two tables "
        "share, is not compared. \"部门整体支出绩效自评得分\" is compared with the 整体支出 table.",
    )
    examples = (
        Example(_summary(), fails=False),
        Example(_summary(score="98.90"), fails=True),
        Example(_summary(spent="86.99"), fails=True),
        Example(_summary(budget="93.21"), fails=True),
        Example(_summary(budget="92.2"), fails=False),  # 92.2 may be 92.21 rounded
        Example(_WHOLE.format(score="95.45"), fails=False),
        Example(_WHOLE.format(score="93.45"), fails=True),
    )

    def check(self, document):
        for summary in document.facts.of(EvaluationSummary):
            yield from self._score(summary)
            yield from self._funds(summary)

    def _score(self, summary):
        if not summary.table.scores:
            return
        total = summary.table.scores[0].score
        for stated in summary.scores:
            if stated.interval.intersects(total.interval):
                continue
            yield self.finding(
                stated.span,
                f"自评得分写作 {stated.text} 分，而该项目自评表总分为 {total.text}",
                f"the self-evaluation score is given as {stated.text}, but the project's table totals {total.text}",
                expected=total.text,
                actual=stated.text,
            )

    def _funds(self, summary):
        if not summary.table.funds:
            return
        funds = summary.table.funds[0]
        for measure, fact in summary.figures:
            if measure == "budget":
                table = (funds.initial, funds.budget)
                what_zh, what_en = "预算数", "budget"
            else:
                table = (funds.spent,)
                what_zh, what_en = "执行数", "execution"
            if any(fact.quantity.interval.intersects(q.interval) for q in table):
                continue
            shown = "、".join(q.text for q in table)
            yield self.finding(
                fact.span,
                f"项目{what_zh}写作 {fact.quantity.text}，而该项目自评表为 {shown} 万元",
                f"the project's {what_en} is given as {fact.quantity.text}, but its table says {shown} 万元",
                expected=f"{table[-1].text}万元",
                actual=fact.quantity.text,
            )
