"""PDF to text, page by page, with pdfplumber.

Why pdfplumber: it places every character by its position on the page and
groups characters into lines by their height, so the text comes out in reading
order even when the PDF draws it in another order — table cells drawn column
by column, or a paragraph drawn character by character — and the cells of a
table row land on one line, separated by a space wherever the gap between them
is wider than a character.  Libraries that follow the order of the content
stream (pypdf, for one) print such a table one column after the other.

What "line" means for a PDF: the lines of the text this module returns (what
``disclint extract`` prints): one line per line of characters on the page,
top to bottom, with no blank lines; every page starts a new line, and the first
line of each page begins with one space (the page-break convention of
:mod:`linter.textlines`), so its characters start at column 2.  A page without
any text is a line holding only that space, so page numbers stay exact.

Fixes applied to the characters, each one character for one character:

* characters drawn twice at almost the same place (the "fake bold" of some
  office suites) are kept once;
* Kangxi radicals and CJK compatibility ideographs that some PDF producers
  map their glyphs to (``⼀、主要职能``, ``⼈⺠``) become the ordinary
  ideographs (``一、主要职能``, ``人民``), or no heading or keyword would match.

Files that cannot be linted raise :class:`~linter.reading.ReadError` with one
clear sentence: encrypted with a password, no text layer (a scan: OCR is
needed), fonts without a Unicode mapping, or not a PDF at all.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from linter.reading import DecodedText, ReadError, read_bytes
from linter.readers import PAGE_START, clean_line, empty_file
from linter.readers.limits import PdfBudget

# Characters drawn twice within this distance (points) are one character.
_DEDUPE_TOLERANCE = 1
# pdfminer writes "(cid:123)" for a glyph whose font has no Unicode mapping.
_UNMAPPED = re.compile(r"\(cid:\d+\)")

# CJK radicals-supplement forms that are a whole simplified character, as
# PDF producers emit them for that character.  Unicode gives them no
# compatibility mapping, so they are listed; the Kangxi radicals and the
# compatibility ideographs have one (NFKC), which is used below.
_SUPPLEMENT_RADICALS = {
    "⺟": "母", "⺠": "民", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车",
    "⻓": "长", "⻔": "门", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食",
    "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻬": "齐",
    "⻮": "齿", "⻰": "龙", "⻳": "龟",
}


def _ideograph_table() -> dict[int, str]:
    table = {ord(key): value for key, value in _SUPPLEMENT_RADICALS.items()}
    for low, high in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1D)):
        for code in range(low, high + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


IDEOGRAPHS = _ideograph_table()


def read_pdf(path: str) -> DecodedText:
    """The text of a PDF in the line and page conventions of this module."""
    data = read_bytes(path)  # missing file, directory, unreadable: the usual errors
    if not data:
        raise empty_file()
    if b"%PDF-" not in data[:1024]:  # where the PDF standard allows the header
        raise ReadError(
            "文件不是 PDF（开头没有 %PDF 标记），可能已损坏或扩展名有误",
            "the file is not a PDF (it does not start with %PDF): damaged, or the wrong extension",
        )
    # pdfminer reports the oddities it recovers from through logging; without
    # a handler Python prints them to stderr, which would litter every report.
    # What it cannot recover from raises, and is reported below.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[str] = []
    page_spans: list[list[CharSpan | None]] = []
    images = 0
    budget = PdfBudget()
    try:
        with pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                budget.check_page(page, number)
                budget.check_characters(page, number)
                images += len(page.images)
                # The text map is what extract_text() returns, with the
                # character each letter of it came from (None for the
                # spaces and line breaks it inserts).
                textmap = page.dedupe_chars(tolerance=_DEDUPE_TOLERANCE).get_textmap()
                pages.append(textmap.as_string or "")
                page_spans.append([_char_span(obj) for _, obj in textmap.tuples])
                page.close()  # drop the page's parsed objects: long reports stay small
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many kinds; each means "cannot read"
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReadError(
                "PDF 已加密，需要密码才能打开；请提供未加密的文件",
                "the PDF is encrypted and needs a password to open; provide an unencrypted copy",
            ) from None
        if isinstance(cause, PDFEncryptionError):
            raise ReadError(
                f"PDF 使用了无法解密的加密方式（{cause}）；请提供未加密的文件",
                f"the PDF uses an encryption that cannot be decrypted ({cause}); provide an unencrypted copy",
            ) from None
        detail = str(cause).strip() or type(cause).__name__
        raise ReadError(
            f"PDF 文件已损坏或格式无效，无法读取（{detail}）",
            f"the PDF is damaged or not valid and cannot be read ({detail})",
        ) from None
    text = _layout(pages, images)
    return DecodedText(text, "pdf", positions=_line_positions(pages, page_spans))


# The horizontal extent (x0, x1, in points) of one character of the text.
CharSpan = tuple[float, float]


def _char_span(obj) -> CharSpan | None:
    return None if obj is None else (float(obj["x0"]), float(obj["x1"]))


def _line_positions(pages: list[str], page_spans: list[list[CharSpan | None]]) -> list[list[CharSpan | None]]:
    """Each output line's characters' horizontal extents, in step with
    _layout: the same lines, cleaned the same way (clean_line only strips
    the ends and turns separators into spaces; IDEOGRAPHS maps one character
    to one), the page-start space without a position.  Table readers place
    a cell in its column by where it is printed (linter.tables.positions)."""
    positions: list[list[CharSpan | None]] = []
    for text, spans in zip(pages, page_spans):
        page_lines: list[list[CharSpan | None]] = []
        start = 0
        for piece in text.splitlines(keepends=True):  # the lines _layout splits
            body = piece.splitlines()[0] if piece.splitlines() else ""
            line_spans = spans[start:start + len(body)]
            start += len(piece)
            cleaned = clean_line(body)
            if not cleaned:
                continue
            lead = len(body) - len(body.lstrip())
            page_lines.append(list(line_spans[lead:lead + len(cleaned)]))
        if not page_lines:
            page_lines = [[]]
        page_lines[0] = [None, *page_lines[0]]  # PAGE_START
        positions.extend(page_lines)
    return positions


def _layout(pages: list[str], images: int) -> str:
    """Join the pages' text in the line conventions, or say why there is no
    text to lint."""
    if not pages:
        raise ReadError("PDF 没有任何页面", "the PDF has no pages")
    if not any(text.strip() for text in pages):
        raise ReadError(
            f"PDF 没有文字层（共 {len(pages)} 页，{'均为图片' if images else '无可提取的文字'}），"
            "可能是扫描件；请先进行 OCR 文字识别，再检查",
            f"the PDF has no text layer ({len(pages)} page(s), "
            f"{'images only' if images else 'no extractable text'}), probably a scan: run OCR on it first",
        )
    all_text = "".join(pages)
    unmapped = sum(len(match) for match in _UNMAPPED.findall(all_text))
    if unmapped > len(all_text) * 0.3:
        raise ReadError(
            "PDF 的字体没有 Unicode 映射，文字无法提取（复制出来是乱码）；请先进行 OCR 文字识别，再检查",
            "the PDF's fonts have no Unicode mapping, so its text cannot be extracted; run OCR on it first",
        )
    lines: list[str] = []
    for text in pages:
        page_lines = [clean_line(line).translate(IDEOGRAPHS) for line in text.splitlines()]
        page_lines = [line for line in page_lines if line]
        if not page_lines:
            page_lines = [""]
        page_lines[0] = PAGE_START + page_lines[0]
        lines.extend(page_lines)
    return "\n".join(lines) + "\n"
