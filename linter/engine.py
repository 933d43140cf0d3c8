"""Run the rules over each file and collect located issues.

One failing rule never stops the others: an exception becomes an X001
internal-error issue that names the rule.  A file that cannot be read becomes
an E001/E002 issue of that file, and the other files are still linted.
"""

from __future__ import annotations

import re
import os
import traceback
from dataclasses import dataclass, field

from linter.issues import SEVERITY_RANK, Finding, Issue, Message
from linter.pipeline import Overrides, parse_text, read_input
from linter.reading import ReadError
from linter.rule import Rule
from linter.tree import Document, DocumentInfo


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as linter.textlines.split_lines


@dataclass
class FileResult:
    """One file's issues, with the decoded input text (``None`` when it could
    not be read): reports quote the offending lines from it and baselines
    fingerprint the offending text, without reading the file (or stdin) twice."""

    path: str
    info: DocumentInfo
    issues: list[Issue] = field(default_factory=list)
    text: str | None = None

    def lines(self) -> list[str]:
        """The input lines, numbered as issues number them (from 1 at index 0)."""
        return _LINE_BREAK.split(self.text) if self.text is not None else []


def _issue(rule: Rule, finding: Finding, document: Document | None, lang: str) -> Issue:
    if document is not None and finding.span is not None:
        loc = document.location(finding.span)
        line, column, end_line, end_column, page = loc.line, loc.column, loc.end_line, loc.end_column, loc.page
    else:
        line, column, end_line, end_column = 1, 1, 1, 1
        page = document.sourcemap.page_of_line(0) if document is not None else None
    return Issue(
        rule=rule.code,
        name=rule.name,
        severity=finding.severity or rule.severity,
        message=finding.message.text(lang),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        page=page,
        expected=finding.expected,
        actual=finding.actual,
    )


def lint_document(document: Document, rules: list[Rule], lang: str = "zh") -> list[Issue]:
    by_code = {rule.code: rule for rule in rules}
    internal = by_code.get("X001")
    issues: list[Issue] = []
    for rule in rules:
        if not rule.applies_to(document):
            continue
        try:
            findings = list(rule.check(document))
        except NotImplementedError:
            continue
        except Exception as exc:  # a broken rule must not stop the others
            if internal is None:
                continue
            where = traceback.extract_tb(exc.__traceback__)[-1]
            detail = f"{type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
            findings_msg = Message(
                f"规则 {rule.code} ({rule.name}) 检查 {document.path} 时出错：{detail}",
                f"rule {rule.code} ({rule.name}) failed on {document.path}: {detail}",
            )
            issues.append(_issue(internal, Finding("X001", None, findings_msg), document, lang))
            continue
        issues.extend(_issue(rule, finding, document, lang) for finding in findings)
    issues.sort(key=Issue.sort_key)
    return issues


def _check_size(path: str, max_bytes: int | None) -> None:
    """Refuse a file over the size limit before reading it (a disclosure is
    tens of kilobytes; a huge file is a mistake or an attack)."""
    if max_bytes is None or path == "-" or not os.path.isfile(path):
        return
    size = os.path.getsize(path)
    if size > max_bytes:
        limit = f"{max_bytes / 1e6:g} MB"
        raise ReadError(
            f"文件大小 {size / 1e6:.1f} MB 超过上限 {limit}，未检查（可用 --max-file-size 调整）",
            f"the file is {size / 1e6:.1f} MB, over the {limit} limit, and was not checked (see --max-file-size)",
            "E003",
        )


def lint_path(
    path: str,
    rules: list[Rule],
    lang: str = "zh",
    overrides: Overrides | None = None,
    max_bytes: int | None = None,
) -> FileResult:
    """Lint one file; read problems become an issue of that file."""
    by_code = {rule.code: rule for rule in rules}
    text = None
    try:
        _check_size(path, max_bytes)
        decoded = read_input(path)
        text = decoded.text
        document = parse_text(text, path, decoded.encoding, overrides)
        document.positions = decoded.positions
    except ReadError as exc:
        code = exc.code
        info = DocumentInfo()
        rule = by_code.get(code)
        issues = []
        if rule is not None:
            message = Message(f"{path}：{exc.zh}", f"{path}: {exc.en}")
            issues.append(_issue(rule, Finding(code, None, message), None, lang))
        return FileResult(path, info, issues, text)
    issues = lint_document(document, rules, lang)
    if decoded.cells:
        for issue in issues:
            issue.cell = decoded.cell_at(issue.line, issue.column)
    return FileResult(path, document.info, issues, text)


def reaches(issue: Issue, threshold: str) -> bool:
    return SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[threshold]
