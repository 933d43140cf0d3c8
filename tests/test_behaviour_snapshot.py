"""Every issue on the fixture set is the one recorded before the architecture
change (tests/behaviour_snapshot.py says how the record is kept), except the
changes made on purpose since, each listed with its reason in
tests/snapshots/accepted-changes-*.yaml."""

from __future__ import annotations

import json

import yaml

from behaviour_snapshot import ACCEPTED, SNAPSHOT, snapshot


def _accepted() -> dict:
    """{(section, name): {"removed": [issue…], "added": [issue…]}} from the
    reviewed list of deliberate changes; every entry must have a reason."""
    changes: dict = {}
    entries = [entry for path in ACCEPTED for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    for entry in entries:
        assert entry.get("reason"), f"an accepted change has no reason: {entry}"
        where = changes.setdefault((entry["section"], entry["name"]), {"removed": [], "added": []})
        for kind in ("removed", "added"):
            where[kind].extend(list(issue) for issue in entry.get(kind, []))
    return changes


def _expected(before: dict, changes: dict) -> dict:
    expected = {section: {name: list(issues) for name, issues in items.items()} for section, items in before.items()}
    for (section, name), change in changes.items():
        issues = expected[section].setdefault(name, [])
        # Additions first, so that one piece of work may take back an issue
        # that another added (their changes meet in the same example).
        issues.extend(change["added"])
        for issue in change["removed"]:
            assert issue in issues, f"accepted-changes-*.yaml removes an issue that was not there: {name}: {issue}"
            issues.remove(issue)
    return expected


def test_issues_of_every_fixture_and_example_are_unchanged_but_for_accepted_changes():
    expected = _expected(json.loads(SNAPSHOT.read_text(encoding="utf-8")), _accepted())
    now = snapshot()
    assert sorted(now["files"]) == sorted(expected["files"]), "the fixture set changed"
    for section in ("files", "examples"):
        changed = {
            name: {"expected": sorted(expected[section].get(name) or []), "now": sorted(issues)}
            for name, issues in now[section].items()
            if sorted(issues) != sorted(expected[section].get(name) or [])
        }
        assert not changed, json.dumps(changed, ensure_ascii=False, indent=1)[:4000]
    missing = sorted(set(expected["examples"]) - set(now["examples"]))
    assert not [name for name in missing if expected["examples"][name]], f"rule examples removed: {missing}"
