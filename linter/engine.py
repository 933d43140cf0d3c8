"""Run the rules over each file and collect located issues.

One failing rule never stops the others: an exception becomes an X001
internal-error issue that names the rule, and so does a rule that yields
something other than a Finding, an unknown severity or a span outside the
text (clamped into it).  A file that cannot be read becomes an E001/E002/E003
issue of that file (a plugin reader's crash: X002), and the other files are
still linted.  The exception is a YAML pattern past its time limit: that is
the rule's configuration, so the run stops with a configuration error.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field

from linter.core_rules import CORE_RULES
from linter.issues import SEVERITY_RANK, Finding, Issue, Message
from linter.pipeline import Overrides, parse_text, read_input
from linter.reading import SIZE_LIMIT, ReadError
from linter.rule import Rule
from linter.sourcemap import Span
from linter.tree import Document, DocumentInfo
from linter.yamlrules.errors import YamlRuleError
from linter.yamlrules.patterns import PatternTooSlow


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


def _clamped(span: Span, document: Document) -> tuple[Span, bool]:
    """A span inside the working text, and whether it had to be moved: a
    plugin's span that is negative or past the end must not wrap around
    (Python's negative indexes) or point at a line that does not exist."""
    size = len(document.text)
    start = min(max(span.start, 0), size)
    end = min(max(span.end, start), size)
    return (span, False) if (start, end) == (span.start, span.end) else (Span(start, end), True)


def _issue(rule: Rule, finding: Finding, document: Document | None, lang: str, severity: str | None = None) -> Issue:
    if document is not None and finding.span is not None:
        loc = document.location(finding.span)
        line, column, end_line, end_column, page = loc.line, loc.column, loc.end_line, loc.end_column, loc.page
    else:
        line, column, end_line, end_column = 1, 1, 1, 1
        page = document.sourcemap.page_of_line(0) if document is not None else None
    return Issue(
        rule=rule.code,
        name=rule.name,
        severity=severity or finding.severity or rule.severity,
        message=finding.message.text(lang),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        page=page,
        expected=finding.expected,
        actual=finding.actual,
    )


def _where(exc: BaseException) -> str:
    """``Type: message (file:line)`` of an exception, for an X001/X002 message."""
    frames = traceback.extract_tb(exc.__traceback__)
    place = f" ({frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{place}"


def _rule_problem(rule: Rule, document: Document, zh: str, en: str) -> Finding:
    """An X001 finding: what went wrong with ``rule`` on this document."""
    origin = type(rule).__module__
    return Finding(
        "X001",
        None,
        Message(
            f"规则 {rule.code} ({rule.name}，{origin}) 检查 {document.path} 时{zh}",
            f"rule {rule.code} ({rule.name}, {origin}) on {document.path}: {en}",
        ),
    )


def _slow_pattern_error(rule: Rule, document: Document, exc: PatternTooSlow) -> YamlRuleError:
    """A configuration error naming the rule, its file and the pattern."""
    return YamlRuleError(
        getattr(rule, "source_path", None) or type(rule).__module__,
        None,
        f"rule {rule.code} ({rule.name}): the pattern {exc.pattern!r} ran for more than {exc.limit:.1f} s on "
        f"{document.path} ({exc.length} characters) and was stopped: it backtracks catastrophically; "
        "make its alternatives exclusive or bound its repeats",
    )


def _run_rule(rule: Rule, document: Document) -> tuple[list, list[Finding]]:
    """The rule's findings, and X001 findings for what it did wrong.  A
    rule is a plugin's code: whatever it raises or returns, the others run."""
    try:
        if not rule.applies_to(document):
            return [], []
        results = list(rule.check(document))
    except NotImplementedError:
        return [], []
    except PatternTooSlow as exc:  # the rule's configuration, not its code: stop the run
        raise _slow_pattern_error(rule, document, exc) from None
    except Exception as exc:  # a broken rule must not stop the others
        return [], [_rule_problem(rule, document, f"出错：{_where(exc)}", f"raised {_where(exc)}")]
    findings, problems = [], []
    for result in results:
        if not isinstance(result, Finding) or not isinstance(result.message, Message):
            problems.append(_rule_problem(
                rule, document, f"返回了不是 Finding 的 {type(result).__name__}", f"yielded a {type(result).__name__}, not a Finding"
            ))
            continue
        if result.span is not None:
            if not isinstance(result.span, Span):
                problems.append(_rule_problem(rule, document, "返回的位置不是 Span", "yielded a location that is not a Span"))
                result.span = None
            else:
                result.span, moved = _clamped(result.span, document)
                if moved:
                    problems.append(_rule_problem(
                        rule, document, "返回的位置超出文本范围（已限制在文本内）", "yielded a span outside the text (clamped into it)"
                    ))
        findings.append(result)
    return findings, problems


def lint_document(document: Document, rules: list[Rule], lang: str = "zh") -> list[Issue]:
    by_code = {rule.code: rule for rule in rules}
    internal = by_code.get("X001")
    issues: list[Issue] = []
    for rule in rules:
        findings, problems = _run_rule(rule, document)
        for finding in findings:
            severity = finding.severity or rule.severity
            if severity not in SEVERITY_RANK:
                problems.append(_rule_problem(
                    rule, document, f"使用了未知的严重级别 {severity!r}（按 error 报告）",
                    f"used the unknown severity {severity!r} (reported as error)",
                ))
                severity = "error"
            issues.append(_issue(rule, finding, document, lang, severity))
        if internal is not None:
            issues.extend(_issue(internal, problem, document, lang) for problem in problems[:1])
    issues.sort(key=Issue.sort_key)
    return issues


# Read problems are reported whatever --select says: a file that was not
# checked must never pass in silence.
_ALWAYS_REPORTED = {rule.code: rule for rule in CORE_RULES if rule.code in ("E001", "E003", "X002")}


def _read_problem(path: str, exc: ReadError, by_code: dict, lang: str) -> list[Issue]:
    rule = by_code.get(exc.code) or _ALWAYS_REPORTED.get(exc.code)
    if rule is None:
        return []
    message = Message(f"{path}：{exc.zh}", f"{path}: {exc.en}")
    return [_issue(rule, Finding(exc.code, None, message), None, lang)]


def _read_and_parse(path: str, overrides: Overrides | None, max_bytes: int | None):
    """(decoded input, document); a reader that raises anything but a
    ReadError is a broken plugin, reported as X002 naming it."""
    token = SIZE_LIMIT.set(max_bytes)
    try:
        try:
            decoded = read_input(path)
        except (ReadError, MemoryError, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 - a plugin's reader
            from linter.pipeline import reader_for

            origin = getattr(reader_for(path), "__module__", "?")
            raise ReadError(
                f"读取器 {origin} 读取此文件时出错：{_where(exc)}",
                f"the reader {origin} failed on this file: {_where(exc)}",
                "X002",
            ) from None
    finally:
        SIZE_LIMIT.reset(token)
    document = parse_text(decoded.text, path, decoded.encoding, overrides)
    document.positions = decoded.positions  # where the PDF printed each character (the table stage reads columns by it)
    return decoded, document


def lint_path(
    path: str,
    rules: list[Rule],
    lang: str = "zh",
    overrides: Overrides | None = None,
    max_bytes: int | None = None,
) -> FileResult:
    """Lint one file; read problems become an issue of that file."""
    by_code = {rule.code: rule for rule in rules}
    decoded = None
    try:
        decoded, document = _read_and_parse(path, overrides, max_bytes)
    except ReadError as exc:
        text = decoded.text if decoded is not None else None
        return FileResult(path, DocumentInfo(), _read_problem(path, exc, by_code, lang), text)
    issues = lint_document(document, rules, lang)
    if decoded.cells:
        for issue in issues:
            issue.cell = decoded.cell_at(issue.line, issue.column)
    return FileResult(path, document.info, issues, decoded.text)


def reaches(issue: Issue, threshold: str) -> bool:
    return SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[threshold]
