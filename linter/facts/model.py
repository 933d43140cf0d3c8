"""Typed facts: what a sentence claims, with the span of every printed number.

Rules compare facts; they never look at raw offsets.  Every printed number is a
:class:`Quantity` that knows its text, its value and the interval it stands
for (see linter.numbers), already converted to 万元 for money.

The sentence facts (Amount … Expression) come from linter.facts.extract and
its handlers; the facts about the whole document (RunningCostsDefined,
EvaluationSummary) from linter.facts.handlers.document_handlers.  Every field
list below names every value the extractor emits.
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
    # 万元 (every amount of money, whatever unit it was printed in) | % |
    # a counting unit: 人 人次 个 辆 台 套 台(套) 台套 项 批次 次 家 所 场 场次 课时
    # 天 平方米 (linter.facts.lexer COUNT) | 分 (a score, EvaluationSummary) |
    # the words after a factor of an Expression ("元/课时", "人", "")
    unit: str
    span: Span
    places: int  # printed decimal places

    @property
    def is_money(self) -> bool:
        """Is it an amount of money (read in 万元, whatever unit it was printed in)?"""
        return self.unit == "万元"

    @property
    def printed_in_yuan(self) -> bool:
        """Was the amount printed in 元 (not 万元): "352,506.40元"?"""
        return self.text.endswith("元") and not self.text.endswith("万元")


@dataclass
class Amount:
    """A labelled figure: "本年收入合计 430.23 万元"."""

    label: str  # the words before the number, as printed (folded)
    key: str  # the label reduced for matching (see linter.facts.labels.label_key)
    quantity: Quantity
    # What the figure is (linter.facts.handlers.amount):
    #   amount  a money figure of this year ("本年收入合计 430.23 万元")
    #   count   a counted figure: people, vehicles, projects ("实有人数 17 人")
    #   budget  a budget figure named so ("年初预算为 6.91 万元", "预算数 …")
    #   final   a final figure named so ("支出决算为 14.88 万元", "决算数 …")
    #   prior   last year's figure ("上年为 0.87 万元", "2023年度收入总计 …" in a
    #           2024 report): never a part, never a current value
    #   approx  a figure said roughly ("约 500 万元", "300 万元左右"): never
    #           added, divided or compared exactly
    role: str = "amount"
    section: str = ""  # title path of the enclosing headings
    # the text right after the figure says it was paid out in full
    # ("…万元免住宿费经费全部足额、按时拨付到位", "已全额发放")
    paid_in_full: bool = False
    # the label (without the unit's name, years and spaces) when it names one
    # unit-wide figure — a total or a fiscal aggregate of eight characters or
    # more ("一般公共预算财政拨款基本支出"); "" for a short or generic label
    # ("项目支出") that different sections use for different money
    aggregate: str = ""
    kind: str = field(default="amount", init=False)

    @property
    def is_office_costs(self) -> bool:
        """Is it the 公用经费 (office costs) of a list?"""
        return self.key == "公用经费"

    @property
    def is_running_costs(self) -> bool:
        """Is it the 机关运行经费 (an organ's running costs)?"""
        return self.key.endswith(("机关运行经费", "机关运行经费支出"))

    @property
    def span(self) -> Span:
        return self.quantity.span


@dataclass
class Share:
    """"X 万元，占 Y%": Y = part / total."""

    part: Amount  # the amount just before the share, or the one its words name
    total: Amount | None  # the total it is of; None when that cannot be found (never checked)
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
    direction: str  # inc | dec | flat: of the amount's word, or of the rate's when there is no amount
    amount: Quantity | None  # money or a count ("增加 2 人"); None for a rate alone or 持平
    # inc | dec | flat, for the rate's own word ("下降", "超出预算" inc, "低于预算"
    # dec; "增加 5.00 万元，持平" flat); None when no rate and no 持平 followed
    rate_direction: str | None
    rate: Quantity | None
    # the comparison base as printed ("比上年预算", "较年初预算", "与上年", "同比");
    # "" when the comparison was a clause of its own ("…与上年相比，减少…")
    base: str
    # the direction words as printed, amount's first ("增加", "下降", "持平", "超出预算")
    words: tuple[str, ...]
    span: Span
    # the base figure itself, when the sentence states it: "上年为 0.87 万元",
    # or the 年初预算 of "…年初预算为 A，支出决算为 B，较年初预算增加 X"
    previous: "Amount | None" = None
    kind: str = field(default="change", init=False)

    @property
    def against_budget(self) -> bool:
        """Is the change against the budget ("较年初预算增加") rather than
        against last year ("比上年增加")?"""
        return "预算" in self.base


@dataclass
class Breakdown:
    """"X 万元，其中：A a 万元、B b 万元…"."""

    total: Amount
    parts: list[Amount]
    complete: bool  # the parts are the whole of the total (an identity)
    nested: bool = False  # another 其中 opened inside: parts are not certain
    kind: str = field(default="breakdown", init=False)
    # Identity index of ``parts`` and the sum of their lower bounds, brought
    # up to date with the parts appended since (parts only ever grow), so
    # that asking once per share of an N-part list stays linear.
    _part_ids: set = field(default_factory=set, init=False, repr=False, compare=False)
    _low: Decimal = field(default=Decimal(0), init=False, repr=False, compare=False)
    _seen: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def span(self) -> Span:
        return self.total.span

    @property
    def of_basic_spending(self) -> bool:
        """Does the list break down a 基本支出 (basic spending)?"""
        return "基本支出" in self.total.key

    def holds(self, amount: "Amount") -> bool:
        """Is ``amount`` (this very object) one of the parts?"""
        self._catch_up()
        return id(amount) in self._part_ids

    def parts_low(self) -> Decimal:
        """The sum of the parts' lower bounds."""
        self._catch_up()
        return self._low

    def _catch_up(self) -> None:
        if self._seen > len(self.parts):  # parts were replaced: index them anew
            self._part_ids, self._low, self._seen = set(), Decimal(0), 0
        for part in self.parts[self._seen:]:
            self._part_ids.add(id(part))
            self._low = self._low + part.quantity.interval.lo
        self._seen = len(self.parts)


_RELATION_CLAIMS = {"大于": "more", "高于": "more", "小于": "less", "低于": "less", "等于": "equal"}


@dataclass
class Variance:
    """预决算差异率 R% = (决算 − 预算) / 预算, or the wording 决算数大于预算数."""

    budget: Amount
    final: Amount
    rate: Quantity | None
    # 大于 | 小于 | 等于 | 高于 | 低于, said of the final figure ("预算数大于决算数"
    # is read as 小于); None for a rate
    relation: str | None
    relation_span: Span | None
    # the sentence around the fact says in words that the final figure is
    # below the budget ("…决算数小于预算数", "节约", "减少"): a positive rate
    # is then the size of the gap, its direction said in words
    said_less: bool = False
    kind: str = field(default="variance", init=False)

    @property
    def claim(self) -> str | None:
        """What the wording claims of the final figure against the budget:
        "more" (大于, 高于), "less" (小于, 低于), "equal" (等于); None without
        a wording (or one not known)."""
        return _RELATION_CLAIMS.get(self.relation) if self.relation else None

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


# -- facts about the whole document (linter.facts.handlers.document_handlers):
# kept in the fact store with the plugins' facts, found with
# ``document.facts.of(...)``; ``disclint facts`` lists the sentence facts above.


@dataclass
class RunningCostsDefined:
    """The document defines 机关运行经费 (running costs) as the 公用经费 of
    基本支出 ("机关运行经费：指…财政拨款基本支出中的公用经费支出"), so the
    two figures are one."""

    span: Span
    kind: str = field(default="running-costs-defined", init=False)

    @property
    def text(self) -> str:
        """One line for ``disclint facts``."""
        return "机关运行经费 = 基本支出中的公用经费"


@dataclass
class EvaluationSummary:
    """What a paragraph says of one evaluated project: "就业技能培训项目绩效自评
    综述：项目全年预算数 92.21 万元，执行数 85.99 万元…项目绩效自评得分 96.83 分".

    The project is the one whose self-evaluation table's 项目名称 (or, for
    "部门整体支出绩效自评得分", the 整体支出 table) the paragraph names, when
    it names exactly one and no other table has that name."""

    table: object  # the project's table, a linter.tables.TableModel
    span: Span  # the paragraph
    scores: list[Quantity]  # "自评得分 96.83 分", in 分
    # the figures it states, in order, each with what it is: "budget" (预算数)
    # or "spent" (执行数, 决算数, 支出数)
    figures: list[tuple[str, Amount]]
    kind: str = field(default="evaluation-summary", init=False)

    @property
    def text(self) -> str:
        """One line for ``disclint facts``: the figures and scores stated."""
        stated = [f"{measure} {fact.quantity.text}" for measure, fact in self.figures]
        stated += [f"score {score.text}" for score in self.scores]
        return f"{self.table.table.title}: " + ", ".join(stated)


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
