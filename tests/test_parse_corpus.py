"""The outline of each corpus document, pinned against hand-made lists
(tests/data/sections/*.tsv, reviewed line by line, see REVIEW.md there)."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, DATA, corpus_ids
from linter.pipeline import load_document


def expected_headings(stem: str) -> list[tuple[int, str, str, str]]:
    rows = []
    for line in (DATA / "sections" / f"{stem}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            number, level, label, title, *_ = line.split("\t")
            rows.append((int(number), level, label, title))
    return rows


@pytest.mark.parametrize("path", CORPUS, ids=corpus_ids())
def test_parts_sections_and_subsections_match_the_hand_review(path):
    document = load_document(str(path))
    got = [
        (document.location(s.span).line, s.level, s.label, s.raw_title)
        for s in document.sections()
        if s.level in ("part", "section", "subsection")
    ]
    expected = expected_headings(path.stem)
    assert [row[:3] for row in got] == [row[:3] for row in expected]
    for (line, _, _, title), (_, _, _, want) in zip(got, expected):
        # The hand list gives duty headings (（一）承担…) only up to the end of
        # their first input line; the parser's title is the whole first
        # sentence, which must start with it.
        want = re.split(r"[。]", want)[0]
        assert title == want or (title.startswith(want) and len(want) >= 15), (line, title, want)


@pytest.mark.parametrize("path", CORPUS, ids=corpus_ids())
def test_table_cells_that_look_like_headings_are_not_headings(path):
    document = load_document(str(path))
    heading_lines = {document.location(s.span).line for s in document.sections()}
    listed = (DATA / "sections" / f"{path.stem}.not-headings.tsv").read_text(encoding="utf-8")
    for row in listed.splitlines():
        if row.strip():
            assert int(row.split("\t")[0]) not in heading_lines, row


def test_interrupted_heading_keeps_its_sentence_and_title():
    """002: heading 十一 was dropped into section 十's sentence "增长 … 87.53%"."""
    document = load_document(str(CORPUS[2]))
    heading = next(s for s in document.sections() if s.level == "section" and s.label == "十一")
    assert heading.raw_title.endswith("2024年上年结转结余预算情况说明")
    ten = next(s for s in document.sections() if s.level == "section" and s.label == "十")
    texts = [child.text for child in ten.children if child.kind == "paragraph"]
    assert any("增长87.53%" in text for text in texts), texts


def test_definitions_are_entries_of_their_part():
    document = load_document(str(CORPUS[0]))
    part = [s for s in document.sections() if s.level == "part"][2]
    entries = part.headings()
    assert [e.label for e in entries][:3] == ["一", "二", "三"]
    assert entries[0].raw_title == "财政拨款收入"
    assert entries[0].children[0].text == "指同级财政当年拨付的资金。"


def test_performance_tables_are_tables(corpus_path):
    document = load_document(str(corpus_path))
    tables = document.tables()
    assert tables
    if "决算" in document.info.kind or document.info.kind == "final_account":
        assert any("自评表" in table.title for table in tables)


def test_budget_tables_keep_code_cells_together():
    document = load_document(str(CORPUS[2]))
    rows = [row for table in document.tables() for row in table.rows]
    cells = [[c.text for c in row.cells] for row in rows]
    assert ["208 01 01", "行政运行", "319.59", "319.59"] in cells
