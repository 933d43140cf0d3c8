"""The ``section-numbering`` kind: headings of a level run 1, 2, 3 ….

Patterns play no part here: the outline already holds each heading's level
and number, so the kind only walks the tree.
"""

from __future__ import annotations

import re

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


# A cell's amount: "4,651.67", "0.00".
_AMOUNT = re.compile(r"(?<![\d.])\d[\d,]*\.\d{1,6}(?![\d.])")


# The last words of a table's row label: a classification of income or spending.
_ROW_LABEL = re.compile(r"(?:支出|收入|拨款|补助|结余|结转|资金|合计|总计|小计)(?:\(\w{0,6}\))?$")
_ROW_WORD = re.compile(r"(?:支出|收入|拨款|补助|结余|结转)")
_TABLE_TITLE = re.compile(r"表(?:\(\w{0,8}\))?$")


def _table_row(node: Section) -> bool:
    """A numbered row of a table page read as a heading: "一、本年收入 4,651.67",
    or a bare row label ("（九）社会保险基金支出", nothing under it)."""
    if _AMOUNT.search(node.raw_title) or _AMOUNT.search(_first_text(node)):
        return True
    title = node.title.strip()
    if len(_ROW_WORD.findall(title)) >= 2 and re.search(r"\S\s+\S", title) and not _TABLE_TITLE.search(title):
        return True  # two cells of side-by-side columns: "节能环保支出 对个人和家庭的补助"
    bare = not any(isinstance(child, Section) or len(getattr(child, "text", "")) > 60 for child in node.children)
    return (bare or _table_page(node)) and bool(_ROW_LABEL.search(title + _label_tail(node)))


def _table_page(node: Section) -> bool:
    """Is what the heading holds a table page (most of its lines carry figures)?"""
    texts = [getattr(child, "text", "") for child in node.children if not isinstance(child, Section)]
    if len(texts) < 5 or any(isinstance(child, Section) for child in node.children):
        return False
    return sum(1 for text in texts if re.search(r"\d", text)) * 2 >= len(texts)


def _label_tail(node: Section) -> str:
    """The end of a row label wrapped onto the next line ("国有资本经营预算财政" / "拨款")."""
    first = node.children[0] if node.children else None
    text = getattr(first, "text", "") if first is not None and not isinstance(first, Section) else ""
    return text.strip() if len(text.strip()) <= 6 and not re.search(r"[\d，。；:：]", text) else ""


def _run_key(node: Section) -> tuple[str, bool]:
    """The list a heading belongs to: its level, and whether it is a numbered
    table title (a list of its own between the numbered rows of the tables)."""
    return node.level, node.level != "part" and bool(_TABLE_TITLE.search(node.title))


class _Seen:
    """What the walk has seen so far, in every parent: the last number of each
    level, and at which depth of the outline each number was printed."""

    def __init__(self, document: Document):
        self.document = document
        self.running: dict[str, int] = {}
        self._depths: dict[tuple[str, int], list[int]] = {}

    def record(self, node: Section, depth: int) -> None:
        self.running[node.level] = node.value
        self._depths.setdefault((node.level, node.value), []).append(depth)

    def shallower(self, level: str, value: int, depth: int) -> bool:
        """Was ``value`` printed at ``level`` in an outer parent?"""
        return any(d < depth for d in self._depths.get((level, value), ()))


def _prose(node: Section) -> str:
    return " ".join(getattr(child, "text", "") for child in node.children if not isinstance(child, Section))


def _has_prose(node: Section) -> bool:
    """Does anything under the heading read as prose (not a contents entry)?"""
    for child in node.children:
        if isinstance(child, Section):
            if _has_prose(child):
                return True
        elif len(re.findall(r"[\u4e00-\u9fff]", getattr(child, "text", ""))) >= 2:
            return True  # any words at all (a contents entry has at most its page number)
    return False


def _printed_inline(node: Section, before: int | None, document: Document, previous_end: int | None) -> bool:
    """Are the numbers the heading skips printed in the text just before it,
    inside a line ("具体包括： 1. 本部", "…（八）负责…" run into the previous
    paragraph)?  Then nothing is missing: the outline only missed them."""
    if node.value is None or node.value <= (before or 0) + 1:
        return False
    start = previous_end if previous_end is not None else max(0, node.span.start - 400)
    window = document.text[start:node.span.start]
    return all(_label_in(node.level, missing, window) for missing in range((before or 0) + 1, node.value))


def _label_in(level: str, value: int, text: str) -> bool:
    label = numbering_label(level, value).replace("（", "(").replace("）", ")")
    if level == "item":
        return re.search(rf"(?<!\d){value}\s*[.、](?!\d)", text) is not None
    return label in text


def _first_text(node: Section) -> str:
    """What follows the heading when it reads as a table row's cells (amounts
    without a sentence around them), not a paragraph of prose."""
    for child in node.children:
        if not isinstance(child, Section):
            text = getattr(child, "text", "")[:80]
            return "" if re.search(r"[，。；;]|,(?!\d)", text) else text
        break
    return ""


_LEVEL_ZH = {"part": "部分", "section": "一级标题", "subsection": "二级标题", "item": "三级标题", "subitem": "四级标题"}


class SectionNumbering(YamlRule):
    """Within each parent, headings of a level run 1, 2, 3 … without gaps,
    repeats or reversals; the issue points at the number.

    What real documents do that is not a numbering error: a list that
    restarts at 1 inside a section (a 职能 list 1. 2. 3., then the table
    titles 1. 2.; the 一、二、 of an attached report), numbering that runs on
    across parents (Beijing's 1.–10. over three （）subsections, Xi'an's 一–十四
    over three parts), and numbered rows of a table page.  One misnumbered
    heading gives one issue: the count goes on from the number printed.
    """

    def check(self, document: Document):
        levels = set(self.params.get("levels") or LEVELS)
        seen = _Seen(document)
        yield from self._children(document.children, levels, seen, 0)

    def _children(self, children, levels, seen: "_Seen", depth: int):
        runs: dict[tuple, list[int]] = {}  # per list: the open runs, outermost first
        pending: dict[str, list] = {}  # a repeated 1 that a nested list may yet explain
        last: dict[tuple, Section] = {}  # the previous heading of each list
        siblings: list[Section] = []
        for node in children:
            if not isinstance(node, Section):
                continue
            if node.value is not None:
                if node.level in levels and not _table_row(node):
                    yield from self._place(node, runs, pending, seen, last.get(_run_key(node)), siblings, depth)
                else:  # not checked, but the count goes on from it
                    stack = runs.setdefault((node.level, False), [0])
                    stack[-1] = node.value
                seen.record(node, depth)
                last[_run_key(node)] = node
                siblings.append(node)
                for deeper in LEVELS[LEVELS.index(node.level) + 1:]:
                    for key in [k for k in runs if k[0] == deeper]:
                        del runs[key]
                    for key in [k for k in last if k[0] == deeper]:
                        del last[key]
                    yield from pending.pop(deeper, ())
            yield from self._children(node.children, levels, seen, depth + 1)
        for found in pending.values():
            yield from found

    def _place(self, node: Section, runs, pending, seen: "_Seen", previous, siblings, depth):
        """Fit the heading's number into the lists open at its level.  Numbered
        table titles ("三、2018年度…支出预算总表") are a list of their own, between
        the numbered rows of the tables."""
        stack = runs.setdefault(_run_key(node), [])
        value = node.value
        before = stack[-1] if stack else None
        if value == (before or 0) + 1:
            if stack:
                stack[-1] = value
            else:
                stack.append(value)
            return
        # Back to an outer list after a nested one ((一)职能 (一)…(七) (二)机构设置).
        for level_depth in range(len(stack) - 2, -1, -1):
            if value == stack[level_depth] + 1:
                del stack[level_depth + 1:]
                stack[-1] = value
                pending.pop(node.level, None)
                return
        if value == 1 and before is not None:
            stack.append(1)  # a list restarts inside the section
            if before == 1 and node.level in ("part", "section", "subsection"):
                pending.setdefault(node.level, []).extend(self._one(node, before))
            return
        if before is None and seen.running.get(node.level) is not None and value == seen.running[node.level] + 1:
            stack.append(value)  # numbering that runs on from the previous parent
            return
        if self._explained(node, before, previous, siblings, seen, depth):
            stack[-1:] = [value]
            return
        if not stack:
            stack.append(value)
        else:
            stack[-1] = value
        yield from self._one(node, before)

    @staticmethod
    def _explained(node: Section, before, previous, siblings, seen: "_Seen", depth) -> bool:
        """A number out of sequence that the document itself explains."""
        value = node.value
        if value == before and previous is not None and not _has_prose(previous):
            return True  # the first of the two was a contents entry, with nothing under it
        if _printed_inline(node, before, seen.document, previous.span.start if previous is not None else None):
            return True
        if before is not None and value < before:
            # an outer list goes on ("二、表格部分" after the 文字部分's parts) …
            if seen.shallower(node.level, value - 1, depth):
                return True
            # … or a nested list began inside a paragraph ("主要职责是：（一）承担…")
            opener = next((s for s in reversed(siblings) if s.level == node.level and s.value == value - 1), None)
            if opener is not None and _label_in(node.level, 1, _prose(opener)):
                return True
        return False

    def _one(self, node: Section, before: int | None):
        expected = (before or 0) + 1
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
