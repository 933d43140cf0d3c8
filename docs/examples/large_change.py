"""Worked example (a): a Python rule with an option, reading the fact store.

Z801 large-change: a change rate above a limit is worth a second look (a
typing slip in the rate, or a change that the text should explain).  The
limit is an option, so that a bureau whose budgets swing widely can raise it
in its configuration::

    # .disclint.yaml
    options:
      Z801: {max_rate: 50}

The rule reads ``document.facts.of(Change)`` — the changes the prose stage
found ("比上年增加 45.00 万元，增长 80.00%") — and never the text.  The rate is a
Decimal interval over its printed precision: a rate is reported only when
every value it can stand for is above the limit.
"""

from __future__ import annotations

from decimal import Decimal

from linter.facts.model import Change
from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.rule import Example, Option, Rule


class LargeChange(Rule):
    code = "Z801"
    name = "large-change"
    severity = "info"
    summary = Message("变动幅度超过设定上限", "A change rate is above the configured limit")
    description = Message(
        "“增长/下降 R%”中 R 超过上限（选项 max_rate，默认 30）时提示核对，并说明变动原因。",
        "A change rate R% above the limit (option max_rate, 30 by default) is flagged for a check.",
    )
    options = (
        Option(
            name="max_rate",
            schema={"type": "number", "exclusiveMinimum": 0},
            default=30,
            description=Message("提示的变动率上限（百分点）", "the largest change rate, in percent, not flagged"),
        ),
    )
    consumes = (Change,)
    examples = (
        Example("本年支出 100.00 万元，比上年增加 45.00 万元，增长 81.82%。", fails=True),
        Example("本年支出 100.00 万元，比上年增加 5.00 万元，增长 5.26%。", fails=False),
    )

    def check(self, document):
        limit = Decimal(str(self.option("max_rate")))
        for change in document.facts.of(Change):
            if change.rate is None or change.rate.interval.lo <= limit:
                continue
            yield self.finding(
                change.rate.span,
                f"变动率 {change.rate.text} 超过上限 {limit}%，请核对并说明原因",
                f"change rate {change.rate.text} is above the limit of {limit}%",
                actual=change.rate.text,
            )


@hookimpl
def disclint_rules():
    return [LargeChange()]
