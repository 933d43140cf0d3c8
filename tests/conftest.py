"""Shared fixtures: the corpus, and how to run the installed ``disclint``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests replay the same examples every run, so that a
# failure there is reproducible and never a coin toss; locally they explore
# new examples each run (and hypothesis keeps the failures it finds).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
CORPUS = sorted(EXAMPLES.glob("*.txt"))
DATA = Path(__file__).resolve().parent / "data"


def corpus_ids():
    return [path.stem[:3] for path in CORPUS]


def disclint_executable() -> list[str]:
    """The installed console script next to this interpreter (what users run)."""
    script = Path(sys.executable).parent / "disclint"
    if script.exists():
        return [str(script)]
    found = shutil.which("disclint")
    if found:
        return [found]
    pytest.fail("the disclint console script is not installed; run the README's test command")


def run_cli(*args: str, stdin: bytes | None = None, cwd: str | os.PathLike | None = None):
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [*disclint_executable(), *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture(params=CORPUS, ids=corpus_ids())
def corpus_path(request) -> Path:
    return request.param
