"""Detect what a disclosure is: final account or budget, its year, its unit.

Rules need this (a 2024 final account must speak of 2024; a budget speaks of
the coming year and of assets "截至上年底").  Detection reads the title block
(the text before the first heading) and the headings, and falls back to the
body; every value can be overridden from the command line or configuration,
and ``DocumentInfo.sources`` records where each value came from.
"""

from __future__ import annotations

import re
from collections import Counter

from linter.tree import DocumentInfo, Node, Paragraph, Section, Table

_YEAR = re.compile(r"(?<![\d〔\[(（])((?:19|20)\d{2})\s*年")
_FINAL = re.compile(r"决\s*算")
_BUDGET = re.compile(r"预\s*算")
_UNIT_SUFFIX = re.compile(
    r"(?:\s*(?:19|20)\d{2}\s*年度?)?\s*[,，]?\s*(?:无下属|下设|实有人数|编制数|共有|内设|有下属)"
)
_UNIT_LABEL = re.compile(r"编制(?:部门|单位)\s*[:：]\s*(\S+)")
_KIND_WORDS = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:部门|单位)?(?:决算|预算)?(?:公开)?(?:说明)?\s*$"
)


def _title_block(children: list[Node]) -> str:
    """The short lines before the first heading, joined: a title block is a
    few lines of name, year and kind, never a sentence."""
    parts = []
    for node in children:
        if not isinstance(node, Paragraph):
            break
        if len(node.text) <= 60 and "。" not in node.text:
            parts.append(node.text)
    return "".join(parts)


def _headings(children: list[Node]) -> list[Section]:
    """Every section in document order.  A reversed stack popped from its
    end: ``pop(0)`` and ``stack[:0] = …`` moved the whole list each time,
    which made 400,000 paragraphs take 26 s."""
    out: list[Section] = []
    stack = list(reversed(children))
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            out.append(node)
            stack.extend(reversed(node.children))
    return out


def detect(children: list[Node], text: str, raw: str) -> DocumentInfo:
    info = DocumentInfo()
    title = _title_block(children)
    headings = _headings(children)
    heading_text = " ".join(h.title for h in headings if h.level in ("part", "section"))

    for source, sample in (("title", title), ("headings", heading_text), ("text", text)):
        finals, budgets = len(_FINAL.findall(sample)), len(_BUDGET.findall(sample))
        if source == "text":
            # In the body both words occur ("年初预算数", "决算数"); only a
            # clear majority decides.
            if finals >= 3 and finals > 2 * budgets:
                info.kind, info.sources["kind"] = "final_account", source
            elif budgets >= 3 and finals == 0:
                info.kind, info.sources["kind"] = "budget", source
            break
        if finals or budgets:
            info.kind = "final_account" if finals >= budgets else "budget"
            info.sources["kind"] = source
            break

    for source, sample in (("title", title), ("headings", heading_text), ("text", text)):
        years = Counter(int(y) for y in _YEAR.findall(sample))
        if years:
            info.year = years.most_common(1)[0][0]
            info.sources["year"] = source
            break

    info.unit, unit_source = _detect_unit(children, headings, title, raw)
    if info.unit:
        info.sources["unit"] = unit_source
    return info


def _detect_unit(
    children: list[Node], headings: list[Section], title: str, raw: str
) -> tuple[str | None, str]:
    # 1. The table header "编制部门：X" names it exactly.
    stack = list(reversed(children))  # document order, popped from the end (linear)
    while stack:
        node = stack.pop()
        if isinstance(node, Table):
            for row in node.rows[:6]:
                text = " ".join(cell.text for cell in row.cells)
                match = _UNIT_LABEL.search(text)
                if match:
                    return match.group(1), "table"
        elif isinstance(node, Section):
            stack.extend(reversed(node.children))
    # 2. The 机构设置 section opens with "X（2024 年度），实有人数…/无下属…".
    for heading in headings:
        if "机构设置" in heading.title or "单位构成" in heading.title:
            for child in heading.children:
                if isinstance(child, Paragraph):
                    match = _UNIT_SUFFIX.search(child.text)
                    if match and 2 <= match.start() <= 60:
                        start = child.span.start
                        name = raw[start:start + match.start()].strip()
                        if not name.startswith(("单位", "本单位", "我单位", "本部门")):
                            return name, "text"
    # 3. The title block without its year and kind words.
    name = _KIND_WORDS.sub("", title).strip()
    if 4 <= len(name) <= 60:
        return name, "title"
    return None, ""
