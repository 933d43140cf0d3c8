"""The table stage asks plugin readers before the built-in families, the
first reader that accepts a table reads it, and rules find what it read in
the fact store."""

from __future__ import annotations

import pytest

from linter.hookspecs import hookimpl
from linter.pipeline import Overrides, parse_text
from linter.plugins import plugin_manager
from linter.tables import BUILTIN_READERS, TableModel, TableRow, analyze, read_tables

LEDGER = "资产台账表\n单位：万元\n资产名称 数量\n房屋 3\n车辆 2\n"
THREE_PUBLIC = (
    "表 10\n财政拨款“三公”经费支出情况表\n单位：万元\n“三公”经费支出内容 合计\n"
    "合计 4.29 4.29\n公务接待费 0.09 0.09\n公务用车购置及运行费（小计） 4.20 4.20\n"
)


class LedgerReader:
    """A reader for a family the built-in readers do not know: each line
    under the header is an asset and its count."""

    kind = "ledger"

    def __init__(self, titles: tuple[str, ...] = ("台账",)) -> None:
        self.titles = titles

    def accepts(self, document, table) -> bool:
        return any(word in table.title for word in self.titles)

    def read(self, document, table) -> TableModel:
        model = TableModel(table, self.kind, "万元")
        for line in table.rows:
            cells = [cell.text for cell in line.cells]
            if len(cells) == 2 and cells[1].isdigit():
                model.rows.append(TableRow(f"{cells[0]}={cells[1]}", None, [], line.span))
        return model


class _Plugin:
    def __init__(self, reader) -> None:
        self.reader = reader

    @hookimpl
    def disclint_table_readers(self):
        return [self.reader]


@pytest.fixture
def registered():
    """Register a plugin contributing a reader for the duration of a test."""
    manager = plugin_manager()
    plugins = []

    def register(reader):
        plugin = _Plugin(reader)
        manager.register(plugin)
        plugins.append(plugin)

    yield register
    for plugin in plugins:
        manager.unregister(plugin)


def document(text: str):
    return parse_text(text, overrides=Overrides(kind="budget", year=2024))


def test_the_built_in_readers_cover_every_table_in_order():
    assert [reader.kind for reader in BUILTIN_READERS] == ["three-public", "performance", "classified", "other"]
    doc = document(LEDGER)
    (model,) = read_tables(doc)
    assert model.kind == "other"  # no built-in family knows a 台账


def test_a_plugin_reader_reads_a_new_family_into_the_store(registered):
    registered(LedgerReader())
    doc = document(LEDGER)
    (model,) = doc.facts.tables(kind="ledger")
    assert [row.label for row in model.rows] == ["房屋=3", "车辆=2"]
    assert doc.facts.rows(table_kind="ledger") == model.rows
    assert doc.facts.tables(kind="other") == []


def test_a_plugin_reader_is_asked_before_the_built_in_ones(registered):
    assert [m.kind for m in document(THREE_PUBLIC).facts.tables()] == ["three-public"]
    registered(LedgerReader(titles=("三公",)))
    (model,) = document(THREE_PUBLIC).facts.tables()
    assert model.kind == "ledger"


def test_analyze_with_explicit_readers_takes_the_first_that_accepts():
    doc = document(THREE_PUBLIC)
    (table,) = doc.tables()
    assert analyze(doc, table, [LedgerReader(titles=("三公",)), *BUILTIN_READERS]).kind == "ledger"
    model = analyze(doc, table, list(BUILTIN_READERS))
    assert model.kind == "three-public" and model.document_stage == "budget"
