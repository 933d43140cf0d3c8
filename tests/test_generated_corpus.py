"""The generated corpus (benchmarks/generate.py) as a false-positive test:
documents consistent by construction lint clean, and each planted error is
reported by the rule that owns it."""

from __future__ import annotations

import sys

import pytest

from conftest import REPO
from linter.engine import lint_document
from linter.pipeline import parse_text
from linter.plugins import all_rules

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import INJECTIONS, generate  # noqa: E402

RULES = all_rules()


@pytest.mark.parametrize("block", range(6))
def test_consistent_documents_lint_clean(block):
    for seed in range(block * 15, block * 15 + 15):
        document = parse_text(generate(seed), f"generated_{seed}.txt")
        issues = lint_document(document, RULES)
        assert issues == [], (seed, [(i.rule, i.line, i.message) for i in issues])
        assert document.info.kind == "final_account"
        assert len([f for f in document.facts if f.kind == "share"]) >= 7  # the claims are read


@pytest.mark.parametrize("kind", sorted(INJECTIONS))
def test_each_planted_error_is_reported(kind):
    for seed in (1000, 1001, 1002):
        document = parse_text(generate(seed, inject=kind), f"injected_{kind}_{seed}.txt")
        codes = {issue.rule for issue in lint_document(document, RULES)}
        assert INJECTIONS[kind] in codes, (kind, seed, codes)
