"""B108 total-score: a self-evaluation's 总分 score is the sum of its indicators' and funds row's scores."""

from __future__ import annotations

from linter.issues import Message
from linter.numbers import Interval, at_places
from linter.rule import Example, Rule
from linter.tables import FundsRow, IndicatorRow, ScoreRow, TableModel

_TABLE = "项目支出绩效自评表\n项目名称 培训\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


class TotalScore(Rule):
    code = "B108"
    name = "total-score"
    severity = "error"
    kinds = ("final_account", "unknown")
    consumes = (TableModel, FundsRow, ScoreRow, IndicatorRow)
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
        for model in document.facts.tables():
            if not model.indicators_complete:
                continue
            total = model.scores[0]
            rows = model.funds + model.indicators
            places = max(q.places for q in [total.score] + [row.score for row in rows])
            scores = Interval.exact(0)
            for row in rows:
                scores = scores + at_places(row.score, places)
            if scores.intersects(at_places(total.score, places)):
                continue
            printed = sum(row.score.value for row in rows)
            yield self.finding(
                total.score.span,
                f"总分 {total.score.text}，而各项得分之和为 {printed}",
                f"the total score is {total.score.text}, but the scores add up to {printed}",
                expected=str(printed),
                actual=total.score.text,
            )
