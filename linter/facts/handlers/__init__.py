"""One handler per claim kind of a sentence, and the loop that runs them.

Each clause of a sentence has a kind from the clause grammar
(grammar/clause.lark).  :func:`read_sentence` walks the clauses once; before
each it lets the breakdown handler track brackets and open or end 其中
lists, then hands the clause to the handler of its kind:

========================  ==============================================
clause kind               handler
========================  ==============================================
amount, count             amount.handle_amount (prior / approx roles)
budget_amount, final_…    amount.handle_budget_or_final
share                     share.handle_share (分别 pairs too)
change_amount, change_…   change.handle_change (and flat)
comparison                change.handle_comparison
variance, over_/under_…   variance.handle_variance
completion                completion.handle_completion
relation, relation_b…     variance.handle_relation
========================  ==============================================

All handlers share one :class:`~linter.facts.handlers.context.SentenceContext`.
Whole-paragraph and whole-document facts have handlers of their own:
expression (a*b=c), evaluation (a project's summary), definition.
"""

from __future__ import annotations

from collections.abc import Callable

from linter.facts.clause import Clause
from linter.facts.handlers import amount, breakdown, change, completion, share, variance
from linter.facts.handlers.context import SentenceContext

Handler = Callable[[SentenceContext, int, Clause], None]

CLAUSE_HANDLERS: dict[str, Handler] = {
    "amount": amount.handle_amount,
    "count": amount.handle_amount,
    "budget_amount": amount.handle_budget_or_final,
    "final_amount": amount.handle_budget_or_final,
    "share": share.handle_share,
    "comparison": change.handle_comparison,
    "change_amount": change.handle_change,
    "change_rate": change.handle_change,
    "flat": change.handle_change,
    "variance": variance.handle_variance,
    "over_budget": variance.handle_variance,
    "under_budget": variance.handle_variance,
    "completion": completion.handle_completion,
    "relation": variance.handle_relation,
    "relation_budget_first": variance.handle_relation,
}


def read_sentence(ctx: SentenceContext) -> SentenceContext:
    """The facts of one sentence, emitted through ``ctx``; returns the context
    (its topic, the last figure of each unit and the counts, which the next
    sentence of the paragraph reads)."""
    for index, clause in enumerate(ctx.parsed):
        if index in ctx.skip:
            continue
        ctx.changes.pending_age += 1
        ctx.changes.rate_age += 1
        breakdown.track_brackets(ctx, index, clause)
        breakdown.open_lists(ctx, clause)
        handler = CLAUSE_HANDLERS.get(clause.kind)
        if handler is not None:
            handler(ctx, index, clause)
    breakdown.close_sentence(ctx)
    return ctx


def document_handlers() -> list[Callable]:
    """The built-in handlers of facts about the whole document (run by the
    fact store with the plugins' handlers, see hookspecs.disclint_fact_handlers)."""
    from linter.facts.evaluations import evaluated_projects
    from linter.facts.handlers.definition import definitions
    from linter.facts.handlers.evaluation import evaluation_summaries

    return [definitions, evaluation_summaries, evaluated_projects]
