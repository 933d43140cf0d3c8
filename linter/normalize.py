"""Input lines to logical units: headings, paragraphs, tables and contents.

PDF extraction wraps every sentence at the page width, puts a blank line (or
nothing) between the wrapped pieces, and breaks pages anywhere — even inside a
number or in the middle of a heading.  This stage undoes that:

* wrapped lines are joined into one logical unit.  A unit stays open while its
  last line fills the page width (or ends in a comma-like mark) and does not end
  a sentence; a line that stops short ended its paragraph.
* lines that open with heading numbering become headings, unless they sit in
  the middle of a sentence or inside a table and are not the next number the
  outline expects ("二、三年级" in a table cell stays a cell).
* a heading that the extraction dropped into the middle of a sentence does not
  cut the sentence: the paragraph continues after it, and a short line later on
  that completes the heading's title is given back to the heading.
* table blocks (表 N, …自评表) keep their lines as rows; a table of contents (目录
  with dot leaders) is kept apart from the body.

Every unit is a list of input slices; :func:`assemble` concatenates them into the
working text and records each slice in the :class:`SourceMap`, so any span of the
working text maps back exactly to the lines and columns of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.headings import LEVEL_DEPTH, LEVELS, Numbering, match_numbering, unnumbered_level
from linter.sourcemap import SourceMap, Span
from linter.textlines import FOLD, InputLine

# A sentence ends here; the next line starts a new unit.
_TERMINAL = tuple("。！？!?")
# A line ending with one of these continues on the next line even when short.
_CONTINUES = tuple("，、；,;(（“‘《-—")
# The first characters of a line that can only continue a sentence begun
# before it: a percentage or amount with its unit, or closing punctuation.
_CONTINUATION_START = re.compile(
    r"^(?:[\d,.]+\s*(?:%|万|元|亿|个|人|辆|项|台|次|天)|[，。、；：:;,.%)）”]|(?:万元|亿元|元)(?=[，。；、,;)）\s]|$))"
)
# A line ending in a digit or a decimal point stops inside a number or just
# before its unit: the sentence goes on, whatever the line's width.
_ENDS_IN_NUMBER = re.compile(r"[\d.]$")
_IN_SENTENCE = re.compile(r"[，,。；;]")  # a heading line that runs on into a sentence
_TABLE_TITLE_RE = re.compile(
    r"^(?:附?表\s*\d+(?:[-—－]\d+)?(?:\s+\S.*)?|[^\s，。；：:,;、]{2,40}表(?:\((?:\d{4}\s*年度?|[^\s()]{0,4}表\s*\d{1,2})\))?)$"
)


def is_table_title(folded: str) -> bool:
    """表 N …, or a short line ending in 表 (or in its number in brackets,
    "…基本支出表(预算表6)") — also when printed letter-spaced ("项 目 支 出
    绩 效 自 评 表")."""
    text = folded.strip()
    if not (text.endswith(("表", ")")) or text.startswith(("表", "附表"))):
        return False  # the pattern below can only match such lines
    return bool(_TABLE_TITLE_RE.match(folded) or _TABLE_TITLE_RE.match(re.sub(r"\s+", "", folded)))
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_MARKS = ("目", "...", "…", "···", "----", "____")
# Tried only where a run of leader characters starts (the look-behind), so a
# long run that is not at the end of its line costs one pass, not one per character.
_TOC_LEADER = re.compile(r"(?<![.…·_-])(?:\.{3,}|…+|·{3,}|-{4,}|_{4,})\s*(\d{1,4})?\s*$")
_NUMERIC_TOKEN = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")
# Words that end a heading's title: a heading line ending in one is complete.
_COMPLETE_TITLE = re.compile(r"(?:情况|说明|概况|职能|事项|解释|报表|决算表|预算表|\(见附表\)|》)$")
# "设立的政策依据：…" — a line that opens with a short label and a colon starts
# a new paragraph even after a heading that happens to fill the line.
_LABEL_START = re.compile(r"^[\u4e00-\u9fff“”《》、]{2,15}:")


# Characters that print two cells wide: CJK ideographs, kana, hangul, CJK
# and full-width punctuation, and the ambiguous-width marks (“ ” ‘ ’ … · — ×)
# that Chinese fonts print full-width.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\u2018\u2019\u201c\u201d\u2026\u00b7\u2014\u2015\u00d7\u3000\u203b\u00b0\u00b1\u2030\u2103\u2116"
    "\u2460-\u24ff\u25a0-\u25ff\u2600-\u26ff\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Width in half-width cells: a CJK character is as wide as two digits,
    which is also how it prints in the PDF."""
    return len(text) + len(_WIDE.findall(text))


@dataclass(slots=True)
class Piece:
    """A slice of one input line: ``raw[start:end]`` of line ``line``."""

    line: InputLine
    start: int
    end: int

    @property
    def folded(self) -> str:
        if self.start == self.line.start and self.end == self.line.end:
            return self.line.folded  # the whole line, already folded
        return self.line.raw[self.start:self.end].translate(FOLD)


@dataclass(slots=True)
class Unit:
    """One logical unit of the document before it is placed in the tree."""

    kind: str  # heading | paragraph | table | toc
    pieces: list[Piece] = field(default_factory=list)
    level: str | None = None  # heading level (part … subitem)
    numbering: Numbering | None = None  # None for an unnumbered heading
    title_tail: list[Piece] = field(default_factory=list)  # heading title found later
    rows: list[Piece] = field(default_factory=list)  # table / toc lines
    span: Span | None = None  # set by assemble()
    row_spans: list[Span] = field(default_factory=list)
    tail_span: Span | None = None

    @property
    def last_line(self) -> InputLine:
        return (self.rows or self.pieces)[-1].line

    def folded(self) -> str:
        return "".join(piece.folded for piece in self.pieces)


@dataclass
class Normalized:
    """The working text with its source map and the units that make it up."""

    text: str  # folded working text (full-width forms made half-width)
    raw: str  # the same characters as written (same offsets as ``text``)
    sourcemap: SourceMap
    units: list[Unit]


class _Outline:
    """The numbers seen so far at each level, to tell which number comes next."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def expects(self, numbering: Numbering) -> bool:
        return numbering.value == self.last.get(numbering.level, 0) + 1

    def record(self, level: str, numbering: Numbering | None) -> None:
        depth = LEVEL_DEPTH[level]
        for deeper in LEVELS[depth + 1:]:
            self.last.pop(deeper, None)
        if numbering is not None:
            self.last[level] = numbering.value


class Normalizer:
    """The state machine that turns input lines into units (see module doc)."""

    def __init__(self, lines: list[InputLine]):
        self.lines = [line for line in lines if line.role == "content"]
        self.widths = {line.index: display_width(line.content) for line in self.lines}
        self.full_width = _full_width(list(self.widths.values()))
        self.units: list[Unit] = []
        self.open: Unit | None = None  # paragraph or heading still absorbing lines
        self.table: Unit | None = None
        self.toc: Unit | None = None
        self.pending_title: Unit | None = None  # interrupted heading missing its tail
        self.outline = _Outline()
        self.toc_entries = _leaderless_contents(self.lines)

    # -- helpers ---------------------------------------------------------
    def _is_full(self, line: InputLine) -> bool:
        return self.widths[line.index] >= self.full_width

    def _unit_open(self, unit: Unit | None, following: str = "") -> bool:
        """Does ``unit`` go on into the next line (whose folded text is ``following``)?"""
        if unit is None or unit.kind not in ("paragraph", "heading"):
            return False
        last = unit.pieces[-1]
        text = last.folded.rstrip()
        if text.endswith(_TERMINAL):
            return False
        if text.endswith(_CONTINUES):
            return True
        if _ENDS_IN_NUMBER.search(text) and (unit.kind == "paragraph" or _IN_SENTENCE.search(text)):
            return True  # a number cut at the line end (also in a run-in heading's sentence)
        if unit.kind == "paragraph" and text.endswith((":", "：")) and following and not is_table_title(following):
            return True  # "主要原因是：" / "一是…": the explanation follows
        if unit.kind == "heading" and len(unit.pieces) == 1 and _COMPLETE_TITLE.search(text):
            # "（一）…总体情况" is a whole title even when it nearly fills the line.
            return False
        return self._is_full(last.line)

    def _new(self, kind: str, line: InputLine, **kwargs) -> Unit:
        unit = Unit(kind, [Piece(line, line.start, line.end)], **kwargs)
        self.units.append(unit)
        return unit

    def _close_blocks(self) -> None:
        self.open = None
        self.table = None
        self.toc = None

    # -- main loop -------------------------------------------------------
    def run(self) -> list[Unit]:
        for pos, line in enumerate(self.lines):
            following = self.lines[pos + 1] if pos + 1 < len(self.lines) else None
            self._feed(line, following)
            if pos:
                self.lines[pos - 1]._folded = None  # read for the last time: free it
        return self.units

    def _feed(self, line: InputLine, following: InputLine | None) -> None:
        folded = line.folded
        if self.toc is not None and self._toc_line(line, folded, following):
            return
        if self.toc is None and self.table is None and self._starts_toc(folded, following):
            self._close_blocks()
            self.toc = self._new("toc", line)
            self.toc.rows.append(self.toc.pieces[0])
            return
        numbering = match_numbering(folded)
        if numbering and self._accept_heading(numbering, line, folded, following):
            return
        if self.table is not None:
            # "表 1" / "部门收支总体情况表" / "编制部门：…" is one title block;
            # a title line after the table has rows starts the next table.
            if is_table_title(folded) and len(self.table.rows) > 2:
                self._start_table(line)
            else:
                self.table.rows.append(Piece(line, line.start, line.end))
            return
        if not self._unit_open(self.open, folded) and not self._resumes(folded):
            if self.pending_title is not None and self._is_title_tail(folded):
                self.pending_title.title_tail.append(Piece(line, line.start, line.end))
                self.pending_title = None
                return
            self.pending_title = None
            if is_table_title(folded):
                self._start_table(line)
                return
            level = unnumbered_level(folded)
            if level and not self._is_full(line):
                self._heading(line, level, None)
                return
            self.open = self._new("paragraph", line)
            return
        if self.open.kind == "heading" and _LABEL_START.match(folded):
            self.open = self._new("paragraph", line)
            return
        self.open.pieces.append(Piece(line, line.start, line.end))

    def _resumes(self, folded: str) -> bool:
        """A line such as "12.26 万元，决算数…" can only continue the open
        paragraph, even if the line before it stopped a little short."""
        unit = self.open
        return (
            unit is not None
            and unit.kind == "paragraph"
            and not unit.pieces[-1].folded.rstrip().endswith(_TERMINAL)
            and bool(_CONTINUATION_START.match(folded))
        )

    # -- headings --------------------------------------------------------
    def _accept_heading(
        self, numbering: Numbering, line: InputLine, folded: str, following: InputLine | None
    ) -> bool:
        level = numbering.level
        expected = self.outline.expects(numbering)
        if self.table is not None:
            # Inside a table only the next heading of the enclosing outline
            # ends the table; everything else is a cell.
            if level == "part":
                pass
            elif level in ("section", "subsection") and expected and not _row_like(folded):
                pass
            else:
                return False
        mid_sentence = self._unit_open(self.open)
        if mid_sentence and not expected:
            return False
        interrupted = (
            mid_sentence
            and following is not None
            and self.open is not None
            and self.open.kind == "paragraph"
            and bool(_CONTINUATION_START.match(following.folded))
        )
        paragraph = self.open
        unit = self._heading(line, level, numbering)
        if interrupted:
            # The heading was dropped into a sentence: keep the sentence open.
            self.open = paragraph
            if self._is_full(line):
                self.pending_title = unit
        return True

    def _heading(self, line: InputLine, level: str, numbering: Numbering | None) -> Unit:
        self._close_blocks()
        self.pending_title = None
        unit = self._new("heading", line, level=level, numbering=numbering)
        self.outline.record(level, numbering)
        self.open = unit
        return unit

    def _is_title_tail(self, folded: str) -> bool:
        """A short line with no sentence punctuation that can end a title."""
        text = folded.strip()
        return (
            len(text) <= 30
            and not re.search(r"[。，,；;:!！?？\d]", text)
            and match_numbering(text) is None
        )

    # -- tables and contents ---------------------------------------------
    def _start_table(self, line: InputLine) -> None:
        self._close_blocks()
        self.pending_title = None
        self.table = self._new("table", line)
        self.table.rows.append(self.table.pieces[0])

    def _starts_toc(self, folded: str, following: InputLine | None) -> bool:
        if not any(mark in folded for mark in _TOC_MARKS):
            return False  # neither 目录 nor a leader: the common case, decided cheaply
        if _TOC_TITLE.match(folded.strip()):
            return True
        return bool(
            _TOC_LEADER.search(folded)
            and following is not None
            and _TOC_LEADER.search(following.folded)
        )

    def _toc_line(self, line: InputLine, folded: str, following: InputLine | None) -> bool:
        """Add a contents line to the open table of contents, or close it."""
        assert self.toc is not None
        is_entry = bool(_TOC_LEADER.search(folded)) or line.index in self.toc_entries
        # An entry without leader (a part title) still belongs to the contents
        # when the line after it is an entry.
        if not is_entry and following is not None and _TOC_LEADER.search(following.folded):
            is_entry = match_numbering(folded) is not None or display_width(folded) < 40
        if is_entry:
            piece = Piece(line, line.start, line.end)
            self.toc.pieces.append(piece)
            self.toc.rows.append(piece)
            return True
        self.toc = None
        return False


_MAX_CONTENTS = 60  # entries a table of contents may list
_TRAILING_PAGE = re.compile(r"(?<!\d)\d{1,3}\s*$")  # "部门概况 3", "部门概况3"


def _leaderless_contents(lines: list[InputLine]) -> set[int]:
    """The entries of a table of contents printed without leaders (with or
    without page numbers): after "目录", headings up to the one that repeats
    the first entry (where the body starts).  Without this the entries would be taken
    for the document's own parts, and the body would restart their numbering.
    Anything that is not a short heading before the repeat: no such contents."""
    for pos, line in enumerate(lines):
        if "录" not in line.content or not _TOC_TITLE.match(line.folded.strip()):
            continue
        entries: list[InputLine] = []
        first = ""
        for later in lines[pos + 1:pos + 1 + _MAX_CONTENTS]:
            text = re.sub(r"\s+", "", later.folded)
            if entries and (text == first or _same_number(text, first)):
                # the body starts where the first entry comes again (its words may differ:
                # "第一部分 2026年部门预算说明" in the contents, "…预算公开说明" in the body)
                return {entry.index for entry in entries} if len(entries) >= 2 else set()
            # Entries with and without leaders may mix (parts bare, sections
            # with leaders), and a page number may stand on a line of its own.
            leader = _TOC_LEADER.search(later.folded)
            bare = _TOC_LEADER.sub("", later.folded) if leader else later.folded
            if entries and (text.isdigit() or text.startswith("注")):  # a page number, a note on the tables
                entries.append(later)
                continue
            if (match_numbering(text) is None and not leader) or len(text) > 60 or re.search(r"[。，,；;]", bare):
                return set()
            if not entries:
                # an entry may end in its page number, after a space: "第一部分 部门概况 3"
                first = re.sub(r"\s+", "", _TRAILING_PAGE.sub("", bare))
            entries.append(later)
        return set()
    return set()


def _same_number(text: str, first: str) -> bool:
    """Do two lines open with the same part number (第一部分 … 第一部分)?"""
    a, b = match_numbering(text), match_numbering(first)
    return a is not None and b is not None and a.level == b.level == "part" and a.value == b.value


def _row_like(folded: str) -> bool:
    """A table row carries bare numbers as cells: "一、本年收入 945.52 201"."""
    return any(_NUMERIC_TOKEN.match(token) for token in folded.split()[1:])


def _full_width(line_widths: list[int]) -> int:
    """The width from which a line counts as filling the page.

    Prose lines that wrapped all reach the right margin, so the upper quantiles
    of line widths give the page width; table cells and short lines below it do
    not matter.  A line within 15% of that width counts as wrapped; one that
    stops shorter ended its paragraph.
    """
    widths = sorted(line_widths)
    widths = [w for w in widths if w >= 30] or widths or [80]
    page_width = widths[int(len(widths) * 0.8)] if len(widths) > 1 else widths[0]
    # No printed page is narrower than about 24 CJK characters; the floor
    # keeps short snippets (a few short lines) from counting as wrapped.
    return max(int(page_width * 0.85), 36)


def normalize(lines: list[InputLine]) -> Normalized:
    """Run the normalizer and lay its units out as the working text."""
    units = Normalizer(lines).run()
    return assemble(lines, units)


def assemble(lines: list[InputLine], units: list[Unit]) -> Normalized:
    """Concatenate units (one per working-text line) and map every slice."""
    sourcemap = SourceMap([line.page for line in lines])
    raw_parts: list[str] = []
    offset = 0

    def put(piece: Piece) -> None:
        nonlocal offset
        raw = piece.line.raw[piece.start:piece.end]
        sourcemap.add(offset, piece.line.index, piece.start, len(raw))
        raw_parts.append(raw)
        offset += len(raw)

    for number, unit in enumerate(units):
        if number:
            raw_parts.append("\n")
            offset += 1
        start = offset
        if unit.kind in ("table", "toc"):
            for row_number, piece in enumerate(unit.rows):
                if row_number:
                    raw_parts.append("\n")
                    offset += 1
                row_start = offset
                put(piece)
                unit.row_spans.append(Span(row_start, offset))
        else:
            for piece in unit.pieces:
                put(piece)
            if unit.title_tail:
                tail_start = offset
                for piece in unit.title_tail:
                    put(piece)
                unit.tail_span = Span(tail_start, offset)
        unit.span = Span(start, offset)
        # The slices are placed: the input lines they point to can go.
        unit.pieces, unit.rows, unit.title_tail = [], [], []
    raw = "".join(raw_parts)
    raw_parts.clear()  # the slices are in ``raw`` now
    # Folding maps one character to one character, so the folded working
    # text is the raw one translated in a single pass, with the same offsets.
    return Normalized(raw.translate(FOLD), raw, sourcemap, units)
