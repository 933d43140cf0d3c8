"""What rules report: findings (spans in the working text) and issues
(findings placed in the input file, with severity and message resolved)."""

from __future__ import annotations

from dataclasses import dataclass

from linter.sourcemap import Span

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Message:
    """A message in both languages; codes and names stay language-neutral."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Finding:
    """A rule's verdict about one place in the working text."""

    code: str
    span: Span | None
    message: Message
    expected: str | None = None
    actual: str | None = None
    severity: str | None = None  # overrides the rule's default for this finding


@dataclass
class Issue:
    """A finding located in the input file, ready for a report."""

    rule: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    expected: str | None = None
    actual: str | None = None
    cell: dict | None = None  # DOCX: {"table", "row", "column"} of the table cell it is in

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def as_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "page": self.page,
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.actual is not None:
            data["actual"] = self.actual
        if self.cell is not None:
            data["cell"] = dict(self.cell)
        return data
