"""Pairing in the narrative (issue 13 item 3) and the real-document classes
fixed with it, on short sentences in the wordings of the real documents.

Each case is a pair where possible: the wording that must stay silent (the
figures belong to different items, so no check) and the same wording with
a planted error that must still be reported.
"""

from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.pipeline import Overrides, parse_text
from linter.plugins import all_rules

RULES = all_rules()


def codes(text: str, kind: str = "final_account", year: int = 2024) -> list[str]:
    document = parse_text(text, overrides=Overrides(kind=kind, year=year))
    return [issue.rule for issue in lint_document(document, RULES) if issue.rule[0] in "NCTY"]


# A component's completion rate is against its own budget, not the 三公 total.
def test_component_rate_not_against_the_total_budget():
    text = ("“三公”经费年初预算为 20.00 万元，支出决算为 15.00 万元，完成年初预算的 75.00%，"
            "其中：公务接待费支出决算为 4.00 万元，完成年初预算的 80.00%。")
    assert "N107" not in codes(text)


def test_component_rate_against_its_own_budget_is_checked():
    good = ("“三公”经费年初预算为 20.00 万元，支出决算为 15.00 万元，完成年初预算的 75.00%；"
            "公务接待费年初预算为 5.00 万元，支出决算为 4.00 万元，完成年初预算的 80.00%。")
    assert "N107" not in codes(good)
    assert "N107" in codes(good.replace("80.00%", "70.00%"))


# A 项 named like its 款 is not its 款: each change is against its own figure.
def test_item_named_like_its_class_is_not_the_class():
    text = ("社会保障和就业支出（类）行政事业单位养老支出（款）100.00万元，比上年增加10.00万元，增长11.11%。"
            "行政事业单位养老支出（项）60.00万元，比上年增加6.00万元，增长11.11%。")
    assert "N102" not in codes(text)
    assert "N102" in codes(text.replace("增加6.00万元，增长11.11%", "增加6.00万元，增长15.11%"))


# Direction words do not pair across a "；" into the next item.
def test_direction_does_not_cross_a_semicolon():
    text = "公务接待费支出 4.00 万元，比上年增加 1.00 万元；公务用车运行维护费 10.00 万元，比上年下降 20.00%。"
    assert not {"N102", "N103", "N110"} & set(codes(text))


# A year-on-year rate in a final account is about the 决算, not the 年初预算.
def test_final_account_change_not_against_the_budget():
    text = ("一般公共预算财政拨款支出年初预算 100.00 万元，支出决算 150.00 万元，完成年初预算的 150.00%。"
            "与上年相比，财政拨款支出减少 10.00 万元，下降 6.25%。")
    assert "N102" not in codes(text)


def test_budget_change_from_last_years_budget_is_checked():
    text = "委托业务费财政拨款预算 1,391.68万元，比 2025 年预算增加 333.83 万元，增长 31.35%。"
    assert "N102" in codes(text, kind="budget", year=2026)
    assert "N102" not in codes(text.replace("31.35%", "31.56%"), kind="budget", year=2026)


# A share that names a part with no printed figure is not the last amount's share.
def test_share_naming_an_unprinted_part_is_not_checked():
    text = ("授予中小企业合同金额 1820.69 万元，其中：授予小微企业合同金额 1015.5 万元，占授予中小企业合同金额的 55.78%；"
            "货物采购授予中小企业合同金额占货物支出金额的 9.16%。")
    assert "N101" not in codes(text)
    assert "N101" in codes(text.replace("55.78%", "65.78%"))


# A bracket's full stop does not end the sentence: the list goes on after it.
def test_full_stop_inside_a_bracket():
    text = ("“三公”经费19.86万元，其中：因公出国（境）费5万元；公务用车购置及运行维护费6.7万元（公务用车购置费0万元，"
            "比上年增加0万元；公务用车运行维护费6.7万元，比上年减少2.3万元。）比上年减少2.3万元；公务接待费8.16万元，比上年增加1万元。")
    assert "N104" not in codes(text, kind="budget", year=2026)
    assert "N104" in codes(text.replace("公务接待费8.16万元", "公务接待费9.16万元"), kind="budget", year=2026)


# "、"-separated parts whose last one follows a "，".
def test_last_item_after_a_comma():
    text = ("本部门共有车辆 1 辆，其中，主要负责人用车 0 辆、机要通信用车 0 辆、离退休干部用车 0 辆，其他用车 1 辆；"
            "单价 100 万元（含）以上的设备 0 台（套）。")
    assert "N104" not in codes(text, kind="budget", year=2026)
    assert "N104" in codes(text.replace("其他用车 1 辆", "其他用车 2 辆"), kind="budget", year=2026)


# "；其中" after a run of figures may break down their total: not checked.
def test_qizhong_after_a_run_of_figures():
    text = ("政府采购预算总额 11884.37 万元：政府采购货物预算 2703.49 万元、政府采购工程预算 239.56 万元、政府采购服务预算 8941.32 万元；"
            "其中一般公共预算拨款政府采购 11307.34 万元：政府采购货物预算 2703.19 万元、政府采购工程预算 239.56 万元、"
            "政府采购服务预算 8364.59 万元。")
    assert "N104" not in codes(text, kind="budget", year=2026)


# One nudged share, one finding: raised to make up a shortfall is information;
# lowered beyond rounding is an error (and N105 does not say "within rounding").
def test_share_raised_to_make_100_is_information_only():
    text = "本年支出合计 15897.44 万元，其中：基本支出 7877.76 万元，占 49.55%；项目支出 6333.96 万元，占 39.84%；机动经费 1685.72 万元，占 10.61%。"
    found = codes(text, kind="budget")
    assert "N101" not in found and found.count("N105") == 1


def test_share_lowered_beyond_rounding_is_an_error_only():
    text = "支出 5,876.67 万元，其中：人员支出 2,906.80 万元，占 49.4%；日常公用支出 838.27 万元，占 14.3%；项目支出 2,131.61 万元，占 36.3%。"
    found = codes(text, kind="budget")
    assert "N101" in found and "N105" not in found


@pytest.mark.parametrize("text", [
    "与上年相比增加（减少）0万元，增长（减少）0%。",
    "比 2023 年度减少 0.15 万元，下降（增长）27.78%。",
    "财政拨款收入支出增加（减少）的主要原因是业务量增加。",
    "商品和服务支出 5 万元（按“部门预算公开06表”中实际发生经济分类支出事项填写）。",
    "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：\n说明：本单位没有政府性基金收入。",
])
def test_template_leftovers(text):
    assert codes(text) == ["T101"]


def test_template_leftover_repeated_is_one_issue():
    text = "收入增加（减少）0万元。\n\n支出增加（减少）0万元。\n\n结转增加（减少）0万元。"
    assert codes(text, kind="budget") == ["T101"]


def test_signed_figures_make_the_alternative_a_convention():
    text = "收入比上年增加（减少）-98.74万元，增长（下降）-7.86%。支出比上年增加（减少）15.96万元，增长（下降）21.27%。"
    assert "T101" not in codes(text, kind="budget")


def test_explanation_label_with_content_below_is_not_empty():
    assert "T101" not in codes("说明：\n1、本年预算数的单位范围包括部门本级。\n2、实有人员72人。", kind="budget")
    assert "T101" in codes("比上年增加 1.00 万元，主要原因是：。", kind="budget")


def test_office_list_across_a_page_break():
    text = "本单位下设 4 个处室：办公室、机关党委\n\n（人事处）、法规税政处、预算处；1 个参公单位。"
    assert "C101" not in codes(text, kind="budget")
    assert "C101" in codes(text.replace("下设 4 个", "下设 6 个"), kind="budget")


# "50 万元以上设备": a size class is a label, so its count's 其中 is checked.
def test_size_class_is_a_label_not_a_figure():
    text = "单位价值 50 万元以上设备 8 台，其中，单位价值 100 万元以上设备 5 台。"
    assert "N104" not in codes(text, kind="budget", year=2025)
    assert "N104" in codes(text.replace("设备 5 台", "设备 15 台"), kind="budget", year=2025)


# The base of a comparison in a budget is last year's budget.
def test_comparison_with_this_years_budget_in_a_budget():
    text = "一般公共预算拨款支出预算 3,121.42 万元，比2025年预算增加 793.14 万元。"
    assert "Y101" not in codes(text, kind="budget", year=2026)
    assert "Y101" in codes(text.replace("比2025年", "比2026年"), kind="budget", year=2026)
    # a table header wrapped onto the next line ("2026年预算数比\n2026年预算数比") is not a comparison
    assert "Y101" not in codes("2026年预算数比\n2026年预算数比\n2025年执行数", kind="budget", year=2026)


def test_letter_inside_a_year():
    assert "T101" in codes("2026A 年，本局主要任务是：推进医保改革。", kind="budget", year=2026)
    assert "T101" not in codes("2026 年，本局主要任务是：推进医保改革。", kind="budget", year=2026)
