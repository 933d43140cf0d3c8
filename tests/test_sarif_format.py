"""``--format sarif``: valid against the official SARIF 2.1.0 schema, and the
same issues, places and rule metadata as the JSON report.

The schema is the one Microsoft's SARIF SDK ships in the npm package
@microsoft/jest-sarif, fetched once with ``npm pack`` and cached by pytest
(``.pytest_cache``); a hand-written subset would only test our own reading
of the standard.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, run_cli
from drafts import SKIPPED, broken_corpus, write
from linter.formatters.sarif_format import artifact_uri

SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SCHEMA_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _fetch_schema(target: Path, work: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail(
            f"npm is needed to fetch the SARIF 2.1.0 schema ({SCHEMA_PACKAGE}); install Node.js and npm",
            pytrace=False,
        )
    fetched = subprocess.run([npm, "pack", SCHEMA_PACKAGE], cwd=work, capture_output=True, timeout=300)
    tarballs = list(work.glob("*.tgz"))
    if fetched.returncode != 0 or len(tarballs) != 1:
        pytest.fail(f"`npm pack {SCHEMA_PACKAGE}` failed: {fetched.stderr.decode(errors='replace')}", pytrace=False)
    with tarfile.open(tarballs[0]) as tar:
        data = tar.extractfile(SCHEMA_MEMBER).read()
    temp = target.with_suffix(".tmp")
    temp.write_bytes(data)
    os.replace(temp, target)


@pytest.fixture(scope="session")
def sarif_validator(request, tmp_path_factory):
    cache = getattr(request.config, "cache", None)
    directory = Path(cache.mkdir("sarif-schema")) if cache else tmp_path_factory.mktemp("sarif-schema")
    target = directory / "sarif-2.1.0-rtm.5.json"
    if not target.exists():
        _fetch_schema(target, tmp_path_factory.mktemp("npm-pack"))
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def sarif(*args, cwd=None):
    result = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    return result, json.loads(result.stdout.decode("utf-8"))


def test_the_schema_rejects_a_broken_log(sarif_validator):
    """The validation is real: a region line 0 and an unknown level fail."""
    broken = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "disclint"}},
                "results": [
                    {
                        "message": {"text": "x"},
                        "level": "fatal",
                        "locations": [{"physicalLocation": {"region": {"startLine": 0}}}],
                    }
                ],
            }
        ],
    }
    assert len(list(sarif_validator.iter_errors(broken))) >= 2


def test_sarif_is_schema_valid_and_matches_the_json_report(sarif_validator, tmp_path):
    broken_corpus(tmp_path / "corpus")
    write(tmp_path / "draft.txt", SKIPPED)
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = ["corpus", "draft.txt", "empty.txt", "missing.txt"]
    result, log = sarif(*paths, cwd=tmp_path)
    assert result.returncode == 1
    assert_valid(sarif_validator, log)
    report = json.loads(run_cli("check", "--format", "json", *paths, cwd=tmp_path).stdout)

    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    expected = [(f["path"], issue) for f in report["files"] for issue in f["issues"]]
    assert len(run["results"]) == len(expected) >= 6
    for sarif_result, (path, issue) in zip(run["results"], expected):
        location = sarif_result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == path
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            issue["line"],
            issue["column"],
            issue["end_line"],
            issue["end_column"],
        )
        assert sarif_result["ruleId"] == issue["rule"]
        assert rules[sarif_result["ruleIndex"]]["id"] == issue["rule"]
        assert sarif_result["level"] == LEVELS[issue["severity"]]
        assert sarif_result["message"]["text"] == issue["message"]
        assert sarif_result.get("properties", {}).get("page") == issue["page"]
    draft = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.txt"]
    assert draft[0]["properties"] == {"page": 1, "expected": "二、", "actual": "三、"}
    assert {r["ruleId"] for r in run["results"]} >= {"S101", "E001", "E002"}


def test_sarif_for_the_clean_corpus_is_valid(sarif_validator):
    result, log = sarif("--select", "S,E", str(EXAMPLES))
    assert result.returncode == 0
    assert_valid(sarif_validator, log)
    assert log["runs"][0]["results"] == []


def test_sarif_describes_every_rule_of_the_run(sarif_validator, tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    _, log = sarif("--lang", "en", "draft.txt", cwd=tmp_path)
    assert_valid(sarif_validator, log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "disclint" and driver["version"] == "0.1.0"
    listed = [line.split()[0] for line in run_cli("rules").stdout.decode().splitlines()]
    assert [rule["id"] for rule in driver["rules"]] == listed
    s101 = next(rule for rule in driver["rules"] if rule["id"] == "S101")
    assert s101["name"] == "section-numbering"
    assert s101["defaultConfiguration"] == {"level": "error"}
    assert s101["shortDescription"]["text"] == "Heading numbers skip, repeat or go backwards"
    assert "disclint explain S101" in s101["help"]["text"]
    from linter.plugins import all_rules

    for rule, described in zip(all_rules(), driver["rules"]):
        assert described["fullDescription"]["text"] == rule.description.en
        assert described["help"]["text"].startswith(rule.description.en)
        assert described["defaultConfiguration"]["level"] == LEVELS[rule.severity]
    # --select narrows the run, and the rules listed with it.
    _, narrowed = sarif("--select", "S101", "draft.txt", cwd=tmp_path)
    assert [rule["id"] for rule in narrowed["runs"][0]["tool"]["driver"]["rules"]] == ["S101"]
    assert narrowed["runs"][0]["results"][0]["ruleIndex"] == 0


def test_artifact_uris():
    assert artifact_uri("drafts/2024 决算.txt") == "drafts/2024%20%E5%86%B3%E7%AE%97.txt"
    assert artifact_uri("-") == "stdin"
    assert artifact_uri("/srv/a b.txt") == "file:///srv/a%20b.txt"
