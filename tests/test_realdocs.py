"""Every finding on the 51 real documents of ../shared/realdocs, each one
judged true by the hand reviews (docs/corpus-review/<file stem>.md), and no
other.

Before the round that generalised the tool to real documents, these files
drew 510 errors (39 findings true); the reviews give a verdict on every one of
them and list the real errors found by reading.  The documents are not copied
into the repository: where ../shared/realdocs is absent the test is skipped,
saying so.  Each document is read and linted once for the whole session
(about a minute and a half for the 51 files on one core).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import REPO
from linter.engine import lint_document
from linter.pipeline import load_document
from linter.plugins import all_rules

REALDOCS = REPO.parent / "shared" / "realdocs"
REVIEWS = REPO / "docs" / "corpus-review"

SPLIT = ("S106", "info", 1)  # one half of a disclosure published in two files: said once, as information

EXPECTED = {
    # Beijing publishes 附件1 情况说明 and 附件2 报表 as two files
    "beijing-shenjiju-2026-budget": [SPLIT],
    "beijing-shenjiju-2026-budget-tables": [SPLIT],
    "beijing-sifaju-2026-budget": [SPLIT],
    "beijing-sifaju-2026-budget-tables": [SPLIT],
    # 比年初预算增加 333.83 万元 on 1,391.68: 31.56%, printed 31.35%
    "central-guojiaxinfangju-2026-budget": [("N102", "error", 408)],
    # "三、" where （三） is meant; 204 02 公安 7,927.40 while its items add up to 7,608.16 (表3 and 表5)
    "fujian-fuzhou-xuntejingzhidui-2026-budget": [("S101", "error", 85), ("B101", "error", 158), ("B101", "error", 213)],
    # "2026A 年"
    "fujian-fuzhou-yibaoju-2026-budget": [("T101", "error", 88)],
    # the template's "局（部、委、办）" left unfilled, three times
    "guangdong-foshan-guidaojiaotongju-2019-final": [("T101", "error", 525)],
    # 其中 15 of 8 devices and 3 of 0; the 三公 table's items are not in its text layer
    "hunan-changsha-gonganju-2025-budget": [("N104", "error", 129), ("N104", "error", 133), ("B114", "info", 299)],
    "hunan-changsha-xinfangju-2026-budget": [("B114", "info", 263)],
    # the 2018 Jiangsu template states no 国有资产占用; 392.92 is printed for 382.92 (the rate is right)
    "jiangsu-shenggaoyuan-2018-budget": [("S104", "warning", 1), ("N102", "error", 536)],
    # rounding slips at 600, 655, 688 and 706; 13.22% printed for 22.21% at 624; a share raised to make 100%
    "jiangsu-shengjianchayuan-2019-budget": [
        ("N102", "error", 600), ("N102", "error", 624), ("N105", "info", 636),
        ("N102", "error", 655), ("N102", "error", 688), ("N102", "error", 706),
    ],
    # no 国有资产占用; 增加（减少） left in 13 times; 1312.56% for 1212.56%; a raised share; （按…填写） left in
    "jiangsu-shengrenda-2018-budget": [
        ("S104", "warning", 1), ("T101", "error", 408), ("N102", "error", 444),
        ("N105", "info", 465), ("T101", "error", 536),
    ],
    # "2018年部门汇总预算" in the 2019 budget; 增加（减少） left in
    "jiangsu-shengrenda-2019-budget": [SPLIT, ("Y101", "error", 70), ("T101", "error", 136)],
    "jiangsu-shengrenda-2019-budget-tables": [SPLIT],
    # 30% for 29%, 16.07% for 16.08%
    "jiangsu-shengweibangongting-2019-budget": [SPLIT, ("N102", "error", 135), ("N102", "error", 172)],
    "jiangsu-shengweibangongting-2019-budget-tables": [SPLIT],
    # no 国有资产占用; （按…填写） left in; 66.69% for 66.68%
    "jiangsu-shengzhengxie-2018-budget": [
        ("S104", "warning", 1), SPLIT, ("T101", "error", 254), ("N102", "error", 317),
    ],
    "jiangsu-shengzhengxie-2018-budget-tables": [SPLIT],
    # a contents entry with no body section; 预算表5 unreadable (its rows hold 7 and 9 cells);
    # 301 and 302 against their items; "1682.76元" where 万元 is meant
    "jilin-changchun-xinfangju-2026-budget": [
        ("S105", "error", 12), ("B114", "info", 163), ("B101", "error", 229),
        ("B101", "error", 239), ("N104", "error", 430),
    ],
    # completion 35% of equal figures; a 总分 of 93 against a weight of 90 and scores adding up to 83
    "shaanxi-xian-weijianwei-2022-final": [("N107", "error", 1115), ("B104", "error", 2116), ("B108", "error", 2116)],
    # 增加（减少） left in
    "shaanxi-xian-yibaoju-2022-budget": [("T101", "error", 318)],
    # assets "截至2026年12月31日" in the 2026 budget
    "shandong-yantai-shenjiju-2026-budget": [("Y101", "error", 501)],
    # the body has no 第二部分; 99.86% for 99.87%; 95.45% for 95.46%; 下降（增长） left in
    "shanghai-putuo-guihuaziyuanju-2024-final": [
        ("S101", "error", 400), ("N101", "error", 423), ("N107", "error", 435), ("T101", "error", 520),
    ],
    # "（增加内容）" left in a heading
    "shanghai-putuo-shehuifuliyuan-2024-budget": [("T101", "error", 223)],
    # the template's instruction printed; no 第二部分; 9.55% for 9.56%
    "shanghai-putuo-shehuigongzuobu-2024-final": [("T101", "error", 308), ("S101", "error", 323), ("N101", "error", 348)],
    # "比2026年预算" in the 2026 budget, five times
    "shanghai-putuo-sifaju-2026-budget": [("Y101", "error", line) for line in (81, 83, 84, 84, 85)],
    # 增加（减少） left in; 行政运行 carries 64,840,547 in 项目支出 (表3 and 表5), which its 款 and its 合计 contradict
    "shanghai-putuo-sifaju-unit-2026-budget": [
        ("T101", "error", 64), ("B101", "error", 147), ("B102", "error", 148),
        ("B101", "error", 184), ("B102", "error", 185),
    ],
    # 8013 ㎡ whose parts add up to 8103, in three years' budgets
    "shanghai-putuo-wanlijiedao-2023-budget": [("N104", "error", 504)],
    "shanghai-putuo-wanlijiedao-2024-budget": [("N104", "error", 513)],
    "shanghai-putuo-wanlijiedao-2025-budget": [("N104", "error", 472)],
    # no 机关运行经费 anywhere; 49.4% for 49.5%
    "zhejiang-hangzhou-qixiangju-2026-budget": [("S104", "warning", 1), ("N101", "error", 77)],
    # 表07 三公: only its 合计 is in the text layer
    "zhejiang-huzhou-caizhengju-2026-budget": [("B114", "info", 561)],
}


def _documents() -> list:
    if not REALDOCS.is_dir():
        return []
    return sorted(p for p in REALDOCS.iterdir() if p.suffix in (".pdf", ".txt", ".docx"))


@lru_cache(maxsize=None)
def _findings(path) -> list[tuple[str, str, int]]:
    document = load_document(str(path))
    return sorted((i.rule, i.severity, i.line) for i in lint_document(document, all_rules()))


pytestmark = pytest.mark.skipif(
    not REALDOCS.is_dir(), reason="../shared/realdocs is not here: the real documents are not part of the repository"
)


@pytest.mark.parametrize("path", _documents(), ids=[p.stem for p in _documents()])
def test_every_finding_on_a_real_document_is_one_the_review_judged_true(path):
    assert _findings(path) == sorted(EXPECTED.get(path.stem, []))


def test_every_real_document_is_reviewed_and_every_pinned_one_exists():
    stems = {p.stem for p in _documents()}
    assert len(stems) == 51
    assert set(EXPECTED) <= stems
    assert not [stem for stem in stems if not (REVIEWS / f"{stem}.md").is_file()]


def test_the_real_documents_stay_within_the_budget_of_findings():
    """At most 60 errors and warnings on the 51 files (510 before), every
    one of them pinned above."""
    serious = [f for p in _documents() for f in _findings(p) if f[1] in ("error", "warning")]
    assert len(serious) <= 60
