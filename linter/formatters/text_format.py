"""The human report: ``path:line:col: CODE [severity] message`` per issue,
the offending input line(s) with a marker under the span, then a summary
line.  Messages already state the expected and printed values; the JSON
report carries them as separate fields.

Options (keyword arguments from the CLI): ``context`` quotes the source
(``--no-context`` turns it off), ``color`` adds ANSI colours (the CLI asks for
them only on a terminal without NO_COLOR), ``statistics`` adds counts per rule.
"""

from __future__ import annotations

from collections import Counter

import click

from linter.formatters.escape import printable
from linter.formatters.json_format import summary
from linter.formatters.snippet import snippet

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def summary_line(results, lang: str = "zh") -> str:
    counts = summary(results)
    if lang == "en":
        return (
            f"{counts['files']} file(s) checked: {counts['errors']} error(s), "
            f"{counts['warnings']} warning(s), {counts['infos']} info(s)"
        )
    return (
        f"共检查 {counts['files']} 个文件：错误 {counts['errors']} 个，"
        f"警告 {counts['warnings']} 个，提示 {counts['infos']} 个"
    )


def statistics_lines(results, lang: str = "zh") -> list[str]:
    """Counts per rule, most frequent first (then by code)."""
    counts = Counter()
    about = {}
    for result in results:
        for issue in result.issues:
            counts[issue.rule] += 1
            about[issue.rule] = (issue.name, issue.severity)
    if not counts:
        return []
    lines = ["Issues per rule:" if lang == "en" else "按规则统计："]
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name, severity = about[code]
        lines.append(f"{count:>6}  {printable(code)}  {printable(name)} [{severity}]")
    return lines


def _cell(issue, lang: str) -> str:
    """Where in a DOCX table the issue is (its line is the row's line)."""
    if not issue.cell:
        return ""
    table, row, column = issue.cell["table"], issue.cell["row"], issue.cell["column"]
    if lang == "en":
        return f" (table {table}, row {row}, column {column})"
    return f"（表格 {table} 第 {row} 行第 {column} 列）"


def render(
    results,
    lang: str = "zh",
    version: str = "",
    context: bool = True,
    color: bool = False,
    statistics: bool = False,
    **options,
) -> str:
    def paint(text: str, role: str) -> str:
        if not color or not text:
            return text
        if role == "gutter":
            return click.style(text, fg="blue")
        if role == "path":
            return click.style(text, bold=True)
        return click.style(text, fg=_COLORS.get(role, None), bold=True)

    lines = []
    for result in results:
        source = result.lines() if context else []
        for issue in result.issues:
            where = paint(f"{printable(result.path)}:{issue.line}:{issue.column}:", "path")
            label = paint(f"{printable(issue.rule)} [{issue.severity}]", issue.severity)
            lines.append(f"{where} {label} {printable(issue.message)}{_cell(issue, lang)}")
            if context:
                quoted = snippet(source, issue, lambda text, role: paint(text, issue.severity if role == "marker" else role))
                if quoted:
                    lines.extend(quoted)
                    lines.append("")
    if statistics:
        lines.extend(statistics_lines(results, lang))
    lines.append(summary_line(results, lang))
    return "\n".join(lines) + "\n"
