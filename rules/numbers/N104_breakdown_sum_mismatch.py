"""N104 breakdown-sum-mismatch: a 其中 list that exceeds its total, or a
complete breakdown (an identity such as 收入总计 = …) that does not add up."""

from __future__ import annotations

from decimal import Decimal

from linter.facts.model import Breakdown
from linter.issues import Message
from linter.numbers import Interval, rounded
from linter.rule import Example, Rule


class BreakdownSumMismatch(Rule):
    code = "N104"
    name = "breakdown-sum-mismatch"
    severity = "error"
    consumes = (Breakdown,)
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
        Example("政府采购 352,506.40元，其中：货物 300,000.00元，服务 100,000.00元。", fails=True),
        Example("政府采购 352,506.40元，其中：货物 252,506.40元，服务 100,000.00元。", fails=False),
        # a stronger separator than the parts' ends the list: 项目支出 is a sibling
        Example("基本支出431.97万元，占55.13%，其中人员经费389.29万元、公用经费42.68万元；项目支出351.57万元，占44.87%。", fails=False),
        Example("实有人数148人，其中：在职人员121人，离休人员0人，退休人员27人；在校学生1860人。", fails=False),
        # a list in brackets interrupts the outer list, which goes on after it
        Example(
            "“三公”经费预算40.53万元。其中：因公出国（境）费17.87万元；公务用车购置及运行维护费16.68万元（其中：公务用车购置费"
            "0.00万元，公务用车运行维护费16.68万元），比上年减少1.87万元；公务接待费5.98万元。",
            fails=False,
        ),
        Example(
            "“三公”经费预算40.53万元。其中：因公出国（境）费17.87万元；公务用车购置及运行维护费16.68万元（其中：公务用车购置费"
            "0.00万元，公务用车运行维护费16.68万元），比上年减少1.87万元；公务接待费9.98万元。",
            fails=True,
        ),
        # "。其中：" breaks down the previous sentence's last figure (the 决算, not the 预算)
        Example("公务用车运行维护费预算为3.48万元，支出决算为3.71万元，完成预算的106.61%。其中：公务用车购置费0.00万元；公务用车运行维护费3.71万元。", fails=False),
        # a "其中" breaks down the figures of its own stretch: 56人次 is not a part of 0人次
        Example("其中：因公出国（境）费0.00万元，全年因公出国（境）团组0个，累计0人次；公务用车购置及运行维护费3.91万元，"
                "其中：公务用车购置费0.00万元，公务用车运行维护费3.91万元；公务接待费1.19万元，国内公务接待8批次，56人次。", fails=False),
        # a figure said roughly is not summed: "约500万元"
        Example("本年支出合计约500万元，其中：基本支出300.12万元，项目支出210.35万元。", fails=False),
        # a bracket without 其中 details a part; the list goes on after it
        Example("“三公”经费预算3.40万元，其中：因公出国（境）费0.00万元；公务用车购置及运行维护费3.01万元（公务用车购置费0.00万元，"
                "公务用车运行维护费3.01万元）；公务接待费0.40万元。", fails=False, kind="budget", year=2025),
        Example("“三公”经费预算3.40万元，其中：因公出国（境）费0.00万元；公务用车购置及运行维护费3.01万元（公务用车购置费0.00万元，"
                "公务用车运行维护费3.01万元）；公务接待费0.90万元。", fails=True, kind="budget", year=2025),
        # "本年新增 X 万元" is a change, not a part
        Example("本年收入合计1,792.71万元，其中：财政拨款收入1,759.01万元，占98.12%；其他收入33.71万元，占1.88%，"
                "上年其他收入为0，本年新增33.71万元，增幅不可比。", fails=False),
        # "。其中：" after a sentence with two totals may break down either: not checked
        Example("收入总计1,856.92万元，比上年增加5.00万元；支出总计1,856.92万元，比上年增加5.00万元。其中：本年收入合计1,792.71万元；"
                "年初结转和结余64.20万元；本年支出合计1,792.71万元；年末结转和结余64.20万元。", fails=False),
        # parts that already make up the total: the next sentence's figure is not one
        Example("政府采购预算总额1,122.78万元，其中：货物类479.76万元，工程类131.63万元，服务类511.40万元。本部门面向中小企业预留政府采购项目预算金额506.60万元，占45.12%。", fails=False, kind="budget", year=2025),
    )

    def check(self, document):
        for fact in document.facts.of(Breakdown):
            if fact.nested or not fact.parts:
                continue
            total = fact.total.quantity
            parts = Interval.exact(0)
            for part in fact.parts:
                parts = parts + part.quantity.interval
            unit, value, shown = total.unit, sum(p.quantity.value for p in fact.parts), parts
            if total.printed_in_yuan:
                # a total printed in 元: say the sum in 元 too, not 70.501280万元
                unit, value, shown = "元", value * 10000, parts.scale(Decimal(10000))
            printed_sum = f"{rounded(value, total.places) if total.places else value}{unit}"
            if parts.lo > total.interval.hi:
                zh = f"分项之和 {printed_sum} 超过总数 {total.text}"
                en = f"the parts add up to {printed_sum}, more than the total {total.text}"
            elif fact.complete and not parts.intersects(total.interval):
                zh = f"分项之和为 {printed_sum}，与总数 {total.text} 不符"
                en = f"the parts add up to {printed_sum}, not the total {total.text}"
            else:
                continue
            expected = shown.describe(total.places, unit)
            yield self.finding(total.span, zh, en, expected=expected, actual=total.text)
