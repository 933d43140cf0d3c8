"""Make PDF and DOCX test documents at test time, from text.

The corpus documents in examples/ are text extracted from published PDFs:
one line per printed line, a line opening with one space at each new page,
blank lines between. ``render_pdf`` prints every line back where it was — one
PDF page per page of the text, each line at its own height, in a CJK font
embedded in the file — so that reading the PDF should give the same lines
again. ``render_docx`` makes a Word document of the same text: one paragraph
per line (blank ones included), page breaks where the pages break, and runs
of table rows as real Word tables, one cell per space-separated field.

The font is WenQuanYi Micro Hei, from the PyPI package the ``test`` extra
installs (paperang-p2-fonts-cjk, a wheel that ships only the font file); the
files of Debian's fonts-wqy-microhei / fonts-wqy-zenhei are used when that
package is missing. Its data files are located without importing it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

_DEBIAN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_FONT_SIZE = 10  # points; a CJK character is as wide as the size
_LEADING = 14  # points between lines: more than pdfplumber's 3-point line tolerance
_MARGIN = 40
_NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")


def cjk_font() -> Path:
    spec = importlib.util.find_spec("paperang_p2_fonts_cjk")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "fonts" / "wqy-microhei.ttc"
            if candidate.exists():
                return candidate
    for candidate in map(Path, _DEBIAN_FONTS):
        if candidate.exists():
            return candidate
    pytest.fail("no CJK font for the PDF tests: install the test extra (pip install -e '.[test]')")


def text_pages(text: str) -> list[list[str]]:
    """The lines of each page of a corpus text (page-start space removed,
    blank lines kept), by the same rule as linter.textlines."""
    from linter.textlines import split_lines

    pages: list[list[str]] = []
    for line in split_lines(text):
        if line.page > len(pages):
            pages.append([])
        pages[-1].append(line.raw.strip())
    return pages


def new_pdf(compress: bool = True):
    """An fpdf2 document in points with the CJK font selected."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", "", str(cjk_font()))
    pdf.set_font("cjk", size=_FONT_SIZE)
    return pdf


def render_pdf(text: str, target: Path, *, compress: bool = True) -> Path:
    """Print ``text`` into a PDF at ``target``: one page per page of the text,
    each page as wide and as tall as its lines need (``compress=False`` leaves
    the streams readable, for tests that edit them)."""
    pdf = new_pdf(compress)
    for lines in text_pages(text):
        widest = max((pdf.get_string_width(line) for line in lines), default=0)
        width = max(595, widest + 2 * _MARGIN)
        height = max(842, len(lines) * _LEADING + 2 * _MARGIN)
        pdf.add_page(format=(width, height))
        for number, line in enumerate(lines):
            if line:
                pdf.text(_MARGIN, _MARGIN + (number + 1) * _LEADING, line)
    pdf.output(str(target))
    return target


def _row_like(line: str) -> bool:
    """A table row of the extraction: three fields or more, two of them numbers."""
    fields = line.split()
    return len(fields) >= 3 and sum(1 for field in fields if _NUMBER.match(field.replace("，", ""))) >= 2


def _tables(lines: list[str]) -> dict[int, int]:
    """Line index -> table id for runs of row-like lines (blank lines between
    rows stay in the table as empty rows, so line numbers do not move)."""
    tables: dict[int, int] = {}
    table = 0
    index = 0
    while index < len(lines):
        if not _row_like(lines[index]):
            index += 1
            continue
        run = [index]
        probe = index + 1
        while probe < len(lines):
            if _row_like(lines[probe]):
                run.append(probe)
            elif lines[probe]:
                break
            probe += 1
        if len(run) >= 2:
            table += 1
            for member in range(run[0], run[-1] + 1):
                tables[member] = table
            index = run[-1] + 1
        else:
            index += 1
    return tables


def render_docx(text: str, target: Path) -> Path:
    """Write ``text`` as a Word document: one paragraph (or table row) per
    line, blank lines included, so that block N is line N of the text.  Pages
    break where the text's pages do: by a page break at the end of the last
    paragraph on even pages, by "page break before" on odd ones (and after a
    table).  The line that opens a page is always a paragraph."""
    import docx
    from docx.enum.text import WD_BREAK

    from linter.textlines import split_lines

    lines = split_lines(text)
    contents = [line.raw.strip() for line in lines]
    tables = _tables(contents)
    columns: dict[int, int] = {}
    for index, table in tables.items():
        columns[table] = max(columns.get(table, 1), len(contents[index].split()))
    document = docx.Document()
    last_paragraph = None  # the last block, when it is a paragraph
    open_table = None  # (table id, the Word table being filled)
    page = 1
    for line in lines:
        starts_page, page = line.page > page, line.page
        content = contents[line.index]
        table = tables.get(line.index)
        if table is not None and not starts_page:
            if open_table is None or open_table[0] != table:
                open_table = (table, document.add_table(rows=0, cols=columns[table]))
            row = open_table[1].add_row()
            for cell, field in zip(row.cells, content.split()):
                cell.text = field
            last_paragraph = None
            continue
        open_table = None
        break_after_last = starts_page and page % 2 == 0 and last_paragraph is not None
        if break_after_last:
            last_paragraph.add_run().add_break(WD_BREAK.PAGE)
        last_paragraph = document.add_paragraph(content)
        if starts_page and not break_after_last:
            last_paragraph.paragraph_format.page_break_before = True
    document.save(str(target))
    return target


# -- PDFs that cannot be linted ----------------------------------------------


def encrypted_pdf(target: Path, user_password: str | None = "secret") -> Path:
    """A one-page PDF encrypted with AES-128; without ``user_password`` it
    opens without a password (only the owner's permissions are protected)."""
    from fpdf.enums import EncryptionMethod

    pdf = new_pdf()
    pdf.add_page()
    pdf.text(_MARGIN, 2 * _MARGIN, "一、主要职能")
    pdf.text(_MARGIN, 2 * _MARGIN + _LEADING, "负责就业服务。")
    pdf.text(_MARGIN, 2 * _MARGIN + 2 * _LEADING, "三、机构设置及人员情况")
    pdf.set_encryption(owner_password="owner", user_password=user_password, encryption_method=EncryptionMethod.AES_128)
    pdf.output(str(target))
    return target


def scanned_pdf(target: Path, pages: int = 2) -> Path:
    """Pages that hold only a picture, as a scanner makes them: no text layer."""
    from PIL import Image, ImageDraw

    picture = target.with_suffix(".png")
    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).rectangle((40, 40, 560, 80), fill=0)  # a "line of print"
    image.save(picture)
    pdf = new_pdf()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(str(picture), x=_MARGIN, y=_MARGIN, w=400)
    pdf.output(str(target))
    picture.unlink()
    return target


def truncated_pdf(target: Path) -> Path:
    """The first half of a real PDF, as an interrupted download leaves it."""
    whole = render_pdf("一、主要职能\n负责就业服务。\n", target)
    data = whole.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target
