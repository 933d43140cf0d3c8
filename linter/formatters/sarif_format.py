"""The SARIF 2.1.0 report, for code-scanning tools (GitHub code scanning,
the VS Code SARIF viewer, Azure DevOps).

One run; ``tool.driver.rules`` describes every rule of the run (so a viewer
can explain a result without disclint), each result points at its rule by
id and index and at its region in the input file.  Our columns count
characters, so the run says ``columnKind: unicodeCodePoints`` (SARIF's
default would be UTF-16 code units, which differ for characters outside the
BMP).  The PDF page, the expected and printed values go into the result's
property bag, and the baseline fingerprint into ``partialFingerprints`` so
that viewers can track a result across edits the same way ``--baseline``
does.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from linter.baseline import Fingerprinter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path as given: relative paths stay relative
    (resolved against the checkout by viewers), absolute ones become file
    URIs, standard input is ``stdin``."""
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return PurePath(os.path.abspath(path)).as_uri()
    return quote(PurePath(path).as_posix())


def _rule(rule, lang: str) -> dict:
    description = rule.description.text(lang) or rule.summary.text(lang)
    hint = (
        f"Run `disclint explain {rule.code}` for the description and examples."
        if lang == "en"
        else f"运行 `disclint explain {rule.code}` 查看说明与示例。"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.text(lang)},
        "fullDescription": {"text": description},
        "help": {"text": f"{description}\n\n{hint}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kinds": list(rule.kinds)},
    }


def _result(issue, result, index: dict, prints: Fingerprinter) -> dict:
    region = {
        "startLine": issue.line,
        "startColumn": issue.column,
        "endLine": max(issue.end_line, issue.line),
        "endColumn": issue.end_column,
    }
    properties = {}
    if issue.page is not None:
        properties["page"] = issue.page
    if issue.expected is not None:
        properties["expected"] = issue.expected
    if issue.actual is not None:
        properties["actual"] = issue.actual
    if issue.cell is not None:
        properties["cell"] = dict(issue.cell)
    out = {"ruleId": issue.rule}
    if issue.rule in index:
        out["ruleIndex"] = index[issue.rule]
    out |= {
        "level": LEVELS[issue.severity],
        "message": {"text": issue.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(result.path)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"disclint/v1": prints.of(issue)},
    }
    if properties:
        out["properties"] = properties
    return out


def render(results, lang: str = "zh", version: str = "", rules=None, **options) -> str:
    if rules is None:
        from linter.plugins import all_rules

        rules = all_rules()
    rules = sorted(rules, key=lambda rule: rule.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        prints = Fingerprinter(result.lines())
        sarif_results.extend(_result(issue, result, index, prints) for issue in result.issues)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "disclint",
                        "version": version,
                        "rules": [_rule(rule, lang) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
