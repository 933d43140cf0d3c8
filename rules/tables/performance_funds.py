"""The scores of performance self-evaluation tables: B103 execution-rate,
B104 score-exceeds-weight, B108 total-score and B112 weights-total."""

from __future__ import annotations

from decimal import Decimal

from linter.issues import Message
from linter.numbers import Interval, percent_mismatch
from linter.rule import Example, Rule
from linter.tables import table_models

_TABLE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


def _at_places(score, places: int) -> Interval:
    """The interval a score stands for in a table that prints scores to
    ``places`` decimals somewhere: a table that prints "16.25" would print a
    score of 19.6 as "19.6", so its "20" is 20 to that precision — not
    19.5–20.5, which would leave a sum of ten integer scores ±5 wide."""
    if score.places >= places:
        return score.interval
    half = Decimal(5).scaleb(-(places + 1))
    return Interval(score.value - half, score.value + half)


class ExecutionRate(Rule):
    code = "B103"
    name = "execution-rate"
    severity = "error"
    kinds = ("final_account", "unknown")
    summary = Message("绩效自评表执行率与金额不符", "An execution rate does not match its amounts")
    description = Message(
        "项目支出绩效自评表“年度资金总额”行：执行率 = 全年执行数 ÷ 全年预算数（按打印精度做区间运算；"
        "单元格逐个换行印出时也能读出）。全年预算数可能为 0 时不检查。",
        "The funds row of a performance self-evaluation table: 执行率 = 全年执行数 / 全年预算数, "
        "interval arithmetic, also when the cells are printed one per line. Not checked when the "
        "budget may be 0.",
    )
    examples = (
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 90.00% 9.00 分\n总分 100 99.00 分\n", fails=True),
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n总分 100 100.00 分\n", fails=False),
        Example(_TABLE + "年度资金总额\n87.03\n87.03\n1.39\n10\n1.60%\n0.16 分\n", fails=False),
    )

    def check(self, document):
        for model in table_models(document):
            for funds in model.funds:
                if funds.budget.interval.lo <= 0:
                    continue
                ratio = funds.spent.interval / funds.budget.interval
                want = percent_mismatch(ratio, funds.rate.interval, max(funds.rate.places, 2))
                if want is None:
                    continue
                yield self.finding(
                    funds.rate.span,
                    f"执行率应为 {want}（全年执行数 {funds.spent.text} ÷ 全年预算数 {funds.budget.text}），实为 {funds.rate.text}",
                    f"execution rate should be {want} ({funds.spent.text} / {funds.budget.text}), found {funds.rate.text}",
                    expected=want,
                    actual=funds.rate.text,
                )


class ScoreExceedsWeight(Rule):
    code = "B104"
    name = "score-exceeds-weight"
    severity = "error"
    kinds = ("final_account", "unknown")
    summary = Message("得分超过分值", "A score exceeds its weight")
    description = Message(
        "绩效自评表中各指标行、“年度资金总额”行与“总分”行的得分不能超过其分值（分值是设定的，不是舍入的结果）。",
        "In a performance self-evaluation table, the score of an indicator, of the funds row and "
        "of the total row cannot exceed its weight (a weight is set, not rounded).",
    )
    examples = (
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 12.00 分\n总分 100 100.00 分\n", fails=True),
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n总分 100 102.00 分\n", fails=True),
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n总分 100 91.21 分\n", fails=False),
        Example(_TABLE + "产出指标 数量指标 培训人次 >=100 人次 =120 人次 20 25\n", fails=True),
        # a weight is set, not rounded: "10" is exactly 10
        Example(_TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.40 分\n总分 100 100.00 分\n", fails=True),
    )

    def check(self, document):
        for model in table_models(document):
            pairs = [(f.weight, f.score) for f in model.funds] + [(s.weight, s.score) for s in model.scores]
            pairs += [(i.weight, i.score) for i in model.indicators]
            for weight, score in pairs:
                if score.interval.lo > weight.value:  # a weight is set, not rounded
                    yield self.finding(
                        score.span,
                        f"得分 {score.text} 超过分值 {weight.text}",
                        f"score {score.text} exceeds the weight {weight.text}",
                        expected=f"<= {weight.text}",
                        actual=score.text,
                    )


class TotalScore(Rule):
    code = "B108"
    name = "total-score"
    severity = "error"
    kinds = ("final_account", "unknown")
    summary = Message("绩效自评表总分与各项得分之和不符", "A self-evaluation's total score differs from its scores")
    description = Message(
        "绩效自评表的“总分”得分应等于“年度资金总额”行与各指标行得分之和（区间运算；表中有得分印出小数时，"
        "小数位较少的得分按表中最多的小数位计）。指标行常被逐格换行，"
        "只要同一行末尾仍是“分值 得分”即可读出；只在读到的各行分值之和恰好等于总分的分值（所有指标行都已读到）时检查，"
        "读不全时不检查。PDF 双层文字使每个指标行重复印出两次时，按一次计。",
        "The total score of a self-evaluation equals the scores of the funds row and the indicator "
        "rows (interval arithmetic; where the table prints some score with decimals, a score "
        "printed with fewer is taken to the most decimals the table prints). Indicator rows are "
        "often printed one cell per line; they are read wherever a line still ends in \"weight "
        "score\". Checked only when the weights of the rows read add up exactly to the table's "
        "total weight (every indicator read); otherwise nothing is checked. Indicators printed "
        "twice (two text layers in a PDF) count once.",
    )
    examples = (
        Example(
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
            "效益指标 满意度指标 群众满意度 >=90% =80% 40 30\n总分 100 90.00 分\n",
            fails=False,
        ),
        Example(
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
            "效益指标 满意度指标 群众满意度 >=90% =80% 40 30\n总分 100 95.00 分\n",
            fails=True,
        ),
        Example(  # one indicator row unread (its weight missing): not checked
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n总分 100 95.00 分\n",
            fails=False,
        ),
        Example(  # an indicator printed one cell per line, its score cut in the decimals
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n效益指标\n群众满意\n度\n>=90%\n=80% 40\n30.0\n0\n"
            "总分 100 95.00 分\n",
            fails=True,
        ),
    )

    def check(self, document):
        for model in table_models(document):
            if not model.indicators_complete:
                continue
            total = model.scores[0]
            rows = model.funds + model.indicators
            places = max(q.places for q in [total.score] + [row.score for row in rows])
            scores = Interval.exact(0)
            for row in rows:
                scores = scores + _at_places(row.score, places)
            if scores.intersects(_at_places(total.score, places)):
                continue
            printed = sum(row.score.value for row in rows)
            yield self.finding(
                total.score.span,
                f"总分 {total.score.text}，而各项得分之和为 {printed}",
                f"the total score is {total.score.text}, but the scores add up to {printed}",
                expected=str(printed),
                actual=total.score.text,
            )


class WeightsTotal(Rule):
    code = "B112"
    name = "weights-total"
    severity = "error"
    kinds = ("final_account", "unknown")
    summary = Message("绩效自评表各项分值之和与总分分值不符", "A self-evaluation's weights do not add up to its total")
    description = Message(
        "绩效自评表“年度资金总额”行与各指标行的分值之和应等于“总分”行的分值。指标行读不全时无法与漏读区分，"
        "所以只在指标部分每一行带数字的内容都读作了“分值 得分”、且按印出的数字各项得分之和落在总分得分的舍入区间内"
        "（说明确实读到了全部行）时才报告。",
        "The weights of the funds row and of the indicator rows add up to the weight of the 总分 "
        "row. A row that was not read looks the same as a wrong weight, so this is reported only "
        "when every line of the indicator part that carries a number was read as a weight and a "
        "score, and the scores as printed add up to the total score within its rounding, which "
        "shows that every row was read.",
    )
    examples = (
        Example(
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
            "效益指标 满意度指标 群众满意度 >=90% =80% 50 30\n总分 100 90.00 分\n",
            fails=True,
        ),
        Example(
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
            "效益指标 满意度指标 群众满意度 >=90% =80% 40 30\n总分 100 90.00 分\n",
            fails=False,
        ),
        Example(  # a line with a number left unread (the weight 40 stands alone): not checked
            _TABLE + "年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n"
            "产出指标 数量指标 培训人次 >=100 人次 =120 人次 50 50\n"
            "效益指标 满意度指标 群众满意度 >=90% =80% 40\n中\n30\n总分 100 90.00 分\n",
            fails=False,
        ),
    )

    def check(self, document):
        for model in table_models(document):
            rows = model.read_in_full
            if model.indicators_complete or not rows:
                continue
            total = model.scores[0]
            rows = model.funds + rows
            # Validation of the reading, not a claim: the scores as printed
            # add up to the 总分 as rounded.  Intervals on every score would
            # let a misread row of small numbers through (11 integer scores
            # give ±5.5).
            printed = sum(row.score.value for row in rows)
            if not total.score.interval.lo <= printed <= total.score.interval.hi:
                continue  # the scores do not add up either: a row may be misread
            weights = sum(row.weight.value for row in rows)
            yield self.finding(
                total.weight.span,
                f"各项分值之和为 {weights}，而总分分值为 {total.weight.text}",
                f"the weights add up to {weights}, but the total weight is {total.weight.text}",
                expected=str(weights),
                actual=total.weight.text,
            )
