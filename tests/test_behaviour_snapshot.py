"""Every issue on the fixture set is the one recorded before the architecture
change (tests/behaviour_snapshot.py says how the record is kept)."""

from __future__ import annotations

import json

from behaviour_snapshot import SNAPSHOT, snapshot


def test_issues_of_every_fixture_and_example_are_unchanged():
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = snapshot()
    assert sorted(now["files"]) == sorted(before["files"]), "the fixture set changed"
    for section in ("files", "examples"):
        changed = {
            name: {"before": before[section].get(name), "now": issues}
            for name, issues in now[section].items()
            if issues != before[section].get(name)
        }
        assert not changed, json.dumps(changed, ensure_ascii=False, indent=1)[:4000]
    assert sorted(now["examples"]) == sorted(before["examples"]), "rule examples were added or removed"
