"""The quoted source under a human-readable issue: the offending input lines
with a marker (``^~~~``) under the span.

Issues carry character columns in the input file, but a terminal gives a CJK
character two cells, so the marker is placed and sized by display width
(:func:`linter.normalize.display_width`), never by character count.  A long
span (a whole paragraph) is shortened to its first and last lines so that
one issue never floods the report.
"""

from __future__ import annotations

from linter.formatters.escape import one_cell
from linter.normalize import display_width

MAX_LINES = 4  # a span over more input lines shows the first and last two


def _printable(line: str) -> str:
    """Control characters (tab, form feed) would move the text against the
    marker; each shows as one space, and a bidi control or C1 character as
    U+FFFD (it could reorder or recolour the line), which keeps columns
    one-for-one (:func:`linter.formatters.escape.one_cell`)."""
    return one_cell(line)


def _marker(line: str, start: int, end: int, first: bool) -> str:
    """Spaces up to character ``start``, then the marker to character ``end``
    (exclusive), both measured in display cells."""
    pad = " " * display_width(line[:start])
    width = display_width(line[start:end])
    if first:
        return pad + "^" + "~" * max(width - 1, 0)
    return pad + "~" * max(width, 1)


def snippet(lines: list[str], issue, paint=None) -> list[str]:
    """The quoted lines and markers for ``issue`` (empty when the input text
    is unknown or the issue lies outside it).  ``paint(text, role)`` colours a
    piece; roles are ``gutter`` and ``marker``."""
    paint = paint or (lambda text, role: text)
    first, last = issue.line, max(issue.end_line, issue.line)
    if not lines or not 1 <= first <= len(lines):
        return []
    last = min(last, len(lines))
    numbers = list(range(first, last + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[:2] + [None] + numbers[-2:]
    gutter = len(str(last))
    out = []
    for number in numbers:
        if number is None:
            out.append(paint(f"{'…':>{gutter}} |", "gutter"))
            continue
        text = _printable(lines[number - 1])
        if number == first:
            start = min(issue.column - 1, len(text))
        else:  # continuation lines are marked from their first character
            start = len(text) - len(text.lstrip())
        if number == issue.end_line:
            end = min(max(issue.end_column - 1, start), len(text))
        else:
            end = max(len(text.rstrip()), start)
        out.append(paint(f"{number:>{gutter}} | ", "gutter") + text)
        marker = _marker(text, start, end, first=number == first)
        out.append(paint(f"{'':>{gutter}} | ", "gutter") + paint(marker, "marker"))
    return [line.rstrip() for line in out]
