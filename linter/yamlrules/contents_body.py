"""The ``contents-body`` kind: every entry of the document's own contents
page (目录) has its section in the body.

This holds whatever the template: the 目录 is the document's own promise of
what it contains, so an entry without a body section is an error even where
no profile says what the template requires.  The entry is matched loosely,
because contents and body often word the same heading a little differently
("本年收入决算情况说明" for "收入决算情况说明", the unit's name added or left out):
an entry is present when some heading or short line of the body shares most
of its character pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict

from linter.headings import match_numbering
from linter.tree import Document, TocEntry
from linter.yamlrules.base import YamlRule

# What contents and body word differently without meaning another section:
# spacing, punctuation, the year, the part's number, 部门/单位 for the unit's
# name, a closing 说明; and words used for one another (职能/职责, 占有/占用).
_NOISE = re.compile(r"[\s\d.…·_\-—、:：()（）“”\"'《》,，]|年度?|第[一二三四五六七八九十]+部分|部门|单位|说明|的")
_SYNONYMS = str.maketrans({"责": "能", "有": "用"})
_TABLE_ENTRY = re.compile(r"表\s*(?:\([^)]{0,12}\))?\s*$")
# Where a body line breaks into the pieces that may each be a heading or a
# table's title: runs of figures (a title glued to the last row of the table before it),
# runs of spaces, a figure's end.  (The lookahead lets the engine pass over
# the characters that start neither of the first two at once.)
_FIGURES = re.compile(
    r"(?=[\s\d,\-])(?:(?:\s*-?[\d,]+(?:\.\d+)?(?![\d.])(?=\s|$)\s*){2,}|\s{3,})|(?<=[\d])(?=[^\d\s.,%年月日])"
)


def _key(text: str) -> tuple[int | None, str]:
    """The entry's number (its value, whatever the style) and its words."""
    text = text.strip()
    numbering = match_numbering(text)
    value = None
    if numbering:
        value, text = numbering.value, text[numbering.end:]
    # "部门收支总体情况表" and "部门收支总表", "政府采购预算情况表" and "政府采购预算表"
    # title the same table
    words = _NOISE.sub("", text).translate(_SYNONYMS)
    return value, words.replace("总体情况表", "总表").replace("情况表", "表")


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


class ContentsBody(YamlRule):
    """A 目录 entry with no section in the body."""

    def check(self, document: Document):
        tocs = [node for node in document.walk() if node.kind == "toc"]
        if not tocs:
            return
        minimum = self.params.get("min_chars", 4)
        share = self.params.get("share", 0.7)
        # A narrative whose tables are another file lists them in its 目录 all the same.
        tables_elsewhere = document.facts.half() == "narrative"
        asked = []  # (entry, its number, its words): the entries to look up
        for toc in tocs:
            for entry in toc.entries:
                value, key = _key(entry.text)
                if len(key) < minimum or entry.text.lstrip().startswith("注"):
                    continue  # too short to match, or a note on the tables
                if tables_elsewhere and _TABLE_ENTRY.search(entry.text):
                    continue
                asked.append((entry, value, key))
        if not asked:
            return
        index = _BodyIndex(document, tocs, set().union(*(_pairs(key) for _, _, key in asked)))
        for entry, value, key in asked:
            if not index.has(value, key, share):
                yield self._missing(entry)

    def _missing(self, entry: TocEntry):
        text = entry.text.strip()
        zh = f"目录中的「{text}」在正文中没有对应的章节"
        en = f"the contents entry 「{text}」 has no section in the body"
        return self.finding(entry.span, zh, en, expected=text)


class _BodyIndex:
    """The body's short pieces (headings, page titles, table titles), indexed
    by character pair, each with its number (a heading "三、…" answers only a
    contents entry numbered 3, or one without a number).

    Only the pairs of the entries asked about (``wanted``) are indexed, and
    each distinct piece once: a body has tens of thousands of pieces and
    pairs, a contents page a few hundred pairs, and a repeated piece (a row
    label of every table) answers an entry no better than its first copy.
    """

    _SHORT = 40

    def __init__(self, document: Document, tocs, wanted: set[str]):
        spans = [(toc.span.start, toc.span.end) for toc in tocs]
        self.wanted = wanted
        self.keys: list[tuple[int | None, str]] = []
        self.by_pair: dict[str, list[int]] = defaultdict(list)
        self._seen: set[str] = set()  # the pieces read so far
        offset, previous = 0, ""
        for line in document.text.split("\n"):
            start, offset = offset, offset + len(line) + 1
            if any(a <= start < b for a, b in spans):
                continue
            pieces = [piece for piece in _FIGURES.split(line) if piece.strip()]
            if previous and len(previous) <= 8 and pieces:
                pieces.append(previous + " " + pieces[0])  # "第三部分" on a line of its own, its title below
            previous = line.strip()
            for piece in pieces:
                if piece not in self._seen and len(piece.strip()) <= self._SHORT:
                    self._seen.add(piece)
                    self._add(_key(piece))

    def _add(self, key: tuple[int | None, str]) -> None:
        if len(key[1]) < 2:
            return
        shared = _pairs(key[1]) & self.wanted
        if not shared:
            return  # answers no entry
        number = len(self.keys)
        self.keys.append(key)
        for pair in shared:
            self.by_pair[pair].append(number)

    def has(self, value: int | None, key: str, share: float) -> bool:
        pairs = _pairs(key)
        if not pairs:
            return True
        hits: dict[int, int] = defaultdict(int)
        for pair in pairs:
            for number in self.by_pair.get(pair, ()):
                hits[number] += 1
        needed = share * len(pairs)
        # A heading numbered otherwise answers the entry only word for word: a
        # heading renumbered in the body is S101's to report, not a missing section.
        return any(
            count >= needed and (value is None or self.keys[number][0] in (None, value) or count == len(pairs))
            for number, count in hits.items()
        )
