"""The long fuzz run (issue 15): many cases of tests/fuzzing.py's mutation
fuzzer, once, by hand; CI runs a fixed 2,000 (tests/test_fuzz.py).

    nice -n 19 python benchmarks/fuzz.py --cases 100000 [--first 0] [--json out.json]

Prints the number of cases, the failures (case number and what went wrong;
``fuzzing.case_text(number, fuzzing.seed_texts())`` rebuilds a case), the
median CPU time per KB and every case slower than 10x the median (timed
again three times first).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzzing  # noqa: E402


def summarize(report, args, seeds, started: float, rules=None) -> dict:
    """The run's figures; with ``rules``, the cases over 10x the median are
    timed again (three times) first, so a hiccup is not counted."""
    median = report.median_per_kb()
    slow = [(seconds, case) for seconds, case in report.slow_cases()]
    if rules is not None:
        slow = [(fuzzing.retime(case, rules, seeds, 3, args.whole, args.piece), case) for _, case in slow]
        slow = [(seconds, case) for seconds, case in slow if seconds > 10 * median]
    worst = max(report.per_kb) if report.per_kb else (0.0, None)
    return {
        "cases": report.cases,
        "first": args.first,
        "finished": rules is not None,
        "seeds": len(seeds),
        "whole": args.whole,
        "piece": args.piece,
        "failure_count": len(report.failures),
        "failures": [(case, what[-400:]) for case, what in report.failures[:200]],
        "median_ms_per_kb": round(median * 1000, 3),
        "worst_ms_per_kb": round(worst[0] * 1000, 3),
        "worst_case": worst[1],
        "slow_cases": [(round(seconds * 1000, 3), case) for seconds, case in sorted(slow, reverse=True)[:100]],
        "slow_count": len(slow),
        "total_mb": round(report.total_kb / 1000, 2),
        "cpu_seconds": round(report.total_seconds, 1),
        "wall_seconds": round(time.time() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--json")
    parser.add_argument("--whole", type=float, default=0.05, help="share of cases that are whole documents")
    parser.add_argument("--piece", type=int, default=3000, help="longest piece of a document, in characters")
    parser.add_argument("--time-limit", type=int, default=60, help="CPU seconds per case before it counts as a hang")
    args = parser.parse_args()
    from linter.plugins import all_rules

    rules = all_rules()
    seeds = fuzzing.seed_texts()
    started = time.time()

    def write(summary: dict) -> None:
        if args.json:
            Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def progress(report):
        if report.failures:
            print("  last failure:", report.failures[-1][0], report.failures[-1][1].splitlines()[-1][:200], flush=True)
        print(f"{report.cases} cases, {len(report.failures)} failures, {time.time() - started:.0f} s", flush=True)
        write(summarize(report, args, seeds, started))  # figures so far, should the run be stopped

    report = fuzzing.run(args.first, args.cases, rules, seeds, progress, args.time_limit, args.whole, args.piece)
    summary = summarize(report, args, seeds, started, rules)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    write(summary)


if __name__ == "__main__":
    main()
