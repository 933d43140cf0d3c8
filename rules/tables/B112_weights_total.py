"""B112 weights-total: the weights (分值) of a self-evaluation add up to its 总分 weight."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import Interval
from linter.rule import Example, Rule
from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel

_TABLE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


class WeightsTotal(Rule):
    code = "B112"
    name = "weights-total"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (TableModel, FundsRow, ScoreRow, IndicatorRow)
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
        for model in document.facts.tables():
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
