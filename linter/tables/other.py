"""Every other table (收支总表, 政府采购 …): kept as a table fact of kind
"other" with its unit, so that rules see it exists, but not read into rows.
The last of the built-in readers: it accepts any table."""

from __future__ import annotations

from linter.tables.header import table_unit
from linter.tables.model import TableModel
from linter.tree import Document, Table


class OtherReader:
    kind = "other"

    def accepts(self, document: Document, table: Table) -> bool:
        return True

    def read(self, document: Document, table: Table) -> TableModel:
        return TableModel(table, self.kind, table_unit(document, table))
