"""Every rule's own examples: each failing example fires, each passing one
does not (the same examples `disclint explain` prints)."""

from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.pipeline import Overrides, parse_text
from linter.plugins import all_rules

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{'fail' if example.fails else 'pass'}-{n}")
    for rule in all_rules()
    for n, example in enumerate(rule.examples)
]


def test_every_checking_rule_has_both_kinds_of_example():
    for rule in all_rules():
        if rule.code[0] in "EX":
            continue
        assert any(e.fails for e in rule.examples), rule.code
        assert any(not e.fails for e in rule.examples), rule.code


@pytest.mark.parametrize("rule,example", CASES)
def test_rule_example(rule, example):
    document = parse_text(example.text, overrides=Overrides(kind=example.kind, year=example.year))
    codes = [issue.rule for issue in lint_document(document, [rule])]
    if example.fails:
        assert rule.code in codes
    else:
        assert codes == []


def test_corpus_has_no_numbering_issues(corpus_path):
    """The hand review (tests/data/sections/REVIEW.md) found no numbering gap,
    repeat or reversal in any corpus document."""
    from linter.pipeline import load_document

    document = load_document(str(corpus_path))
    rule = next(r for r in all_rules() if r.code == "S101")
    assert lint_document(document, [rule]) == []
