"""``--format github``: one well-formed workflow command per issue, escaped
as the Actions runner unescapes it."""

from __future__ import annotations

import json
import re

from conftest import run_cli
from drafts import SKIPPED, broken_corpus, write
from linter.formatters.github_format import escape_data, escape_property

COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),title=(?P<title>[^,:]*)"
    r"::(?P<message>[^\r\n]*)$"
)


def unescape(text: str) -> str:
    """What the runner does (actions/runner, ActionCommand.Unescape)."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_escaping_follows_the_runner():
    assert escape_data("50% 增长\r\n下一行: a, b") == "50%25 增长%0D%0A下一行: a, b"
    assert escape_property("d,1:2%\n") == "d%2C1%3A2%25%0A"
    # %25 first: an escaped sequence in the text stays literal after a round trip.
    assert unescape(escape_property("%0A,:")) == "%0A,:"


def test_one_well_formed_command_per_issue(tmp_path):
    broken_corpus(tmp_path / "corpus")
    write(tmp_path / "草稿, v2: 终稿.txt", SKIPPED)
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = ["corpus", "草稿, v2: 终稿.txt", "empty.txt"]
    result = run_cli("check", "--format", "github", *paths, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.decode("utf-8").splitlines()
    report = json.loads(run_cli("check", "--format", "json", *paths, cwd=tmp_path).stdout)
    expected = [(f["path"], issue) for f in report["files"] for issue in f["issues"]]
    assert len(lines) == len(expected) >= 5
    for line, (path, issue) in zip(lines, expected):
        match = COMMAND.match(line)
        assert match, line
        assert match["command"] == {"error": "error", "warning": "warning", "info": "notice"}[issue["severity"]]
        assert unescape(match["file"]) == path
        located = tuple(int(match[key]) for key in ("line", "col", "endLine", "endColumn"))
        assert located == (issue["line"], issue["column"], issue["end_line"], issue["end_column"])
        assert unescape(match["title"]) == f"{issue['rule']} {issue['name']}"
        assert unescape(match["message"]) == issue["message"]
    assert lines[-2] == (
        "::error file=草稿%2C v2%3A 终稿.txt,line=5,col=1,endLine=5,endColumn=3,"
        "title=S101 section-numbering::一级标题编号跳号：「一、」之后应为「二、」，实为「三、」"
    )


def test_no_issues_no_output(tmp_path):
    result = run_cli("check", "--format", "github", "--select", "S101", str(write(tmp_path / "ok.txt", "一、甲\n")))
    assert result.returncode == 0
    assert result.stdout == b""
