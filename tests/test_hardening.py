"""Hostile input: random and mutated disclosure text never crashes a rule,
every issue lies inside the file, and the JSON report stays valid.  Also a
bounded fuzz run of the reader and the parser on arbitrary bytes."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from linter.engine import FileResult, lint_document
from linter.formatters import json_format
from linter.pipeline import parse_text
from linter.plugins import all_rules
from linter.reading import ReadError, decode
from linter.sourcemap import Span

RULES = all_rules()
SAMPLES = [path.read_text(encoding="utf-8")[:4000] for path in CORPUS]

NASTY = st.sampled_from(
    [
        "%", "％", "%%", "（" * 200, ")" * 50, "【】", "一、", "第二部分", "（十二）", "1.", "\n\n", " ", "\f",
        "9" * 400, "1,234,567,890,123.4567万元", "-0.00%", "占 %", "增加 万元，增长 %", "其中：", "其中：其中：",
        "比上年减少 5 万元，增长 -3%", "\u200b", "\ufeff", "𠀀", "\x00", "\r", "\r\n", "……" * 30, "表 1\n",
        "项目支出绩效自评表\n年度资金总额\n", "总分\n", "=\n", "*3*=", "200元/人/天*15人*30天=", "截至 0 年 12 月 31 日",
    ]
)


def mutate(draw, text: str) -> str:
    operations = draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3), NASTY | st.text(max_size=30)), max_size=12))
    for position, operation, payload in operations:
        at = position % (len(text) + 1)
        if operation == 0:
            text = text[:at] + payload + text[at:]
        elif operation == 1:
            text = text[:at] + text[at + len(payload):]
        elif operation == 2:
            text = text[:at] + payload * 50 + text[at:]  # very long line or deep nesting
        else:
            text = text[:at] + "\n" + payload + "\n" + text[at:]  # a heading without body, a stray line
    return text


@st.composite
def mutated_disclosures(draw):
    return mutate(draw, draw(st.sampled_from(SAMPLES)))


def check_no_crash(text: str) -> None:
    try:
        document = parse_text(text, "fuzz.txt")
    except ReadError:
        return  # an empty text is reported, not parsed
    issues = lint_document(document, RULES, lang="en")
    crashed = [issue.message for issue in issues if issue.rule == "X001"]
    assert crashed == []
    line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for issue in issues:
        assert 1 <= issue.line <= issue.end_line <= line_count, issue
        assert issue.column >= 1 and issue.end_column >= 1, issue
    report = json_format.render([FileResult("fuzz.txt", document.info, issues)], version="fuzz")
    assert json.loads(report)["summary"]["files"] == 1


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_disclosures())
def test_mutated_disclosures_never_crash(text):
    check_no_crash(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text):
    check_no_crash(text)


def _input_lines(text: str) -> list[str]:
    """The decoded text's lines, split here independently of the reader."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def _droppable(line: str, lines: list[str]) -> bool:
    """A line the reader may leave out of the working text: one shaped like a
    page number ("12", "- 3 -", "第 2 页 共 9 页") or one repeated as a running
    header (on three pages at least)."""
    folded = unicodedata.normalize("NFKC", line).strip()
    page_number = any(ch.isdigit() for ch in folded) and len(re.sub(r"[\d\s\-—–第页共/,，]", "", folded)) == 0
    return page_number or sum(1 for other in lines if other.strip() == line.strip()) >= 3


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=4000)
    | st.text(max_size=2000).map(lambda text: text.encode("utf-8"))
    | st.text(max_size=500).map(lambda text: text.encode("gb18030", "ignore"))
)
def test_fuzz_the_reader_and_parser_on_bytes(data):
    """Any bytes: refused as unreadable (E001), or decoded.  Decoded text is
    refused as empty (E002) only when no line holds more than a page number,
    and otherwise parses to a Document whose working text holds the input's
    lines and nothing else: every character maps back to that character of
    the input, and only page numbers and running headers are left out."""
    try:
        decoded = decode(data)
    except ReadError as error:
        assert error.code == "E001" and error.zh and error.en
        return
    lines = _input_lines(decoded.text)
    written = [line for line in lines if line.strip(" \t\f\u3000\u00a0\ufeff")]
    try:
        document = parse_text(decoded.text)
    except ReadError as error:
        assert error.code == "E002" and all(_droppable(line, lines) for line in written)
        return
    assert written, "a text of blank lines must be refused as empty"
    for offset, char in enumerate(document.raw):
        if char != "\n":  # "\n" separates the working text's units
            where = document.location(Span(offset, offset + 1))
            assert lines[where.line - 1][where.column - 1] == char
    printed = Counter(ch for line in written for ch in line if not ch.isspace() and ch != "\ufeff")
    kept = Counter(ch for ch in document.raw if not ch.isspace())
    assert not kept - printed, "the working text holds characters the input does not"
    droppable = Counter(ch for line in written if _droppable(line, lines) for ch in line if not ch.isspace())
    assert not (printed - kept) - droppable, "a line that is neither a page number nor a running header was lost"


def test_huge_numbers_are_described_without_crashing():
    """Found by the mutation test: a 40-digit count made N104 crash when it
    described the interval it expected."""
    check_no_crash(
        "二、机构设置及人员情况\n\n本单位实有人数 47 人，其中：在职人员 25 人，"
        "离休人员 9999999999999999999999999999999999999999 人，退休人员 22 人。\n"
    )
    document = parse_text(
        "二、机构设置及人员情况\n\n本单位实有人数 47 人，其中：在职人员 25 人，"
        "离休人员 9999999999999999999999999999999999999999 人，退休人员 22 人。\n"
    )
    assert "N104" in [issue.rule for issue in lint_document(document, RULES)]  # (and S101: 二 without 一)
