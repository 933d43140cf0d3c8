"""Definitions the document gives in its 名词解释 that make two figures one.

"机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金，即财政拨款
基本支出中的公用经费支出" — where the document says so, its 机关运行经费 and
the 公用经费 of its 基本支出 must be equal (rule N109).
"""

from __future__ import annotations

import re

from linter.facts.model import RunningCostsDefined
from linter.sourcemap import Span

_RUNNING_COSTS_DEFINED = re.compile(r"机关运行经费.{0,60}公用经费")


def definitions(document) -> list:
    match = _RUNNING_COSTS_DEFINED.search(document.text)
    return [RunningCostsDefined(Span(match.start(), match.end()))] if match else []
