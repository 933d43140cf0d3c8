"""A mutation fuzzer over the corpus and ../shared/realdocs text, shared by
tests/test_fuzz.py (a fixed budget in every CI run) and
benchmarks/fuzz.py (the long run, done by hand).

Why a hand-written mutator next to Hypothesis: Hypothesis shrinks and
replays, but it draws small inputs; real disclosures are 10-40 KB, and the
failures found so far (a heading numbered 一百, a 40-digit count, a sentence
with thousands of shares) only show in whole documents spliced and
stretched.  The mutator is seeded, so a case is reproduced from its number.

Each case is linted in-process (the CLI's code path without the process
start, which would make 2,000 cases take minutes) and checked for: no
exception, no X001, every issue inside the file, and its CPU time per KB,
which the caller compares with the median.
"""

from __future__ import annotations

import random
import signal
import statistics
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REALDOCS = REPO.parent / "shared" / "realdocs"

NASTY = (
    "%", "％", "%%", "（" * 200, ")" * 50, "【】", "一、", "第二部分", "（十二）", "1.", "\n\n", " ", "\f",
    "9" * 400, "9" * 5000, "1,234,567,890,123.4567万元", "-0.00%", "占 %", "增加 万元，增长 %", "其中：",
    "比上年减少 5 万元，增长 -3%", "\u200b", "\ufeff", "𠀀", "\x00", "\x1b[31m", "\u202e", "\r", "\r\n",
    "……" * 30, "表 1\n", "项目支出绩效自评表\n年度资金总额\n", "总分\n", "=\n", "*3*=", "200元/人/天*15人*30天=",
    "截至 0 年 12 月 31 日", "一百、", "（一百零一）", "九千九百九十九、", "第一百部分", "100.", "（100）",
    "其中：基本支出 1 万元，占 1%，项目支出 2 万元，占 2%，", "1e400", "0." + "0" * 60 + "1", "NaN", "inf",
    "99999999999999999999999999999.99万元", "下设 9999999999999999 个科室", "|" * 40, "\t" * 30,
)

OPERATIONS = ("insert", "delete", "repeat", "line", "splice", "duplicate_line", "swap_digits")


def seed_texts() -> list[tuple[str, str]]:
    """(name, text) of every corpus document and every text in realdocs."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sorted((REPO / "examples").glob("*.txt"))]
    if REALDOCS.is_dir():
        texts += [(path.name, path.read_text(encoding="utf-8")) for path in sorted(REALDOCS.glob("*.txt"))]
    return texts


def mutate(rng: random.Random, text: str, seeds: list[tuple[str, str]]) -> str:
    """A few random edits of ``text``: insertions of hostile pieces, cuts,
    long repeats, stray lines, splices of another document, digit swaps."""
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        operation = rng.choice(OPERATIONS)
        payload = rng.choice(NASTY) if rng.random() < 0.7 else "".join(
            chr(rng.choice((rng.randint(32, 126), rng.randint(0x4E00, 0x9FFF), rng.randint(0, 0x10FFFF))))
            for _ in range(rng.randint(1, 20))
        )
        payload = payload.encode("utf-8", "replace").decode("utf-8", "replace")  # no lone surrogates
        if operation == "insert":
            text = text[:at] + payload + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + rng.randint(1, 400):]
        elif operation == "repeat":
            # Long repeats, up to 20 KB: longer inputs are the benchmark
            # shapes' job (benchmarks/shapes.py), and would make a run crawl.
            times = min(rng.randint(2, 300), max(2, 20_000 // max(len(payload), 1)))
            text = text[:at] + payload * times + text[at:]
        elif operation == "line":
            text = text[:at] + "\n" + payload + "\n" + text[at:]
        elif operation == "splice":
            other = rng.choice(seeds)[1]
            start = rng.randint(0, len(other))
            text = text[:at] + other[start:start + rng.randint(1, 3000)] + text[at:]
        elif operation == "duplicate_line":
            end = text.find("\n", at)
            line = text[at:end if end >= 0 else len(text)]
            text = text[:at] + (line + "\n") * rng.randint(2, 50) + text[at:]
        else:
            text = "".join(rng.choice("0123456789") if ch.isdigit() and rng.random() < 0.3 else ch for ch in text)
    return text


def case_text(number: int, seeds: list[tuple[str, str]], whole: float = 0.2, piece: int = 8000) -> str:
    """The text of fuzz case ``number`` (deterministic): a whole document
    with probability ``whole``, else a piece of one (200 to ``piece``
    characters: short documents are fuzzed too, and a case costs less)."""
    rng = random.Random(number)
    name, text = rng.choice(seeds)
    if rng.random() >= whole:
        start = rng.randint(0, len(text))
        text = text[start:start + rng.randint(200, max(piece, 200))]
    return mutate(rng, text, seeds)


@dataclass
class Report:
    cases: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)  # (case, what went wrong)
    per_kb: list[tuple[float, int]] = field(default_factory=list)  # (CPU seconds per KB, case)
    total_kb: float = 0.0
    total_seconds: float = 0.0

    def median_per_kb(self) -> float:
        return statistics.median(seconds for seconds, _ in self.per_kb) if self.per_kb else 0.0

    def slow_cases(self, factor: float = 10.0) -> list[tuple[float, int]]:
        median = self.median_per_kb()
        return [(seconds, case) for seconds, case in self.per_kb if seconds > factor * median]


class CaseTimeout(BaseException):
    """A case ran past the time limit (a hang or a quadratic)."""


def _timeout(signal_number, frame):
    raise CaseTimeout()


def lint_case(text: str, rules, time_limit: int = 0) -> tuple[float, str | None]:
    """Lint one text; (CPU seconds, what went wrong or None).  With
    ``time_limit`` (CPU seconds, Unix), a case running longer is stopped and
    reported as a hang, with where it was."""
    from linter.engine import lint_document
    from linter.pipeline import parse_text
    from linter.reading import ReadError

    start = time.process_time()
    if time_limit:  # CPU time (SIGPROF): a busy shared machine is no hang
        signal.signal(signal.SIGPROF, _timeout)
        signal.setitimer(signal.ITIMER_PROF, time_limit)
    try:
        document = parse_text(text, "fuzz.txt")
        issues = lint_document(document, rules, lang="en")
    except ReadError:
        return time.process_time() - start, None
    except CaseTimeout:
        return time.process_time() - start, f"over {time_limit} s: " + traceback.format_exc(limit=-4)
    except Exception:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return time.process_time() - start, traceback.format_exc(limit=-3)
    finally:
        if time_limit:
            signal.setitimer(signal.ITIMER_PROF, 0)
    elapsed = time.process_time() - start
    crashed = [issue.message for issue in issues if issue.rule == "X001"]
    if crashed:
        return elapsed, "X001: " + crashed[0]
    line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for issue in issues:
        if not (1 <= issue.line <= issue.end_line <= line_count and issue.column >= 1 and issue.end_column >= 1):
            return elapsed, f"issue outside the file: {issue}"
    return elapsed, None


def run(
    first: int, count: int, rules, seeds=None, progress=None, time_limit: int = 0, whole: float = 0.2, piece: int = 8000
) -> Report:
    """Run cases ``first`` … ``first + count - 1``."""
    seeds = seeds or seed_texts()
    report = Report()
    for number in range(first, first + count):
        text = case_text(number, seeds, whole, piece)
        seconds, failure = lint_case(text, rules, time_limit)
        kilobytes = max(len(text.encode("utf-8")), 1000) / 1000  # fixed costs dominate below 1 KB
        report.cases += 1
        report.total_kb += kilobytes
        report.total_seconds += seconds
        report.per_kb.append((seconds / kilobytes, number))
        if failure:
            report.failures.append((number, failure))
        if progress and report.cases % 500 == 0:
            progress(report)
    return report


def retime(number: int, rules, seeds, tries: int = 3, whole: float = 0.2, piece: int = 8000) -> float:
    """The least CPU time per KB of case ``number`` over ``tries`` runs (a
    case flagged slow is timed again: a shared machine's hiccup is not a
    quadratic)."""
    text = case_text(number, seeds, whole, piece)
    kilobytes = max(len(text.encode("utf-8")), 1000) / 1000
    return min(lint_case(text, rules)[0] for _ in range(tries)) / kilobytes
