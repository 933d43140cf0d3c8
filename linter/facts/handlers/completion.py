"""Completion rates: "年初预算为 B，支出决算为 F，完成年初预算的 R%", "预算执行率为
R%", "决算数为年初预算数的 R%": R = F / B, of the sentence's budget and final
figures (linter.facts.handlers.variance.budget_and_final).
"""

from __future__ import annotations

from linter.facts.clause import Clause, quantity
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.context import SentenceContext
from linter.facts.handlers.variance import budget_and_final, one_item
from linter.facts.model import Completion


def handle_completion(ctx: SentenceContext, index: int, clause: Clause) -> None:
    pct_token = clause.first("PCT")
    pct = quantity(pct_token)
    if is_approximate(ctx.document.text, clause, pct_token):
        return
    budget, final = budget_and_final(ctx)
    if pct is None or budget is None or final is None or budget is final or not one_item(ctx, budget, final):
        return
    ctx.emit(Completion(budget, final, pct))
