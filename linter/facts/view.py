"""What ``disclint facts`` shows: which facts, chosen by kind (``--only``) or
by the rules that read them (``--rule``), and the report in text or JSON.

Every fact a rule reads is in the document's store (linter.facts.store), so a
view of the store is a view of what the rules see.  A rule declares the fact
types it reads (``Rule.consumes``); ``--rule CODE`` maps those types to the
kinds shown here, so the view of one rule is exactly its input.  A consumed
type this view has no kind for (a plugin's own fact type, from its fact
handler, or a new one) is asked of the store as it is (``document.facts.of``)
and shown generically, by its kind and the text it covers: a rule's view is
never silently empty because its fact type is new here.

The JSON report (stable; new keys may be added, none renamed)::

    {"path": str,
     "facts": [prose fact, ...],          # linter.facts.render.fact_as_dict
     "tables": [table, ...],              # linter.facts.table_render.table_as_dict
     "other_facts": [fact, ...],          # linter.facts.render.other_fact_as_dict:
                                          # the plugins' facts, or with --rule the
                                          # consumed facts of no kind above
     "rules": [{"code", "consumes": [kind, ...]}, ...]}   # only with --rule
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.facts.model import Amount, Breakdown, Change, Completion, Expression, Share, Variance
from linter.facts.render import fact_as_dict, fact_as_text, other_fact_as_dict, other_fact_as_text
from linter.facts.table_render import table_as_dict, table_as_text
from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel, TableRow
from linter.tree import Document

# The kinds of built-in facts, as ``--only`` names them and fact_as_dict's
# "kind" says; a type's kind is what a rule that consumes it is shown.
PROSE_KINDS = {
    Amount: "amount",
    Share: "share",
    Change: "change",
    Breakdown: "breakdown",
    Variance: "variance",
    Completion: "completion",
    Expression: "expression",
}
TABLE_KINDS = {
    TableModel: "table",
    TableRow: "row",
    FundsRow: "funds",
    ScoreRow: "score",
    IndicatorRow: "indicator",
}
VIEW_KINDS = (*PROSE_KINDS.values(), *TABLE_KINDS.values())
_ROW_KINDS = ("row", "funds", "score", "indicator")


def consumed_kinds(rule) -> tuple[list[str], list[type]]:
    """The view kinds of the built-in facts ``rule`` consumes, and the
    consumed types that are no built-in fact (a plugin's fact types).  A type
    names its subclasses too, as ``document.facts.of`` does."""
    kinds: list[str] = []
    others: list[type] = []
    for consumed in rule.consumes:
        found = [kind for typ, kind in {**PROSE_KINDS, **TABLE_KINDS}.items() if issubclass(typ, consumed)]
        if found:
            kinds.extend(kind for kind in found if kind not in kinds)
        else:
            others.append(consumed)
    return kinds, others


def reads_no_facts(rule) -> str:
    """Why a rule has nothing to show: what it reads instead of facts."""
    from linter.yamlrules.kinds import YamlRule

    if isinstance(rule, YamlRule):
        return f"{rule.code} is a YAML rule: it reads the outline and the text, not facts"
    return f"{rule.code} consumes no facts (its `consumes` is empty): it reads the outline, or does not declare what it reads"


def unfound_types(document: Document, rule) -> list[type]:
    """The consumed types of no built-in kind that ``document.facts.of``
    finds none of: worth a note, since a type the store keeps outside its
    index would look like a document without such facts."""
    return [typ for typ in consumed_kinds(rule)[1] if not document.facts.of(typ)]


@dataclass(frozen=True)
class Selection:
    """The kinds to show (None: every built-in kind) and the other fact
    types (None: every plugin fact; () none)."""

    kinds: frozenset[str] | None = None
    other_types: tuple[type, ...] | None = None

    def wants(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


def select(only: tuple[str, ...] = (), rules: tuple = ()) -> Selection:
    """``--only`` kinds, and the facts the ``--rule`` rules consume: both
    given, what both name.  ``--only`` names built-in kinds, so it leaves
    plugin facts out."""
    kinds: set[str] | None = set(only) if only else None
    other_types: tuple[type, ...] | None = () if only else None
    if rules:
        consumed: set[str] = set()
        others: list[type] = []
        for rule in rules:
            rule_kinds, rule_others = consumed_kinds(rule)
            consumed.update(rule_kinds)
            others.extend(rule_others)
        kinds = consumed if kinds is None else kinds & consumed
        other_types = tuple(others) if other_types is None else ()
    return Selection(frozenset(kinds) if kinds is not None else None, other_types)


def _prose(document: Document, selection: Selection) -> list:
    if not any(selection.wants(kind) for kind in PROSE_KINDS.values()):
        return []  # the prose stage is not run for a table-only view
    return [fact for fact in document.facts if selection.wants(fact.kind)]


def _tables(document: Document, selection: Selection) -> list[TableModel]:
    """The tables to show: all when "table" is wanted, else those with a
    row of a wanted kind (the table line is their context)."""
    if not any(selection.wants(kind) for kind in TABLE_KINDS.values()):
        return []
    lists = {"row": "rows", "funds": "funds", "score": "scores", "indicator": "indicators"}
    return [
        model for model in document.facts.tables()
        if selection.wants("table") or any(selection.wants(kind) and getattr(model, lists[kind]) for kind in _ROW_KINDS)
    ]


def _other(document: Document, selection: Selection) -> list:
    if selection.other_types is None:
        return document.facts.plugin_facts
    if not selection.other_types:
        return []  # the plugins' handlers are not run when none is shown
    return document.facts.of(*selection.other_types)


def facts_as_dict(document: Document, path: str, selection: Selection, rules: tuple = ()) -> dict:
    payload: dict = {
        "path": path,
        "facts": [fact_as_dict(document, fact) for fact in _prose(document, selection)],
        "tables": [table_as_dict(document, model, selection.wants) for model in _tables(document, selection)],
        "other_facts": [other_fact_as_dict(document, fact) for fact in _other(document, selection)],
    }
    if rules:
        payload["rules"] = [{"code": rule.code, "consumes": _consumes(rule)} for rule in rules]
    return payload


def _consumes(rule) -> list[str]:
    """The kinds a rule consumes, and the names of its other fact types."""
    kinds, others = consumed_kinds(rule)
    return kinds + [typ.__name__ for typ in others]


def facts_as_text(document: Document, selection: Selection) -> list[str]:
    """Prose facts, then the other facts, then each table with its rows."""
    lines = [fact_as_text(document, fact) for fact in _prose(document, selection)]
    lines += [other_fact_as_text(document, fact) for fact in _other(document, selection)]
    for model in _tables(document, selection):
        lines += table_as_text(document, model, selection.wants)
    return lines
