"""Join a table continued over pages: a finance system repeats "表5 /
2025年一般公共预算支出表" on each page, and cut in two, a parent row on one
page would lose its children on the next."""

from __future__ import annotations

import re

from linter.sourcemap import Span
from linter.tree import Table

_NUMBERED_TABLE = re.compile(r"表\s*\d{1,2}(?!\d)|公开\s*\d{1,2}\s*表")  # not the unnumbered 自评表 of each project
_SPACE = re.compile(r"\s+")


def continues(previous: str, title: str) -> bool:
    """Is a table titled ``title`` the continuation of one titled
    ``previous``: the same numbered title, the same number ("表5" repeated
    alone), the numbered table's name repeated without its number, or an
    unnumbered table's long title repeated?"""
    label, again = _NUMBERED_TABLE.search(previous), _NUMBERED_TABLE.search(title)
    if label is None:
        # An unnumbered title repeated word for word on the next page (with
        # its year, "2025年一般公共预算基本支出情况表") — not a performance
        # form (绩效目标表, 绩效自评表), printed once per project under the
        # same title.
        squeezed = _SPACE.sub("", title)
        return len(squeezed) >= 8 and squeezed == _SPACE.sub("", previous) and "绩效" not in squeezed
    number = _SPACE.sub("", label.group())
    previous, title = _SPACE.sub("", previous), _SPACE.sub("", title)
    if title == previous:
        return True
    if again is not None:
        return _SPACE.sub("", again.group()) == number and (title == number or title in previous or previous in title)
    return len(title) >= 4 and title in previous


def joined_tables(tables: list[Table]) -> list[Table]:
    """The tables, each with the tables that continue it on the next pages
    joined to it."""
    joined: list[Table] = []
    for table in tables:
        previous = joined[-1] if joined else None
        if previous is not None and continues(previous.title, table.title):
            joined[-1] = Table(Span(previous.span.start, table.span.end), previous.title, previous.rows + table.rows)
        else:
            joined.append(table)
    return joined
