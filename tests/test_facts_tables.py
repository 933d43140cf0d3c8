"""Narrative inside table cells (performance self-evaluations) is read as prose."""

from __future__ import annotations

from linter.engine import lint_document
from linter.pipeline import Overrides, parse_text
from linter.plugins import all_rules


def test_prose_rows_of_a_table_are_facts():
    text = (
        "十一、预算绩效的情况说明\n\n具体附自评表。\n"
        " 部门整体支出绩效自评表\n"
        "预期目标 实际完成情况\n"
        "2023 年我单位全年预算数为 724.95 万元，全年执行数为\n"
        "714.47 万元，总预算执行率为 99.86%，主要完成了以下工\n"
        "作：开展公共就业服务。\n"
        "年度资金总额 724.95 724.95 714.47 10 98.55% 9.86 分\n"
    )
    document = parse_text(text, overrides=Overrides(kind="final_account", year=2023))
    assert len(document.tables()) == 1
    (completion,) = [fact for fact in document.facts if fact.kind == "completion"]
    assert (completion.budget.quantity.text, completion.final.quantity.text) == ("724.95 万元", "714.47 万元")
    issues = lint_document(document, [r for r in all_rules() if r.code == "N107"])
    assert [(i.rule, i.line, i.actual) for i in issues] == [("N107", 7, "99.86%")]
