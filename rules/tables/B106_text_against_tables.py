"""B106 text-against-tables: a figure the narrative states for a subject that
the document's tables also state must match one of the tables of the same
scope — the same funds (all funds, 财政拨款, 一般公共预算 …) and the same stage
(决算 or 预算).  A statement or a table whose scope is unclear is not compared."""

from __future__ import annotations

import bisect
import re

from linter.facts.model import Amount
from linter.issues import Message
from linter.rule import Example, Rule
from linter.tables import table_models

_LEVEL_MARK = re.compile(r"\((?:类|款|项)\)|（(?:类|款|项)）")
_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|\s|其中|:|的|合计|小计|为$|是$")

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

_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")


def _key(label: str) -> str:
    """A subject's name for matching; "社会保障和就业（类）" and the table's
    "社会保障和就业支出" name the same class."""
    key = _NOISE.sub("", _LEVEL_MARK.sub("", label))
    if key in _COLUMNS:
        return key  # 基本支出, 项目支出 name columns
    return key[:-2] if key.endswith("支出") and len(key) > 3 else key


class TextAgainstTables(Rule):
    code = "B106"
    name = "text-against-tables"
    severity = "error"
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
    )

    def check(self, document):
        for fact, subject, values in comparisons(document):
            if any(v.interval.intersects(fact.quantity.interval) for v in values):
                continue
            printed = "、".join(dict.fromkeys(v.text for v in values))
            yield self.finding(
                fact.span,
                f"「{subject}」写作 {fact.quantity.text}，表格中为 {printed}",
                f"「{subject}」 is {fact.quantity.text} here, the tables say {printed}",
                expected=printed,
                actual=fact.quantity.text,
            )


# The scope of a table or a statement: which funds it covers.  The longer
# names are matched first, so 一般公共预算财政拨款 is 一般公共预算 and not 财政拨款.
_FUNDS = re.compile(
    r"(?P<general>一般公共预算(?:财政)?(?:拨款)?)"
    r"|(?P<fund>政府性基金(?:预算)?(?:财政)?(?:拨款)?)"
    r"|(?P<capital>国有资本经营(?:预算)?(?:财政)?(?:拨款)?)"
    r"|(?P<special>财政专户)"
    r"|(?P<fiscal>财政拨款)"
)
# All funds: a heading or a table about 收入 / 支出 / 收支 as such
# ("支出决算情况说明", "2024年支出预算情况说明", "部门支出总体情况表") …
_ALL_TITLE = re.compile(r"(?:^|年度?|部门|单位|预算|决算|\s)(?:收入支出|收支|收入|支出)(?:预算|决算)?(?:总体)?(?:情况|总表|表)")
# … or a sentence about the whole ("支出总计 …，其中：基本支出 …").
_ALL_SENTENCE = re.compile(r"(?:收入|支出|收支)总计|本年(?:收入|支出)(?:合计)?|收支总预算")
_FUND_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算")
_FINAL_WORDS = re.compile(r"决算|执行数|实际支出|实际完成")
_OTHER_YEAR = re.compile(r"上年|去年|上一年|前一年|(?P<year>(?:19|20)\d{2})\s*年")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[。！？!?，,；;：:]")
# A table of part of the spending: its 合计 for a subject is not the subject's.
_PART_TABLE = re.compile(r"基本支出|项目支出|人员经费|公用经费")


def _funds(text: str) -> str | None:
    """The one fund scope a text names (general, fund, capital, special,
    fiscal), "all" for the whole, "mixed" when it names several, or None."""
    named = {match.lastgroup for match in _FUNDS.finditer(text)}
    if len(named) > 1:
        return "mixed"
    return named.pop() if named else None


def _table_scope(title: str) -> str | None:
    squeezed = re.sub(r"\s+", "", title)
    named = _funds(squeezed)
    if named is not None:
        return None if named == "mixed" else named
    return "all" if _ALL_TITLE.search(re.sub(r"^表\s*\d+", "", squeezed)) else None


def _stage(text: str, default: str | None) -> str | None:
    """决算 (final) or 预算 (budget): what the words say, else the default."""
    text = _FUND_NAMES.sub("", text)
    if _FINAL_WORDS.search(text):
        return "final"
    if "预算" in text:
        return "budget"
    return default


def _default_stage(document) -> str | None:
    return {"final_account": "final", "budget": "budget"}.get(document.info.kind)


def _table_values(document) -> dict[tuple[str, str, str], list]:
    """What the classified tables state, by (subject or column, scope, stage).
    A table whose title does not make its scope and stage clear, a table of
    income, and (for the subjects) a table of one part of the spending are
    left out."""
    stated: dict[tuple[str, str, str], list] = {}
    default = _default_stage(document)
    for model in table_models(document):
        if model.kind != "classified":
            continue
        title = re.sub(r"\s+", "", model.table.title)
        scope, stage = _table_scope(title), _stage(title, default)
        if scope is None or stage is None:
            continue
        if "收入" in title and not re.search(r"支出|收支", title):
            continue
        part = bool(_PART_TABLE.search(title))
        for row in model.rows:
            if row.code and "合计" in row.columns and not part:
                stated.setdefault((_key(row.label), scope, stage), []).append(row.columns["合计"])
            if row.code is None:
                for column, value in row.columns.items():
                    if column != "合计" and value.text:
                        stated.setdefault((column, scope, stage), []).append(value)
    return stated


class _Text:
    """Where a statement's sentence and clause begin: after the last
    sentence (or clause) end, never before the heading or table above it."""

    def __init__(self, document):
        self.text = document.text
        nodes = [*document.sections(), *document.tables()]
        self.bounds = sorted(node.span.end for node in nodes)

    def lead(self, start: int, end: re.Pattern) -> str:
        bound = self.bounds[bisect.bisect_right(self.bounds, start) - 1] if self.bounds and self.bounds[0] <= start else 0
        text = self.text[bound:start]
        ends = [m.end() for m in end.finditer(text)]
        return text[ends[-1]:] if ends else text


def _statement_scope(fact: Amount, sentence: str) -> str | None:
    """The funds a figure is about: what its sentence names before it, else
    the nearest heading that names them ("一般公共预算财政拨款支出决算情况说明",
    "支出决算情况说明")."""
    said = _funds(sentence)
    if said is not None:
        return None if said == "mixed" else said
    heading = None
    for title in reversed(fact.section.split(" / ")):
        heading = _funds(title)
        if heading is None and _ALL_TITLE.search(title):
            heading = "all"
        if heading is not None:
            break
    if _ALL_SENTENCE.search(sentence):
        # "本年支出合计…其中：基本支出" under a heading of one fund: unclear
        return "all" if heading in (None, "all") else None
    return None if heading == "mixed" else heading


def _other_year(clause: str, year: int | None) -> bool:
    for match in _OTHER_YEAR.finditer(clause):
        if match.group("year") is None or (year is not None and int(match.group("year")) != year):
            return True
    return False


def comparisons(document):
    """Each narrative figure B106 can compare, with the table figures of the
    same subject or column, scope (all funds, 一般公共预算 …) and stage
    (决算 or 预算): ``(fact, subject, values)``."""
    stated = _table_values(document)
    if not stated:
        return
    stages = {stage for _, _, stage in stated}
    default = _default_stage(document)
    text = _Text(document)
    starts = [t.span.start for t in document.tables()]
    ends = [t.span.end for t in document.tables()]
    item_title = None  # the item whose first sentence is being read
    item_end = -1
    for fact in document.facts:
        if not isinstance(fact, Amount) or fact.quantity.unit != "万元":
            continue
        inside = bisect.bisect_right(starts, fact.span.start) - 1
        if inside >= 0 and fact.span.start < ends[inside]:
            continue  # a figure inside a table is not the narrative
        clause = text.lead(fact.span.start, _CLAUSE_END)
        if _other_year(clause, document.info.year):
            continue  # 上年预算数、2023年决算数: not what this year's tables state
        if fact.role in ("budget", "final"):
            stage = fact.role
        else:
            stage = _stage(clause, default)
        subject = _named_subject(fact)
        if subject is None:
            title = fact.section.rsplit(" / ", 1)[-1]
            if fact.role not in ("amount", "budget", "final"):
                continue
            if title != item_title:
                item_title = title
                item_end = -1
                match = _LAST_SUBJECT.search(title)
                if match and _LEVEL_MARK.search(title):
                    sentence_end = _SENTENCE_END.search(document.text, fact.span.end)
                    item_end = sentence_end.start() if sentence_end else len(document.text)
                    item_subject = match.group(1)
            if fact.span.start >= item_end or stage not in stages:
                continue  # the item's first sentence only, a figure of a stage the tables state
            item_end = -1  # the first figure that fits is the item's
            subject = item_subject
        if stage is None:
            continue
        scope = _statement_scope(fact, text.lead(fact.span.start, _SENTENCE_END))
        if scope is None:
            continue
        values = stated.get((_key(subject), scope, stage))
        if values:
            yield fact, subject, values


_LAST_SUBJECT = re.compile(r"([^()（）]+)[(（](?:类|款|项)[)）][^()（）]*$")


def _named_subject(fact: Amount) -> str | None:
    """A figure whose own label names the classification subject
    ("社会保障和就业支出（类）654.95万元") or a column (基本支出 …).

    Otherwise, for a list item titled by its classification ("…（款）行政运行
    （项）：2024年预算数为 319.59万元"), the item's figure is the first one of
    its first sentence whose stage (决算 or 预算) the tables state: in a final
    account "年初预算为 B，支出决算为 F" compares F.  Economic names such as
    印刷费 also describe projects, which the basic-spending table does not
    cover.
    """
    if fact.role == "amount" and (_LEVEL_MARK.search(fact.label) or _key(fact.label) in _COLUMNS):
        return fact.label
    return None
