"""The worked examples of docs/architecture.md run: a rule with an option,
a fact handler and a table reader, each registered with the plugin manager
as a plugin would be, on short texts."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from click.testing import CliRunner

import linter.tables
from conftest import REPO
from linter.cli import main
from linter.engine import lint_document
from linter.pipeline import Overrides, parse_text
from linter.plugins import all_rules, plugin_manager

EXAMPLES = REPO / "docs" / "examples"


def load_example(name: str):
    module_name = f"disclint_docs_examples.{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


@pytest.fixture
def registered():
    """Register example modules as plugins for one test, then remove them."""
    names: list[str] = []

    def register(module):
        name = f"docs-example-{module.__name__}"
        plugin_manager().register(module, name=name)
        names.append(name)
        all_rules.cache_clear()
        return module

    yield register
    for name in names:
        plugin_manager().unregister(name=name)
    all_rules.cache_clear()


def issues(text: str, code: str, rule=None):
    document = parse_text(text, overrides=Overrides(kind="final_account", year=2024))
    rule = rule or next(r for r in all_rules() if r.code == code)
    return [(i.rule, i.line, i.column, i.actual) for i in lint_document(document, [rule])]


def run(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, args, catch_exceptions=False)


# -- (a) a rule with an option ------------------------------------------------

SCHEMA = '{"type": "number", "exclusiveMinimum": 0}'
CHANGE = "本年支出 100.00 万元，比上年增加 45.00 万元，增长 81.82%。\n"


def test_a_rule_reads_its_option_with_the_default_and_as_configured(registered):
    example = registered(load_example("large_change"))
    assert issues(CHANGE, "Z801") == [("Z801", 1, 34, "81.82%")]
    rule = next(r for r in all_rules() if r.code == "Z801")
    assert rule.option("max_rate") == 30
    assert issues(CHANGE, "Z801", rule.with_options({"max_rate": 90})) == []
    # 81.82% stands for [81.815, 81.825]: a limit inside it is not certainly exceeded
    assert issues(CHANGE, "Z801", rule.with_options({"max_rate": 81.82})) == []
    assert issues(CHANGE, "Z801", rule.with_options({"max_rate": 81.81})) == [("Z801", 1, 34, "81.82%")]
    assert isinstance(rule, example.LargeChange)


def test_the_configuration_sets_a_python_rules_option(registered, tmp_path, monkeypatch):
    registered(load_example("large_change"))
    (tmp_path / "d.txt").write_text(CHANGE, encoding="utf-8")
    (tmp_path / ".disclint.yaml").write_text("select: [Z801]\n", encoding="utf-8")
    assert run(["check", "d.txt"], tmp_path, monkeypatch).exit_code == 0  # info: below fail-on
    assert "Z801" in run(["check", "d.txt"], tmp_path, monkeypatch).output
    (tmp_path / ".disclint.yaml").write_text("select: [Z801]\noptions:\n  Z801: {max_rate: 90}\n", encoding="utf-8")
    assert "Z801" not in run(["check", "d.txt"], tmp_path, monkeypatch).output


@pytest.mark.parametrize(
    "options,problem",
    [
        ("{max_rate: high}", f"options.Z801.max_rate: 'high' is not of type 'number' (schema: {SCHEMA})"),
        ("{max_rate: 0}", f"options.Z801.max_rate: 0 is less than or equal to the minimum of 0 (schema: {SCHEMA})"),
        ("{max_rat: 50}", "options.Z801.max_rat: unknown option (rule Z801 (large-change) takes: max_rate)"),
    ],
)
def test_a_bad_option_is_a_configuration_error_naming_file_rule_and_option(
    registered, tmp_path, monkeypatch, options, problem
):
    registered(load_example("large_change"))
    (tmp_path / "d.txt").write_text(CHANGE, encoding="utf-8")
    (tmp_path / ".disclint.yaml").write_text(f"options:\n  Z801: {options}\n", encoding="utf-8")
    result = run(["check", "d.txt"], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == f"disclint: error: {tmp_path / '.disclint.yaml'}: {problem}\n"


def test_explain_lists_a_rules_options(registered, tmp_path, monkeypatch):
    registered(load_example("large_change"))
    output = run(["explain", "Z801", "--lang", "en"], tmp_path, monkeypatch).output
    assert 'max_rate  {"type": "number", "exclusiveMinimum": 0}, default 30' in output
    assert "the largest change rate, in percent, not flagged" in output


# -- (b) a fact handler -------------------------------------------------------

OVER = "本单位编制 10 人，实有人数 12 人。\n"


def test_a_fact_handler_adds_facts_a_rule_reads(registered):
    example = registered(load_example("staffing_facts"))
    document = parse_text(OVER)
    (staffing,) = document.facts.of(example.Staffing)
    assert (staffing.authorised.quantity.text, staffing.actual.quantity.text) == ("10 人", "12 人")
    assert issues(OVER, "Z802") == [("Z802", 1, 17, "12 人")]
    assert issues(OVER.replace("12 人", "9 人"), "Z802") == []
    assert issues("本单位编制 10 人。\n\n实有人数 12 人。\n", "Z802") == []  # two paragraphs: no pair


def test_without_its_handler_the_rule_has_no_facts_to_read():
    example = load_example("staffing_facts")
    document = parse_text(OVER)
    assert document.facts.of(example.Staffing) == []
    assert list(example.OverEstablishment().check(document)) == []


# -- (c) a table reader -------------------------------------------------------

STAFF_TABLE = "本单位实有人数 12 人。\n\n表 9\n人员情况表\n单位：人\n项目 编制数 实有人数\n合计 10 11\n"


def test_the_table_reader_reads_its_family():
    example = load_example("staffing_tables")
    document = parse_text(STAFF_TABLE)
    (table,) = document.tables()
    reader = example.StaffingTableReader()
    assert reader.accepts(document, table)
    model = reader.read(document, table)
    assert (model.kind, model.unit) == ("staffing", "人")
    assert [(row.label, {k: q.text for k, q in row.columns.items()}) for row in model.rows] == [
        ("合计", {"编制数": "10", "实有人数": "11"})
    ]


@pytest.mark.skipif(
    not hasattr(linter.tables, "table_readers"),
    reason="the table stage does not ask plugin readers yet (linter/tables is being made a package)",
)
def test_a_plugin_table_reader_feeds_the_fact_store(registered):
    assert [m.kind for m in parse_text(STAFF_TABLE).facts.tables()] == ["other"]
    registered(load_example("staffing_tables"))
    assert [m.kind for m in parse_text(STAFF_TABLE).facts.tables()] == ["staffing"]
    assert issues(STAFF_TABLE, "Z803") == [("Z803", 7, 7, "11")]
    assert issues(STAFF_TABLE.replace("合计 10 11", "合计 10 12"), "Z803") == []


# -- every example rule's own examples ------------------------------------------


@pytest.mark.parametrize("name", ["large_change", "staffing_facts", "staffing_tables"])
def test_the_example_rules_examples(registered, name):
    module = registered(load_example(name))
    if name == "staffing_tables" and not hasattr(linter.tables, "table_readers"):
        pytest.skip("the table stage does not ask plugin readers yet")
    (rule,) = module.disclint_rules()
    for example in rule.examples:
        found = issues(example.text, rule.code)
        assert bool(found) == example.fails, (example.text, found)


def test_the_architecture_doc_quotes_the_examples_as_they_are():
    """Every code block of docs/architecture.md that names an example file is
    a verbatim excerpt of it, so the docs show the code the tests run."""
    import re

    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n# (docs/examples/\S+\.py)\n(.*?)```", doc, flags=re.S)
    assert {path for path, _ in blocks} == {f"docs/examples/{n}.py" for n in ("large_change", "staffing_facts", "staffing_tables")}
    for path, body in blocks:
        assert body in (REPO / path).read_text(encoding="utf-8"), path
