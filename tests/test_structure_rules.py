"""Structure, year, count and text rules on the corpus: exactly the issues
reviewed by hand, and every required section is missed when removed."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import CORPUS
from linter.engine import lint_document
from linter.pipeline import load_document, parse_text
from linter.plugins import all_rules
from linter.resources import rules_dir
from linter.tree import Section

RULES = [rule for rule in all_rules() if rule.code[0] in "SYCT"]

EXPECTED = {
    # 000 L31: "下设 1 个科室，分别是：" then L33 "本单位无下设科室。" — a count of 1 for no list.
    "000": [("C101", 31, 21, "1")],
    "001": [],  # 10 offices listed for 10; 16 evaluated projects, 16 tables; vehicles 7 = 7
    "002": [],  # all twelve 2023 mentions are legitimate (截至 2023年底 in a 2024 budget)
    "003": [],  # 固定资产车辆 18 vs 保有量 0 is explained in the same paragraph (差异原因是：…)
    "004": [],
}


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_corpus_structure_year_count_issues(path):
    document = load_document(str(path))
    got = [(i.rule, i.line, i.column, i.actual) for i in lint_document(document, RULES)]
    assert got == EXPECTED[path.stem[:3]]


def _leaves(profile: str) -> list:
    """The profile's entries without entries of their own.  A whole part
    (the 决算情况说明 and its eleven sections) is not among them: a document
    without it no longer shows the template's headings, is not taken for
    that template, and is then checked by S104 instead."""
    spec = yaml.safe_load((rules_dir() / "structure" / "profiles" / f"{profile}.yml").read_text(encoding="utf-8"))
    out = []

    def walk(entries):
        for entry in entries:
            if entry.get("children"):
                walk(entry["children"])
            else:
                out.append((entry["name"], entry["aliases"], entry.get("level", "any")))

    walk(spec["sections"])
    return out


def _without(path, aliases, level) -> str:
    """The document's text with the first section matching ``aliases``
    removed: its heading line through the last line of its content."""
    document = load_document(str(path))
    section = next(
        s
        for s in document.sections()
        if (level == "any" or s.level == level) and any(re.search(a, s.title) for a in aliases)
    )
    last = section
    while isinstance(last, Section) and last.children:
        last = last.children[-1]
    first_line = document.location(section.span).line
    last_line = document.location(last.span).end_line
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[: first_line - 1] + lines[last_line:])


CASES = [
    pytest.param(path, code, name, aliases, level, id=f"{path.stem[:3]}-{name}")
    # the corpus follows the Ministry of Finance's models (rules/structure/profiles/mof-*.yml)
    for path, code, profile in ((CORPUS[0], "S102", "mof-final"), (CORPUS[3], "S102", "mof-final"), (CORPUS[2], "S103", "mof-budget"))
    for name, aliases, level in _leaves(profile)
]


@pytest.mark.parametrize("path,code,name,aliases,level", CASES)
def test_removing_a_required_section_is_reported_by_name(path, code, name, aliases, level):
    rule = next(r for r in RULES if r.code == code)
    document = parse_text(_without(path, aliases, level), str(path))
    messages = [i.message for i in lint_document(document, [rule])]
    assert any(f"「{name}」" in message for message in messages), messages


def test_a_template_without_parts_is_not_asked_for_parts():
    """Other provinces print no 第X部分: the sections stand on their own."""
    text = "\n".join(
        [
            "一、部门主要职能", "负责财政。", "二、机构设置及人员情况", "下设 2 个科室。", "三、部门预算公开表",
            "四、关于2025年收支预算情况的总体说明", "五、关于2025年收入预算情况说明", "六、关于2025年支出预算情况说明",
            "七、关于2025年财政拨款收支预算情况的总体说明", "八、关于2025年一般公共预算当年拨款情况说明",
            "九、关于2025年一般公共预算基本支出情况说明", "十、关于2025年一般公共预算项目支出情况说明",
            "十一、关于2025年政府性基金预算拨款情况说明", "十二、关于2025年国有资本经营预算拨款情况说明",
            "十三、关于2025年财政拨款“三公”经费预算情况说明", "十四、其他重要事项的情况说明",
            "（一）机关运行经费情况", "（二）政府采购情况", "（三）国有资产占用情况", "（四）预算绩效情况",
            "十五、名词解释",
        ]
    )
    rule = next(r for r in RULES if r.code == "S103")
    from linter.pipeline import Overrides

    document = parse_text(text, overrides=Overrides(kind="budget", year=2025))
    assert [i.message for i in lint_document(document, [rule])] == []
    shorter = parse_text(text.replace("十三、关于2025年财政拨款“三公”经费预算情况说明", "十三、其他"), overrides=Overrides(kind="budget", year=2025))
    assert [i.message for i in lint_document(shorter, [rule])] == [
        "缺少「财政拨款“三公”经费预算情况说明」（应在「关于2025年国有资本经营预算拨款情况说明」之后）"
    ]


COUNT_CASES = [
    # (text, issues expected) — C101 lists in other templates' wordings
    ("本局机关下设3个股室，分别是：1.财务股；2.人事股；3.信访股。", 0),
    ("本局下设3个股室，分别是：（1）财务股（2）人事股（3）信访股。", 0),
    ("本局下设4个股室，分别是：①财务股；②人事股；③信访股。", 1),
    ("本局下设3个股室，分别是：1.财务股；3.人事股；4.信访股。", 0),  # numbers do not run 1, 2, 3: not counted
    ("本局另下设2个科室，分别是：法规科及档案科。", 0),
    ("本局另下设3个科室，分别是：办公室、法规科以及档案科。", 0),
    ("本局另下设3个科室，分别是：法规科和档案科。", 1),
    ("本部门下设2个股室，分别是：办公室、就业促进和职业能力建设股。", 0),
    ("本部门内设6个股室，分别是：办公室、社会保险股、劳动关系股、人事股、信访股。", 1),
    ("本部门设有3个科室，分别为：办公室、财务科、人事科。", 0),
    ("本部门内设处室7个，分别为：办公室、政策法规处、规划发展处、财务审计处、行业管理处、安全监督处、人事教育处；纳入预算编制范围的单位包括局本级。", 0),
    ("本镇内设5个办公室：甲办公室、乙办公室、丙办公室、丁办公室、戊办公室；下设3个事业站所：农业综合服务中心、社会保障服务中心、退役军人服务站。", 0),
    ("本镇内设5个办公室：甲办公室、乙办公室、丙办公室、丁办公室、戊办公室；下设4个事业站所：农业综合服务中心、社会保障服务中心、退役军人服务站。", 1),
    ("本单位下设 9 个科室，分别是：办公室、财务科、业务科等。", 0),
]


@pytest.mark.parametrize("text,expected", COUNT_CASES)
def test_listed_offices_in_other_wordings(text, expected):
    rule = next(r for r in RULES if r.code == "C101")
    assert len(lint_document(parse_text(text), [rule])) == expected


def test_a_comparison_base_year_is_not_a_stale_year():
    """The year before, named as the base of a comparison, is legitimate;
    the same year alone in a sentence is last year's template."""
    from linter.pipeline import Overrides

    rule = next(r for r in RULES if r.code == "Y101")

    def issues(text):
        return [i.actual for i in lint_document(parse_text(text, overrides=Overrides(kind="final_account", year=2024)), [rule])]

    assert issues("2024年度收入总计587.95万元，2023年度收入总计530.98万元，增加56.97万元，增长10.73%。") == []
    assert issues("2023年度收入总计530.98万元，比上年增加56.97万元。") == ["2023"]
    assert issues("2024年度收入总计587.95万元。2023年度收入总计530.98万元。") == ["2023"]


NUMBERING_CASES = [
    # (text, S101 issues expected) — what real documents print that is not a numbering error
    pytest.param("一、主要职能\n负责统计。\n1.负责甲。\n2.负责乙。\n3.负责丙。\n二、部门预算表\n1.收支总表\n2.收入总表\n", 0, id="a list restarts inside a section"),
    pytest.param(
        "一、收入预算情况说明\n（一）财政拨款收入\n1.一般公共预算拨款收入。\n2.政府性基金拨款收入。\n（二）其他资金收入\n3.事业收入。\n4.其他收入。\n",
        0, id="items numbered on across subsections",
    ),
    pytest.param(
        "一、部门概况\n（一）职能职责\n本部门主要职责是：\n（一）负责甲工作。\n（二）负责乙工作。\n（三）负责丙工作。\n（二）机构设置\n下设三个科室。\n",
        0, id="a nested list, then the outer list goes on",
    ),
    pytest.param(
        "一、收支总表\n一、本年收入 4,651.67 一、本年支出 4,651.67\n（一）一般公共预算拨款 4,651.67\n（九）社会保险基金支出\n二、年终结转结余\n",
        0, id="numbered rows of a table page",
    ),
    pytest.param("一、机构设置\n本局下设机构包括： 1. 办公室\n2. 财务科\n3. 人事科\n", 0, id="the first number printed inside the line"),
    pytest.param("一、主要职能\n负责统计。\n二、机构设置\n下设科室。\n四、人员情况\n编制五人。\n五、名词解释\n见下。\n", 1, id="one skipped number, one issue"),
    pytest.param("一、主要职能\n负责统计。\n二、机构设置\n下设科室。\n二、人员情况\n编制五人。\n三、名词解释\n见下。\n", 1, id="one repeated number, one issue"),
]


@pytest.mark.parametrize("text,expected", NUMBERING_CASES)
def test_numbering_that_is_not_an_error_and_one_issue_per_slip(text, expected):
    rule = next(r for r in RULES if r.code == "S101")
    issues = lint_document(parse_text(text), [rule])
    assert len(issues) == expected, [i.message for i in issues]
