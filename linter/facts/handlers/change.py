"""Changes: "比上年增加 A 万元，增长 R%", "增长 R%，增加 A 万元", "与上年持平",
and the subject a change is about ("收入支出总体与上年相比，减少…").

A change amount waits one clause for its rate (and a rate one clause for
its amount), so that the two make one :class:`Change`.  Its current value
(``subject``) is the figure its own words or the preceding comparison name,
else the sentence's last money amount, else the previous sentence's topic;
when nothing resolves it is kept without one and no rate is checked.  When
the sentence states the base too ("上年为 0.87 万元", or the 年初预算 of
"…支出决算为 B，较年初预算增加 X"), it becomes ``previous``.
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause, quantity
from linter.facts.handlers.approximate import is_approximate
from linter.facts.handlers.context import SentenceContext
from linter.facts.labels import squeezed
from linter.facts.lexer import Tok
from linter.facts.model import Amount, Change
from linter.sourcemap import Span

_DIRECTIONS = {"INC": "inc", "DEC": "dec", "FLAT": "flat"}


def handle_comparison(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """"收入支出总体与上年相比": what the next change is about."""
    ctx.subject.named = clause.pre_text or ctx.subject.named


def _named_subject(ctx: SentenceContext, clause: Clause, at: int) -> tuple[bool, Amount | None]:
    """The subject the clause's own words or the open comparison name, and
    whether any words named one."""
    if clause.pre_text:
        return True, ctx.reader.figures.subject(clause.pre_text, at)
    if ctx.subject.named:
        return True, ctx.reader.figures.subject(ctx.subject.named, at)
    return False, None


_LAST_YEAR = re.compile(r"上年|上一年|去年|(?:19|20)\d{2}")
_BUDGET_STAGE = re.compile(r"(?:年初|全年|调整后?的?)预算(?:数|总额)?$|预算数$")  # not a fund's name ("一般公共预算")


def _is_budget_figure(amount: Amount) -> bool:
    """Is the figure a budget ("年初预算为 A", "…支出年初预算 139,217.01万元")?"""
    return amount.role == "budget" or bool(_BUDGET_STAGE.search(squeezed(amount.label)))


def _compared_figure(ctx: SentenceContext, subject: Amount | None, base: str, at: int) -> Amount | None:
    """The figure a change is about, once its stage is checked.  In a final
    account a change compares the 决算 — with last year's, or with the budget
    ("较年初预算增加") — so a subject that resolved to the 年初预算 ("…年初预算
    139,217.01万元，支出决算296,047.75万元…。与上年相比，财政拨款支出减少…")
    is replaced by the final figure of the same name, or dropped when there is
    none: a rate is never checked against the wrong stage."""
    if subject is None or not _is_budget_figure(subject):
        return subject
    this_years_budget = "预算" in base and not _LAST_YEAR.search(base)  # "较年初预算", not "比 2025 年预算"
    if not this_years_budget and ctx.document.info.kind != "final_account":
        return subject  # a budget's change from last year's budget
    final = ctx.recent.final
    if final is not None and final.span.start < at and (final.key == subject.key or final.key.endswith(subject.key) or subject.key.endswith(final.key)):
        return final
    return ctx.reader.figures.find(subject.key, at, role="final")


def _base_figure(ctx: SentenceContext, change: Change) -> Amount | None:
    """The base the sentence states for ``change``: the budget of a change
    against the budget, last year's figure printed after the current one."""
    subject, prior = change.subject, ctx.recent.prior
    if change.against_budget:
        return ctx.recent.budget if ctx.recent.budget is not None and subject is ctx.recent.final else None
    if prior is not None and prior.quantity.unit == subject.quantity.unit and subject.span.start < prior.span.start:
        return prior  # "X 0.69 万元，上年为 0.87 万元，减少…"
    return None


def _change_amount(ctx: SentenceContext, clause: Clause, direction: str, word: Tok, base: str) -> None:
    amount_tok = clause.first("AMOUNT", "COUNT")
    q = quantity(amount_tok)
    named, subject = _named_subject(ctx, clause, word.start)
    if not named and amount_tok.type == "AMOUNT":
        subject = ctx.subject.last or ctx.subject.previous
    if subject is not None and amount_tok.type != "AMOUNT":
        subject = None
    subject = _compared_figure(ctx, subject, base, word.start)
    rate_only = ctx.changes.rate_only
    if rate_only is not None and ctx.changes.rate_age <= 1 and rate_only.amount is None:
        # "增长 8.30%，增加 54.84 万元": the rate came first.
        rate_only.direction, rate_only.amount = direction, q
        rate_only.subject = rate_only.subject or subject
        rate_only.words = (word.text, *rate_only.words)
        rate_only.span = Span(rate_only.span.start, amount_tok.end)
        ctx.changes.rate_only = None
        return
    pending = Change(subject, direction, q, None, None, base, (word.text,), Span(word.start, amount_tok.end))
    if subject is not None and amount_tok.type == "AMOUNT":
        pending.previous = _base_figure(ctx, pending)
    ctx.changes.pending, ctx.changes.pending_age = pending, 0
    ctx.emit(pending)


def _change_rate(ctx: SentenceContext, clause: Clause, direction: str, word: Tok, base: str) -> None:
    pct_token = clause.first("PCT")
    pct = quantity(pct_token)
    if is_approximate(ctx.document.text, clause, pct_token):
        return  # "增长约 20%"
    pending = ctx.changes.pending
    if pending is not None and ctx.changes.pending_age <= 1 and pending.rate is None:
        pending.rate_direction = direction
        pending.rate = pct
        pending.words = (*pending.words, word.text)
        pending.span = Span(pending.span.start, pct.span.end)
        return
    named, subject = _named_subject(ctx, clause, word.start)
    if not named:
        subject = ctx.subject.last or ctx.subject.previous
    subject = _compared_figure(ctx, subject, base, word.start)
    ctx.changes.rate_only = Change(subject, direction, None, direction, pct, base, (word.text,), Span(word.start, pct.span.end))
    ctx.changes.rate_age = 0
    ctx.emit(ctx.changes.rate_only)


def _flat(ctx: SentenceContext, word: Tok, base: str) -> None:
    pending = ctx.changes.pending
    if pending is not None and ctx.changes.pending_age <= 1 and pending.rate is None:
        # "增加 5.00 万元，持平": the change is called no change.
        pending.rate_direction = "flat"
        pending.words = (*pending.words, word.text)
        pending.span = Span(pending.span.start, word.end)
        return
    ctx.emit(Change(None, "flat", None, None, None, base, (word.text,), Span(word.start, word.end)))


def handle_change(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """A change_amount, change_rate or flat clause."""
    word = clause.first("INC", "DEC", "FLAT")
    direction = _DIRECTIONS[word.type]
    base = "".join(t.text for t in clause.core if t.type == "CMP")
    if clause.kind == "change_amount":
        _change_amount(ctx, clause, direction, word, base)
    elif clause.kind == "change_rate":
        _change_rate(ctx, clause, direction, word, base)
    else:
        _flat(ctx, word, base)
