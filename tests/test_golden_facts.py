"""Hand-reviewed golden facts of the five corpus documents.

tests/golden/<stem>.facts lists every share, change, breakdown, variance,
completion and expression the tool reads from a corpus document, and
tests/golden/<stem>.tables every table it reads, one compact line each, in
the format :func:`fact_lines` and :func:`table_lines` define below.  Each line
was checked by hand against the document's text (see tests/golden/REVIEW.md):
a reading that is right is written as it is; one that is wrong is written

    KNOWN-WRONG: <the line the tool produces>  ## <why it is wrong>

and one that leaves out or weakens what the text states (a subject or base
not linked, a complete list read as partial, a row's figures not placed)

    KNOWN-MISSING: <the line the tool produces>  ## <what the text says>

so the test still checks that the tool produces it, and fixing the misreading
makes the test fail until the line is corrected (and the mark removed).

The lines use only the facts' documented fields (linter/facts/model.py and
the dataclasses of linter/tables.py), read through the public store
(``load_document(path).facts``), so that a refactoring of how facts are
extracted that keeps their meaning keeps these files.

To draft a file for a new corpus document (never to accept changes blindly):
``python tests/test_golden_facts.py examples/NNN.txt``.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import CORPUS  # noqa: E402
from linter.facts.model import Breakdown, Change, Completion, Expression, Share, Variance  # noqa: E402
from linter.pipeline import load_document  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden"
MARKS = ("KNOWN-WRONG: ", "KNOWN-MISSING: ")
REASON = "  ## "
FACT_KINDS = (Share, Change, Breakdown, Variance, Completion, Expression)


# -- the format ---------------------------------------------------------------


def _line(document, span) -> int:
    return document.location(span).line


def _amount(amount) -> str:
    """An amount as "label=printed figure"; "?" when the fact has none."""
    if amount is None:
        return "?"
    return f"{amount.label or '∅'}={amount.quantity.text}"


def _figure(quantity) -> str:
    return quantity.text if quantity is not None else "-"


def _share(document, fact: Share) -> str:
    named = f" named={fact.total_label}" if fact.total_label else ""
    return f"share {_amount(fact.part)} of {_amount(fact.total)} is {fact.percent.text}{named}"


def _change(document, fact: Change) -> str:
    previous = f" previous {_amount(fact.previous)}" if fact.previous is not None else ""
    rate = f"{fact.rate_direction or '-'} {_figure(fact.rate)}"
    return (
        f"change {_amount(fact.subject)} base={fact.base or '-'} "
        f"{fact.direction} {_figure(fact.amount)} rate {rate}{previous}"
    )


def _breakdown(document, fact: Breakdown) -> str:
    parts = " + ".join(_amount(part) for part in fact.parts)
    flags = ("complete" if fact.complete else "partial") + (" nested" if fact.nested else "")
    return f"breakdown {_amount(fact.total)} = {parts} ({flags})"


def _variance(document, fact: Variance) -> str:
    return (
        f"variance budget {_amount(fact.budget)} final {_amount(fact.final)} "
        f"rate {_figure(fact.rate)} relation {fact.relation or '-'}"
    )


def _completion(document, fact: Completion) -> str:
    return f"completion budget {_amount(fact.budget)} final {_amount(fact.final)} rate {fact.rate.text}"


def _expression(document, fact: Expression) -> str:
    factors = " * ".join(q.text for q in fact.factors)
    return f"expression {fact.text} : {factors} = {fact.result.text}"


_RENDER = {
    Share: _share,
    Change: _change,
    Breakdown: _breakdown,
    Variance: _variance,
    Completion: _completion,
    Expression: _expression,
}


def fact_lines(document) -> list[str]:
    """One line per claim of the prose, in document order: "L<line> <claim>"
    (claims at the same position, such as two breakdowns of one total, in the
    order of their lines, so that the order the extractor emits them in does
    not matter)."""
    claims = [
        (fact.span.start, f"L{_line(document, fact.span)} {_RENDER[type(fact)](document, fact)}")
        for fact in document.facts.of(*FACT_KINDS)
    ]
    return [line for _, line in sorted(claims)]


def _row(document, row) -> str:
    if row.ambiguous:
        placed = "ambiguous"
    else:
        total = row.columns.get("合计")
        placed = f"合计={total.text or '0'}" if total is not None else "合计 not placed"
    return f"  row L{_line(document, row.span)} {row.code or '-'} {row.label} {placed}"


def _funds(document, funds) -> str:
    figures = (funds.initial, funds.budget, funds.spent, funds.weight, funds.rate, funds.score)
    initial, budget, spent, weight, rate, score = (q.text for q in figures)
    return (
        f"  funds L{_line(document, funds.span)} initial={initial} budget={budget} spent={spent} "
        f"weight={weight} rate={rate} score={score}"
    )


def table_lines(document) -> list[str]:
    """Each table read: its kind, unit and title; then its classified rows
    (code, name, placed 合计) or its performance readings (funds rows, 总分
    rows, the indicators read and whether that is all of them)."""
    lines: list[str] = []
    for model in document.facts.tables():
        columns = f" columns={'/'.join(model.columns)}" if model.columns else ""
        lines.append(f"L{_line(document, model.span)} {model.kind} unit={model.unit}{columns} {model.table.title}")
        if model.kind == "classified":
            lines.extend(_row(document, row) for row in model.rows)
        if model.kind == "performance":
            lines.extend(_funds(document, funds) for funds in model.funds)
            lines.extend(
                f"  total L{_line(document, s.span)} weight={s.weight.text} score={s.score.text}"
                for s in model.scores
            )
            complete = "complete" if model.indicators_complete else "incomplete"
            lines.append(f"  indicators {len(model.indicators)} ({complete})")
    return lines


# -- the golden files -----------------------------------------------------------


def golden_entries(path: Path) -> list[tuple[str, str | None, str | None]]:
    """The (line, mark, reason) triples of a golden file: mark and reason are
    None for a reading reviewed as right, the mark (KNOWN-WRONG, KNOWN-MISSING)
    and its stated reason otherwise.  Blank lines and lines starting with "#"
    are comments."""
    entries = []
    for text in path.read_text(encoding="utf-8").splitlines():
        if not text.strip() or text.startswith("#"):
            continue
        mark = next((m for m in MARKS if text.startswith(m)), None)
        if mark:
            line, _, reason = text[len(mark):].partition(REASON)
            entries.append((line.rstrip(), mark.rstrip(": "), reason.strip()))
        else:
            entries.append((text.rstrip(), None, None))
    return entries


def _compare(expected: list[str], got: list[str], name: str) -> None:
    if expected != got:
        diff = "\n".join(difflib.unified_diff(expected, got, f"tests/golden/{name}", "the tool now", lineterm=""))
        pytest.fail(
            f"the tool's readings differ from the reviewed golden file {name}: review each changed "
            f"line against the document text and update the file (keep the KNOWN-WRONG and KNOWN-MISSING marks honest)\n{diff}",
            pytrace=False,
        )


IDS = [path.stem[:3] for path in CORPUS]


@pytest.fixture(scope="module")
def documents():
    return {path.stem: load_document(str(path)) for path in CORPUS}


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_prose_facts_match_the_reviewed_golden_file(path, documents):
    name = f"{path.stem}.facts"
    expected = [line for line, _, _ in golden_entries(GOLDEN / name)]
    _compare(expected, fact_lines(documents[path.stem]), name)


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_table_readings_match_the_reviewed_golden_file(path, documents):
    name = f"{path.stem}.tables"
    expected = [line for line, _, _ in golden_entries(GOLDEN / name)]
    _compare(expected, table_lines(documents[path.stem]), name)


@pytest.mark.parametrize("suffix", ["facts", "tables"])
def test_every_known_misreading_says_why(suffix):
    for path in CORPUS:
        for line, mark, reason in golden_entries(GOLDEN / f"{path.stem}.{suffix}"):
            assert mark is None or reason, f"{path.stem}.{suffix}: {mark} without a reason: {line}"


def test_the_golden_format_tells_a_wrong_part_from_a_right_one():
    """The comparison can fail: a share whose part or total is read from the
    wrong figure renders differently (the format carries label and figure)."""
    from linter.pipeline import parse_text

    right = parse_text("本年支出 427.08 万元，其中：基本支出 295.95 万元，占比为 69.30%。")
    other = parse_text("本年支出 427.08 万元，其中：项目支出 295.95 万元，占比为 69.30%。")
    (line,) = [line for line in fact_lines(right) if " share " in line]
    assert line == "L1 share 基本支出=295.95 万元 of 本年支出=427.08 万元 is 69.30%"
    assert line not in fact_lines(other)


def draft(path: str) -> str:
    """A first draft of the two golden files of a document, for review."""
    document = load_document(path)
    return "\n".join(fact_lines(document) + ["", "# tables"] + table_lines(document))


if __name__ == "__main__":  # pragma: no cover - a drafting aid
    for argument in sys.argv[1:]:
        print(draft(argument))
