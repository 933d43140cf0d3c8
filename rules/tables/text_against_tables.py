"""B106 text-against-tables: a figure the narrative states for a subject that
the document's tables also state must match one of the tables."""

from __future__ import annotations

import bisect
import re

from linter.facts.model import Amount
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import table_models

_LEVEL_MARK = re.compile(r"\((?:类|款|项)\)|（(?:类|款|项)）")
_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|\s|其中|:|的|合计|小计|为$|是$")

_TABLE = (
    "表 5\n一般公共预算支出情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 715.52 448.52 267.00\n208 社会保障和就业支出 654.95 387.95 267.00\n"
    "210 卫生健康支出 24.21 24.21\n221 住房保障支出 36.35 36.35\n"
)


_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")


def _key(label: str) -> str:
    return _NOISE.sub("", _LEVEL_MARK.sub("", label))


class TextAgainstTables(Rule):
    code = "B106"
    name = "text-against-tables"
    severity = "error"
    summary = Message("正文数字与表格不一致", "A figure in the text differs from the tables")
    description = Message(
        "正文明确按科目（如“社会保障和就业支出（类）”、以“…（款）行政运行（项）：”为题的条目的第一个数字）或按列（基本支出、项目支出、人员经费、公用经费）"
        "写出的金额，应与本文件表格中同一科目或同一列的金额一致。不同的表口径不同（全部资金与一般公共预算），"
        "所以只在任何一张表中都找不到相同金额时才报告。",
        "An amount the text states for a classification subject named as such (社会保障和就业支出（类）, 行政运行（项）) or "
        "a column (基本支出, 项目支出, 人员经费, 公用经费) must match the same subject or column in "
        "the document's tables. Tables differ in scope (all funds, general public budget), so it "
        "is reported only when no table states the same amount.",
    )
    examples = (
        Example(_TABLE + "\n一、情况说明\n\n1、社会保障和就业支出（类）645.95万元，占 90.28%。", fails=True, kind="budget"),
        Example(_TABLE + "\n一、情况说明\n\n1、社会保障和就业支出（类）654.95万元，占 91.53%。", fails=False, kind="budget"),
        Example(_TABLE + "\n一、情况说明\n\n基本支出 448.52万元，项目支出 276.00万元。", fails=True, kind="budget"),
        Example(
            _TABLE + "\n一、情况说明\n\n（一）具体使用情况\n\n1、社会保障和就业支出（类）：2024年预算数为 645.95万元，比上年增加 1.00万元。",
            fails=True,
            kind="budget",
        ),
        Example(
            _TABLE + "\n一、情况说明\n\n（一）具体使用情况\n\n1、社会保障和就业支出（类）：2024年预算数为 654.95万元，比上年增加 1.00万元。",
            fails=False,
            kind="budget",
        ),
    )

    def check(self, document):
        stated: dict[str, list] = {}
        for model in table_models(document):
            if model.kind != "classified":
                continue
            for row in model.rows:
                if row.code and "合计" in row.columns:
                    stated.setdefault(_key(row.label), []).append(row.columns["合计"])
                if row.code is None:
                    for column, value in row.columns.items():
                        if column != "合计" and value.text:
                            stated.setdefault(column, []).append(value)
        if not stated:
            return
        starts = [t.span.start for t in document.tables()]
        ends = [t.span.end for t in document.tables()]
        seen_sections: set[str] = set()
        for fact in document.facts:
            if not isinstance(fact, Amount) or fact.quantity.unit != "万元":
                continue
            inside = bisect.bisect_right(starts, fact.span.start) - 1
            if inside >= 0 and fact.span.start < ends[inside]:
                continue  # a figure inside a table is not the narrative
            subject = _subject(fact, seen_sections)
            if subject is None:
                continue
            values = stated.get(_key(subject))
            if not values or any(v.interval.intersects(fact.quantity.interval) for v in values):
                continue
            printed = "、".join(dict.fromkeys(v.text for v in values))
            yield self.finding(
                fact.span,
                f"「{subject}」写作 {fact.quantity.text}，表格中为 {printed}",
                f"「{subject}」 is {fact.quantity.text} here, the tables say {printed}",
                expected=printed,
                actual=fact.quantity.text,
            )


_LAST_SUBJECT = re.compile(r"([^()（）]+)[(（](?:类|款|项)[)）][^()（）]*$")


def _subject(fact: Amount, seen_sections: set[str]) -> str | None:
    """What a figure is stated for, when that names the classification.

    Only what names it explicitly — "社会保障和就业支出（类）654.95万元", or a
    column (基本支出 …) — or, for a list item titled by its classification
    ("…（款）行政运行（项）：2024年预算数为 319.59万元"), the first figure of the
    item, for its last named subject.  Economic names such as 印刷费 also
    describe projects, which the basic-spending table does not cover.
    """
    if fact.role == "amount" and (_LEVEL_MARK.search(fact.label) or _key(fact.label) in _COLUMNS):
        return fact.label
    title = fact.section.rsplit(" / ", 1)[-1]
    if fact.role in ("amount", "budget", "final") and title not in seen_sections:
        seen_sections.add(title)
        match = _LAST_SUBJECT.search(title)
        if match and _LEVEL_MARK.search(title):
            return match.group(1)
    return None
