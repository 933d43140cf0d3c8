"""N101 share-mismatch: "X 万元，占 Y%" where Y is not X / total."""

from __future__ import annotations

from linter.facts.model import Share
from linter.facts.nudge import nudges
from linter.issues import Message
from linter.numbers import percent_mismatch
from linter.rule import Example, Rule


class ShareMismatch(Rule):
    code = "N101"
    name = "share-mismatch"
    severity = "error"
    consumes = (Share,)
    summary = Message("占比与金额不符", "A share does not match its amounts")
    description = Message(
        "“X 万元，占 Y%”中 Y 应等于 X 除以该句所说的总数（句中点名的总数，如“占本年支出合计的”，"
        "或“其中：”之前的总数）。按打印精度做区间运算：金额代表 ±0.005 万元以内的任意真实值、"
        "百分比代表 ±0.005 个百分点以内的任意真实值，只有在任何取值都无法成立时才报告。"
        "找不到总数的占比不检查。",
        "In \"X 万元，占 Y%\", Y must equal X divided by the total the sentence is about (the "
        "total it names, such as 占本年支出合计的, or the amount before 其中). Interval "
        "arithmetic over the printed precision: reported only when no true values within "
        "half a unit of the printed digits make it hold. Shares whose total cannot be "
        "found are not checked.",
    )
    examples = (
        Example("本年支出 427.08 万元，其中：基本支出 295.95 万元，占 63.90%；项目支出 131.13 万元，占 30.70%。", fails=True),
        Example("本年支出 427.08 万元，其中：基本支出 295.95 万元，占 69.30%；项目支出 131.13 万元，占 30.70%。", fails=False),
        Example(
            "一般公共预算财政拨款支出 1,286.27 万元。\n\n教育支出 1,286.27 万元，占一般公共预算财政拨款支出的 100.00%。",
            fails=False,
        ),
        Example("部门收入预算 1,050.52万元，其中：\n\n一般公共预算 715.52万元，占 58.11%。", fails=True, kind="budget"),
        # a named total stated with two values by then (all funds, 一般公共预算) is ambiguous
        Example("二、支出预算\n\n项目支出 372.04万元。\n\n三、一般公共预算\n\n项目支出 329.65万元。\n\n四、绩效\n\n"
                "项目资金 329.65万元，占项目支出的 88.61%。", fails=False, kind="budget"),
        Example("二、支出预算\n\n项目支出 372.04万元。\n\n四、绩效\n\n项目资金 329.65万元，占项目支出的 98.61%。", fails=True, kind="budget"),
        # "上年预算数为 X" is last year's: the list breaks down this year's figure
        Example("“三公”经费财政拨款预算数为18.35万元，上年预算数为31.61万元，比上年减少13.26万元。其中：因公出国（境）费预算8.52万元，占46.43%。",
                fails=False, kind="budget", year=2025),
        # "分别支出 a、b、c，分别占 p、q、r": the rates pair with the amounts in order
        Example("一般公共预算财政拨款支出1,649.71万元。社会保障和就业支出（类）、卫生健康支出（类）、住房保障支出（类）"
                "分别支出1,138.83万元、233.29万元、277.60万元，分别占一般公共预算财政拨款支出的69.03%、14.14%、16.83%。", fails=False),
        Example("一般公共预算财政拨款支出1,649.71万元。社会保障和就业支出（类）、卫生健康支出（类）、住房保障支出（类）"
                "分别支出1,138.83万元、233.29万元、277.60万元，分别占一般公共预算财政拨款支出的69.03%、15.14%、16.83%。", fails=True),
        # "主要用于以下方面：" lists the parts of the figure just stated
        Example("一般公共预算财政拨款支出4,984.93万元，主要用于以下方面：社会保障和就业（类）支出3,275.07万元，占65.70%；"
                "教育（类）支出232.64万元，占4.76%。", fails=True),
        Example("一般公共预算财政拨款支出4,984.93万元，主要用于以下方面：社会保障和就业（类）支出3,275.07万元，占65.70%；"
                "教育（类）支出232.64万元，占4.67%。", fails=False),
        # the part named instead of printed: "项目支出占本年支出的比重为…"
        Example("本年支出 1,337.68万元，其中：基本支出 965.63万元，项目支出 372.04万元。\n\n项目支出占本年支出的比重为 37.81%。", fails=True),
        Example("本年支出 1,337.68万元，其中：基本支出 965.63万元，项目支出 372.04万元。\n\n项目支出占本年支出的比重为 27.81%。", fails=False),
        # the name says more than the figure found (一般公共预算项目支出 vs 项目支出): not checked
        Example("项目支出 7,038.36万元。\n\n共涉及资金6,605.66万元，占一般公共预算项目支出总额的100%。", fails=False),
        # the total named by the ending of the list's own total ("…支出预算")
        Example("本部门2025年支出预算1,337.68万元，其中：基本支出965.63万元，项目支出372.04万元，项目支出占支出预算的比重为37.81%。", fails=True, kind="budget", year=2025),
        Example("本部门2025年支出预算1,337.68万元，其中：基本支出965.63万元，项目支出372.04万元，项目支出占支出预算的比重为27.81%。", fails=False, kind="budget", year=2025),
        # the share after a bracketed list is the share of the figure before the bracket
        Example("收入总计587.95万元，其中：财政拨款收入561.92万元（其中一般公共预算财政拨款515.88万元，政府性基金预算财政拨款46.04万元），占95.57%。", fails=False),
        Example("收入总计587.95万元，其中：财政拨款收入561.92万元（其中一般公共预算财政拨款515.88万元，政府性基金预算财政拨款46.04万元），占96.57%。", fails=True),
    )

    def check(self, document):
        nudged = nudges(document.facts)
        for fact in document.facts.of(Share):
            if fact.total is None or fact.total is fact.part:
                continue
            nudge = nudged.get(id(fact))
            if nudge is not None and nudge.raised:
                continue  # raised one unit to make 100.00%: N105's information, not an error
            ratio = fact.part.quantity.interval / fact.total.quantity.interval
            want = percent_mismatch(ratio, fact.percent.interval, fact.percent.places)
            if want is None:
                continue
            part, total = fact.part.quantity.text, fact.total.quantity.text
            yield self.finding(
                fact.percent.span,
                f"占比应为 {want}（{part} ÷ {total}），实为 {fact.percent.text}",
                f"share should be {want} ({part} / {total}), found {fact.percent.text}",
                expected=want,
                actual=fact.percent.text,
            )
