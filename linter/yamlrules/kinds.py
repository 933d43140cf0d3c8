"""The closed set of check kinds a YAML rule can extend.

Each kind is a :class:`~linter.rule.Rule` built from a validated rule file;
the file supplies code, name, severity, documents kinds, texts, examples and
the kind's ``params``.  Patterns are matched on the folded working text
(full-width digits, ：, （） already half-width), character by character:
Chinese has no word boundaries.
"""

from __future__ import annotations

import re

from linter.headings import LEVELS
from linter.issues import Message
from linter.rule import ALL_KINDS, Example, Rule
from linter.sourcemap import Span
from linter.tree import Document, Section


class YamlRule(Rule):
    """Common fields of every rule file."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.code = spec["code"]
        self.name = spec["name"]
        self.severity = spec["severity"]
        self.kinds = tuple(spec.get("kinds") or ALL_KINDS)
        self.summary = Message(**spec["summary"])
        self.description = Message(**spec["description"])
        self.examples = tuple(
            Example(e["text"], e["fails"], e.get("kind", "final_account"), e.get("year", 2024))
            for e in spec.get("examples", ())
        )
        self.params = spec["params"]


try:  # the regular-expression parser of the standard library
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

_UNBOUNDED = _sre_parse.MAXREPEAT
_REPEATS = (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT)


def _nested_unbounded(items, inside: bool = False) -> bool:
    """Is an unbounded repeat nested in another ("(a+)+", "(.*x)*")?  Such a
    pattern can take exponential time on a line that almost matches."""
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            unbounded = high is _UNBOUNDED or high > 100
            if unbounded and inside:
                return True
            if _nested_unbounded(body, inside or unbounded):
                return True
        elif op is _sre_parse.SUBPATTERN:
            if _nested_unbounded(arg[-1], inside):
                return True
        elif op is _sre_parse.BRANCH:
            if any(_nested_unbounded(branch, inside) for branch in arg[1]):
                return True
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            if _nested_unbounded(arg[1], inside):
                return True
    return False


def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile a rule's pattern; refuse one that could backtrack
    catastrophically, since rules run on every line of every document."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    if _nested_unbounded(_sre_parse.parse(pattern, flags)):
        raise ValueError(
            f"regular expression {pattern!r} nests one unbounded repeat in another "
            "(like (a+)+): it can take exponential time; bound the inner repeat, e.g. {0,20}"
        )
    return compiled


# -- structure ---------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def _chinese(value: int) -> str:
    if value < 10:
        return _CN_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


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


class RequiredSections(YamlRule):
    """Required parts and sections, recognised by aliases, in any order.

    Entries nest (a part and the sections it must hold).  A part is looked
    for among the document's headings; its sections inside it.  Where a
    part's own heading is missing, its sections are still looked for in the
    rest of its parent's scope (outside the other parts that were found):
    some templates print no 第X部分 at all, and their sections then stand on
    their own.  The part itself is reported when its siblings do have
    headings (the document uses parts) or when none of its sections is
    there.  A missing entry is reported where it was expected: after the
    previous required sibling that is present.  Entries of a ``group`` are
    the finer sections of one template; other templates fold their content
    into broader sections, so they are required only where one of the group
    is there.
    """

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.sections = [self._prepare(entry) for entry in self.params["sections"]]
        self.captions = _compile(self.params["captions"]) if self.params.get("captions") else None

    def _prepare(self, entry: dict) -> dict:
        return {
            "name": entry["name"],
            "aliases": [_compile(alias) for alias in entry["aliases"]],
            "level": entry.get("level", "any"),
            "caption": entry.get("caption", False),
            "group": entry.get("group"),
            "children": [self._prepare(child) for child in entry.get("children", ())],
        }

    @staticmethod
    def _find(entry: dict, scope: list[Section]) -> Section | None:
        for section in scope:
            if section.level == "caption":
                if not entry["caption"]:
                    continue
            elif entry["level"] not in ("any", section.level):
                continue
            if any(alias.search(section.title) for alias in entry["aliases"]):
                return section
        return None

    _CAPTION_MAX = 40

    def _caption_sections(self, document: Document) -> list[Section]:
        """Unnumbered one-line captions such as "附件：2025年部门预算公开表"
        (a line matching ``captions``, which the outline keeps as a
        paragraph): as headings of level ``caption``, which only entries
        marked ``caption: true`` accept."""
        if self.captions is None:
            return []
        out = []
        for paragraph in document.paragraphs():
            text = paragraph.text.strip()
            if len(text) > self._CAPTION_MAX or "\n" in text or re.search("[。；;，,]", text):
                continue
            if not self.captions.search(text):
                continue
            span = paragraph.span
            out.append(Section("caption", None, None, text, document.raw_text(span).strip(), span, None, span))
        return out

    def check(self, document: Document):
        scope = sorted(document.sections() + self._caption_sections(document), key=lambda s: s.span.start)
        yield from self._check_entries(self.sections, scope, None, document)

    def _check_entries(self, entries, scope: list[Section], parent: Section | None, document):
        found = [self._find(entry, scope) for entry in entries]
        claimed = {id(s) for f in found if f is not None and f is not parent for s in _descendants(f)}
        rest = [s for s in scope if id(s) not in claimed]
        uses_headings = any(f is not None for f, e in zip(found, entries) if e["children"])
        # A group of sections that only a finer template has (收入预算, 支出预算 …
        # each under its own heading): required once the document has one of them.
        groups = {e["group"] for f, e in zip(found, entries) if f is not None and e["group"]}
        previous: Section | None = parent
        for entry, section in zip(entries, found):
            if section is not None:
                previous = section
                if entry["children"]:
                    # A part's heading may itself name one of its sections
                    # ("部门预算收支情况说明" is also the overall explanation).
                    inner = [section] + _descendants(section)
                    yield from self._check_entries(entry["children"], inner, section, document)
                continue
            if entry["group"] and entry["group"] not in groups:
                continue
            present = [child for child in entry["children"] if self._find(child, rest)]
            if uses_headings or not present or not entry["children"]:
                yield self._missing(entry, previous, parent, document)
            if present:
                yield from self._check_entries(entry["children"], rest, parent, document)

    def _missing(self, entry, previous: Section | None, parent: Section | None, document):
        name = entry["name"]
        if previous is not None and previous is not parent:
            anchor = previous
            zh = f"缺少「{name}」（应在「{previous.raw_title}」之后）"
            en = f"missing section 「{name}」 (expected after 「{previous.raw_title}」)"
        elif parent is not None:
            anchor = parent
            zh = f"缺少「{name}」（应在「{parent.raw_title}」之下）"
            en = f"missing section 「{name}」 (expected under 「{parent.raw_title}」)"
        else:
            anchor = None
            zh = f"缺少「{name}」"
            en = f"missing section 「{name}」"
        span = anchor.title_span if anchor is not None else _first_span(document)
        return self.finding(span, zh, en, expected=name)


def _descendants(section: Section) -> list[Section]:
    out: list[Section] = []
    stack = list(reversed(section.children))
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            out.append(node)
            stack.extend(reversed(node.children))
    return out


def _first_span(document: Document) -> Span | None:
    for node in document.walk():
        return Span(node.span.start, node.span.start)
    return None


# -- text ----------------------------------------------------------------------


def _compile_text_pattern(pattern: str) -> re.Pattern:
    """Text patterns run over the whole working text, one logical line (a
    heading, a paragraph, a table row) per text line: ``^`` and ``$`` mean
    the start and end of such a line."""
    return _compile(pattern, re.MULTILINE)


class ForbiddenText(YamlRule):
    """Template placeholders and empty reasons that must not be published."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.patterns = [(_compile_text_pattern(p["pattern"]), Message(**p["message"])) for p in self.params["patterns"]]

    def check(self, document: Document):
        for pattern, message in self.patterns:
            for match in pattern.finditer(document.text):
                at = Span(match.start(), match.end())
                found = document.raw_text(at)
                yield self.finding(at, f"{message.zh}：「{found}」", f"{message.en}: 「{found}」", actual=found)


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
            (_compile_text_pattern(p["pattern"]), p["expect"], tuple(p.get("kinds") or ALL_KINDS), Message(**p["meaning"]))
            for p in self.params["patterns"]
        ]
        self.ignore_inside = [tuple(pair) for pair in self.params.get("ignore_inside", ["《》", "〔〕", "【】", "[]"])]
        self.comparison = _compile(self.params["comparison"]) if self.params.get("comparison") else None

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


# -- counts ----------------------------------------------------------------------


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
        self.pattern = _compile(self.params["pattern"])
        self.separator = self.params.get("separator", "、")
        self.none = _compile(self.params["none"]) if self.params.get("none") else None
        self.tables = _compile(self.params["tables"]) if self.params.get("tables") else None
        self.conjunction = _compile(self.params["conjunction"]) if self.params.get("conjunction") else None
        self.item_suffix = _compile(self.params["item_suffix"]) if self.params.get("item_suffix") else None

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
        for paragraph in document.paragraphs():
            position = 0
            while (match := self.pattern.search(paragraph.text, position)) is not None:
                position = match.end("count")
                stated = int(match.group("count"))
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
                    f"写明 {stated} 个，{zh}",
                    f"states {stated}, but {en}",
                    expected=str(counted),
                    actual=str(stated),
                )


class Equal(YamlRule):
    """Two figures that state the same quantity in different words
    (公务用车保有量 and 固定资产车辆) must be equal, within rounding — unless
    the paragraph explains the difference (``unless``, e.g. 差异原因是：…)."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.left = _compile(self.params["left"]["label"])
        self.right = _compile(self.params["right"]["label"])
        self.unless = _compile(self.params["unless"]) if self.params.get("unless") else None

    def _explained(self, document: Document, amount) -> bool:
        if self.unless is None:
            return False
        for paragraph in document.paragraphs():
            if paragraph.span.start <= amount.span.start < paragraph.span.end:
                return bool(self.unless.search(paragraph.text))
        return False

    def check(self, document: Document):
        from linter.facts.model import Amount

        amounts = [fact for fact in document.facts if isinstance(fact, Amount)]
        lefts = [a for a in amounts if self.left.search(a.label)]
        rights = [a for a in amounts if self.right.search(a.label)]
        for left in lefts[:1]:
            for right in rights:
                if right.quantity.unit != left.quantity.unit or right.quantity.interval.intersects(left.quantity.interval):
                    continue
                if self._explained(document, right):
                    continue
                yield self.finding(
                    right.span,
                    f"「{right.label}」为 {right.quantity.text}，与「{left.label}」{left.quantity.text} 不一致",
                    f"「{right.label}」 is {right.quantity.text} but 「{left.label}」 is {left.quantity.text}",
                    expected=left.quantity.text,
                    actual=right.quantity.text,
                )


class DeclaredZero(YamlRule):
    """What the text declares absent ("政府性基金预算财政拨款收入支出决算表为空表",
    "本单位没有使用政府性基金") must not carry an amount elsewhere: every
    figure whose label names the declared subject must be zero."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.declarations = [_compile(pattern) for pattern in self.params["declarations"]]

    def check(self, document: Document):
        from linter.facts.model import Amount

        declared: dict[str, str] = {}
        for paragraph in document.paragraphs():
            for pattern in self.declarations:
                for match in pattern.finditer(paragraph.text):
                    declared.setdefault(match.group("subject"), match.group(0))
        if not declared:
            return
        for fact in document.facts:
            if not isinstance(fact, Amount) or fact.quantity.interval.contains_zero():
                continue
            for subject, statement in declared.items():
                if subject in fact.label:
                    yield self.finding(
                        fact.span,
                        f"文中称“{statement}”，此处「{fact.label}」却为 {fact.quantity.text}",
                        f"the text says \"{statement}\", yet 「{fact.label}」 is {fact.quantity.text} here",
                        expected="0",
                        actual=fact.quantity.text,
                    )
                    break


KINDS = {
    "section-numbering": SectionNumbering,
    "required-sections": RequiredSections,
    "forbidden-text": ForbiddenText,
    "year-reference": YearReference,
    "count-list": CountList,
    "equal": Equal,
    "declared-zero": DeclaredZero,
}
