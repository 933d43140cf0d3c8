"""The README's report examples are real output: the text report with its
source quote, the GitHub annotation and the SARIF result region."""

from __future__ import annotations

import json

from conftest import REPO, run_cli
from drafts import SKIPPED, write

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_text_and_github_examples_are_what_disclint_prints(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    text = run_cli("check", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check draft.txt\n{text}```" in README
    github = run_cli("check", "--format", "github", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check --format github draft.txt\n{github}```" in README


def test_sarif_example_result_is_what_disclint_prints(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    log = json.loads(run_cli("check", "--format", "sarif", "draft.txt", cwd=tmp_path).stdout)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert json.dumps({"region": region}, ensure_ascii=False)[1:-1] in README
    assert json.dumps(result["partialFingerprints"], ensure_ascii=False) in README
