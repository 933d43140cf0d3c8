"""B106 text-against-tables: a figure the narrative states for a subject that
the document's tables also state must match one of the tables of the same
scope — the same funds (all funds, 财政拨款, 一般公共预算 …) and the same stage
(决算 or 预算).  A statement or a table whose scope is unclear is not compared."""

from __future__ import annotations

from linter.facts.model import Amount
from linter.facts.scope import subject_key
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import TableModel, TableRow

_TABLE = (
    "表 5\n一般公共预算支出情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 715.52 448.52 267.00\n208 社会保障和就业支出 654.95 387.95 267.00\n"
    "210 卫生健康支出 24.21 24.21\n221 住房保障支出 36.35 36.35\n"
)
_FINAL = (
    "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
    "合计 1,751.66 509.63 1,242.02\n201 一般公共服务支出 1,751.66 509.63 1,242.02\n"
    "201 08 审计事务 1,751.66 509.63 1,242.02\n201 08 01 行政运行 509.63 509.63 0.00\n"
    "201 08 04 审计业务 1,242.02 0.00 1,242.02\n"
    "\n一、一般公共预算财政拨款支出决算情况说明\n\n（一）具体情况\n\n"
)
_TOTAL_TABLE = (
    "\n表 3\n部门支出总体情况表\n单位：万元\n功能分类科目名称 合计 基本支出 项目支出\n"
    "总计 1,050.52 448.52 602.00\n208 社会保障和就业支出 989.95 387.95 602.00\n"
    "210 卫生健康支出 24.21 24.21\n221 住房保障支出 36.35 36.35\n"
)
_ALL_FUNDS = "\n一、收支预算总体情况\n\n2024年部门预算支出总计 1,050.52万元，其中：基本支出 {}万元，项目支出 {}万元。"

class TextAgainstTables(Rule):
    code = "B106"
    name = "text-against-tables"
    severity = "error"
    consumes = (Amount, TableModel, TableRow)
    summary = Message("正文数字与表格不一致", "A figure in the text differs from the tables")
    description = Message(
        "正文明确按科目（如“社会保障和就业支出（类）”，或以“…（款）行政运行（项）”为题的条目）或按列（基本支出、项目支出、"
        "人员经费、公用经费）写出的金额，应与本文件同一口径的表格中同一科目或同一列的金额一致。口径包括资金范围（全部资金、"
        "财政拨款、一般公共预算、政府性基金等：正文看所在句子，其次看所在标题；表格看表名）和阶段（决算或预算）："
        "决算中“年初预算为…，支出决算为…”的条目以决算数与决算表比较，上年的数字不比较。任何一方口径不明，"
        "或没有同一口径的表格时，不作比较；同一口径有多张表时，只在每张表中都找不到相同金额时才报告。",
        "An amount the text states for a classification subject named as such (社会保障和就业支出（类）, or an item "
        "titled …（款）行政运行（项）) or a column (基本支出, 项目支出, 人员经费, 公用经费) must match the same subject "
        "or column in the document's tables of the same scope: the same funds (all funds, 财政拨款, 一般公共预算, "
        "政府性基金 …; for the text from its sentence, else its headings, for a table from its title) and the same "
        "stage (决算 or 预算): in a final account an item \"年初预算为 B，支出决算为 F\" is compared by F, and last "
        "year's figures are not compared. Where either scope is unclear, or no table has the statement's scope, "
        "nothing is compared; where several tables share it, a figure is reported only when none of them states it.",
    )
    examples = (
        # "社会保障和就业（类）" names the table's 社会保障和就业支出
        Example(_TABLE + "\n一、一般公共预算支出情况说明\n\n1、社会保障和就业（类）645.95万元，占 90.28%。", fails=True, kind="budget"),
        Example(_TABLE + "\n一、一般公共预算支出情况说明\n\n1、社会保障和就业（类）654.95万元，占 91.53%。", fails=False, kind="budget"),
        Example(_TABLE + "\n一、一般公共预算支出情况说明\n\n1、社会保障和就业支出（类）645.95万元，占 90.28%。", fails=True, kind="budget"),
        Example(_TABLE + "\n一、一般公共预算支出情况说明\n\n1、社会保障和就业支出（类）654.95万元，占 91.53%。", fails=False, kind="budget"),
        Example(
            _TABLE + "\n一、一般公共预算支出情况说明\n\n一般公共预算支出 715.52万元，其中：基本支出 448.52万元，项目支出 276.00万元。",
            fails=True,
            kind="budget",
        ),
        Example(
            _TABLE + "\n一、一般公共预算拨款情况说明\n\n（一）具体使用情况\n\n1、社会保障和就业支出（类）：2024年预算数为 645.95万元，比上年增加 1.00万元。",
            fails=True,
            kind="budget",
        ),
        Example(
            _TABLE + "\n一、一般公共预算拨款情况说明\n\n（一）具体使用情况\n\n1、社会保障和就业支出（类）：2024年预算数为 654.95万元，比上年增加 1.00万元。",
            fails=False,
            kind="budget",
        ),
        # last year's figure is not what this year's tables state
        Example(
            _TABLE + "\n一、一般公共预算拨款情况说明\n\n（一）具体使用情况\n\n1、社会保障和就业支出（类）：上年预算数为 600.00万元，2024年预算数为 654.95万元。",
            fails=False,
            kind="budget",
        ),
        # a final account's tables state the 决算: the item's 支出决算 is compared, not its 年初预算
        Example(_FINAL + "1.一般公共服务支出（类）审计事务（款）行政运行（项）。年初预算为558.92万元，支出决算为509.63万元。", fails=False),
        Example(_FINAL + "1.一般公共服务支出（类）审计事务（款）行政运行（项）。年初预算为558.92万元，支出决算为590.63万元。", fails=True),
        # all funds against a table of the 一般公共预算 only: not the same scope, nothing to compare
        Example(_TABLE + _ALL_FUNDS.format("460.00", "590.52"), fails=False, kind="budget"),
        Example(_TABLE + _TOTAL_TABLE + _ALL_FUNDS.format("448.52", "602.00"), fails=False, kind="budget"),
        Example(_TABLE + _TOTAL_TABLE + _ALL_FUNDS.format("448.52", "620.00"), fails=True, kind="budget"),
        # an item that states its figure under its own name: the figures after it are its parts
        Example(
            _FINAL + "（1）一般公共服务支出（类）审计事务（款）审计业务（项）1,242.02 万元，主要用于审计项目等支出"
            " 900.00 万元；信息化建设支出 342.02 万元。",
            fails=False,
        ),
        Example(
            _FINAL + "（1）一般公共服务支出（类）审计事务（款）审计业务（项）。支出决算为 1,224.02 万元，主要用于审计项目等支出"
            " 900.00 万元；信息化建设支出 324.02 万元。",
            fails=True,
        ),
    )

    def check(self, document):
        for fact, subject, values in comparisons(document):
            if any(v.interval.intersects(fact.quantity.interval) for v in values):
                continue
            texts = list(dict.fromkeys(v.text for v in values))
            yield self.finding(
                fact.span,
                f"「{subject}」写作 {fact.quantity.text}，表格中为 {'、'.join(texts)}",
                f"「{subject}」 is {fact.quantity.text} here, the tables say {'、'.join(texts)}",
                expected="、".join(texts),
                actual=fact.quantity.text,
            )


def _table_values(document) -> dict[tuple[str, str, str], list]:
    """What the classified tables state, by (subject or column, scope, stage).
    A table whose title does not make its scope and stage clear, a table of
    income, and (for the subjects) a table of one part of the spending are
    left out."""
    stated: dict[tuple[str, str, str], list] = {}
    for model in document.facts.tables(kind="classified"):
        scope, stage = model.scope, model.stage
        if scope is None or stage is None or model.income_only:
            continue
        for row in model.rows:
            if row.code and row.total is not None and not model.part_of_spending:
                stated.setdefault((row.subject_key, scope, stage), []).append(row.total)
            if row.code is None:
                for column, value in row.parts.items():
                    if value.text:
                        stated.setdefault((column, scope, stage), []).append(value)
    return stated


def comparisons(document):
    """Each narrative figure B106 can compare, with the table figures of the
    same subject or column, scope (all funds, 一般公共预算 …) and stage
    (决算 or 预算): ``(fact, subject, values)``.

    A figure whose label does not name its subject may be a list item's:
    for an item titled by its classification ("…（款）行政运行（项）：2024年
    预算数为 319.59万元") the item's figure is the first one of its first
    sentence whose stage (决算 or 预算) the tables state: in a final account
    "年初预算为 B，支出决算为 F" compares F.  When the item's first sentence
    states its figure under the subject's own name ("…其他财政事务支出（项）
    1153.00 万元，主要用于…等支出 652.00 万元"), the figures after it are its
    parts, not the item.  Economic names such as 印刷费
    also describe projects, which the basic-spending table does not cover.
    """
    stated = _table_values(document)
    if not stated:
        return
    stages = {stage for _, _, stage in stated}
    item_title = None  # the item whose first sentence is being read
    item_end = -1
    item_subject = None
    for fact in document.facts.of(Amount):
        scope = document.facts.scope_of(fact)
        if not scope.money or scope.in_table or scope.other_year:
            continue  # not the narrative; 上年预算数、2023年决算数: not what this year's tables state
        stage = scope.stage
        subject = scope.named_subject
        if scope.heading != item_title:
            item_title, item_end = scope.heading, -1
            if scope.item_subject is not None:
                item_end, item_subject = scope.sentence_end, scope.item_subject
        if subject is not None:
            if fact.span.start < item_end:
                item_end = -1  # the item's figure is stated under its own name: the rest are its parts
        else:
            if fact.role not in ("amount", "budget", "final"):
                continue
            if fact.span.start >= item_end or stage not in stages:
                continue  # the item's first sentence only, a figure of a stage the tables state
            item_end = -1  # the first figure that fits is the item's
            subject = item_subject
        if stage is None or scope.funds is None:
            continue
        values = stated.get((subject_key(subject), scope.funds, stage))
        if values:
            yield fact, subject, values
