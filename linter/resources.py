"""Find the grammar/ and rules/ directories, installed or in a checkout.

In a wheel they are shipped inside the package (``linter/grammar``,
``linter/rules``, see pyproject.toml); in a source checkout or an editable
install they are the repository's top-level directories.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"disclint is installed without its {name}/ directory")


def grammar_path(name: str) -> Path:
    return data_dir("grammar") / name


def rules_dir() -> Path:
    return data_dir("rules")
