"""Render the document tree for ``disclint parse`` (text and JSON)."""

from __future__ import annotations

from linter.facts.table_render import indicator_text
from linter.tree import Document, Node, Paragraph, Section, Table, Toc

_PREVIEW = 40


def _loc(document: Document, span) -> dict:
    loc = document.location(span)
    return {
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "page": loc.page,
    }


def _node_dict(document: Document, node: Node) -> dict:
    data: dict = {"type": node.kind, **_loc(document, node.span)}
    if isinstance(node, Section):
        data.update(level=node.level, number=node.label, title=node.raw_title)
        data["children"] = [_node_dict(document, child) for child in node.children]
    elif isinstance(node, Paragraph):
        data["text"] = document.raw_text(node.span)
    elif isinstance(node, Table):
        data["title"] = node.title
        data["rows"] = [
            {**_loc(document, row.span), "cells": [document.raw_text(cell.span) for cell in row.cells]}
            for row in node.rows
        ]
        data["model"] = _model_dict(document, node)
    elif isinstance(node, Toc):
        data["entries"] = [
            {**_loc(document, entry.span), "text": entry.text, "page": entry.page} for entry in node.entries
        ]
    return data


def _model(document: Document, table: Table):
    """The table as the store read it.  A table continued on the next page is
    read as one, starting where this one starts: shown here, at its first part."""
    return next((m for m in document.facts.tables() if m.table.span.start == table.span.start), None)


def _text(quantity) -> str | None:
    return quantity.text if quantity is not None else None


def _columns_text(row) -> str:
    if not row.numbers:
        return "(no numbers read)"
    return " ".join(f"{name}={q.text or '0'}" for name, q in row.columns.items())


def _model_dict(document: Document, table: Table) -> dict | None:
    """What the table rules read: data rows with their columns placed."""
    model = _model(document, table)
    if model is None or model.kind == "other":
        return None
    return {
        "kind": model.kind,
        "unit": model.unit,
        "columns": list(model.columns),
        "rows": [
            {
                "line": document.location(row.span).line,
                "code": row.code,
                "label": row.label,
                "columns": {name: q.text or "0" for name, q in row.columns.items()},
                "ambiguous": row.ambiguous,
            }
            for row in model.rows
        ],
        "funds": [
            {"line": document.location(f.span).line, "budget": f.budget.text, "spent": f.spent.text,
             "rate": f.rate.text, "weight": f.weight.text, "score": f.score.text}
            for f in model.funds
        ],
        "scores": [{"line": document.location(s.span).line, "weight": s.weight.text, "score": s.score.text} for s in model.scores],
        "indicators": [
            {"line": document.location(i.span).line, "weight": i.weight.text, "score": i.score.text, "name": i.name,
             "target": _text(i.target), "actual": _text(i.actual), "unit": i.unit, "stated_gap": _text(i.stated_gap)}
            for i in model.indicators
        ],
        "indicators_complete": model.indicators_complete,
    }


def tree_as_dict(document: Document) -> dict:
    info = document.info
    return {
        "path": document.path,
        "encoding": document.encoding,
        "document": {"kind": info.kind, "year": info.year, "unit": info.unit, "sources": info.sources},
        "children": [_node_dict(document, node) for node in document.children],
    }


def _preview(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…"


def tree_as_text(document: Document) -> str:
    info = document.info
    lines = [
        f"{document.path}: kind={info.kind} year={info.year} unit={info.unit} "
        f"(from {', '.join(f'{k}: {v}' for k, v in sorted(info.sources.items())) or 'nothing'})"
    ]

    def visit(node: Node, depth: int) -> None:
        loc = document.location(node.span)
        where = f"L{loc.line}:{loc.column}-L{loc.end_line}:{loc.end_column}"
        if loc.page:
            where += f" p{loc.page}"
        pad = "  " * depth
        if isinstance(node, Section):
            number = node.label if node.label is not None else "-"
            lines.append(f"{where:<24}{pad}{node.level} [{number}] {node.raw_title}")
            for child in node.children:
                visit(child, depth + 1)
        elif isinstance(node, Paragraph):
            lines.append(f"{where:<24}{pad}paragraph: {_preview(document.raw_text(node.span))}")
        elif isinstance(node, Table):
            lines.append(f"{where:<24}{pad}table: {_preview(node.title)} ({len(node.rows)} rows)")
            for row in node.rows:
                row_loc = document.location(row.span)
                cells = " | ".join(document.raw_text(cell.span) for cell in row.cells)
                lines.append(f"{'L' + str(row_loc.line):<24}{pad}  row: {_preview(cells)}")
            model = _model(document, node)
            if model is not None and model.kind == "classified":
                lines.append(f"{'':<24}{pad}  columns: {' / '.join(model.columns)} ({model.unit})")
                for row in model.rows:
                    name = row.title
                    note = "  (ambiguous: not placed)" if row.ambiguous else ""
                    where_row = "L" + str(document.location(row.span).line)
                    lines.append(f"{where_row:<24}{pad}  data: {name}: {_columns_text(row)}{note}")
            elif model is not None and model.kind == "performance":
                for funds in model.funds:
                    where_row = "L" + str(document.location(funds.span).line)
                    lines.append(
                        f"{where_row:<24}{pad}  funds: budget {funds.budget.text}, spent {funds.spent.text}, "
                        f"rate {funds.rate.text}, score {funds.score.text}/{funds.weight.text}"
                    )
                for indicator in model.indicators:
                    where_row = "L" + str(document.location(indicator.span).line)
                    lines.append(f"{where_row:<24}{pad}  indicator: {indicator_text(indicator)}")
                for score in model.scores:
                    where_row = "L" + str(document.location(score.span).line)
                    state = "every indicator read" if model.indicators_complete else "indicators not all read: not summed"
                    lines.append(f"{where_row:<24}{pad}  total score: {score.score.text}/{score.weight.text} ({state})")
        elif isinstance(node, Toc):
            lines.append(f"{where:<24}{pad}contents ({len(node.entries)} entries)")
            for entry in node.entries:
                lines.append(f"{'':<24}{pad}  entry: {entry.text} … {entry.page}")

    for node in document.children:
        visit(node, 0)
    return "\n".join(lines)
