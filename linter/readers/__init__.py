"""Readers for documents that are not plain text: PDF and DOCX.

A reader turns a file into the text the rest of the pipeline reads, in the
conventions of :mod:`linter.textlines`, so a PDF or a Word file is linted by
exactly the same code as a text extraction:

* one input line per line of the page (PDF) or per paragraph / table row
  (DOCX), with the cells of a row separated by spaces;
* a line that opens a new page begins with a single space (a page with no
  text at all is a line holding only that space), and no other line may begin
  with a single space — readers strip leading spaces from lines;
* wrapped PDF lines stay as the page shows them: the normalizer joins them.

Issues are located in this text, which ``disclint extract`` prints: for a PDF
or a DOCX, "line N, column C" means the C-th character of line N of that
output.  Each reader's module says what a line is for its format.

The libraries (pdfplumber, python-docx) are imported inside the readers, so
``disclint --help`` and plain-text runs never load them.
"""

from __future__ import annotations

from linter.reading import ReadError

PAGE_START = " "  # what textlines.split_lines takes for "this line opens a page"



def empty_file() -> ReadError:
    """A zero-byte file is empty (E002), as a text file would be, not damaged."""
    return ReadError("文件为空，没有可检查的文本", "the file is empty: there is no text to check", "E002")


def clean_line(text: str) -> str:
    """One output line: no line breaks inside it (they would add lines and
    shift every later line number), and no leading or trailing white space
    (a leading single space would read as a page break, and a page-break space
    followed by more white space would not)."""
    for separator in ("\r\n", "\r", "\n", "\v", "\f", "\x85", "\u2028", "\u2029"):
        text = text.replace(separator, " ")
    return text.strip()
