"""B111 disbursed-exceeds-funds: an amount a self-evaluation says was paid
out in full cannot exceed the project's own funds.

"380.55 万元免住宿费和免教材费经费全部足额、按时拨付到位" in the table of a
project whose 年度资金总额 row gives 61.15 万元 throughout is text copied from
another project.  Only the upper bound is checked: the amount paid out may be
one part of the project ("助学金 31.56 万元全部拨付至某校"), but not more than
the largest of its 年初预算数, 全年预算数 and 全年执行数.  What "paid out in
full" is said of is a property of the amount (Amount.paid_in_full, read by the
facts stage).
"""

from __future__ import annotations

from linter.facts.model import Amount
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import TableModel

_TABLE = (
    "项目支出绩效自评表\n项目名称 免住宿费\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 61.15 61.15 61.15 10 100.00% 10.00 分\n预期目标 实际完成情况\n"
    "项目按规定全面落实，{paid}经费全部足额、按时拨付到位。\n总分 100 100.00 分\n"
)


class DisbursedExceedsFunds(Rule):
    code = "B111"
    name = "disbursed-exceeds-funds"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (TableModel, Amount)
    summary = Message("自评表称已全部拨付的金额超过项目资金", "An amount said to be paid out exceeds the project's funds")
    description = Message(
        "项目支出绩效自评表文字中“X 万元……全部足额（按时）拨付到位/发放”的 X 不能超过本表“年度资金总额”行"
        "年初预算数、全年预算数、全年执行数中最大者（区间运算）；超过时多为从其他项目复制的文字。X 可以只是项目的一部分，"
        "所以只查上限。",
        "In a project self-evaluation, an amount the text says was paid out in full (\"X 万元…全部足额、"
        "按时拨付到位\", \"全额发放\") cannot exceed the largest of the table's 年初预算数, 全年预算数 and "
        "全年执行数 (interval arithmetic); when it does, the text was usually copied from another "
        "project. X may be one part of the project, so only the upper bound is checked.",
    )
    examples = (
        Example(_TABLE.format(paid="380.55 万元免住宿费和免教材费"), fails=True),
        Example(_TABLE.format(paid="61.15 万元免住宿费和免教材费"), fails=False),
        Example(_TABLE.format(paid="其中 31.56 万元助学金"), fails=False),
        Example(_TABLE.format(paid="按 450 元/生/学期标准，免住宿费"), fails=False),
    )

    def check(self, document):
        models = [m for m in document.facts.tables(kind="performance") if len(m.funds) == 1]
        for model in models:
            funds = model.funds[0]
            largest = max((funds.initial, funds.budget, funds.spent), key=lambda q: q.interval.hi)
            for fact in document.facts.within(model.table.span, Amount):
                if not (fact.quantity.is_money and fact.paid_in_full):
                    continue
                if fact.quantity.interval.lo <= largest.interval.hi:
                    continue
                yield self.finding(
                    fact.span,
                    f"文字称 {fact.quantity.text} 已全部拨付，而本项目资金（年初预算数、全年预算数、全年执行数）最多 {largest.text} 万元",
                    f"the text says {fact.quantity.text} was paid out in full, but the project's funds are at most {largest.text} 万元",
                    expected=f"<= {largest.text} 万元",
                    actual=fact.quantity.text,
                )
