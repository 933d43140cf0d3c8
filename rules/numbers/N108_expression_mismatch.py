"""N108 expression-mismatch: explicit arithmetic such as "50课时*3500元/课时=17.5万元"."""

from __future__ import annotations

from linter.facts.model import Expression
from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule


class ExpressionMismatch(Rule):
    code = "N108"
    name = "expression-mismatch"
    severity = "error"
    consumes = (Expression,)
    summary = Message("算式结果错误", "Explicit arithmetic is wrong")
    description = Message(
        "文中写出的乘法算式（如“50课时*3500元/课时=17.5万元”“200元/人/天*15人*30天=9万元”）结果须正确；"
        "以元为单位的因子与以万元为单位的结果会先换算。按打印精度做区间运算。",
        "Written-out products (\"50课时*3500元/课时=17.5万元\") must be right; a factor in 元 and "
        "a result in 万元 are converted first. Interval arithmetic over the printed precision.",
    )
    examples = (
        # a percentage factor is a fraction; "1,200" is one number
        Example("就业补贴=80.00万元×50%=40.00万元。", fails=False),
        Example("培训补贴=1,200人次×500元/人次=60.00万元。", fails=False),
        Example("培训补贴=1,200人次×500元/人次=70.00万元。", fails=True),
        Example("培训费按 50课时*3500元/课时=17.5万元 测算。", fails=False),
        Example("伙食费按 200元/人/天*15人/*30天=3万元 测算。", fails=True),
        Example("伙食费按 200元/人/天*15人*30天=9万元 测算。", fails=False),
    )

    def check(self, document):
        for fact in document.facts.of(Expression):
            product = Interval.exact(1)
            for factor in fact.factors:
                product = product * factor.interval
            product = product.scale(fact.money_factor)
            if product.intersects(fact.result.interval):
                continue
            want = product.describe(max(fact.result.places, 2), "万元")
            printed = f"{fact.result.value}万元"
            yield self.finding(
                fact.result.span,
                f"算式结果应为 {want}，实为 {printed}",
                f"the product is {want}, not {printed}",
                expected=want,
                actual=printed,
            )
