"""Budget against final: the variance rate ("预决算差异率 R%", "超出预算 R%")
and the wording "决算数大于/小于预算数" (the completion rate, which reads the
same two figures, is linter.facts.handlers.completion).

The two figures are the sentence's budget and final amounts ("年初预算为 B",
"支出决算为 F"), or plain amounts whose labels say which is which ("年初预算
369.16万元，支出决算339.74万元").  A variance rate that follows a change
against the budget ("较年初预算增加 235.51万元，超出预算 17.38%") is that
change's rate instead.
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause, quantity
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.context import SentenceContext
from linter.facts.model import Amount, Quantity, Variance
from linter.sourcemap import Span

# A plain amount's label that names it a budget or a final figure: "年初预算",
# "公务接待费预算为", "支出决算" — but not "一般公共预算" or "国有资本经营预算".
_BARE_BUDGET = re.compile(r"(?:(?:年初|全年|调整后?)预算(?:数|总额)?|(?<!公共)(?<!经营)(?<!基金)预算(?:数|总额)?(?:为|是))$")
_BARE_FINAL = re.compile(r"(?:决算|执行)(?:数|支出)?(?:为|是)?$")
# Words saying the final figure is below the budget.
_LESS = re.compile(r"(?:决算数?|支出)?(?:小于|低于|少于)(?:年初)?预算|减少|下降|降低|节约|结余")
_RATE_DIRECTIONS = {"over_budget": "inc", "under_budget": "dec"}
_REVERSED = {"大于": "小于", "高于": "低于", "小于": "大于", "低于": "高于"}


def said_less(text: str, span: Span) -> bool:
    """Does the sentence around ``span`` (up to 200 characters each way) say in
    words that the final figure is below the budget ("…决算数小于预算数")?"""
    start = max(text.rfind("。", max(0, span.start - 200), span.start), max(0, span.start - 200))
    end = text.find("。", span.end, span.end + 200)
    return bool(_LESS.search(text, start, end if end != -1 else span.end + 200))


def _rate_of_pending_change(ctx: SentenceContext, clause: Clause, pct: Quantity) -> bool:
    """"支出1,590.70万元，较年初预算增加235.51万元，超出预算17.38%": the rate
    of the change against the budget, checked like a change.  Taken?"""
    pending = ctx.changes.pending
    if not (
        pending is not None and ctx.changes.pending_age <= 1 and pending.rate is None
        and pending.against_budget and (ctx.recent.budget is None or ctx.recent.final is None)
    ):
        return False
    word = clause.first("VARW", "OVERW", "UNDERW").text
    pending.rate_direction = _RATE_DIRECTIONS.get(clause.kind, pending.direction)
    pending.rate = pct
    pending.words = (*pending.words, word)
    pending.span = Span(pending.span.start, pct.span.end)
    return True


def budget_and_final(ctx: SentenceContext) -> tuple[Amount | None, Amount | None]:
    """The sentence's budget and final figures: those named so ("年初预算为",
    "支出决算为"), else plain amounts whose labels say which is which —
    "年初预算369.16万元，支出决算339.74万元" — even without 为/数."""
    plain = list(ctx.subject.amount_at.values())[::-1]  # the sentence's plain amounts, latest first
    ctx.recent.budget = ctx.recent.budget or next((a for a in plain if _BARE_BUDGET.search(a.label)), None)
    ctx.recent.final = ctx.recent.final or next((a for a in plain if _BARE_FINAL.search(a.label)), None)
    return ctx.recent.budget, ctx.recent.final


_OTHER_ITEM = re.compile(r"其中|[；;]")


def one_item(ctx: SentenceContext, budget: Amount, final: Amount) -> bool:
    """Are the budget and final figures of one item?  "“三公”经费年初预算为 20.00
    万元…，其中：公务接待费支出决算为 4.00 万元，完成年初预算的 80.00%": a 其中
    or a "；" between them starts another item, whose own budget is not
    printed — its rate is not checked against the total's budget."""
    low, high = sorted((budget.span.end, final.span.start))
    return not _OTHER_ITEM.search(ctx.document.text, low, high)


def handle_variance(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """A variance rate: "预决算差异率 R%", "超出预算 R%" (over_budget), "低于预算 R%"
    (under_budget)."""
    pct_token = clause.first("PCT")
    pct = quantity(pct_token)
    if is_approximate(ctx.document.text, clause, pct_token):
        return
    if pct is not None and _rate_of_pending_change(ctx, clause, pct):
        return
    budget, final = budget_and_final(ctx)
    if pct is None or budget is None or final is None or budget is final or not one_item(ctx, budget, final):
        return
    ctx.emit(Variance(budget, final, pct, None, None, said_less=said_less(ctx.document.text, pct.span)))


def handle_relation(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """"决算数小于预算数" (relation), or "预算数大于决算数" (relation_budget_first,
    read the other way round)."""
    word = clause.first("RELW")
    if ctx.recent.budget is None or ctx.recent.final is None:
        return
    relation = word.text
    if clause.kind == "relation_budget_first":
        relation = _REVERSED.get(relation, relation)
    span = Span(clause.core[0].start, clause.core[-1].end)
    ctx.emit(Variance(ctx.recent.budget, ctx.recent.final, None, relation, span, said_less=said_less(ctx.document.text, span)))
