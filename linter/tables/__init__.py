"""The table stage: read the flattened disclosure tables into table facts.

The extracted text carries a table as lines of cells.  Reading one is a
pipeline of small steps, each its own module:

* ``header``      — the table's unit, kind of title and numeric columns;
* ``cells``       — what a cell holds (a number, a dash, a cut number);
* ``continued``   — a table continued over pages joined into one;
* one module per family, each a reader (``kind``, ``accepts``, ``read``):
  ``three_public`` (“三公” tables), ``performance`` and ``indicators``
  (self-evaluation tables: funds, 总分 and indicator rows), ``classified``
  (类/款/项 tables; ``placement`` puts their numbers in columns) and
  ``other``;
* ``readers``     — the stage itself: plugin readers first, then the built-in
  families, the first that accepts a table reads it;
* ``model``       — the facts produced (TableModel, TableRow, FundsRow,
  ScoreRow, IndicatorRow), which rules read through ``document.facts``.
"""

from linter.tables.model import (
    TOTAL_COLUMN,
    FundsRow,
    IndicatorRow,
    ScoreRow,
    TableModel,
    TableRow,
    in_table_unit,
    indicator_key,
    shown_in_table_unit,
)
from linter.tables.readers import BUILTIN_READERS, TableReader, analyze, read_tables, table_models, table_readers
from linter.tables.three_public import THREE_PUBLIC_ROWS

__all__ = [
    "BUILTIN_READERS",
    "THREE_PUBLIC_ROWS",
    "TOTAL_COLUMN",
    "FundsRow",
    "IndicatorRow",
    "ScoreRow",
    "TableModel",
    "TableReader",
    "TableRow",
    "analyze",
    "in_table_unit",
    "indicator_key",
    "read_tables",
    "shown_in_table_unit",
    "table_models",
    "table_readers",
]
