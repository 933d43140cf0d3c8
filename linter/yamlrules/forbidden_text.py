"""The ``forbidden-text`` kind: wording that must not be published."""

from __future__ import annotations

from linter.issues import Message
from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_text_pattern


class ForbiddenText(YamlRule):
    """Template placeholders, leftover instructions and empty reasons that
    must not be published.

    A pattern may name ``unless_in_document``: wording that, found anywhere
    in the document, shows the pattern's text is a convention of that
    document rather than a leftover ("增加（减少）-98.74万元" prints signed
    figures, so its "增加（减少）" is a column-style label, not an unchosen
    alternative).  One leftover repeated through a section ("增加（减少）0万元"
    in every paragraph of a template) is one issue, at its first place,
    naming the lines of the others: one defect, one finding.
    """

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.patterns = [
            (
                compile_text_pattern(p["pattern"]),
                Message(**p["message"]),
                compile_text_pattern(p["unless_in_document"]) if p.get("unless_in_document") else None,
            )
            for p in self.params["patterns"]
        ]

    def check(self, document: Document):
        for pattern, message, convention in self.patterns:
            if convention is not None and convention.search(document.text):
                continue
            places = [Span(m.start(), m.end()) for m in pattern.finditer(document.text)]
            if not places:
                continue
            at = places[0]
            found = document.raw_text(at)
            zh, en = f"{message.zh}：「{found}」", f"{message.en}: 「{found}」"
            if len(places) > 1:
                lines = sorted({document.location(p).line for p in places[1:]} - {document.location(at).line})
                shown = "、".join(str(n) for n in lines[:_LINES_SHOWN]) + ("…" if len(lines) > _LINES_SHOWN else "")
                zh += f"（全文共 {len(places)} 处" + (f"，另见第 {shown} 行）" if lines else "）")
                en += f" ({len(places)} times" + (f", also lines {shown})" if lines else ")")
            yield self.finding(at, zh, en, actual=found)


# How many further lines a repeated leftover's message lists.
_LINES_SHOWN = 8
