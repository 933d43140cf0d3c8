"""The ``required-sections`` kind: required parts and sections, by alias."""

from __future__ import annotations

import re

from linter.sourcemap import Span
from linter.tree import Document, Section
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_pattern


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
        self.captions = compile_pattern(self.params["captions"]) if self.params.get("captions") else None

    def _prepare(self, entry: dict) -> dict:
        return {
            "name": entry["name"],
            "aliases": [compile_pattern(alias) for alias in entry["aliases"]],
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
