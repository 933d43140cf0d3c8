"""Number rules: the complete expected issue list per corpus document (each
entry justified by hand, see docs/corpus-review/), and snippets for phrasings
the corpus does not contain."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from linter.engine import lint_document
from linter.pipeline import Overrides, load_document, parse_text
from linter.plugins import all_rules

NUMBER_RULES = [rule for rule in all_rules() if rule.code.startswith("N")]

# (rule, line, column, severity, printed value) — and why it is right.
EXPECTED = {
    "000": [],  # all 18 shares, 12 changes, 18 sums, 7 variances hold (docs/corpus-review/000_…md)
    "001": [],  # the narrative is clean; 5,455.47 vs 5,455.45 etc. hold only thanks to rounding
    "002": [
        # 五（二）: 654.95/715.52 = 91.53%, printed 91.54% so that 91.54+3.38+5.08 = 100.00
        ("N105", 922, 26, "info", "91.54%"),
        # 七（四）: 200元/人/天 × 15人 × 30天 = 90,000元 = 9 万元, printed 3万元
        ("N108", 1116, 42, "error", "3万元"),
        # 十二（三）: 车辆 2辆，其中：一般公务用车 2辆、执法执勤用车 0辆、其他车辆 1辆 — 2+0+1 = 3
        ("N104", 1256, 6, "error", "2辆"),
    ],
    "003": [
        # 减少 5,013.95 on a current 4,388.99: 5013.95/9402.94 = 53.32%, printed 53.31%
        ("N102", 138, 1, "error", "53.31%"),
    ],
    "004": [
        # 整体支出绩效自评表 text: 全年执行数 714.47 / 全年预算数 724.95 = 98.55%, printed
        # 99.86% (the table's own 执行率 row says 98.55%; 99.86 is its 总分)
        ("N107", 518, 19, "error", "99.86%"),
    ],
}


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_corpus_number_issues_are_exactly_the_reviewed_ones(path):
    document = load_document(str(path))
    issues = lint_document(document, NUMBER_RULES)
    got = [(i.rule, i.line, i.column, i.severity, i.actual) for i in issues]
    assert got == EXPECTED[path.stem[:3]]


# What facts each corpus document yields — every share with its part and
# total, every change with its subject and base, every breakdown with its parts
# — is compared line by line with hand-reviewed golden files in
# tests/test_golden_facts.py (tests/golden/*.facts), not counted here.


def codes(text: str, kind: str = "final_account") -> list[str]:
    document = parse_text(text, overrides=Overrides(kind=kind, year=2024))
    return [issue.rule for issue in lint_document(document, NUMBER_RULES)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # comparison bases
        ("一般公共预算 715.52万元，比上年预算增加 54.84万元，增长 8.30%。", []),
        ("一般公共预算 715.52万元，比上年预算增加 54.84万元，增长 9.30%。", ["N102"]),
        ("项目支出 602.00万元，较上年减少 155.67万元，下降 20.55%。", []),
        ("项目支出 602.00万元，较上年减少 155.67万元，下降 25.55%。", ["N102"]),
        ("项目支出 602.00万元，与上年相比减少 155.67万元，降幅 20.55%。", []),
        ("项目支出 602.00万元，与 2023 年度相比，减少 155.67万元，降幅 25.55%。", ["N102"]),
        ("项目支出 602.00万元，比 2023 年度减少 155.67万元，下降 20.55%。", []),
        ("项目支出 602.00万元，同比减少 155.67万元，下降 20.55%。", []),
        ("基本支出 448.52万元，同比增加 116.84万元，增幅 35.23%。", []),
        ("基本支出 448.52万元，同比增加 116.84万元，增幅 53.23%。", ["N102"]),
        # the rate before the amount
        ("基本支出 448.52万元，比上年增长 35.23%，增加 116.84万元。", []),
        ("基本支出 448.52万元，比上年增长 53.23%，增加 116.84万元。", ["N102"]),
        ("基本支出 448.52万元，比上年下降 35.23%，增加 116.84万元。", ["N103"]),
        # shares
        ("本年支出 427.08 万元，其中：基本支出 295.95 万元，占比为 69.30%；项目支出 131.13 万元，占比为 30.70%。", []),
        ("本年支出 427.08 万元，其中：基本支出 295.95 万元，占比为 96.30%；项目支出 131.13 万元，占比为 30.70%。", ["N101", "N105"]),
        ("本年支出 427.08 万元。基本支出 295.95 万元，占本年支出的比重为 69.30%。", []),
        ("本年支出 427.08 万元。基本支出 295.95 万元，占本年支出的比重为 59.30%。", ["N101"]),
        ("本年支出 427.08 万元，其中：基本支出 295.95 万元，所占比例为 69.30%；项目支出 131.13 万元，所占比例为 30.70%。", []),
        ("本年支出 427.08 万元，其中：基本支出 295.95 万元，所占比例为 60.30%；项目支出 131.13 万元，所占比例为 30.70%。", ["N101", "N105"]),
        ("本年支出 427.08 万元，其中：基本支出 295.95 万元，占比重 69.30%；项目支出 131.13 万元，占比重 30.70%。", []),
        # thousands separators with and without, and a full-width comma inside a number
        ("收入总计 9,308.09 万元，其中：本年收入合计 9308.09 万元，年初结转和结余 0.00 万元。", []),
        ("收入总计 3，518.85万元，其中：本年收入合计 3518.85万元，年初结转和结余 0.00 万元。", []),
        ("收入总计 3，518.85万元，其中：本年收入合计 3418.85万元，年初结转和结余 0.00 万元。", ["N104"]),
        # 元 against 万元
        ("培训费 35,000元，占项目支出 3.50 万元的 100.00%。", []),
        ("项目支出 3.50 万元，其中：培训费 35,000元，差旅费 1,000元。", ["N104"]),
        # full-width digits and percent
        ("本年支出 １００．００ 万元，比上年增加 １０．００ 万元，增长 １１．１１％。", []),
        ("本年支出 １００．００ 万元，比上年增加 １０．００ 万元，增长 １２．１１％。", ["N102"]),
        # negative variance and zero previous-year values
        ("年初预算数 433.45 万元，决算数 427.08 万元，预决算差异率-1.47%。", []),
        ("年初预算数 433.45 万元，决算数 427.08 万元，预决算差异率 1.47%。", ["N106"]),
        ("项目支出 1.81 万元，比上年增加 1.81 万元，增长 100.00%。", []),
        ("项目支出 0.00 万元，比上年减少 1,327.52 万元，下降 100.00%。", []),
        # wording against amounts
        ("年初预算数 100.00 万元，决算数 120.00 万元，决算数大于预算数。", []),
        ("年初预算数 100.00 万元，决算数 120.00 万元，决算数小于预算数。", ["N106"]),
        ("年初预算数 100.00 万元，决算数 100.00 万元，预算数等于决算数。", []),
        ("年初预算为 200.00 万元，支出决算为 150.00 万元，完成年初预算的 75.00%。", []),
        ("全年预算数为 724.95 万元，全年执行数为 714.47 万元，总预算执行率为 98.55%。", []),
        ("全年预算数为 724.95 万元，全年执行数为 714.47 万元，总预算执行率为 99.86%。", ["N107"]),
        # direction words
        ("本年支出 100.00 万元，比上年减少 10.00 万元，增长 9.09%。", ["N103"]),
    ],
)
def test_phrasings(text, expected):
    assert sorted(codes(text)) == sorted(expected)


def test_numbers_wrapped_across_lines_and_pages():
    text = (
        "一、收入支出决算总体情况说明\n\n"
        "2024年度收入总计434.50万元，其中：本年收入合计430.23万元，使用非财政拨款结余\n\n"
        "0.00 万元，年初结转和结余 4.\n\n"
        " 72 万元。\n"
    )
    document = parse_text(text, overrides=Overrides(kind="final_account", year=2024))
    (issue,) = lint_document(document, NUMBER_RULES)
    assert issue.rule == "N104" and (issue.line, issue.column) == (3, 11)
    breakdown = next(f for f in document.facts if f.kind == "breakdown")
    last = breakdown.parts[-1].quantity
    assert last.text == "4.72 万元"
    loc = document.location(last.span)
    assert (loc.line, loc.page, loc.end_line) == (5, 1, 7)  # starts on page 1 …
    assert document.sourcemap.position(last.span.end - 1).page == 2  # … ends on page 2
