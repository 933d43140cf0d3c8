"""The engine: a crashing rule is reported, the other rules still run."""

from __future__ import annotations

from linter.engine import lint_document
from linter.issues import Message
from linter.pipeline import parse_text
from linter.plugins import all_rules
from linter.rule import Rule


class Crashes(Rule):
    code = "T900"
    name = "crashes"
    summary = Message("会崩溃", "crashes")

    def check(self, document):
        raise ZeroDivisionError("boom")


def test_a_crashing_rule_does_not_stop_the_others():
    document = parse_text("一、甲\n\n正文。\n\n三、乙\n", path="draft.txt")
    rules = [Crashes(), *all_rules()]
    issues = lint_document(document, rules, lang="en")
    codes = [issue.rule for issue in issues]
    assert "S101" in codes and "X001" in codes
    internal = next(i for i in issues if i.rule == "X001")
    assert "T900" in internal.message and "draft.txt" in internal.message and "ZeroDivisionError" in internal.message


def test_issues_are_sorted_by_position():
    document = parse_text("二、甲\n\n正文。\n\n二、乙\n\n（二）丙\n")
    issues = lint_document(document, all_rules())
    assert [(i.line, i.column) for i in issues] == sorted((i.line, i.column) for i in issues)
    assert len(issues) == 3
