"""Which rules run, built the same way in the CLI and in --jobs workers.

A :class:`RuleSpec` is a small, picklable description — extra YAML rule
directories, selection, per-rule options — from which every process builds
the same rule objects (rule objects themselves come from modules loaded by
path and cannot be sent to a worker).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from linter.rule import Rule


class RuleSetError(Exception):
    """A selection or option names something that does not exist."""


@dataclass(frozen=True)
class RuleSpec:
    extra_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty: every rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: str = "{}"  # JSON of {code: {option: value}}, hashable

    def enabled(self, code: str) -> bool:
        chosen = self.select + self.extend_select if self.select else ()
        if chosen and not any(code.startswith(prefix) for prefix in chosen):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)


def _configured(rule: Rule, options: dict) -> Rule:
    """A copy of a YAML rule with ``options`` merged into its params."""
    from linter.yamlrules.kinds import YamlRule
    from linter.yamlrules.schema import check_params

    if not isinstance(rule, YamlRule):
        raise RuleSetError(f"options: rule {rule.code} ({rule.name}) takes no options")
    params = {**rule.params, **options}
    problem = check_params(rule.spec["extends"], params)
    if problem:
        raise RuleSetError(f"options.{rule.code}: {problem}")
    return type(rule)({**rule.spec, "params": params})


def build_rules(spec: RuleSpec) -> list[Rule]:
    from linter.plugins import all_rules

    rules = all_rules(spec.extra_dirs)
    known = {rule.code for rule in rules}
    for code in spec.select + spec.extend_select + spec.ignore:
        if not any(rule_code.startswith(code) for rule_code in known):
            raise RuleSetError(f"no rule code starts with {code!r} (see `disclint rules`)")
    options = json.loads(spec.options)
    for code in options:
        if code not in known:
            raise RuleSetError(f"options: no rule {code!r}")
    return [
        _configured(rule, options[rule.code]) if rule.code in options else rule
        for rule in rules
        if spec.enabled(rule.code)
    ]
