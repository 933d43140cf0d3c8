"""Explicit arithmetic: "50课时*3500元/课时=17.5万元", "80.00万元×50%=40.00万元".

A product written out with its result is a claim of its own, read from the
paragraph's text (the clause grammar cuts at the "，" a factor may carry).
Money factors carry 元 or 万元; a percentage factor is a fraction.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.facts.model import Expression, Quantity
from linter.numbers import UNIT_TO_WAN, parse_printed, places_of
from linter.sourcemap import Span
from linter.tree import Paragraph

# "1,200" is one number; a number starts and ends at a digit boundary, so
# that a long run of digits is tried once, not from every digit and at every
# length (which made the search quadratic in the run's length).
_EXPR_NUM = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)"
# Each factor "50课时 *" ends at the first * or × after its number, however
# its spaces are split between the \s* and the unit, so it is matched as an
# atomic group: without one, a long run of spaced factors with no "=" after
# them was tried in every split (exponential; a fuzzed line took minutes).
# The run of factors is atomic too: with fewer factors the last number would
# be followed by a "*", which the tail before "=" cannot cross, so giving
# factors back never helps — it only made a long run without "=" quadratic.
# The ``regex`` module has atomic groups on every Python this project supports.
_EXPRESSION_PATTERN = (
    rf"(?P<lhs>(?>(?>{_EXPR_NUM}\s*[^\d*×=，。；,;:]{{0,8}}?\s*/?\s*[*×]\s*)+){_EXPR_NUM}\s*[^\d*×=，。；,;:]{{0,8}}?)"
    rf"\s*=\s*(?P<rhs>{_EXPR_NUM})\s*(?P<unit>万元|元)"
)
_EXPRESSION = None  # compiled on first use (regex is imported only then)


def _expression_pattern():
    global _EXPRESSION
    if _EXPRESSION is None:
        import regex

        _EXPRESSION = regex.compile(_EXPRESSION_PATTERN, regex.VERSION0)
    return _EXPRESSION
_FACTOR = re.compile(rf"(?P<num>{_EXPR_NUM})\s*(?P<unit>[^\d*×=/]*)(?P<per>(?:/[^\d*×=/]+)*)")


def expressions(paragraph: Paragraph) -> list[Expression]:
    """Explicit products "a*b*c=R万元"; money factors carry 元 or 万元."""
    if "=" not in paragraph.text or not ("*" in paragraph.text or "×" in paragraph.text):
        return []
    found = []
    for match in _expression_pattern().finditer(paragraph.text):
        base = paragraph.span.start
        factors = []
        money_factor = Decimal(1)
        for factor in _FACTOR.finditer(match.group("lhs")):
            parsed = parse_printed(factor.group("num"))
            if parsed is None:
                continue
            value, interval = parsed
            unit = factor.group("unit").strip()
            if unit.startswith("%"):
                # "80.00万元×50%": a rate is a fraction
                value, interval = value / 100, interval.scale(Decimal("0.01"))
            if unit.startswith("万元"):
                money_factor = UNIT_TO_WAN["万元"]
            elif unit.startswith("元"):
                money_factor = UNIT_TO_WAN["元"]
            start = base + match.start("lhs") + factor.start("num")
            factors.append(
                Quantity(
                    factor.group("num"), value, interval, unit + factor.group("per"),
                    Span(start, start + len(factor.group("num"))), places_of(factor.group("num")),
                )
            )
        result = parse_printed(match.group("rhs"))
        if len(factors) < 2 or result is None:
            continue
        value, interval = result
        unit = match.group("unit")
        factor = UNIT_TO_WAN[unit]
        rhs_start = base + match.start("rhs")
        result_q = Quantity(
            match.group("rhs"), value * factor, interval.scale(factor), "万元",
            Span(rhs_start, rhs_start + len(match.group("rhs"))), places_of(match.group("rhs")),
        )
        found.append(
            Expression(factors, result_q, match.group(0), Span(base + match.start(), base + match.end()), money_factor)
        )
    return found


