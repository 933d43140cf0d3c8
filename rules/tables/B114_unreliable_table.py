"""B114 unreliable-table: a table whose reading failed its own identities is
said so once, as information, instead of being checked.

The table stage's gate (linter.tables.reliability) decides; this rule only
tells the reader which table was left unchecked, why, and on which page, so
that a misread table is neither silently skipped nor reported as twenty
errors of the document."""

from __future__ import annotations

from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import TableModel

# A 部门支出总表 that prints its empty cells as 0.00, one of whose amounts
# wrapped onto a line of its own: read line by line, the rows have three
# numbers and two, so they were not read by column.
_ROWS = (
    "总计 120.00 80.00 40.00\n208 社会保障和就业支出 100.00 60.00 40.00\n"
    "208 01 人力资源和社会保障管理事务 {wrapped}\n"
    "208 01 01 行政运行 60.00 60.00 0.00\n208 01 02 一般行政管理事务 40.00 0.00 40.00\n"
    "221 住房保障支出 20.00 20.00 0.00\n221 02 住房改革支出 20.00 20.00 0.00\n"
    "221 02 01 住房公积金 20.00 20.00 0.00\n"
)
_HEADER = "表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
_WRAPPED = _HEADER + _ROWS.format(wrapped="100.00 60.00\n40.00")
_READ = _HEADER + _ROWS.format(wrapped="100.00 60.00 40.00")

class UnreliableTable(Rule):
    code = "B114"
    name = "unreliable-table"
    severity = "info"
    consumes = (TableModel,)
    summary = Message("表格未能可靠读取，未检查", "A table could not be read reliably and was not checked")
    description = Message(
        "表格规则报告之前，先用表内自身的恒等关系（合计 = 基本支出 + 项目支出、合计 = 人员经费 + 公用经费、"
        "上级科目 = 下级科目之和、“三公”合计 = 各分项）检验读出的数字。按区间运算，如实读出的正确表格不会有任何一处不成立；"
        "一处印错最多影响 4 处恒等关系，所以不成立的超过 4 处、或多于一处且占所检查的一半以上时，错的是读取而不是文件："
        "该表只报告这一条提示，不报告任何错误。",
        "Before any table rule reports, the table's reading is tested against the table's own identities "
        "(合计 = 基本支出 + 项目支出 or 人员经费 + 公用经费, a parent = the sum of its children, the 三公 total = "
        "its items). In interval arithmetic a faithful reading of a correct table fails none; one misprinted "
        "cell breaks at most 4, so when more than 4 fail, or more than one and at least half of those "
        "checked, the reading is wrong, not the document: the table gets this one notice and no errors.",
    )
    examples = (
        Example(_WRAPPED, fails=True, kind="budget"),
        Example(_READ, fails=False, kind="budget"),
    )

    def check(self, document):
        for model in document.facts.tables():
            if model.reliable:
                continue
            page = document.sourcemap.position(model.span.start).page
            where_zh = f"（第 {page} 页）" if page else ""
            where_en = f" (page {page})" if page else ""
            title = model.title.strip()
            yield self.finding(
                model.span,
                f"表「{title}」未能可靠读取，未检查：{model.unreliable.zh}{where_zh}",
                f"table 「{title}」 could not be read reliably and was not checked: {model.unreliable.en}{where_en}",
            )
