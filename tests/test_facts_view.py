"""`disclint facts` shows what the rules see: prose facts, the tables as read
(rows with the column each number was placed in, funds, scores, indicators
with target, actual and stated gap), and with ``--rule CODE`` only the facts
that rule consumes.  Through the installed CLI, on short texts."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap

import pytest

from conftest import disclint_executable, run_cli
from drafts import write
from linter.pipeline import Overrides, parse_text
from linter.treeview import tree_as_text

CLASSIFIED = (
    "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 80.00 20.00 60.00\n"
    "208 社会保障和就业支出 80.00 20.00 60.00\n"
    "208 01   人力资源和社会保障管理事务 80.00 20.00 60.00\n"
    "208 01 01     行政运行 20.00 20.00\n"
    "208 01 02     一般行政管理事务 60.00 60.00\n"
)
# Two children of 10.00 under a 20 = 10 + 10 parent: either placement adds up.
AMBIGUOUS = (
    "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 20.00 10.00 10.00\n208 社会保障和就业支出 20.00 10.00 10.00\n"
    "208 01   人力资源和社会保障管理事务 20.00 10.00 10.00\n"
    "208 01 01     行政运行 10.00 10.00\n208 01 02     一般行政管理事务 10.00 10.00\n"
)
PERFORMANCE = (
    "项目支出绩效自评表\n项目名称 就业补助\n"
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 18.00 16.00 15.20 10 95.00% 9.50 分\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
    "成本指标 经济成本指标 补助经费 <=6.50 万元 =6.45 万元 90 89.00\n"
    "实际支出比预算金额少 0.5 万元。\n"
    "总分 100 98.50\n"
)
PROSE = "一、收入支出决算总体情况说明\n\n2024年度收入总计100.00万元，其中：财政拨款收入80.00万元，占80.00%；其他收入20.00万元。\n"


def _facts(tmp_path, text: str, *args: str, env: dict | None = None):
    write(tmp_path / "doc.txt", text)
    if env is None:
        return run_cli("facts", *args, "doc.txt", cwd=tmp_path)
    return subprocess.run(
        [*disclint_executable(), "facts", *args, "doc.txt"], capture_output=True, cwd=tmp_path, env=env, timeout=120
    )


def _lines(result) -> list[str]:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8").splitlines()


def test_a_classified_table_shows_where_each_number_was_placed(tmp_path):
    lines = _lines(_facts(tmp_path, CLASSIFIED, "--kind", "budget", "--year", "2024"))
    assert lines == [
        "L1:1       table       classified 表3 部门支出总体情况表 (万元; columns 合计 / 基本支出 / 项目支出; 5 rows)",
        "L5:1       row         总计: 80.00→合计 20.00→基本支出 60.00→项目支出",
        "L6:1       row         208 社会保障和就业支出: 80.00→合计 20.00→基本支出 60.00→项目支出",
        "L7:1       row         208 01 人力资源和社会保障管理事务: 80.00→合计 20.00→基本支出 60.00→项目支出",
        # "20.00 20.00" and "60.00 60.00" say nothing of the empty column: the
        # parent's 20.00 / 60.00 does.
        "L8:1       row         208 01 01 行政运行: 20.00→合计 20.00→基本支出 (项目支出 empty)",
        "L9:1       row         208 01 02 一般行政管理事务: 60.00→合计 60.00→项目支出 (基本支出 empty)",
    ]


def test_the_json_row_says_placed_columns_empty_cells_and_open_choices(tmp_path):
    placed = json.loads(_facts(tmp_path, CLASSIFIED, "--format", "json", "--only", "row").stdout)
    assert placed["facts"] == [] and placed["other_facts"] == []
    (table,) = placed["tables"]
    assert (table["kind"], table["unit"], table["columns"], table["line"]) == (
        "classified", "万元", ["合计", "基本支出", "项目支出"], 1,
    )
    row = table["rows"][4]
    assert (row["code"], row["name"], row["parent"], row["line"]) == ("208 01 02", "一般行政管理事务", "208 01 人力资源和社会保障管理事务", 9)
    assert [(n["text"], n["placed_in"], n["column"]) for n in row["numbers"]] == [("60.00", "合计", 24), ("60.00", "项目支出", 30)]
    assert {name: (c["value"], c["empty"]) for name, c in row["columns"].items()} == {
        "合计": ("60.00", False), "项目支出": ("60.00", False), "基本支出": ("0", True),
    }
    assert row["numbers"][0]["interval"] == ["59.995", "60.005"]
    assert (row["ambiguous"], row["choices"]) == (False, [])

    ambiguous = json.loads(_facts(tmp_path, AMBIGUOUS, "--format", "json", "--only", "row").stdout)
    row = ambiguous["tables"][0]["rows"][3]
    assert row["title"] == "208 01 01 行政运行" and row["ambiguous"] is True
    assert [n["placed_in"] for n in row["numbers"]] == ["合计", None]
    assert row["choices"] == [{"基本支出": "10.00", "项目支出": None}, {"基本支出": None, "项目支出": "10.00"}]
    text = _lines(_facts(tmp_path, AMBIGUOUS, "--only", "row"))
    assert text[4] == (
        "L8:1       row         208 01 01 行政运行: 10.00→合计 10.00 "
        "(ambiguous: 基本支出=10.00, 项目支出 empty | 基本支出 empty, 项目支出=10.00)"
    )


def test_a_self_evaluation_shows_funds_indicator_gap_and_total(tmp_path):
    lines = _lines(_facts(tmp_path, PERFORMANCE, "--kind", "final_account"))
    assert lines == [
        # the deviation note is prose too (linter.facts reads narrative cells)
        "L7:12      amount      amount 实际支出比预算金额少 0.5 万元",
        "L1:1       table       performance 项目支出绩效自评表 (万元; 1 funds, 1 scores, 1 indicators)",
        "L4:1       funds       budget 16.00 (initial 18.00), spent 15.20, rate 95.00%, score 9.50/10",
        "L6:1       indicator   补助经费: target 6.50 万元, actual 6.45 万元, stated gap 0.5 万元, score 89.00/90",
        "L8:1       score       total 98.50/100 (every indicator read)",
    ]
    payload = json.loads(_facts(tmp_path, PERFORMANCE, "--format", "json", "--only", "indicator").stdout)
    (table,) = payload["tables"]
    assert table["funds"] == [] and table["scores"] == [] and table["indicators_complete"] is True
    (indicator,) = table["indicators"]
    assert indicator["name"] == "补助经费" and indicator["unit"] == "万元"
    assert [indicator[key]["text"] for key in ("target", "actual", "stated_gap", "weight", "score")] == [
        "6.50", "6.45", "0.5", "90", "89.00",
    ]
    assert indicator["stated_gap"]["interval"] == ["0.45", "0.55"] and indicator["stated_gap"]["line"] == 7
    funds = json.loads(_facts(tmp_path, PERFORMANCE, "--format", "json", "--only", "funds").stdout)["tables"][0]["funds"]
    assert [funds[0][key]["value"] for key in ("initial", "budget", "spent", "rate", "weight", "score")] == [
        "18.00", "16.00", "15.20", "95.00", "10", "9.50",
    ]


def test_prose_keys_are_unchanged_and_only_still_filters(tmp_path):
    payload = json.loads(_facts(tmp_path, PROSE + CLASSIFIED, "--format", "json", "--only", "share").stdout)
    assert payload["tables"] == []
    (share,) = payload["facts"]
    assert sorted(share) == ["column", "kind", "line", "named_total", "part", "percent", "total"]
    assert (share["part"]["text"], share["percent"]["text"], share["total"]["label"]) == ("80.00万元", "80.00%", "收入总计")
    lines = _lines(_facts(tmp_path, PROSE + CLASSIFIED, "--only", "table", "--only", "breakdown"))
    assert lines[0].split()[1] == "breakdown" and "收入总计 100.00万元 = 80.00万元 + 20.00万元" in lines[0]
    assert lines[1:] == ["L4:1       table       classified 表3 部门支出总体情况表 (万元; columns 合计 / 基本支出 / 项目支出; 5 rows)"]


def test_an_unknown_rule_is_one_line_and_exit_2(tmp_path):
    result = _facts(tmp_path, CLASSIFIED, "--rule", "Q999")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().splitlines() == ["disclint: error: no rule 'Q999' (see `disclint rules`)"]


def test_a_yaml_rule_consumes_no_facts_and_says_so(tmp_path):
    result = _facts(tmp_path, PROSE + CLASSIFIED, "--rule", "S101")
    assert result.returncode == 0 and result.stdout == b""
    assert result.stderr.decode().strip() == (
        "disclint: note: S101 is a YAML rule: it reads the outline and the text, not facts"
    )
    payload = json.loads(_facts(tmp_path, PROSE + CLASSIFIED, "--rule", "s101", "--format", "json").stdout)
    assert payload["rules"] == [{"code": "S101", "consumes": []}]
    assert (payload["facts"], payload["tables"], payload["other_facts"]) == ([], [], [])


PLUGIN = '''
"""Rules that declare what they consume, and a fact handler, for the view tests."""
from dataclasses import dataclass

from linter.facts.model import Share
from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.rule import Rule
from linter.sourcemap import Span
from linter.tables import IndicatorRow, TableRow


@dataclass
class Mention:
    """A plugin's own fact: where the text says 补助."""
    span: Span
    kind: str = "mention"


class _Quiet(Rule):
    severity = "info"
    summary = Message("测试", "test")

    def check(self, document):
        return iter(())


class ReadsIndicators(_Quiet):
    code, name, consumes = "Z951", "reads-indicators", (IndicatorRow,)


class ReadsSharesAndRows(_Quiet):
    code, name, consumes = "Z952", "reads-shares-and-rows", (Share, TableRow)


class ReadsNothing(_Quiet):
    code, name = "Z953", "reads-the-outline"


class ReadsMentions(_Quiet):
    code, name, consumes = "Z954", "reads-mentions", (Mention,)


def mentions(document):
    start = document.text.find("补助")
    return [Mention(Span(start, start + 2))] if start >= 0 else []


@hookimpl
def disclint_rules():
    return [ReadsIndicators(), ReadsSharesAndRows(), ReadsNothing(), ReadsMentions()]


@hookimpl
def disclint_fact_handlers():
    return [mentions]
'''


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    """An environment in which the installed disclint loads a plugin through
    the ``disclint`` entry-point group, as a pip-installed one would be."""
    site = tmp_path_factory.mktemp("site")
    (site / "viewtest_plugin.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    info = site / "viewtest_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: viewtest-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[disclint]\nviewtest = viewtest_plugin\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    return env


def test_a_rule_that_consumes_indicators_sees_only_indicators(tmp_path, plugin_env):
    lines = _lines(_facts(tmp_path, PROSE + PERFORMANCE, "--rule", "Z951", env=plugin_env))
    assert lines == [
        "L4:1       table       performance 项目支出绩效自评表 (万元; 1 funds, 1 scores, 1 indicators)",
        "L9:1       indicator   补助经费: target 6.50 万元, actual 6.45 万元, stated gap 0.5 万元, score 89.00/90",
    ]
    payload = json.loads(_facts(tmp_path, PROSE + PERFORMANCE, "--rule", "Z951", "--format", "json", env=plugin_env).stdout)
    assert payload["rules"] == [{"code": "Z951", "consumes": ["indicator"]}]
    assert payload["facts"] == [] and payload["other_facts"] == []


def test_two_rules_see_what_either_consumes_and_only_narrows(tmp_path, plugin_env):
    text = PROSE + CLASSIFIED + PERFORMANCE
    lines = _lines(_facts(tmp_path, text, "--rule", "Z952", "--rule", "reads-indicators", env=plugin_env))
    kinds = [line.split()[1] for line in lines]
    assert kinds == ["share", "table", "row", "row", "row", "row", "row", "table", "indicator"]
    assert lines[0].endswith("80.00万元 / 收入总计 100.00万元 = 80.00%")
    narrowed = _lines(_facts(tmp_path, text, "--rule", "Z952", "--only", "share", "--only", "funds", env=plugin_env))
    assert [line.split()[1] for line in narrowed] == ["share"]


def test_a_rule_without_consumes_and_a_plugin_fact_type(tmp_path, plugin_env):
    nothing = _facts(tmp_path, PROSE + PERFORMANCE, "--rule", "Z953", env=plugin_env)
    assert nothing.returncode == 0 and nothing.stdout == b""
    assert "Z953 consumes no facts (its `consumes` is empty)" in nothing.stderr.decode()
    mentions = _lines(_facts(tmp_path, PROSE + PERFORMANCE, "--rule", "Z954", env=plugin_env))
    assert mentions == ["L5:8       mention     补助"]
    payload = json.loads(_facts(tmp_path, PROSE + PERFORMANCE, "--rule", "Z954", "--format", "json", env=plugin_env).stdout)
    assert payload["other_facts"] == [
        {"kind": "mention", "type": "viewtest_plugin.Mention", "line": 5, "column": 8, "text": "补助"}
    ]
    assert payload["rules"] == [{"code": "Z954", "consumes": ["Mention"]}]
    # none in the document (or none the store indexes): said, not left to guess
    unfound = _facts(tmp_path, PROSE, "--rule", "Z954", env=plugin_env)
    assert unfound.returncode == 0 and unfound.stdout == b""
    assert unfound.stderr.decode().strip() == "disclint: note: Z954 consumes Mention: document.facts.of(Mention) finds none"


def test_parse_shows_a_table_continued_on_the_next_page_read_as_one():
    text = (
        "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
        "总计 600.00 69.00 531.00\n208 社会保障和就业支出 600.00 69.00 531.00\n"
        "208 01   人力资源和社会保障管理事务 69.00 69.00\n208 01 01     行政运行 69.00 69.00\n"
        "\f表 3（续）\n部门支出总体情况表\n功能分类科目名称 合计 基本支出 项目支出\n"
        "208 99   其他社会保障和就业支出 531.00 531.00\n"
    )
    document = parse_text(text, overrides=Overrides(kind="budget", year=2024))
    assert len(document.tables()) == 2 and len(document.facts.tables()) == 1
    listing = tree_as_text(document)
    assert listing.count("columns: 合计 / 基本支出 / 项目支出") == 1
    assert "data: 208 99 其他社会保障和就业支出: 合计=531.00 基本支出=0 项目支出=531.00" in listing


def test_parse_names_an_indicator_with_its_target_actual_and_gap(tmp_path):
    write(tmp_path / "doc.txt", PERFORMANCE)
    listing = run_cli("parse", "doc.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert "indicator: 补助经费: target 6.50 万元, actual 6.45 万元, stated gap 0.5 万元, score 89.00/90" in listing
    tree = json.loads(run_cli("parse", "--format", "json", "doc.txt", cwd=tmp_path).stdout)
    (table,) = [node for node in tree["children"] if node["type"] == "table"]
    (indicator,) = table["model"]["indicators"]
    assert indicator == {
        "line": 6, "weight": "90", "score": "89.00", "name": "补助经费",
        "target": "6.50", "actual": "6.45", "unit": "万元", "stated_gap": "0.5",
    }
