"""Tables: read per corpus document (pinned), columns placed by the table's
own identities, and the table rules both ways on snippets."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from linter.engine import lint_document
from linter.pipeline import Overrides, load_document, parse_text
from linter.plugins import all_rules
from linter.tables import table_models

TABLE_RULES = [rule for rule in all_rules() if rule.code.startswith("B")]

# tables, classified tables, their data rows, rows with a placed 合计, rows
# left ambiguous, performance tables, funds rows, 总分 rows
PINNED = {
    "000": (3, 0, 0, 0, 0, 3, 3, 3),
    "001": (16, 0, 0, 0, 0, 16, 16, 16),
    "002": (20, 7, 128, 97, 0, 0, 0, 0),
    "003": (7, 0, 0, 0, 0, 7, 6, 7),
    "004": (9, 0, 0, 0, 0, 9, 8, 8),
}


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_corpus_tables_are_read(path):
    models = table_models(load_document(str(path)))
    classified = [m for m in models if m.kind == "classified"]
    performance = [m for m in models if m.kind == "performance"]
    rows = [row for m in classified for row in m.rows]
    got = (
        len(models),
        len(classified),
        len(rows),
        sum(1 for row in rows if "合计" in row.columns),
        sum(1 for row in rows if row.ambiguous),
        len(performance),
        sum(len(m.funds) for m in performance),
        sum(len(m.scores) for m in performance),
    )
    assert got == PINNED[path.stem[:3]]


TABLE_ISSUES = {
    "000": [],
    "001": [],
    # The budget tables are consistent within rounding (docs/corpus-review/002…md:
    # e.g. 总计 1,050.52 against children summing to 1,050.51).
    "002": [],
    "003": [],
    # A self-evaluation indicator <=6.50 万元 / =6.45 万元, whose note says the
    # spending came out "少 0.5 万元": the gap is 0.05 (docs/corpus-review/004…md).
    "004": [
        ("B109", 877, 1, "0.5"),
        # the 实际完成情况 text says 求职登记、职业指导 735 人 and 招聘会 145 场次; the
        # indicators say 700 (target and actual) and 301 (actual; target 136)
        ("B110", 952, 19, "735 人"),
        ("B110", 956, 4, "145 场次"),
    ],
}


def test_table_rules_on_the_corpus(corpus_path):
    issues = lint_document(load_document(str(corpus_path)), TABLE_RULES)
    assert [(i.rule, i.line, i.column, i.actual) for i in issues] == TABLE_ISSUES[corpus_path.stem[:3]]


def test_two_value_rows_are_placed_by_the_parent_sums():
    """002 表3: "208 01 02 一般行政管理事务 56.00 56.00" is 项目支出, because only
    that placement makes 208 01's 基本支出 319.59 and 项目支出 602.00 add up."""
    document = load_document(str(CORPUS[2]))
    table = next(m for m in table_models(document) if m.table.title.startswith("表3"))
    row = next(r for r in table.rows if r.code == "208 01 02")
    assert {k: v.text or "0" for k, v in row.columns.items()} == {"合计": "56.00", "项目支出": "56.00", "基本支出": "0"}


def classified(body: str, unit: str = "万元") -> str:
    return f"表 3\n部门支出总体情况表\n单位：{unit}\n功能分类科目名称 合计 基本支出 项目支出\n{body}"


def codes(text: str, kind: str = "budget") -> list[str]:
    document = parse_text(text, overrides=Overrides(kind=kind, year=2024))
    return [issue.rule for issue in lint_document(document, TABLE_RULES)]


def test_empty_cells_and_an_ambiguity_no_identity_settles():
    # Two children of 10.00 each: 基本 10 + 项目 10 under a 20 = 10 + 10 parent
    # can be placed either way round, so both stay ambiguous and nothing is checked.
    text = classified(
        "总计 20.00 10.00 10.00\n208 社会保障和就业支出 20.00 10.00 10.00\n"
        "208 01   人力资源和社会保障管理事务 20.00 10.00 10.00\n"
        "208 01 01     行政运行 10.00 10.00\n208 01 02     一般行政管理事务 10.00 10.00\n"
    )
    document = parse_text(text, overrides=Overrides(kind="budget", year=2024))
    (model,) = table_models(document)
    assert [row.ambiguous for row in model.rows] == [False, False, False, True, True]
    assert codes(text) == []
    listing = __import__("linter.treeview", fromlist=["tree_as_text"]).tree_as_text(document)
    assert "208 01 01 行政运行: 合计=10.00  (ambiguous: not placed)" in listing


def test_negative_amounts_and_a_wrong_parent():
    good = classified("总计 -5.00 -5.00\n208 社会保障和就业支出 -5.00 -5.00\n208 01   调整 -5.00 -5.00\n")
    bad = classified("总计 -5.00 -5.00\n208 社会保障和就业支出 -5.00 -5.00\n208 01   调整 -4.00 -4.00\n")
    assert codes(good) == [] and codes(bad) == ["B101"]


def test_a_table_split_by_a_page_break_and_a_wrapped_row_name():
    text = classified(
        "总计 600.00 69.00 531.00\n208 社会保障和就业支出 600.00 69.00 531.00\n"
        "208 01   人力资源和社会保障管理事务 69.00 69.00\n208 01 01     行政运行 69.00 69.00\n"
        " 编制部门：某局 单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
        "208 99   其他社会保障和就业支出 531.00 531.00\n208 99 99\n    其他社会保障和就业\n支出\n531.00 531.00\n"
    )
    document = parse_text(text, overrides=Overrides(kind="budget", year=2024))
    (model,) = table_models(document)
    last = model.rows[-1]
    assert (last.code, last.label, last.columns["合计"].text) == ("208 99 99", "其他社会保障和就业支出", "531.00")
    assert document.location(last.span).page == 2
    assert codes(text) == []
    assert codes(text.replace("208 99   其他社会保障和就业支出 531.00", "208 99   其他社会保障和就业支出 513.00")) == ["B101", "B101", "B102"]


def test_tables_in_yuan_are_converted():
    text = classified("总计 20,000.00 20,000.00\n208 社会保障和就业支出 20,000.00 20,000.00\n", unit="元")
    (model,) = table_models(parse_text(text))
    assert model.unit == "元" and str(model.rows[0].columns["合计"].value) == "2.000000"


PERFORMANCE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


def test_funds_row_printed_one_cell_per_line_and_numbers_cut_at_the_point():
    text = PERFORMANCE + "年度资金总额 3347.88\n2138.\n15\n69.13 10 3.23%\n0.32\n"
    document = parse_text(text, overrides=Overrides(kind="final_account", year=2023))
    (model,) = table_models(document)
    (funds,) = model.funds
    assert (funds.budget.text, funds.spent.text, funds.rate.text, funds.score.text) == ("2138.15", "69.13", "3.23%", "0.32")
    assert codes(text, "final_account") == []
    assert codes(text.replace("3.23%", "3.33%"), "final_account") == ["B103"]


def test_a_missing_total_score_row_is_not_an_error():
    text = PERFORMANCE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
    (model,) = table_models(parse_text(text))
    assert (len(model.funds), len(model.scores)) == (1, 0)
    assert codes(text, "final_account") == []


def test_the_three_public_table_is_read():
    document = load_document(str(CORPUS[2]))
    (model,) = [m for m in table_models(document) if m.kind == "three-public"]
    assert [(row.code, row.columns["合计"].text or "0") for row in model.rows] == [
        ("total", "4.29"), ("travel", "0"), ("hospitality", "0.09"), ("cars", "4.20"), ("purchase", "0"), ("running", "4.20"),
    ]


def test_total_scores_are_checked_where_every_indicator_is_read():
    """Only two corpus tables have every indicator row on one line (their
    weights add up to 100); B108 checks those two, and they are consistent."""
    complete = []
    for path in CORPUS:
        document = load_document(str(path))
        for model in table_models(document):
            if model.kind == "performance" and len(model.scores) == 1:
                weights = sum(row.weight.value for row in model.funds + model.indicators)
                if weights == model.scores[0].weight.value:
                    complete.append((path.stem[:3], document.location(model.table.span).line))
    assert complete == [("001", 2893), ("003", 693)]
