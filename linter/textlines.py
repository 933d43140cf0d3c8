"""Split decoded text into input lines and find the PDF page structure.

PDF-to-text extraction marks a new page with a line that begins with one
space (or a form feed from other tools).  Page numbers printed in the page
footer come out as lone number lines next to those breaks; running headers
come out as the same short line at the top of many pages.  Both must be kept
out of paragraphs, but a lone number can also be a table cell, so a number
only counts as a page number when it sits at a page boundary *and* agrees
with the document's page count (value - page index is the same for most).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*(?:/\s*(?:共\s*)?|[，,]?\s*共\s*)\d{1,4}\s*页?)?[\s\-—–]*$"
)

# Full-width forms folded for parsing.  Every entry maps one character to one
# character, so folding never moves an offset.  The Chinese comma, enumeration
# comma and full stop are meaningful punctuation and are kept.
FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "％": "%",
        "：": ":",
        "（": "(",
        "）": ")",
        "．": ".",
        "＋": "+",
        "－": "-",
        "＝": "=",
        "＜": "<",
        "＞": ">",
        "＊": "*",
        "／": "/",
        "\u3000": " ",
        "\u00a0": " ",
        "\t": " ",
        "\f": " ",
    }
)


@dataclass(slots=True)
class InputLine:
    """One line of the input file, with where its content starts and ends."""

    index: int  # 0-based line number
    raw: str  # the line as written (no line terminator)
    page: int  # 1-based page it is on
    page_start: bool  # this line begins a new page
    start: int = 0  # first column of content (after the page-start space)
    end: int = 0  # column after the last non-space character
    role: str = "content"  # content | blank | page-number | running-header
    _folded: str | None = None

    @property
    def content(self) -> str:
        return self.raw[self.start:self.end]

    @property
    def folded(self) -> str:
        """The content with full-width forms made half-width (computed once:
        page-number detection and the normalizer both read it)."""
        if self._folded is None:
            self._folded = self.content.translate(FOLD)
        return self._folded


def split_lines(text: str) -> list[InputLine]:
    """Split on CRLF, CR or LF and assign pages.

    A line that starts with exactly one space, that holds only a space, or that
    starts with a form feed begins a new page; the first such line of the file
    is page 1.  A break that follows another with no text between them is an
    empty page (a PDF's image-only cover), so it counts even before any text.
    """
    raw_lines = _LINE_BREAK.split(text)
    if raw_lines and raw_lines[-1] == "" and len(raw_lines) > 1:
        raw_lines.pop()  # the terminator of the last line is not a new line
    lines: list[InputLine] = []
    page = 1
    seen_content = False
    seen_break = False
    for index, raw in enumerate(raw_lines):
        if raw.startswith("\ufeff"):
            raw = raw[1:] if index == 0 else raw
        is_break = raw.startswith("\f") or raw == " " or (
            raw.startswith(" ") and len(raw) > 1 and not raw[1].isspace()
        )
        if is_break and (seen_content or seen_break):
            page += 1
        seen_break = seen_break or is_break
        stripped = raw.strip(" \t\f\u3000\u00a0")
        line = InputLine(index, raw, page, is_break)
        if stripped:
            seen_content = True
            line.start = len(raw) - len(raw.lstrip(" \t\f\u3000\u00a0"))
            line.end = len(raw.rstrip(" \t\f\u3000\u00a0"))
        else:
            line.role = "blank"
        lines.append(line)
    _mark_page_numbers(lines)
    _mark_running_headers(lines)
    return lines


def _mark_page_numbers(lines: list[InputLine]) -> None:
    content = [line for line in lines if line.role == "content"]
    # A page number ends in a digit, 页 or a dash: test that before the pattern.
    matches = [
        _PAGE_NUMBER.match(line.folded) if line.folded[-1:] in _PAGE_NUMBER_ENDS else None for line in content
    ]
    _mark_numbered_pages(content, matches)
    candidates: list[tuple[InputLine, int]] = []
    for pos, match in enumerate(matches):
        if not match:
            continue
        line = content[pos]
        next_line = content[pos + 1] if pos + 1 < len(content) else None
        at_boundary = line.page_start or next_line is None or next_line.page_start
        if at_boundary:
            candidates.append((line, int(match.group(1)) - line.page))
    if not candidates:
        return
    offsets = Counter(offset for _, offset in candidates)
    offset, count = offsets.most_common(1)[0]
    if count < 2 and not (len(candidates) == 1 and abs(offset) <= 2):
        return
    for line, line_offset in candidates:
        if line_offset == offset:
            line.role = "page-number"


_PAGE_NUMBER_ENDS = frozenset("0123456789页-—–")
_NON_WORD = re.compile(r"[\W_]+")


_MIN_PAGE_LINES = 10  # content lines between two page numbers, at least


def _mark_numbered_pages(content: list[InputLine], matches: list) -> None:
    """Page numbers in text that marks no page breaks: lines holding only a
    number, counting up by one ("12" … "13"), far enough apart to be pages,
    and not in a column of numbers.  Left in, "下设4" / "12" / "个科室"
    would read as 412 offices.  ``matches``: each line's page-number match."""
    found: list[tuple[int, int]] = []  # (position, number)
    for pos, match in enumerate(matches):
        if not match:
            continue
        if (pos > 0 and matches[pos - 1]) or (pos + 1 < len(matches) and matches[pos + 1]):
            continue  # a column of numbers, not a footer
        found.append((pos, int(match.group(1))))
    for (pos, number), (next_pos, next_number) in zip(found, found[1:]):
        if next_number == number + 1 and next_pos - pos >= _MIN_PAGE_LINES:
            content[pos].role = content[next_pos].role = "page-number"


def _mark_running_headers(lines: list[InputLine]) -> None:
    """A short line that opens at least half the pages (and three) verbatim is
    a running header.  Table titles such as 项目支出绩效自评表 also open many
    pages, one table per page, so a line ending in 表 never counts."""
    firsts: dict[str, list[InputLine]] = {}
    current_page = 0
    for line in lines:
        if line.role != "content":
            continue
        if line.page != current_page:
            current_page = line.page
            firsts.setdefault(line.content, []).append(line)
    pages = len({line.page for line in lines})
    for text, occurrences in firsts.items():
        if (
            len(occurrences) >= 3
            and len(occurrences) * 2 >= pages
            and len(text) <= 40
            and len(_NON_WORD.sub("", text)) >= 2  # "。" opening pages is a wrapped sentence end
            and not text.rstrip().endswith("表")
        ):
            for line in occurrences:
                line.role = "running-header"
