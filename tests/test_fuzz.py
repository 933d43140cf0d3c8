"""The CI fuzz run (issue 15): a fixed budget of mutated disclosures, from
the corpus and ../shared/realdocs text (tests/fuzzing.py), plus a
Hypothesis run over arbitrary text; no exception, no X001, no issue outside
the file, and no case slower than 10x the median CPU time per KB.  The long
run (100,000 cases) is ``python benchmarks/fuzz.py``."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from linter.plugins import all_rules

RULES = all_rules()
CASES = 2_000  # the run is the same every time (seeded)
WHOLE, PIECE = 0.02, 3000  # 2% whole documents, else pieces of up to 3,000 characters


@pytest.fixture(scope="module")
def fuzz_run():
    seeds = fuzzing.seed_texts()
    return seeds, fuzzing.run(0, CASES, RULES, seeds, time_limit=60, whole=WHOLE, piece=PIECE)


def test_mutation_fuzz_budget_no_crash_no_x001(fuzz_run):
    seeds, report = fuzz_run
    assert report.cases == CASES
    assert report.failures == [], report.failures[:3]


def test_mutation_fuzz_budget_no_case_slower_than_10x_the_median(fuzz_run):
    seeds, report = fuzz_run
    median = report.median_per_kb()
    slow = [(fuzzing.retime(case, RULES, seeds, 2, WHOLE, PIECE), case) for _, case in report.slow_cases(10)]
    assert [case for seconds, case in slow if seconds > 10 * median] == [], (median, slow)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.text(alphabet=st.sampled_from("一二三百千、（）()0123456789.%万元，。：其中占比增长\n "), max_size=2000))
def test_hypothesis_numbering_and_numbers_never_crash(text):
    seconds, failure = fuzzing.lint_case(text, RULES)
    assert failure is None, failure


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "目", " ", "\u3000", ".", "…", "·", "-", "_", "1", "２", "٣", "²", "\t"]), max_size=16))
def test_the_linear_toc_entry_reads_lines_as_the_regex_did(line):
    """parsing.toc_entry replaced _TOC_ENTRY.match (quadratic on a line of
    thousands of leaders); on short lines both must agree."""
    from linter.parsing import _TOC_ENTRY, toc_entry

    match = _TOC_ENTRY.match(line)
    expected = (match.group("text").strip(), int(match.group("page")) if match.group("page") else None) if match else None
    found = toc_entry(line)
    assert (None if found is None else (found[0].strip(), found[1])) == expected
