"""N102 change-rate-mismatch: "比上年增加 A 万元，增长 R%" with R ≠ A / previous."""

from __future__ import annotations

from linter.facts.model import Change
from linter.issues import Message
from linter.numbers import percent_mismatch
from linter.rule import Example, Rule


class ChangeRateMismatch(Rule):
    code = "N102"
    name = "change-rate-mismatch"
    severity = "error"
    consumes = (Change,)
    summary = Message("增减幅度与增减金额不符", "A year-on-year rate does not match its amounts")
    description = Message(
        "“比上年增加 A 万元，增长 R%”：R = A ÷（本年数 − A）；“减少 A 万元，下降 R%”：R = A ÷（本年数 + A）。"
        "本年数取该句所说的金额（同句前面的金额，或“与上年相比”前点名的项目）。上年数可能为 0 时"
        "（如“增长 100.00%”）不检查。按打印精度做区间运算，只有在任何取值都无法成立时才报告。",
        "\"增加 A，增长 R%\": R = A / (current − A); \"减少 A，下降 R%\": R = A / (current + A), "
        "where current is the amount the sentence is about (the amount before it, or the "
        "subject named before 与上年相比). Not checked when the previous value may be 0. "
        "Interval arithmetic over the printed precision.",
    )
    examples = (
        Example("本年支出 4,388.99 万元，比上年减少 5,013.95 万元，下降 53.31%。", fails=True),
        Example("本年支出 4,388.99 万元，比上年减少 5,013.95 万元，下降 53.32%。", fails=False),
        Example("公务用车运行费 0.17 万元，较上年增加 0.04 万元，增长 31.82%。", fails=False),
        Example("项目支出 1.81 万元，比上年决算增加 1.81 万元，增长 100.00%。", fails=False),
        Example("收入总计 434.50 万元。支出总计 434.50 万元。\n\n收入支出总体与上年相比，减少 71.40 万元，下降 14.11%。", fails=False),
        Example("一般公共预算 715.52万元，与 2023 年度相比增加 54.84万元，增幅 9.30%。", fails=True, kind="budget"),
        # against the budget: "较年初预算增加 A 万元，超出预算 R%"
        Example("财政拨款支出1,590.70万元，较年初预算增加235.51万元，超出预算17.38%。", fails=False),
        Example("财政拨款支出1,590.70万元，较年初预算增加235.51万元，超出预算27.38%。", fails=True),
        # a rate said roughly is not checked
        Example("培训费 300.00万元，比上年增加 50.00万元，增长约 20%。", fails=False),
        # last year's figure stated in the sentence is not the current value
        Example("公务接待费0.69万元，上年为0.87万元，减少0.17万元，下降20.00%。", fails=False),
        Example("公务接待费0.69万元，上年为0.87万元，减少0.17万元，下降25.00%。", fails=True),
        Example("2024年度收入总计587.95万元，2023年度收入总计530.98万元，增加56.97万元，增长10.73%。", fails=False),
        Example("2024年度收入总计587.95万元，2023年度收入总计530.98万元，增加56.97万元，增长12.73%。", fails=True),
    )

    def check(self, document):
        for fact in document.facts.of(Change):
            if fact.subject is None or fact.amount is None or fact.rate is None:
                continue
            if fact.direction not in ("inc", "dec") or fact.rate_direction != fact.direction:
                continue
            if fact.amount.value < 0 or fact.rate.value < 0:
                continue
            current = fact.subject.quantity.interval
            change = fact.amount.interval
            previous = current - change if fact.direction == "inc" else current + change
            if previous.hi <= 0:
                continue
            # A previous value that may be 0 allows any rate (often 100%).
            want = percent_mismatch(change / previous, fact.rate.interval, fact.rate.places)
            # "较年初预算增加 A，超出预算 R%": the base is the budget
            base_zh, base_en = ("年初预算数", "the budget") if fact.against_budget else ("上年数", "previous")
            if want is None:
                continue
            yield self.finding(
                fact.rate.span,
                f"增减幅度应为 {want}（{fact.amount.text} ÷ {base_zh}，本年数 {fact.subject.quantity.text}），实为 {fact.rate.text}",
                f"rate should be {want} ({fact.amount.text} / {base_en}, current {fact.subject.quantity.text}), found {fact.rate.text}",
                expected=want,
                actual=fact.rate.text,
            )
