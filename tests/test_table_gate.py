"""The table gate (issue 13, item 2): a table is checked only once its reading
has passed the table's own identities; the columns come from the header's
layout and the row identities place the numbers.

The fixtures of tests/data/tables are consistent documents of the families
met in the real documents, each with one planted table error, and one table
whose values print a line below their names (a misreading the gate must
catch)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, run_cli

from linter.engine import lint_document
from linter.pipeline import Overrides, load_document, parse_text
from linter.plugins import all_rules
from linter.tables.header import column_layout
from linter.tables.reliability import CELL_REACH, count_identities

TABLES = REPO / "tests" / "data" / "tables"
RULES = all_rules()


def table_issues(document) -> list[tuple[str, str, int]]:
    return [(i.rule, i.severity, i.line) for i in lint_document(document, RULES) if i.rule.startswith("B")]


def budget(text: str):
    return parse_text(text, overrides=Overrides(kind="budget", year=2024))


# -- the fixtures: consistent, one planted error, one misread ------------------

CONSISTENT = sorted(TABLES.glob("*-consistent.txt"))

# Each planted error, with every identity the misprinted cell takes part in.
PLANTED = {
    "nested-basic-planted.txt": [("B102", "error", 17)],  # 公用经费 151.28: the row fits no placement
    "beijing-six-decimals-planted.txt": [("B102", "error", 16)],  # 合计 3,921.406215 ≠ 3,701.882004 + 210.524211
    "jiangsu-one-column-planted.txt": [("B101", "error", 31), ("B101", "error", 32)],  # 款 20101: its 类 and its 项
    "shaanxi-one-line-header-planted.txt": [("B101", "error", 12), ("B101", "error", 13), ("B102", "error", 13)],
    "jilin-two-groups-planted.txt": [("B101", "error", 14)],  # 301 leaves out a 款
    "hunan-continued-planted.txt": [("B101", "error", 19)],  # 302's 款 continue on the next page
}


def test_every_family_has_a_consistent_and_a_planted_fixture():
    families = {path.name.removesuffix("-consistent.txt") for path in CONSISTENT}
    assert {name.removesuffix("-planted.txt") for name in PLANTED} <= families
    assert len(families) >= 6


@pytest.mark.parametrize("path", CONSISTENT, ids=lambda p: p.name)
def test_consistent_tables_pass_the_gate_and_no_table_rule_reports(path):
    document = load_document(str(path))
    models = [m for m in document.facts.tables() if m.kind == "classified"]
    assert models, "the fixture's table is read as a classified table"
    assert all(m.reliable for m in models)
    assert all(count_identities(m).failed == 0 and count_identities(m).checked > 0 for m in models)
    assert table_issues(document) == []


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_the_planted_error_is_reported_and_nothing_else(name):
    document = load_document(str(TABLES / name))
    assert all(m.reliable for m in document.facts.tables())
    assert sorted(table_issues(document)) == sorted(PLANTED[name])


def test_a_misread_table_gets_one_information_issue_and_no_error():
    document = load_document(str(TABLES / "shifted-values-misread.txt"))
    (model,) = [m for m in document.facts.tables() if m.kind == "classified"]
    assert not model.reliable and model.rows == [] and model.set_aside
    assert table_issues(document) == [("B114", "info", 8)]
    (issue,) = [i for i in lint_document(document, RULES) if i.rule == "B114"]
    assert "表「表3 部门支出总体情况表」未能可靠读取，未检查" in issue.message
    assert "7 处不满足表内恒等关系" in issue.message and "第 2 页" in issue.message


def test_the_same_values_printed_on_their_rows_are_checked():
    document = load_document(str(TABLES / "shifted-values-consistent.txt"))
    assert table_issues(document) == []


def test_the_readme_shows_the_information_issue_as_disclint_prints_it():
    out = run_cli("check", "tests/data/tables/shifted-values-misread.txt", cwd=REPO).stdout.decode("utf-8")
    first = out.splitlines()[0]
    assert "B114 [info]" in first
    assert f"$ disclint check tests/data/tables/shifted-values-misread.txt\n{first}\n```" in (REPO / "README.md").read_text(
        encoding="utf-8"
    )


# -- the threshold -------------------------------------------------------------

_HEADER = "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
_CLASSES = ["201", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214"]


def _flat_table(wrong: int, right: int) -> str:
    """类 rows without a total row (so every failure is one row's own
    identity): ``wrong`` rows whose 合计 is not 基本支出 + 项目支出."""
    rows = []
    for n, code in enumerate(_CLASSES[: wrong + right]):
        total = "100.00" if n >= wrong else "101.00"
        rows.append(f"{code} 某项支出{n} {total} 60.00 40.00")
    return _HEADER + "\n".join(rows) + "\n"


def test_up_to_what_one_misprinted_cell_can_break_is_reported():
    document = budget(_flat_table(CELL_REACH, 8))
    (model,) = document.facts.tables()
    assert count_identities(model).failed == CELL_REACH
    assert [issue[0] for issue in table_issues(document)] == ["B102"] * CELL_REACH


def test_more_failures_than_one_misprint_can_cause_make_the_table_unreliable():
    document = budget(_flat_table(CELL_REACH + 1, 7))
    assert [issue[:2] for issue in table_issues(document)] == [("B114", "info")]


def test_failures_on_most_of_what_is_checked_make_the_table_unreliable():
    document = budget(_flat_table(2, 1))
    assert [issue[:2] for issue in table_issues(document)] == [("B114", "info")]
    document = budget(_flat_table(2, 2))  # two of four: a real document may have two misprints
    assert [issue[0] for issue in table_issues(document)] == ["B102", "B102"]


def test_a_three_public_table_whose_items_were_not_read_is_not_checked():
    text = (
        "表 7\n一般公共预算“三公”经费支出表\n单位：万元\n公务用车购置及运行费\n“三公”经费 因公出国（境）费\n"
        "单位名称 公务接待费\n合计 公务用车购置 公务用车运行\n小计\n合计 9.30 3.50 3.50 5.80\n"
    )
    assert [issue[:2] for issue in table_issues(budget(text))] == [("B114", "info")]


# -- the columns and their placement --------------------------------------------


def _only_table(text: str):
    document = budget(text)
    (model,) = document.facts.tables()
    return document, model


def test_the_nested_layout_places_rows_that_drop_their_empty_cells():
    document = load_document(str(TABLES / "nested-basic-consistent.txt"))
    (model,) = document.facts.tables()
    assert model.columns == ("合计", "基本支出", "人员经费", "公用经费", "项目支出")
    assert model.identities == (("合计", ("基本支出", "项目支出")), ("基本支出", ("人员经费", "公用经费")))
    rows = {row.code: row for row in model.rows}
    running = rows["201 05 50"]  # "事业运行 187.44 187.44 187.44"
    assert {name: q.text for name, q in running.columns.items()} == {
        "合计": "187.44", "基本支出": "187.44", "人员经费": "187.44", "公用经费": "", "项目支出": ""
    }
    project = rows["201 05 05"]  # "专项统计业务 264.90 264.90"
    assert project.columns["项目支出"].text == "264.90" and project.columns["基本支出"].text == ""


def test_a_one_line_header_gives_its_columns_in_order():
    document, model = _only_table(
        "表5\n部门综合预算一般公共预算支出明细表\n单位：元\n"
        "功能科目编码 功能科目名称 合计 人员经费支出 公用经费支出 专项业务经费支出 备注\n"
        "201 一般公共服务支出 300.00 100.00 50.00 150.00\n"
    )
    assert model.columns == ("合计", "人员经费", "公用经费", "专项业务经费支出")
    assert model.identities == (("合计", ("人员经费", "公用经费", "专项业务经费支出")),)


def test_the_names_templates_give_the_parts_of_basic_spending_are_one_column():
    document = budget(
        "表6\n基本支出情况表\n单位:万元\n经济科目编码 经济科目名称 总计 人员类 公用经费\n301 工资福利支出 10.00 10.00\n"
    )
    assert column_layout(document, document.tables()[0]).columns == ("合计", "人员经费", "公用经费")


def test_a_header_with_a_column_inside_another_has_no_sum():
    document = budget(
        "表1\n收入总表\n单位:万元\n类 款 项 功能科目 合计 财政拨款 其中:经费拨款 事业收入\n201 一般公共服务支出 10.00 10.00 10.00\n"
    )
    assert column_layout(document, document.tables()[0]).identities == ()


def test_rows_wider_than_the_header_are_read_by_their_total_alone():
    document, model = _only_table(
        _HEADER + "总计 10.00 6.00 4.00 0.00\n201 某项支出 10.00 6.00 4.00 0.00\n"
    )
    assert model.columns == ("合计",)
    assert table_issues(document) == []


def test_a_total_row_repeated_on_each_page_is_not_a_new_total():
    document, model = _only_table(
        _HEADER + "合计 30.00 20.00 10.00\n201 某项支出 20.00 20.00\n"
        "合计 30.00 20.00 10.00\n221 住房保障支出 10.00 10.00\n"
    )
    total = model.rows[0]
    assert [child.code for child in total.children] == ["201", "221"]
    assert table_issues(document) == []


def test_two_copies_of_a_table_read_as_one_keep_their_own_children():
    copy = "合计 30.00\n201 某项支出 30.00\n201 01 某款 30.00\n201 01 01 某项 30.00\n"
    document, model = _only_table("表 5\n支出表\n单位：万元\n科目编码 科目名称 金额\n" + copy + copy)
    assert all(len(row.children) <= 1 for row in model.rows)
    assert table_issues(document) == []


def test_a_row_repeating_the_row_above_is_not_a_second_child():
    document, model = _only_table(
        "表 5\n支出表\n单位：万元\n科目编码 科目名称 金额\n"
        "219 援助其他地区支出 502.00\n21999 其他支出 502.00\n21999 其他支出 502.00\n"
    )
    assert len(model.rows[0].children) == 1
    assert table_issues(document) == []


def test_a_code_group_that_lost_its_leading_zero_is_read():
    document, model = _only_table(
        "表 8\n基本支出表\n单位：元\n经济分类科目名称 合计 人员经费 公用经费\n"
        "301 工资福利支出 30 30 0\n301 01 基本工资 10 10 0\n301 2 津贴补贴 20 20 0\n"
    )
    assert [row.code for row in model.rows] == ["301", "301 01", "301 02"]
    assert table_issues(document) == []


def test_a_number_opening_a_line_is_no_class_code():
    document = budget(
        "表 9\n项目支出绩效目标表\n单位编码 项目名称 资金总额\n合计 40.00\n"
        "380 万元≤ 5\n100 完成率100% % = 6\n"
    )
    assert all(not model.rows or model.kind != "classified" or len(model.rows) == 1 for model in document.facts.tables())
    assert table_issues(document) == []


# The real documents' table findings are pinned with all the others in
# tests/test_realdocs.py.


def test_fixture_paths_exist():
    for name in PLANTED:
        assert Path(TABLES / name).exists(), name


# -- placement by position ---------------------------------------------------------

# 208 01's 60.00 = 30.00 + 30.00: its two children each print one part, and
# the identities allow either child in either column.  Where they are printed
# says which.
_POSITIONED_ROWS = [
    ("总计", ("100.00", "60.00", "40.00")),
    ("208 社会保障和就业支出", ("100.00", "60.00", "40.00")),
    ("208 01 人力资源和社会保障管理事务", ("60.00", "30.00", "30.00")),
    ("208 01 01 行政运行", ("30.00", "30.00", None)),
    ("208 01 02 一般行政管理事务", ("30.00", None, "30.00")),
    ("208 02 民政管理事务", ("40.00", "30.00", "10.00")),
    ("208 02 01 行政运行", ("40.00", "30.00", "10.00")),
]


def _positioned_pdf(path, rows):
    from rendering import new_pdf

    pdf = new_pdf()
    pdf.add_page()
    lines = [("表 3", None), ("部门支出总体情况表", None), ("单位：万元", None)]
    lines.append(("功能分类科目名称", ("合计", "基本支出", "项目支出")))
    lines += rows
    right_edges = (330, 410, 490)  # amounts right-aligned in their columns
    for number, (label, cells) in enumerate(lines):
        y = 60 + number * 16
        pdf.text(40, y, label)
        for text, edge in zip(cells or (), right_edges):
            if text:
                pdf.text(edge - pdf.get_string_width(text), y, text)
    pdf.output(str(path))
    return path


def test_a_pdf_places_the_numbers_the_identities_leave_open_by_their_column(tmp_path):
    document = load_document(str(_positioned_pdf(tmp_path / "placed.pdf", _POSITIONED_ROWS)))
    assert document.positions is not None
    (model,) = document.facts.tables()
    rows = {row.code: row for row in model.rows}
    assert {name: q.text for name, q in rows["208 01 01"].columns.items()} == {"合计": "30.00", "基本支出": "30.00", "项目支出": ""}
    assert {name: q.text for name, q in rows["208 01 02"].columns.items()} == {"合计": "30.00", "基本支出": "", "项目支出": "30.00"}
    assert table_issues(document) == []


def test_a_pdf_number_printed_in_the_wrong_column_is_found(tmp_path):
    rows = list(_POSITIONED_ROWS)
    rows[3] = ("208 01 01 行政运行", ("30.00", None, "30.00"))  # 基本支出 printed under 项目支出
    document = load_document(str(_positioned_pdf(tmp_path / "wrong.pdf", rows)))
    issues = [i for i in lint_document(document, RULES) if i.rule == "B101"]
    assert sorted(i.message for i in issues) == [
        "「208 01 人力资源和社会保障管理事务」基本支出 30.00，下级科目之和为 0.00",
        "「208 01 人力资源和社会保障管理事务」项目支出 30.00，下级科目之和为 60.00",
    ]


def test_without_positions_the_identities_leave_the_two_rows_open(tmp_path):
    text = _HEADER + "".join(
        f"{label} {' '.join(c for c in cells if c)}\n" for label, cells in _POSITIONED_ROWS
    )
    document = budget(text)
    rows = {row.code: row for row in document.facts.tables()[0].rows}
    assert rows["208 01 01"].ambiguous and rows["208 01 02"].ambiguous
    assert table_issues(document) == []


def test_a_column_aligned_text_is_placed_by_its_columns_too():
    widths = (28, 10, 12, 12)
    def line(label, cells):
        return label.ljust(widths[0]) + "".join((c or "").rjust(w) for c, w in zip(cells, widths[1:]))
    text = "表 3\n部门支出总体情况表\n单位：万元\n" + line("功能分类科目名称", ("合计", "基本支出", "项目支出")) + "\n"
    text += "".join(line(label, cells) + "\n" for label, cells in _POSITIONED_ROWS)
    rows = {row.code: row for row in budget(text).facts.tables()[0].rows}
    assert rows["208 01 01"].columns["基本支出"].text == "30.00"
    assert rows["208 01 02"].columns["项目支出"].text == "30.00"
