"""Which lists are the whole of their total: the identities of a disclosure.

收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 基本支出 = 人员经费 +
公用经费; the 三公 costs are their three items …  A breakdown whose head and
parts all match one identity is ``complete`` (its parts must add up to the
total); any other 其中 list may leave something out.
"""

from __future__ import annotations

import re

from linter.facts.model import Breakdown

# head key -> the keys its parts must all match.
IDENTITIES = (
    (re.compile(r"本年收入$"), re.compile(r"收入$")),
    (re.compile(r"本年支出$"), re.compile(r"支出$")),
    (re.compile(r"收入$"), re.compile(r"本年收入|非财政拨款结余|结转和结余|结转结余|财政拨款收入$")),
    (re.compile(r"支出$"), re.compile(r"本年支出|结余分配|结转和结余|结转结余|财政拨款支出$")),
    (re.compile(r"三公经费"), re.compile(r"出国|公务用车|公务接待")),
    (re.compile(r"政府采购"), re.compile(r"货物|工程|服务")),
    (re.compile(r"基本支出"), re.compile(r"人员经费|公用经费")),
    (re.compile(r"实有人数?$|人员总数?$"), re.compile(r"在职|离休|退休")),
    (re.compile(r"车辆$"), re.compile(r"用车$|车辆$")),
)


def heads_identity(head_key: str) -> bool:
    """Does ``head_key`` head one of the identities?"""
    return any(head.search(head_key) for head, _ in IDENTITIES)


def identity_part(head_key: str, part_key: str) -> bool:
    """Is ``part_key`` one of the parts of the identity ``head_key`` heads?"""
    return any(head.search(head_key) and part.search(part_key) for head, part in IDENTITIES)


def is_complete(breakdown: Breakdown) -> bool:
    """Are the list's parts the whole of its total (an identity)?"""
    if breakdown.nested or len(breakdown.parts) < 2:
        return False
    for head, part in IDENTITIES:
        if head.search(breakdown.total.key) and all(part.search(p.key) for p in breakdown.parts):
            return True
    return False


def exceeds(breakdown: Breakdown) -> bool:
    """Do the list's parts so far certainly add up to more than its total?"""
    return breakdown.parts_low() > breakdown.total.quantity.interval.hi


