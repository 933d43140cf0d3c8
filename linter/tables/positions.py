"""Place a row's numbers by where they are printed.

The text layer drops empty cells, so "2010850 事业运行 225.13 225.13 225.13"
does not say which columns it fills, and its own identities often allow two
placements (人员经费 or 公用经费).  The page does say: amounts are aligned in
their columns (right-aligned in every template met, so a column is where its
numbers end).  The table's own rows teach where each column ends — every
number already placed by the count or the identities is a sample of its
column — and a row left open takes the placement its numbers' ends point
to, when that placement is one its identities allow.

Positions come from the PDF reader (each character's x on the page,
linter.reading.DecodedText.positions); for a text file, the character's
column stands in for it, which is meaningful only when the text is
column-aligned: only a table whose rows pad their cells with runs of
spaces is placed so.  Either way a column is used only when its samples agree
(they lie within ``_SPREAD`` of each other: a text whose numbers follow each
other after a single space teaches nothing and is left to the identities),
and a number is placed only when it ends near exactly one column.
"""

from __future__ import annotations

from statistics import median

from linter.facts.model import Quantity
from linter.tables.model import TableRow
from linter.tree import Document

# Samples of one column's right edge farther apart than this (points on a
# PDF page, characters in a text) mean the rows are not column-aligned.
_SPREAD = {"pdf": 3.0, "text": 0.5}


def right_edge(document: Document, quantity: Quantity) -> float | None:
    """Where a printed number ends on its line: the x1 of its last character
    on the PDF page, or its last character's column in a text file."""
    if quantity.span.end <= quantity.span.start:
        return None
    end = document.sourcemap.position(quantity.span.end - 1)
    if document.positions is None:
        return float(end.column)
    line = document.positions[end.line - 1] if 0 < end.line <= len(document.positions) else None
    extent = line[end.column - 1] if line is not None and 0 < end.column <= len(line) else None
    return None if extent is None else extent[1]


def column_edges(document: Document, rows: list[TableRow], columns: tuple[str, ...]) -> dict[str, float]:
    """Each column's right edge, from the numbers placed in it, for the
    columns whose samples agree."""
    spread = _SPREAD["text" if document.positions is None else "pdf"]
    if document.positions is None and not _padded(document, rows):
        return {}
    samples: dict[str, list[float]] = {name: [] for name in columns}
    for row in rows:
        if row.ambiguous:
            continue
        for name, value in row.columns.items():
            edge = right_edge(document, value) if value.text else None
            if edge is not None and name in samples:
                samples[name].append(edge)
    edges = {}
    for name, found in samples.items():
        if len(found) >= 2 and max(found) - min(found) <= spread:
            edges[name] = median(found)
    return edges


def _padded(document: Document, rows: list[TableRow]) -> bool:
    """A text whose table is column-aligned pads its cells with runs of
    spaces; most rows with numbers show such a run between their numbers."""
    numbered = [row for row in rows if len(row.numbers) > 1]
    padded = [
        row for row in numbered
        if "  " in document.raw[row.numbers[0].span.start:row.numbers[-1].span.end]
    ]
    return bool(numbered) and 2 * len(padded) > len(numbered)


def by_position(document: Document, row: TableRow, edges: dict[str, float]) -> dict[str, Quantity | None] | None:
    """The one open placement of the row that its numbers' right edges point
    to, or None when they do not point to exactly one."""
    if not row.choices or row.choices == [{}] or len(edges) < 2:
        return None
    ordered = sorted(edges.items(), key=lambda item: item[1])
    gaps = [b[1] - a[1] for a, b in zip(ordered, ordered[1:])]
    reach = min(gaps) / 2 if gaps else 0
    placed: dict[str, Quantity] = {}
    for value in row.numbers[1:]:
        edge = right_edge(document, value)
        near = [name for name, x in ordered if edge is not None and abs(edge - x) < reach]
        if len(near) != 1 or near[0] in placed:
            return None
        placed[near[0]] = value
    for choice in row.choices:
        filled = {name: value for name, value in choice.items() if value is not None}
        if filled.keys() == placed.keys() and all(filled[name] is placed[name] for name in filled):
            return choice
    return None
