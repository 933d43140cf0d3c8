"""The figures a reader has seen so far, and how a name finds one of them.

A share names its total ("占一般公共预算财政拨款支出的"), a change names its
subject ("收入支出总体与上年相比"): both are resolved here against the
amounts stated earlier in the document — by exact label key first, then by
the ending of a label among the recent figures only, since a reference
reaches back a few paragraphs, not across the document.
"""

from __future__ import annotations

import re
from itertools import islice

from linter.facts.labels import keys_match, label_key
from linter.facts.model import Amount

RECENT = 400  # how many recent figures a label named by its ending is looked for in
_INCOME_AND_SPENDING = re.compile(r"(?:收入支出|收支)(?:总体)?$")


class Figures:
    """Every amount of the document so far, in order and by label key."""

    def __init__(self, unit_name: str | None) -> None:
        self.unit_name = unit_name
        self.amounts: list[Amount] = []
        self.by_key: dict[str, list[Amount]] = {}

    def add(self, amount: Amount) -> None:
        self.amounts.append(amount)
        self.by_key.setdefault(amount.key, []).append(amount)

    def recent(self):
        """The last RECENT amounts, latest first (an iterator: it is walked
        once per lookup, and a copy of the list would cost more than the walk)."""
        return islice(reversed(self.amounts), RECENT)

    def find(self, key: str, before: int, role: str | None = None) -> Amount | None:
        """The latest amount whose label is ``key`` (or, failing that, ends
        with it or is its ending), printed before ``before``."""
        def usable(amount: Amount) -> bool:
            if role is None:
                return amount.span.start < before and amount.role not in ("prior", "approx")
            return amount.span.start < before and amount.role == role

        exact = next((a for a in reversed(self.by_key.get(key, ())) if usable(a)), None)
        if exact is not None:
            return exact
        return next((a for a in self.recent() if usable(a) and keys_match(a.key, key)), None)

    def named_total(self, key: str, before: int) -> Amount | None:
        """The total a share names ("占项目支出的"), unless the document has
        stated two different figures under that name by then — 项目支出 of
        all funds and of the 一般公共预算 — and the share could mean either, or
        the figure found is named less precisely than the share names it."""
        total = self.find(key, before)
        if total is None or len(total.key) < len(key):
            # "占一般公共预算项目支出总额的" is not said of a figure labelled
            # just 项目支出: the name says more than the figure found.
            return None
        same_name = [a for a in self.by_key.get(total.key, ()) if a.role == "amount" and a.span.start < before]
        # …or a more precise name ending in it: "占基本支出的" may mean the
        # 一般公共预算财政拨款基本支出 stated nearby as well as the 基本支出.
        same_name += [
            a for a in self.recent()
            if a.role == "amount" and a.span.start < before and a.key != total.key and a.key.endswith(key)
        ]
        # The same figure printed twice at two precisions (15.91亿元,
        # 159,066.57万元) is one figure; two that cannot be equal are two.
        agree = all(a.quantity.interval.intersects(total.quantity.interval) for a in same_name)
        return total if agree else None

    def subject(self, text: str, before: int) -> Amount | None:
        """Resolve a change's subject ("收入支出总体", "一般公共预算财政拨款支出")."""
        key = label_key(text, self.unit_name)
        if not key:
            return None
        both = _INCOME_AND_SPENDING.search(key)
        if both:
            # "财政拨款收入支出总体" is the total both of income and of spending.
            stem = key[: both.start()]
            income = self.find(stem + "收入", before)
            spending = self.find(stem + "支出", before)
            if income and spending and income.quantity.value == spending.quantity.value:
                return income
            return None
        return self.find(key, before)
