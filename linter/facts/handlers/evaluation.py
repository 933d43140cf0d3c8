"""Evaluation summaries: what the text says of one evaluated project.

The standard 决算 wording sums each project up before (or after) its table:
"就业技能培训项目绩效自评综述：项目全年预算数 92.21 万元，执行数 85.99 万元，
完成预算的 93.25%。项目绩效自评得分 96.83 分。"  A paragraph (or the prose of a
table, where a summary that follows the table before it may land) is a
summary when it says "自评综述" or "自评得分 X"; its project is the one whose
table's 项目名称 it names.  A paragraph that names two projects, or a name two
tables share, yields no summary: the comparison would be a guess.
"""

from __future__ import annotations

import re

from linter.facts.model import Amount, EvaluationSummary, Quantity, SpanIndex
from linter.numbers import parse_printed, places_of
from linter.sourcemap import Span

_NAME = re.compile(r"^项目名称\s*(?P<name>\S.*)$")
_WHOLE = "整体"  # "部门（单位）整体支出绩效自评表"
_WHOLE_NAME = "整体支出"  # how a summary names the whole-spending table
# A paragraph that sums one project up: "…项目绩效自评综述：" or "…自评得分 X 分".
_SUMMARY = re.compile(r"自评综述|(?:自评|评价)[^。；;，,\d]{0,8}?得分(?:为|是)?\s*\d")
_SCORE = re.compile(r"(?:自评|评价)[^。；;，,\d]{0,8}?得分(?:为|是)?\s*(?P<num>\d+(?:\.\d+)?)\s*分")
# The labels of a project's budget and execution figures in its summary.
_BUDGET = re.compile(r"预算数?(?:为|是)?$")
_SPENT = re.compile(r"(?:执行|决算|支出)数?(?:为|是)?$")
_SPACES = re.compile(r"\s+")
_MIN_NAME = 4


def _stem(name: str) -> str:
    """The project's name without spaces and without a closing 项目."""
    return re.sub(r"项目$", "", _SPACES.sub("", name))


def _project_name(document, model) -> str | None:
    """The name a summary calls the table's project by, if it has one."""
    if _WHOLE in model.table.title:
        return _WHOLE_NAME
    for row in model.table.rows[:8]:
        match = _NAME.match(document.text[row.span.start:row.span.end].strip())
        if match:
            stem = _stem(match.group("name"))
            return stem if len(stem) >= _MIN_NAME else None
    return None


def _projects(document) -> dict[str, list]:
    """Project name -> the performance tables of that name (one table of one
    score and one funds row at most: a table read as several is not one)."""
    projects: dict[str, list] = {}
    for model in document.facts.tables(kind="performance"):
        if len(model.scores) > 1 or len(model.funds) > 1:
            continue
        name = _project_name(document, model)
        if name is not None:
            projects.setdefault(name, []).append(model)
    return projects


def _scores(paragraph) -> list[Quantity]:
    scores = []
    for match in _SCORE.finditer(paragraph.text):
        number = match.group("num")
        value, interval = parse_printed(number)
        start = paragraph.span.start + match.start("num")
        scores.append(Quantity(number, value, interval, "分", Span(start, start + len(number)), places_of(number)))
    return scores


def _measure(fact: Amount) -> str | None:
    """Is the figure the project's budget or its execution (or neither)?"""
    if fact.role == "budget" or (fact.role == "amount" and _BUDGET.search(fact.label)):
        return "budget"
    if fact.role == "final" or (fact.role == "amount" and _SPENT.search(fact.label)):
        return "spent"
    return None


def _summary(paragraph, model, amounts: list[Amount]) -> EvaluationSummary:
    figures = [(measure, fact) for fact in amounts if (measure := _measure(fact)) is not None]
    return EvaluationSummary(model, paragraph.span, _scores(paragraph), figures)


def evaluation_summaries(document) -> list[EvaluationSummary]:
    projects = _projects(document)
    if not projects:
        return []
    from linter.facts.extract import table_prose

    # The sentence facts, read directly: this handler runs while the store
    # gathers its facts, so asking the store for them would recurse.
    amounts = SpanIndex(f for f in document.facts.prose if isinstance(f, Amount) and f.quantity.unit == "万元")
    prose = [p for table in document.tables() for p in table_prose(document, table)]
    found = []
    for paragraph in document.paragraphs() + prose:
        if not _SUMMARY.search(paragraph.text):
            continue  # a paragraph that merely mentions a project
        squeezed = _SPACES.sub("", paragraph.text)
        named = [name for name in projects if name in squeezed]
        if len(named) != 1 or len(projects[named[0]]) != 1:
            continue
        found.append(_summary(paragraph, projects[named[0]][0], amounts.within(paragraph.span)))
    return found
