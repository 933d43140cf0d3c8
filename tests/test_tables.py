"""Tables: read per corpus document (tests/golden/*.tables), columns placed by the table's
own identities, and the table rules both ways on snippets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import CORPUS
from linter.engine import lint_document
from linter.pipeline import Overrides, load_document, parse_text
from linter.plugins import all_rules
from linter.tables import table_models

TABLE_RULES = [rule for rule in all_rules() if rule.code.startswith("B")]

# How each corpus table is read — its kind and unit, each classified row's
# code and placed 合计, each performance table's funds and 总分 rows and
# indicators — is compared line by line with hand-reviewed golden files in
# tests/test_golden_facts.py (tests/golden/*.tables).  Every performance table
# with a 总分 row is read completely; 004 L457, the 整体支出 table, is not (its
# funds sit on the 中央安排 row and it has no 总分 row): a KNOWN-MISSING line.


TABLE_ISSUES = {
    "000": [],
    # The 实际完成情况 of the 第二批 project (61.15 万元, 4 schools, 150 元) is
    # copied from the 住宿费和教材费 project (L3664: 380.55 万元, 5 schools, 450 元).
    "001": [("B111", 2619, 31, "380.55 万元")],
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


def test_every_complete_table_adds_up_in_the_corpus():
    """The hand check behind B108's silence on the corpus: in each of the 34
    completely read tables, the funds row and indicator scores add up to the
    总分 exactly as printed (003 L513, for instance: 2.37 + 6 + 0 + 8 + 1.96 +
    10 + 12 + 13 + 5.73 + 8 + 10 = 77.06)."""
    sums = {}
    for path in CORPUS:
        document = load_document(str(path))
        for model in table_models(document):
            if model.indicators_complete:
                rows = model.funds + model.indicators
                assert sum(row.weight.value for row in rows) == model.scores[0].weight.value
                sums[(path.stem[:3], document.location(model.table.span).line)] = (
                    sum(row.score.value for row in rows), model.scores[0].score.value
                )
    assert len(sums) == 34
    assert all(got == printed for got, printed in sums.values())
    assert sums[("003", 513)] == (Decimal("77.06"), Decimal("77.06"))
    assert sums[("004", 1974)] == (Decimal("90.00"), Decimal("90"))


INDICATORS = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"


def _indicators(body: str, header: str = INDICATORS):
    text = PERFORMANCE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n" + header + body
    (model,) = table_models(parse_text(text, overrides=Overrides(kind="final_account", year=2024)))
    return model, codes(text, "final_account")


def test_indicator_rows_printed_one_cell_per_line():
    # name, target and actual broken over lines; "分值 得分" stays together,
    # alone on a line, after a unit, or with the score on the next lines
    body = (
        "产出指标\n数量指标\n新疆金领\n技工学校\n<=221.25\n万元\n=221.25 万\n元\n40 40\n"
        "效益指标\n有效减轻\n完全达到\n预期目标\n20 20\n"
        "时效指标 完成时间\n=2023 年 10\n月 31 日\n10\n10.0\n0\n"
        "满意度指标 >=95% =97.5% 20 18.5 对接平台\n总分 100 98.50 分\n"
    )
    model, found = _indicators(body)
    assert model.indicators_complete
    assert [(row.weight.text, row.score.text) for row in model.indicators] == [
        ("40", "40"), ("20", "20"), ("10", "10.00"), ("20", "18.5"),
    ]
    # the target and actual value read over the lines, the level labels dropped
    first = model.indicators[0]
    assert (first.name, first.target.text, first.actual.text, first.unit) == ("新疆金领技工学校", "221.25", "221.25", "万元")
    assert found == []
    # the table prints scores to two decimals ("10.00"), so its "40" is 40 to
    # that precision: a total 0.10 off is an error
    assert _indicators(body.replace("总分 100 98.50", "总分 100 98.60"))[1] == ["B108"]


def test_integer_scores_are_intervals_when_the_table_prints_no_decimals():
    text = (
        PERFORMANCE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10 分\n" + INDICATORS
        + "培训人次 >=100 人次 =120 人次 50 50\n满意度 >=90% =80% 40 30\n总分 100 {} 分\n"
    )
    # 10 + 50 + 30 = 90; each integer score may be rounded (±0.5), so up to 92 is possible
    assert codes(text.format("92"), "final_account") == []
    assert codes(text.format("93"), "final_account") == ["B108"]


def test_indicator_rows_printed_twice_count_once():
    row = "培训周期 >=60 天 =60 天 30 30\n"
    model, found = _indicators(row + row + "满意度\n有效\n60 55\n满意度\n有效\n60 55\n总分 100 95.00 分\n")
    assert model.indicators_complete and len(model.indicators) == 2 and found == []
    # doubled rows that disagree are not read as one
    model, _ = _indicators(row + row + "满意度\n有效\n60 55\n满意度\n有效\n60 50\n总分 100 95.00 分\n")
    assert not model.indicators_complete


def test_weight_before_actual_value_layout():
    header = "一级指标 二级指标 三级指标 预期指标值 指标值设定依据 分值权重 实际完成指标值 得分\n"
    body = "发布用工\n信息\n>=22300 条\n《通知》\n50 =25000 条 50\n求职登记 >=700 人 工作计划 40 =650 人 30\n总分 100 90.00 分\n"
    model, found = _indicators(body, header)
    assert model.indicators_complete
    assert [(row.weight.text, row.score.text) for row in model.indicators] == [("50", "50"), ("40", "30")]
    assert found == []


def test_an_unread_indicator_leaves_the_total_unchecked():
    # the second indicator's weight and score are not on one line: the weights
    # read (10 + 50) fall short of 100, so B108 says nothing, right or wrong
    model, found = _indicators("培训人次 >=100 人次 =120 人次 50 50\n满意度\n40\n中\n30\n总分 100 99.00 分\n")
    assert not model.indicators_complete and found == []
    # the funds sub-rows ("其中 … — — —") are money, never scores
    text = PERFORMANCE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n其中：当年财政拨款 18.00 6.92 6.92 — — —\n总分 100 10.00 分\n"
    (model,) = table_models(parse_text(text))
    assert model.indicators == [] and not model.indicators_complete


def test_weights_that_do_not_add_up_are_reported_only_when_every_line_is_read():
    body = "培训周期 >=60 天 =60 天 30 30\n满意度\n有效\n70 55\n总分 100 95.00 分\n"  # 10 + 30 + 70 = 110
    model, found = _indicators(body)
    assert not model.indicators_complete and found == ["B112"]
    # a line with a number the reader cannot place ("2024 年"): the missing or
    # extra weight may be there, so nothing is said
    assert _indicators(body.replace("满意度\n", "满意度\n2024 年\n"))[1] == []
    # the scores do not add up either (95 printed, 10 + 30 + 5 read): a row may be misread
    assert _indicators(body.replace("70 55", "70 5"))[1] == []
    # a note line of two small numbers taken for an indicator: its score 2 is
    # within the rounding of integer scores, but the printed sum is off, so
    # the reading is not trusted
    assert _indicators(body.replace("有效\n", "有效\n3 2\n"))[1] == []
    # every row printed twice, weights wrong once de-doubled: still reported once
    doubled = "培训周期 >=60 天 =60 天 30 30\n" * 2 + "满意度\n有效\n70 55\n" * 2 + "总分 100 95.00 分\n"
    assert _indicators(doubled)[1] == ["B112"]


def test_b106_compares_the_narrative_of_002_with_tables_of_the_same_scope():
    """002's 21 narrative figures (基本支出 / 项目支出 of all funds and of the
    一般公共预算, the three 类, the twelve 项, 人员经费 / 公用经费) are each
    compared with the tables of their own scope only, and agree."""
    from rules.tables.B106_text_against_tables import comparisons

    document = load_document(str(CORPUS[2]))
    found = list(comparisons(document))
    assert len(found) == 21
    assert all(any(v.interval.intersects(fact.quantity.interval) for v in values) for fact, _, values in found)
    # 项目支出 of all funds is 602.00 (表3), of the 一般公共预算 267.00 (表5)
    assert [[v.text for v in values] for fact, _, values in found if fact.label == "项目支出"] == [["602.00"], ["267.00"]]


FINAL_TABLE = (
    "一般公共预算财政拨款支出决算表\n单位：元\n科目编码 科目名称 合计 基本支出 项目支出\n"
    "合计 5,214,827.68 4,803,913.50 410,914.18\n205 教育支出 5,214,827.68 4,803,913.50 410,914.18\n"
    "205 02 普通教育 5,214,827.68 4,803,913.50 410,914.18\n205 02 03 初中教育 5,214,827.68 4,803,913.50 410,914.18\n"
)


@pytest.mark.parametrize("final, fired", [("5,214,827.68", []), ("5,241,827.68", ["B106"])])
def test_b106_compares_the_final_figure_of_a_final_account_item(final, fired):
    text = FINAL_TABLE + (
        "\n一、一般公共预算财政拨款支出决算情况说明\n\n（一）具体情况\n\n"
        f"1.教育支出（类）普通教育（款）初中教育（项）：年初预算为5,023,964.99元，支出决算为{final}元，"
        "完成年初预算的103.80%。\n"
    )
    assert codes(text, "final_account") == fired


def test_b106_does_not_compare_all_funds_with_a_general_budget_table():
    """The school's 本年支出 (all funds: 基本支出 4,991,606.76, 项目支出
    619,082.25) against a table of the 一般公共预算 only: different scopes."""
    text = FINAL_TABLE + (
        "\n一、支出决算情况说明\n\n本年支出合计5,610,689.00元，其中：基本支出4,991,606.76元，"
        "占本年支出合计的88.97%；项目支出619,082.25元，占本年支出合计的11.03%。\n"
        "\n二、一般公共预算财政拨款支出决算情况说明\n\n2024年度一般公共预算财政拨款支出5,214,827.68元，"
        "其中：基本支出4,803,913.50元，项目支出410,914.18元。\n"
    )
    assert codes(text, "final_account") == []
    assert codes(text.replace("项目支出410,914.18元", "项目支出401,914.18元"), "final_account") == ["B106"]


def test_funds_row_with_the_rate_before_the_weight():
    header = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 分值 得分\n"
    text = header + "年度资金总额 100.00 100.00 95.00 95.00% 10 9.50\n"
    (model,) = table_models(parse_text(text))
    (funds,) = model.funds
    assert (funds.rate.text, funds.weight.text, funds.score.text) == ("95.00%", "10", "9.50")
    assert codes(text, "final_account") == []
    assert codes(text.replace("95.00%", "96.00%"), "final_account") == ["B103"]


def test_codes_printed_without_spaces_in_a_table_in_yuan():
    text = classified(
        "合计 1,000,000.00 400,000.00 600,000.00\n214 交通运输支出 1,000,000.00 400,000.00 600,000.00\n"
        "21401 公路水路运输 1,000,000.00 400,000.00 600,000.00\n2140101 行政运行 400,000.00 400,000.00\n"
        "2140104 公路建设 600,000.00 600,000.00\n",
        unit="元",
    )
    (model,) = table_models(parse_text(text))
    assert [row.code for row in model.rows] == [None, "214", "214 01", "214 01 01", "214 01 04"]
    assert codes(text) == []
    wrong = text.replace("2140104 公路建设 600,000.00", "2140104 公路建设 650,000.00")
    document = parse_text(wrong, overrides=Overrides(kind="budget", year=2024))
    messages = [issue.message for issue in lint_document(document, TABLE_RULES) if issue.rule == "B101"]
    assert messages and "下级科目之和为 1050000.00" in messages[0]  # said in 元, as the table prints


def test_a_five_digit_number_opening_a_line_is_a_code_only_in_a_classified_table():
    # a performance target broken over lines ("34000" / "人" / "8") is no code
    text = "项目支出绩效目标表\n绩效指标 指标值\n计划标准\n34000\n人\n8\n"
    assert [m.kind for m in table_models(parse_text(text))] in ([], ["other"])


def test_dashes_in_empty_cells_and_rows_that_cannot_be_read():
    # "-" stands for an empty amount: the row is placed by position
    text = classified(
        "总计 300.00 200.00 100.00\n208 社会保障和就业支出 300.00 200.00 100.00\n"
        "208 05   行政事业单位养老支出 200.00 200.00 -\n208 99   其他社会保障和就业支出 100.00 — 100.00\n"
    )
    (model,) = table_models(parse_text(text))
    assert {k: v.text for k, v in model.rows[2].columns.items()} == {"合计": "200.00", "基本支出": "200.00", "项目支出": "-"}
    assert codes(text) == []
    # a coded row whose cells cannot be read keeps its parent from being summed
    unreadable = text.replace("208 99   其他社会保障和就业支出 100.00 — 100.00", "208 99   其他 100.00 社会保障 100.00")
    assert codes(unreadable) == []


def test_codes_in_brackets():
    text = classified("合计 30.00 20.00 10.00\n[208] 社会保障和就业支出 30.00 20.00 10.00\n[20801] 人力资源 30.00 20.00 10.00\n"
                      "[2080101] 行政运行 20.00 20.00 —\n[2080102] 一般行政管理事务 10.00 — 10.00\n")
    (model,) = table_models(parse_text(text))
    assert [row.code for row in model.rows] == [None, "208", "208 01", "208 01 01", "208 01 02"]
    assert codes(text) == [] and codes(text.replace("[2080102] 一般行政管理事务 10.00 — 10.00", "[2080102] 一般行政管理事务 12.00 — 12.00")) == ["B101", "B101"]


THREE_ACROSS = (
    "表7\n一般公共预算“三公”经费支出表\n单位：万元\n合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
    "小计 公务用车购置费 公务用车运行费\n{row}\n"
)


def test_the_three_public_table_laid_out_across():
    text = THREE_ACROSS.format(row="6.59 0.00 5.35 0.00 5.35 1.25")
    (model,) = table_models(parse_text(text))
    assert [(row.code, row.columns["合计"].text) for row in model.rows] == [
        ("total", "6.59"), ("travel", "0.00"), ("cars", "5.35"), ("purchase", "0.00"), ("running", "5.35"), ("hospitality", "1.25"),
    ]
    assert codes(text) == []
    assert codes(THREE_ACROSS.format(row="6.59 0.00 5.35 0.00 5.35 1.52")) == ["B107"]
    assert codes(THREE_ACROSS.format(row="6.60 0.00 5.35 0.50 5.35 1.25")) == ["B107"]  # 小计 ≠ 购置 + 运行
    # 公务接待费 before the vehicles: the columns follow the header
    before = THREE_ACROSS.replace("公务用车购置及运行费 公务接待费", "公务接待费 公务用车购置及运行费")
    assert codes(before.format(row="6.59 0.00 1.25 5.35 0.00 5.35")) == []


def test_an_economic_table_printed_two_column_groups_wide():
    text = (
        "表 6\n一般公共预算财政拨款基本支出决算表\n金额单位：万元\n人员经费 公用经费\n"
        "科目编码 科目名称 决算数 科目编码 科目名称 决算数\n"
        "301 工资福利支出 300.00 302 商品和服务支出 50.00\n"
        "30101 基本工资 200.00 30201 办公费 30.00\n30102 津贴补贴 100.00 30205 水费 20.00\n"
    )
    (model,) = table_models(parse_text(text))
    assert sorted(row.code for row in model.rows) == ["301", "301 01", "301 02", "302", "302 01", "302 05"]
    assert codes(text, "final_account") == []
    assert codes(text.replace("30201 办公费 30.00", "30201 办公费 35.00"), "final_account") == ["B101"]


def test_a_table_whose_title_repeats_on_the_next_page_is_one_table():
    text = classified(
        "总计 600.00 69.00 531.00\n208 社会保障和就业支出 600.00 69.00 531.00\n"
        "208 01   人力资源和社会保障管理事务 69.00 69.00\n208 01 01     行政运行 69.00 69.00\n"
        "- 5 -\n表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
        "208 99   其他社会保障和就业支出 531.00 531.00\n208 99 99     其他社会保障和就业支出 531.00 531.00\n"
    )
    (model,) = table_models(parse_text(text, overrides=Overrides(kind="budget", year=2024)))
    assert [row.code for row in model.rows][-1] == "208 99 99"
    assert codes(text) == []


def test_a_table_continued_under_its_number_alone_or_its_name_alone():
    first = "表5\n2025年一般公共预算支出表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    rows_1 = "合计 600.00 69.00 531.00\n208 社会保障和就业支出 600.00 69.00 531.00\n208 01   人力资源和社会保障管理事务 69.00 69.00\n"
    rows_2 = "208 99   其他社会保障和就业支出 531.00 531.00\n"
    for repeat in ("表5\n单位：万元\n", "2025年一般公共预算支出表\n单位：万元\n"):
        text = first + rows_1 + "- 5 -\n" + repeat + "功能分类科目名称 合计 基本支出 项目支出\n" + rows_2
        (model,) = [m for m in table_models(parse_text(text)) if m.kind == "classified"]
        assert model.rows[-1].code == "208 99"
        assert codes(text) == []
