"""Facts as text and JSON for ``disclint facts`` — what the number rules see."""

from __future__ import annotations

from linter.facts.model import Amount, Breakdown, Change, Completion, Expression, Quantity, Share, Variance
from linter.tree import Document


def quantity_as_dict(document: Document, q: Quantity | None) -> dict | None:
    """A printed number: its text, its value and interval (万元 for money),
    and where it is printed."""
    if q is None:
        return None
    loc = document.location(q.span)
    return {
        "text": document.raw_text(q.span),
        "value": str(q.value),
        "interval": [str(q.interval.lo), str(q.interval.hi)],
        "unit": q.unit,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "page": loc.page,
    }


def _amount(document: Document, a: Amount | None) -> dict | None:
    if a is None:
        return None
    return {"label": a.label, "key": a.key, "role": a.role, **(quantity_as_dict(document, a.quantity) or {})}


def fact_as_dict(document: Document, fact) -> dict:
    loc = document.location(fact.span)
    data: dict = {"kind": fact.kind, "line": loc.line, "column": loc.column}
    if isinstance(fact, Amount):
        data.update(_amount(document, fact))
    elif isinstance(fact, Share):
        data.update(
            part=_amount(document, fact.part),
            total=_amount(document, fact.total),
            named_total=fact.total_label,
            percent=quantity_as_dict(document, fact.percent),
        )
    elif isinstance(fact, Change):
        data.update(
            subject=_amount(document, fact.subject),
            direction=fact.direction,
            amount=quantity_as_dict(document, fact.amount),
            rate_direction=fact.rate_direction,
            rate=quantity_as_dict(document, fact.rate),
            base=fact.base,
            words=list(fact.words),
        )
    elif isinstance(fact, Breakdown):
        data.update(
            total=_amount(document, fact.total),
            parts=[_amount(document, part) for part in fact.parts],
            complete=fact.complete,
            nested=fact.nested,
        )
    elif isinstance(fact, Variance):
        data.update(
            budget=_amount(document, fact.budget),
            final=_amount(document, fact.final),
            rate=quantity_as_dict(document, fact.rate),
            relation=fact.relation,
        )
    elif isinstance(fact, Completion):
        data.update(
            budget=_amount(document, fact.budget),
            final=_amount(document, fact.final),
            rate=quantity_as_dict(document, fact.rate),
        )
    elif isinstance(fact, Expression):
        data.update(
            text=fact.text,
            factors=[quantity_as_dict(document, q) for q in fact.factors],
            result=quantity_as_dict(document, fact.result),
        )
    return data


def _short(a: Amount | None) -> str:
    return f"{a.label or '?'} {a.quantity.text}" if a else "?"


def fact_as_text(document: Document, fact) -> str:
    loc = document.location(fact.span)
    where = f"L{loc.line}:{loc.column}"
    if isinstance(fact, Amount):
        body = f"{fact.role} {_short(fact)}"
    elif isinstance(fact, Share):
        body = f"{fact.part.quantity.text} / {_short(fact.total)} = {fact.percent.text}"
    elif isinstance(fact, Change):
        amount = fact.amount.text if fact.amount else "-"
        rate = fact.rate.text if fact.rate else "-"
        body = f"{fact.base or '-'} {'/'.join(fact.words)} {amount} {rate} (current: {_short(fact.subject) if fact.subject else '?'})"
    elif isinstance(fact, Breakdown):
        parts = " + ".join(p.quantity.text for p in fact.parts)
        flags = ("complete" if fact.complete else "partial") + (", nested" if fact.nested else "")
        body = f"{_short(fact.total)} = {parts} ({flags})"
    elif isinstance(fact, Variance):
        claim = fact.rate.text if fact.rate else fact.relation
        body = f"budget {fact.budget.quantity.text}, final {fact.final.quantity.text}: {claim}"
    elif isinstance(fact, Completion):
        body = f"{fact.final.quantity.text} / {fact.budget.quantity.text} = {fact.rate.text}"
    else:
        body = fact.text
    return f"{where:<10} {fact.kind:<11} {body}"


def other_fact_kind(fact) -> str:
    """A fact of no built-in kind (a plugin's) names its kind like the
    built-in ones, or is named by its type."""
    return str(getattr(fact, "kind", "") or type(fact).__name__)


def other_fact_as_dict(document: Document, fact) -> dict:
    """A plugin's fact is any object with a span (hookspecs.
    disclint_fact_handlers): shown by its kind, its type and the text it covers."""
    loc = document.location(fact.span)
    return {
        "kind": other_fact_kind(fact),
        "type": f"{type(fact).__module__}.{type(fact).__qualname__}",
        "line": loc.line,
        "column": loc.column,
        "text": document.raw_text(fact.span),
    }


def other_fact_as_text(document: Document, fact) -> str:
    loc = document.location(fact.span)
    return f"{f'L{loc.line}:{loc.column}':<10} {other_fact_kind(fact):<11} {document.raw_text(fact.span)}"
