"""One store of every fact of a document: what rules read, and all they read.

A rule never looks at the text.  It asks the store for facts of a kind
(``doc.facts.of(Share)``), for amounts by label key (``doc.facts.with_key(k)``),
for the tables that were read (``doc.facts.tables(kind="performance")``) and
their rows (``doc.facts.rows(table_kind="classified")``), or for the facts
inside a span (``doc.facts.within(span, Amount)``).

Three stages fill it, each run once, on first use, and only when a question
needs it: the prose facts (linter.facts), the table facts (linter.tables),
and the document facts — those of the built-in whole-document handlers and
of the plugins' fact handlers (hookspecs.disclint_fact_handlers).  A document
whose rules only read prose never has its tables analysed, and the other way
round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.facts.model import Amount, SpanIndex

if TYPE_CHECKING:  # pragma: no cover - types only
    from linter.sourcemap import Span
    from linter.tree import Document


class FactStore:
    """The facts of one document, indexed by kind and by label key."""

    def __init__(
        self,
        document: "Document",
        prose_reader: Callable[["Document"], list] | None = None,
        table_reader: Callable[["Document"], list] | None = None,
    ) -> None:
        self._document = document
        self._prose_reader = prose_reader
        self._table_reader = table_reader
        self._prose: list | None = None
        self._plugin_facts: list | None = None
        self._tables: list | None = None
        self._by_type: dict[type, list] = {}
        self._by_key: dict[str, list[Amount]] | None = None
        self._indexes: dict[tuple, SpanIndex] = {}
        self._scopes = None
        self._template: tuple | None = None  # (the recognised family or None,)
        self._half: str | None = None

    # -- the two stages -------------------------------------------------

    @property
    def prose(self) -> list:
        """Every fact stated in the paragraphs, in document order."""
        if self._prose is None:
            reader = self._prose_reader
            if reader is None:
                from linter.facts.extract import extract_facts as reader
            self._prose = reader(self._document)
        return self._prose

    @property
    def plugin_facts(self) -> list:
        """The facts the plugins' fact handlers produced (hookspecs.
        disclint_fact_handlers) and the built-in handlers of facts about the
        whole document (linter.facts.handlers.document_handlers), in
        document order."""
        if self._plugin_facts is None:
            from linter.facts.handlers import document_handlers
            from linter.plugins import fact_handlers

            # A handler may ask the store: meanwhile it sees the prose and
            # table facts and no document facts, instead of recursing.
            self._plugin_facts = []
            try:
                found = [fact for handler in (*document_handlers(), *fact_handlers()) for fact in handler(self._document)]
            except BaseException:
                self._plugin_facts = None
                raise
            self._plugin_facts = sorted(found, key=lambda fact: fact.span.start)
            self._forget_document_answers()
        return self._plugin_facts

    def _forget_document_answers(self) -> None:
        """Drop what was answered from the store while the document facts
        were being made (they were missing then)."""
        self._by_type = {kind: facts for kind, facts in self._by_type.items() if _stage_of(kind) != "document"}
        self._indexes = {kinds: index for kinds, index in self._indexes.items() if all(_stage_of(k) != "document" for k in kinds)}

    def tables(self, kind: str | None = None) -> list:
        """The tables as read (:class:`linter.tables.TableModel`), in document
        order; only those of ``kind`` (classified, performance, three-public,
        other, or a plugin reader's kind) when it is given."""
        if self._tables is None:
            reader = self._table_reader
            if reader is None:
                from linter.tables import read_tables as reader
            self._tables = reader(self._document)
        if kind is None:
            return self._tables
        return [model for model in self._tables if model.kind == kind]

    # -- questions rules ask --------------------------------------------

    def __iter__(self) -> Iterator:
        """The prose facts, in document order."""
        return iter(self.prose)

    def __len__(self) -> int:
        return len(self.prose)

    def of(self, *kinds: type) -> list:
        """The facts of these types — prose, plugin and table facts alike — in
        document order within each stage (prose first) for one type, and in
        document order for several."""
        found: list = []
        for kind in kinds:
            if kind not in self._by_type:
                self._by_type[kind] = [fact for fact in self._candidates(kind) if isinstance(fact, kind)]
            found.extend(self._by_type[kind])
        if len(kinds) > 1:
            found.sort(key=lambda fact: fact.span.start)
        return found

    def with_key(self, key: str) -> list[Amount]:
        """The prose amounts whose label reduces to ``key`` (see
        linter.facts.extract.label_key), in document order."""
        if self._by_key is None:
            self._by_key = {}
            for fact in self.of(Amount):
                self._by_key.setdefault(fact.key, []).append(fact)
        return self._by_key.get(key, [])

    def rows(self, table_kind: str | None = None) -> list:
        """Every classified row (:class:`linter.tables.TableRow`) of the tables
        of ``table_kind`` (all tables when None), in document order."""
        return [row for model in self.tables(table_kind) for row in model.rows]

    def scope_of(self, amount: Amount):
        """What a prose amount's sentence and headings say of its scope
        (:class:`linter.facts.scope.Scope`: its funds, stage, other year,
        the subject it names), so that a rule compares it only with tables
        of the same scope."""
        if self._scopes is None:
            from linter.facts.scope import ProseScopes

            self._scopes = ProseScopes(self._document)
        return self._scopes.of(amount)

    def template(self):
        """The template family the document follows (a
        :class:`linter.templates.Profile`), or None when none fits; recognised
        once, for every structure rule that asks."""
        if self._template is None:
            from linter.templates import recognise

            self._template = (recognise(self._document),)
        return self._template[0]

    def half(self) -> str:
        """``"tables"``, ``"narrative"`` or ``"whole"``: which part of a
        disclosure the file holds (linter.templates.document_half), judged once."""
        if self._half is None:
            from linter.templates import document_half

            self._half = document_half(self._document)
        return self._half

    def evaluated_projects(self) -> list:
        """The sentences that count the evaluated projects ("评价项目 N 个"),
        as :class:`linter.facts.evaluations.EvaluatedProjects`."""
        from linter.facts.evaluations import EvaluatedProjects

        return self.of(EvaluatedProjects)

    def within(self, span: "Span", *kinds: type) -> list:
        """The prose facts of these types that start inside ``span``."""
        key = kinds
        if key not in self._indexes:
            self._indexes[key] = SpanIndex(self.of(*kinds) if kinds else self.prose)
        return self._indexes[key].within(span)

    def _candidates(self, kind: type) -> Iterator:
        """The facts of the stages that can hold facts of ``kind`` (the other
        stages are not run for it)."""
        stage = _stage_of(kind)
        if stage in ("prose", "any"):
            yield from self.prose
        if stage in ("document", "any"):
            yield from self.plugin_facts
        if stage in ("table", "any"):
            for model in self.tables():
                yield model
                yield from model.rows
                yield from model.funds
                yield from model.scores
                yield from model.indicators


def _prose_types() -> tuple[type, ...]:
    from linter.facts.model import Breakdown, Change, Completion, Expression, Share, Variance

    return (Amount, Share, Change, Breakdown, Variance, Completion, Expression)


def _table_types() -> tuple[type, ...]:
    from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel, TableRow

    return (TableModel, TableRow, FundsRow, ScoreRow, IndicatorRow)


@lru_cache(maxsize=None)
def _stage_of(kind: type) -> str:
    """Which stage makes facts of ``kind``: prose, table, document (any
    other type: the whole-document and plugin handlers' facts), or any (a
    base class of facts of several stages, such as ``object``)."""
    prose, table = _prose_types(), _table_types()
    if issubclass(kind, prose):
        return "prose"
    if issubclass(kind, table):
        return "table"
    if any(issubclass(t, kind) for t in (*prose, *table)):
        return "any"
    return "document"
