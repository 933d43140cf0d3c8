"""The prose fact handlers (linter/facts/handlers/), one claim kind at a time,
on short sentences: what each produces — a share's part, total and percent,
a breakdown's parts, a change's subject and base — not merely that it runs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from linter.facts.clause import parse_clause
from linter.facts.handlers.amount import aggregate_label, paid_in_full
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.carried import continued_list
from linter.facts.handlers.identities import identity_part, is_complete
from linter.facts.handlers.prior import is_prior
from linter.facts.handlers.variance import said_less
from linter.facts.lexer import clauses, tokenize
from linter.facts.model import (
    Amount,
    Breakdown,
    Change,
    Completion,
    EvaluationSummary,
    Expression,
    RunningCostsDefined,
    Share,
    Variance,
)
from linter.pipeline import Overrides, parse_text
from linter.sourcemap import Span


def _document(text: str, **overrides):
    return parse_text(text, overrides=Overrides(**overrides) if overrides else None)


def facts(text: str, fact_type: type, **overrides) -> list:
    return _document(text, **overrides).facts.of(fact_type)


def _clause(text: str):
    """The first clause of ``text``, parsed."""
    return parse_clause(clauses(tokenize(text))[0][0])


def _amount_texts(amounts) -> list[str]:
    return [a.quantity.text for a in amounts]


# -- amount ------------------------------------------------------------------


def test_an_amount_has_its_label_key_role_and_value_in_wan():
    (amount,) = facts("本年收入合计 430.23 万元。", Amount)
    assert (amount.label, amount.key, amount.role) == ("本年收入合计", "本年收入", "amount")
    assert amount.quantity.value == Decimal("430.23") and amount.quantity.unit == "万元"


def test_an_amount_in_yuan_is_read_in_wan_and_remembers_how_it_was_printed():
    (amount,) = facts("政府采购 352,506.40元。", Amount)
    assert amount.quantity.value == Decimal("35.250640")
    assert amount.quantity.printed_in_yuan and amount.quantity.is_money


def test_a_count_has_the_count_role_and_an_exact_value():
    (amount,) = facts("实有人数 17 人。", Amount)
    assert amount.role == "count" and amount.quantity.unit == "人"
    assert amount.quantity.interval.lo == amount.quantity.interval.hi == 17
    assert not amount.quantity.is_money


def test_budget_and_final_figures_have_their_roles_and_full_labels():
    budget, final = facts("年初预算为6.91万元，支出决算为14.88万元。", Amount)
    assert (budget.role, budget.label) == ("budget", "年初预算为")
    assert (final.role, final.label) == ("final", "支出决算为")


def test_last_years_figure_is_prior_and_becomes_the_base_of_the_change():
    current, prior = facts("公务接待费0.69万元，上年为0.87万元，减少0.18万元。", Amount)
    assert (current.role, prior.role) == ("amount", "prior")
    (change,) = facts("公务接待费0.69万元，上年为0.87万元，减少0.18万元。", Change)
    assert change.subject.quantity.text == "0.69万元" and change.previous.quantity.text == "0.87万元"


def test_a_figure_of_the_year_before_the_report_is_prior():
    assert is_prior(_clause("2023年度收入总计530.98万元"), 2024)
    assert not is_prior(_clause("2024年度收入总计587.95万元"), 2024)
    assert not is_prior(_clause("2023年结转和结余 5.00万元"), 2024)  # a carry-over is this year's
    assert is_prior(_clause("上年预算数为31.61万元"), None)


def test_a_rough_figure_is_approx_and_opens_no_list():
    text = "本年支出合计约500万元，其中：基本支出300.12万元，项目支出210.35万元。"
    roles = [a.role for a in facts(text, Amount)]
    assert roles == ["approx", "amount", "amount"]
    assert facts(text, Breakdown) == []


@pytest.mark.parametrize(
    "text, rough",
    [("约500万元", True), ("近 300万元", True), ("500万元左右", True), ("超过1亿元", True),
     ("500万元", False), ("支出为500万元", False)],
)
def test_approximate_words_before_or_after_the_figure(text, rough):
    clause = _clause(text)
    token = clause.first("AMOUNT")
    assert is_approximate(text, clause, token) is rough


def test_paid_in_full_is_said_right_after_the_figure_without_a_break():
    text = "380.55 万元免住宿费经费全部足额、按时拨付到位"
    assert paid_in_full(text, len("380.55 万元"))
    assert not paid_in_full("380.55 万元，经费全部拨付到位", len("380.55 万元"))  # a clause break between
    (amount,) = facts("项目按规定落实，61.15 万元补助资金已全额发放。", Amount)
    assert amount.paid_in_full


def test_an_aggregate_label_is_long_and_names_a_total_or_a_fiscal_aggregate():
    assert aggregate_label("2024年度一般公共预算财政拨款基本支出", None) == "一般公共预算财政拨款基本支出"
    assert aggregate_label("项目支出", None) == ""  # short and generic
    assert aggregate_label("某某单位本年支出情况说明", None) == ""  # long, but no total
    assert aggregate_label("北京市审计局财政拨款支出总计", "北京市审计局") == "财政拨款支出总计"


# -- share -------------------------------------------------------------------


def test_a_share_is_of_the_head_of_its_list():
    text = "本年支出 427.08 万元，其中：基本支出 295.95 万元，占 69.30%；项目支出 131.13 万元，占 30.70%。"
    first, second = facts(text, Share)
    assert (first.part.label, first.total.label, first.percent.text) == ("基本支出", "本年支出", "69.30%")
    assert (second.part.quantity.text, second.total.quantity.text, second.percent.text) == ("131.13 万元", "427.08 万元", "30.70%")
    assert first.total_label is None


def test_a_share_of_a_named_total_finds_that_total():
    text = "一般公共预算财政拨款支出 1,286.27 万元。\n\n教育支出 1,286.27 万元，占一般公共预算财政拨款支出的 100.00%。"
    (share,) = facts(text, Share)
    assert share.total_label == "一般公共预算财政拨款支出"
    assert share.total.span.start < share.part.span.start and share.part.label == "教育支出"


def test_a_named_total_stated_twice_with_two_values_is_not_guessed():
    text = "项目支出 372.04万元。\n\n三、一般公共预算\n\n项目支出 329.65万元。\n\n项目资金 329.65万元，占项目支出的 88.61%。"
    (share,) = facts(text, Share)
    assert share.total is None


def test_respective_shares_pair_with_the_amounts_in_order():
    text = ("一般公共预算财政拨款支出1,649.71万元。社会保障和就业支出（类）、卫生健康支出（类）、住房保障支出（类）"
            "分别支出1,138.83万元、233.29万元、277.60万元，分别占一般公共预算财政拨款支出的69.03%、14.14%、16.83%。")
    shares = facts(text, Share)
    assert [(s.part.quantity.text, s.percent.text) for s in shares] == [
        ("1,138.83万元", "69.03%"), ("233.29万元", "14.14%"), ("277.60万元", "16.83%")
    ]
    assert all(s.total.quantity.text == "1,649.71万元" for s in shares)


def test_a_share_whose_part_is_named_not_printed():
    text = "本年支出 1,337.68万元，其中：基本支出 965.63万元，项目支出 372.04万元。\n\n项目支出占本年支出的比重为 37.81%。"
    (share,) = facts(text, Share)
    assert share.part.quantity.text == "372.04万元" and share.total.quantity.text == "1,337.68万元"


def test_shares_of_a_long_list_resolve_in_linear_work():
    """3,000 parts, each with its share, in one sentence: every share is of
    the list's head, and the parts are looked at a bounded number of times
    each (a membership test by equality over the list, as before, compares
    each share's part with all the parts: millions of comparisons)."""
    n = 3000
    body = "，".join(f"项目{i}支出 1.00万元，占 {100 / n:.4f}%" for i in range(n))
    document = _document(f"本年支出 {n}.00 万元，其中：{body}。")
    compared = 0
    original_eq = Amount.__eq__

    def counting_eq(self, other):
        nonlocal compared
        compared += 1
        return original_eq(self, other)

    Amount.__eq__ = counting_eq
    try:
        shares = document.facts.of(Share)
    finally:
        Amount.__eq__ = original_eq
    (breakdown,) = document.facts.of(Breakdown)
    assert len(breakdown.parts) == n and len(shares) == n
    assert all(share.total is breakdown.total and breakdown.holds(share.part) for share in shares)
    assert compared < n  # identity, not equality
    assert breakdown.parts_low() == sum((p.quantity.interval.lo for p in breakdown.parts), Decimal(0))


# -- change ------------------------------------------------------------------


def test_a_change_amount_and_its_rate_make_one_change_about_the_figure_before():
    (change,) = facts("本年支出 4,388.99 万元，比上年减少 5,013.95 万元，下降 53.31%。", Change)
    assert (change.direction, change.rate_direction, change.base) == ("dec", "dec", "比上年")
    assert change.amount.text == "5,013.95 万元" and change.rate.text == "53.31%"
    assert change.subject.quantity.text == "4,388.99 万元" and change.words == ("减少", "下降")
    assert not change.against_budget


def test_a_rate_before_its_amount_is_one_change():
    (change,) = facts("增长 8.30%，增加 54.84 万元。", Change)
    assert change.words == ("增加", "增长") and change.amount.text == "54.84 万元" and change.rate.text == "8.30%"
    assert change.subject is None  # nothing before it to be about


def test_a_change_named_by_its_subject():
    text = "收入总计 434.50 万元。支出总计 434.50 万元。\n\n收入支出总体与上年相比，减少 71.40 万元，下降 14.11%。"
    (change,) = facts(text, Change)
    # the comparison is a clause of its own: it names the subject, the change has no base words
    assert change.subject.label == "收入总计" and change.base == ""


def test_a_change_against_the_budget_takes_the_budget_as_its_base():
    text = "行政运行（项）：年初预算为220.72万元，支出决算为272.30万元，较年初预算增加51.58万元。"
    (change,) = facts(text, Change)
    assert change.against_budget
    assert change.subject.role == "final" and change.previous.role == "budget"


def test_a_variance_word_after_a_change_against_the_budget_is_its_rate():
    (change,) = facts("财政拨款支出1,590.70万元，较年初预算增加235.51万元，超出预算17.38%。", Change)
    assert change.rate.text == "17.38%" and change.rate_direction == "inc" and change.words[-1] == "超出预算"
    assert facts("财政拨款支出1,590.70万元，较年初预算增加235.51万元，超出预算17.38%。", Variance) == []


def test_a_change_called_no_change():
    (change,) = facts("本年支出 100.00 万元，比上年增加 10.00 万元，持平。", Change)
    assert (change.direction, change.rate_direction) == ("inc", "flat")
    (flat,) = facts("本年支出 5.00 万元，与上年持平。", Change)
    assert (flat.direction, flat.amount, flat.base) == ("flat", None, "与上年")


# -- breakdown ---------------------------------------------------------------


def test_a_breakdown_of_an_identity_is_complete():
    text = "2024年度收入总计434.50万元，其中：本年收入合计430.23万元，使用非财政拨款结余0.00万元，年初结转和结余4.27万元。"
    (breakdown,) = facts(text, Breakdown)
    assert breakdown.total.label == "收入总计"  # the year is not part of the label
    assert _amount_texts(breakdown.parts) == ["430.23万元", "0.00万元", "4.27万元"]
    assert breakdown.complete and not breakdown.nested


def test_a_list_of_other_parts_is_partial():
    (breakdown,) = facts("项目支出 100.00 万元，其中：培训费 60.00 万元、差旅费 30.00 万元。", Breakdown)
    assert _amount_texts(breakdown.parts) == ["60.00 万元", "30.00 万元"] and not breakdown.complete


def test_counts_and_values_are_broken_down_in_parallel():
    text = "车辆 2辆，价值 41.02万元；其中：一般公务用车 2辆，价值 41.02万元；其他车辆 0辆，价值 0.00万元。"
    by_unit = {b.total.quantity.unit: b for b in facts(text, Breakdown)}
    assert _amount_texts(by_unit["辆"].parts) == ["2辆", "0辆"]
    assert _amount_texts(by_unit["万元"].parts) == ["41.02万元", "0.00万元"]


def test_a_stronger_separator_ends_the_list():
    text = "基本支出431.97万元，占55.13%，其中人员经费389.29万元、公用经费42.68万元；项目支出351.57万元，占44.87%。"
    (breakdown,) = facts(text, Breakdown)
    assert _amount_texts(breakdown.parts) == ["389.29万元", "42.68万元"] and breakdown.of_basic_spending


def test_a_bracket_details_a_part_and_the_list_goes_on_after_it():
    text = ("“三公”经费预算3.40万元，其中：因公出国（境）费0.00万元；公务用车购置及运行维护费3.01万元（公务用车购置费0.00万元，"
            "公务用车运行维护费3.01万元）；公务接待费0.40万元。")
    (breakdown,) = facts(text, Breakdown, kind="budget", year=2025)
    assert _amount_texts(breakdown.parts) == ["0.00万元", "3.01万元", "0.40万元"] and breakdown.complete


def test_an_enumeration_intro_opens_a_breakdown_of_the_figure_before():
    text = "一般公共预算财政拨款支出4,984.93万元，主要用于以下方面：社会保障和就业（类）支出3,275.07万元，占65.70%；教育（类）支出232.64万元，占4.67%。"
    (breakdown,) = facts(text, Breakdown)
    assert breakdown.total.quantity.text == "4,984.93万元" and len(breakdown.parts) == 2


def test_a_list_left_open_at_a_paragraph_end_takes_the_next_paragraphs_leading_parts():
    text = "部门收入预算 1,050.52万元，其中：\n\n一般公共预算 715.52万元，占 68.11%。\n\n政府性基金 335.00万元，占 31.89%。"
    (breakdown,) = facts(text, Breakdown, kind="budget")
    assert _amount_texts(breakdown.parts) == ["715.52万元", "335.00万元"]


def test_a_carried_list_is_not_continued_by_a_part_named_again():
    head = Amount("本年支出", "本年支出", None, "amount")  # quantity unused here
    part = Amount("基本支出", "基本支出", None, "amount")
    open_list = Breakdown(head, [part], False)
    again = [parse_clause(c) for c in clauses(tokenize("基本支出 5.00万元，占 1.00%"))[0]]
    assert continued_list(open_list, again, None) is None
    no_amount = [parse_clause(c) for c in clauses(tokenize("详见下表"))[0]]
    assert continued_list(open_list, no_amount, None) is None


def test_identities():
    assert identity_part("基本支出", "人员经费") and not identity_part("基本支出", "培训费")
    (breakdown,) = facts("基本支出 10.00 万元，其中：人员经费 3.33 万元、公用经费 6.66 万元。", Breakdown)
    assert is_complete(breakdown)
    breakdown.nested = True
    assert not is_complete(breakdown)


# -- budget against final ----------------------------------------------------


def test_a_variance_rate_and_wording_between_the_budget_and_the_final():
    text = "年初预算数 100.00 万元，决算数 90.00 万元，预决算差异率-10.00%，决算数小于预算数。"
    rate, wording = facts(text, Variance)
    assert (rate.budget.quantity.text, rate.final.quantity.text, rate.rate.text) == ("100.00 万元", "90.00 万元", "-10.00%")
    assert rate.said_less and rate.claim is None
    assert (wording.relation, wording.claim, wording.rate) == ("小于", "less", None)


def test_a_wording_with_the_budget_first_is_read_the_other_way_round():
    (wording,) = facts("年初预算数 100.00 万元，决算数 90.00 万元，预算数大于决算数。", Variance)
    assert (wording.relation, wording.claim) == ("小于", "less")


def test_said_less_reads_only_the_sentence_of_the_rate():
    text = "支出减少。年初预算为512.34万元，决算数为430.55万元，预决算差异率为15.96%。"
    start = text.index("15.96%")
    assert not said_less(text, Span(start, start + 6))
    assert said_less(text + "决算数小于预算数。", Span(start, start + 6)) is False  # the next sentence
    assert said_less(text[:-1] + "，决算数小于预算数。", Span(start, start + 6))


def test_a_completion_rate_with_figures_named_by_their_labels():
    (completion,) = facts("行政运行（项）：年初预算369.16万元，支出决算339.74万元，完成年初预算的97.03%。", Completion)
    assert completion.budget.quantity.text == "369.16万元" and completion.final.quantity.text == "339.74万元"
    assert completion.rate.text == "97.03%"


def test_a_public_budget_is_not_a_budget_figure():
    text = "一般公共预算 300.00万元，政府性基金 100.00万元，支出决算为 380.00万元，完成预算的 95.00%。"
    assert facts(text, Completion) == []


# -- expression, document facts -----------------------------------------------


def test_an_expression_with_factors_in_yuan():
    (expression,) = facts("伙食费按 200元/人/天*15人*30天=9万元 测算。", Expression)
    assert [f.value for f in expression.factors] == [200, 15, 30]
    assert expression.result.value == 9 and expression.money_factor == Decimal("0.0001")


def test_a_definition_of_running_costs():
    assert facts("机关运行经费：指财政拨款基本支出中的公用经费支出。", RunningCostsDefined)
    assert facts("机关运行经费 12.00 万元。", RunningCostsDefined) == []


SUMMARY = (
    "（二）项目绩效自评结果\n\n就业技能培训项目绩效自评综述：项目全年预算数 92.21 万元，执行数 85.99 万元。"
    "项目绩效自评得分 96.83 分。\n项目支出绩效自评表\n项目名称 就业技能培训项目\n"
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 92.21 92.21 85.99 10 93.25% 9.33\n"
    "产出指标 数量指标 培训人次 ≥1000人次 1433人次 90 87.50\n总分 100 96.83\n"
)


def test_an_evaluation_summary_names_its_project_and_states_its_figures():
    (summary,) = facts(SUMMARY, EvaluationSummary, kind="final_account")
    assert summary.table.kind == "performance"
    assert [(measure, fact.quantity.text) for measure, fact in summary.figures] == [
        ("budget", "92.21 万元"), ("spent", "85.99 万元")
    ]
    assert [score.text for score in summary.scores] == ["96.83"]


def test_a_paragraph_naming_no_project_of_a_table_is_no_summary():
    text = SUMMARY.replace("就业技能培训项目绩效", "职业培训补贴项目绩效")
    assert facts(text, EvaluationSummary, kind="final_account") == []


# -- the clause grammar names the phrasing ------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("超出预算17.38%", "over_budget"),
        ("低于年初预算8.20%", "under_budget"),
        ("预决算差异率为15.96%", "variance"),
        ("决算数小于预算数", "relation"),
        ("预算数大于决算数", "relation_budget_first"),
        ("完成年初预算的97.03%", "completion"),
        ("比上年增加 2 人", "change_amount"),
        ("占本年支出合计的 30.70%", "share"),
    ],
)
def test_clause_kinds(text, kind):
    assert _clause(text).kind == kind


def test_a_rate_under_the_budget_after_a_change_against_it_is_a_fall():
    text = "财政拨款支出9.18万元，较年初预算减少0.82万元，低于预算8.20%。"
    (change,) = facts(text, Change)
    assert (change.direction, change.rate_direction, change.rate.text) == ("dec", "dec", "8.20%")
    assert change.words == ("减少", "低于预算")


def test_document_facts_show_in_one_line():
    (summary,) = facts(SUMMARY, EvaluationSummary, kind="final_account")
    assert summary.text == "项目支出绩效自评表: budget 92.21 万元, spent 85.99 万元, score 96.83"
    (defined,) = facts("机关运行经费：指财政拨款基本支出中的公用经费支出。", RunningCostsDefined)
    assert "公用经费" in defined.text
