"""Load plugins and collect what they contribute: Python rules, YAML rule
directories, input readers and formatters.

Plugins come from the ``disclint`` entry-point group: the built-in rule
families (:mod:`linter.families`) and third-party packages alike.  Only the
engine's own plugin (:mod:`linter.builtin`: core codes, readers,
formatters) is registered directly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pluggy

from linter import hookspecs
from linter.resources import rules_dir
from linter.rule import Rule

BUILTIN_NAME = "disclint-builtin"


class PluginError(Exception):
    """A plugin could not be loaded or contributed something unusable."""


def build_plugin_manager(blocked: tuple[str, ...] = ()) -> pluggy.PluginManager:
    """A plugin manager with every plugin of the ``disclint`` entry-point
    group loaded, except the ``blocked`` names (e.g. "disclint-numbers").

    A built-in family whose entry point is missing (the code run from a
    source tree that was never installed, or an install made before the
    families had entry points) is registered directly, so that the rules do
    not silently vanish; a blocked family stays out.
    """
    from linter import builtin, families

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    for name in blocked:
        manager.set_blocked(name)
    manager.register(builtin, name=BUILTIN_NAME)
    try:
        manager.load_setuptools_entrypoints(hookspecs.PROJECT)
    except Exception as exc:  # a broken third-party package must not crash the CLI
        raise PluginError(f"cannot load a plugin of the 'disclint' entry-point group: {exc}") from None
    for family in families.FAMILIES:
        if not manager.has_plugin(family.plugin_name) and not manager.is_blocked(family.plugin_name):
            manager.register(family, name=family.plugin_name)
    return manager


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    """The process's plugin manager, built once."""
    return build_plugin_manager()


_problems: dict[str, None] = {}  # what went wrong with a plugin's hook, in order, once each


def plugin_problems() -> list[str]:
    """The hooks that raised and were left out (the CLI says so on stderr)."""
    return list(_problems)


def _contributions(hook_name: str, manager: pluggy.PluginManager | None = None) -> list:
    """Each plugin's result of one hook, the plugin that raises left out and
    named in :func:`plugin_problems`: one broken plugin must not take the
    whole run down (pluggy would propagate its exception)."""
    results = []
    for impl in reversed(getattr((manager or plugin_manager()).hook, hook_name).get_hookimpls()):
        try:
            results.append(impl.function())
        except Exception as exc:  # noqa: BLE001 - a plugin's code
            _problems.setdefault(
                f"plugin {impl.plugin_name!r} failed in {hook_name} and was left out: {type(exc).__name__}: {exc}"
            )
    return results


def _yaml_rules(manager: pluggy.PluginManager, extra_dirs: tuple[str, ...]) -> list[Rule]:
    from linter.yamlrules import load_rule_dir

    builtin = rules_dir().resolve()
    directories = [Path(d) for found in _contributions("disclint_rule_dirs", manager) for d in (found or ())]
    rules: list[Rule] = []
    for directory in [*directories, *map(Path, extra_dirs)]:
        # The built-in files are validated by the test suite, not at every run.
        rules.extend(load_rule_dir(directory, validate=not directory.resolve().is_relative_to(builtin)))
    return rules


def collect_rules(manager: pluggy.PluginManager, extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """Every rule ``manager``'s plugins contribute (Python rules and the YAML
    rules of their rule directories) and those of ``extra_dirs``, sorted by
    code.  Codes are unique: a second rule with a code already taken is an
    error."""
    rules: dict[str, Rule] = {}
    python_rules = [rule for contributed in _contributions("disclint_rules", manager) for rule in (contributed or ())]
    for rule in [*python_rules, *_yaml_rules(manager, tuple(extra_dirs))]:
        if not isinstance(rule, Rule) or not rule.code or not rule.name:
            raise PluginError(f"plugin rule {rule!r} has no code or name")
        if rule.code in rules:
            raise PluginError(f"two rules use the code {rule.code} ({rules[rule.code].name} and {rule.name})")
        rules[rule.code] = rule
    return sorted(rules.values(), key=lambda rule: rule.code)


@lru_cache(maxsize=8)
def all_rules(extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """Core codes, every plugin's Python rules and every YAML rule (from the
    plugins' rule directories and ``extra_dirs``), sorted by code."""
    return collect_rules(plugin_manager(), tuple(extra_dirs))


def all_formatters() -> dict:
    formatters: dict = {}
    for contributed in _contributions("disclint_formatters"):
        formatters.update(contributed or {})
    return formatters


def all_readers() -> dict:
    """File suffix -> reader; later plugins may add suffixes, not replace .txt."""
    readers: dict = {}
    for contributed in reversed(_contributions("disclint_readers")):
        for suffix, reader in (contributed or {}).items():
            readers.setdefault(suffix.lower(), reader)
    return readers


def fact_handlers() -> list:
    """Every plugin's fact handlers (see hookspecs.disclint_fact_handlers)."""
    return [handler for contributed in plugin_manager().hook.disclint_fact_handlers() for handler in (contributed or ())]


def table_readers() -> list:
    """Every plugin's table readers (see hookspecs.disclint_table_readers)."""
    return [reader for contributed in plugin_manager().hook.disclint_table_readers() for reader in (contributed or ())]
