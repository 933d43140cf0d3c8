"""Each built-in rule family (a folder of rules/) is a plugin of its own,
registered through its own entry point of the ``disclint`` group, as a
third-party package would be; blocking one removes exactly its rules."""

from __future__ import annotations

import re
from importlib.metadata import distribution

import pytest

from conftest import REPO
from linter import families
from linter.plugins import all_rules, build_plugin_manager, collect_rules

RULES = REPO / "rules"
CORE_CODES = {"E001", "E002", "E003", "X001", "X002"}


def codes_in_folder(folder: str) -> set[str]:
    """The codes of a family, read from its file names (rule files are named
    by code: N101_share_mismatch.py, S101-section-numbering.yaml)."""
    return {
        re.match(r"[A-Z]\d{3}", path.name).group()
        for path in (RULES / folder).iterdir()
        if path.suffix in (".py", ".yaml") and not path.name.startswith("_")
    }


def test_the_folders_of_rules_are_the_families():
    folders = sorted(path.name for path in RULES.iterdir() if path.is_dir() and not path.name.startswith("_"))
    assert folders == sorted(family.folder for family in families.FAMILIES)
    assert folders == ["counts", "numbers", "structure", "tables", "text", "years"]


def test_each_family_is_an_entry_point_of_the_disclint_distribution():
    entry_points = {ep.name: ep for ep in distribution("disclint").entry_points if ep.group == "disclint"}
    assert set(entry_points) == {"disclint-" + family.folder for family in families.FAMILIES}
    manager = build_plugin_manager()
    loaded = {manager.get_name(plugin): dist.project_name for plugin, dist in manager.list_plugin_distinfo()}
    for family in families.FAMILIES:
        assert entry_points[family.plugin_name].load() is family
        # Registered by pluggy's entry-point loader (which records the
        # distribution), not by the fallback for an uninstalled tree.
        assert loaded[family.plugin_name] == "disclint"
        assert manager.get_plugin(family.plugin_name) is family


def test_every_rule_comes_from_exactly_one_family_or_the_core():
    listed = {rule.code for rule in all_rules()}
    by_family = [codes_in_folder(family.folder) for family in families.FAMILIES]
    assert sum(len(codes) for codes in by_family) == len(set().union(*by_family))  # no code in two folders
    assert listed == CORE_CODES | set().union(*by_family)


@pytest.mark.parametrize("family", families.FAMILIES, ids=lambda family: family.folder)
def test_blocking_a_family_removes_exactly_its_rules(family):
    everything = {rule.code for rule in all_rules()}
    blocked = build_plugin_manager(blocked=(family.plugin_name,))
    assert blocked.is_blocked(family.plugin_name) and blocked.get_plugin(family.plugin_name) is None
    remaining = {rule.code for rule in collect_rules(blocked)}
    assert everything - remaining == codes_in_folder(family.folder)
    assert codes_in_folder(family.folder)  # the family is not empty
    assert remaining >= CORE_CODES


def test_a_family_without_its_entry_point_is_still_registered(monkeypatch):
    """Run from a source tree that was never installed (no entry points), the
    families are registered directly, under the same names."""
    import pluggy

    monkeypatch.setattr(pluggy.PluginManager, "load_setuptools_entrypoints", lambda self, group, name=None: 0)
    manager = build_plugin_manager()
    assert manager.list_plugin_distinfo() == []
    assert {rule.code for rule in collect_rules(manager)} == {rule.code for rule in all_rules()}
