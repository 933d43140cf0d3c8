"""Amount clauses: "本年收入合计 430.23 万元", "实有人数 17 人".

Every printed figure becomes an :class:`Amount` with its role: ``amount``
(money), ``count`` (people, vehicles …), ``prior`` (last year's, see
linter.facts.handlers.prior) or ``approx`` (said roughly, see
linter.facts.handlers.approximate).  A plain figure is the current subject
of the sentence and may be a part of the open 其中 list of its unit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.facts.clause import Clause, quantity
from linter.facts.handlers import breakdown
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.context import SentenceContext
from linter.facts.handlers.prior import is_prior
from linter.facts.labels import label_key
from linter.facts.lexer import Tok
from linter.facts.model import Amount

# "全部足额、按时拨付到位", "已全额发放", "足额兑付": said right after the amount,
# with no clause break between them.
_PAID_IN_FULL = re.compile(r"^[^，,。；;：:\d]{0,12}?(?:全部|足额|全额)[^，,。；;\d]{0,8}?(?:拨付|发放|支付|兑付|到位)")
# A label names one unit-wide figure when it is long and names a total or a
# fiscal aggregate; short or generic labels ("项目支出", "支出决算数为") are
# reused for different things in different sections.
_AGGREGATE_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|\s|其中|:|的")
_AGGREGATE = re.compile(r"总计|合计|总额|^一般公共预算|^财政拨款|^政府性基金|^国有资本经营")
_MIN_AGGREGATE = 8


def paid_in_full(text: str, end: int) -> bool:
    """Does the text right after a figure (ending at ``end``) say it was paid
    out in full ("…万元免住宿费经费全部足额、按时拨付到位")?"""
    after = text[end:end + 40].replace("\n", "")
    if "全" not in after and "足额" not in after:
        return False  # the common case: none of 全部, 足额, 全额 follows
    return bool(_PAID_IN_FULL.match(after.lstrip(" 万元")))


@lru_cache(maxsize=8192)
def aggregate_label(label: str, unit_name: str | None) -> str:
    """The label without the unit's name, years and spaces when it names one
    unit-wide figure (a total or a fiscal aggregate); "" otherwise."""
    text = label.replace(unit_name, "") if unit_name else label
    text = _AGGREGATE_NOISE.sub("", text)
    return text if len(text) >= _MIN_AGGREGATE and _AGGREGATE.search(text) else ""


def record_amount(ctx: SentenceContext, clause: Clause, token: Tok, role: str = "amount") -> Amount | None:
    """The amount of ``token``, added to the document's facts and figures."""
    q = quantity(token)
    if q is None:
        return None
    label = clause.pre_text
    if role in ("budget", "final"):
        label += "".join(t.text for t in clause.core if t.type in ("BUDGETW", "FINALW"))
    text = ctx.document.text
    amount = Amount(
        label, label_key(label, ctx.unit_name), q, role, ctx.section,
        paid_in_full=paid_in_full(text, q.span.end),
        aggregate=aggregate_label(label, ctx.unit_name),
    )
    ctx.reader.note_amount(amount)
    ctx.emit(amount)
    return amount


def handle_amount(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """A plain figure ("amount" or "count" clause)."""
    token = clause.first("AMOUNT", "COUNT")
    prior = is_prior(clause, ctx.document.info.year)
    approx = is_approximate(ctx.document.text, clause, token)
    role = "prior" if prior else "approx" if approx else "amount" if clause.kind == "amount" else "count"
    amount = record_amount(ctx, clause, token, role)
    if amount is None:
        return
    if prior or approx:
        # "上年为 0.87 万元": last year's figure is neither a part nor the
        # current value a following change refers to; "约 500 万元" is not a
        # figure to add or divide exactly.
        if prior:
            ctx.recent.prior = amount
        return
    breakdown.add_part(ctx, index, clause, amount)
    ctx.recent.add(amount)
    ctx.recent.latest_at, ctx.recent.latest_unit = amount.span.start, amount.quantity.unit
    if clause.kind == "amount":
        ctx.subject.topic = ctx.subject.topic or amount
        ctx.subject.last = amount
        ctx.subject.amount_at[index] = amount


def handle_budget_or_final(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """A budget or final figure: "年初预算为 A 万元", "支出决算为 B 万元"."""
    role = "budget" if clause.kind == "budget_amount" else "final"
    if is_prior(clause, ctx.document.info.year):
        # "上年预算数为 31.61 万元": last year's budget, not this one
        amount = record_amount(ctx, clause, clause.first("AMOUNT"), "prior")
        if amount is not None:
            ctx.recent.prior = amount
        return
    amount = record_amount(ctx, clause, clause.first("AMOUNT"), role)
    if amount is None:
        return
    if role == "budget":
        ctx.recent.budget = amount
    else:
        ctx.recent.final = amount
    ctx.subject.last = amount
    ctx.recent.add(amount)
    ctx.subject.topic = ctx.subject.topic or amount
