"""The template families of rules/structure/profiles/: recognised from the document,
checked against their own parts, silent on consistent documents, and each
planted structure error reported.

tests/data/structure/ holds three consistent documents per family, written
from the family's outline (tests/data/structure/outlines.py, after the real
documents' structure); the planted errors are made here from the third one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from linter.engine import lint_document
from linter.pipeline import load_document, parse_text
from linter.plugins import all_rules
from linter.resources import rules_dir
from linter.templates import document_half, load_profile, load_profiles, recognise
from linter.yamlrules.numbering import numbering_label

DATA = REPO / "tests" / "data" / "structure"
RULES = all_rules()
PROFILES = sorted(p.stem for p in (rules_dir() / "structure" / "profiles").glob("*.yml"))
FIXTURES = sorted(DATA.glob("*.txt"))


def _family(path: Path) -> str:
    return path.stem.rsplit("-", 1)[0]


def test_every_profile_is_valid_and_has_three_documents():
    for path in sorted((rules_dir() / "structure" / "profiles").glob("*.yml")):
        load_profile(path, validate=True)
    assert {_family(p) for p in FIXTURES} == set(PROFILES)
    for name in PROFILES:
        assert len([p for p in FIXTURES if _family(p) == name]) >= 3, name


def test_a_bad_profile_names_its_file(tmp_path):
    from linter.yamlrules.errors import YamlRuleError

    bad = tmp_path / "bad.yml"
    bad.write_text("name: Bad Name\ntitle: {zh: 甲, en: a}\nkinds: [budget]\nmarkers: ['甲']\nsections: []\n", encoding="utf-8")
    with pytest.raises(YamlRuleError) as raised:
        load_profile(bad)
    assert "bad.yml" in str(raised.value)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_a_consistent_document_is_recognised_and_clean(path):
    document = load_document(str(path))
    profile = recognise(document)
    assert profile is not None and profile.name == _family(path)
    issues = [(i.rule, i.severity, i.line, i.message) for i in lint_document(document, RULES)]
    # a narrative whose tables are another file is told so, as information
    assert [i for i in issues if i[1] != "info"] == []
    assert all(i[0] == "S106" for i in issues)


def _third(name: str) -> str:
    return (DATA / f"{name}-3.txt").read_text(encoding="utf-8")


def _body_lines(text: str) -> list[tuple[int, str]]:
    """Lines after the contents page (the body), with their index."""
    lines = text.split("\n")
    leaders = [n for n, line in enumerate(lines) if "……" in line]
    start = leaders[-1] + 1 if leaders else 0
    return [(n, line) for n, line in enumerate(lines) if n >= start]


def _delete_procurement(text: str) -> str:
    """Delete the body's 政府采购 section: its heading and its paragraph."""
    lines = text.split("\n")
    body = _body_lines(text)
    index = next(n for n, line in reversed(body) if "政府采购" in line and len(line) < 40 and "。" not in line)
    del lines[index:index + 2]
    return "\n".join(lines)


_SECTION = re.compile(r"^([一二三四五六七八九十]+)、")


def _skip_last_number(text: str) -> tuple[str, int]:
    """Renumber one up a body heading that ends its list of 一、-style
    headings (the one before it is one less): a skipped number, one issue."""
    from linter.headings import chinese_numeral

    lines = text.split("\n")
    numbered = [(n, chinese_numeral(m.group(1))) for n, line in _body_lines(text) if (m := _SECTION.match(line))]
    for k in range(len(numbered) - 1, 0, -1):
        (index, value), before = numbered[k], numbered[k - 1][1]
        after = numbered[k + 1][1] if k + 1 < len(numbered) else None
        if value == before + 1 and after != value + 1:
            label = numbering_label("section", value + 1)
            lines[index] = label + lines[index][len(_SECTION.match(lines[index]).group(0)):]
            return "\n".join(lines), index + 1
    raise AssertionError("no list to renumber")


def _add_contents_entry(text: str) -> tuple[str, int]:
    """A contents entry with no section in the body."""
    lines = text.split("\n")
    last = max(n for n, line in enumerate(lines) if "……" in line)
    lines.insert(last + 1, "附件 部门整体绩效评价报告……30")
    return "\n".join(lines), last + 2


def _procurement_entry(name: str) -> str:
    spec = yaml.safe_load((rules_dir() / "structure" / "profiles" / f"{name}.yml").read_text(encoding="utf-8"))

    def walk(entries):
        for entry in entries:
            if any("政府采购" in alias for alias in entry["aliases"]):
                return entry["name"]
            found = walk(entry.get("children", ()))
            if found:
                return found
        return None

    return walk(spec["sections"])


KINDS = ("delete", "skip", "contents")
CASES = [(name, KINDS[n % 3]) for n, name in enumerate(PROFILES)]


@pytest.mark.parametrize("name,kind", CASES, ids=[f"{n}-{k}" for n, k in CASES])
def test_a_planted_structure_error_is_reported(name, kind):
    text = _third(name)
    if kind == "contents" and "……" not in text:
        kind = "delete"  # a family whose contents page has no leaders, or that has none
    if kind == "delete":
        document = parse_text(_delete_procurement(text), path=f"{name}-planted.txt")
        wanted = _procurement_entry(name)
        issues = [i for i in lint_document(document, RULES) if i.severity == "error"]
        missing = [i for i in issues if i.rule in ("S102", "S103")]
        assert len(missing) == 1 and f"「{wanted}」" in missing[0].message, [i.message for i in issues]
        # a numbered section deleted also leaves its number out: one S101 at the next heading
        assert [i.rule for i in issues if i not in missing] in ([], ["S101"])
    elif kind == "skip":
        planted, line = _skip_last_number(text)
        issues = [i for i in lint_document(parse_text(planted, path=f"{name}-planted.txt"), RULES) if i.severity != "info"]
        assert [(i.rule, i.line) for i in issues] == [("S101", line)]
    else:
        planted, line = _add_contents_entry(text)
        issues = [i for i in lint_document(parse_text(planted, path=f"{name}-planted.txt"), RULES) if i.severity != "info"]
        assert [(i.rule, i.line) for i in issues] == [("S105", line)]
        assert "部门整体绩效评价报告" in issues[0].message


def test_no_profile_fits_an_unknown_template_and_nothing_is_demanded():
    """Where no family fits, no missing section is an error: only the
    nationally required items that the text does not state, as one warning."""
    text = "\n".join(
        [
            "某某县文化馆2025年单位预算", "一、单位职能", "负责全县群众文化活动的组织和辅导。",
            "二、收支情况", "2025年收入预算合计80.00万元，全部为一般公共预算拨款；支出预算合计80.00万元。",
            "三、“三公”经费", "2025年“三公”经费预算1.00万元。", "四、名词解释", "一般公共预算拨款：指本级财政当年拨付的资金。",
        ]
    )
    from linter.pipeline import Overrides

    document = parse_text(text, overrides=Overrides(kind="budget", year=2025))
    assert recognise(document) is None
    issues = [i for i in lint_document(document, RULES) if i.rule.startswith("S")]
    assert [(i.rule, i.severity) for i in issues] == [("S104", "warning")]
    assert issues[0].message == "未找到国家规定应公开的内容：机关运行经费、政府采购、国有资产占用、绩效、公开报表"


def test_a_split_document_is_told_once_and_not_asked_for_the_other_half():
    narrative = load_document(str(DATA / "beijing-budget-1.txt"))
    assert document_half(narrative) == "narrative"
    assert [(i.rule, i.severity) for i in lint_document(narrative, RULES)] == [("S106", "info")]
    tables = parse_text(
        "\n".join(["预算01表 收支总表", "项目 预算数", "一般公共预算拨款 10.00", "预算04表 财政拨款收支总表",
                   "项目 预算数", "一般公共预算拨款 10.00", "预算09表 财政拨款“三公”经费支出表", "项目 预算数", "合计 1.00"]),
        path="tables.txt",
    )
    assert document_half(tables) == "tables"
    assert [(i.rule, i.severity) for i in lint_document(tables, RULES) if i.rule.startswith("S")] == [("S106", "info")]


def test_profiles_are_found_by_content_not_by_file_name():
    text = _third("jiangsu-city-budget")
    document = parse_text(text, path="shanghai-putuo-whatever.txt")
    assert recognise(document).name == "jiangsu-city-budget"
    assert recognise(document, load_profiles()).name == "jiangsu-city-budget"


COUNTY = "\n".join(
    [
        "某某县文化馆2025年单位预算", "目录", "一、单位职能……1", "二、收支情况……1", "三、“三公”经费……2", "四、政府采购……2",
        "五、名词解释……3", "一、单位职能", "负责全县群众文化活动的组织和辅导。", "二、收支情况",
        "2025年收入预算合计80.00万元，全部为一般公共预算拨款；支出预算合计80.00万元。", "三、“三公”经费",
        "2025年“三公”经费预算1.00万元。", "五、名词解释", "一般公共预算拨款：指本级财政当年拨付的资金。",
    ]
) + "\n"


def test_the_readme_example_of_an_unknown_template_is_what_disclint_prints(tmp_path):
    from conftest import run_cli

    (tmp_path / "county.txt").write_text(COUNTY, encoding="utf-8")
    text = run_cli("check", "county.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert "S104" in text and "S105" in text and "S102" not in text and "S103" not in text
    assert f"$ disclint check county.txt\n{text}```" in (REPO / "README.md").read_text(encoding="utf-8")
