"""YAML rule patterns cannot hang a run (issue 15, item 7): they run on the
regex module with a time limit per call; the shapes that hung the standard
re on a 40-character line finish, and a pattern that trips the limit is a
configuration error (exit 2) naming the rule and its file."""

from __future__ import annotations

import time

import pytest

from conftest import run_cli

RULE = """code: Z801
name: slow-pattern
extends: forbidden-text
severity: error
summary: {{zh: 慢, en: slow}}
description: {{zh: 慢, en: slow}}
examples:
  - {{fails: true, text: "ab"}}
  - {{fails: false, text: "c"}}
params:
  patterns:
    - pattern: '{pattern}'
      message: {{zh: 慢, en: slow}}
"""


def _run(tmp_path, pattern: str, line: str):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(RULE.format(pattern=pattern), encoding="utf-8")
    (tmp_path / "d.txt").write_text(f"一、概况\n\n{line}\n", encoding="utf-8")
    start = time.monotonic()
    result = run_cli("check", "--rules", "rules", "--select", "Z", "--lang", "en", "d.txt", cwd=tmp_path)
    return result, time.monotonic() - start


@pytest.mark.parametrize("pattern, line", [
    ("(a|a)*b", "a" * 40),
    ("(a|aa)*c", "a" * 40),
    ("(.*a){12}x", "a" * 40),
])
def test_patterns_that_hung_re_finish(tmp_path, pattern, line):
    result, seconds = _run(tmp_path, pattern, line)
    assert result.returncode == 0, result.stderr.decode()
    assert seconds < 30


def test_a_pattern_past_the_time_limit_is_a_configuration_error_naming_rule_and_file(tmp_path):
    result, seconds = _run(tmp_path, "(?:a|aa|aaa){1,99}b", "a" * 60)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err
    assert "Z801" in err and "slow.yaml" in err and "(?:a|aa|aaa){1,99}b" in err and "d.txt" in err
    assert seconds < 30


def test_the_same_with_jobs(tmp_path):
    (tmp_path / "e.txt").write_text("一、概况\n\n正文。\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(RULE.format(pattern="(?:a|aa|aaa){1,99}b"), encoding="utf-8")
    (tmp_path / "d.txt").write_text("一、概况\n\n" + "a" * 60 + "\n", encoding="utf-8")
    result = run_cli("check", "-j", "2", "--rules", "rules", "--select", "Z", "d.txt", "e.txt", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err and "Z801" in err and "slow.yaml" in err
