"""DOCX to text: one line per paragraph and per table row, with python-docx.

What "line" means for a DOCX: the N-th block of the document body in reading
order, where a block is a paragraph (empty ones included, so the count matches
the document's paragraphs) or one row of a table; it is line N of what
``disclint extract`` prints.  A row's cells are joined by one space, and the
reader remembers where each cell sits in the line, so an issue inside a table
also carries its cell: ``{"table": 2, "row": 3, "column": 4}`` (1-based; the
column of the table grid, so a cell merged across columns counts as its first
column, and the rows below a vertically merged cell are left empty).  The
"column" of an issue is the character within that line, leading white space
of the paragraph not counted.

Pages: Word does not store pages, only where it broke them the last time it
laid the document out (``lastRenderedPageBreak``, written by Word when it
saves) and the breaks the author typed (page breaks, "page break before",
section breaks to a new page).  Both are followed, and a paragraph is on the
page where it starts; a document last saved by another program carries only
the typed breaks.  A paragraph that starts a page is printed with the leading
space of :mod:`linter.textlines`, so its characters start at column 2.

Left out, as a person reading the body would not read them as part of its
text: headers and footers, footnotes, comments, text boxes and drawings,
deleted text of tracked changes, field codes (their results are kept).
"""

from __future__ import annotations

import io

from linter.reading import DecodedText, ReadError, read_bytes
from linter.readers import PAGE_START, clean_line, empty_file
from linter.readers.limits import check_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, or an encrypted .docx

# Inline elements whose content is not body text.
_SKIP = {
    _W + name
    for name in (
        "rPr", "pPr", "del", "moveFrom", "delText", "instrText", "drawing", "pict", "object",
        "footnoteReference", "endnoteReference", "commentReference", "sym", "fldChar",
    )
}
_SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_SPACE = {_W + "tab", _W + "ptab", _W + "cr"}


def read_docx(path: str) -> DecodedText:
    """The text of a DOCX in the conventions of this module, with the table
    cells of every row line."""
    data = read_bytes(path)
    if not data:
        raise empty_file()
    if data.startswith(_OLE):
        raise ReadError(
            "文件是受密码保护的 Word 文档，或旧版 .doc 格式；请另存为未加密的 .docx",
            "the file is a password-protected Word document or an old .doc file; save it as an unencrypted .docx",
        )
    check_zip(data)  # a decompression bomb is E003 before the XML parser sees it
    try:
        import docx

        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # zipfile, XML and package errors all mean "not a DOCX"
        detail = str(exc).strip() or type(exc).__name__
        raise ReadError(
            f"DOCX 文件已损坏或格式无效，无法读取（{detail}）",
            f"the DOCX is damaged or not valid and cannot be read ({detail})",
        ) from None
    walker = _Walker()
    walker.blocks(body)
    return DecodedText("\n".join(walker.lines) + "\n", "docx", cells=walker.cells)


class _Walker:
    """Walks the body's XML in document order, one line per block."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cells: dict[int, list[tuple[int, int, int, int, int]]] = {}
        self.tables = 0
        self.break_pending = False  # a page break came after the last block's text
        self.text_on_page = False  # the current page has text (else a break adds no page)

    def blocks(self, body) -> None:
        for child in _content(body):
            if child.tag == _W + "p":
                self._paragraph(child)
            elif child.tag == _W + "tbl":
                self.tables += 1
                self._table(child, self.tables)

    # -- one block -------------------------------------------------------
    def _emit(self, text: str, break_before: bool, break_after: bool) -> int:
        """Add a line; returns the width of its page-start prefix."""
        starts_page = (break_before or self.break_pending) and self.text_on_page
        prefix = PAGE_START if starts_page else ""
        if starts_page:
            self.text_on_page = False
        self.lines.append(prefix + text)
        if text:
            self.text_on_page = True
        self.break_pending = break_after
        return len(prefix)

    def _paragraph(self, p) -> None:
        pieces, before, after = _inline(p)
        properties = p.find(_W + "pPr")
        if properties is not None:
            flag = properties.find(_W + "pageBreakBefore")
            if flag is not None and flag.get(_W + "val") not in ("0", "false", "off"):
                before = True
            section = properties.find(_W + "sectPr")
            if section is not None:
                kind = section.find(_W + "type")
                after = after or kind is None or kind.get(_W + "val") != "continuous"
        self._emit(clean_line("".join(pieces)), before, after)

    def _table(self, table, number: int) -> None:
        rows = [child for child in _content(table) if child.tag == _W + "tr"]
        for row_number, row in enumerate(rows, start=1):
            texts: list[tuple[int, str]] = []  # (grid column, cell text)
            before = after = row_has_text = False
            column = 1 + _int_val(row.find(f"{_W}trPr/{_W}gridBefore"), 0)
            for cell in _content(row):
                if cell.tag != _W + "tc":
                    continue
                span = _int_val(cell.find(f"{_W}tcPr/{_W}gridSpan"), 1)
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is None or merge.get(_W + "val") == "restart":
                    parts = []
                    for p in _paragraphs(cell):
                        pieces, p_before, p_after = _inline(p)
                        if p_before:
                            after, before = after or row_has_text, before or not row_has_text
                        parts.append("".join(pieces))
                        row_has_text = row_has_text or bool(parts[-1].strip())
                        after = after or p_after
                    text = clean_line(" ".join(parts))
                    if text:
                        texts.append((column, text))
                column += span
            line = " ".join(text for _, text in texts)
            offset = self._emit(line, before, after)
            placed, start = [], offset + 1
            for grid_column, text in texts:
                placed.append((start, start + len(text), number, row_number, grid_column))
                start += len(text) + 1
            if placed:
                self.cells[len(self.lines)] = placed


def _content(element):
    """Children, looking through content controls and custom XML wrappers."""
    for child in element.iterchildren():
        if child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _content(content)
        elif child.tag == _W + "customXml":
            yield from _content(child)
        else:
            yield child


def _paragraphs(container):
    """The paragraphs of a cell in reading order, a nested table's included."""
    for child in _content(container):
        if child.tag == _W + "p":
            yield child
        elif child.tag == _W + "tbl":
            for row in _content(child):
                for cell in _content(row):
                    if cell.tag == _W + "tc":
                        yield from _paragraphs(cell)


def _int_val(element, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(_W + "val"))
    except (TypeError, ValueError):
        return default


def _inline(p) -> tuple[list[str], bool, bool]:
    """A paragraph's text pieces, and whether a page break comes before its
    first text or after some of it."""
    pieces: list[str] = []
    state = {"before": False, "after": False}

    def page_break() -> None:
        if any(piece.strip() for piece in pieces):
            state["after"] = True
        else:
            state["before"] = True

    def walk(element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                pieces.append(child.text or "")
            elif tag in _SPACE:
                pieces.append(" ")
            elif tag == _W + "br":
                if child.get(_W + "type") == "page":
                    page_break()
                else:
                    pieces.append(" ")  # a line or column break inside the paragraph
            elif tag == _W + "lastRenderedPageBreak":
                page_break()
            elif tag == _W + "noBreakHyphen":
                pieces.append("-")
            elif tag in (_W + "p", _W + "tbl"):
                continue  # never inside a paragraph in valid files
            else:
                walk(child)  # runs, hyperlinks, insertions, fields, content controls

    walk(p)
    return pieces, state["before"], state["after"]
