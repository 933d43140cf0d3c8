"""Shares: "X 万元，占 Y%", "占本年支出合计的 Y%", "项目支出占支出预算的比重为 Y%",
and "A、B、C 分别支出 a、b、c 万元，分别占 p、q、r%".

A share's part is the amount just before it (or the figure its own words
name); its total is the one it names, else the head of the 其中 list the
part belongs to.  A share whose total cannot be found is kept with
``total=None`` and never checked.
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause, quantity
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.context import SentenceContext
from linter.facts.handlers.identities import exceeds
from linter.facts.labels import keys_match, label_key, squeezed
from linter.facts.model import Amount, Quantity, Share

_CONNECTORS = {"和", "及", "与", "以及"}
_NAMED_TAIL = re.compile(r"(?:的比重|的比例|比重|比例)?(?:为|是)?$")
_NAMED_EDGES = re.compile(r"^分别|的$")


def named_total(clause: Clause) -> str:
    """The total a share clause names: "占本年支出合计的比重为" → "本年支出合计"."""
    named = "".join(t.text for t in clause.core if t.type == "TEXT")
    return _NAMED_EDGES.sub("", _NAMED_TAIL.sub("", named))


def respective_parts(index: int, amount_at: dict[int, Amount]) -> list[Amount]:
    """The amounts listed just before "分别占…" ("a 万元、b 万元、c 万元")."""
    parts: list[Amount] = []
    j = index - 1
    while j >= 0 and j in amount_at:
        parts.append(amount_at[j])
        j -= 1
    return list(reversed(parts))


def respective_rates(parsed: list[Clause], index: int) -> tuple[list[Quantity], set[int]]:
    """The rates of "分别占 p%、q% 和 r%": this clause's and those of the
    clauses after it that hold nothing else; and which clauses those were."""
    rates = [quantity(t) for t in parsed[index].core if t.type == "PCT"]
    used: set[int] = set()
    j = index + 1
    while j < len(parsed) and all(t.type == "PCT" or (t.type == "TEXT" and t.text in _CONNECTORS) for t in parsed[j].tokens):
        rates += [quantity(t) for t in parsed[j].tokens if t.type == "PCT"]
        used.add(j)
        j += 1
    return [r for r in rates if r is not None], used


def share_total(ctx: SentenceContext, named: str, part: Amount) -> Amount | None:
    """The total a share of ``part`` is taken of: the one it names, else the
    head of the list the part belongs to.  The list is found by the part's
    identity (OpenLists.owner_of), so N lists of N parts with N shares stay
    linear."""
    owner = ctx.lists.owner_of.get(id(part))
    if named:
        total = ctx.reader.figures.named_total(label_key(named, ctx.unit_name), part.span.start)
        if total is None and owner is not None and squeezed(owner.total.label).endswith(squeezed(named)):
            # "本部门2025年支出预算 1,337.68万元，其中：…项目支出 372.04万元，
            # 项目支出占支出预算的比重为…": the list's total, by its name.
            total = owner.total
        return total
    if owner is None and ctx.lists.carried is not None and ctx.lists.carried.holds(part):
        owner = ctx.lists.carried
    if owner is None:
        owner = ctx.reader.item_list_total(part)
    if owner is None or owner.nested or exceeds(owner):
        # an uncertain list, or one whose parts outgrow its total ("剔除一次性
        # 补发105.92万元…。其中：基本支出1,040.28万元，占65.38%"): not its share
        return None
    return owner.total


def _respective(ctx: SentenceContext, index: int, named: str) -> None:
    """"A、B、C 分别支出 a、b、c 万元，分别占 p、q、r%": pair them in order."""
    parts = respective_parts(index, ctx.subject.amount_at)
    rates, used = respective_rates(ctx.parsed, index)
    ctx.skip.update(used)
    if len(parts) == len(rates) >= 2:
        for part, rate in zip(parts, rates):
            ctx.emit(Share(part, share_total(ctx, named, part), rate, named or None))


# A share clause's own words name its part when they are at least this long.
_NAMED_PART_MIN = 4


def _names_another_part(part_key: str, last: Amount | None) -> bool:
    """Does a share clause name a part ("货物采购授予中小企业合同金额占…") that
    is not the sentence's last amount?"""
    if last is None or len(part_key) < _NAMED_PART_MIN:
        return False
    return not (keys_match(part_key, last.key) or part_key in last.key or last.key in part_key)


def handle_share(ctx: SentenceContext, index: int, clause: Clause) -> None:
    pct_token = clause.first("PCT")
    pct = quantity(pct_token)
    if pct is None or is_approximate(ctx.document.text, clause, pct_token):
        return
    named = named_total(clause)
    if "分别" in "".join(t.text for t in clause.tokens if t.type == "TEXT"):
        _respective(ctx, index, named)
        return
    # "项目支出占支出预算的比重为 37.81%": the part is named, not printed.
    part_key = label_key(clause.pre_text, ctx.unit_name) if clause.pre_text else ""
    named_part = ctx.reader.figures.named_total(part_key, clause.core[0].start) if len(part_key) >= 2 else None
    if named_part is None and _names_another_part(part_key, ctx.subject.last):
        # "授予小微企业合同金额 1015.5 万元，占…；货物采购授予中小企业合同金额占货物
        # 支出金额的 9.16%": the share names its own part, whose figure is not
        # printed; the last amount is not it (never guess).
        return
    ctx.subject.last = named_part or ctx.subject.last
    if ctx.subject.last is None:
        return
    ctx.emit(Share(ctx.subject.last, share_total(ctx, named, ctx.subject.last), pct, named or None))
