"""N109 same-figure-different-value: one quantity stated twice with two values."""

from __future__ import annotations

import re

from linter.facts.model import Amount, Breakdown
from linter.issues import Message
from linter.rule import Example, Rule

_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|\s|其中|:|的")
# A label names one unit-wide figure when it is long and names a total or a
# fiscal aggregate; short or generic labels ("项目支出", "支出决算数为") are
# reused for different things in different sections and are never compared.
_SPECIFIC = re.compile(r"总计|合计|总额|^一般公共预算|^财政拨款|^政府性基金|^国有资本经营")
_MIN_LABEL = 8
# 机关运行经费 is, by its definition in 名词解释, the 公用经费 of 财政拨款基本支出.
_RUNNING_COSTS = re.compile(r"机关运行经费(?:支出)?$")
_OFFICE_COSTS = re.compile(r"^公用经费$")
_DEFINITION = re.compile(r"机关运行经费.{0,60}公用经费")


def _label(amount: Amount, unit: str | None) -> str:
    text = amount.label.replace(unit, "") if unit else amount.label
    return _NOISE.sub("", text)


class SameFigureDifferentValue(Rule):
    code = "N109"
    name = "same-figure-different-value"
    severity = "error"
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
        amounts = [fact for fact in document.facts if isinstance(fact, Amount)]
        heads = {}
        for fact in document.facts:
            if isinstance(fact, Breakdown):
                for part in fact.parts:
                    heads[id(part)] = fact.total.key
        unit = document.info.unit
        yield from self._repeated_totals(amounts, heads, unit)
        if _DEFINITION.search(document.text):
            yield from self._running_costs(amounts, heads)

    def _repeated_totals(self, amounts, heads, unit):
        first: dict[tuple, Amount] = {}
        for amount in amounts:
            label = _label(amount, unit)
            if len(label) < _MIN_LABEL or not _SPECIFIC.search(label):
                continue
            key = (label, amount.role, heads.get(id(amount)))
            earlier = first.setdefault(key, amount)
            if earlier is not amount:
                yield from self._compare(earlier, amount, label)

    def _running_costs(self, amounts, heads):
        office = [a for a in amounts if _OFFICE_COSTS.search(a.key) and "基本支出" in heads.get(id(a), "")]
        running = [a for a in amounts if _RUNNING_COSTS.search(a.key)]
        if len(office) == 1:
            for amount in running:
                yield from self._compare(office[0], amount, "机关运行经费（公用经费）")

    def _compare(self, earlier: Amount, later: Amount, label: str):
        a, b = earlier.quantity, later.quantity
        if a.interval.intersects(b.interval):
            return
        yield self.finding(
            b.span,
            f"“{label}”前文为 {a.text}，此处为 {b.text}",
            f"\"{label}\" was stated as {a.text} earlier, here {b.text}",
            expected=a.text,
            actual=b.text,
        )
