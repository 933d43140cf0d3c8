"""A plugin that misbehaves never takes the run down (issue 15, item 12):
each failure is contained, reported naming the plugin (X001 for a rule,
X002 for a reader, a warning for a hook, one line for a formatter), and
the other rules and files are still linted, with and without --jobs.

The plugin is tests/hostile_plugin, found through its entry point when
that folder is on PYTHONPATH; the HOSTILE variable picks the misdeed."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import disclint_executable

PLUGIN = Path(__file__).resolve().parent / "hostile_plugin"
DRAFT = "一、甲\n\n正文。\n\n三、乙\n"


def hostile_run(mode: str, *args: str, cwd=None):
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(PLUGIN), env.get("PYTHONPATH"))))
    env["HOSTILE"] = mode
    return subprocess.run([*disclint_executable(), *args], capture_output=True, cwd=cwd, env=env, timeout=120)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.hostile").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(DRAFT, encoding="utf-8")
    return [str(tmp_path / name) for name in ("a.txt", "b.hostile", "c.txt")]


def report(result) -> dict[str, list[tuple[str, str]]]:
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return {f["path"]: [(i["rule"], i["message"]) for i in f["issues"]] for f in json.loads(result.stdout)["files"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "mode, said",
    [
        ("applies_to", "RuntimeError: applies_to exploded"),
        ("not_a_finding", "yielded a str, not a Finding"),
        ("severity", "unknown severity 'fatal'"),
        ("span", "span outside the text"),
    ],
)
def test_a_misbehaving_rule_is_x001_naming_it_and_the_rest_runs(files, mode, said, jobs):
    found = report(hostile_run(mode, "check", "--format", "json", "--lang", "en", "-j", jobs, *files))
    for path in (files[0], files[2]):
        codes = [code for code, _ in found[path]]
        assert "S101" in codes, found[path]
        (internal,) = [message for code, message in found[path] if code == "X001"]
        assert "Z901" in internal and "hostile_disclint" in internal and said in internal
    ((code, message),) = found[files[1]]  # the plugin's reader also raises: X002, the others go on
    assert code == "X002" and "hostile_disclint" in message and "the reader exploded" in message


def test_a_clamped_span_stays_inside_the_file(files):
    found = hostile_run("span", "check", "--format", "json", "--lang", "en", files[0])
    (issue,) = [i for i in json.loads(found.stdout)["files"][0]["issues"] if i["rule"] == "Z901"]
    assert (issue["line"], issue["column"]) == (1, 1) and 1 <= issue["end_line"] <= 5


def test_a_rules_hook_that_raises_leaves_that_plugin_out_with_a_warning(files):
    result = hostile_run("rules_hook", "check", "--format", "json", files[0])
    assert result.returncode == 1
    assert "plugin 'hostile' failed in disclint_rules" in result.stderr.decode()
    assert [code for code, _ in report(result)[files[0]]] == ["S101"]


def test_a_formatter_that_raises_is_named_in_one_line(files):
    result = hostile_run("", "check", "--format", "explode", files[0])
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err
    assert err.strip() == "disclint: error: the 'explode' formatter (hostile_disclint) failed: RuntimeError: the formatter exploded"
