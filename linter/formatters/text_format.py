"""The human report: ``path:line:col: CODE [severity] message`` per issue,
then a summary line.  Messages already state the expected and printed values;
the JSON report carries them as separate fields."""

from __future__ import annotations

from linter.formatters.json_format import summary

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def render(results, lang: str = "zh", version: str = "") -> str:
    lines = []
    for result in results:
        for issue in result.issues:
            where = f"{result.path}:{issue.line}:{issue.column}"
            lines.append(f"{where}: {issue.rule} [{issue.severity}] {issue.message}")
    counts = summary(results)
    if lang == "en":
        lines.append(
            f"{counts['files']} file(s) checked: {counts['errors']} error(s), "
            f"{counts['warnings']} warning(s), {counts['infos']} info(s)"
        )
    else:
        lines.append(
            f"共检查 {counts['files']} 个文件：错误 {counts['errors']} 个，"
            f"警告 {counts['warnings']} 个，提示 {counts['infos']} 个"
        )
    return "\n".join(lines) + "\n"
