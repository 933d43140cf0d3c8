"""N107 completion-rate-mismatch: "完成年初预算的 R%" ≠ 决算数 / 预算数."""

from __future__ import annotations

from linter.facts.model import Completion
from linter.issues import Message
from linter.numbers import percent_mismatch
from linter.rule import Example, Rule


class CompletionRateMismatch(Rule):
    code = "N107"
    name = "completion-rate-mismatch"
    severity = "error"
    consumes = (Completion,)
    summary = Message("预算完成率与金额不符", "A budget completion rate does not match the amounts")
    description = Message(
        "“年初预算为 B 万元，支出决算为 F 万元，完成年初预算的 R%”：R = F ÷ B（“年初预算 B 万元”“公务接待费预算为 B 万元”"
        "“支出决算 F 万元”等标签也算）。预算数可能为 0 时不检查。",
        "\"年初预算为 B，支出决算为 F，完成年初预算的 R%\": R = F / B (labels such as \"年初预算 B\", "
        "\"公务接待费预算为 B\" and \"支出决算 F\" count too). Not checked when B may be 0.",
    )
    examples = (
        Example("年初预算为 200.00 万元，支出决算为 150.00 万元，完成年初预算的 57.00%。", fails=True),
        Example("年初预算为 200.00 万元，支出决算为 150.00 万元，完成年初预算的 75.00%。", fails=False),
        # the labels say which figure is which, also without 为
        Example("行政运行（项）：年初预算369.16万元，支出决算339.74万元，完成年初预算的97.03%。", fails=True),
        Example("行政运行（项）：年初预算369.16万元，支出决算339.74万元，完成年初预算的92.03%。", fails=False),
        Example("公务接待费预算为2.27万元，支出决算为1.89万元，完成预算的88.33%。", fails=True),
        Example("公务接待费预算为2.27万元，支出决算为1.89万元，完成预算的83.26%。", fails=False),
        Example("项目全年预算数为1,473.65万元，执行数为1,412.64万元，完成预算的97.86%。", fails=True),
        Example("项目全年预算数为1,473.65万元，执行数为1,412.64万元，完成预算的95.86%。", fails=False),
        Example("年初预算为215.02万元，支出决算为257.57万元，决算数为年初预算数的119.79%。", fails=False),
        Example("年初预算为215.02万元，支出决算为257.57万元，决算数为年初预算数的129.79%。", fails=True),
        # a heading that is a whole sentence states its figures too
        Example("一、“三公”经费\n\n（一）因公出国（境）费支出决算为0.00万元。\n\n"
                "（二）公务接待费支出决算为0.47万元，年初预算为0.59万元，预算执行率为85.00%。", fails=True),
        Example("一、“三公”经费\n\n（一）因公出国（境）费支出决算为0.00万元。\n\n"
                "（二）公务接待费支出决算为0.47万元，年初预算为0.59万元，预算执行率为79.66%。", fails=False),
        # 一般公共预算 is not a budget figure's label
        Example("一般公共预算 300.00万元，政府性基金 100.00万元，支出决算为 380.00万元，完成预算的 95.00%。", fails=False),
    )

    def check(self, document):
        for fact in document.facts.of(Completion):
            if fact.budget.quantity.interval.lo <= 0:
                continue
            ratio = fact.final.quantity.interval / fact.budget.quantity.interval
            want = percent_mismatch(ratio, fact.rate.interval, fact.rate.places)
            if want is None:
                continue
            yield self.finding(
                fact.rate.span,
                f"完成率应为 {want}（{fact.final.quantity.text} ÷ {fact.budget.quantity.text}），实为 {fact.rate.text}",
                f"completion should be {want} ({fact.final.quantity.text} / {fact.budget.quantity.text}), found {fact.rate.text}",
                expected=want,
                actual=fact.rate.text,
            )
