"""N110 change-amount-mismatch: a change amount against the two figures the
sentence states ("公务接待费 0.69 万元，上年为 0.87 万元，减少 0.18 万元";
"年初预算为 A 万元，支出决算为 B 万元，较年初预算增加 X 万元")."""

from __future__ import annotations

from linter.facts.model import Change
from linter.issues import Message
from linter.rule import Example, Rule


class ChangeAmountMismatch(Rule):
    code = "N110"
    name = "change-amount-mismatch"
    severity = "error"
    consumes = (Change,)
    summary = Message("增减额与前后两个数字不符", "A change amount differs from the two figures it compares")
    description = Message(
        "句中同时写出本期数与比较基数（“上年为 P 万元”，或“年初预算为 P 万元，支出决算为 C 万元”）时，"
        "“增加/减少 A 万元”的 A 应等于 C − P（区间运算）。",
        "When a sentence states both the current figure and the base it is compared with "
        "(\"上年为 P 万元\", or \"年初预算为 P，支出决算为 C\"), the change \"增加/减少 A 万元\" "
        "must equal C − P (interval arithmetic).",
    )
    examples = (
        Example("公务接待费0.69万元，上年为0.87万元，减少0.18万元。", fails=False),
        Example("公务接待费0.69万元，上年为0.87万元，减少0.28万元。", fails=True),
        Example("公务接待费0.69万元，上年为0.87万元，增加0.18万元。", fails=True),
        Example("行政运行（项）：年初预算为220.72万元，支出决算为272.30万元，较年初预算增加51.58万元。", fails=False),
        Example("行政运行（项）：年初预算为220.72万元，支出决算为272.30万元，较年初预算增加15.57万元。", fails=True),
    )

    def check(self, document):
        for fact in document.facts.of(Change):
            if fact.previous is None or fact.subject is None or fact.amount is None:
                continue
            if fact.direction not in ("inc", "dec") or fact.amount.value < 0:
                continue
            difference = fact.subject.quantity.interval - fact.previous.quantity.interval
            signed = fact.amount.interval if fact.direction == "inc" else fact.amount.interval.scale(-1)
            if difference.intersects(signed):
                continue
            base_zh = "年初预算数" if fact.against_budget else "上年数"
            current, previous = fact.subject.quantity.text, fact.previous.quantity.text
            expected = difference.describe(fact.amount.places, "万元")
            yield self.finding(
                fact.span,
                f"增减额应为 {expected}（本年数 {current} − {base_zh} {previous}），实为“{fact.words[0]} {fact.amount.text}”",
                f"the change should be {expected} (current {current} − base {previous}), found \"{fact.words[0]} {fact.amount.text}\"",
                expected=expected,
                actual=fact.amount.text,
            )
