"""Printed numbers as intervals, and arithmetic that never cries wolf.

A disclosure prints 434.50 for any true value in [434.495, 434.505] and 14.11%
for any rate in [14.105%, 14.115%].  A claim is inconsistent only when *no*
choice of true values inside those intervals makes it hold (the idea of XBRL
Calculations 1.1).  Every bound is computed with :class:`decimal.Decimal`;
there is no float and no tolerance picked by eye.  The half-unit comes from
the printed precision, so "1万元" stands for 0.5–1.5 and "100%" for 99.5–100.5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext

# Amounts are compared in 万元 (the unit of the narrative).
UNIT_TO_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "亿": Decimal(10000)}
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi] of Decimals."""

    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(value: Decimal | int) -> "Interval":
        value = Decimal(value)
        return Interval(value, value)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: "Interval") -> "Interval":
        products = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(products), max(products))

    def scale(self, factor: Decimal) -> "Interval":
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def __truediv__(self, other: "Interval") -> "Interval | None":
        """Quotient interval; None when the divisor may be zero (unbounded)."""
        if other.contains_zero():
            return None
        pairs = ((self.lo, other.lo), (self.lo, other.hi), (self.hi, other.lo), (self.hi, other.hi))
        # Round outward, so that an interval touching a bound only at its very
        # edge (3347.875 …) still touches it after division.
        with localcontext() as ctx:
            ctx.prec, ctx.rounding = 34, ROUND_FLOOR
            lo = min(a / b for a, b in pairs)
        with localcontext() as ctx:
            ctx.prec, ctx.rounding = 34, ROUND_CEILING
            hi = max(a / b for a, b in pairs)
        return Interval(lo, hi)

    def intersects(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def describe(self, places: int = 2, suffix: str = "") -> str:
        """"14.11%" when the interval rounds to one printed value, else a range."""
        quantum = Decimal(1).scaleb(-places)
        with localcontext() as ctx:
            # Enough digits for any printed number, however long.
            ctx.prec = max(28, _digits(self.lo), _digits(self.hi)) + places + 2
            lo, hi = self.lo.quantize(quantum), self.hi.quantize(quantum)
        if lo == hi:
            return f"{lo}{suffix}"
        return f"{lo}{suffix}–{hi}{suffix}"


def half_unit(text: str) -> Decimal:
    """Half a unit of the last printed digit of a plain number string."""
    places = len(text.split(".", 1)[1]) if "." in text else 0
    return Decimal(5).scaleb(-(places + 1))


def parse_printed(text: str) -> tuple[Decimal, Interval] | None:
    """"1,286.27" / "-1.47" / "１００" → value and the interval it stands for.

    Thousands separators (also a full-width comma between digit groups) are
    dropped; anything else that is not a plain number gives None.
    """
    cleaned = text.translate(str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")).replace(",", "").replace("，", "")
    cleaned = cleaned.replace(" ", "").replace("\u3000", "")  # "4 761.69" from a PDF
    cleaned = cleaned.strip()
    if not _NUMBER.match(cleaned):
        return None
    value = Decimal(cleaned)
    half = half_unit(cleaned)
    return value, Interval(value - half, value + half)


def places_of(text: str) -> int:
    cleaned = text.replace(",", "").replace("，", "").rstrip("%％")
    return len(cleaned.split(".", 1)[1]) if "." in cleaned else 0


def to_wan(interval: Interval, unit: str) -> Interval:
    return interval.scale(UNIT_TO_WAN.get(unit, Decimal(1)))


def ratio_as_percent(ratio: Interval) -> Interval:
    return ratio.scale(Decimal(100))


def rounded(value: Decimal, places: int) -> Decimal:
    """Round half up to the printed precision (how templates round)."""
    with localcontext() as ctx:
        ctx.prec = max(28, _digits(value)) + places + 2
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _digits(value: Decimal) -> int:
    """Digits before the decimal point (0 for non-finite values)."""
    return max(value.adjusted() + 1, 0) if value.is_finite() else 0


def percent_mismatch(ratio: Interval | None, printed: Interval, places: int) -> str | None:
    """What a printed percentage should be, when it cannot be ``ratio``.

    ``ratio`` is the interval of the true ratio (None when its divisor may be
    zero: then anything holds); ``printed`` the interval the printed
    percentage stands for.  Returns the expected value, described at the
    printed precision, or None when some true values make the claim hold.
    """
    if ratio is None:
        return None
    expected = ratio_as_percent(ratio)
    if expected.intersects(printed):
        return None
    return expected.describe(places, "%")


def at_places(quantity, places: int) -> Interval:
    """The interval a printed figure stands for in a table that prints such
    figures to ``places`` decimals somewhere: a table that prints "16.25"
    would print a score of 19.6 as "19.6", so its "20" is 20 to that
    precision — not 19.5–20.5, which would leave a sum of ten integer scores
    ±5 wide."""
    if quantity.places >= places:
        return quantity.interval
    half = Decimal(5).scaleb(-(places + 1))
    return Interval(quantity.value - half, quantity.value + half)
