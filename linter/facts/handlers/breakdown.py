"""Breakdowns: "X 万元，其中：A a 万元、B b 万元…", "…主要用于以下方面：",
"具体如下", and the brackets that interrupt a list.

A "其中" opens a list under the last figure of each unit stated before it
(in the same stretch, see :func:`heads`); the plain figures after it are its
parts until a stronger separator than the parts' own, a new stretch after
"；", or another enumeration ends it.  A list left open at the end of a
sentence (its parts carry shares, or it heads an identity) may go on in the
next sentences (:func:`continued_list`).
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause
from linter.facts.handlers.context import SentenceContext
from linter.facts.handlers.identities import heads_identity, is_complete
from linter.facts.model import Amount, Breakdown, Share

_ENUMERATION_INTRO = re.compile(r"(?:包括|分别是|分别为|主要是|主要有|明细如下|如下|用于以下方面|用于以下几个方面)$")
_BREAKDOWN_INTRO = re.compile(r"^(?:主要)?用于以下(?:几个)?方面$|^具体(?:情况)?如下$|^分别为$")


def _before_colon(clause: Clause) -> str:
    for index, token in enumerate(clause.pre):
        if token.type == "COLON":
            return "".join(t.text for t in clause.pre[:index])
    return ""


def opens_enumeration(clause: Clause) -> bool:
    """Does the clause open a list of its own ("X主要是：A、B")?"""
    if "COLON" not in clause.types:
        return False  # the common case: no words before a colon
    return bool(_ENUMERATION_INTRO.search(_before_colon(clause)))


def opens_breakdown(clause: Clause) -> bool:
    """Does the list break down the figure before it ("…万元，主要用于以下方面：")?"""
    if "COLON" not in clause.types:
        return False
    return bool(_BREAKDOWN_INTRO.search(_before_colon(clause)))


def last_semicolon_before(text: str, position: int) -> int:
    """Where the last "；" (or ";") before ``position`` is, looking back a
    sentence's length at most; -1 when there is none."""
    low = max(0, position - 200)
    return max(text.rfind("；", low, position), text.rfind(";", low, position))


def heads(text: str, last_of: dict[str, Amount]) -> dict[str, Amount]:
    """The figures a "其中" breaks down: the last one before it, and the last
    of each other unit stated in the same stretch — "车辆 2辆，价值 41.02万元；
    其中：…" breaks down both, but "团组0个，累计0人次；公务用车…3.91万元，其中："
    only the 3.91 (a "；" lies between)."""
    if len(last_of) < 2:
        return last_of
    anchor = max(last_of.values(), key=lambda a: a.span.start)
    stretch = last_semicolon_before(text, anchor.span.start)
    return {unit: a for unit, a in last_of.items() if a.span.start > stretch}


def leads_bracket(clause: Clause) -> bool:
    """Does the clause open with a bracket ("（公务用车购置费0.00万元")?"""
    first = clause.tokens[0]
    return first.type == "TEXT" and first.text.startswith(("（", "("))


def brackets(clause: Clause, skip_lead: bool = False) -> int:
    """Brackets the clause opens minus those it closes (its leading one, if
    ``skip_lead``, already counted)."""
    depth = 0
    for token in clause.tokens:
        if token.type == "TEXT" and ("(" in token.text or ")" in token.text or "（" in token.text or "）" in token.text):
            text = token.text
            depth += text.count("（") + text.count("(") - text.count("）") - text.count(")")
    return depth - 1 if skip_lead and leads_bracket(clause) else depth


def track_brackets(ctx: SentenceContext, index: int, clause: Clause) -> None:
    """Enter or leave a bracket before reading ``clause``: after it closes,
    the sentence's lists and last figure are those from before it."""
    if index:
        was = ctx.lists.depth
        ctx.lists.depth = was + brackets(ctx.parsed[index - 1], skip_lead=True)
        if was == 0 and ctx.lists.depth > 0:
            ctx.lists.saved = (ctx.subject.last, dict(ctx.recent.last_of), dict(ctx.lists.by_unit))
        elif was > 0 and ctx.lists.depth <= 0:
            ctx.lists.depth = 0
            if ctx.lists.saved is not None:
                ctx.subject.last, ctx.recent.last_of, ctx.lists.by_unit = ctx.lists.saved[0], dict(ctx.lists.saved[1]), dict(ctx.lists.saved[2])
    if leads_bracket(clause):
        if ctx.lists.depth == 0:
            ctx.lists.saved = (ctx.subject.last, dict(ctx.recent.last_of), dict(ctx.lists.by_unit))
        ctx.lists.depth += 1
    ctx.lists.inside = ctx.lists.depth > 0


def open_lists(ctx: SentenceContext, clause: Clause) -> None:
    """Open (or end) lists as ``clause`` says: "其中", "主要用于以下方面：",
    or another enumeration ("其他用车主要是：…") that ends the 其中 list."""
    has_qizhong = "QIZHONG" in clause.types and any(t.type == "QIZHONG" for t in clause.pre)
    inherited = False
    if has_qizhong and not ctx.recent.last_of and ctx.recent.previous_last:
        # "…4.82 万元，比上年减少…。其中：因公出国（境）费…" — the list after a
        # full stop still breaks down the previous sentence's figure: its last
        # one ("预算为 3.48 万元，支出决算为 3.71 万元，完成…。其中：" most
        # likely breaks down the 3.71).
        ctx.recent.last_of.update(ctx.recent.previous_last)
        inherited = True
    if not has_qizhong and opens_enumeration(clause):
        # ("主要原因是：…" explains; the list goes on after it.)
        ctx.lists.by_unit.clear()
        if ctx.recent.last_of and opens_breakdown(clause):
            # "…支出4,984.93万元，主要用于以下方面：A（类）…" lists the parts of
            # the figure just stated, as 其中 would.
            for unit, head in ctx.recent.last_of.items():
                ctx.lists.by_unit[unit] = Breakdown(head, [], False)
                ctx.lists.open(ctx.lists.by_unit[unit])
    if has_qizhong:
        after_semicolon = _follows_semicolon(ctx, clause)
        for unit, head in heads(ctx.document.text, ctx.recent.last_of).items():
            outer = ctx.lists.by_unit.get(unit)
            nested = outer is not None and outer is not ctx.lists.carried and not ctx.lists.inside
            if nested:
                outer.nested = True
            # When the previous sentence stated two figures of the unit
            # ("收入总计 X…；支出总计 Y…。其中：…"), the list may break down
            # either, or both: its parts are not certain.
            uncertain = inherited and ctx.recent.previous_count.get(unit, 0) > 1
            # "…货物 2703.49 万元、工程 239.56 万元、服务 8941.32 万元；其中一般公共
            # 预算拨款…": after a "；" that ends a run of figures, 其中 may break
            # down the run's total, not its last figure.
            uncertain = uncertain or (after_semicolon and ctx.recent.count.get(unit, 0) > 1)
            ctx.lists.by_unit[unit] = Breakdown(head, [], False, nested=nested or uncertain)
            ctx.lists.open(ctx.lists.by_unit[unit])
            if ctx.lists.inside:
                ctx.lists.in_brackets.add(id(ctx.lists.by_unit[unit]))


def _follows_semicolon(ctx: SentenceContext, clause: Clause) -> bool:
    """Does ``clause`` come right after a "；" of its sentence?"""
    index = ctx.index_of(clause)
    return index > 0 and _separator(ctx, ctx.parsed[index - 1], clause) == 2


def _separator(ctx: SentenceContext, previous: Clause, clause: Clause) -> int:
    """How strongly two clauses are separated: 、 0, ， 1, ； 2."""
    between = ctx.document.text[previous.tokens[-1].end:clause.tokens[0].start]
    if "；" in between or ";" in between:
        return 2
    if "，" in between or "," in between:
        return 1
    return 0


def _last_item(separator: int, established: int, clause: Clause) -> bool:
    """Is a "，" after parts joined by "、" still the list's last item?  "…离退休
    干部用车 0 辆，其他用车 1 辆；" ends its list with a "，", as writers often do;
    only a bare "label figure" clause of the same kind is taken so ("，比上年
    增加…" or "，同时…" is not)."""
    if not (separator == 1 and established == 0 and clause.kind in ("amount", "count")):
        return False
    label = clause.pre_text
    return (
        len(label) >= 2
        and all(t.type == "TEXT" for t in clause.pre)
        and len(clause.core) == 1
        and not label.startswith(_NOT_A_PART)
    )


# Words that open a new statement rather than a list's last item.
_NOT_A_PART = ("同时", "另", "此外", "其中", "合计", "共", "总", "累计", "涉及", "以上", "上述")


def _not_first_of_stretch(ctx: SentenceContext, owner: Breakdown, clause: Clause) -> bool:
    """Since the "；" that followed the list's last part, has another figure
    come first — one that is not the part of a list running in parallel
    (车辆 …辆，价值 …万元)?"""
    boundary = last_semicolon_before(ctx.document.text, clause.tokens[0].start)
    if not owner.parts[-1].span.start < boundary < ctx.recent.latest_at:
        return False
    parallel = ctx.lists.by_unit.get(ctx.recent.latest_unit)
    return not (parallel is not None and any(p.span.start < boundary for p in parallel.parts))


def add_part(ctx: SentenceContext, index: int, clause: Clause, amount: Amount) -> None:
    """Make a plain figure a part of the open list of its unit, or end that
    list when the figure cannot be one of its parts."""
    unit = amount.quantity.unit
    owner = ctx.lists.by_unit.get(unit)
    if ctx.lists.inside and owner is not None and id(owner) not in ctx.lists.in_brackets:
        owner = None  # "（公务用车购置费0.00万元，…）" details a part
    if owner is None or owner.total is amount:
        return
    separator = _separator(ctx, ctx.parsed[index - 1], clause) if index else 3
    established = ctx.lists.separator.get(id(owner))
    if owner.parts and established is not None and separator > established and not _last_item(separator, established, clause):
        del ctx.lists.by_unit[unit]  # "人员经费…、公用经费…；项目支出…"
    elif owner.parts and _not_first_of_stretch(ctx, owner, clause):
        # after "；" a part opens its stretch (or follows the part of a
        # parallel list, "执法执勤用车 0辆，价值 0.00万元"): "…；同时编制绩效目标1个，
        # 涉及资金1,242.82万元" is not one
        del ctx.lists.by_unit[unit]
    else:
        if owner.parts and established is None:
            ctx.lists.separator[id(owner)] = separator
        ctx.lists.add_part(owner, amount)
        if owner is ctx.lists.carried:
            # A carried list takes one leading amount per sentence.
            del ctx.lists.by_unit[unit]


def close_sentence(ctx: SentenceContext) -> None:
    """At the sentence's end: keep its lists, mark the complete ones, and
    leave the newest open when the next sentence may go on with it (its
    parts so far carry shares, or it heads an identity)."""
    reader = ctx.reader
    for item in ctx.lists.opened:
        ctx.emit(item)
    if ctx.lists.carried is not None:
        ctx.lists.carried.complete = is_complete(ctx.lists.carried)
    if ctx.lists.opened:
        newest = ctx.lists.opened[-1]
        window = reader.facts[-len(ctx.parsed) * 2:]  # the latest facts, where the sentence's shares are
        shares = {id(f.part) for f in window if isinstance(f, Share)}
        if (
            not newest.parts
            or all(id(part) in shares for part in newest.parts)
            or heads_identity(newest.total.key)
        ):
            reader.open_breakdown = newest
    for item in ctx.lists.opened:
        item.complete = is_complete(item)
