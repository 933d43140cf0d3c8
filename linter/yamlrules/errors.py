"""The one error type of rule loading: path, line and what is wrong."""

from __future__ import annotations

from pathlib import Path


class YamlRuleError(Exception):
    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")
