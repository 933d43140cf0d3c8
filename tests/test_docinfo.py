"""Document kind, year and unit: detected from title and text, overridable."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from linter.pipeline import Overrides, load_document, parse_text

EXPECTED = {
    "000": ("final_account", 2024, "乌鲁木齐市继续教育和职称评价管理中心（乌鲁木齐市工人考核培训管理中心）"),
    "001": ("final_account", 2024, "乌鲁木齐市公共就业服务中心"),
    "002": ("budget", 2024, "昌吉回族自治州人力资源和社会保障服务中心"),
    "003": ("final_account", 2023, "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）人力资源和社会保障局"),
    "004": ("final_account", 2023, "昌吉回族自治州公共就业服务中心"),
}


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_corpus_documents_are_recognised(path):
    info = load_document(str(path)).info
    assert (info.kind, info.year, info.unit) == EXPECTED[path.stem[:3]]


def test_budget_title_block():
    info = parse_text("某某县财政局\n\n2025年部门预算公开\n\n第一部分 部门概况\n\n一、主要职能\n\n负责财政。\n").info
    assert (info.kind, info.year) == ("budget", 2025)
    assert info.sources["kind"] == "title"


def test_unknown_document():
    info = parse_text("这是一段与预决算无关的文字。\n").info
    assert info.kind == "unknown" and info.year is None


def test_overrides_win_and_are_recorded():
    info = load_document(str(CORPUS[0]), Overrides(kind="budget", year=2030, unit="某单位")).info
    assert (info.kind, info.year, info.unit) == ("budget", 2030, "某单位")
    assert info.sources == {"kind": "override", "year": "override", "unit": "override"}
