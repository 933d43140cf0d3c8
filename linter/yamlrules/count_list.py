"""The ``count-list`` kind: a stated count against the items listed.

Counting the items of a Chinese list is the hard part (brackets, numbered
lists, "；" and "、" together, 及-joined names), so it has a module of its own.
"""

from __future__ import annotations

import re

from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_pattern


def _split_list(text: str, separator: str) -> list[str]:
    """Items of "A、B（C、D）、E": separators inside brackets do not split."""
    items, depth, current = [], 0, ""
    for ch in text:
        if ch in "(（《“[【":
            depth += 1
        elif ch in ")）》”]】" and depth:
            depth -= 1
        if ch == separator and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [item.strip(" 。;；,，") for item in items if item.strip(" 。;；,，")]


# "1.财务股；2.人事股" / "(1)财务股(2)人事股" / "①财务股②人事股"
_MARKER = re.compile(r"(?:^|(?<=[;；,，、。:\s]))(\d{1,2})\s*[.．、](?!\d)|\((\d{1,2})\)|([①-⑳])")
_NOT_EXHAUSTIVE = re.compile(r"等[^、]{0,8}$")


_MAX_COUNT_DIGITS = 18  # no list of a disclosure has a quintillion items


def _stated(digits: str) -> tuple[int | None, str, str]:
    """A stated count and how a message shows it (zh, en).  A count of
    thousands of digits is no count of any list (int() of it would even
    raise past 4,300 digits): it matches nothing, and is shown shortened."""
    if len(digits) <= _MAX_COUNT_DIGITS:
        return int(digits), digits, digits
    return None, f"{digits[:6]}…（{len(digits)} 位数字）", f"{digits[:6]}… ({len(digits)} digits)"


def _numbered(text: str) -> int | None:
    """The number of items of a numbered list, or None when the list is not
    numbered; -1 when its numbers do not run 1, 2, 3 … (not counted)."""
    markers = [
        int(m.group(1) or m.group(2)) if (m.group(1) or m.group(2)) else ord(m.group(3)) - ord("①") + 1
        for m in _MARKER.finditer(text)
    ]
    if not markers or not _MARKER.match(text.lstrip()):
        return None
    return len(markers) if markers == list(range(1, len(markers) + 1)) else -1


# A list cut by a page break (or a line the parser took for a new paragraph)
# goes on in the next paragraphs; at most this many are joined.
_MAX_CONTINUATION = 3
_LIST_ENDED = ("。", "；", ";", "！", "？")


def _with_continuation(text: str, following: list) -> str:
    """The paragraph's text, and — while it stops in the middle of a sentence
    ("本单位下设 17 个处室：办公室（审批综合处）、机关党委" / page break /
    "（人事处）、法规税政处…") — the text of the paragraphs that finish it."""
    joined = text
    for paragraph in following:
        if joined.rstrip().endswith(_LIST_ENDED):
            break
        joined += paragraph.text
    return joined


class CountList(YamlRule):
    """"下设 N 个科室，分别是：A、B、C" — N must equal the listed items; a list
    that says there are none ("本单位无下设科室") counts as zero.  With
    ``tables``, N is compared with the number of tables whose title matches
    (预算绩效评价项目 N 个 against the 项目支出绩效自评表 that follow).

    A numbered list ("1.财务股；2.人事股") counts its numbers.  Otherwise the
    list ends at a "；" when its first part is itself a "、" list ("A、B；下设
    3 个站所：…"), and items are separated by "；" when there is no "、".  An
    item joined by ``conjunction`` ("法规科及档案科") is two items when both
    sides end like a name (``item_suffix``).  A list that ends in 等 is not
    exhaustive and is not counted, nor is one whose count is uncertain: the
    issue is reported only when no reading of the list gives N."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.pattern = compile_pattern(self.params["pattern"])
        self.separator = self.params.get("separator", "、")
        self.none = compile_pattern(self.params["none"]) if self.params.get("none") else None
        self.tables = compile_pattern(self.params["tables"]) if self.params.get("tables") else None
        self.conjunction = compile_pattern(self.params["conjunction"]) if self.params.get("conjunction") else None
        self.item_suffix = compile_pattern(self.params["item_suffix"]) if self.params.get("item_suffix") else None

    def _items(self, text: str) -> int:
        """The items of one separated list, joined items split in two."""
        items = _split_list(text, self.separator)
        count = len(items)
        if self.conjunction is None or self.item_suffix is None:
            return count
        for item in items:
            parts = [part.strip() for part in self.conjunction.split(item)]
            if len(parts) > 1 and all(part and self.item_suffix.search(part) for part in parts):
                count += len(parts) - 1
        return count

    def _counts(self, listed: str) -> list[int] | None:
        """The possible counts of a list, the likeliest first; None when the
        list cannot be counted."""
        listed = listed.strip()
        if not listed or _NOT_EXHAUSTIVE.search(listed.rstrip(" 。;；,，")):
            return None
        numbered = _numbered(listed)
        if numbered is not None:
            return [numbered] if numbered > 0 else None
        segments = _split_list(listed, "；") if "；" in listed or ";" in listed else [listed]
        segments = [seg for part in segments for seg in _split_list(part, ";")]
        if len(segments) <= 1:
            return [self._items(listed)]
        first = self._items(segments[0])
        if first > 1:  # "A、B；…": the list ends at the "；"
            return [first, sum(self._items(seg) for seg in segments)]
        return [len(segments), first]  # "A；B；C", or "A；" and another clause

    def check(self, document: Document):
        paragraphs = list(document.paragraphs())
        for number, paragraph in enumerate(paragraphs):
            text = _with_continuation(paragraph.text, paragraphs[number + 1:number + 1 + _MAX_CONTINUATION])
            position = 0
            while (match := self.pattern.search(text, position)) is not None:
                if match.start("count") >= len(paragraph.text):
                    break  # the continuation's own counts are read with its paragraph
                position = match.end("count")
                stated, shown, shown_en = _stated(match.group("count"))
                at = Span(paragraph.span.start + match.start("count"), paragraph.span.start + match.end("count"))
                if self.tables is not None:
                    counted = sum(1 for table in document.tables() if self.tables.search(table.title))
                    zh, en = f"文后附表 {counted} 张", f"{counted} matching tables follow"
                else:
                    listed = match.groupdict().get("list") or ""
                    if self.none is not None and self.none.search(listed):
                        counted = 0
                    else:
                        counts = self._counts(listed)
                        if counts is None or stated in counts:
                            continue
                        counted = counts[0]
                    zh, en = f"实际列出 {counted} 项", f"the list has {counted}"
                if counted == stated:
                    continue
                yield self.finding(
                    at,
                    f"写明 {shown} 个，{zh}",
                    f"states {shown_en}, but {en}",
                    expected=str(counted),
                    actual=shown,
                )
