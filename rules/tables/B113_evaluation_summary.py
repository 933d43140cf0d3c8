"""B113 evaluation-summary: what the text says of one evaluated project — its
self-evaluation score, its budget and its execution — is what the project's
self-evaluation table says.

The standard 决算 wording sums each project up before (or after) its table:
"就业技能培训项目绩效自评综述：项目全年预算数 92.21 万元，执行数 85.99 万元，
完成预算的 93.25%。项目绩效自评得分 96.83 分。"  The project is the one whose
table's 项目名称 the paragraph names; a paragraph that names two projects, or a
name two tables share, is not compared.
"""

from __future__ import annotations

import re

from linter.facts.model import Amount, SpanIndex
from linter.issues import Message
from linter.numbers import parse_printed
from linter.rule import Example, Rule
from linter.sourcemap import Span
from linter.tables import table_models

_NAME = re.compile(r"^项目名称\s*(?P<name>\S.*)$")
# A paragraph that sums one project up: "…项目绩效自评综述：" or "…自评得分 X 分".
_SUMMARY = re.compile(r"自评综述|(?:自评|评价)[^。；;，,\d]{0,8}?得分(?:为|是)?\s*\d")
_SCORE = re.compile(r"(?:自评|评价)[^。；;，,\d]{0,8}?得分(?:为|是)?\s*(?P<num>\d+(?:\.\d+)?)\s*分")
# The labels of a project's budget and execution figures in its summary.
_BUDGET = re.compile(r"预算数?(?:为|是)?$")
_SPENT = re.compile(r"(?:执行|决算|支出)数?(?:为|是)?$")
_MIN_NAME = 4

_TABLE = (
    "项目支出绩效自评表\n项目名称 就业技能培训项目\n"
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度资金总额 92.21 92.21 85.99 10 93.25% 9.33\n"
    "产出指标 数量指标 培训人次 ≥1000人次 1433人次 90 87.50\n总分 100 96.83\n"
)


_WHOLE = (
    "（一）部门整体支出绩效自评\n\n部门整体支出绩效自评得分{score}分，等级为优。\n"
    "部门（单位）整体支出绩效自评表\n资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
    "年度总资金 917.15 917.15 889.57 10 96.99% 9.70\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    "产出指标 数量指标 培训人次 ≥1000人次 1433人次 90 85.75\n总分 100 95.45\n"
)


def _summary(budget: str = "92.21", spent: str = "85.99", score: str = "96.83") -> str:
    return (
        "（二）项目绩效自评结果\n\n"
        f"就业技能培训项目绩效自评综述：项目全年预算数 {budget} 万元，执行数 {spent} 万元。项目绩效自评得分 {score} 分。\n"
        + _TABLE
    )


def _stem(name: str) -> str:
    """The project's name without spaces and without a closing 项目."""
    name = re.sub(r"\s+", "", name)
    return re.sub(r"项目$", "", name)


class EvaluationSummary(Rule):
    code = "B113"
    name = "evaluation-summary"
    severity = "error"
    kinds = ("final_account", "unknown")
    summary = Message("项目绩效自评综述与自评表不符", "A project's evaluation summary differs from its table")
    description = Message(
        "正文中为某个项目写出的自评得分（“项目绩效自评得分 X 分”）、全年预算数和执行数，应与该项目支出绩效自评表的"
        "“总分”得分和“年度资金总额”行一致（区间运算）。项目由自评表“项目名称”在同一段文字中出现来确定；"
        "一段提到两个项目或两张表同名时不比较。“部门整体支出绩效自评得分”对应部门（单位）整体支出绩效自评表。",
        "The self-evaluation score (\"项目绩效自评得分 X 分\"), the budget and the execution the text "
        "states for one project equal the 总分 score and the funds row of that project's "
        "self-evaluation table (interval arithmetic). The project is the one whose table's "
        "项目名称 the same paragraph names; a paragraph naming two projects, or a name two tables "
        "share, is not compared. \"部门整体支出绩效自评得分\" is compared with the 整体支出 table.",
    )
    examples = (
        Example(_summary(), fails=False),
        Example(_summary(score="98.90"), fails=True),
        Example(_summary(spent="86.99"), fails=True),
        Example(_summary(budget="93.21"), fails=True),
        Example(_summary(budget="92.2"), fails=False),  # 92.2 may be 92.21 rounded
        Example(_WHOLE.format(score="95.45"), fails=False),
        Example(_WHOLE.format(score="93.45"), fails=True),
    )

    def check(self, document):
        projects: dict[str, list] = {}
        for model in table_models(document):
            if model.kind != "performance" or len(model.scores) > 1 or len(model.funds) > 1:
                continue
            if "整体" in model.table.title:
                # "部门整体支出绩效自评得分 95.45 分": the 整体支出 table
                projects.setdefault("整体支出", []).append(model)
                continue
            for row in model.table.rows[:8]:
                match = _NAME.match(document.text[row.span.start:row.span.end].strip())
                if match:
                    stem = _stem(match.group("name"))
                    if len(stem) >= _MIN_NAME:
                        projects.setdefault(stem, []).append(model)
                    break
        if not projects:
            return
        patterns = {stem: re.compile(r"\s*".join(map(re.escape, stem))) for stem in projects}
        amounts = SpanIndex(f for f in document.facts if isinstance(f, Amount) and f.quantity.unit == "万元")
        # A summary may follow the table before it in the extracted text, and
        # so be read as that table's prose.  (Imported here: the fact
        # extractor brings Lark, which `disclint rules` need not load.)
        from linter.facts.extract import table_prose

        prose = [p for table in document.tables() for p in table_prose(document, table)]
        for paragraph in document.paragraphs() + prose:
            if not _SUMMARY.search(paragraph.text):
                continue  # a paragraph that merely mentions a project
            named = [stem for stem, pattern in patterns.items() if pattern.search(paragraph.text)]
            if len(named) != 1 or len(projects[named[0]]) != 1:
                continue
            model = projects[named[0]][0]
            yield from self._score(document, paragraph, model)
            yield from self._funds(amounts.within(paragraph.span), model)

    def _score(self, document, paragraph, model):
        if not model.scores:
            return
        total = model.scores[0].score
        for match in _SCORE.finditer(paragraph.text):
            number = match.group("num")
            _, interval = parse_printed(number)
            if interval.intersects(total.interval):
                continue
            start = paragraph.span.start + match.start("num")
            yield self.finding(
                Span(start, start + len(number)),
                f"自评得分写作 {number} 分，而该项目自评表总分为 {total.text}",
                f"the self-evaluation score is given as {number}, but the project's table totals {total.text}",
                expected=total.text,
                actual=number,
            )

    def _funds(self, stated, model):
        if not model.funds:
            return
        funds = model.funds[0]
        for fact in stated:
            if fact.role == "budget" or (fact.role == "amount" and _BUDGET.search(fact.label)):
                table = (funds.initial, funds.budget)
                what_zh, what_en = "预算数", "budget"
            elif fact.role == "final" or (fact.role == "amount" and _SPENT.search(fact.label)):
                table = (funds.spent,)
                what_zh, what_en = "执行数", "execution"
            else:
                continue
            if any(fact.quantity.interval.intersects(q.interval) for q in table):
                continue
            shown = "、".join(q.text for q in table)
            yield self.finding(
                fact.span,
                f"项目{what_zh}写作 {fact.quantity.text}，而该项目自评表为 {shown} 万元",
                f"the project's {what_en} is given as {fact.quantity.text}, but its table says {shown} 万元",
                expected=f"{table[-1].text}万元",
                actual=fact.quantity.text,
            )

