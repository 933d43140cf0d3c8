"""Table facts as text and JSON for ``disclint facts`` — what the table rules see.

A table rule never reads cells: it reads the store's table models
(``document.facts.tables()``) and their rows.  When a rule is silent on a
table, or fires on a row a reader thinks is right, the question is always
"what did the table stage make of it?": which kind the table was taken for,
which columns its header named, which column each printed number went to (or
that it stayed ambiguous, so no rule reads it), and, for a self-evaluation,
which funds, score and indicator rows were read.  This module answers it in the
same two shapes as the prose facts (linter.facts.render).

The JSON shape of one table (stable; new keys may be added, none renamed)::

    {"kind", "unit", "title", "line", "end_line", "columns": [name, ...],
     "rows": [row, ...], "funds": [...], "scores": [...], "indicators": [...],
     "indicators_complete": bool}

with quantities as in linter.facts.render.quantity_as_dict, and

    row:       {"line", "column", "end_line", "code", "name", "title", "parent",
                "numbers": [quantity + {"placed_in": column or null}],
                "columns": {column: quantity + {"empty": bool}},
                "ambiguous": bool, "choices": [{column: text or null}]}
    funds:     {"line", "initial", "budget", "spent", "rate", "weight", "score"}
    score:     {"line", "weight", "score"}
    indicator: {"line", "name", "unit", "target", "actual", "stated_gap",
                "weight", "score"}
"""

from __future__ import annotations

from collections.abc import Callable

from linter.facts.render import quantity_as_dict
from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel, TableRow
from linter.tree import Document

_TITLE = 30  # characters of a table's title shown in the text view

Wants = Callable[[str], bool]  # is a view kind ("row", "funds", …) shown?


def _everything(kind: str) -> bool:
    return True


# -- JSON ---------------------------------------------------------------------


def _placed_in(row: TableRow, number) -> str | None:
    """The column a printed number was placed in (compared by identity: two
    equal numbers of one row are two cells)."""
    return next((name for name, placed in row.columns.items() if placed is number), None)


def _is_empty(row: TableRow, placed) -> bool:
    """A column the table stage filled with the zero of an empty cell."""
    return not any(placed is number for number in row.numbers)


def row_as_dict(document: Document, row: TableRow) -> dict:
    loc = document.location(row.span)
    return {
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "code": row.code,
        "name": row.label,
        "title": row.title,
        "parent": row.parent.title if row.parent is not None else None,
        "numbers": [
            {**quantity_as_dict(document, number), "placed_in": _placed_in(row, number)} for number in row.numbers
        ],
        "columns": {
            name: {**quantity_as_dict(document, placed), "empty": _is_empty(row, placed)}
            for name, placed in row.columns.items()
        },
        "ambiguous": row.ambiguous,
        "choices": [
            {name: (value.text if value is not None else None) for name, value in choice.items()}
            for choice in row.choices
        ],
    }


def funds_as_dict(document: Document, funds: FundsRow) -> dict:
    return {
        "line": document.location(funds.span).line,
        **{name: quantity_as_dict(document, getattr(funds, name))
           for name in ("initial", "budget", "spent", "rate", "weight", "score")},
    }


def score_as_dict(document: Document, score: ScoreRow) -> dict:
    return {
        "line": document.location(score.span).line,
        "weight": quantity_as_dict(document, score.weight),
        "score": quantity_as_dict(document, score.score),
    }


def indicator_as_dict(document: Document, indicator: IndicatorRow) -> dict:
    return {
        "line": document.location(indicator.span).line,
        "name": indicator.name,
        "unit": indicator.unit,
        "target": quantity_as_dict(document, indicator.target),
        "actual": quantity_as_dict(document, indicator.actual),
        "stated_gap": quantity_as_dict(document, indicator.stated_gap),
        "weight": quantity_as_dict(document, indicator.weight),
        "score": quantity_as_dict(document, indicator.score),
    }


def table_as_dict(document: Document, model: TableModel, wants: Wants = _everything) -> dict:
    """One table as read; only the row lists of the kinds ``wants`` are
    filled (the others are empty lists, so the shape never changes)."""
    loc = document.location(model.span)
    return {
        "kind": model.kind,
        "unit": model.unit,
        "title": model.table.title,
        "line": loc.line,
        "end_line": loc.end_line,
        "columns": list(model.columns),
        "rows": [row_as_dict(document, row) for row in model.rows] if wants("row") else [],
        "funds": [funds_as_dict(document, funds) for funds in model.funds] if wants("funds") else [],
        "scores": [score_as_dict(document, score) for score in model.scores] if wants("score") else [],
        "indicators": (
            [indicator_as_dict(document, indicator) for indicator in model.indicators] if wants("indicator") else []
        ),
        "indicators_complete": model.indicators_complete,
    }


# -- text ---------------------------------------------------------------------


def _line(document: Document, span, kind: str, body: str) -> str:
    loc = document.location(span)
    return f"{f'L{loc.line}:{loc.column}':<10} {kind:<11} {body}"


def _title(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _TITLE else title[:_TITLE] + "…"


def _table_text(model: TableModel) -> str:
    columns = f"; columns {' / '.join(model.columns)}" if model.columns else ""
    counts = [
        f"{len(found)} {name}"
        for found, name in ((model.rows, "rows"), (model.funds, "funds"), (model.scores, "scores"),
                            (model.indicators, "indicators"))
        if found
    ]
    read = f"; {', '.join(counts)}" if counts else ""
    return f"{model.kind} {_title(model.table.title) or '(untitled)'} ({model.unit}{columns}{read})"


def _choice_text(choice: dict) -> str:
    return ", ".join(f"{name}={value.text}" if value is not None else f"{name} empty" for name, value in choice.items())


def _row_text(row: TableRow) -> str:
    placed = [_placed_in(row, number) for number in row.numbers]
    numbers = " ".join(f"{number.text}→{name}" if name else number.text for number, name in zip(row.numbers, placed))
    notes = [f"{name} empty" for name, value in row.columns.items() if _is_empty(row, value)]
    if not row.choices and placed.count(None):
        notes.append(f"{placed.count(None)} not placed")
    if row.choices == [{}]:
        notes.append("not placed: no identity settles an incomplete row")
    elif row.choices:
        notes.append("ambiguous: " + " | ".join(_choice_text(choice) for choice in row.choices))
    if not row.numbers:
        notes.append("no numbers read")
    tail = f"({'; '.join(notes)})" if notes else ""
    return f"{row.title}: " + " ".join(part for part in (numbers, tail) if part)


def _with_unit(quantity, unit: str) -> str:
    if quantity is None:
        return "-"
    return f"{quantity.text}{unit}" if unit == "%" else f"{quantity.text} {unit}".rstrip()


def _funds_text(funds: FundsRow) -> str:
    return (
        f"budget {funds.budget.text} (initial {funds.initial.text}), spent {funds.spent.text}, "
        f"rate {funds.rate.text}, score {funds.score.text}/{funds.weight.text}"
    )


def indicator_text(indicator: IndicatorRow) -> str:
    """An indicator as B109/B110 read it: name, target, actual, stated gap, score."""
    gap = f", stated gap {_with_unit(indicator.stated_gap, indicator.unit)}" if indicator.stated_gap else ""
    return (
        f"{indicator.name or '(name not read)'}: target {_with_unit(indicator.target, indicator.unit)}, "
        f"actual {_with_unit(indicator.actual, indicator.unit)}{gap}, "
        f"score {indicator.score.text}/{indicator.weight.text}"
    )


def _score_text(model: TableModel, score: ScoreRow) -> str:
    state = "every indicator read" if model.indicators_complete else "indicators not all read: not summed"
    return f"total {score.score.text}/{score.weight.text} ({state})"


def table_as_text(document: Document, model: TableModel, wants: Wants = _everything) -> list[str]:
    """The table's line, then a line per row of the kinds ``wants``."""
    lines = [_line(document, model.span, "table", _table_text(model))]
    if wants("row"):
        lines += [_line(document, row.span, "row", _row_text(row)) for row in model.rows]
    if wants("funds"):
        lines += [_line(document, funds.span, "funds", _funds_text(funds)) for funds in model.funds]
    if wants("indicator"):
        lines += [_line(document, ind.span, "indicator", indicator_text(ind)) for ind in model.indicators]
    if wants("score"):
        lines += [_line(document, score.span, "score", _score_text(model, score)) for score in model.scores]
    return lines
