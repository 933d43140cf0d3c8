"""The ``section-numbering`` kind: headings of a level run 1, 2, 3 ….

Patterns play no part here: the outline already holds each heading's level
and number, so the kind only walks the tree.
"""

from __future__ import annotations

from linter.headings import LEVELS, chinese_label
from linter.tree import Document, Section
from linter.yamlrules.base import YamlRule


def _chinese(value: int) -> str:
    """十二, 一百零一, 九千九百九十九 (a heading numbered 100 or more made the
    old two-digit version raise IndexError and lose the real finding)."""
    return chinese_label(value)


def numbering_label(level: str, value: int) -> str:
    """How the number ``value`` is written at ``level``."""
    return {
        "part": f"第{_chinese(value)}部分",
        "section": f"{_chinese(value)}、",
        "subsection": f"（{_chinese(value)}）",
        "item": f"{value}.",
        "subitem": f"（{value}）",
    }[level]


_LEVEL_ZH = {"part": "部分", "section": "一级标题", "subsection": "二级标题", "item": "三级标题", "subitem": "四级标题"}


class SectionNumbering(YamlRule):
    """Within each parent, headings of a level run 1, 2, 3 … without gaps,
    repeats or reversals; the issue points at the number."""

    def check(self, document: Document):
        levels = set(self.params.get("levels") or LEVELS)
        yield from self._children(document.children, levels)

    def _children(self, children, levels):
        previous: dict[str, int] = {}
        for node in children:
            if not isinstance(node, Section):
                continue
            if node.value is not None:
                if node.level in levels:
                    yield from self._one(node, previous.get(node.level))
                previous[node.level] = node.value
                for deeper in LEVELS[LEVELS.index(node.level) + 1:]:
                    previous.pop(deeper, None)
            yield from self._children(node.children, levels)

    def _one(self, node: Section, before: int | None):
        expected = (before or 0) + 1
        if node.value == expected:
            return
        printed, wanted = numbering_label(node.level, node.value), numbering_label(node.level, expected)
        level_zh = _LEVEL_ZH[node.level]
        if before is None:
            zh = f"{level_zh}编号应从「{wanted}」开始，这里是「{printed}」"
            en = f"numbering at this level should start at {wanted}, found {printed}"
        elif node.value == before:
            zh = f"{level_zh}编号重复：「{printed}」与上一个同级标题相同，应为「{wanted}」"
            en = f"repeated heading number {printed}; expected {wanted}"
        elif node.value < before:
            prior = numbering_label(node.level, before)
            zh = f"{level_zh}编号顺序错误：「{prior}」之后出现「{printed}」，应为「{wanted}」"
            en = f"heading number {printed} goes backwards after {prior}; expected {wanted}"
        else:
            prior = numbering_label(node.level, before)
            zh = f"{level_zh}编号跳号：「{prior}」之后应为「{wanted}」，实为「{printed}」"
            en = f"heading numbers skip from {prior} to {printed}; expected {wanted}"
        yield self.finding(node.number_span, zh, en, expected=wanted, actual=printed)
