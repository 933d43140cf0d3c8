"""A 其中 list that goes on past its sentence.

After "…1,050.52万元，其中：" (or a list whose parts carry shares), the next
sentences and paragraphs that open with "X 万元，占 Y%" — or with a figure
named as a part of the list's identity — are further parts.  A sentence
without any amount leaves the list open; any other sentence with amounts
closes it.
"""

from __future__ import annotations

from linter.facts.clause import Clause, quantity
from linter.facts.handlers.identities import identity_part
from linter.facts.labels import label_key
from linter.facts.model import Breakdown
from linter.numbers import Interval


def _opens_part(parsed: list[Clause]) -> bool:
    """"X 万元，占 Y%" with nothing else in the share clause, and no 其中."""
    return (
        len(parsed) >= 2
        and parsed[0].kind == "amount"
        and parsed[1].kind == "share"
        and not any(t.type == "TEXT" for t in parsed[1].core)
        and not any(clause.has("QIZHONG") for clause in parsed)
    )


def _is_full(open_list: Breakdown, parsed: list[Clause]) -> bool:
    """Parts that already make up the total leave no room for another:
    "…服务类 511.40 万元。本部门面向中小企业预留…506.60 万元" is not one —
    except for a part of nothing ("公务接待费 0.00 万元，占 0.00%")."""
    parts = Interval.exact(0)
    for part in open_list.parts:
        parts = parts + part.quantity.interval
    full = bool(open_list.parts) and parts.hi >= open_list.total.quantity.interval.lo
    if full and parsed[0].kind == "amount":
        token = parsed[0].first("AMOUNT")
        following = quantity(token) if token else None
        full = following is None or following.interval.lo > 0
    return full


def continued_list(open_list: Breakdown | None, parsed: list[Clause], unit_name: str | None) -> Breakdown | None:
    """The open 其中 list the sentence ``parsed`` continues, if any; None when
    the sentence closes it (the caller then forgets it) or leaves it open."""
    if open_list is None:
        return None
    if not any(clause.has("AMOUNT") for clause in parsed):
        return None
    names_part = (
        parsed[0].kind == "amount"
        and not any(clause.has("QIZHONG") for clause in parsed)
        and identity_part(open_list.total.key, label_key(parsed[0].pre_text, unit_name))
    )
    first_key = label_key(parsed[0].pre_text, unit_name) if parsed[0].kind == "amount" else ""
    # A part named a second time starts a new enumeration (具体情况如下).
    repeated = any(part.key == first_key for part in open_list.parts)
    if (_opens_part(parsed) or names_part) and not repeated and not _is_full(open_list, parsed):
        return open_list
    return None
