"""What the handlers of one sentence share while reading it clause by clause.

A reader keeps four things in mind across the clauses of a sentence, one
small object each:

* the current subject (:class:`Subject`): the sentence's topic and its
  latest money amount, which a share or a change is about;
* the recent figures (:class:`RecentFigures`): the last figure of each unit,
  the budget and final figures, last year's figure;
* the open lists (:class:`OpenLists`): the 其中 lists figures are parts of,
  and the brackets that interrupt them;
* the changes still waiting (:class:`WaitingChanges`): an amount waiting for
  its rate, a rate waiting for its amount.

Each handler reads and updates this context; none keeps state of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.facts.clause import Clause
from linter.facts.model import Amount, Breakdown, Change

if TYPE_CHECKING:  # pragma: no cover - types only
    from linter.facts.extract import FactExtractor


@dataclass(slots=True)
class Subject:
    """What the sentence is about so far."""

    topic: Amount | None = None  # the sentence's first money amount
    last: Amount | None = None  # its latest money amount
    amount_at: dict[int, Amount] = field(default_factory=dict)  # clause index -> its plain amount
    named: str | None = None  # "收入支出总体与上年相比": what the next change is about
    previous: Amount | None = None  # the previous sentence's topic, a change may be about


@dataclass(slots=True)
class RecentFigures:
    """The figures stated so far, by what later clauses look them up by."""

    last_of: dict[str, Amount] = field(default_factory=dict)  # the last figure of each unit (万元, 辆, 人 …)
    count: dict[str, int] = field(default_factory=dict)  # how many figures of each unit
    budget: Amount | None = None  # "年初预算为 A"
    final: Amount | None = None  # "支出决算为 B"
    prior: Amount | None = None  # "上年为 0.87 万元" in this sentence
    latest_at: int = -1  # where the sentence's last figure (of any unit) starts
    latest_unit: str = ""  # …and its unit
    # the previous sentence of the paragraph: its last figure of each unit
    # (which a "。其中：" breaks down) and how many it stated
    previous_last: dict[str, Amount] = field(default_factory=dict)
    previous_count: dict[str, int] = field(default_factory=dict)

    def add(self, amount: Amount) -> None:
        unit = amount.quantity.unit
        self.last_of[unit] = amount
        self.count[unit] = self.count.get(unit, 0) + 1


@dataclass(slots=True)
class OpenLists:
    """The 其中 lists the next figures may be parts of."""

    # The open list of each unit: "车辆 2辆，价值 41.02万元；其中：一般公务用车
    # 2辆，价值 41.02万元…" breaks down the count and the value in parallel.
    by_unit: dict[str, Breakdown] = field(default_factory=dict)
    opened: list[Breakdown] = field(default_factory=list)  # the lists opened in this sentence
    carried: Breakdown | None = None  # the open list of an earlier sentence this one continues
    # A list's separator, set by its second part: "A、B；C" — C, after a
    # stronger separator than the parts', is not a part but a sibling.
    separator: dict[int, int] = field(default_factory=dict)  # id(list) -> 0 、 1 ， 2 ；
    # Brackets: "X 万元（A…，B…）" or "X 万元（其中：A…，B…）" break X down
    # inside the sentence; the figures in brackets are parts only of a 其中
    # list opened in them, and after the bracket the sentence goes on as
    # before it (its lists, its last figure: ``saved``).
    depth: int = 0
    inside: bool = False  # the clause lies inside a bracket
    saved: tuple | None = None
    in_brackets: set[int] = field(default_factory=set)  # id() of the lists opened inside one
    # id(part) -> the list of this sentence it was made a part of, so that a
    # share finds its list at once, not by asking every open list (quadratic
    # in a sentence of hundreds of lists)
    owner_of: dict[int, Breakdown] = field(default_factory=dict)
    opened_ids: set[int] = field(default_factory=set)

    def open(self, breakdown: Breakdown) -> None:
        """A list opened in this sentence."""
        self.opened.append(breakdown)
        self.opened_ids.add(id(breakdown))

    def add_part(self, owner: Breakdown, amount) -> None:
        """``amount`` is the next part of ``owner``."""
        owner.parts.append(amount)
        if id(owner) in self.opened_ids:
            self.owner_of.setdefault(id(amount), owner)


@dataclass(slots=True)
class WaitingChanges:
    """A change whose amount and rate come in two clauses."""

    pending: Change | None = None  # a change amount waiting for its rate
    pending_age: int = 0  # clauses since it was stated
    rate_only: Change | None = None  # a rate printed before its amount
    rate_age: int = 0


@dataclass(slots=True)
class SentenceContext:
    reader: "FactExtractor"  # the document-wide state: text, facts so far, figures, sections
    parsed: list[Clause]  # the sentence's clauses
    section: str  # the title path of the enclosing headings
    subject: Subject = field(default_factory=Subject)
    recent: RecentFigures = field(default_factory=RecentFigures)
    lists: OpenLists = field(default_factory=OpenLists)
    changes: WaitingChanges = field(default_factory=WaitingChanges)
    skip: set[int] = field(default_factory=set)  # clauses read with the one before ("、14.14%")
    _clause_index: dict[int, int] | None = None  # id(clause) -> its place in ``parsed``, made on first use

    def index_of(self, clause: Clause) -> int:
        """Where ``clause`` stands in the sentence (0 when it is not there)."""
        if self._clause_index is None:
            self._clause_index = {id(c): i for i, c in enumerate(self.parsed)}
        return self._clause_index.get(id(clause), 0)

    @classmethod
    def after(cls, reader, parsed, section, previous: "SentenceContext | None", carried: Breakdown | None):
        """The context of a sentence following ``previous`` in its paragraph
        (None for the first), continuing the open list ``carried``."""
        ctx = cls(reader, parsed, section)
        if previous is not None:
            ctx.subject.previous = previous.subject.topic or previous.subject.previous
            kept = previous.recent if previous.recent.last_of else None
            if kept is None:  # a sentence without figures hands on what it was handed
                ctx.recent.previous_last = previous.recent.previous_last
                ctx.recent.previous_count = previous.recent.previous_count
            else:
                ctx.recent.previous_last, ctx.recent.previous_count = kept.last_of, kept.count
        if carried is not None:
            ctx.lists.carried = carried
            ctx.lists.by_unit[carried.total.quantity.unit] = carried
        return ctx

    @property
    def document(self):
        return self.reader.document

    @property
    def unit_name(self) -> str | None:
        return self.reader.unit

    def emit(self, fact) -> None:
        """Add a fact to the document's facts, in the order it is read."""
        self.reader.facts.append(fact)
