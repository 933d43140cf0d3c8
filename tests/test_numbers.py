"""Interval arithmetic over printed precision, and the property that matters
most: a claim computed from true values and printed honestly is never flagged."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.engine import lint_document
from linter.numbers import Interval, parse_printed, to_wan
from linter.pipeline import parse_text
from linter.plugins import all_rules

NUMBER_RULES = [rule for rule in all_rules() if rule.code.startswith("N")]


def test_printed_precision_sets_the_interval():
    assert parse_printed("434.50")[1] == Interval(Decimal("434.495"), Decimal("434.505"))
    assert parse_printed("1")[1] == Interval(Decimal("0.5"), Decimal("1.5"))
    assert parse_printed("1,286.27")[0] == Decimal("1286.27")
    assert parse_printed("3，518.85")[0] == Decimal("3518.85")
    assert parse_printed("-1.47")[0] == Decimal("-1.47")
    assert parse_printed("１００．００")[0] == Decimal("100.00")
    assert parse_printed("12a") is None


def test_interval_operations():
    a, b = Interval(Decimal(1), Decimal(2)), Interval(Decimal(3), Decimal(5))
    assert a + b == Interval(Decimal(4), Decimal(7))
    assert b - a == Interval(Decimal(1), Decimal(4))
    quotient = a / b
    assert quotient.lo == Decimal("0.2")
    assert Decimal("0.6666666666666666") < quotient.hi and quotient.hi * 3 >= 2  # rounded outward
    assert a / Interval(Decimal(-1), Decimal(1)) is None  # may divide by zero
    assert to_wan(Interval(Decimal(3500), Decimal(3500)), "元") == Interval(Decimal("0.35"), Decimal("0.35"))


def test_domain_example_holds_only_thanks_to_rounding():
    """domain.md: 0.17 with an increase of 0.04 may honestly be 31.82%."""
    document = parse_text("公务接待费 0.17 万元，比上年增加 0.04 万元，增长 31.82%。")
    assert lint_document(document, NUMBER_RULES) == []


def money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def pct(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=4)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(AMOUNTS, min_size=2, max_size=5), previous=AMOUNTS)
def test_honestly_printed_claims_are_never_flagged(parts, previous):
    """Take true values, print them to 0.01 as a template would, and lint:
    shares, their sum, the breakdown and the change rate must all pass."""
    total = sum(parts)
    change = total - previous
    direction, rate_word = ("增加", "增长") if change >= 0 else ("减少", "下降")
    clauses = [f"本年支出 {money(total)} 万元，比上年{direction} {money(abs(change))} 万元，{rate_word} {pct(abs(change) / previous * 100)}%。"]
    listed = "；".join(
        f"项目{n} {money(part)} 万元，占 {pct(part / total * 100)}%" for n, part in enumerate(parts, 1)
    )
    clauses.append(f"本年支出 {money(total)} 万元，其中：{listed}。")
    document = parse_text("\n\n".join(clauses))
    kinds = [fact.kind for fact in document.facts]
    assert kinds.count("share") == len(parts) and kinds.count("breakdown") == 1
    (change_fact,) = [fact for fact in document.facts if fact.kind == "change"]
    assert change_fact.subject is not None and change_fact.rate is not None
    issues = [i for i in lint_document(document, NUMBER_RULES) if i.severity != "info"]
    assert issues == [], "\n".join(clauses)


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.decimals(min_value=Decimal(100), max_value=Decimal(99999), places=2), min_size=2, max_size=5),
    bump=st.sampled_from(["0.5", "-0.5", "3", "-3"]),
)
def test_a_wrong_share_is_always_flagged(parts, bump):
    """Amounts of at least 100 万元 printed to 0.01 pin a share far tighter
    than 0.5 points, so a share off by that much is always reported."""
    total = sum(parts)
    shares = [(part / total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for part in parts]
    shares[0] += Decimal(bump)
    listed = "；".join(f"项目{n} {money(part)} 万元，占 {share}%" for n, (part, share) in enumerate(zip(parts, shares), 1))
    document = parse_text(f"本年支出 {money(total)} 万元，其中：{listed}。")
    codes = {issue.rule for issue in lint_document(document, NUMBER_RULES)}
    assert "N101" in codes
