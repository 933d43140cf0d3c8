"""Baselines: recorded issues stay hidden when lines move, new ones are
reported, duplicates are counted, and a bad baseline file is a clear error."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from drafts import SKIPPED, broken_corpus, write
from linter import baseline
from linter.engine import FileResult
from linter.issues import Issue
from linter.tree import DocumentInfo


def check_json(*args, cwd):
    result = run_cli("check", "--format", "json", *args, cwd=cwd)
    return result, json.loads(result.stdout.decode("utf-8"))


def issues_of(report):
    return [(f["path"], i["rule"], i["line"]) for f in report["files"] for i in f["issues"]]


def test_baseline_hides_old_issues_after_lines_move_and_reports_new_ones(tmp_path):
    draft = write(tmp_path / "draft.txt", SKIPPED)
    written = run_cli("check", "--write-baseline", "baseline.json", "draft.txt", cwd=tmp_path)
    assert written.returncode == 0
    assert written.stdout.decode("utf-8") == "disclint：已将 1 个问题记录到基线 baseline.json\n"
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["baseline_version"] == 1
    ((entry,),) = data["files"].values()
    assert list(data["files"]) == ["draft.txt"]
    assert (entry["rule"], entry["line"]) == ("S101", 5)

    result, report = check_json("--baseline", "baseline.json", "draft.txt", cwd=tmp_path)
    assert (result.returncode, issues_of(report)) == (0, [])
    assert report["summary"]["errors"] == 0
    assert "1 个问题未报告" in result.stderr.decode("utf-8")

    # Insert a title block above and a new skipped number below: the old issue
    # moved from line 5 to line 9 and stays hidden; the new one is reported.
    draft.write_text(
        "2024年度部门决算\n\n单位：某局\n\n" + SKIPPED + "\n六、其他重要事项的情况说明\n\n无。\n", encoding="utf-8"
    )
    # (A title block makes it a final account; only S101 is under test here.)
    result, report = check_json("--select", "S101", "--baseline", "baseline.json", "draft.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert issues_of(report) == [("draft.txt", "S101", 13)]
    unfiltered = check_json("--select", "S101", "draft.txt", cwd=tmp_path)[1]
    assert issues_of(unfiltered) == [("draft.txt", "S101", 9), ("draft.txt", "S101", 13)]


def test_changing_the_offending_text_makes_it_a_new_issue(tmp_path):
    draft = write(tmp_path / "draft.txt", SKIPPED)
    run_cli("check", "--write-baseline", "b.json", "draft.txt", cwd=tmp_path)
    draft.write_text(SKIPPED.replace("三、", "四、"), encoding="utf-8")
    result, report = check_json("--baseline", "b.json", "draft.txt", cwd=tmp_path)
    assert result.returncode == 1 and issues_of(report) == [("draft.txt", "S101", 5)]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    corpus = tmp_path / "corpus"
    broken_corpus(corpus)
    run_cli("check", "--write-baseline", str(tmp_path / "baseline.json"), "--select", "S101", ".", cwd=corpus)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(data["files"]) == ["corpus/000_3aefca5994d85504.txt", "corpus/001_0ce074a8b6a3bf47.txt"]
    # Another working directory, another spelling of the paths: still matched.
    result, report = check_json("--baseline", "baseline.json", "--select", "S101", "./corpus/", cwd=tmp_path)
    assert result.returncode == 0 and issues_of(report) == []


def test_duplicates_are_counted():
    # The same issue text twice, with the same neighbourhood (a period of 2).
    text = "甲乙" * 40 + "\n"
    issues = [Issue("N101", "x", "error", "m", 1, 21, 1, 23), Issue("N101", "x", "error", "m", 1, 41, 1, 43)]
    result = FileResult("d.txt", DocumentInfo(), issues, text)
    prints = baseline.Fingerprinter(result.lines())
    assert prints.of(issues[0]) == prints.of(issues[1])
    recorded = baseline.build([FileResult("d.txt", DocumentInfo(), issues[:1], text)], "b.json")
    known = baseline.load_data(recorded, "b.json")
    kept, hidden = baseline.apply([result], known, "b.json")
    assert hidden == 1 and kept[0].issues == [issues[1]]
    # Another file with the same text is not covered by this file's entries.
    other = FileResult("e.txt", DocumentInfo(), issues, text)
    assert baseline.apply([other], known, "b.json")[1] == 0


@pytest.mark.parametrize(
    "content, zh, en",
    [
        (None, "不存在", "does not exist"),
        ("{not json", "不是有效的 JSON", "is not valid JSON"),
        ('{"files": {}}', "不是 disclint 基线文件", "is not a disclint baseline"),
        ('{"baseline_version": 1, "files": {"a.txt": [{"rule": "S101"}]}}', "不是 disclint 基线文件", "not a disclint"),
        ("[1, 2]", "不是 disclint 基线文件", "not a disclint baseline"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(tmp_path, content, zh, en):
    write(tmp_path / "draft.txt", SKIPPED)
    if content is not None:
        write(tmp_path / "b.json", content)
    for lang, expected in (("zh", zh), ("en", en)):
        result = run_cli("check", "--lang", lang, "--baseline", "b.json", "draft.txt", cwd=tmp_path)
        assert result.returncode == 2
        stderr = result.stderr.decode("utf-8")
        assert expected in stderr and "b.json" in stderr
        assert len(stderr.strip().splitlines()) == 1
        assert b"Traceback" not in result.stderr
        assert result.stdout == b""


def test_baseline_and_write_baseline_together_is_a_usage_error(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    result = run_cli("check", "--baseline", "a.json", "--write-baseline", "b.json", "draft.txt", cwd=tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_sarif_carries_the_baseline_fingerprint(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    run_cli("check", "--write-baseline", "b.json", "draft.txt", cwd=tmp_path)
    ((entry,),) = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["files"].values()
    log = json.loads(run_cli("check", "--format", "sarif", "draft.txt", cwd=tmp_path).stdout)
    (result,) = log["runs"][0]["results"]
    assert result["partialFingerprints"] == {"disclint/v1": entry["fingerprint"]}
