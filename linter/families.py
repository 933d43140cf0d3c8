"""The built-in rule families as plugins, one per folder of rules/.

Each family (numbers, tables, structure, years, counts, text) is a plugin
object registered through its own entry point in the ``disclint`` group
(see pyproject.toml), exactly as a third-party package registers its
rules: nothing distinguishes a built-in family from a plugin's, and one
family can be blocked (``PluginManager.set_blocked("disclint-numbers")``)
without touching the others.

A family contributes the Python rules of its folder (``disclint_rules``) and
the folder itself as a YAML rule directory (``disclint_rule_dirs``).  The
folder is found through :func:`linter.resources.rules_dir`, so the same
object works in a checkout, an editable install and a wheel (where rules/
ships as ``linter/rules``).
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

from linter.hookspecs import hookimpl
from linter.resources import rules_dir
from linter.rule import Rule

# The prefix of every built-in family's entry-point (and plugin) name.
PREFIX = "disclint-"


def _load_module(path: Path, root: Path):
    """Import a rule file by path, once, under a name derived from its place
    in rules/ ("disclint_rules.numbers.N101_share_mismatch"): rules/ is data
    shipped with the package, not an importable package of its own."""
    name = "disclint_rules." + ".".join(path.relative_to(root).with_suffix("").parts)
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def python_rules(directory: Path, root: Path) -> list[Rule]:
    """One instance of every :class:`Rule` subclass with a code defined by
    the ``*.py`` files below ``directory`` (files starting with ``_`` are
    helpers, not rules)."""
    rules = []
    for path in sorted(directory.rglob("*.py")):
        if path.name.startswith("_"):
            continue
        module = _load_module(path, root)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Rule) and cls.__module__ == module.__name__ and cls.code:
                rules.append(cls())
    return rules


class RuleFamily:
    """The plugin of one folder of rules/."""

    def __init__(self, folder: str):
        self.folder = folder
        self.plugin_name = PREFIX + folder

    def __repr__(self) -> str:
        return f"<rule family {self.folder}>"

    @property
    def directory(self) -> Path:
        return rules_dir() / self.folder

    @hookimpl
    def disclint_rules(self):
        return python_rules(self.directory, rules_dir())

    @hookimpl
    def disclint_rule_dirs(self):
        return [self.directory]


numbers = RuleFamily("numbers")
tables = RuleFamily("tables")
structure = RuleFamily("structure")
years = RuleFamily("years")
counts = RuleFamily("counts")
text = RuleFamily("text")

FAMILIES = (numbers, tables, structure, years, counts, text)
