"""Write the consistent documents of this folder from outlines.py.

    python tests/data/structure/make_fixtures.py

Three documents per template family (another unit, another year each); the
files are committed, so the tests read them as they read any fixture, and
this script is only run again when an outline changes.
"""

from __future__ import annotations

from pathlib import Path

from outlines import OUTLINES

HERE = Path(__file__).resolve().parent
UNITS = ("某某市统计局", "某某市审计局", "某某市信访局")
YEARS = (2024, 2025, 2026)
# Plain prose without figures: the structure is under test, not arithmetic.
SENTENCES = (
    "{U}按照年度工作安排统筹做好本项工作，有关情况在此作出说明。",
    "本部分内容由{U}财务部门会同有关处室编制，经集体研究后向社会公开。",
    "{U}严格执行预算管理的有关规定，各项支出均按规定程序办理。",
    "{U}坚持勤俭节约，从严控制一般性支出，确保重点工作顺利开展。",
)


def render(outline: str, unit: str, year: int) -> str:
    lines, count = [], 0
    for line in outline.strip("\n").split("\n"):
        if line == "P":
            line = SENTENCES[count % len(SENTENCES)]
            count += 1
        elif line.startswith("P:"):
            line = line[2:]
        lines.append(line.replace("{U}", unit).replace("{Y}", str(year)).replace("{P}", str(year - 1)))
    return "\n".join(lines) + "\n"


def main() -> None:
    for family, (_kind, outline) in OUTLINES.items():
        for n, (unit, year) in enumerate(zip(UNITS, YEARS), start=1):
            (HERE / f"{family}-{n}.txt").write_text(render(outline, unit, year), encoding="utf-8")


if __name__ == "__main__":
    main()
