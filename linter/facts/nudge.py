"""Shares nudged to make 100%: which printed share was moved, and whether
the move was the usual rounding practice or a wrong figure.

When the shares of a breakdown, each rounded honestly, do not add up to
100.00%, writers move one share by one unit of its last digit so that the
printed shares do.  Both share rules need to know such a share: N105 reports
the practice as information, and N101 must not report the same figure a
second time as an error (reviewers counted that a false alarm).

Which nudges are practice?  In the reviewed real documents, a share *raised*
one unit to make up a shortfall (honest shares 65.55 + 17.94 + 16.5 = 99.99,
printed 65.56) was judged the practice; a share *lowered* to remove an excess
(86.05 + 3.52 + 0.88 + 9.56 = 100.01, printed 9.55; 49.5 + 14.3 + 36.3 =
100.1, printed 49.4) was judged a wrong figure — the document states a share
below what its own amounts give.  So a raise is a forgivable nudge, and so is
a print the amounts' own rounding allows; a share lowered beyond rounding
stays N101's error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from weakref import WeakKeyDictionary

from linter.facts.model import Breakdown, Share
from linter.numbers import Interval, percent_mismatch, rounded


@dataclass(frozen=True)
class Nudge:
    share: Share
    natural: Decimal  # the share its amounts give, at its printed places
    natural_sum: Decimal  # the group's shares honestly rounded, added up
    within: bool  # the printed share is still possible within the amounts' rounding

    @property
    def raised(self) -> bool:
        """Was the share raised to make up a shortfall (the practice)?"""
        return self.natural_sum < 100

    @property
    def forgivable(self) -> bool:
        """Information, not an error: a raise, or a print rounding allows."""
        return self.raised or self.within


# The nudges of each fact store: both share rules ask for them.
_FOUND: "WeakKeyDictionary[object, dict[int, Nudge]]" = WeakKeyDictionary()


def nudges(facts) -> dict[int, Nudge]:
    """id(share) -> its nudge, for every breakdown whose printed shares make
    exactly 100 only because one of them is one unit off what its amounts —
    which pin it down — give.  Found once per store (the caller must not
    change the dictionary)."""
    found = _FOUND.get(facts)
    if found is None:
        found = _FOUND[facts] = _find_nudges(facts)
    return found


def _find_nudges(facts) -> dict[int, Nudge]:
    shares = {id(fact.part): fact for fact in facts.of(Share)}
    found: dict[int, Nudge] = {}
    for fact in facts.of(Breakdown):
        nudge = _nudge_of(fact, [shares.get(id(part)) for part in fact.parts])
        if nudge is not None:
            found[id(nudge.share)] = nudge
    return found


def _nudge_of(fact: Breakdown, group: list) -> Nudge | None:
    if fact.nested or len(group) < 2 or any(s is None or s.total is not fact.total for s in group):
        return None
    total = fact.total.quantity
    parts = Interval.exact(0)
    for part in fact.parts:
        parts = parts + part.quantity.interval
    if total.value == 0 or total.interval.contains_zero() or not parts.intersects(total.interval):
        return None
    if sum(share.percent.value for share in group) != 100:
        return None
    natural = [rounded(s.part.quantity.value / total.value * Decimal(100), s.percent.places) for s in group]
    if sum(natural) == 100:
        return None
    off = [(share, value) for share, value in zip(group, natural) if value != share.percent.value]
    if len(off) != 1:
        return None
    share, value = off[0]
    unit = Decimal(1).scaleb(-share.percent.places)
    spread = share.part.quantity.interval / total.interval
    if abs(value - share.percent.value) != unit or spread is None or (spread.hi - spread.lo) * 100 >= unit:
        return None  # more than one unit off, or small amounts that allow several honest prints
    within = percent_mismatch(spread, share.percent.interval, share.percent.places) is None
    return Nudge(share, value, sum(natural), within)
