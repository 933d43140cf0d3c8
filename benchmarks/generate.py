"""A deterministic generator of final-account disclosures, consistent by
construction.

Every document is built from random *true* values (Decimals with four
places); every printed figure — totals, parts, shares, year-on-year rates,
variance rates, execution rates — is computed from them and printed with
honest half-up rounding to 0.01, the way a finance system prints them.  So a
generated document must lint clean: it is a false-positive test as much as a
benchmark input.  The wording varies (比上年 / 较上年 / 与上年相比 / 同比 /
与 Y 年度相比, 增长 / 增幅, thousands separators or not, full-width digits
now and then), and so does the extraction style (blank lines between wrapped
lines or not, page breaks anywhere, numbers cut at the line end).

``generate(seed, inject=KIND)`` plants one known error and returns the rule
that must report it (see ``INJECTIONS``).

    python benchmarks/generate.py OUT_DIR [--count 500] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

UNITS = (
    "某市人力资源和社会保障局", "某县财政局", "某区教育局", "某州公共就业服务中心", "某市住房公积金管理中心",
    "某县卫生健康委员会", "某市职业技能鉴定中心", "某区统计局",
)
OFFICES = ("办公室", "财务科", "综合科", "人事科", "信息中心", "法规科", "业务一科", "业务二科", "监督科", "档案室")
PROJECTS = ("职业技能培训补贴", "公益性岗位补贴", "信息系统运维", "人才引进经费", "考务经费", "专项调查经费")
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

# injection kind -> the rule that must report it
INJECTIONS = {
    "share": "N101",
    "rate": "N102",
    "direction": "N103",
    "sum": "N104",
    "variance": "N106",
    "numbering": "S101",
    "count": "C101",
    "year": "Y101",
    "execution": "B103",
}


def q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Writer:
    """Prints figures the way a disclosure does, with per-document habits."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.separators = rng.random() < 0.6
        self.full_width = rng.random() < 0.15

    def amount(self, value: Decimal) -> str:
        text = f"{q2(value):,}" if self.separators else f"{q2(value)}"
        return self._maybe_wide(text) + self.rng.choice((" 万元", "万元"))

    def pct(self, value: Decimal) -> str:
        return self._maybe_wide(f"{q2(value)}%")

    def _maybe_wide(self, text: str) -> str:
        if self.full_width and self.rng.random() < 0.2:
            return text.replace(",", "").translate(FULL_WIDTH)
        return text


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 4)))


def _split(rng: random.Random, total: Decimal, parts: int) -> list[Decimal]:
    cuts = sorted(Decimal(str(round(rng.random(), 4))) for _ in range(parts - 1))
    bounds = [Decimal(0), *cuts, Decimal(1)]
    values = [total * (b - a) for a, b in zip(bounds, bounds[1:])]
    return values


def _change(w: Writer, rng: random.Random, current: Decimal, previous: Decimal, base: str, inject: str | None) -> str:
    delta = current - previous
    up = delta >= 0
    rate = abs(delta) / previous * 100 if previous else Decimal(100)
    if inject == "rate":
        rate += 3
    words = ("增加", rng.choice(("增长", "增幅"))) if up else ("减少", rng.choice(("下降", "降幅")))
    if inject == "direction":
        words = (words[0], "下降" if up else "增长")
    return f"{base}{words[0]} {w.amount(abs(delta))}，{words[1]} {w.pct(rate)}"


def _base(rng: random.Random, year: int) -> str:
    return rng.choice(("比上年", "较上年", "与上年相比，", "同比", f"与 {year - 1} 年度相比，"))


def document(seed: int, inject: str | None = None) -> str:
    """The logical text of one generated document (before wrapping)."""
    rng = random.Random(seed)
    w = Writer(rng)
    year = rng.randint(2019, 2030)
    unit = rng.choice(UNITS)
    out: list[str] = [unit, f"{year} 年度部门决算公开说明"]
    section_numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]
    if inject == "numbering":
        section_numbers[4] = "六"

    out += ["第一部分 部门概况", "一、主要职能", "（一）贯彻执行国家有关方针政策和法律法规。", "（二）承担本部门职责范围内的其他工作。"]
    staff = [rng.randint(5, 80), rng.randint(0, 2), rng.randint(0, 30)]
    offices = rng.sample(OFFICES, rng.randint(2, 6))
    stated_offices = len(offices) + (1 if inject == "count" else 0)
    out += [
        "二、机构设置及人员情况",
        f"{unit}{year} 年度，实有人数 {sum(staff)} 人，其中：在职人员 {staff[0]} 人，离休人员 {staff[1]} 人，退休人员 {staff[2]} 人。",
        f"{unit}无下属预算单位，下设 {stated_offices} 个科室，分别是：{'、'.join(offices)}。",
    ]

    # Income and spending of the year, and the carry-overs.
    income = _money(rng, 200, 20000)
    start_carry = _money(rng, 0, 50)
    total = income + start_carry
    spending = total - _money(rng, 0, float(min(total, Decimal(40))))
    end_carry = total - spending
    previous_total = total * Decimal(str(round(rng.uniform(0.7, 1.3), 4)))
    printed_start = start_carry + (Decimal(7) if inject == "sum" else 0)
    out += [
        "第二部分 部门决算情况说明",
        f"{section_numbers[0]}、收入支出决算总体情况说明",
        f"{year} 年度收入总计 {w.amount(total)}，其中：本年收入合计 {w.amount(income)}，使用非财政拨款结余 {w.amount(Decimal(0))}，"
        f"年初结转和结余 {w.amount(printed_start)}。",
        f"{year} 年度支出总计 {w.amount(total)}，其中：本年支出合计 {w.amount(spending)}，结余分配 {w.amount(Decimal(0))}，"
        f"年末结转和结余 {w.amount(end_carry)}。",
        f"收入支出总体{_change(w, rng, total, previous_total, _base(rng, year), inject)}，主要原因是：业务量变化。",
    ]

    fiscal, other = _split(rng, income, 2)
    share_bump = Decimal(2) if inject == "share" else Decimal(0)
    out += [
        f"{section_numbers[1]}、收入决算情况说明",
        f"本年收入 {w.amount(income)}，其中：财政拨款收入 {w.amount(fiscal)}，占 {w.pct(fiscal / income * 100 + share_bump)}；"
        f"其他收入 {w.amount(other)}，占 {w.pct(other / income * 100)}。",
    ]
    basic, project = _split(rng, spending, 2)
    out += [
        f"{section_numbers[2]}、支出决算情况说明",
        f"本年支出 {w.amount(spending)}，其中：基本支出 {w.amount(basic)}，占 {w.pct(basic / spending * 100)}；"
        f"项目支出 {w.amount(project)}，占 {w.pct(project / spending * 100)}。",
    ]

    budget = spending * Decimal(str(round(rng.uniform(0.8, 1.2), 4)))
    variance = (spending - budget) / budget * 100 + (Decimal(5) if inject == "variance" else 0)
    out += [
        f"{section_numbers[3]}、财政拨款收入支出决算总体情况说明",
        f"{year} 年度财政拨款收入总计 {w.amount(total)}，其中：年初财政拨款结转和结余 {w.amount(start_carry)}，"
        f"本年财政拨款收入 {w.amount(income)}。",
        f"与年初预算相比，年初预算数 {w.amount(budget)}，决算数 {w.amount(spending)}，预决算差异率 {w.pct(variance)}，"
        "主要原因是：年中追加预算。",
    ]

    previous_spending = spending * Decimal(str(round(rng.uniform(0.7, 1.3), 4)))
    out += [
        f"{section_numbers[4]}、一般公共预算财政拨款支出决算情况说明",
        "（一）一般公共预算财政拨款支出决算总体情况",
        f"{year} 年度一般公共预算财政拨款支出 {w.amount(spending)}，占本年支出合计的 {w.pct(Decimal(100))}。"
        f"{_change(w, rng, spending, previous_spending, '与上年相比，', None)}，主要原因是：项目调整。",
    ]

    people, office = _split(rng, basic, 2)
    out += [
        f"{section_numbers[5]}、一般公共预算财政拨款基本支出决算情况说明",
        f"{year} 年度一般公共预算财政拨款基本支出 {w.amount(basic)}，其中：人员经费 {w.amount(people)}，"
        f"公用经费 {w.amount(office)}。",
    ]

    travel, cars, hospitality = _split(rng, _money(rng, 0.5, 30), 3)
    three = travel + cars + hospitality
    out += [
        f"{section_numbers[6]}、财政拨款“三公”经费支出决算情况说明",
        f"{year} 年度财政拨款“三公”经费支出 {w.amount(three)}。其中：因公出国（境）费支出 {w.amount(travel)}，"
        f"占 {w.pct(travel / three * 100)}；公务用车购置及运行维护费支出 {w.amount(cars)}，占 {w.pct(cars / three * 100)}；"
        f"公务接待费支出 {w.amount(hospitality)}，占 {w.pct(hospitality / three * 100)}。",
        f"{section_numbers[7]}、政府性基金预算财政拨款收入支出决算情况说明",
        "本单位无政府性基金收入，也没有使用政府性基金安排的支出，故政府性基金预算财政拨款收入支出决算表为空表。",
        f"{section_numbers[8]}、国有资本经营预算财政拨款收入支出决算情况说明",
        "本单位无国有资本经营预算收入，故国有资本经营预算财政拨款收入支出决算表为空表。",
    ]

    goods, works, services = _split(rng, _money(rng, 1, 500), 3)
    cars_held = rng.randint(0, 6)
    closing_year = year + (1 if inject == "year" else 0)
    out += [
        f"{section_numbers[9]}、其他重要事项的情况说明",
        "（一）机关运行经费支出情况",
        f"本部门机关运行经费支出 {w.amount(office)}，主要用于办公费、水电费等。",
        "（二）政府采购情况",
        f"{year} 年度政府采购支出总额 {w.amount(goods + works + services)}，其中：政府采购货物支出 {w.amount(goods)}、"
        f"政府采购工程支出 {w.amount(works)}、政府采购服务支出 {w.amount(services)}。",
        "（三）国有资产占用情况",
        f"截至 {closing_year} 年 12 月 31 日，车辆 {cars_held} 辆，其中：一般公务用车 {cars_held} 辆、其他用车 0 辆。",
    ]

    projects = rng.sample(PROJECTS, rng.randint(1, 4))
    budgets = [_money(rng, 5, 900) for _ in projects]
    spent = [b * Decimal(str(round(rng.uniform(0.5, 1), 4))) for b in budgets]
    out += [
        f"{section_numbers[10]}、预算绩效的情况说明",
        f"根据预算绩效管理要求，本部门预算绩效评价项目 {len(projects)} 个，全年预算数 {w.amount(sum(q2(b) for b in budgets))}，"
        f"全年执行数 {w.amount(sum(q2(s) for s in spent))}。具体附项目支出绩效自评表。",
    ]
    for index, (name, b, s) in enumerate(zip(projects, budgets, spent)):
        rate = q2(s) / q2(b) * 100 + (Decimal(4) if inject == "execution" and index == 0 else 0)
        score = q2(rate / 10)
        out += [
            "TABLE:项目支出绩效自评表",
            f"({year} 年度)",
            f"项目名称 {name}",
            f"主管部门 {unit} 实施单位 {unit}",
            "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
            f"年度资金总额 {q2(b)} {q2(b)} {q2(s)} 10 {q2(rate)}% {score} 分",
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 20 20",
            "效益指标 社会效益指标 群众满意度 >=90% =95% 20 20",
            f"总分 100 {q2(score + 40 + 30)} 分",
        ]
    out += [
        "第三部分 名词解释",
        "一、财政拨款收入：指本级财政当年拨付的资金。",
        "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
        "第四部分 部门决算报表（见附表）",
        "一、《收入支出决算总表》",
    ]
    return "\n".join(out)


def _cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def _break(line: str, width: int, rng: random.Random) -> list[str]:
    """Cut a line where a page of ``width`` cells would: CJK characters take
    two cells, digits one, and justification lets a line run a cell short."""
    pieces, current, used = [], "", 0
    limit = width - rng.randint(0, 1)
    for ch in line:
        if used + _cells(ch) > limit:
            pieces.append(current)
            current, used, limit = "", 0, width - rng.randint(0, 1)
        current += ch
        used += _cells(ch)
    pieces.append(current)
    return pieces


def wrap(logical: str, seed: int) -> str:
    """Lay the logical lines out as PDF-extracted text."""
    rng = random.Random(seed * 7919 + 1)
    width = rng.randint(56, 80)
    blank = rng.random() < 0.6
    out: list[str] = []
    lines_on_page = 0
    for line in logical.split("\n"):
        table = line.startswith("TABLE:")
        line = line.removeprefix("TABLE:")
        pieces = [line] if table else _break(line, width, rng)
        for piece in pieces:
            lines_on_page += 1
            if lines_on_page > rng.randint(25, 40) or table:
                piece = " " + piece  # a new page
                lines_on_page = 0
            out.append(piece)
            if blank:
                out.append("")
    return "\n".join(out) + "\n"


def generate(seed: int, inject: str | None = None) -> str:
    return wrap(document(seed, inject), seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.count):
        (args.out / f"generated_{n:04d}.txt").write_text(generate(args.seed + n), encoding="utf-8")


if __name__ == "__main__":
    main()
