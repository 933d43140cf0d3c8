"""Figures said only roughly: "约 500 万元", "近 300 万元", "超过 1 亿元",
"增长约 20%", "500 万元左右".

A rough figure is kept as an amount of role ``approx`` (so that it is seen)
but is never added, divided or compared exactly: no rule may report a
mismatch that the document never claimed.
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause
from linter.facts.lexer import Tok

_APPROX_BEFORE = re.compile(r"(?:约|近|逾|超过|接近|将近|不到|不足|大约|达到约)(?:为)?$")
_APPROX_AFTER = re.compile(r"左右|以上|以下|上下|许|余")
_APPROX_LAST = frozenset("约近逾过足到为")  # how the words before a rough figure end
_APPROX_FIRST = frozenset("左以上许余")


def is_approximate(text: str, clause: Clause, token: Tok | None) -> bool:
    """Is the figure of ``token`` (in ``clause`` of the document ``text``)
    said only roughly?"""
    if token is None:
        return False
    index = next(i for i, t in enumerate(clause.tokens) if t is token)
    before = clause.tokens[index - 1].text if index else ""
    after = text[token.end:token.end + 3].lstrip()
    if before[-1:] not in _APPROX_LAST and after[:1] not in _APPROX_FIRST:
        return False  # the common case, decided without a pattern
    return bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after))
