"""The ``national-items`` kind: what national rules require of every
部门预算/决算公开, recognised by content, whatever the template.

The 预算法 and the Ministry of Finance's disclosure rules require every
department to publish its 收支总体, 财政拨款, 一般公共预算, 三公经费, 机关运行经费,
政府采购, 国有资产占用, 绩效 and 名词解释, and the statutory tables.  How they are
headed differs by template (a Shanghai 其他相关情况说明 paragraph, a Jiangsu
十四、国有资产占用情况说明, a Chongqing (四) of 其他重要事项), so an item counts
as present when any of its patterns occurs outside the contents page: in a
heading or in the prose or table that states it.  A missing item is named,
once, at the severity of the rule (a warning: the template may put it where
no pattern of ours looks).  Items a recognised family's profile checks
itself (``covers``) are left to that profile; in a split disclosure each half
is asked only for its own items.
"""

from __future__ import annotations

from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_pattern


class NationalItems(YamlRule):
    """Every nationally required item is stated somewhere in the document."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.items = [
            {
                "name": item["name"],
                "patterns": [compile_pattern(p) for p in item["patterns"]],
                "table": item.get("table", False),
            }
            for item in self.params["items"]
        ]

    def check(self, document: Document):
        outline = [s for s in document.sections() if s.level in ("part", "section")]
        if len(outline) < self.params.get("min_headings", 4):
            return  # an excerpt, not a whole disclosure: nothing can be missing from it
        half = document.facts.half()
        if half == "tables":
            return  # one half of a split disclosure: the narrative is the other file
        profile = document.facts.template()
        covered = profile.covers if profile is not None else frozenset()
        text = _outside_contents(document)
        missing = [
            item["name"]
            for item in self.items
            if item["name"] not in covered
            and not (item["table"] and half == "narrative")
            and not any(pattern.search(text) for pattern in item["patterns"])
        ]
        if not missing:
            return
        names = "、".join(missing)
        zh = f"未找到国家规定应公开的内容：{names}"
        en = f"items every disclosure must state were not found: {names}"
        yield self.finding(_first_span(document), zh, en, expected=names)


def _outside_contents(document: Document) -> str:
    """The folded text with the contents page blanked out: a 目录 entry is a
    promise of a section, not the section."""
    text = document.text
    for node in document.walk():
        if node.kind == "toc":
            text = text[: node.span.start] + " " * (node.span.end - node.span.start) + text[node.span.end:]
    return text


def _first_span(document: Document) -> Span | None:
    for node in document.walk():
        return Span(node.span.start, node.span.start)
    return None
