"""Load plugins and collect what they contribute (rules, formatters)."""

from __future__ import annotations

from functools import lru_cache

import pluggy

from linter import hookspecs
from linter.core_rules import CORE_RULES
from linter.rule import Rule


class PluginError(Exception):
    """A plugin contributed something unusable (duplicate code, bad object)."""


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    from linter import builtin

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(builtin, name="disclint-builtin")
    manager.load_setuptools_entrypoints(hookspecs.PROJECT)
    return manager


def all_rules() -> list[Rule]:
    """Core codes plus every plugin's rules, sorted by code; codes are unique."""
    rules: dict[str, Rule] = {rule.code: rule for rule in CORE_RULES}
    for contributed in plugin_manager().hook.disclint_rules():
        for rule in contributed or ():
            if not isinstance(rule, Rule) or not rule.code or not rule.name:
                raise PluginError(f"plugin rule {rule!r} has no code or name")
            if rule.code in rules:
                raise PluginError(f"two rules use the code {rule.code}")
            rules[rule.code] = rule
    return sorted(rules.values(), key=lambda rule: rule.code)


def all_formatters() -> dict:
    formatters: dict = {}
    for contributed in plugin_manager().hook.disclint_formatters():
        formatters.update(contributed or {})
    return formatters
