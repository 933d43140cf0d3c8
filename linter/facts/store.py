"""One store of every fact of a document: what rules read, and all they read.

A rule never looks at the text.  It asks the store for facts of a kind
(``doc.facts.of(Share)``), for amounts by label key (``doc.facts.with_key(k)``),
for the tables that were read (``doc.facts.tables(kind="performance")``) and
their rows (``doc.facts.rows(table_kind="classified")``), or for the facts
inside a span (``doc.facts.within(span, Amount)``).

Prose facts (linter.facts) and table facts (linter.tables) are produced by two
independent stages, each run once, on first use: a document whose rules only
read prose never has its tables analysed, and the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
        self._evaluated: list | None = None

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

            handlers = [*document_handlers(), *fact_handlers()]
            found = [fact for handler in handlers for fact in handler(self._document)]
            self._plugin_facts = sorted(found, key=lambda fact: fact.span.start)
        return self._plugin_facts

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
                self._by_type[kind] = [fact for fact in self._all() if isinstance(fact, kind)]
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

    def evaluated_projects(self) -> list:
        """The sentences that count the evaluated projects ("评价项目 N 个"),
        as :class:`linter.facts.evaluations.EvaluatedProjects`."""
        if self._evaluated is None:
            from linter.facts.evaluations import evaluated_projects

            self._evaluated = evaluated_projects(self._document)
        return self._evaluated

    def within(self, span: "Span", *kinds: type) -> list:
        """The prose facts of these types that start inside ``span``."""
        key = kinds
        if key not in self._indexes:
            self._indexes[key] = SpanIndex(self.of(*kinds) if kinds else self.prose)
        return self._indexes[key].within(span)

    def _all(self) -> Iterator:
        yield from self.prose
        yield from self.plugin_facts
        for model in self.tables():
            yield model
            yield from model.rows
            yield from model.funds
            yield from model.scores
            yield from model.indicators
