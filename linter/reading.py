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
import errno
import os
import re
import stat
import sys
from contextvars import ContextVar
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


# The size limit of the run (bytes; None: none), set by the engine around
# each read.  A context variable rather than a parameter, so that every
# reader, a plugin's too, gets it through read_bytes without a new argument.
DEFAULT_SIZE_LIMIT = 50_000_000  # bytes; runplan.DEFAULT_MAX_FILE_MB
SIZE_LIMIT: ContextVar[int | None] = ContextVar("disclint_size_limit", default=DEFAULT_SIZE_LIMIT)

_CHUNK = 1 << 20

# What a path that is not a regular file is, for the message.
_KINDS = (
    (stat.S_ISFIFO, "命名管道（FIFO）", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
    (stat.S_ISSOCK, "套接字", "a socket"),
)


def too_large(what_zh: str, what_en: str, limit: int) -> ReadError:
    """E003 for an input over the size limit; ``what`` says what was found."""
    shown = f"{limit / 1e6:g} MB" if limit >= 100_000 else f"{limit} B"
    return ReadError(
        f"{what_zh} 超过上限 {shown}，未检查（可用 --max-file-size 调整）",
        f"{what_en}, over the {shown} limit, and was not checked (see --max-file-size)",
        "E003",
    )


def format_megabytes(size: int) -> str:
    """A size in MB for a message, never rounded to a misleading 0 MB."""
    megabytes = size / 1e6
    return f"{megabytes:.1f} MB" if megabytes >= 0.1 else f"{size} B"


def _read_limited(handle, limit: int | None, what_zh: str, what_en: str) -> bytes:
    """Read to the end, but never more than ``limit`` bytes: the limit is
    counted while reading, so an endless stream (stdin, a device) stops."""
    chunks, total = [], 0
    while True:
        chunk = handle.read(_CHUNK if limit is None else min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:
            raise too_large(f"{what_zh}超过 {format_megabytes(limit)}", f"{what_en} is more than {format_megabytes(limit)}", limit)


def _not_regular(mode: int) -> ReadError:
    for test, zh, en in _KINDS:
        if test(mode):
            return ReadError(f"这是{zh}，不是普通文件，未读取", f"this is {en}, not a regular file, and was not read")
    return ReadError("这不是普通文件，未读取", "this is not a regular file and was not read")


def open_regular(path: str) -> int:
    """Open ``path`` for reading, only if it is a regular file: a FIFO would
    block for ever and a device (/dev/zero) never ends.  Opened without
    blocking and checked on the open descriptor, so no swap between the
    check and the read can slip a FIFO in."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            if os.path.islink(path):
                raise ReadError("符号链接指向的文件不存在", "the symbolic link points to a file that does not exist") from None
            raise ReadError("文件不存在", "no such file") from None
        if exc.errno == errno.ELOOP:
            raise ReadError("符号链接形成循环，无法打开", "the symbolic links form a loop and cannot be opened") from None
        if exc.errno == errno.EISDIR:
            raise ReadError("这是一个目录，不是文件", "is a directory, not a file") from None
        reason = exc.strerror or str(exc)
        raise ReadError(f"无法读取文件（{reason}）", f"cannot read the file ({reason})") from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise ReadError("这是一个目录，不是文件", "is a directory, not a file")
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _not_regular(mode)
    if hasattr(os, "O_NONBLOCK"):
        os.set_blocking(fd, True)
    return fd


def read_bytes(path: str) -> bytes:
    """Read a path, or standard input when the path is ``-``: only a regular
    file or stdin, and never more than the size limit (:data:`SIZE_LIMIT`)."""
    limit = SIZE_LIMIT.get()
    if path == "-":
        return _read_limited(sys.stdin.buffer, limit, "标准输入", "standard input")
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise too_large(f"文件大小 {format_megabytes(size)}", f"the file is {format_megabytes(size)}", limit)
        try:
            return _read_limited(handle, limit, "文件", "the file")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ReadError(f"无法读取文件（{reason}）", f"cannot read the file ({reason})") from None


# A compound file: an old .doc/.xls, or an encrypted .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

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
    if data.startswith(OLE_MAGIC):
        raise ReadError(
            "这是旧版 Word .doc（或其他 Office 二进制）文件，不是文本；请在 Word 中另存为 .docx",
            "this is an old Word .doc (or another Office binary) file, not text: save it as .docx in Word",
        )
    if b"\x00" in data:
        raise ReadError("文件是二进制内容，不是文本", "the file is binary, not text")
    text = _strict(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8")
    _refuse_damaged_utf8(data)
    for encoding in _detected_encodings(data) + list(_FALLBACK_CHAIN):
        text = _strict(data, encoding)
        if text is not None and _mostly_cjk_or_ascii(text):
            return DecodedText(text, encoding)
    raise ReadError(
        "无法识别文件编码（已尝试 UTF-8、UTF-16、GB18030 等），请另存为 UTF-8",
        "cannot detect the text encoding (tried UTF-8, UTF-16, GB18030 and others); save it as UTF-8",
    )


def _refuse_damaged_utf8(data: bytes) -> None:
    """A file that is UTF-8 but for a few bytes (cut in the middle of a
    character, one byte damaged) is UTF-8 with a defect, not another
    encoding: say which byte, where, instead of "cannot detect"."""
    try:
        data.decode("utf-8")
        return
    except UnicodeDecodeError as exc:
        error = exc
    decoded = data.decode("utf-8", "replace")
    defects = decoded.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for ch in decoded if ord(ch) > 127 and ch != "\ufffd")
    if multibyte < 2 or defects > min(multibyte, max(3, multibyte // 1000)):
        return  # another encoding (GB18030, Big5): the fallbacks decide
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
    byte = data[error.start]
    if error.end == len(data) and error.reason == "unexpected end of data":
        raise ReadError(
            f"文件在第 {line} 行第 {column} 列的 UTF-8 字符中间结束（字节 0x{byte:02X} 之后缺少后续字节），可能被截断",
            f"the file ends in the middle of a UTF-8 character at line {line}, column {column} "
            f"(byte 0x{byte:02X} has no continuation): it was probably cut short",
        )
    raise ReadError(
        f"第 {line} 行第 {column} 列的字节 0x{byte:02X} 不是有效的 UTF-8（共 {defects} 处），文件其余部分是 UTF-8；请修复该处",
        f"byte 0x{byte:02X} at line {line}, column {column} is not valid UTF-8 ({defects} such place(s)); "
        "the rest of the file is UTF-8: repair that place",
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
