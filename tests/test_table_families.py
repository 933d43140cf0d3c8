"""Each table family's reader on short tables: the rows, columns, placed
values, funds, scores and indicators it reads, and the steps they share
(header, cells, continued tables)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from linter.pipeline import Overrides, parse_text
from linter.sourcemap import Span
from linter.tables import TOTAL_COLUMN, analyze
from linter.tables.cells import is_figure, is_value, join_split_numbers
from linter.tables.classified import ClassifiedReader, code_of
from linter.tables.continued import continues
from linter.tables.header import classified_columns, speaks_of_codes, table_unit
from linter.tables.other import OtherReader
from linter.tables.performance import PerformanceReader
from linter.tables.three_public import ThreePublicReader
from linter.tree import Cell


def document(text: str, kind: str = "budget"):
    return parse_text(text, overrides=Overrides(kind=kind, year=2024))


def only_table(text: str, kind: str = "budget"):
    doc = document(text, kind)
    (table,) = doc.tables()
    return doc, table


def texts(columns: dict) -> dict[str, str]:
    return {name: value.text or "0" for name, value in columns.items()}


# -- header and cells ----------------------------------------------------------

CLASSIFIED = (
    "表 3\n部门支出总体情况表\n单位：{unit}\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 100.00 60.00 40.00\n208 社会保障和就业支出 100.00 60.00 40.00\n"
    "208 01   人力资源和社会保障管理事务 100.00 60.00 40.00\n208 01 01     行政运行 60.00 60.00\n"
    "208 01 02     一般行政管理事务 40.00 40.00\n"
)


def test_the_header_gives_the_unit_the_columns_and_whether_codes_may_be_solid():
    doc, table = only_table(CLASSIFIED.format(unit="元"))
    assert table_unit(doc, table) == "元"
    assert classified_columns(doc, table) == ("合计", "基本支出", "项目支出")
    assert speaks_of_codes(doc, table)  # 功能分类科目名称
    doc, table = only_table(CLASSIFIED.format(unit="万元").replace("基本支出 项目支出", "人员经费 公用经费"))
    assert table_unit(doc, table) == "万元"
    assert classified_columns(doc, table) == ("合计", "人员经费", "公用经费")


def test_cells_figures_and_numbers_cut_at_the_decimal_point():
    assert is_figure("1,751.66") and is_figure("—") and not is_figure("行政运行")
    assert is_value("100.") and is_value("98.55%") and not is_value("=100%")
    cut = join_split_numbers([Cell(Span(0, 5), "2138."), Cell(Span(6, 8), "15")])
    assert [(c.text, c.span.start, c.span.end) for c in cut] == [("2138.15", 0, 8)]


def test_codes_spaced_and_solid():
    assert code_of("208 01 01", solid=False) == "208 01 01"
    assert code_of("2080101", solid=False) is None  # a number, unless the header speaks of codes
    assert code_of("2080101", solid=True) == "208 01 01"
    assert code_of("[2140104]", solid=True) == "214 01 04"
    assert code_of("2080001", solid=True) is None  # no 款 is 00


# -- classified tables -----------------------------------------------------------


def test_classified_rows_hierarchy_and_values_placed_by_the_parent_sums():
    doc, table = only_table(CLASSIFIED.format(unit="万元"))
    reader = ClassifiedReader()
    assert reader.accepts(doc, table)
    model = reader.read(doc, table)
    assert (model.kind, model.unit, model.columns) == ("classified", "万元", ("合计", "基本支出", "项目支出"))
    assert [(row.code, row.label, row.depth) for row in model.rows] == [
        (None, "总计", 0),
        ("208", "社会保障和就业支出", 1),
        ("208 01", "人力资源和社会保障管理事务", 2),
        ("208 01 01", "行政运行", 3),
        ("208 01 02", "一般行政管理事务", 3),
    ]
    total, klass, kuan, admin, general = model.rows
    assert klass.parent is total and kuan.parent is klass and kuan.children == [admin, general]
    # 60.00 alone could be 基本 or 项目: only 基本 60 + 项目 40 makes 208 01 add up
    assert texts(admin.columns) == {"合计": "60.00", "基本支出": "60.00", "项目支出": "0"}
    assert texts(general.columns) == {"合计": "40.00", "基本支出": "0", "项目支出": "40.00"}
    assert not any(row.ambiguous for row in model.rows)
    assert general.total.text == "40.00" and texts(general.parts) == {"基本支出": "0", "项目支出": "40.00"}


def test_classified_rows_in_yuan_wrapped_names_and_column_groups():
    text = (
        "表 6\n一般公共预算基本支出情况表\n单位：元\n经济分类科目编码 科目名称 合计 人员经费 公用经费\n"
        "合计 30,000.00 20,000.00 10,000.00\n"
        "30101 基本工资 20,000.00 20,000.00 30201 办公费 10,000.00 10,000.00\n"
        "30199\n其他工资福利\n支出\n0.00 0.00\n"
    )
    doc, table = only_table(text)
    model = ClassifiedReader().read(doc, table)
    assert model.unit == "元" and model.columns == ("合计", "人员经费", "公用经费")
    assert [(row.code, row.label, [n.text for n in row.numbers]) for row in model.rows] == [
        (None, "合计", ["30,000.00", "20,000.00", "10,000.00"]),
        ("301 01", "基本工资", ["20,000.00", "20,000.00"]),
        ("302 01", "办公费", ["10,000.00", "10,000.00"]),
        ("301 99", "其他工资福利支出", ["0.00", "0.00"]),
    ]
    # money is kept in 万元
    assert str(model.rows[0].columns[TOTAL_COLUMN].value) == "3.000000"


def test_a_classified_row_with_numbers_between_words_is_kept_without_numbers():
    doc, table = only_table(CLASSIFIED.format(unit="万元").replace("行政运行 60.00", "行政 1 运行 60.00"))
    model = ClassifiedReader().read(doc, table)
    admin = next(row for row in model.rows if row.code == "208 01 01")
    assert admin.numbers == [] and admin.columns == {}


def test_a_table_without_codes_is_not_classified_but_other():
    text = "表 1\n收支总表\n单位：万元\n收入 金额 支出 金额\n一、本年收入 945.52 一、本年支出 945.52\n"
    doc, table = only_table(text)
    assert not ClassifiedReader().accepts(doc, table)
    model = analyze(doc, table)
    assert (model.kind, model.unit, model.rows) == ("other", "万元", [])
    assert OtherReader().accepts(doc, table)


# -- 三公 tables -------------------------------------------------------------------

THREE_PUBLIC_DOWN = (
    "表 10\n财政拨款“三公”经费支出情况表\n单位：万元\n“三公”经费支出内容 合计\n"
    "合计 4.29 4.29\n因公出国（境）费\n公务接待费 0.09 0.09\n"
    "公务用车购置及运行费（小计） 4.20 4.20\n其中：公务用车购置费\n      公务用车运行费 4.20 4.20\n"
)


def test_a_three_public_table_read_down_names_each_item():
    doc, table = only_table(THREE_PUBLIC_DOWN)
    reader = ThreePublicReader()
    assert reader.accepts(doc, table) and not PerformanceReader().accepts(doc, table)
    model = reader.read(doc, table)
    assert (model.kind, model.columns) == ("three-public", ("合计",))
    assert [(row.code, row.total.text or "0") for row in model.rows] == [
        ("total", "4.29"),
        ("travel", "0"),  # a row without a number is 0
        ("hospitality", "0.09"),
        ("cars", "4.20"),
        ("purchase", "0"),
        ("running", "4.20"),
    ]


def test_a_three_public_table_laid_out_across():
    text = (
        "表 9\n一般公共预算“三公”经费支出表\n单位：万元\n"
        "合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n小计 公务用车购置费 公务用车运行费\n"
        "10.00 1.00 6.00 2.00 4.00 3.00\n"
    )
    doc, table = only_table(text)
    model = ThreePublicReader().read(doc, table)
    assert [(row.code, row.total.text) for row in model.rows] == [
        ("total", "10.00"),
        ("travel", "1.00"),
        ("cars", "6.00"),
        ("purchase", "2.00"),
        ("running", "4.00"),
        ("hospitality", "3.00"),
    ]


# -- performance tables --------------------------------------------------------------

PERFORMANCE = (
    "项目支出绩效自评表\n项目名称 就业补助\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
    "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
    "成本指标 经济成本指标 补助经费 <=6.50 万元 =6.45 万元 40 30\n实际支出比预算金额少 0.05 万元。\n"
    "总分 100 90.00 分\n"
)


def test_a_self_evaluation_funds_score_and_indicator_rows():
    doc, table = only_table(PERFORMANCE, kind="final_account")
    reader = PerformanceReader()
    assert reader.accepts(doc, table) and not ThreePublicReader().accepts(doc, table)
    model = reader.read(doc, table)
    assert model.kind == "performance" and model.project_evaluation
    (funds,) = model.funds
    assert [q.text for q in (funds.initial, funds.budget, funds.spent, funds.weight, funds.rate, funds.score)] == [
        "18.00", "6.92", "6.92", "10", "100.00%", "10.00",
    ]
    (score,) = model.scores
    assert (score.weight.text, score.score.text) == ("100", "90.00")
    assert model.indicators_complete  # 10 + 50 + 40 = 100
    assert [(i.name, i.target.text, i.actual.text, i.unit, i.weight.text, i.score.text) for i in model.indicators] == [
        ("培训人次", "100", "120", "人次", "50", "50"),
        ("补助经费", "6.50", "6.45", "万元", "40", "30"),
    ]
    assert [i.stated_gap.text if i.stated_gap else None for i in model.indicators] == [None, "0.05"]


def test_a_funds_row_printed_one_cell_per_line_with_its_rate_before_its_weight():
    text = (
        "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 分值 得分\n"
        "年度资金总额\n87.03\n87.03\n1.39\n1.60%\n10\n0.16 分\n总分 100 90.16 分\n"
    )
    doc, table = only_table(text, kind="final_account")
    model = PerformanceReader().read(doc, table)
    (funds,) = model.funds
    assert (funds.spent.text, funds.weight.text, funds.rate.text, funds.score.text) == ("1.39", "10", "1.60%", "0.16")
    assert model.indicators == [] and not model.indicators_complete


def test_indicators_broken_over_lines_are_read_once_every_weight_adds_up():
    text = (
        "项目支出绩效自评表\n项目名称 助学金\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 193.60 193.60 193.60 10 100.00% 10.00 分\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
        "成本指标\n经济成本\n指标\n新疆金领\n技工学校\n<=193.6 万\n元\n=193.6 万\n元\n90 90\n总分 100 100.00 分\n"
    )
    doc, table = only_table(text, kind="final_account")
    model = PerformanceReader().read(doc, table)
    assert model.indicators_complete
    (indicator,) = model.indicators
    assert (indicator.name, indicator.target.text, indicator.actual.text, indicator.unit) == ("新疆金领技工学校", "193.6", "193.6", "万元")
    assert (indicator.weight.text, indicator.score.text) == ("90", "90")
    # weights that do not add up: nothing is trusted as complete
    model = PerformanceReader().read(*only_table(text.replace("90 90", "80 80"), kind="final_account"))
    assert not model.indicators_complete and [(i.weight.text, i.score.text) for i in model.read_in_full] == [("80", "80")]


# -- continued tables ----------------------------------------------------------------


def test_continued_tables_are_joined_by_their_number_or_repeated_name():
    assert continues("表5 2025年一般公共预算支出表", "表5")
    assert continues("表5 2025年一般公共预算支出表", "2025年一般公共预算支出表")
    assert not continues("表5 2025年一般公共预算支出表", "表6 一般公共预算基本支出表")
    assert not continues("项目支出绩效自评表", "项目支出绩效自评表")  # each project's own table


@given(st.lists(st.sampled_from(["(", ")", "（", "）", "数", "量", "人", "次", "、", "，", ":", "“", " ", "\n", "学校"]), max_size=16))
def test_indicator_key_reads_labels_as_the_quadratic_pattern_did(pieces):
    from linter.tables.model import indicator_key

    text = "".join(pieces)
    assert indicator_key(text) == re.sub(r"\(.*?\)|（.*?）|[、，,：:“”\"'\s]|数量|人数|次数", "", text)
