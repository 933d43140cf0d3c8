"""B109 indicator-gap: the gap a self-evaluation's note states ("实际支出比预算
金额少 0.5 万元") is the difference between the indicator's target and actual value."""

from __future__ import annotations

from decimal import Decimal

from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import IndicatorRow

_TABLE = "项目支出绩效自评表\n项目名称 就业补助\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"


def _magnitude(difference: Interval) -> Interval:
    """The interval of |difference|: a note says 少 or 多, not a sign."""
    if difference.lo >= 0:
        return difference
    if difference.hi <= 0:
        return Interval(-difference.hi, -difference.lo)
    return Interval(Decimal(0), max(-difference.lo, difference.hi))


class IndicatorGap(Rule):
    code = "B109"
    name = "indicator-gap"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (IndicatorRow,)
    summary = Message("偏差说明中的差额与指标值不符", "The gap a deviation note states differs from the indicator")
    description = Message(
        "绩效自评表中，指标行后的偏差说明写“比…少/多 X”时，X 应等于年度指标值与实际完成值之差"
        "（单位相同时才比较；区间运算）。",
        "In a self-evaluation, a deviation note that says an indicator came out X less or more "
        "than planned (比…少/多 X) must state the difference between the target and the actual "
        "value (compared only in the same unit; interval arithmetic).",
    )
    examples = (
        Example(_TABLE + "成本指标 经济成本指标 补助经费 <=6.50 万元 =6.45 万元 10 9.81\n公共就业补\n助经费实际支出\n比预算金额少\n0.5 万\n元。\n", fails=True),
        Example(_TABLE + "成本指标 经济成本指标 补助经费 <=6.50 万元 =6.45 万元 10 9.81\n实际支出比预算金额少 0.05 万元。\n", fails=False),
    )

    def check(self, document):
        for row in document.facts.of(IndicatorRow):
            if row.stated_gap is None:
                continue
            gap = _magnitude(row.target.interval - row.actual.interval)
            if gap.intersects(row.stated_gap.interval):
                continue
            want = gap.describe(max(row.target.places, row.actual.places), row.unit)
            yield self.finding(
                row.stated_gap.span,
                f"指标值 {row.target.text}、实际完成 {row.actual.text}，相差 {want}，说明中写作 {row.stated_gap.text}",
                f"target {row.target.text}, actual {row.actual.text}: a gap of {want}, the note says {row.stated_gap.text}",
                expected=want,
                actual=row.stated_gap.text,
            )
