"""Labels of figures, reduced so that two names of one figure match.

"2024年度收入总计" and "收入总计" name one figure; "一般公共预算财政拨款支出"
may be referred to as "财政拨款支出".  Every stage that looks a figure up by
its name (the share's total, the change's subject, the store's ``with_key``)
goes through :func:`label_key` and :func:`keys_match`, so they agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words around a label that do not change what it names.
LABEL_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|其中|:|\s|的|“|”|\"|'|《|》")
_LABEL_SUFFIX = re.compile(r"(?:合计|总计|总额|总数|金额|数额|资金|为|是|共|共计|数)+$")
_STAGE_SUFFIX = re.compile(r"(?:年初|全年)?(?:预算|决算)$")


@lru_cache(maxsize=8192)
def label_key(label: str, unit_name: str | None = None) -> str:
    """Reduce a label for matching: drop the unit's own name, years, 其中,
    quotes, and suffixes such as 合计/总计/数/为."""
    text = label
    if unit_name:
        text = text.replace(unit_name, "")
    text = LABEL_NOISE.sub("", text)
    text = text.replace("(", "").replace(")", "")
    previous = None
    while previous != text:
        previous = text
        text = _LABEL_SUFFIX.sub("", text)
        text = _STAGE_SUFFIX.sub("", text) if len(text) > 4 else text
    return text


def keys_match(a: str, b: str) -> bool:
    """Do two label keys name one figure: equal, or the longer ending in a
    shorter one that is specific enough (four characters or more)?"""
    if not a or not b:
        return False
    if a == b:
        return True
    # "一般公共预算财政拨款支出" may be named as "财政拨款支出", but a bare
    # "支出" or "收入" names nothing in particular.
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.endswith(shorter)


def squeezed(label: str) -> str:
    """A label without years, spaces and quotes, for comparing its ending."""
    return LABEL_NOISE.sub("", label)
