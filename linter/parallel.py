"""Linting many files in parallel processes (``--jobs N``).

Parsing and rules are pure Python, so threads would share one interpreter
lock; processes scale with the CPUs.  Each worker loads the plugins itself
and builds the rules from the same :class:`~linter.ruleset.RuleSpec` as the
parent (rule objects come from modules loaded by path, which a child started
with ``spawn`` or ``forkserver`` could not unpickle).  Results come back in the order of the
paths, so the report is identical to a serial run.  Standard input can only
be read once, by the parent, so ``-`` is always linted there.

Workers never outlive the run: each asks the kernel for SIGKILL when its
parent dies (Linux ``PR_SET_PDEATHSIG``) and, everywhere, watches its parent
from a thread and exits when it is gone; they ignore Ctrl-C (the parent
handles it); and a parent stopped by Ctrl-C or SIGTERM kills them before it
exits, instead of waiting for their files.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from linter.engine import FileResult, lint_path
from linter.pipeline import Overrides

from linter.ruleset import RuleSpec, build_rules

_worker_rules: dict[RuleSpec, list] = {}


_PARENT_POLL_SECONDS = 0.5


def _die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the watcher below does it

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="disclint-parent-watch", daemon=True).start()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's processes now (shutdown would wait for their files)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.kill()
        except (OSError, AttributeError, ValueError):
            pass
    for process in processes:
        try:
            process.join(timeout=5)
        except (OSError, AttributeError, ValueError, AssertionError):
            pass


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
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        futures = {
            path: pool.submit(_lint_in_worker, path, spec, lang, overrides, max_bytes) for path in dict.fromkeys(in_pool)
        }
        results = [
            lint_path(path, rules, lang, overrides, max_bytes) if path == "-" else futures[path].result()
            for path in paths
        ]
    except BaseException:  # Ctrl-C, SIGTERM (linter.crash.Terminated), a dead worker
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    return results
