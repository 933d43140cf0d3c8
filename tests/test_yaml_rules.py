"""YAML rules: the built-in files validate, user directories add rules, and a
broken rule file is one clear line naming file and line, with exit status 2."""

from __future__ import annotations

import pytest

from conftest import run_cli
from linter.resources import rules_dir
from linter.yamlrules import YamlRuleError, load_rule_dir, load_rule_file

DRAFT = "一、主要职能\n\n负责就业服务（待核实）。\n\n二、机构设置及人员情况\n\n下设 2 个科室。\n"

GOOD = """\
code: Z801
name: no-todo
extends: forbidden-text
severity: warning
summary: {zh: 残留待办, en: A to-do is left in}
description: {zh: 删除“待核实”。, en: Remove 待核实.}
examples:
  - {fails: true, text: "支出（待核实）。"}
  - {fails: false, text: "支出。"}
params:
  patterns:
    - pattern: "待核实"
      message: {zh: 待办, en: to-do}
"""


def test_every_built_in_rule_file_is_valid():
    """disclint does not validate its own files at run time (for speed); this does."""
    paths = sorted(rules_dir().rglob("*.yaml"))
    assert len(paths) >= 9
    for path in paths:
        load_rule_file(path, validate=True)


def test_a_user_rule_directory_adds_a_rule(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "todo.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    result = run_cli("check", "--rules", "rules", "--select", "Z", "d.txt", cwd=tmp_path)
    assert result.returncode == 0  # a warning does not fail by default
    assert "d.txt:3:8: Z801 [warning] 待办：「待核实」" in result.stdout.decode()
    assert run_cli("check", "--rules", "rules", "--select", "Z", "--fail-on", "warning", "d.txt", cwd=tmp_path).returncode == 1


BROKEN = [
    ("code: Z801\nname: [unclosed\n", 3, "not valid YAML"),  # where PyYAML notices it
    (GOOD.replace("extends: forbidden-text", "extends: forbidden-words"), 3, "unknown rule kind 'forbidden-words'"),
    (GOOD.replace("severity: warning\n", ""), 1, "'severity' is a required property"),
    (GOOD.replace("severity: warning", "severity: fatal"), 4, "severity"),
    (GOOD.replace('pattern: "待核实"', 'pattern: "待核实("'), 12, "regex"),
    (GOOD.replace("  patterns:\n", "  pattern:\n"), 10, "params"),
    (GOOD.replace("code: Z801", "code: z801"), 1, "code"),
    ("- just\n- a list\n", 1, "mapping"),
    # a pattern that could backtrack catastrophically is refused at load time
    (GOOD.replace('pattern: "待核实"', 'pattern: "(待+)+核实"'), 1, "exponential time"),
]


@pytest.mark.parametrize("text,line,problem", BROKEN, ids=[str(n) for n in range(len(BROKEN))])
def test_a_broken_rule_file_is_one_clear_line_and_exit_2(tmp_path, text, line, problem):
    (tmp_path / "rules").mkdir()
    rule = tmp_path / "rules" / "bad.yaml"
    rule.write_text(text, encoding="utf-8")
    with pytest.raises(YamlRuleError) as info:
        load_rule_dir(tmp_path / "rules")
    assert (info.value.line, problem in info.value.problem) == (line, True), info.value
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    result = run_cli("check", "--rules", "rules", "d.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert stderr.count("\n") == 1 and f"bad.yaml:{line}: " in stderr and "Traceback" not in stderr


def test_duplicate_codes_are_refused(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "dup.yaml").write_text(GOOD.replace("Z801", "S101"), encoding="utf-8")
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    result = run_cli("check", "--rules", "rules", "d.txt", cwd=tmp_path)
    assert result.returncode == 2 and "two rules use the code S101" in result.stderr.decode()
