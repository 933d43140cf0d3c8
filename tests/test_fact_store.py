"""The fact store: each stage runs only when a question needs it, and a
plugin's fact handler may ask the store without recursing."""

from __future__ import annotations

from dataclasses import dataclass

from linter.facts.model import Amount, Share
from linter.pipeline import Overrides, parse_text
from linter.plugins import plugin_manager
from linter.hookspecs import hookimpl
from linter.sourcemap import Span
from linter.tables import TableModel

TEXT = (
    "一、收入支出预算总体情况\n本年收入合计 100.00 万元，其中：财政拨款收入 60.00 万元，占 60.00%。\n"
    "表1 收支总表\n单位：万元\n项目 合计 基本支出 项目支出\n合计 100.00 60.00 40.00\n"
)


def _document():
    return parse_text(TEXT, overrides=Overrides(kind="budget", year=2024))


def test_a_prose_question_does_not_read_the_tables_and_a_table_question_does_not_read_the_prose():
    store = _document().facts
    shares = store.of(Share)
    assert [(s.part.quantity.text, s.percent.text) for s in shares] == [("60.00 万元", "60.00%")]
    assert store._tables is None
    store = _document().facts
    assert [model.kind for model in store.tables()] and store.of(TableModel)
    assert store._prose is None


@dataclass
class Counted:
    """A plugin's fact: how many amounts the built-in stage found."""

    amounts: int
    span: Span


class _Plugin:
    @hookimpl
    def disclint_fact_handlers(self):
        def count(document):
            # Asking the store from inside a handler must not recurse, and
            # sees no document facts (its own included) yet.
            assert document.facts.of(Counted) == []
            yield Counted(len(document.facts.of(Amount)), Span(0, 1))

        return [count]


def test_a_plugin_fact_handler_may_ask_the_store():
    plugin = _Plugin()
    plugin_manager().register(plugin)
    try:
        store = _document().facts
        counted = store.of(Counted)
        assert [c.amounts for c in counted] == [len(store.of(Amount))] and counted[0].amounts >= 2
        assert len(store.of(Counted)) == 1  # made once, cached
    finally:
        plugin_manager().unregister(plugin)
