"""Which rules run, built the same way in the CLI and in --jobs workers.

A :class:`RuleSpec` is a small, picklable description — extra YAML rule
directories, selection, per-rule options — from which every process builds
the same rule objects (rule objects themselves come from modules loaded by
path and cannot be sent to a worker).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from linter.rule import OptionError, Rule


class RuleSetError(Exception):
    """A selection or option names something that does not exist."""


@dataclass(frozen=True)
class RuleSpec:
    extra_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty: every rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: str = "{}"  # JSON of {code: {option: value}}, hashable
    options_source: str = ""  # the configuration file that set the options, for messages

    def enabled(self, code: str) -> bool:
        chosen = self.select + self.extend_select if self.select else ()
        if chosen and not any(code.startswith(prefix) for prefix in chosen):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)


def _configured(rule: Rule, options: dict, source: str) -> Rule:
    """A copy of ``rule`` with the configured ``options`` set (a YAML rule's
    merged into its params), each checked against what the rule declares."""
    try:
        return rule.with_options(options)
    except OptionError as exc:
        where = f"options.{rule.code}.{exc.option}" if exc.option else f"options.{rule.code}"
        raise RuleSetError(_in(source, f"{where}: {exc.problem}")) from None


def _in(source: str, problem: str) -> str:
    return f"{source}: {problem}" if source else problem


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
            raise RuleSetError(_in(spec.options_source, f"options: no rule {code!r} (see `disclint rules`)"))
    return [
        _configured(rule, options[rule.code], spec.options_source) if rule.code in options else rule
        for rule in rules
        if spec.enabled(rule.code)
    ]
