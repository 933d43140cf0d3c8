"""Last year's figures: "上年为 0.87 万元", "上年预算数为 31.61 万元", or
"2023 年度收入总计 530.98 万元" in a 2024 report.

Such a figure is kept as an amount of role ``prior``: it is neither the part
of a list nor the current value a following change refers to, but the base
a change in the same sentence is compared with (Change.previous).
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause

_PRIOR_LABEL = re.compile(r"^(?:上年|去年|上一年|上年度|上一年度)(?:同期)?(?:实际|决算|预算)?数?(?:为|是)?$")
_CARRIED_OVER = re.compile(r"结转|结余|结存")


def is_prior(clause: Clause, year: int | None) -> bool:
    """Is the clause's figure last year's, for a report of ``year``?  A
    carry-over from last year ("上年结转") is this year's figure."""
    label = clause.pre_text
    if label[:1] in "上去" and _PRIOR_LABEL.match(label):
        return True
    if year is None or _CARRIED_OVER.search(label):
        return False
    return "YEAR" in clause.types and any(t.type == "YEAR" and int(t.text[:4]) == year - 1 for t in clause.pre)
