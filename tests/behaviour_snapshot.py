"""The issues of the whole fixture set, as one JSON-ready structure.

The architecture change (one fact store, one handler per claim, tables as
their own stage, one rule per file) was made with behaviour unchanged.  To
prove it, the output of this function at the commit before that work is kept
in tests/snapshots/before-architecture.json, and test_behaviour_snapshot.py
compares today's output with it.  A deliberate change of behaviour later
regenerates the file (``python tests/behaviour_snapshot.py --write``) in the
same commit, so the diff shows every issue it gains or loses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO / "tests" / "snapshots" / "before-architecture.json"


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
    else:
        print(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
