"""The ``forbidden-text`` kind: wording that must not be published."""

from __future__ import annotations

from linter.issues import Message
from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_text_pattern


class ForbiddenText(YamlRule):
    """Template placeholders and empty reasons that must not be published."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.patterns = [(compile_text_pattern(p["pattern"]), Message(**p["message"])) for p in self.params["patterns"]]

    def check(self, document: Document):
        for pattern, message in self.patterns:
            for match in pattern.finditer(document.text):
                at = Span(match.start(), match.end())
                found = document.raw_text(at)
                yield self.finding(at, f"{message.zh}：「{found}」", f"{message.en}: 「{found}」", actual=found)
