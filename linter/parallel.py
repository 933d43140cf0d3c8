"""Linting many files in parallel processes (``--jobs N``).

Parsing and rules are pure Python, so threads would share one interpreter
lock; processes scale with the CPUs.  Each worker loads the plugins itself
and keeps the rules whose codes the parent selected (rule objects come from
modules loaded by path, which a child started with ``spawn`` or
``forkserver`` could not unpickle).  Results come back in the order of the
paths, so the report is identical to a serial run.  Standard input can only
be read once, by the parent, so ``-`` is always linted there.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from linter.engine import FileResult, lint_path
from linter.pipeline import Overrides

_worker_rules: list = []


def _init_worker(codes: tuple[str, ...]) -> None:
    from linter.plugins import all_rules

    global _worker_rules
    _worker_rules = [rule for rule in all_rules() if rule.code in codes]


def _lint_in_worker(path: str, lang: str, overrides: Overrides | None) -> FileResult:
    return lint_path(path, _worker_rules, lang, overrides)


def lint_paths(paths: list[str], rules: list, lang: str, overrides: Overrides | None, jobs: int = 1) -> list[FileResult]:
    """Lint ``paths`` with ``jobs`` processes (0: one per CPU)."""
    jobs = jobs or os.cpu_count() or 1
    in_pool = [path for path in paths if path != "-"]
    jobs = min(jobs, len(in_pool))
    if jobs <= 1:
        return [lint_path(path, rules, lang, overrides) for path in paths]
    codes = tuple(rule.code for rule in rules)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(codes,)) as pool:
        futures = {path: pool.submit(_lint_in_worker, path, lang, overrides) for path in dict.fromkeys(in_pool)}
        return [lint_path(path, rules, lang, overrides) if path == "-" else futures[path].result() for path in paths]
