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

    def __reduce__(self):
        """Rebuilt from its fields when it comes back from a --jobs worker."""
        return (type(self), (self.path, self.line, self.problem))
