"""B103 execution-rate: a funds row's 执行率 is its 全年执行数 ÷ 全年预算数."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import percent_mismatch
from linter.rule import Example, Rule
from linter.tables import FundsRow

_TABLE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


class ExecutionRate(Rule):
    code = "B103"
    name = "execution-rate"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (FundsRow,)
    summary = Message("绩效自评表执行率与金额不符", "An execution rate does not match its amounts")
    description = Message(
        "项目支出绩效自评表“年度资金总额”行：执行率 = 全年执行数 ÷ 全年预算数（按打印精度做区间运算；"
        "单元格逐个换行印出时也能读出）。全年预算数可能为 0 时不检查。",
        "The funds row of a performance self-evaluation table: 执行率 = 全年执行数 / 全年预算数, "
        "interval arithmetic, also when the cells are printed one per line. Not checked when the "
        "budget may be 0.",
    )
    examples = (
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 90.00% 9.00 分\n总分 100 99.00 分\n", fails=True),
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n总分 100 100.00 分\n", fails=False),
        Example(_TABLE + "年度资金总额\n87.03\n87.03\n1.39\n10\n1.60%\n0.16 分\n", fails=False),
    )

    def check(self, document):
        for funds in document.facts.of(FundsRow):
            if funds.budget.interval.lo <= 0:
                continue
            ratio = funds.spent.interval / funds.budget.interval
            want = percent_mismatch(ratio, funds.rate.interval, max(funds.rate.places, 2))
            if want is None:
                continue
            yield self.finding(
                funds.rate.span,
                f"执行率应为 {want}（全年执行数 {funds.spent.text} ÷ 全年预算数 {funds.budget.text}），实为 {funds.rate.text}",
                f"execution rate should be {want} ({funds.spent.text} / {funds.budget.text}), found {funds.rate.text}",
                expected=want,
                actual=funds.rate.text,
            )
