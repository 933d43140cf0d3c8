"""Reading: encodings detected from the bytes, line endings, pages, bad input."""

from __future__ import annotations

import pytest

from linter.reading import ReadError, decode, read_text
from linter.textlines import split_lines

SAMPLE = "2024年度收入总计434.50万元，其中：本年收入合计430.23万元。\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_encodings_are_detected(encoding):
    text = SAMPLE * 20
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        # Without a BOM; ASCII-heavy lines give the zero-byte tell.
        text = ("Total 434.50 wan yuan, 2024. " + SAMPLE) * 20
        data = text.encode(encoding)
    assert decode(data).text == text


def test_short_gb18030_text_is_not_mojibake():
    data = "一、主要职能\n".encode("gb18030")
    assert decode(data).text == "一、主要职能\n"


def test_binary_is_rejected_with_a_reason():
    with pytest.raises(ReadError) as info:
        decode(bytes(range(256)) * 4)
    assert "binary" in info.value.en


def test_undecodable_bytes_are_rejected():
    with pytest.raises(ReadError):
        decode(b"\x80abc\x80" * 30)


def test_missing_path(tmp_path):
    with pytest.raises(ReadError) as info:
        read_text(str(tmp_path / "nope.txt"))
    assert info.value.en == "no such file"


def test_directory_path(tmp_path):
    with pytest.raises(ReadError):
        read_text(str(tmp_path))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    lines = split_lines(newline.join(["一、主要职能", "", " 第二部分 情况说明", "正文"]) + newline)
    assert [line.raw for line in lines] == ["一、主要职能", "", " 第二部分 情况说明", "正文"]
    assert [line.page for line in lines] == [1, 1, 2, 2]


def test_pages_and_page_numbers():
    text = "\n".join([" 第一部分 概况", "正文一。", "1", " 第二部分 说明", "正文二。", "2", " 正文三。", "10"])
    lines = split_lines(text)
    roles = {line.raw.strip(): line.role for line in lines}
    assert roles["1"] == "page-number" and roles["2"] == "page-number"
    # 10 is not the number of page 3: a table cell, kept.
    assert roles["10"] == "content"
    assert [line.page for line in lines] == [1, 1, 1, 2, 2, 2, 3, 3]


def test_lone_space_line_is_an_empty_page():
    lines = split_lines("第一页。\n \n 第三页。")
    assert [line.page for line in lines] == [1, 2, 3]
