"""The table stage: every table of a document read by the first reader that
accepts it.

A table reader is any object with ``kind`` (the family it reads),
``accepts(document, table) -> bool`` and ``read(document, table) ->
TableModel``.  Plugin readers (hookspecs.disclint_table_readers) are asked
first, then the built-in families in order: 三公 and self-evaluation tables
by their titles, classified tables by their coded rows, and any other table.
So a family can be added, or a built-in one replaced, without touching the
others or the rules that read their facts.
"""

from __future__ import annotations

from typing import Protocol

from linter.facts.scope import document_stage
from linter.tables.classified import ClassifiedReader
from linter.tables.continued import joined_tables
from linter.tables.model import TableModel
from linter.tables.other import OtherReader
from linter.tables.performance import PerformanceReader
from linter.tables.reliability import gate
from linter.tables.three_public import ThreePublicReader
from linter.tree import Document, Table


class TableReader(Protocol):
    """What the table stage asks of a reader."""

    kind: str

    def accepts(self, document: Document, table: Table) -> bool: ...

    def read(self, document: Document, table: Table) -> TableModel: ...


BUILTIN_READERS: tuple[TableReader, ...] = (ThreePublicReader(), PerformanceReader(), ClassifiedReader(), OtherReader())


def table_readers() -> list[TableReader]:
    """The plugins' readers, then the built-in ones: the order they are asked in."""
    from linter.plugins import table_readers as plugin_readers

    return [*plugin_readers(), *BUILTIN_READERS]


def analyze(document: Document, table: Table, readers: list[TableReader] | None = None) -> TableModel:
    """One table, read by the first reader that accepts it."""
    for reader in readers if readers is not None else table_readers():
        if reader.accepts(document, table):
            model = reader.read(document, table)
            model.document_stage = document_stage(document)
            gate(model)
            return model
    raise AssertionError("the last built-in table reader accepts every table")  # pragma: no cover


def read_tables(document: Document) -> list[TableModel]:
    """Every table of the document, continued tables joined, read: the table
    stage of the fact store (rules ask ``document.facts.tables()``)."""
    readers = table_readers()
    return [analyze(document, table, readers) for table in joined_tables(document.tables())]


def table_models(document: Document) -> list[TableModel]:
    """Every table of the document, as read (the store computes it once)."""
    return document.facts.tables()
