"""The installed ``disclint`` command: JSON contract, exit status, bad input."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, EXAMPLES, run_cli

ISSUE_KEYS = {"rule", "name", "severity", "message", "line", "column", "end_line", "end_column", "page"}


def check_json(*args, **kwargs):
    result = run_cli("check", "--format", "json", *args, **kwargs)
    return result, json.loads(result.stdout.decode("utf-8"))


def test_json_contract_on_the_corpus():
    result, report = check_json(str(EXAMPLES))
    assert set(report) == {"tool", "files", "summary"}
    assert report["tool"]["name"] == "disclint"
    assert [f["path"] for f in report["files"]] == [str(p) for p in CORPUS]
    for entry in report["files"]:
        assert set(entry) == {"path", "document", "issues"}
        assert entry["document"]["kind"] in ("final_account", "budget", "unknown")
        for issue in entry["issues"]:
            assert ISSUE_KEYS <= set(issue)
    counts = report["summary"]
    assert counts["files"] == 5
    total = sum(len(f["issues"]) for f in report["files"])
    assert counts["errors"] + counts["warnings"] + counts["infos"] == total
    assert result.returncode == (1 if counts["errors"] else 0)


def test_a_numbering_error_is_reported_at_its_heading(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("一、主要职能\n\n负责就业服务。\n\n三、机构设置及人员情况\n\n下设 2 个科室。\n", encoding="utf-8")
    result, report = check_json(str(draft))
    assert result.returncode == 1
    (issue,) = report["files"][0]["issues"]
    assert (issue["rule"], issue["line"], issue["column"], issue["end_column"]) == ("S101", 5, 1, 3)
    assert (issue["expected"], issue["actual"]) == ("二、", "三、")
    text = run_cli("check", "--lang", "en", str(draft)).stdout.decode()
    assert f"{draft}:5:1: S101 [error] heading numbers skip from 一、 to 三、" in text


def test_bad_inputs_are_issues_of_their_file_and_the_run_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    gb = tmp_path / "gb.txt"
    gb.write_bytes("一、主要职能\n\n负责就业。\n\n三、机构设置\n".encode("gb18030"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("一、主要职能\n\n负责就业。\n\n三、机构设置\n".encode("utf-16"))
    missing = tmp_path / "missing.txt"
    result, report = check_json(str(empty), str(binary), str(gb), str(utf16), str(missing))
    by_path = {f["path"]: f["issues"] for f in report["files"]}
    assert [i["rule"] for i in by_path[str(empty)]] == ["E002"]
    assert [i["rule"] for i in by_path[str(binary)]] == ["E001"]
    assert [i["rule"] for i in by_path[str(missing)]] == ["E001"]
    # Decoded correctly: the real numbering error is found in both.
    assert [i["rule"] for i in by_path[str(gb)]] == ["S101"]
    assert [i["rule"] for i in by_path[str(utf16)]] == ["S101"]
    for issues in by_path.values():
        assert all("\n" not in i["message"] for i in issues)
    assert str(missing) in by_path[str(missing)][0]["message"]
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr


def test_directory_without_disclosures_warns_and_exits_cleanly(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0
    assert str(tmp_path) in result.stderr.decode()


def test_stdin():
    result, report = check_json("-", stdin="一、甲\n\n正文。\n\n一、乙\n".encode("utf-8"))
    assert report["files"][0]["path"] == "-"
    assert [i["rule"] for i in report["files"][0]["issues"]] == ["S101"]


def test_select_ignore_and_fail_on(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("一、甲\n\n正文。\n\n三、乙\n", encoding="utf-8")
    assert run_cli("check", "--ignore", "S101", str(draft)).returncode == 0
    assert run_cli("check", "--select", "S", str(draft)).returncode == 1
    assert run_cli("check", "--select", "E", str(draft)).returncode == 0


@pytest.mark.parametrize(
    "args",
    [["check"], ["check", "--format", "nope", "x.txt"], ["check", "--select", "Z999", "x.txt"], ["nope"]],
)
def test_usage_errors_exit_2(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_parse_shows_the_outline_with_lines():
    path = str(CORPUS[0])
    text = run_cli("parse", path).stdout.decode()
    assert "part [二] 部门决算情况说明" in text
    assert "L34:2-L34:15" in text
    tree = json.loads(run_cli("parse", "--format", "json", path).stdout)
    assert tree["document"]["kind"] == "final_account"
    assert [c["title"] for c in tree["children"] if c["type"] == "section"][:2] == ["单位概况", "部门决算情况说明"]


def test_rules_explain_and_version():
    listing = run_cli("rules").stdout.decode()
    assert "S101  section-numbering " in listing
    explained = run_cli("explain", "S101", "--lang", "en").stdout.decode()
    assert "Fails:" in explained and "Passes:" in explained
    assert run_cli("--version").stdout.decode().strip().endswith("0.1.0")


def test_readme_rule_table_is_generated_from_rule_metadata():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->\n", 1)[1].split("\n<!-- rules:end -->", 1)[0]
    generated = run_cli("rules", "--format", "markdown").stdout.decode("utf-8").strip()
    assert table.strip() == generated


def test_readme_shows_the_real_report_on_the_samples():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ disclint check --no-context examples/\n", 1)[1].split("```", 1)[0]
    assert run_cli("check", "--no-context", "examples/", cwd=REPO).stdout.decode("utf-8") == shown
