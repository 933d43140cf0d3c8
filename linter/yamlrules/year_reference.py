"""The ``year-reference`` kind: years whose wording fixes their value."""

from __future__ import annotations

import re

from linter.issues import Message
from linter.rule import ALL_KINDS
from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_pattern, compile_text_pattern


class YearReference(YamlRule):
    """Years that, by their wording, must be the report year (or the year
    before or after it) — per document kind.  Document numbers (〔2018〕) and
    titles of other documents (《…》) are skipped."""

    _OFFSET = {"report": 0, "previous": -1, "next": 1}
    _ROLE = {
        "report": ("报告年度", "the report year"),
        "previous": ("上一年度", "the year before the report year"),
        "next": ("下一年度", "the year after the report year"),
    }

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.patterns = [
            (compile_text_pattern(p["pattern"]), p["expect"], tuple(p.get("kinds") or ALL_KINDS), Message(**p["meaning"]))
            for p in self.params["patterns"]
        ]
        self.ignore_inside = [tuple(pair) for pair in self.params.get("ignore_inside", ["《》", "〔〕", "【】", "[]"])]
        self.comparison = compile_pattern(self.params["comparison"]) if self.params.get("comparison") else None

    _BASE_BEFORE = re.compile(r"(?:比|较|与|同|对比|相比)\s*$")
    _SENTENCE_END = "。；;!！?？\n"
    _WINDOW = 300  # characters either side: a sentence is shorter

    def _comparison_base(self, text: str, match: re.Match, wanted: int) -> bool:
        """Is the year (one before the expected year) the base of a
        comparison: right after 比/较/与 ("比2024年收支预算总计"), or in a
        sentence that also names the expected year and compares the two
        ("2024年度收入总计…，2023年度收入总计…，增加…")?  A year left over
        from last year's template names no such pair, and is still reported."""
        if self.comparison is None:
            return False
        start, end = match.start("year"), match.end("year")
        if self._BASE_BEFORE.search(text, max(0, start - 4), start):
            return True
        # The sentence, looked for within a window: searching the whole text
        # for a "！" that never comes made the rule quadratic.
        low, high = max(0, start - self._WINDOW), min(len(text), end + self._WINDOW)
        left = max(text.rfind(ch, low, start) for ch in self._SENTENCE_END) + 1 or low
        ends = [i for i in (text.find(ch, end, high) for ch in self._SENTENCE_END) if i != -1]
        right = min(ends) if ends else high
        sentence = text[left:start] + " " * (end - start) + text[end:right]
        named = re.search(rf"(?<!\d){wanted}\s*年", sentence)
        return bool(named and self.comparison.search(sentence))

    def _ignored(self, text: str, position: int) -> bool:
        """Is ``position`` inside brackets of its own line (《…》, 〔…〕 …)?"""
        line_start = text.rfind("\n", 0, position) + 1
        for opening, closing in self.ignore_inside:
            before = text.rfind(opening, line_start, position)
            if before != -1 and text.find(closing, before) >= position:
                return True
        return False

    def check(self, document: Document):
        year = document.info.year
        if year is None:
            return
        text = document.text
        for pattern, expect, kinds, meaning in self.patterns:
            if document.info.kind not in kinds:
                continue
            for match in pattern.finditer(text):
                printed = int(match.group("year"))
                wanted = year + self._OFFSET[expect]
                if printed == wanted or self._ignored(text, match.start("year")):
                    continue
                if printed == wanted - 1 and self._comparison_base(text, match, wanted):
                    continue
                role_zh, role_en = self._ROLE[expect]
                yield self.finding(
                    Span(match.start("year"), match.end("year")),
                    f"{meaning.zh}应为{role_zh}（{wanted} 年），这里写的是 {printed} 年",
                    f"{meaning.en} should be {role_en} ({wanted}), found {printed}",
                    expected=str(wanted),
                    actual=str(printed),
                )
