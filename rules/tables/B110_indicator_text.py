"""B110 indicator-text: a figure the self-evaluation's text gives for an
indicator ("求职登记、职业指导 735 人") is its target or its actual value."""

from __future__ import annotations

from linter.facts.model import Amount
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import IndicatorRow, TableModel, indicator_key

_MIN_KEY = 4

_TABLE = (
    "项目支出绩效自评表\n项目名称 就业服务\n预期目标 实际完成情况\n"
    "截至 2023 年 12 月 31 日，已完成求职登记、职业指导 {done} 人，举办招聘会 {fairs} 场次。\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    "产出指标 数量指标\n求职登记、职\n业指导\n>=700 人 =700 人 5 5.00\n"
    "举办招聘会\n>=136 场次 =301 场次 5 5.00\n总分 100 100.00 分\n"
)

# An indicator broken over lines: read once every indicator of the table is.
_SPLIT = (
    "项目支出绩效自评表\n项目名称 助学金\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 193.60 193.60 193.60 10 100.00% 10.00 分\n预期目标 实际完成情况\n"
    "按生均 1000 元标准，新疆金领技工学校 {paid} 万元，全部拨付到位。\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    "成本指标\n经济成本\n指标\n新疆金领\n技工学校\n<=193.6 万\n元\n=193.6 万\n元\n90 90\n总分 100 100.00 分\n"
)


class IndicatorText(Rule):
    code = "B110"
    name = "indicator-text"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (TableModel, IndicatorRow, Amount)
    summary = Message("自评表文字中的完成数与指标值不符", "A figure in a self-evaluation's text differs from its indicator")
    description = Message(
        "绩效自评表的文字（年度总体目标完成情况等）为某个指标写出的数字，应等于该指标的年度指标值或实际完成值"
        "（名称相同或一方包含另一方且不少于 4 个字、单位相同时才比较）。指标逐格换行时，在全表指标都已读出后也能读出其名称、指标值和实际完成值。",
        "A figure that the text of a self-evaluation gives for one of its indicators (same name, "
        "or one name containing the other with at least 4 characters, same unit) must be the "
        "indicator's target or its actual value. Indicators broken over lines are read too, once "
        "every indicator of the table has been read.",
    )
    examples = (
        Example(_SPLIT.format(paid="193.60"), fails=False),
        Example(_SPLIT.format(paid="139.60"), fails=True),
        Example(_TABLE.format(done="735", fairs="301"), fails=True),
        Example(_TABLE.format(done="700", fairs="145"), fails=True),
        Example(_TABLE.format(done="700", fairs="301"), fails=False),
    )

    def check(self, document):
        for model in document.facts.tables(kind="performance"):
            indicators = [(row, row.name_key) for row in model.indicators if row.target is not None and len(row.name_key) >= 2]
            if not indicators:
                continue
            for fact in document.facts.within(model.span, Amount):
                label = indicator_key(fact.label)
                if len(label) < 2:
                    continue
                unit = fact.quantity.unit
                matches = [
                    row
                    for row, name in indicators
                    if row.unit == unit
                    and (name == label or (min(len(name), len(label)) >= _MIN_KEY and (label in name or name in label)))
                ]
                if not matches:
                    continue
                value = fact.quantity.interval
                if any(value.intersects(row.target.interval) or value.intersects(row.actual.interval) for row in matches):
                    continue
                row = matches[0]
                yield self.finding(
                    fact.span,
                    f"「{row.name}」指标值 {row.target.text}、实际完成 {row.actual.text}{row.unit}，文字中写作 {fact.quantity.text}",
                    f"indicator 「{row.name}」 has target {row.target.text} and actual {row.actual.text}{row.unit}, the text says {fact.quantity.text}",
                    expected=f"{row.actual.text}{row.unit}",
                    actual=fact.quantity.text,
                )
