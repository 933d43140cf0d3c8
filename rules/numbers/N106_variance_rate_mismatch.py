"""N106 variance-rate-mismatch: 预决算差异率 ≠ (决算数 − 预算数) / 预算数, or
the wording 决算数大于/小于/等于预算数 against the two amounts."""

from __future__ import annotations

from linter.facts.model import Variance
from linter.issues import Message
from linter.numbers import Interval, percent_mismatch
from linter.rule import Example, Rule


class VarianceRateMismatch(Rule):
    code = "N106"
    name = "variance-rate-mismatch"
    severity = "error"
    consumes = (Variance,)
    summary = Message("预决算差异率或大小表述与金额不符", "A budget variance rate or wording does not match the amounts")
    description = Message(
        "预决算差异率 =（决算数 − 年初预算数）÷ 年初预算数；“决算数大于/小于/等于预算数”须与两个金额一致。"
        "预算数可能为 0 时不检查差异率。按打印精度做区间运算。",
        "预决算差异率 = (final − budget) / budget; the wording 决算数大于/小于/等于预算数 must "
        "agree with the two amounts. Not checked when the budget may be 0. Interval arithmetic.",
    )
    examples = (
        Example("年初预算为6.91万元，支出决算为14.88万元，超出预算115.34%。", fails=False),
        Example("年初预算为6.91万元，支出决算为14.88万元，超出预算105.34%。", fails=True),
        Example("年初预算为10.00万元，支出决算为9.18万元，低于预算8.20%。", fails=False),
        Example("年初预算为512.34万元，决算数为430.55万元，预决算差异率为15.96%，决算数小于预算数。", fails=False),
        Example("年初预算为512.34万元，决算数为430.55万元，预决算差异率为16.96%，决算数小于预算数。", fails=True),
        Example("与年初预算相比，年初预算数 433.45 万元，决算数 434.50 万元，预决算差异率 2.40%。", fails=True),
        Example("与年初预算相比，年初预算数 433.45 万元，决算数 434.50 万元，预决算差异率 0.24%。", fails=False),
        Example("年初预算数 100.00 万元，决算数 90.00 万元，决算数大于预算数。", fails=True),
        Example("年初预算数 100.00 万元，决算数 90.00 万元，预决算差异率-10.00%，决算数小于预算数。", fails=False),
    )

    def check(self, document):
        for fact in document.facts.of(Variance):
            budget, final = fact.budget.quantity, fact.final.quantity
            if fact.rate is not None:
                if budget.interval.lo <= 0:
                    continue
                ratio = (final.interval - budget.interval) / budget.interval
                want = percent_mismatch(ratio, fact.rate.interval, fact.rate.places)
                if want is None:
                    continue
                if fact.rate.value > 0 and not fact.rate.text.startswith("+") and fact.said_less:
                    # "预决算差异率为15.96%，决算数小于预算数": the size, with the
                    # direction said in words — compare the magnitude.
                    if percent_mismatch(Interval.exact(0) - ratio, fact.rate.interval, fact.rate.places) is None:
                        continue
                yield self.finding(
                    fact.rate.span,
                    f"预决算差异率应为 {want}（(决算数 {final.text} − 预算数 {budget.text}) ÷ 预算数），实为 {fact.rate.text}",
                    f"variance rate should be {want} ((final {final.text} − budget {budget.text}) / budget), found {fact.rate.text}",
                    expected=want,
                    actual=fact.rate.text,
                )
            elif fact.relation is not None:
                holds = {
                    "more": final.interval.hi > budget.interval.lo,
                    "less": final.interval.lo < budget.interval.hi,
                    "equal": final.interval.intersects(budget.interval),
                }.get(fact.claim, True)
                if holds:
                    continue
                yield self.finding(
                    fact.relation_span,
                    f"决算数 {final.text} 与预算数 {budget.text} 的关系不是“{fact.relation}”",
                    f"final {final.text} is not {fact.relation} (as stated) budget {budget.text}",
                    actual=fact.relation,
                )
