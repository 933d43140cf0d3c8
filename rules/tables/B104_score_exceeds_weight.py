"""B104 score-exceeds-weight: no score (得分) of a self-evaluation exceeds its weight (分值)."""

from __future__ import annotations

from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel

_TABLE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


class ScoreExceedsWeight(Rule):
    code = "B104"
    name = "score-exceeds-weight"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (TableModel, FundsRow, ScoreRow, IndicatorRow)
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
        for model in document.facts.tables():
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
