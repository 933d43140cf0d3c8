"""The document tree that rules read: typed nodes with spans, no raw offsets.

Every node carries a :class:`~linter.sourcemap.Span` into the working text;
``Document.location(span)`` turns it into the line, column and page of the input
file.  Texts are given folded (full-width digits, ％, ：, （） made half-width,
for matching) and raw (as the user wrote them, for messages).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.sourcemap import Location, SourceMap, Span


@dataclass(slots=True)
class Paragraph:
    span: Span
    text: str
    kind: str = field(default="paragraph", init=False)


@dataclass(slots=True)
class Cell:
    span: Span
    text: str


@dataclass(slots=True)
class Row:
    """A table line; its cells are split on first use (most rows of a long
    self-evaluation table are never looked at cell by cell)."""

    span: Span
    source: str = field(repr=False)  # the working text the span points into
    _cells: list[Cell] | None = field(default=None, repr=False)

    @property
    def cells(self) -> list[Cell]:
        if self._cells is None:
            from linter.parsing import split_cells

            self._cells = split_cells(self.source, self.span)
        return self._cells


@dataclass
class Table:
    span: Span
    title: str
    rows: list[Row]
    kind: str = field(default="table", init=False)


@dataclass
class TocEntry:
    span: Span
    text: str  # the entry without its dot leader and page number
    page: int | None


@dataclass
class Toc:
    span: Span
    entries: list[TocEntry]
    kind: str = field(default="toc", init=False)


@dataclass
class Section:
    """A heading and everything under it, at one level of the outline."""

    level: str  # part | section | subsection | item | subitem
    label: str | None  # numeral as printed ("十二", "3"); None when unnumbered
    value: int | None  # numeral's value
    title: str  # folded, for matching
    raw_title: str  # as written, for messages
    span: Span  # the whole heading text, number included
    number_span: Span | None
    title_span: Span
    children: list[Node] = field(default_factory=list)
    kind: str = field(default="section", init=False)

    def headings(self) -> list[Section]:
        """Direct child headings, in order."""
        return [child for child in self.children if isinstance(child, Section)]


Node = Paragraph | Table | Toc | Section


@dataclass
class DocumentInfo:
    """What the document is; each value says where it came from."""

    kind: str = "unknown"  # final_account | budget | unknown
    year: int | None = None
    unit: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # field -> title|text|override


@dataclass
class Document:
    path: str
    encoding: str
    text: str  # folded working text
    raw: str  # working text as written, same offsets
    sourcemap: SourceMap
    info: DocumentInfo
    children: list[Node]
    line_count: int
    # for a PDF, per input line (0-based) each character's (x0, x1) on the
    # page (linter.reading.DecodedText.positions); None for a text file
    positions: list | None = field(default=None, repr=False)

    _facts: object | None = field(default=None, repr=False)  # linter.facts.store.FactStore
    _by_kind: dict | None = field(default=None, repr=False)

    @property
    def facts(self):
        """Every fact of the document, prose and tables, in one
        :class:`~linter.facts.store.FactStore` shared by every rule (each
        stage runs once, on first use)."""
        if self._facts is None:
            from linter.facts.store import FactStore

            self._facts = FactStore(self)
        return self._facts

    def location(self, span: Span) -> Location:
        return self.sourcemap.location(span)

    def raw_text(self, span: Span) -> str:
        return self.raw[span.start:span.end]

    def walk(self) -> Iterator[Node]:
        """Every node in document order (a heading before its children)."""
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Section):
                stack.extend(reversed(node.children))

    def _nodes(self, kind: type) -> list:
        """Every node of a kind, in document order; walked once per document
        (every rule asks, and the tree never changes after parsing)."""
        if self._by_kind is None:
            self._by_kind = {Section: [], Paragraph: [], Table: [], Toc: []}
            for node in self.walk():
                self._by_kind[type(node)].append(node)
        return self._by_kind[kind]

    def sections(self) -> list[Section]:
        return self._nodes(Section)

    def paragraphs(self) -> list[Paragraph]:
        return self._nodes(Paragraph)

    def tables(self) -> list[Table]:
        return self._nodes(Table)
