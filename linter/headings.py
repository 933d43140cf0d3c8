"""Recognise the numbering that opens a heading line.

Disclosures number their outline with five styles, outermost first:
第一部分 (part), 一、 (section), （一） (subsection), 1. / 1、 (item) and
（1） (sub-item).  This module only says what a line *could* be; whether it
really is a heading (and not a table cell such as "二、三年级" or a wrapped
sentence) is decided by the normalizer, which knows the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = ("part", "section", "subsection", "item", "subitem")
LEVEL_DEPTH = {name: depth for depth, name in enumerate(LEVELS)}

_CN = "零〇一二三四五六七八九十百千"
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# Patterns run on folded text (full-width brackets, colon and digits already
# half-width).  Group "num" is the numeral, group "sep" ends the numbering.
_PATTERNS = (
    ("part", re.compile(rf"^(?P<num>第\s*(?P<n>[{_CN}]+)\s*部分)(?P<sep>\s*[:：]?\s*)")),
    ("section", re.compile(rf"^(?P<num>(?P<n>[{_CN}]+)\s*(?:、|\.(?!\d)))(?P<sep>\s*)")),
    ("subsection", re.compile(rf"^(?P<num>\(\s*(?P<n>[{_CN}]+)\s*\))(?P<sep>\s*)")),
    ("item", re.compile(r"^(?P<num>(?P<n>\d{1,2})\s*[.、](?!\d))(?P<sep>\s*)")),
    ("subitem", re.compile(r"^(?P<num>\(\s*(?P<n>\d{1,2})\s*\))(?P<sep>\s*)")),
)

# "二、三年级", "一、二、三": a numeral right after the numbering is an
# enumeration of numerals, not a heading.
_ENUMERATION = re.compile(rf"^[{_CN}]+\s*(?:、|年|个|类|级|至|到|-)")


@dataclass(frozen=True)
class Numbering:
    """The numbering at the start of a line: its level, as printed, as int."""

    level: str
    label: str  # the numeral as printed, e.g. "十二" or "3"
    value: int
    end: int  # offset in the line where the numbering (and its spaces) ends
    number_end: int  # offset where the numbering itself ends (before spaces)


def chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral up to 9,999 (一 … 十二 … 一百零一 … 九千九百九十九),
    or of Arabic digits.  Lenient as printed numbering is (一二 reads as 二,
    as it always has); a numeral that would not fit a heading (more than six
    Arabic digits) is None, never a huge int."""
    if not text:
        return None
    if text.isdigit():
        return int(text) if len(text) <= 6 else None
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_DIGIT_NAMES = "零一二三四五六七八九"


def chinese_label(value: int) -> str:
    """A number as printed in a Chinese numbering (the inverse of
    :func:`chinese_numeral`): 十二, 一百零一, 三千零五十; past 9,999 (which no
    outline reaches) Arabic digits, never an error."""
    if value < 0 or value > 9999:
        return str(value)
    if value < 10:
        return _DIGIT_NAMES[value]
    if value < 20:
        return "十" + (_DIGIT_NAMES[value - 10] if value > 10 else "")
    out, zero_pending = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero_pending and out:
                out += "零"
            out += _DIGIT_NAMES[digit] + name
            zero_pending = False
        elif out:
            zero_pending = True
    return out


_OPENERS = frozenset("第(0123456789" + _CN)


def match_numbering(folded: str) -> Numbering | None:
    """Return the heading numbering that opens ``folded``, if any."""
    if not folded or folded[0] not in _OPENERS:
        return None  # most lines: no numbering can start with their first character
    for level, pattern in _PATTERNS:
        match = pattern.match(folded)
        if not match:
            continue
        value = chinese_numeral(match.group("n"))
        if not value:
            return None
        rest = folded[match.end():]
        if level in ("section", "subsection") and _ENUMERATION.match(rest):
            return None
        return Numbering(level, match.group("n"), value, match.end(), match.end("num"))
    return None


# Headings that some templates print without a number.  Only a short line
# standing on its own is tested against these, so a sentence that merely
# mentions 情况说明 never becomes a heading.
UNNUMBERED_PART = re.compile(
    r"(?:单位概况|部门概况|(?:部门|单位)(?:决算|预算)(?:情况)?说明|(?:专业)?名词解释"
    r"|(?:部门|单位)?(?:决算|预算)(?:报表|公开表)(?:\(见附表\))?)$"
)
UNNUMBERED_SECTION = re.compile(
    r"(?:情况说明|主要职能|部门职能|机构设置(?:及|和)人员情况|决算单位构成|需说明的事项)$"
)


def unnumbered_level(folded: str) -> str | None:
    """Level of a short stand-alone line that names a known section."""
    text = folded.strip()
    if len(text) > 40 or re.search(r"[。，,；;:：!！?？]", text):
        return None
    if UNNUMBERED_PART.search(text):
        return "part"
    if UNNUMBERED_SECTION.search(text):
        return "section"
    return None
