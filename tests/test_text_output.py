"""The human report: whole-output snapshots, the source quote and its
marker (placed by display width), --no-context, --statistics, colour."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import disclint_executable, run_cli
from drafts import SKIPPED, broken_corpus, write
from linter.engine import FileResult
from linter.formatters.snippet import snippet
from linter.formatters.text_format import render
from linter.issues import Issue
from linter.tree import DocumentInfo


def issue(line, column, end_line, end_column, rule="N101", severity="error") -> Issue:
    return Issue(rule, "name", severity, "message", line, column, end_line, end_column)


def test_text_report_snapshot(tmp_path):
    draft = write(tmp_path / "draft.txt", SKIPPED)
    result = run_cli("check", str(draft), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode("utf-8") == (
        f"{draft}:5:1: S101 [error] 一级标题编号跳号：「一、」之后应为「二、」，实为「三、」\n"
        "5 | 三、机构设置及人员情况\n"
        "  | ^~~~\n"
        "\n"
        "共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个\n"
    )
    english = run_cli("check", "--lang", "en", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert english == (
        "draft.txt:5:1: S101 [error] heading numbers skip from 一、 to 三、; expected 二、\n"
        "5 | 三、机构设置及人员情况\n"
        "  | ^~~~\n"
        "\n"
        "1 file(s) checked: 1 error(s), 0 warning(s), 0 info(s)\n"
    )


def test_no_context_prints_only_the_issue_lines(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    out = run_cli("check", "--no-context", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert out == (
        "draft.txt:5:1: S101 [error] 一级标题编号跳号：「一、」之后应为「二、」，实为「三、」\n"
        "共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个\n"
    )


def test_marker_is_placed_by_display_width_after_cjk_text():
    lines = ["收入合计 100 万元，同比增长 5.0%。"]
    # "100" is characters 6-8 (1-based columns 6..9 exclusive); before it are
    # four CJK characters (8 cells) and a space.
    out = snippet(lines, issue(1, 6, 1, 9))
    assert out == ["1 | 收入合计 100 万元，同比增长 5.0%。", "  |          ^~~"]
    # A CJK span takes two cells per character: "万元" is marked with 4 cells,
    # after 13 cells ("收入合计 100 ").
    out = snippet(lines, issue(1, 10, 1, 12))
    assert out[1] == "  | " + " " * 13 + "^~~~"
    # Tabs and form feeds show as one space, so the marker stays aligned.
    out = snippet(["\f\t甲乙"], issue(1, 3, 1, 4))
    assert out == ["1 |   甲乙", "  |   ^~"]


def test_multi_line_spans_mark_every_line_and_long_ones_are_shortened():
    lines = ["第一行文字很长", "  第二行", "第三行", "第四行", "第五行", "第六行结束了"]
    out = snippet(lines, issue(1, 3, 2, 4))
    assert out == [
        "1 | 第一行文字很长",
        "  |     ^~~~~~~~~~",
        "2 |   第二行",
        "  |   ~~",
    ]
    long = snippet(lines, issue(1, 1, 6, 4))
    assert [line.split(" |")[0] for line in long] == ["1", " ", "2", " ", "…", "5", " ", "6", " "]
    assert long[-1] == "  | ~~~~~~"
    # Zero-width issue (a rule without a span): a single caret.
    assert snippet(["甲乙"], issue(1, 1, 1, 1))[1] == "  | ^"
    # Unknown text (unreadable file) or a line outside it: no quote at all.
    assert snippet([], issue(1, 1, 1, 1)) == []
    assert snippet(["甲"], issue(3, 1, 3, 2)) == []


def test_statistics_count_issues_per_rule(tmp_path):
    broken_corpus(tmp_path / "corpus")
    write(tmp_path / "corpus" / "draft.txt", SKIPPED)
    result = run_cli("check", "--select", "S101", "--statistics", "--lang", "en", "corpus", cwd=tmp_path)
    lines = result.stdout.decode("utf-8").splitlines()
    at = lines.index("Issues per rule:")
    assert lines[at + 1 :] == [
        "     4  S101  section-numbering [error]",
        "6 file(s) checked: 4 error(s), 0 warning(s), 0 info(s)",
    ]
    # Statistics only mean something for the text report.
    refused = run_cli("check", "--statistics", "--format", "json", "corpus", cwd=tmp_path)
    assert refused.returncode == 2


def test_render_colours_only_when_asked():
    result = FileResult("d.txt", DocumentInfo(), [issue(1, 1, 1, 2, severity="warning")], "甲乙\n")
    plain = render([result])
    coloured = render([result], color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    # Same text once the colour codes are taken out.
    import click

    assert click.unstyle(coloured) == plain


def _run_on_terminal(args, env):
    """Run disclint with stdout on a pseudo-terminal and return what it printed."""
    import pty

    master, slave = pty.openpty()
    try:
        process = subprocess.run(
            [*disclint_executable(), *args], stdout=slave, stderr=subprocess.DEVNULL, env=env, timeout=120
        )
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.returncode, b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_colour_on_a_terminal_unless_no_color(tmp_path):
    draft = write(tmp_path / "draft.txt", SKIPPED)
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    status, out = _run_on_terminal(["check", str(draft)], env)
    assert status == 1
    assert b"\x1b[31m" in out  # errors in red
    status, out = _run_on_terminal(["check", str(draft)], {**env, "NO_COLOR": "1"})
    assert status == 1 and b"S101" in out and b"\x1b[" not in out
    # Not a terminal (a pipe): never coloured.
    assert b"\x1b[" not in run_cli("check", str(draft)).stdout


def test_statistics_order_most_frequent_first_then_by_code():
    from linter.formatters.text_format import statistics_lines

    issues = [issue(1, 1, 1, 2, rule=code) for code in ("N102", "S101", "N101", "S101", "N102")]
    lines = statistics_lines([FileResult("d.txt", DocumentInfo(), issues, "甲\n")], "zh")
    assert [line.split()[:2] for line in lines[1:]] == [["2", "N102"], ["2", "S101"], ["1", "N101"]]
    assert lines[0] == "按规则统计："
