"""The scope of a figure — its funds, stage, other year, the subject it
names — for a narrative amount (document.facts.scope_of) and for a table
(TableModel properties), and the counts of evaluated projects."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from linter.facts.model import Amount
from linter.facts.scope import funds_named, stage_named, subject_key
from linter.pipeline import Overrides, parse_text

NARRATIVE = (
    "一、一般公共预算拨款情况说明\n\n（一）具体使用情况\n\n"
    "1、社会保障和就业支出（类）：上年预算数为 600.00万元，2024年预算数为 654.95万元。\n\n"
    "二、收支预算总体情况\n\n2024年部门预算支出总计 1,050.52万元，其中：基本支出 448.52万元，项目支出 602.00万元。\n"
)


def document(text: str, kind: str = "budget"):
    return parse_text(text, overrides=Overrides(kind=kind, year=2024))


def test_the_vocabulary_of_scope():
    assert subject_key("社会保障和就业（类）") == subject_key("2024年社会保障和就业支出") == "社会保障和就业"
    assert subject_key("基本支出") == "基本支出"  # a column keeps its name
    assert funds_named("一般公共预算财政拨款支出决算") == "general"  # not 财政拨款
    assert funds_named("财政拨款收入") == "fiscal"
    assert funds_named("一般公共预算和政府性基金预算") == "mixed"
    assert funds_named("部门支出") is None
    assert stage_named("一般公共预算支出决算", None) == "final"
    assert stage_named("一般公共预算支出", "final") == "final"  # a budget's name says no stage
    assert stage_named("预算数为", "final") == "budget"


def test_the_scope_of_narrative_amounts():
    doc = document(NARRATIVE)
    scopes = {a.quantity.text: doc.facts.scope_of(a) for a in doc.facts.of(Amount)}
    prior, this_year, total, basic = (scopes[t] for t in ("600.00万元", "654.95万元", "1,050.52万元", "448.52万元"))
    assert prior.other_year and not this_year.other_year  # 上年预算数
    assert (this_year.funds, this_year.stage) == ("general", "budget")  # from the heading 一般公共预算拨款…
    assert this_year.item_subject == "社会保障和就业支出" and this_year.named_subject is None
    assert (total.funds, total.stage, total.named_subject) == ("all", "budget", None)  # 支出总计 under 收支预算总体情况
    assert (basic.funds, basic.named_subject) == ("all", "基本支出")
    assert all(scope.money and not scope.in_table for scope in scopes.values())
    assert doc.facts.scope_of(next(iter(doc.facts.of(Amount)))) is prior  # computed once per amount


def test_an_amount_inside_a_table_is_not_the_narrative():
    text = (
        " 部门整体支出绩效自评表\n预期目标 实际完成情况\n2023 年我单位全年预算数为 724.95 万元，全年执行数为 714.47 万元。\n"
        "年度资金总额 724.95 724.95 714.47 10 98.55% 9.86 分\n\n一、收支总体情况\n\n本年支出合计 800.00 万元。\n"
    )
    doc = parse_text(text, overrides=Overrides(kind="final_account", year=2023))
    inside = {a.quantity.text: doc.facts.scope_of(a).in_table for a in doc.facts.of(Amount)}
    assert inside == {"724.95 万元": True, "714.47 万元": True, "800.00 万元": False}


def _table(title: str, kind: str = "budget"):
    text = f"{title}\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n总计 10.00 10.00\n201 一般公共服务支出 10.00 10.00\n"
    (model,) = document(text, kind).facts.tables()
    return model


def test_the_scope_of_tables_from_their_titles():
    final = _table("一般公共预算财政拨款支出决算表", kind="final_account")
    assert (final.scope, final.stage, final.income_only, final.part_of_spending) == ("general", "final", False, False)
    whole = _table("表 3\n部门支出总体情况表")
    assert (whole.scope, whole.stage) == ("all", "budget")  # the stage of a budget document
    assert _table("表 4\n财政拨款收入预算表").income_only
    assert not _table("表 1\n财政拨款收支总表").income_only
    assert _table("表 6\n一般公共预算基本支出情况表").part_of_spending
    assert _table("表 8\n一般公共预算和政府性基金预算支出表").scope is None  # mixed: unclear


def test_counts_of_evaluated_projects_and_the_rest_of_their_sentence():
    text = "十一、预算绩效的情况说明\n\n本单位预算绩效评价项目 2 个，全年预算数 87.81 万元，全年执行数 87.81 万元。另有 3 个。\n"
    doc = document(text, kind="final_account")
    (claim,) = doc.facts.evaluated_projects()
    assert claim.count == 2
    assert doc.text[claim.span.start:claim.span.end] == "，全年预算数 87.81 万元，全年执行数 87.81 万元"
    assert [(a.role, a.quantity.text) for a in doc.facts.within(claim.span, Amount)] == [
        ("budget", "87.81 万元"),
        ("final", "87.81 万元"),
    ]


_OLD_LAST_SUBJECT = re.compile(r"([^()（）]+)[(（](?:类|款|项)[)）][^()（）]*$")


@given(
    st.lists(
        st.sampled_from(["(", ")", "（", "）", "类", "款", "项", "行政运行", "支出", " "]),
        max_size=14,
    )
)
def test_last_subject_reads_titles_as_the_quadratic_pattern_did(pieces):
    from linter.facts.scope import last_subject

    title = "".join(pieces)
    match = _OLD_LAST_SUBJECT.search(title)
    assert last_subject(title) == (match.group(1) if match else None)


def test_last_subject_of_an_item_title():
    from linter.facts.scope import last_subject

    assert last_subject("1.一般公共服务支出（类）审计事务（款）行政运行（项）") == "行政运行"
    assert last_subject("（一）行政运行（项）说明（附表）") is None
