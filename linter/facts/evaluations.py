"""Sentences that count the evaluated projects: "本单位预算绩效评价项目 2 个，
全年预算数 87.81 万元，全年执行数 87.81 万元。"

The figures after the count are the totals of the projects' self-evaluation
tables, so a rule compares them with the sum of those tables' funds rows;
the count says which tables the sentence is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.sourcemap import Span

if TYPE_CHECKING:  # pragma: no cover - types only
    from linter.tree import Document

_COUNT = re.compile(r"(?:评价|自评)项目\s*(?P<count>\d+)\s*个")


@dataclass(frozen=True, slots=True)
class EvaluatedProjects:
    """"评价项目 N 个": the count, and the rest of its sentence (``span``),
    where the projects' totals are stated."""

    count: int
    span: Span


def evaluated_projects(document: "Document") -> list[EvaluatedProjects]:
    """Every count of evaluated projects in the paragraphs, in document order."""
    found: list[EvaluatedProjects] = []
    for paragraph in document.paragraphs():
        for anchor in _COUNT.finditer(paragraph.text):
            start = paragraph.span.start + anchor.end()
            stop = paragraph.text.find("。", anchor.end())
            end = paragraph.span.start + (stop if stop != -1 else len(paragraph.text))
            found.append(EvaluatedProjects(int(anchor.group("count")), Span(start, end)))
    return found
