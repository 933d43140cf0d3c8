"""Typed facts: what a sentence claims, with the span of every printed number.

Rules compare facts; they never look at raw offsets.  Every printed number is a
:class:`Quantity` that knows its text, its value and the interval it stands
for (see linter.numbers), already converted to 万元 for money.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal

from linter.numbers import Interval
from linter.sourcemap import Span


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str  # as printed (folded), e.g. "1,286.27万元", "14.11%"
    value: Decimal  # in 万元 for money, in percent points for percentages
    interval: Interval  # same unit as value
    unit: str  # 万元 | % | 人 | 个 | …
    span: Span
    places: int  # printed decimal places


@dataclass
class Amount:
    """A labelled figure: "本年收入合计 430.23 万元"."""

    label: str  # the words before the number, as printed (folded)
    key: str  # the label reduced for matching (see extract.label_key)
    quantity: Quantity
    role: str = "amount"  # amount | budget | final
    section: str = ""  # title path of the enclosing headings
    kind: str = field(default="amount", init=False)

    @property
    def span(self) -> Span:
        return self.quantity.span


@dataclass
class Share:
    """"X 万元，占 Y%": Y = part / total."""

    part: Amount
    total: Amount | None
    percent: Quantity
    total_label: str | None  # the total named in the sentence ("本年支出合计"), if any
    kind: str = field(default="share", init=False)

    @property
    def span(self) -> Span:
        return self.percent.span


@dataclass
class Change:
    """"比上年增加 A 万元，增长 R%" — or 持平."""

    subject: Amount | None  # the current value the change is about, when known
    direction: str  # inc | dec | flat
    amount: Quantity | None
    rate_direction: str | None  # inc | dec, for the rate's own word
    rate: Quantity | None
    base: str  # the comparison base as printed ("比上年预算", "与上年相比")
    words: tuple[str, ...]  # the direction words as printed ("增加", "下降")
    span: Span
    # the base figure itself, when the sentence states it: "上年为 0.87 万元",
    # or the 年初预算 of "…年初预算为 A，支出决算为 B，较年初预算增加 X"
    previous: "Amount | None" = None
    kind: str = field(default="change", init=False)


@dataclass
class Breakdown:
    """"X 万元，其中：A a 万元、B b 万元…"."""

    total: Amount
    parts: list[Amount]
    complete: bool  # the parts are the whole of the total (an identity)
    nested: bool = False  # another 其中 opened inside: parts are not certain
    kind: str = field(default="breakdown", init=False)

    @property
    def span(self) -> Span:
        return self.total.span


@dataclass
class Variance:
    """预决算差异率 R% = (决算 − 预算) / 预算, or the wording 决算数大于预算数."""

    budget: Amount
    final: Amount
    rate: Quantity | None
    relation: str | None  # 大于 | 小于 | 等于 | 高于 | 低于
    relation_span: Span | None
    kind: str = field(default="variance", init=False)

    @property
    def span(self) -> Span:
        return self.rate.span if self.rate else (self.relation_span or self.final.span)


@dataclass
class Completion:
    """"年初预算为 B，支出决算为 F，完成年初预算的 R%": R = F / B."""

    budget: Amount
    final: Amount
    rate: Quantity
    kind: str = field(default="completion", init=False)

    @property
    def span(self) -> Span:
        return self.rate.span


@dataclass
class Expression:
    """"50课时*3500元/课时=17.5万元": the product stated with its result."""

    factors: list[Quantity]
    result: Quantity  # in 万元
    text: str
    span: Span
    money_factor: Decimal = Decimal(1)  # converts the product to 万元 (0.0001 for 元)
    kind: str = field(default="expression", init=False)


Fact = Amount | Share | Change | Breakdown | Variance | Completion | Expression


class SpanIndex:
    """Facts sorted by position, so that a rule can take the facts inside
    each table in O(log n) instead of scanning them all once per table —
    quadratic on a long document with many tables."""

    def __init__(self, facts) -> None:
        self.facts = sorted(facts, key=lambda fact: fact.span.start)
        self._starts = [fact.span.start for fact in self.facts]

    def within(self, span: Span) -> list:
        """The facts that start inside ``span``, in document order."""
        return self.facts[bisect.bisect_left(self._starts, span.start):bisect.bisect_left(self._starts, span.end)]
