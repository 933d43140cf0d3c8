"""S101 section-numbering: the outline's numbers run 一、二、三… without gaps,
repeats or wrong order, at every level and within each parent."""

from __future__ import annotations

from linter.headings import LEVELS
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tree import Section

_CN_DIGITS = "零一二三四五六七八九"


def _chinese(value: int) -> str:
    if value < 10:
        return _CN_DIGITS[value]
    if value < 20:
        return "十" + (_CN_DIGITS[value - 10] if value > 10 else "")
    tens, ones = divmod(value, 10)
    return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")


def label(level: str, value: int) -> str:
    """How the numbering of ``value`` is written at ``level``."""
    return {
        "part": f"第{_chinese(value)}部分",
        "section": f"{_chinese(value)}、",
        "subsection": f"（{_chinese(value)}）",
        "item": f"{value}.",
        "subitem": f"（{value}）",
    }[level]


_LEVEL_ZH = {"part": "部分", "section": "一级标题", "subsection": "二级标题", "item": "三级标题", "subitem": "四级标题"}


class SectionNumbering(Rule):
    code = "S101"
    name = "section-numbering"
    severity = "error"
    summary = Message("标题编号不连续、重复或顺序错误", "Heading numbers skip, repeat or go backwards")
    description = Message(
        "同一上级标题下、同一层级的标题编号应从一（或 1）开始逐个递增：第一部分、第二部分；"
        "一、二、三；（一）（二）；1. 2.；（1）（2）。跳号通常意味着漏写了一节，"
        "重号或倒序通常是复制模板时没有改编号。问题标在编号本身上，并给出应有的编号。",
        "Within each parent, headings of one level must be numbered from one upwards "
        "without gaps, repeats or reversals (第一部分, 第二部分; 一、二、三; （一）（二）; 1. 2.; "
        "（1）（2）). A gap usually means a missing section; a repeat or reversal usually "
        "means a template section was copied without renumbering. The issue points at "
        "the number and states the number expected there.",
    )
    examples = (
        Example("一、主要职能\n\n负责就业服务。\n\n三、机构设置及人员情况\n\n下设 2 个科室。", fails=True),
        Example("一、主要职能\n\n（一）负责就业。\n\n（一）负责培训。", fails=True),
        Example("二、主要职能\n\n负责就业服务。", fails=True),
        Example(
            "一、主要职能\n\n（一）负责就业。\n\n（二）负责培训。\n\n二、机构设置及人员情况\n\n"
            "（一）人员情况\n\n实有人数 5 人。",
            fails=False,
        ),
    )

    def check(self, document):
        yield from self._check_children(document.children)

    def _check_children(self, children):
        previous: dict[str, int] = {}
        for node in children:
            if not isinstance(node, Section):
                continue
            if node.value is not None:
                yield from self._check_one(node, previous.get(node.level))
                previous[node.level] = node.value
                # A heading resets the count of every deeper level below it.
                depth = LEVELS.index(node.level)
                for deeper in LEVELS[depth + 1:]:
                    previous.pop(deeper, None)
            yield from self._check_children(node.children)

    def _check_one(self, node: Section, before: int | None):
        expected = (before or 0) + 1
        if node.value == expected:
            return
        printed, wanted = label(node.level, node.value), label(node.level, expected)
        level_zh = _LEVEL_ZH[node.level]
        if before is None:
            zh = f"{level_zh}编号应从「{wanted}」开始，这里是「{printed}」"
            en = f"numbering at this level should start at {wanted}, found {printed}"
        elif node.value == before:
            zh = f"{level_zh}编号重复：「{printed}」与上一个同级标题相同，应为「{wanted}」"
            en = f"repeated heading number {printed}; expected {wanted}"
        elif node.value < before:
            zh = f"{level_zh}编号顺序错误：「{label(node.level, before)}」之后出现「{printed}」，应为「{wanted}」"
            en = f"heading number {printed} goes backwards after {label(node.level, before)}; expected {wanted}"
        else:
            zh = f"{level_zh}编号跳号：「{label(node.level, before)}」之后应为「{wanted}」，实为「{printed}」"
            en = f"heading numbers skip from {label(node.level, before)} to {printed}; expected {wanted}"
        yield self.finding(node.number_span, zh, en, expected=wanted, actual=printed)
