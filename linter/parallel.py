"""Linting many files in parallel processes (``--jobs N``).

Parsing and rules are pure Python, so threads would share one interpreter
lock; processes scale with the CPUs.  Each worker loads the plugins itself
and builds the rules from the same :class:`~linter.ruleset.RuleSpec` as the
parent (rule objects come from modules loaded by path, which a child started
with ``spawn`` or ``forkserver`` could not unpickle).  Results come back in the order of the
paths, so the report is identical to a serial run.  Standard input can only
be read once, by the parent, so ``-`` is always linted there.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from linter.engine import FileResult, lint_path
from linter.pipeline import Overrides

from linter.ruleset import RuleSpec, build_rules

_worker_rules: dict[RuleSpec, list] = {}


def _lint_in_worker(
    path: str, spec: RuleSpec, lang: str, overrides: Overrides | None, max_bytes: int | None
) -> FileResult:
    if spec not in _worker_rules:
        _worker_rules[spec] = build_rules(spec)
    return lint_path(path, _worker_rules[spec], lang, overrides, max_bytes)


def lint_paths(
    paths: list[str],
    spec: RuleSpec,
    lang: str,
    overrides: Overrides | None,
    jobs: int = 1,
    max_bytes: int | None = None,
) -> list[FileResult]:
    """Lint ``paths`` with the rules ``spec`` describes, in ``jobs``
    processes (0: one per CPU)."""
    rules = build_rules(spec)
    jobs = jobs or os.cpu_count() or 1
    in_pool = [path for path in paths if path != "-"]
    jobs = min(jobs, len(in_pool))
    if jobs <= 1:
        return [lint_path(path, rules, lang, overrides, max_bytes) for path in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {
            path: pool.submit(_lint_in_worker, path, spec, lang, overrides, max_bytes) for path in dict.fromkeys(in_pool)
        }
        return [
            lint_path(path, rules, lang, overrides, max_bytes) if path == "-" else futures[path].result()
            for path in paths
        ]
