"""How one ``disclint check`` run lints each file: configuration, rules and
document overrides per file, from the command line and the nearest config.

Precedence: command-line options, then the configuration that applies to the
file (``--config`` or the nearest one above it), then the defaults.  Files
that share a configuration are linted together (and in parallel with
--jobs); the report keeps the order of the paths.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Config, find_config, load_config
from linter.engine import FileResult
from linter.pipeline import Overrides
from linter.ruleset import RuleSpec, build_rules

DEFAULT_MAX_FILE_MB = 50  # a disclosure is tens of kilobytes

@dataclass
class Group:
    spec: RuleSpec
    overrides: Overrides
    severity: dict[str, str]
    max_bytes: int | None
    paths: list[str] = field(default_factory=list)


@dataclass
class Plan:
    files: list[str]
    groups: list[Group]
    lang: str | None  # from the configuration (the command line wins)
    fail_on: str | None


def _config_for(path: str, fixed: Config | None, cache: dict) -> Config:
    if fixed is not None:
        return fixed
    start = Path.cwd() if path == "-" else Path(path).absolute().parent
    if start not in cache:
        cache[start] = find_config(start)
    return cache[start]


def plan_run(files: list[str], cli: dict, config_path: str | None) -> Plan:
    """Group ``files`` by the rules and overrides that apply to them.
    Raises ConfigError for a bad configuration file."""
    fixed = load_config(Path(config_path)) if config_path else None
    cache: dict = {}
    main = fixed or find_config(Path.cwd())
    groups: dict[tuple, Group] = {}
    for path in files:
        config = _config_for(path, fixed, cache)
        spec = RuleSpec(
            extra_dirs=config.rules + tuple(str(Path(d).resolve()) for d in cli["rules"]),
            select=cli["select"] or config.select,
            extend_select=config.extend_select + cli["extend_select"],
            ignore=config.ignore + cli["ignore"] + (config.ignored_for(path) if path != "-" else ()),
            options=json.dumps(config.options, sort_keys=True, ensure_ascii=False),
            options_source=str(config.path) if config.options else "",
        )
        overrides = Overrides(
            kind=cli["kind"] or config.kind,
            year=cli["year"] or config.year,
            unit=cli["unit"] or config.unit,
        )
        megabytes = cli.get("max_file_size") or config.max_file_size or DEFAULT_MAX_FILE_MB
        max_bytes = int(megabytes * 1_000_000)
        key = (spec, overrides.kind, overrides.year, overrides.unit, tuple(sorted(config.severity.items())), max_bytes)
        if key not in groups:
            groups[key] = Group(spec, overrides, dict(config.severity), max_bytes)
        groups[key].paths.append(path)
    if not files:
        # Still validate the selection against the rules, so that a typo in
        # --select is an error even when no file matched.
        build_rules(RuleSpec(select=cli["select"], ignore=cli["ignore"], extra_dirs=main.rules))
    return Plan(files, list(groups.values()), main.lang, main.fail_on)


def run_plan(plan: Plan, lang: str, jobs: int) -> tuple[list[FileResult], list]:
    """Lint every group; return the results in path order and the union of
    the rules that ran (for formats that describe them)."""
    from linter.parallel import lint_paths

    by_path: dict[str, FileResult] = {}
    active: dict[str, object] = {}
    for group in plan.groups:
        for rule in build_rules(group.spec):
            active.setdefault(rule.code, rule)
        for result in lint_paths(group.paths, group.spec, lang, group.overrides, jobs, group.max_bytes):
            for issue in result.issues:
                if issue.rule in group.severity:
                    issue.severity = group.severity[issue.rule]
            by_path[result.path] = result
    return [by_path[path] for path in plan.files], sorted(active.values(), key=lambda rule: rule.code)
