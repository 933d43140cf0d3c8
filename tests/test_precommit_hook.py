"""The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself.

``pre-commit try-repo REPO disclint --all-files`` installs the hook the way a
user's ``.pre-commit-config.yaml`` would: it clones this repository, builds a
virtualenv and pip-installs the package into it, then runs the hook on the
files of the current git repository.  With a clean working tree it clones
HEAD; with uncommitted changes to tracked (or staged) files it first commits
them into a temporary "shadow" clone, so the test always exercises the code
as it is on disk — untracked files are not included.  In CI (a fresh clone)
the tree is clean.  Each run installs afresh, which needs the package index
(hatchling and the dependencies); that is why these tests take a while.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from drafts import CLEAN, SKIPPED, write


def _pre_commit() -> str:
    script = Path(sys.executable).parent / "pre-commit"
    if script.exists():
        return str(script)
    found = shutil.which("pre-commit")
    if found is None:
        pytest.fail("pre-commit is not installed; install the test extra (pip install -e '.[test]')", pytrace=False)
    return found


def _git_env() -> dict:
    """No GIT_* variables from a surrounding git hook: they would point git
    at the wrong repository."""
    return {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}


@pytest.fixture(scope="module")
def hook_repo() -> str:
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=REPO, capture_output=True, text=True, env=_git_env()
    )
    if top.returncode != 0 or Path(top.stdout.strip()).resolve() != REPO.resolve():
        pytest.skip("the hook can only be tried from a git checkout of disclint (not an unpacked sdist)")
    return str(REPO)


def try_repo(hook_repo: str, workdir: Path, draft_text: str) -> subprocess.CompletedProcess:
    env = _git_env()
    subprocess.run(["git", "init", "-q", str(workdir)], check=True, env=env)
    write(workdir / "draft.txt", draft_text)
    subprocess.run(["git", "add", "draft.txt"], cwd=workdir, check=True, env=env)
    return subprocess.run(
        [_pre_commit(), "try-repo", hook_repo, "disclint", "--all-files", "--color", "never"],
        cwd=workdir,
        capture_output=True,
        env=env,
        timeout=900,
    )


def test_hook_fails_on_a_draft_with_an_error_and_prints_it(hook_repo, tmp_path):
    result = try_repo(hook_repo, tmp_path, SKIPPED)
    out = result.stdout.decode("utf-8", "replace")
    assert result.returncode == 1, out + result.stderr.decode("utf-8", "replace")
    assert "disclint (budget / final-account disclosures)" in out and "Failed" in out
    assert "draft.txt:5:1: S101 [error] 一级标题编号跳号：「一、」之后应为「二、」，实为「三、」" in out
    assert "5 | 三、机构设置及人员情况" in out


def test_hook_passes_on_a_clean_draft(hook_repo, tmp_path):
    result = try_repo(hook_repo, tmp_path, CLEAN)
    out = result.stdout.decode("utf-8", "replace")
    assert result.returncode == 0, out + result.stderr.decode("utf-8", "replace")
    assert "Passed" in out and "S101" not in out
