"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice``
line per issue, which the Actions runner turns into an annotation on the
file and lines of a pull request.

Escaping follows the runner (actions/toolkit, ``command.ts``): in the message
``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in a property value ``:``
and ``,`` become ``%3A`` and ``%2C`` as well, since they separate the
properties.  Without that, a path or title with a comma would cut the
command short and a message with a newline would end it.  The output holds
only commands, so every line of it is an annotation.
"""

from __future__ import annotations

from linter.formatters.escape import printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The runner's escapes, after control and bidi characters are made
    visible (:mod:`linter.formatters.escape`): the runner's log is shown in
    a terminal-like view and the annotation in a browser."""
    return printable(text, keep_line_breaks=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(result, issue) -> str:
    properties = {
        "file": result.path,
        "line": issue.line,
        "col": issue.column,
        "endLine": max(issue.end_line, issue.line),
        "endColumn": issue.end_column,
        "title": f"{issue.rule} {issue.name}",
    }
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[issue.severity]} {rendered}::{escape_data(issue.message)}"


def render(results, lang: str = "zh", version: str = "", **options) -> str:
    lines = [command(result, issue) for result in results for issue in result.issues]
    return "".join(line + "\n" for line in lines)
