"""``--jobs N``: files linted in parallel processes give exactly the report
of a serial run."""

from __future__ import annotations

import json

from conftest import EXAMPLES, run_cli
from drafts import SKIPPED, broken_corpus, write
from linter.engine import lint_path
from linter.parallel import lint_paths
from linter.ruleset import RuleSpec, build_rules


def test_parallel_json_equals_serial_on_the_examples():
    serial = run_cli("check", "--format", "json", str(EXAMPLES))
    parallel = run_cli("check", "--format", "json", "--jobs", "3", str(EXAMPLES))
    assert parallel.returncode == serial.returncode
    assert parallel.stdout == serial.stdout
    assert len(json.loads(parallel.stdout)["files"]) == 5


def test_parallel_equals_serial_with_issues_bad_files_and_stdin(tmp_path):
    broken_corpus(tmp_path / "corpus")
    write(tmp_path / "draft.txt", SKIPPED)
    (tmp_path / "empty.txt").write_bytes(b"")
    args = ["corpus", "draft.txt", "-", "empty.txt", "missing.txt", "draft.txt"]
    stdin = "一、甲\n\n正文。\n\n一、乙\n".encode("utf-8")
    for output_format in ("json", "text"):
        serial = run_cli("check", "--format", output_format, *args, stdin=stdin, cwd=tmp_path)
        parallel = run_cli("check", "--format", output_format, "-j", "4", *args, stdin=stdin, cwd=tmp_path)
        assert (parallel.returncode, parallel.stdout) == (serial.returncode, serial.stdout)
    report = json.loads(run_cli("check", "--format", "json", "-j", "4", *args, stdin=stdin, cwd=tmp_path).stdout)
    rules = {f["path"]: [i["rule"] for i in f["issues"]] for f in report["files"]}
    assert "S101" in rules["-"] and rules["missing.txt"] == ["E001"] and rules["empty.txt"] == ["E002"]


def test_lint_paths_in_a_pool_keeps_the_order_and_the_results(tmp_path):
    copies = broken_corpus(tmp_path)
    paths = [str(path) for path in reversed(copies)]
    spec = RuleSpec(select=("S", "E"))
    rules = build_rules(spec)
    parallel = lint_paths(paths, spec, "en", None, jobs=2)
    assert [result.path for result in parallel] == paths
    assert parallel == [lint_path(path, rules, "en") for path in paths]
    assert any(result.issues for result in parallel)
