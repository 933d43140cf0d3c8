"""Configuration: found walking up from each file, or named; every key
checked; command-line options win."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

SKIPPED = "一、主要职能\n\n负责就业服务。\n\n三、机构设置及人员情况\n\n下设 2 个科室。\n"


def issues(result):
    return [(f["path"], i["rule"], i["severity"]) for f in json.loads(result.stdout)["files"] for i in f["issues"]]


def test_nearest_yaml_config_applies_to_the_files_below_it(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / ".disclint.yaml").write_text("ignore: [S101]\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "inner.txt").write_text(SKIPPED, encoding="utf-8")
    (tmp_path / "outer.txt").write_text(SKIPPED, encoding="utf-8")
    result = run_cli("check", "--format", "json", "a/b/inner.txt", "outer.txt", cwd=tmp_path)
    assert issues(result) == [("outer.txt", "S101", "error")]


def test_pyproject_section_severity_and_fail_on(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.disclint]\nseverity = {S101 = "warning"}\nlang = "en"\n', encoding="utf-8"
    )
    (tmp_path / "d.txt").write_text(SKIPPED, encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    assert result.returncode == 0  # a warning does not reach the default threshold
    assert "S101 [warning] heading numbers skip" in result.stdout.decode()
    assert run_cli("check", "--fail-on", "warning", "d.txt", cwd=tmp_path).returncode == 1


def test_a_pyproject_without_the_section_is_passed_over(tmp_path):
    (tmp_path / ".disclint.yaml").write_text("ignore: [S101]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "sub" / "d.txt").write_text(SKIPPED, encoding="utf-8")
    assert issues(run_cli("check", "--format", "json", "sub/d.txt", cwd=tmp_path)) == []


def test_per_file_ignores_kind_year_and_explicit_config(tmp_path):
    config = tmp_path / "settings.yaml"
    config.write_text(
        "per-file-ignores:\n  'drafts/*.txt': [S101]\nkind: budget\nyear: 2024\nselect: [S101, Y]\n",
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text(SKIPPED, encoding="utf-8")
    (tmp_path / "final.txt").write_text(SKIPPED + "\n截至 2024年底，资产如下。\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--config", str(config), "drafts/d.txt", "final.txt", cwd=tmp_path)
    # final.txt: S101, and (as a 2024 budget) assets must be dated at the end of 2023.
    assert issues(result) == [("final.txt", "S101", "error"), ("final.txt", "Y101", "error")]
    report = json.loads(result.stdout)
    assert report["files"][1]["document"] == {"kind": "budget", "year": 2024, "unit": None}
    # The command line wins over the configuration.
    result = run_cli("check", "--format", "json", "--config", str(config), "--year", "2025", "final.txt", cwd=tmp_path)
    assert json.loads(result.stdout)["files"][0]["document"]["year"] == 2025


def test_options_adapt_a_yaml_rule(tmp_path):
    (tmp_path / ".disclint.yaml").write_text(
        "select: [C101]\noptions:\n  C101:\n    separator: '，'\n", encoding="utf-8"
    )
    (tmp_path / "d.txt").write_text("本单位下设 2 个科室，分别是：办公室，财务科。\n", encoding="utf-8")
    assert issues(run_cli("check", "--format", "json", "d.txt", cwd=tmp_path)) == []
    (tmp_path / ".disclint.yaml").write_text("options:\n  C101:\n    separator: 5\n", encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    config = tmp_path / ".disclint.yaml"
    assert result.returncode == 2
    assert result.stderr.decode() == f"disclint: error: {config}: options.C101.separator: 5 is not of type 'string'\n"
    (tmp_path / ".disclint.yaml").write_text("options:\n  C101:\n    seperator: '，'\n", encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{config}: options.C101.seperator: unknown option (rule C101 (listed-offices-count) extends count-list" in (
        result.stderr.decode()
    )
    (tmp_path / ".disclint.yaml").write_text("options:\n  C101:\n    pattern: '(a+)+'\n", encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    assert result.returncode == 2 and "options.C101" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize(
    "config,problem",
    [
        ("selekt: [S101]\n", "unknown key 'selekt'"),
        ("severity: {S101: fatal}\n", "severity.S101: 'fatal' is not one of error, warning, info"),
        ("year: twenty\n", "year: expected a year"),
        ("kind: annual\n", "kind: 'annual' is not one of"),
        ("rules: [nowhere/]\n", "rules: 'nowhere/' is not a directory"),
        ("select: [Q999]\n", "no rule code starts with 'Q999'"),
        ("options: {N101: {x: 1}}\n", "options.N101.x: unknown option (rule N101 (share-mismatch) takes no options)"),
        ("options: {Q101: {x: 1}}\n", "options: no rule 'Q101'"),
        ("- a\n- b\n", "must be a mapping"),
        ("ignore: [S101\n", "not valid YAML"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(tmp_path, config, problem):
    (tmp_path / ".disclint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "d.txt").write_text(SKIPPED, encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert problem in stderr and stderr.count("\n") == 1 and "Traceback" not in stderr


def test_unknown_key_in_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.disclint]\nfail_on = "error"\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text(SKIPPED, encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "pyproject.toml: unknown key 'fail_on'" in result.stderr.decode()


def test_files_over_the_size_limit_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "big.txt").write_text(SKIPPED * 2000, encoding="utf-8")  # ~0.2 MB
    (tmp_path / "small.txt").write_text(SKIPPED, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--max-file-size", "0.1", "big.txt", "small.txt", cwd=tmp_path)
    assert issues(result) == [("big.txt", "E003", "warning"), ("small.txt", "S101", "error")]
    (tmp_path / ".disclint.yaml").write_text("max-file-size: 0.1\n", encoding="utf-8")
    assert issues(run_cli("check", "--format", "json", "big.txt", cwd=tmp_path))[0][1] == "E003"
    assert run_cli("check", "--max-file-size", "1", "big.txt", cwd=tmp_path).returncode == 1  # read: S101 errors
    (tmp_path / ".disclint.yaml").write_text("max-file-size: big\n", encoding="utf-8")
    result = run_cli("check", "big.txt", cwd=tmp_path)
    assert result.returncode == 2 and "max-file-size" in result.stderr.decode()
