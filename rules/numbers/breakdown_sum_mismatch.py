"""N104 breakdown-sum-mismatch: a 其中 list that exceeds its total, or a
complete breakdown (an identity such as 收入总计 = …) that does not add up."""

from __future__ import annotations

from linter.facts.model import Breakdown
from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule


class BreakdownSumMismatch(Rule):
    code = "N104"
    name = "breakdown-sum-mismatch"
    severity = "error"
    summary = Message("分项之和与总数不符", "Parts do not add up to their total")
    description = Message(
        "“X 万元，其中：A a 万元、B b 万元…”：分项之和不能超过总数；当分项是总数的完整构成时"
        "（收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + "
        "结余分配 + 年末结转和结余；基本支出 = 人员经费 + 公用经费；“三公”经费 = 三项之和；"
        "政府采购 = 货物 + 工程 + 服务），分项之和必须等于总数。按打印精度做区间运算：多个分项各自"
        "四舍五入后相加与总数差 0.01 属正常。",
        "\"X 万元，其中：A a、B b…\": the parts can never exceed the total; where they are its "
        "complete breakdown (收入总计, 支出总计, 基本支出 = 人员经费 + 公用经费, the three 三公 "
        "costs, procurement = goods + works + services) they must equal it. Interval "
        "arithmetic: parts that each were rounded may sum to 0.01 off the printed total.",
    )
    examples = (
        Example("2024年度收入总计434.50万元，其中：本年收入合计430.23万元，使用非财政拨款结余0.00万元，年初结转和结余4.72万元。", fails=True),
        Example("2024年度收入总计434.50万元，其中：本年收入合计430.23万元，使用非财政拨款结余0.00万元，年初结转和结余4.27万元。", fails=False),
        Example("项目支出 100.00 万元，其中：培训费 60.00 万元、差旅费 50.00 万元。", fails=True),
        Example("项目支出 100.00 万元，其中：培训费 60.00 万元。", fails=False),
        Example("基本支出 10.00 万元，其中：人员经费 3.33 万元、公用经费 6.66 万元。", fails=False),
        Example("车辆 2辆，价值 41.02万元；其中：一般公务用车 2辆，价值 41.02万元；其他车辆 1辆，价值 0.00万元。", fails=True),
        Example("实有人数 17 人，其中：在职人员 15 人，离休人员 0 人，退休人员 2 人。", fails=False),
        Example("实有人数 17 人，其中：在职人员 15 人，离休人员 0 人，退休人员 1 人。", fails=True),
    )

    def check(self, document):
        for fact in document.facts:
            if not isinstance(fact, Breakdown) or fact.nested or not fact.parts:
                continue
            total = fact.total.quantity
            parts = Interval.exact(0)
            for part in fact.parts:
                parts = parts + part.quantity.interval
            unit = total.unit
            printed_sum = f"{sum(p.quantity.value for p in fact.parts)}{unit}"
            if parts.lo > total.interval.hi:
                zh = f"分项之和 {printed_sum} 超过总数 {total.text}"
                en = f"the parts add up to {printed_sum}, more than the total {total.text}"
            elif fact.complete and not parts.intersects(total.interval):
                zh = f"分项之和为 {printed_sum}，与总数 {total.text} 不符"
                en = f"the parts add up to {printed_sum}, not the total {total.text}"
            else:
                continue
            expected = parts.describe(total.places, unit)
            yield self.finding(total.span, zh, en, expected=expected, actual=total.text)
