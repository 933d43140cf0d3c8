"""Exact mapping from the normalized working text back to the input file.

Every later stage (facts, rules, reports) works on the *working text*: wrapped
lines joined, full-width characters folded.  Issues must still point at the
line and column the user sees in the original file, so each stretch of working
text remembers which input line and column it came from.  The map is a sorted
list of segments (working offset -> input line/column), which costs a few ints
per joined line instead of a few ints per character.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of working-text offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the input file, with its PDF page."""

    line: int
    column: int
    page: int | None = None


@dataclass(frozen=True)
class Location:
    """Where a span starts and ends in the input (end column exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None


class SourceMap:
    """Segments of working text, each a contiguous run of one input line.

    Offsets that fall on synthetic characters (the newline that separates two
    logical lines) map to the position just after the preceding character.
    """

    def __init__(self, line_pages: list[int]):
        # Compact arrays of machine integers: a 10 MB document has hundreds
        # of thousands of segments, and a list would hold a Python int for each.
        self._line_pages = array("l", line_pages)
        self._starts = array("l")  # working offset where each segment starts
        self._lines = array("l")  # 0-based input line of the segment
        self._cols = array("l")  # 0-based input column of its first char
        self._lengths = array("l")

    def add(self, work_start: int, line: int, col: int, length: int) -> None:
        """Record that working text ``[work_start, work_start+length)`` is
        input line ``line`` columns ``[col, col+length)``."""
        if length <= 0:
            return
        if self._starts and work_start < self._starts[-1] + self._lengths[-1]:
            raise ValueError("segments must be added in working-text order")
        self._starts.append(work_start)
        self._lines.append(line)
        self._cols.append(col)
        self._lengths.append(length)

    def _segment(self, offset: int) -> tuple[int, int]:
        """Return (input line, input column) of a working offset, 0-based."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return (0, 0)
        delta = offset - self._starts[i]
        if delta < self._lengths[i]:
            return self._lines[i], self._cols[i] + delta
        # A synthetic character: just after the end of the previous segment.
        return self._lines[i], self._cols[i] + self._lengths[i]

    def position(self, offset: int) -> Position:
        line, col = self._segment(offset)
        return Position(line + 1, col + 1, self.page_of_line(line))

    def location(self, span: Span) -> Location:
        """Map a span to the input: start of its first character to the
        column after its last character."""
        start = self.position(span.start)
        if span.end > span.start:
            last_line, last_col = self._segment(span.end - 1)
            end_line, end_col = last_line + 1, last_col + 2
        else:
            end_line, end_col = start.line, start.column
        return Location(start.line, start.column, end_line, end_col, start.page)

    def page_of_line(self, line: int) -> int | None:
        if 0 <= line < len(self._line_pages):
            return self._line_pages[line]
        return None
