"""A real, non-editable install into a fresh virtualenv works from any
directory, with its grammar and every built-in rule (they ship in the wheel)."""

from __future__ import annotations

import json
import shutil
import subprocess
import venv

import pytest

from conftest import CORPUS, REPO, run_cli
from drafts import SKIPPED
from rendering import render_docx, render_pdf


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("install")
    source = root / "src"
    # Install from a copy so that nothing the checkout holds (an editable
    # install, build leftovers) can leak into the wheel.
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "*.egg-info", "build", "dist"))
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
        check=True,
        timeout=600,
    )
    shutil.rmtree(source)  # the installed copy must not need the source tree
    return env_dir / "bin" / "disclint"


@pytest.fixture(scope="module")
def with_plugin(installed, tmp_path_factory):
    """The example plugin package (tests/plugin_example) installed with pip
    into the same fresh virtualenv."""
    source = tmp_path_factory.mktemp("plugin") / "plugin_example"
    shutil.copytree(REPO / "tests" / "plugin_example", source)
    python = installed.parent / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", str(source)],
        check=True,
        timeout=600,
    )
    return installed


def test_a_third_party_plugin_adds_rules_through_the_entry_point(with_plugin, tmp_path):
    listing = subprocess.run([str(with_plugin), "rules"], cwd=tmp_path, capture_output=True, timeout=60)
    assert b"Z901  no-exclamation" in listing.stdout and b"Z902  no-internal-notes" in listing.stdout
    draft = tmp_path / "d.txt"
    draft.write_text("一、情况说明\n\n本年支出大幅下降！\n\n二、其他\n\n本年支出 5.00 万元（待核实）。\n", encoding="utf-8")
    result = subprocess.run(
        [str(with_plugin), "check", "--format", "json", "d.txt"], cwd=tmp_path, capture_output=True, timeout=60
    )
    issues = [(i["rule"], i["line"]) for i in json.loads(result.stdout)["files"][0]["issues"]]
    assert ("Z901", 3) in issues and ("Z902", 7) in issues
    explained = subprocess.run([str(with_plugin), "explain", "Z902"], cwd=tmp_path, capture_output=True, timeout=60)
    assert "待核实".encode() in explained.stdout


def test_a_plugin_reader_adds_an_input_format(with_plugin, tmp_path):
    (tmp_path / "drafts").mkdir()
    text = "一、主要职能\n\n负责就业。\n\n三、机构设置及人员情况\n\n下设 2 个科室。\n"
    (tmp_path / "drafts" / "a.draft").write_text(json.dumps({"text": text}), encoding="utf-8")
    (tmp_path / "drafts" / "b.draft").write_text("{not json", encoding="utf-8")
    result = subprocess.run(
        [str(with_plugin), "check", "--format", "json", "drafts"], cwd=tmp_path, capture_output=True, timeout=60
    )
    files = {f["path"]: [i["rule"] for i in f["issues"]] for f in json.loads(result.stdout)["files"]}
    assert files == {"drafts/a.draft": ["S101"], "drafts/b.draft": ["E001"]}


def test_installed_cli_lints_from_another_directory(installed, tmp_path):
    sample = tmp_path / "sample.txt"
    shutil.copy(CORPUS[0], sample)
    result = subprocess.run(
        [str(installed), "check", "--format", "json", "sample.txt"], cwd=tmp_path, capture_output=True, timeout=120
    )
    report = json.loads(result.stdout)
    assert report["files"][0]["document"]["kind"] == "final_account"
    assert result.returncode in (0, 1), result.stderr


def test_installed_package_has_grammar_and_rules(installed, tmp_path):
    rules = subprocess.run([str(installed), "rules"], cwd=tmp_path, capture_output=True, timeout=60)
    assert b"S101" in rules.stdout
    python = installed.parent / "python"
    where = subprocess.run(
        [str(python), "-c", "import linter.resources as r; print(r.grammar_path('document.lark')); print(r.rules_dir())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    grammar, rules_dir = where.stdout.split()
    assert "site-packages/linter/grammar" in grammar
    assert "site-packages/linter/rules" in rules_dir
    draft = tmp_path / "d.txt"
    draft.write_text("一、甲\n\n正文。\n\n三、乙\n", encoding="utf-8")
    result = subprocess.run([str(installed), "check", "d.txt"], cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 1 and b"S101" in result.stdout



def test_installed_cli_reads_pdf_and_docx(installed, tmp_path):
    """`pip install .` brings the PDF and DOCX readers' libraries along."""
    render_pdf(SKIPPED, tmp_path / "draft.pdf")
    render_docx(SKIPPED, tmp_path / "draft.docx")
    result = subprocess.run(
        [str(installed), "check", "--format", "json", "draft.pdf", "draft.docx"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert not result.stderr, result.stderr
    issues = {f["path"]: [(i["rule"], i["line"], i["page"]) for i in f["issues"]] for f in json.loads(result.stdout)["files"]}
    # The PDF's text has no blank lines: 三、 is its third line; the DOCX keeps
    # the draft's empty paragraphs, so 三、 is paragraph 5, as in the text.
    assert issues == {"draft.pdf": [("S101", 3, 1)], "draft.docx": [("S101", 5, 1)]}


_FAMILIES_SCRIPT = """
import json
from importlib.metadata import distribution
from linter.plugins import build_plugin_manager
manager = build_plugin_manager()
dists = {manager.get_name(plugin): dist.project_name for plugin, dist in manager.list_plugin_distinfo()}
out = {}
for ep in distribution("disclint").entry_points:
    if ep.group != "disclint":
        continue
    family = ep.load()
    codes = [rule.code for rule in family.disclint_rules()]
    for directory in family.disclint_rule_dirs():
        codes += [path.name[:4] for path in directory.glob("*.yaml")]
    out[ep.name] = {"dist": dists.get(ep.name), "dir": str(family.directory), "codes": sorted(codes)}
print(json.dumps(out))
"""


def test_every_rule_family_is_an_entry_point_of_the_wheel(installed, tmp_path):
    """In a wheel install each family of rules/ is registered by its entry
    point and finds its rules inside the package (linter/rules/<family>)."""
    python = installed.parent / "python"
    result = subprocess.run([str(python), "-c", _FAMILIES_SCRIPT], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    folders = sorted(path for path in (REPO / "rules").iterdir() if path.is_dir())
    assert sorted(found) == ["disclint-" + folder.name for folder in folders]
    for folder in folders:
        family = found["disclint-" + folder.name]
        assert family["dist"] == "disclint"
        assert family["dir"].endswith(f"site-packages/linter/rules/{folder.name}")
        in_checkout = sorted(path.name[:4] for path in folder.iterdir() if path.suffix in (".py", ".yaml"))
        assert family["codes"] == in_checkout and in_checkout
    listing = subprocess.run([str(installed), "rules"], cwd=tmp_path, capture_output=True, timeout=60)
    # The same list as the development install the suite runs in (apart from
    # the example plugin's Z9xx, installed into this venv by another test).
    wheel_lines = [line for line in listing.stdout.splitlines() if not line.startswith(b"Z9")]
    assert wheel_lines == run_cli("rules", cwd=tmp_path).stdout.splitlines()
