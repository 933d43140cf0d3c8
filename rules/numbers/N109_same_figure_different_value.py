"""N109 same-figure-different-value: one quantity stated twice with two values."""

from __future__ import annotations

from linter.facts.model import Amount, Breakdown, RunningCostsDefined
from linter.issues import Message
from linter.rule import Example, Rule


class SameFigureDifferentValue(Rule):
    code = "N109"
    name = "same-figure-different-value"
    severity = "error"
    consumes = (Amount, Breakdown, RunningCostsDefined)
    summary = Message("同一数字前后不一致", "One figure is stated with two different values")
    description = Message(
        "同一个数在两处出现时必须一致：同名的合计/总计类数字（如“财政拨款支出总计”“一般公共预算财政拨款基本支出”）"
        "在不同章节重复出现；文中把机关运行经费定义为财政拨款基本支出中的公用经费时，“机关运行经费”与"
        "基本支出中的“公用经费”。只比较指向同一笔钱的数字：短而通用的名称（如“项目支出”）在不同章节"
        "可指不同的钱，不比较。按打印精度做区间运算。",
        "The same figure stated twice must agree: a named total or fiscal aggregate (财政拨款支出总计, "
        "一般公共预算财政拨款基本支出) repeated in another section; and 机关运行经费 against the "
        "公用经费 of 基本支出 where the document defines the one as the other. Short, generic "
        "labels (项目支出) mean different money in different sections and are not compared.",
    )
    examples = (
        Example(
            "一般公共预算财政拨款基本支出 295.95 万元。\n\n二、其他\n\n一般公共预算财政拨款基本支出 259.95 万元。",
            fails=True,
        ),
        Example(
            "一般公共预算财政拨款基本支出 295.95 万元。\n\n二、其他\n\n一般公共预算财政拨款基本支出 295.95 万元。",
            fails=False,
        ),
        Example(
            "基本支出 100.00 万元，其中：人员经费 80.00 万元，公用经费 20.00 万元。\n\n"
            "本单位机关运行经费支出 25.00 万元。\n\n机关运行经费：指财政拨款基本支出中的公用经费支出。",
            fails=True,
        ),
        Example("项目支出 602.00万元。\n\n项目支出 267.00万元，涉及预算金额 267.00万元。", fails=False),
        # last year's figure, named by its year, is another figure
        Example(
            "一般公共预算财政拨款基本支出 394.02 万元。\n\n二、其他\n\n"
            "2023年度一般公共预算财政拨款基本支出 376.92 万元，2024年度比2023年度增加 17.10 万元，增长 4.54%。",
            fails=False,
        ),
    )

    def check(self, document):
        amounts = document.facts.of(Amount)
        heads = {}  # id(part) -> the list it is a part of
        for fact in document.facts.of(Breakdown):
            for part in fact.parts:
                heads[id(part)] = fact
        yield from self._repeated_totals(amounts, heads)
        if document.facts.of(RunningCostsDefined):
            yield from self._running_costs(amounts, heads)

    def _repeated_totals(self, amounts, heads):
        """A named total or fiscal aggregate (Amount.aggregate) stated again
        with the same role, as a part of a list of the same head."""
        first: dict[tuple, Amount] = {}
        for amount in amounts:
            if not amount.aggregate:
                continue
            head = heads.get(id(amount))
            key = (amount.aggregate, amount.role, head.total.key if head is not None else None)
            earlier = first.setdefault(key, amount)
            if earlier is not amount:
                yield from self._compare(earlier, amount, label_zh=amount.aggregate)

    def _running_costs(self, amounts, heads):
        """机关运行经费 against the one 公用经费 of a 基本支出 list."""
        office = [
            a for a in amounts
            if a.is_office_costs and id(a) in heads and heads[id(a)].of_basic_spending
        ]
        running = [a for a in amounts if a.is_running_costs]
        if len(office) == 1:
            for amount in running:
                yield from self._compare(office[0], amount, label_zh="机关运行经费（公用经费）")

    def _compare(self, earlier: Amount, later: Amount, label_zh: str):
        a, b = earlier.quantity, later.quantity
        if a.interval.intersects(b.interval):
            return
        yield self.finding(
            b.span,
            f"“{label_zh}”前文为 {a.text}，此处为 {b.text}",
            f"\"{label_zh}\" was stated as {a.text} earlier, here {b.text}",
            expected=a.text,
            actual=b.text,
        )
