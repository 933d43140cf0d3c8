"""The issues of the whole fixture set, as one JSON-ready structure.

The architecture change (one fact store, one handler per claim, tables as
their own stage, one rule per file) was made with behaviour unchanged.  To
prove it, the output of this function at the commit before that work is kept
in tests/snapshots/before-architecture.json, and test_behaviour_snapshot.py
compares today's output with it.  The record itself is never rewritten: a
deliberate change of behaviour adds its issues gained and lost, with the
reason, to a tests/snapshots/accepted-changes-<topic>.yaml (``python
tests/behaviour_snapshot.py --diff`` prints the entries to review), so the
reviewed list of changes is the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO / "tests" / "snapshots" / "before-architecture.json"
# Deliberate changes of behaviour since the record, each with its reason (a
# list of {section: files|examples, name, removed: [issue…], added: [issue…],
# reason}); an issue is [rule, severity, line, column, end_line, end_column,
# message] as in the record.
# One file per piece of work (accepted-changes-<topic>.yaml), so that work done
# in parallel does not edit one file.
ACCEPTED = sorted((REPO / "tests" / "snapshots").glob("accepted-changes*.yaml"))


def fixture_files() -> list[Path]:
    """The corpus (examples/) and every text fixture under tests/data."""
    files = sorted((REPO / "examples").glob("*.txt"))
    files += sorted((REPO / "tests" / "data").rglob("*.txt"))
    return files


def _issues(document, rules) -> list[list]:
    from linter.engine import lint_document

    return [
        [i.rule, i.severity, i.line, i.column, i.end_line, i.end_column, i.message]
        for i in lint_document(document, rules)
    ]


def snapshot() -> dict:
    from linter.pipeline import Overrides, load_document, parse_text
    from linter.plugins import all_rules

    rules = all_rules()
    result: dict = {"files": {}, "examples": {}}
    for path in fixture_files():
        result["files"][path.relative_to(REPO).as_posix()] = _issues(load_document(str(path)), rules)
    for rule in rules:
        for n, example in enumerate(rule.examples):
            document = parse_text(example.text, overrides=Overrides(kind=example.kind, year=example.year))
            result["examples"][f"{rule.code}-{n}"] = _issues(document, rules)
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    data = snapshot()
    if "--write" in sys.argv:
        SNAPSHOT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    elif "--diff" in sys.argv:
        # The entries accepted-changes.yaml would need, against the record
        # alone (merge them by hand with the entries already there).
        import yaml

        before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
        entries = []
        for section in ("files", "examples"):
            for name in sorted(set(data[section]) | set(before[section])):
                old, new = before[section].get(name) or [], data[section].get(name) or []
                removed = [issue for issue in old if issue not in new]
                added = [issue for issue in new if issue not in old]
                if removed or added:
                    entries.append({"section": section, "name": name, "removed": removed, "added": added, "reason": "TODO"})
        print(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200))
    else:
        print(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
