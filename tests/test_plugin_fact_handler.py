"""The example plugin's fact handler and its rule, in process: the handler
finds the exclamation marks once, the store keeps its facts with the built-in
ones, and Z901 reads them from the store (tests/test_install.py runs the same
plugin installed with pip)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import REPO
from linter.plugins import plugin_manager
from linter.pipeline import parse_text

PLUGIN = REPO / "tests" / "plugin_example" / "disclint_example" / "plugin.py"


@pytest.fixture
def plugin():
    spec = importlib.util.spec_from_file_location("disclint_example_plugin_under_test", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    manager = plugin_manager()
    manager.register(module, name="example-under-test")
    try:
        yield module
    finally:
        manager.unregister(name="example-under-test")
        del sys.modules[spec.name]


def test_the_plugins_handler_produces_its_facts_in_the_store(plugin):
    document = parse_text("一、情况说明\n\n本年支出大幅下降！\n\n二、其他\n\n本年支出 5.00 万元!真的。\n")
    marks = document.facts.of(plugin.Exclamation)
    assert [(fact.mark, document.location(fact.span).line) for fact in marks] == [("！", 3), ("!", 7)]
    # the built-in facts are still there, beside the plugin's
    assert [amount.quantity.text for amount in document.facts.with_key("本年支出")] == ["5.00 万元"]


def test_the_plugins_rule_reads_the_facts_not_the_text(plugin):
    document = parse_text("一、情况说明\n\n本年支出大幅下降！\n")
    rule = plugin.NoExclamation()
    assert rule.consumes == (plugin.Exclamation,)
    (finding,) = list(rule.check(document))
    assert document.raw_text(finding.span) == "！"
    calm = parse_text("一、情况说明\n\n本年支出下降。\n")
    assert list(rule.check(calm)) == []
