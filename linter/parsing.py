"""Units to document tree, with the Lark grammar in grammar/document.lark.

The normalizer has already decided what each unit *is*; the grammar decides
how headings nest.  Each unit becomes one token whose value is the unit, and a
small transformer turns the parse tree into :mod:`linter.tree` nodes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lark import Lark, Transformer
from lark.lexer import Lexer, Token

from linter.normalize import Normalized, Unit, is_table_title
from linter.resources import grammar_path
from linter.sourcemap import Span
from linter.tree import Cell, Node, Paragraph, Row, Section, Table, Toc, TocEntry

_TOKEN_OF_KIND = {"paragraph": "PARAGRAPH", "table": "TABLE", "toc": "TOC"}
# Where a heading's title stops: at a colon followed by a sentence (名词解释
# entries, "(项):支出决算数为…"), or at the end of its first sentence.
_COLON = re.compile(r"[:：]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CODE_PREFIX = re.compile(r"^\d{3}(?:\s+\d{2}){0,2}(?=\s|$)")
_TOC_ENTRY = re.compile(r"^(?P<text>.*?)\s*(?:\.{3,}|…+|·{3,}|-{4,}|_{4,})\s*(?P<page>\d{1,4})?\s*$")
_LEADER_MINIMUM = {".": 3, "…": 1, "·": 3, "-": 4, "_": 4}  # the runs of _TOC_ENTRY


def toc_entry(line: str) -> tuple[str, int | None] | None:
    """(text, page) of a table-of-contents line "标题……3", as _TOC_ENTRY
    matches it, in linear time: the regex backtracks quadratically on a
    line of thousands of leader dots that does not end as an entry (a fuzzed
    line of 12,000 '…' took 20 s)."""
    body = line.rstrip()
    digits = 0
    while digits < len(body) and body[len(body) - digits - 1].isdecimal():
        digits += 1
    if digits > 4:
        return None
    page = int(body[len(body) - digits:]) if digits else None
    body = body[:len(body) - digits].rstrip()
    leader = body[-1:]
    if leader not in _LEADER_MINIMUM:
        return None
    run = len(body) - len(body.rstrip(leader))
    if run < _LEADER_MINIMUM[leader]:
        return None
    return body[:len(body) - run].rstrip(), page


class _UnitLexer(Lexer):
    """Hands Lark the already classified units, one token each."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's signature
        pass

    def lex(self, units):  # type: ignore[override]
        # The token's text is the unit's index: Lark tokens are strings.
        for index, unit in enumerate(units):
            token_type = unit.level.upper() if unit.kind == "heading" else _TOKEN_OF_KIND[unit.kind]
            yield Token(token_type, str(index))


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = grammar_path("document.lark").read_text(encoding="utf-8")
    return cached_lark(grammar, _UnitLexer)


def cached_lark(grammar: str, lexer) -> Lark:
    """An LALR parser, its tables cached on disk by Lark (keyed by the
    grammar's hash): building them costs ~30 ms at every start otherwise.
    Without a writable cache it is simply built."""
    try:
        return Lark(grammar, parser="lalr", lexer=lexer, cache=True)
    except OSError:
        return Lark(grammar, parser="lalr", lexer=lexer)


class _TreeBuilder(Transformer):
    def __init__(self, normalized: Normalized):
        super().__init__()
        self.norm = normalized

    def _unit(self, token: Token) -> Unit:
        return self.norm.units[int(token)]

    def _leaf(self, unit: Unit) -> Node:
        if unit.kind == "table":
            return self._table(unit)
        if unit.kind == "toc":
            return self._toc(unit)
        return Paragraph(unit.span, self.norm.text[unit.span.start:unit.span.end])

    def _children(self, items) -> list[Node]:
        return [self._leaf(self._unit(item)) if isinstance(item, Token) else item for item in items]

    def start(self, items):
        return self._children(items)

    def _container(self, items):
        heading, *rest = items
        section, body = self._heading(self._unit(heading))
        section.children = body + self._children(rest)
        return section

    part = section = subsection = item = subitem = _container

    def _heading(self, unit: Unit) -> tuple[Section, list[Node]]:
        """Split a heading unit into number, title and an inline paragraph."""
        assert unit.span is not None
        text = self.norm.text[unit.span.start:unit.span.end]
        base = unit.span.start
        numbering = unit.numbering
        title_start = numbering.end if numbering else 0
        while title_start < len(text) and text[title_start] == " ":
            title_start += 1
        title_end, body_start = _title_bounds(text, title_start, unit)
        while title_end > title_start and text[title_end - 1] in " 。":
            title_end -= 1
        title = text[title_start:title_end]
        raw_title = self.norm.raw[base + title_start:base + max(title_end, title_start)]
        section = Section(
            level=unit.level or "section",
            label=numbering.label if numbering else None,
            value=numbering.value if numbering else None,
            title=title,
            raw_title=raw_title,
            span=unit.span,
            number_span=Span(base, base + numbering.number_end) if numbering else None,
            title_span=Span(base + title_start, base + max(title_end, title_start)),
        )
        body: list[Node] = []
        rest = text[body_start:]
        stripped = rest.strip()
        if stripped:
            lead = len(rest) - len(rest.lstrip())
            start = base + body_start + lead
            body.append(Paragraph(Span(start, start + len(stripped)), stripped))
        return section, body

    def _table(self, unit: Unit) -> Table:
        rows = []
        for span in unit.row_spans:
            rows.append(Row(span, self.norm.text))
        texts = [self.norm.text[span.start:span.end] for span in unit.row_spans[:3]]
        titles = [re.sub(r"\s+", "", text) if " " in text and is_table_title(text) else text for text in texts]
        title = " ".join(text for text in titles if is_table_title(text)) or titles[0]
        return Table(unit.span, title, rows)

    def _toc(self, unit: Unit) -> Toc:
        entries = []
        for span in unit.row_spans:
            line = self.norm.text[span.start:span.end]
            entry = toc_entry(line)
            if entry is not None:
                entries.append(TocEntry(span, entry[0].strip(), entry[1]))
            elif not re.fullmatch(r"\s*目\s*录\s*", line):
                entries.append(TocEntry(span, line.strip(), None))
        return Toc(unit.span, entries)


# Anchored at the start of a run of digits, so a long run is tried once, not
# once per digit (which would be quadratic).
_INLINE_FIGURE = re.compile(r"(?<![\d,.])\d[\d,.]*\s*(?:万元|元|%)")


def _title_bounds(text: str, title_start: int, unit: Unit) -> tuple[int, int]:
    """Return (title end, body start) offsets within the heading text.

    A list item that states its figure inline ("1、社会保障和就业支出（类）
    654.95万元，占 91.54%。") is titled by the words before the number, and the
    whole item text is also its paragraph, so that its figures are facts.
    """
    if unit.tail_span is not None:
        return len(text), len(text)
    figure = _INLINE_FIGURE.search(text, title_start)
    colon = _COLON.search(text, title_start)
    if unit.level in ("item", "subitem") and figure and (colon is None or figure.start() < colon.start()):
        return figure.start(), title_start
    colon = _COLON.search(text, title_start)
    if colon:
        rest = text[colon.end():]
        if _SENTENCE_END.search(rest) or re.search(r"\d", rest):
            return colon.start(), colon.end()
    end = _SENTENCE_END.search(text, title_start)
    if end:
        return end.start(), end.end()
    return len(text), len(text)


def split_cells(text: str, span: Span) -> list[Cell]:
    """Whitespace-separated cells; a function-classification code such as
    "208 01 01" at the start of a row stays one cell."""
    row = text[span.start:span.end]
    cells = []
    pos = 0
    code = _CODE_PREFIX.match(row)
    if code:
        cells.append(Cell(Span(span.start, span.start + code.end()), code.group()))
        pos = code.end()
    for match in re.finditer(r"\S+", row[pos:]):
        start = span.start + pos + match.start()
        cells.append(Cell(Span(start, start + len(match.group())), match.group()))
    return cells


def build_tree(normalized: Normalized) -> list[Node]:
    """Parse the units into the document's top-level nodes."""
    if not normalized.units:
        return []
    parse_tree = _parser().parse(normalized.units)
    return _TreeBuilder(normalized).transform(parse_tree)
