"""N103 change-direction-conflict: 增加 with 下降, 减少 with 增长, a change called 持平."""

from __future__ import annotations

from linter.facts.model import Change
from linter.issues import Message
from linter.rule import Example, Rule


class ChangeDirectionConflict(Rule):
    code = "N103"
    name = "change-direction-conflict"
    severity = "error"
    consumes = (Change,)
    summary = Message("增减方向用词矛盾", "The direction words of a change contradict each other")
    description = Message(
        "同一处增减说明中，金额用“增加”则幅度应为“增长”，金额用“减少”则幅度应为“下降”；"
        "增减金额不为 0 时不能称“持平”。",
        "Within one change, an amount that 增加 (increases) must 增长 (grow) and one that "
        "减少 (decreases) must 下降 (fall); a change whose amount is not zero cannot be called 持平.",
    )
    examples = (
        Example("公用经费118.36万元，比上年减少3.91万元，增长-3.20%。", fails=False),
        Example("本年支出 100.00 万元，比上年增加 10.00 万元，下降 11.11%。", fails=True),
        Example("本年支出 100.00 万元，比上年增加 10.00 万元，持平。", fails=True),
        Example("本年支出 100.00 万元，比上年增加 10.00 万元，增长 11.11%。", fails=False),
        Example("本年支出 100.00 万元，比上年增加 0.00 万元，持平。", fails=False),
    )

    def check(self, document):
        for fact in document.facts.of(Change):
            if fact.rate_direction is None or fact.amount is None:
                continue
            if fact.direction == fact.rate_direction:
                continue
            if fact.rate is not None and fact.rate.value < 0 and "flat" not in (fact.direction, fact.rate_direction):
                continue  # "减少 3.91 万元，增长 -3.20%": the sign gives the direction
            words = "…".join(fact.words)
            if fact.rate_direction == "flat":
                if fact.amount.interval.contains_zero():
                    continue
                zh = f"增减金额为 {fact.amount.text}，不应称“持平”"
                en = f"a change of {fact.amount.text} is not 持平 (no change)"
            else:
                zh = f"增减方向矛盾：“{words}”"
                en = f"direction words contradict each other: {words}"
            yield self.finding(fact.span, zh, en, actual=words)
