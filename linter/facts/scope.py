"""The scope of a figure: which funds it covers, which stage it states, and
whether it is about another year — for a table from its title, for a
narrative amount from its sentence and its headings.

A figure in the text can only be compared with a table of the same scope:
the same funds (all funds, 财政拨款, 一般公共预算, 政府性基金 …) and the same
stage (决算 or 预算).  Both sides use the vocabulary below, so that a table
titled "一般公共预算财政拨款支出决算表" and a sentence "一般公共预算财政拨款支出
决算 …" are recognised by the same words.  Rules reach the narrative side
through ``document.facts.scope_of(amount)`` and the table side through the
properties of :class:`linter.tables.TableModel`.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - types only
    from linter.facts.model import Amount
    from linter.tree import Document

# -- the vocabulary ----------------------------------------------------------

# A classification level printed after a subject: "社会保障和就业（类）".
_LEVEL_MARK = re.compile(r"\((?:类|款|项)\)|（(?:类|款|项)）")
_SUBJECT_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|\s|其中|:|的|合计|小计|为$|是$")
# The unit every amount of money is kept in (linter.numbers.UNIT_TO_WAN).
MONEY = "万元"
# The part columns of the classified tables, which the text names as such.
SPENDING_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")

# Which funds a text names.  The longer names are matched first, so
# 一般公共预算财政拨款 is 一般公共预算 and not 财政拨款.
_FUNDS = re.compile(
    r"(?P<general>一般公共预算(?:财政)?(?:拨款)?)"
    r"|(?P<fund>政府性基金(?:预算)?(?:财政)?(?:拨款)?)"
    r"|(?P<capital>国有资本经营(?:预算)?(?:财政)?(?:拨款)?)"
    r"|(?P<special>财政专户)"
    r"|(?P<fiscal>财政拨款)"
)
# All funds: a heading or a table about 收入 / 支出 / 收支 as such
# ("支出决算情况说明", "2024年支出预算情况说明", "部门支出总体情况表") …
_ALL_TITLE = re.compile(r"(?:^|年度?|部门|单位|预算|决算|\s)(?:收入支出|收支|收入|支出)(?:预算|决算)?(?:总体)?(?:情况|总表|表)")
# … or a sentence about the whole ("支出总计 …，其中：基本支出 …").
_ALL_SENTENCE = re.compile(r"(?:收入|支出|收支)总计|本年(?:收入|支出)(?:合计)?|收支总预算")
_FUND_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算")
_FINAL_WORDS = re.compile(r"决算|执行数|实际支出|实际完成")
_OTHER_YEAR = re.compile(r"上年|去年|上一年|前一年|(?P<year>(?:19|20)\d{2})\s*年")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[。！？!?，,；;：:]")
# A table of part of the spending: its 合计 for a subject is not the subject's.
_PART_TABLE = re.compile(r"基本支出|项目支出|人员经费|公用经费")
_NUMBERED = re.compile(r"^表\s*\d+")
_SPENDING = re.compile(r"支出|收支")
_ANY_LEVEL_MARK = re.compile(r"[(（](?:类|款|项)[)）]")
_PARENS = "()（）"
_SPACE = re.compile(r"\s+")


def subject_key(label: str) -> str:
    """A subject's name for matching; "社会保障和就业（类）" and the table's
    "社会保障和就业支出" name the same class."""
    key = _SUBJECT_NOISE.sub("", _LEVEL_MARK.sub("", label))
    if key in SPENDING_COLUMNS:
        return key  # 基本支出, 项目支出 name columns
    return key[:-2] if key.endswith("支出") and len(key) > 3 else key


def funds_named(text: str) -> str | None:
    """The one fund scope a text names (general, fund, capital, special,
    fiscal), "mixed" when it names several, or None."""
    named = {match.lastgroup for match in _FUNDS.finditer(text)}
    if len(named) > 1:
        return "mixed"
    return named.pop() if named else None


def stage_named(text: str, default: str | None) -> str | None:
    """决算 (final) or 预算 (budget): what the words say, else the default.
    The names of the budgets (一般公共预算 …) say nothing of the stage."""
    text = _FUND_NAMES.sub("", text)
    if _FINAL_WORDS.search(text):
        return "final"
    if "预算" in text:
        return "budget"
    return default


def document_stage(document: "Document") -> str | None:
    """The stage a document states by its kind: a final account's figures
    are 决算, a budget's 预算."""
    return {"final_account": "final", "budget": "budget"}.get(document.info.kind)


# -- a table, by its title ---------------------------------------------------


def squeezed(title: str) -> str:
    """A title without its spaces, as the scope words are matched."""
    return _SPACE.sub("", title)


def title_funds(title: str) -> str | None:
    """The funds a table covers by its title: one fund scope, "all" for a
    table of 收入 / 支出 / 收支 as such, or None when unclear or mixed."""
    title = squeezed(title)
    named = funds_named(title)
    if named is not None:
        return None if named == "mixed" else named
    return "all" if _ALL_TITLE.search(_NUMBERED.sub("", title)) else None


def title_income_only(title: str) -> bool:
    """A table of income, not of spending."""
    title = squeezed(title)
    return "收入" in title and not _SPENDING.search(title)


def title_part_of_spending(title: str) -> bool:
    """A table of one part of the spending (基本支出, 人员经费 …)."""
    return bool(_PART_TABLE.search(squeezed(title)))


# -- an amount of the narrative ----------------------------------------------


class Scope:
    """What an amount's sentence and headings say about its scope.  Each
    property is computed on first use: most amounts are never asked."""

    def __init__(self, scopes: "ProseScopes", amount: "Amount") -> None:
        self._scopes = scopes
        self._amount = amount

    @property
    def money(self) -> bool:
        """An amount of money (every one is kept in 万元), not a count or a rate."""
        return self._amount.quantity.unit == MONEY

    @property
    def in_table(self) -> bool:
        """A figure inside a table's text is not the narrative."""
        return self._scopes.in_table(self._amount.span.start)

    @property
    def clause(self) -> str:
        """The clause before the amount (from the last ，；： or sentence end)."""
        return self._scopes.lead(self._amount.span.start, _CLAUSE_END)

    @property
    def sentence(self) -> str:
        """The sentence before the amount."""
        return self._scopes.lead(self._amount.span.start, _SENTENCE_END)

    @property
    def other_year(self) -> bool:
        """上年预算数、2023年决算数: the clause names a year other than the
        document's."""
        year = self._scopes.year
        for match in _OTHER_YEAR.finditer(self.clause):
            if match.group("year") is None or (year is not None and int(match.group("year")) != year):
                return True
        return False

    @property
    def stage(self) -> str | None:
        """final or budget: the amount's role when it is one, else what its
        clause says, else the document's stage."""
        if self._amount.role in ("budget", "final"):
            return self._amount.role
        return stage_named(self.clause, self._scopes.default_stage)

    @property
    def funds(self) -> str | None:
        """The funds a figure is about: what its sentence names before it,
        else the nearest heading that names them ("一般公共预算财政拨款支出决算
        情况说明", "支出决算情况说明"); None when unclear."""
        sentence = self.sentence
        said = funds_named(sentence)
        if said is not None:
            return None if said == "mixed" else said
        heading = None
        for title in reversed(self._amount.section.split(" / ")):
            heading = funds_named(title)
            if heading is None and _ALL_TITLE.search(title):
                heading = "all"
            if heading is not None:
                break
        if _ALL_SENTENCE.search(sentence):
            # "本年支出合计…其中：基本支出" under a heading of one fund: unclear
            return "all" if heading in (None, "all") else None
        return None if heading == "mixed" else heading

    @property
    def named_subject(self) -> str | None:
        """The amount's label when it names a classification subject
        ("社会保障和就业支出（类）654.95万元") or a spending column (基本支出 …)."""
        amount = self._amount
        if amount.role == "amount" and (_LEVEL_MARK.search(amount.label) or subject_key(amount.label) in SPENDING_COLUMNS):
            return amount.label
        return None

    @property
    def heading(self) -> str:
        """The title of the amount's innermost heading."""
        return self._amount.section.rsplit(" / ", 1)[-1]

    @property
    def item_subject(self) -> str | None:
        """The subject a list item's heading names by its classification
        ("…（款）行政运行（项）" names 行政运行), or None."""
        title = self.heading
        subject = last_subject(title)
        if subject and _LEVEL_MARK.search(title):
            return subject
        return None

    @property
    def sentence_end(self) -> int:
        """Where the amount's sentence ends (an offset into the text)."""
        text = self._scopes.text
        found = _SENTENCE_END.search(text, self._amount.span.end)
        return found.start() if found else len(text)


class ProseScopes:
    """The scopes of a document's amounts: where its sentences and clauses
    begin, never before the heading or table above them."""

    def __init__(self, document: "Document") -> None:
        self.text = document.text
        self.year = document.info.year
        self.default_stage = document_stage(document)
        nodes = [*document.sections(), *document.tables()]
        self._bounds = sorted(node.span.end for node in nodes)
        tables = document.tables()
        self._table_starts = [table.span.start for table in tables]
        self._table_ends = [table.span.end for table in tables]
        self._scopes: dict[int, Scope] = {}

    def of(self, amount: "Amount") -> Scope:
        found = self._scopes.get(id(amount))
        if found is None:
            found = self._scopes[id(amount)] = Scope(self, amount)
        return found

    def in_table(self, offset: int) -> bool:
        inside = bisect.bisect_right(self._table_starts, offset) - 1
        return inside >= 0 and offset < self._table_ends[inside]

    def lead(self, start: int, end: re.Pattern) -> str:
        """The text from the last ``end`` mark before ``start`` (or the end
        of the heading or table above) up to ``start``."""
        bounds = self._bounds
        bound = bounds[bisect.bisect_right(bounds, start) - 1] if bounds and bounds[0] <= start else 0
        text = self.text[bound:start]
        ends = [m.end() for m in end.finditer(text)]
        return text[ends[-1]:] if ends else text


def last_subject(title: str) -> str | None:
    """The words before the title's last level mark ("…（款）行政运行（项）" →
    行政运行), when no bracket follows that mark and words precede it.  Said as
    the pattern ``([^()（）]+)[(（](?:类|款|项)[)）][^()（）]*$`` it was
    searched from every position of a long title: quadratic."""
    last = None
    for last in _ANY_LEVEL_MARK.finditer(title):
        pass
    if last is None or any(p in title[last.end():] for p in _PARENS):
        return None
    before = title[:last.start()]
    words = before[max(before.rfind(p) for p in _PARENS) + 1:]
    return words or None
