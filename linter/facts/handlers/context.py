"""What the handlers of one sentence share while reading it clause by clause.

A reader keeps in mind, across the clauses of a sentence: the current
subject (the sentence's topic and its latest figure, which a share or a
change is about), the open lists (the 其中 lists figures are parts of, and
the brackets that interrupt them), the recent figures (the last of each
unit, the budget and final figures, last year's figure) and the change
still waiting for its rate.  Each handler reads and updates this context;
none keeps state of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.facts.clause import Clause
from linter.facts.model import Amount, Breakdown, Change

if TYPE_CHECKING:  # pragma: no cover - types only
    from linter.facts.extract import FactExtractor


@dataclass
class SentenceContext:
    reader: "FactExtractor"  # the document-wide state: text, facts so far, figures, sections
    parsed: list[Clause]  # the sentence's clauses
    section: str  # the title path of the enclosing headings
    # -- from the previous sentences of the paragraph ---------------------
    previous_topic: Amount | None = None  # the last sentence's topic, a change may be about
    previous_last: dict[str, Amount] = field(default_factory=dict)  # its last figure of each unit
    previous_count: dict[str, int] = field(default_factory=dict)  # how many figures of each unit it stated
    carried: Breakdown | None = None  # the open 其中 list this sentence continues
    # -- the current subject ----------------------------------------------
    topic: Amount | None = None  # the sentence's first money amount
    last: Amount | None = None  # the last money amount
    amount_at: dict[int, Amount] = field(default_factory=dict)  # clause index -> its plain amount
    # -- the recent figures -------------------------------------------------
    last_of: dict[str, Amount] = field(default_factory=dict)  # the last figure of each unit (万元, 辆, 人 …)
    count: dict[str, int] = field(default_factory=dict)  # how many figures of each unit
    budget: Amount | None = None  # "年初预算为 A"
    final: Amount | None = None  # "支出决算为 B"
    prior_figure: Amount | None = None  # "上年为 0.87 万元" in this sentence
    latest_figure: int = -1  # where the sentence's last figure (of any unit) starts
    latest_unit: str = ""  # …and its unit
    # -- the open lists -----------------------------------------------------
    # The open 其中 list of each unit: "车辆 2辆，价值 41.02万元；其中：一般
    # 公务用车 2辆，价值 41.02万元…" breaks down the count and the value in parallel.
    open_lists: dict[str, Breakdown] = field(default_factory=dict)
    breakdowns: list[Breakdown] = field(default_factory=list)  # the lists opened in this sentence
    # A list's separator, set by its second part: "A、B；C" — C, after a
    # stronger separator than the parts', is not a part but a sibling.
    item_separator: dict[int, int] = field(default_factory=dict)
    # Brackets: "X 万元（A…，B…）" or "X 万元（其中：A…，B…）" break X down
    # inside the sentence; the figures in brackets are parts only of a 其中
    # list opened in them, and after the bracket the sentence goes on as
    # before it (its lists, its last figure: ``saved``).
    depth: int = 0
    inside: bool = False  # the clause lies inside a bracket
    saved: tuple | None = None
    bracket_lists: set[int] = field(default_factory=set)
    # -- the changes still open -----------------------------------------------
    subject_text: str | None = None  # "收入支出总体与上年相比": what the next change is about
    pending: Change | None = None  # a change amount waiting for its rate
    pending_age: int = 0  # clauses since it was stated
    rate_only: Change | None = None  # a rate printed before its amount
    rate_age: int = 0
    skip: set[int] = field(default_factory=set)  # clauses read with the one before ("、14.14%")

    def __post_init__(self) -> None:
        if self.carried is not None:
            self.open_lists[self.carried.total.quantity.unit] = self.carried

    @property
    def document(self):
        return self.reader.document

    @property
    def unit_name(self) -> str | None:
        return self.reader.unit

    def emit(self, fact) -> None:
        """Add a fact to the document's facts, in the order it is read."""
        self.reader.facts.append(fact)

    def count_figure(self, amount: Amount) -> None:
        unit = amount.quantity.unit
        self.last_of[unit] = amount
        self.count[unit] = self.count.get(unit, 0) + 1
