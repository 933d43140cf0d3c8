"""N105 shares-sum: the shares of one breakdown make 100% within rounding; a
share nudged by 0.01 to force exactly 100.00% is reported as information."""

from __future__ import annotations

from decimal import Decimal

from linter.facts.model import Breakdown, Share
from linter.facts.nudge import nudges
from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule


class SharesSum(Rule):
    code = "N105"
    name = "shares-sum"
    severity = "error"
    consumes = (Breakdown, Share)
    summary = Message("各分项占比之和不等于 100%", "The shares of a breakdown do not make 100%")
    description = Message(
        "分项之和等于总数时，各分项的占比之和必须为 100%（按每个占比 ±0.005 个百分点的区间计算）。"
        "若各占比按金额四舍五入后之和不足 100.00%，而文中把其中一个上调一位使合计恰为 100.00%，"
        "只作为提示（info）报告，不算错误；下调一个占比使合计为 100.00% 则该占比低于金额所示，由 N101 报告。",
        "When the parts make up their total, their shares must add up to 100% (each share "
        "standing for ±0.005 points). A share nudged by 0.01 away from its rounded value so "
        "that the printed shares make exactly 100.00% is reported as info when it was raised to make up a "
        "shortfall; a share lowered below its amounts' value is N101's error.",
    )
    examples = (
        Example("本年支出 427.08 万元，其中：基本支出 295.95 万元，占 69.30%；项目支出 131.13 万元，占 31.70%。", fails=True),
        Example("本年支出 427.08 万元，其中：基本支出 295.95 万元，占 69.30%；项目支出 131.13 万元，占 30.70%。", fails=False),
        Example(
            "支出 715.52万元，其中：社会保障支出 654.95万元，占 91.54%；卫生健康支出 24.21万元，占 3.38%；"
            "住房保障支出 36.35万元，占 5.08%。",
            fails=True,
        ),
    )

    def check(self, document):
        self._nudges = nudges(document.facts)
        shares = {id(fact.part): fact for fact in document.facts.of(Share)}
        for fact in document.facts.of(Breakdown):
            if fact.nested or len(fact.parts) < 2:
                continue
            group = [shares.get(id(part)) for part in fact.parts]
            if any(share is None or share.total is not fact.total for share in group):
                continue
            parts_sum = Interval.exact(0)
            for part in fact.parts:
                parts_sum = parts_sum + part.quantity.interval
            if not parts_sum.intersects(fact.total.quantity.interval):
                continue  # the parts are not the whole: N104's business
            if fact.total.quantity.interval.contains_zero():
                continue  # shares of a zero total are undefined ("占 0.00%")
            pct_sum = Interval.exact(0)
            for share in group:
                pct_sum = pct_sum + share.percent.interval
            printed = sum(share.percent.value for share in group)
            if not (pct_sum.lo <= 100 <= pct_sum.hi):
                yield self.finding(
                    group[0].percent.span,
                    f"各分项占比之和为 {printed}%，不是 100%",
                    f"the shares add up to {printed}%, not 100%",
                    expected="100%",
                    actual=f"{printed}%",
                )
                continue
            yield from self._nudged(fact, group, printed)

    def _nudged(self, fact, group, printed):
        """Info when the printed shares make exactly 100 only because one of
        them was raised one unit to make up a shortfall, or moved within its
        rounding (linter.facts.nudge); a share lowered beyond rounding is
        N101's error, not reported twice."""
        if printed != 100:
            return
        for share in group:
            nudge = self._nudges.get(id(share))
            if nudge is None or not nudge.forgivable:
                continue
            how_zh = "仍在舍入误差内" if nudge.within else "此处上调一位"
            how_en = "still possible within rounding" if nudge.within else "this one was raised a unit"
            yield self.finding(
                share.percent.span,
                f"按金额计算占比为 {nudge.natural}%，此处写作 {share.percent.text}：各项按金额四舍五入后合计为 "
                f"{nudge.natural_sum}%，{how_zh}，使合计恰为 100.00%，可能为凑整而调整",
                f"computed share is {nudge.natural}%, printed {share.percent.text}: the honestly rounded shares "
                f"make {nudge.natural_sum}%; {how_en}, making exactly 100.00%",
                expected=f"{nudge.natural}%",
                actual=share.percent.text,
                severity="info",
            )
