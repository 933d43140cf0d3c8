"""The table facts: what the table stage produces and rules read.

A :class:`TableModel` is one table as read — its kind (the family whose
reader read it), its unit, its numeric columns and its rows.  What a rule
would otherwise work out from the table's title (which funds it covers,
which stage it states) is a property here, with the same vocabulary as the
narrative's side (linter.facts.scope), so rules never look at text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from linter.facts import scope as scopes
from linter.facts.model import Quantity
from linter.numbers import Interval, rounded
from linter.sourcemap import Span
from linter.tree import Table


# The column every classified row has: its total.
TOTAL_COLUMN = "合计"


@dataclass(slots=True)
class TableRow:
    label: str  # the row's name (without its code)
    code: str | None  # "208 01 01"; None for 总计/合计 and other rows
    numbers: list[Quantity]
    span: Span
    columns: dict[str, Quantity] = field(default_factory=dict)  # assigned numbers
    choices: list[dict[str, Quantity | None]] = field(default_factory=list)  # open assignments
    parent: "TableRow | None" = None
    children: list["TableRow"] = field(default_factory=list)
    # no placement of the numbers satisfies the row's identities
    misfit: bool = False

    @property
    def depth(self) -> int:
        """0 for a total row, 1 for 类, 2 for 款, 3 for 项."""
        return 0 if self.code is None else len(self.code.split())

    @property
    def ambiguous(self) -> bool:
        return bool(self.choices)

    @property
    def title(self) -> str:
        """How messages name the row: its code and name, or just the name."""
        return f"{self.code} {self.label}" if self.code else self.label

    @property
    def total(self) -> Quantity | None:
        """The row's 合计, when placed."""
        return self.columns.get(TOTAL_COLUMN)

    @property
    def parts(self) -> dict[str, Quantity]:
        """The row's placed part columns (基本支出, 人员经费 …), without 合计."""
        return {name: value for name, value in self.columns.items() if name != TOTAL_COLUMN}

    @property
    def subject_key(self) -> str:
        """The row's subject as the narrative's subjects are matched against
        it (linter.facts.scope.subject_key): "社会保障和就业支出" → "社会保障和就业"."""
        return scopes.subject_key(self.label)


@dataclass(slots=True)
class FundsRow:
    """年度资金总额 of a performance self-evaluation table."""

    initial: Quantity  # 年初预算数
    budget: Quantity  # 全年预算数
    spent: Quantity  # 全年执行数
    weight: Quantity  # 分值
    rate: Quantity  # 执行率
    score: Quantity  # 得分
    span: Span


@dataclass(slots=True)
class ScoreRow:
    """总分: the table's weight total and its score."""

    weight: Quantity
    score: Quantity
    span: Span


# What an indicator's name and a figure's label share once the words that
# vary between table and text ("数量", brackets, punctuation) are dropped.
_NOISE_CHARS = frozenset("、，,：:“”\"'")
_NOISE_WORDS = ("数量", "人数", "次数")
_CLOSING = {"(": ")", "（": "）"}


def indicator_key(text: str) -> str:
    """An indicator's name, or the label of a figure the text gives for it,
    reduced for matching the one against the other: brackets closed on their
    line go with what they hold, then punctuation, spaces and the words above.

    One pass from left to right, as the pattern
    ``\\(.*?\\)|（.*?）|[、，,：:“”"'\\s]|数量|人数|次数`` removed them; the
    pattern looked for a closing bracket from every opening one, quadratic on
    a long line of unclosed brackets."""
    kept: list[str] = []
    found: dict[str, int] = {}  # the next closing bracket (or line end) found, by character
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        close = _CLOSING.get(c)
        if close is not None:
            end, line_end = _next(text, close, i, found), _next(text, "\n", i, found)
            if end != -1 and (line_end == -1 or end < line_end):
                i = end + 1
                continue
        if c in _NOISE_CHARS or c.isspace():
            i += 1
        elif text.startswith(_NOISE_WORDS, i):
            i += 2
        else:
            kept.append(c)
            i += 1
    return "".join(kept)


def _next(text: str, char: str, start: int, found: dict[str, int]) -> int:
    """The first ``char`` after ``start`` (-1: none), remembered, so that
    many opening brackets before one closing bracket look for it once."""
    at = found.get(char)
    if at is None or (at != -1 and at <= start):
        at = found[char] = text.find(char, start + 1)
    return at


@dataclass(slots=True)
class IndicatorRow:
    """An indicator of a self-evaluation: "…>=30 课时 =62.5 课时 10 10" ends in
    its weight (分值) and its score (得分)."""

    weight: Quantity
    score: Quantity
    span: Span
    target: Quantity | None = None  # the indicator's value, when both are numbers
    actual: Quantity | None = None  # of one unit ("<=6.50 万元", "=6.45 万元")
    unit: str = ""
    # "…实际支出比预算金额少 0.5 万元": the gap the deviation note states
    stated_gap: Quantity | None = None
    name: str = ""  # the indicator's own name (三级指标), when it can be read

    @property
    def name_key(self) -> str:
        """The name reduced for matching a figure of the text (indicator_key)."""
        return indicator_key(self.name)


@dataclass(slots=True)
class TableModel:
    table: Table
    kind: str  # classified | performance | three-public | other | a plugin reader's kind
    unit: str  # 万元 or 元: the unit the table states
    columns: tuple[str, ...] = ()  # numeric columns, when the header names them
    rows: list[TableRow] = field(default_factory=list)
    funds: list[FundsRow] = field(default_factory=list)
    scores: list[ScoreRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    # every indicator row was read, with weights adding up to the 总分 weight
    indicators_complete: bool = False
    # when the weights do not add up, but every line of the indicator part
    # that carries a number was read as an indicator's weight and score
    read_in_full: list[IndicatorRow] | None = None
    # the stage the document states by its kind (final, budget or None),
    # for a title that does not say: set by the table stage
    document_stage: str | None = None
    # (whole, parts): whole = the sum of parts, between the columns
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # why the reading failed the table's own identities (linter.tables.
    # reliability), or None: an unreliable table keeps its rows only in
    # ``set_aside``, so that no rule checks what was misread
    unreliable: str | None = None
    set_aside: list[TableRow] = field(default_factory=list)

    @property
    def reliable(self) -> bool:
        """The reading passed the table's own identities (the gate)."""
        return self.unreliable is None

    @property
    def span(self) -> Span:
        return self.table.span

    @property
    def title(self) -> str:
        return self.table.title

    @property
    def scope(self) -> str | None:
        """The funds the table covers by its title: general (一般公共预算),
        fund (政府性基金), capital (国有资本经营), special (财政专户), fiscal
        (财政拨款), all (收入 / 支出 / 收支 as such), or None when unclear."""
        return scopes.title_funds(self.table.title)

    @property
    def stage(self) -> str | None:
        """final (决算) or budget (预算): what the title says, else the
        document's stage."""
        return scopes.stage_named(scopes.squeezed(self.table.title), self.document_stage)

    @property
    def income_only(self) -> bool:
        """A table of income, not of spending, by its title."""
        return scopes.title_income_only(self.table.title)

    @property
    def part_of_spending(self) -> bool:
        """A table of one part of the spending (基本支出, 项目支出, 人员经费,
        公用经费): its 合计 for a subject is not the subject's."""
        return scopes.title_part_of_spending(self.table.title)

    @property
    def project_evaluation(self) -> bool:
        """A performance self-evaluation of one project (项目支出绩效自评表),
        not of the department's whole spending."""
        return self.kind == "performance" and "项目支出" in self.table.title


def in_table_unit(model: TableModel, interval: Interval) -> Interval:
    """A figure kept in 万元, in the unit the table prints (元 or 万元)."""
    return interval.scale(Decimal(10000)) if model.unit == "元" else interval


def shown_in_table_unit(model: TableModel, value: Decimal, places: int) -> str:
    """A sum of table figures as the table would print it."""
    value = value * 10000 if model.unit == "元" else value
    return str(rounded(value, places))
