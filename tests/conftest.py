"""Shared fixtures: the corpus, and how to run the installed ``disclint``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests replay the same examples on every run, with or without CI,
# and keep no example database: a newcomer's first run and CI's are the same
# run, and a failure is reproducible, never a coin toss or a case saved by an
# earlier run.  To explore new examples, set HYPOTHESIS_PROFILE=explore (random
# examples, failures kept in .hypothesis/ and replayed until fixed).
settings.register_profile("default", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
