"""The JSON report: the machine contract in docs (architecture.md)."""

from __future__ import annotations

import json


def summary(results) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for issue in result.issues:
            counts[issue.severity] += 1
    return {
        "files": len(results),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
    }


def render(results, lang: str = "zh", version: str = "", **options) -> str:
    document = {
        "tool": {"name": "disclint", "version": version},
        "files": [
            {
                "path": result.path,
                "document": {
                    "kind": result.info.kind,
                    "year": result.info.year,
                    "unit": result.info.unit,
                },
                "issues": [issue.as_dict() for issue in result.issues],
            }
            for result in results
        ],
        "summary": summary(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
