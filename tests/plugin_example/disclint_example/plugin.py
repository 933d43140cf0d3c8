"""Hook implementations: a Python rule and a directory of YAML rules."""

from __future__ import annotations

import re
from pathlib import Path

from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.rule import Example, Rule
from linter.sourcemap import Span


class NoExclamation(Rule):
    """Z901: an official disclosure states facts; it does not exclaim."""

    code = "Z901"
    name = "no-exclamation"
    severity = "warning"
    summary = Message("公开文本中不应使用感叹号", "No exclamation marks in a disclosure")
    description = Message("公开文本陈述事实，不使用感叹号。", "A disclosure states facts; it does not exclaim.")
    examples = (Example("本年支出大幅下降！", fails=True), Example("本年支出下降。", fails=False))

    def check(self, document):
        for paragraph in document.paragraphs():
            for match in re.finditer(r"[!！]", document.raw[paragraph.span.start:paragraph.span.end]):
                start = paragraph.span.start + match.start()
                yield self.finding(Span(start, start + 1), "不应使用感叹号", "exclamation mark", actual=match.group())


@hookimpl
def disclint_rules():
    return [NoExclamation()]


@hookimpl
def disclint_rule_dirs():
    return [Path(__file__).parent / "rules"]
