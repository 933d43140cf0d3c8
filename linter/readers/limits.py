"""Bounds on what a compressed input may inflate to (decompression bombs).

The size limit counts the bytes of the file, but a DOCX is a zip archive
and a PDF holds deflated streams: 1 MB of DOCX can inflate to 300 MB of
XML (minutes and gigabytes in the XML parser), 389 KB of PDF to a 400 MB
content stream.  So the inflated size is bounded too, before the parser
sees it, and an input over a bound is E003 saying what was found:

* DOCX: the sizes the zip directory declares (which :mod:`zipfile` then
  enforces: it never inflates a member past its declared size, and a lying
  member fails its CRC check) must add up to no more than the size limit,
  and no member over 1 MB may inflate more than 100 times (XML deflates
  5-20 times; a bomb is hundreds or thousands of times);
* PDF: each page's content streams are inflated in chunks, and counted,
  before pdfminer decodes them: no page over 16 MB, no document over the
  size limit; and no page may hold more than 200,000 characters (a dense
  A4 page holds about 3,000).
"""

from __future__ import annotations

import io
import zlib

from linter.reading import SIZE_LIMIT, format_megabytes, too_large

MEMBER_RATIO = 100
RATIO_FLOOR = 1_000_000  # members smaller than this inflate as they like
MAX_MEMBERS = 10_000
PAGE_CONTENT_BYTES = 16_000_000
PAGE_CHARACTERS = 200_000


def _limit() -> int:
    from linter.reading import DEFAULT_SIZE_LIMIT

    limit = SIZE_LIMIT.get()
    return DEFAULT_SIZE_LIMIT if limit is None else limit


def check_zip(data: bytes) -> None:
    """Refuse a zip archive (a DOCX) that would inflate past the bounds;
    a file that is not a zip is left to the reader to report."""
    import zipfile

    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    limit = _limit()
    if len(members) > MAX_MEMBERS:
        raise too_large(f"DOCX 含 {len(members)} 个压缩成员", f"the DOCX holds {len(members)} archive members", limit)
    total = sum(member.file_size for member in members)
    if total > limit:
        raise too_large(
            f"DOCX 解压后为 {format_megabytes(total)}", f"the DOCX inflates to {format_megabytes(total)}", limit
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MEMBER_RATIO:
            raise too_large(
                f"DOCX 的 {member.filename} 从 {format_megabytes(member.compress_size)} 解压为 "
                f"{format_megabytes(member.file_size)}（{ratio:.0f} 倍，疑似压缩炸弹）",
                f"the DOCX member {member.filename} inflates from {format_megabytes(member.compress_size)} to "
                f"{format_megabytes(member.file_size)} ({ratio:.0f} times: a decompression bomb?)",
                limit,
            )


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes ``raw`` inflates to, counting at most ``cap + 1`` of them, in
    1 MB steps (never all in memory)."""
    inflater = zlib.decompressobj()
    total = 0
    pending = raw
    while pending and total <= cap:
        chunk = inflater.decompress(pending, 1 << 20)
        total += len(chunk)
        pending = inflater.unconsumed_tail
        if not chunk:
            break
    return total


class PdfBudget:
    """Counts the inflated content of a PDF's pages as they are read."""

    def __init__(self) -> None:
        self.limit = _limit()
        self.total = 0

    def check_page(self, page, number: int) -> None:
        """Refuse a page whose content streams inflate past the bounds
        (before pdfminer decodes them)."""
        from pdfminer.pdftypes import LITERALS_FLATE_DECODE, resolve1

        contents = resolve1(page.page_obj.attrs.get("Contents"))
        streams = contents if isinstance(contents, list) else [contents]
        size = 0
        for stream in streams:
            stream = resolve1(stream)
            raw = getattr(stream, "rawdata", None)
            if raw is None:
                continue
            decipher = getattr(stream, "decipher", None)
            if decipher is not None:  # an encrypted PDF (owner password only): decrypt first
                raw = decipher(stream.objid, stream.genno, raw, stream.attrs)
            filters = stream.get_filters()
            if filters and filters[0][0] in LITERALS_FLATE_DECODE:
                try:
                    size += _inflated_size(raw, PAGE_CONTENT_BYTES - size)
                except zlib.error:
                    size += len(raw)  # damaged: pdfminer reports it or recovers
            else:
                size += len(raw)
            if size > PAGE_CONTENT_BYTES:
                break
        self.total += size
        if size > PAGE_CONTENT_BYTES:
            raise too_large(
                f"PDF 第 {number} 页的内容流解压后超过 {format_megabytes(PAGE_CONTENT_BYTES)}",
                f"page {number} of the PDF has content streams inflating to more than {format_megabytes(PAGE_CONTENT_BYTES)}",
                self.limit,
            )
        if self.total > self.limit:
            raise too_large(
                f"PDF 的内容流解压后超过 {format_megabytes(self.limit)}（至第 {number} 页）",
                f"the PDF's content streams inflate to more than {format_megabytes(self.limit)} (by page {number})",
                self.limit,
            )

    def check_characters(self, page, number: int) -> None:
        count = len(page.chars)
        if count > PAGE_CHARACTERS:
            raise too_large(
                f"PDF 第 {number} 页有 {count} 个字符", f"page {number} of the PDF holds {count} characters", self.limit
            )
