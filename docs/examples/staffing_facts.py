"""Worked example (b): a fact handler, and a rule that reads its facts.

"本单位编制 10 人，实有人数 12 人" states two head counts that belong together.
The handler pairs them into one :class:`Staffing` fact, so the rule compares
two fields of a fact instead of searching the text — and any other rule
about staffing can reuse the fact.

A handler runs inside the fact store, once per document, after the built-in
prose stage: it builds on ``document.facts.prose`` (the prose facts, here
amounts in 人 with their label keys), not on ``of()`` / ``within()``, which
also return the plugin facts being made.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.facts.model import Amount
from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.rule import Example, Rule
from linter.sourcemap import Span


@dataclass(frozen=True)
class Staffing:
    """The authorised posts (编制) and the staff in post (实有) one sentence states."""

    authorised: Amount
    actual: Amount
    span: Span
    kind: str = field(default="staffing", init=False)


def staffing_facts(document):
    """One Staffing fact per paragraph that states both head counts."""
    people = [fact for fact in document.facts.prose if isinstance(fact, Amount) and fact.quantity.unit == "人"]
    for paragraph in document.paragraphs():
        inside = [a for a in people if paragraph.span.start <= a.span.start < paragraph.span.end]
        authorised = next((a for a in inside if a.key.endswith("编制")), None)
        actual = next((a for a in inside if "实有" in a.key), None)
        if authorised is not None and actual is not None:
            yield Staffing(authorised, actual, Span(authorised.span.start, actual.span.end))


class OverEstablishment(Rule):
    code = "Z802"
    name = "staff-over-establishment"
    severity = "warning"
    summary = Message("实有人数超过编制数", "More staff in post than authorised posts")
    description = Message(
        "同一句中的实有人数不应超过编制数；超编须说明原因。",
        "The staff in post a sentence states should not exceed the authorised posts it states.",
    )
    consumes = (Staffing,)
    examples = (
        Example("本单位编制 10 人，实有人数 12 人。", fails=True),
        Example("本单位编制 10 人，实有人数 9 人。", fails=False),
    )

    def check(self, document):
        for staffing in document.facts.of(Staffing):
            authorised, actual = staffing.authorised.quantity, staffing.actual.quantity
            if actual.interval.lo > authorised.interval.hi:
                yield self.finding(
                    actual.span,
                    f"实有人数 {actual.text}超过编制数 {authorised.text}",
                    f"the staff in post ({actual.text}) exceed the authorised posts ({authorised.text})",
                    expected=f"<= {authorised.text}",
                    actual=actual.text,
                )


@hookimpl
def disclint_fact_handlers():
    return [staffing_facts]


@hookimpl
def disclint_rules():
    return [OverEstablishment()]
