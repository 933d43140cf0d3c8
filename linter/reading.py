"""Bytes to text: read a file (or stdin) and decode it without guessing wrong.

Disclosures arrive as UTF-8 (with or without BOM), as GB18030/GBK from older
Windows tools, or as UTF-16 from Word's "save as text".  We try the encodings
that can be *proven* from the bytes first (BOMs, strict UTF-8), then ask
charset-normalizer, and only accept a candidate whose decoding is strict and
looks like text.  Anything else is reported as unreadable rather than turned
into mojibake that would make every rule misfire.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

# Encodings a Chinese disclosure plausibly uses, tried in this order when the
# bytes carry no BOM and are not valid UTF-8.  GB18030 is a superset of GBK and
# GB2312, so one entry covers all three.
_FALLBACK_CHAIN = ("gb18030", "big5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file could not be turned into text; ``zh``/``en`` say why, and
    ``code`` is the issue it becomes (E001 unreadable, E002 empty, E003 too
    large to lint)."""

    def __init__(self, zh: str, en: str, code: str = "E001"):
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.code = code


@dataclass
class DecodedText:
    """A document's text, the encoding or format it came from, and for a
    DOCX where each table cell sits: 1-based line -> (first column, end
    column, table, row, grid column) of each cell of that row line."""

    text: str
    encoding: str
    cells: dict[int, list[tuple[int, int, int, int, int]]] | None = None
    # for a PDF: per line (0-based), each character's (x0, x1) on its page,
    # None for a space the reader inserted — cells are placed in columns by it
    positions: list[list[tuple[float, float] | None]] | None = None

    def cell_at(self, line: int, column: int) -> dict | None:
        """The table cell holding a position of the text, if it is in one."""
        for start, end, table, row, grid_column in (self.cells or {}).get(line, ()):
            if start <= column < end:
                return {"table": table, "row": row, "column": grid_column}
        return None


def read_bytes(path: str) -> bytes:
    """Read a path, or standard input when the path is ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    if not os.path.exists(path):
        raise ReadError("文件不存在", "no such file")
    if os.path.isdir(path):
        raise ReadError("这是一个目录，不是文件", "is a directory, not a file")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReadError(f"无法读取文件（{reason}）", f"cannot read the file ({reason})") from None


# Control characters other than tab, line feed, vertical tab, form feed, CR.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters (binary data)."""
    if not text:
        return True
    return len(_CONTROL.findall(text)) <= len(text) // 200


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as zero bytes at every other position for
    ASCII-heavy text; CJK text has no such tell, so only accept a side when
    its zero-byte share is high."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = len(data) // 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _looks_like_text(text) else None


def decode(data: bytes) -> DecodedText:
    """Decode bytes to text, or raise :class:`ReadError`."""
    if not data:
        return DecodedText("", "utf-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is None:
                raise ReadError(
                    f"文件以 {encoding} 字节序标记开头，但内容无法按该编码解码",
                    f"the file starts with a {encoding} byte-order mark but does not decode as {encoding}",
                )
            return DecodedText(text, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return DecodedText(text, utf16)
    if b"\x00" in data:
        raise ReadError("文件是二进制内容，不是文本", "the file is binary, not text")
    text = _strict(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8")
    for encoding in _detected_encodings(data) + list(_FALLBACK_CHAIN):
        text = _strict(data, encoding)
        if text is not None and _mostly_cjk_or_ascii(text):
            return DecodedText(text, encoding)
    raise ReadError(
        "无法识别文件编码（已尝试 UTF-8、UTF-16、GB18030 等），请另存为 UTF-8",
        "cannot detect the text encoding (tried UTF-8, UTF-16, GB18030 and others); save it as UTF-8",
    )


def _detected_encodings(data: bytes) -> list[str]:
    """Candidates from charset-normalizer, best first (lazy import: it is only
    needed for files that are not UTF-8)."""
    from charset_normalizer import from_bytes

    return [match.encoding for match in from_bytes(data)][:3]


def _mostly_cjk_or_ascii(text: str) -> bool:
    """A decoding of a Chinese disclosure is mostly CJK, ASCII and CJK
    punctuation; a wrong single-byte decoding is mostly Latin-1 letters."""
    sample = text[:20000]
    good = sum(
        1
        for ch in sample
        if ord(ch) < 128 or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
    )
    return good >= len(sample) * 0.9


def read_text(path: str) -> DecodedText:
    """Read and decode one input path (``-`` for stdin)."""
    return decode(read_bytes(path))
