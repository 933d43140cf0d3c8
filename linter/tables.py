"""Read the flattened disclosure tables: rows, codes, and which column each
number belongs to.

The extracted text carries a table as lines of cells.  Two families matter:

* **classified tables** (budget 表2 … 表6): rows keyed by a function or
  economic classification code — 类 ``208``, 款 ``208 01``, 项 ``208 01 01`` —
  under columns such as 合计 / 基本支出 / 项目支出.  Empty cells are simply
  absent, so a row "208 01 02 一般行政管理事务 56.00 56.00" does not say
  whether 56.00 is 基本支出 or 项目支出.  The first number of a row is always
  its 合计 (a row is printed because its total is not zero); the others are
  placed by count when the row is complete, and otherwise by the table's own
  identities: 合计 = the two parts, and a parent's column = the sum of its
  children's.  A row that stays ambiguous says so and no rule guesses.
* **performance self-evaluation tables** (项目支出绩效自评表): the funds row
  "年度资金总额 年初预算数 全年预算数 全年执行数 分值 执行率 得分", and the
  "总分 分值 得分" row, also when their cells are printed one per line.

A name wrapped over several lines ("208 01 99" / "其他人力资源和社会保障管理事"
/ "务支出" / "531.00 …") is one row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from linter.facts.model import Quantity
from linter.numbers import UNIT_TO_WAN, Interval, parse_printed, places_of, rounded
from linter.sourcemap import Span
from linter.tree import Cell, Document, Table

_CODE = re.compile(r"^\d{3}(?:\s+\d{2}){0,2}$")
_SOLID_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")  # "2140104", printed without spaces
_CLASSIFIED_HEADER = re.compile(r"科目|编码|代码|分类")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PERCENT = re.compile(r"^-?\d+(?:\.\d+)?%$")
_TOTAL_LABEL = re.compile(r"^(?:总计|合计)$")
# The numeric columns of the classified tables, recognised in the header.
_COLUMN_SETS = (
    ("合计", "基本支出", "项目支出"),
    ("合计", "人员经费", "公用经费"),
)
_MAX_SEARCH = 12  # ambiguous children resolved jointly by exhaustive search


@dataclass(slots=True)
class TableRow:
    label: str  # the row's name (without its code)
    code: str | None  # "208 01 01"; None for 总计/合计 and other rows
    numbers: list[Quantity]
    span: Span
    columns: dict[str, Quantity] = field(default_factory=dict)  # assigned numbers
    choices: list[dict[str, Quantity | None]] = field(default_factory=list)  # open assignments
    parent: "TableRow | None" = None
    children: list["TableRow"] = field(default_factory=list)

    @property
    def depth(self) -> int:
        """0 for a total row, 1 for 类, 2 for 款, 3 for 项."""
        return 0 if self.code is None else len(self.code.split())

    @property
    def ambiguous(self) -> bool:
        return bool(self.choices)

    @property
    def title(self) -> str:
        """How messages name the row: its code and name, or just the name."""
        return f"{self.code} {self.label}" if self.code else self.label


@dataclass(slots=True)
class FundsRow:
    """年度资金总额 of a performance self-evaluation table."""

    initial: Quantity  # 年初预算数
    budget: Quantity  # 全年预算数
    spent: Quantity  # 全年执行数
    weight: Quantity  # 分值
    rate: Quantity  # 执行率
    score: Quantity  # 得分
    span: Span


@dataclass(slots=True)
class ScoreRow:
    """总分: the table's weight total and its score."""

    weight: Quantity
    score: Quantity
    span: Span


@dataclass(slots=True)
class IndicatorRow:
    """An indicator of a self-evaluation: "…>=30 课时 =62.5 课时 10 10" ends in
    its weight (分值) and its score (得分)."""

    weight: Quantity
    score: Quantity
    span: Span
    target: Quantity | None = None  # the indicator's value, when both are numbers
    actual: Quantity | None = None  # of one unit ("<=6.50 万元", "=6.45 万元")
    unit: str = ""
    # "…实际支出比预算金额少 0.5 万元": the gap the deviation note states
    stated_gap: Quantity | None = None
    name: str = ""  # the indicator's own name (三级指标), when it can be read


@dataclass(slots=True)
class TableModel:
    table: Table
    kind: str  # classified | performance | three-public | other
    unit: str  # 万元 or 元: the unit the table states
    columns: tuple[str, ...] = ()  # numeric columns, when the header names them
    rows: list[TableRow] = field(default_factory=list)
    funds: list[FundsRow] = field(default_factory=list)
    scores: list[ScoreRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    # every indicator row was read, with weights adding up to the 总分 weight
    indicators_complete: bool = False
    # when the weights do not add up, but every line of the indicator part
    # that carries a number was read as an indicator's weight and score
    read_in_full: list[IndicatorRow] | None = None

    @property
    def span(self) -> Span:
        return self.table.span


def _quantity(document: Document, cell: Cell, unit: str) -> Quantity | None:
    """A cell's number; money converted to 万元 (``unit`` is the table's
    unit, or "" for scores and weights, which are not money)."""
    parsed = parse_printed(cell.text.rstrip("%"))
    if parsed is None:
        return None
    value, interval = parsed
    if cell.text.endswith("%"):
        return Quantity(cell.text, value, interval, "%", cell.span, places_of(cell.text))
    if not unit:
        return Quantity(cell.text, value, interval, "分", cell.span, places_of(cell.text))
    factor = UNIT_TO_WAN.get(unit, Decimal(1))
    return Quantity(cell.text, value * factor, interval.scale(factor), "万元", cell.span, places_of(cell.text))


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def analyze(document: Document, table: Table) -> TableModel:
    header = "".join(document.text[row.span.start:row.span.end] for row in table.rows[:12])
    unit = "元" if re.search(r"单位\s*:\s*元", header) else "万元"
    title = table.title
    if "三公" in title:
        return _three_public(document, table, unit)
    if "自评表" in title.replace(" ", ""):
        model = TableModel(table, "performance", unit)
        _performance(document, model)
        return model
    solid = bool(_CLASSIFIED_HEADER.search(re.sub(r"\s+", "", header)))
    rows = _classified_rows(document, table, unit, solid)
    if not any(row.code for row in rows):
        return TableModel(table, "other", unit)
    squeezed = re.sub(r"\s+", "", header)
    columns: tuple[str, ...] = ("合计",)
    for candidate in _COLUMN_SETS:
        if all(name in squeezed for name in candidate[1:]):
            columns = candidate
    model = TableModel(table, "classified", unit, columns, rows)
    _link(rows)
    for row in rows:
        _assign(row, columns)
    for row in rows:
        if row.depth == 0 or row.parent is None:
            _resolve(row, columns)
    return model


def _classified_rows(document: Document, table: Table, unit: str, solid: bool = False) -> list[TableRow]:
    """Data rows: a code or 总计/合计, a name, then numbers — a row wrapped
    over several lines is joined.  Codes printed without spaces ("2140104")
    are read only in a table whose header speaks of 科目 or 编码 (``solid``):
    elsewhere a five-digit number at a line's start is just a number."""
    rows: list[TableRow] = []
    pending: TableRow | None = None
    for row in _column_groups(table.rows, solid):
        cells = row.cells
        if not cells:
            continue
        texts = [cell.text for cell in cells]
        code = _code(cells[0].text, solid)
        if code is not None or _TOTAL_LABEL.match(texts[0]):
            body = cells[1:]
            name_cells = [c for c in body if not _is_figure(c.text)]
            number_cells = body[len(body) - _trailing_numbers(body):]
            label = "".join(c.text for c in name_cells) if code is not None else texts[0]
            if len(name_cells) + len(number_cells) != len(body):
                # Numbers between words: not a data row of this layout.  A
                # coded row is kept without numbers, so that no rule sums its
                # parent's children without it.
                if code is not None:
                    rows.append(TableRow(label, code, [], row.span))
                pending = None
                continue
            numbers = [q for q in (_cell_figure(document, c, unit) for c in number_cells) if q is not None]
            current = TableRow(label, code, numbers, row.span)
            rows.append(current)
            pending = current if not numbers else None
        elif pending is not None:
            if all(_is_figure(t) for t in texts):
                pending.numbers = [q for q in (_cell_figure(document, c, unit) for c in cells) if q is not None]
                pending.span = Span(pending.span.start, row.span.end)
                pending = None
            elif not any(_is_number(t) for t in texts):
                pending.label += "".join(texts)
            else:
                pending = None
    return rows


@dataclass(slots=True)
class _Group:
    """One column group of a table line ("30101 基本工资 223.52")."""

    span: Span
    cells: list[Cell]


def _column_groups(lines, solid: bool):
    """The lines of a table, a line printed two or three column groups wide
    ("30101 基本工资 223.52 30201 办公费 24.39", the economic tables of
    人员经费 and 公用经费) cut into one row per group: a new group starts at a
    code that follows a number, on a line that opens with a code."""
    for line in lines:
        cells = line.cells
        if not cells or _code(cells[0].text, solid) is None:
            yield line  # not "code name amount …" (a 收支总表 line: "一、本年收入 945.52 201 …")
            continue
        cuts = [
            i for i in range(2, len(cells))
            if _is_figure(cells[i - 1].text) and _code(cells[i].text, solid) is not None
            and i + 1 < len(cells) and not _is_figure(cells[i + 1].text)
        ]
        if not cuts:
            yield line
            continue
        for start, end in zip([0] + cuts, cuts + [len(cells)]):
            group = cells[start:end]
            yield _Group(Span(group[0].span.start, group[-1].span.end), group)


def _code(text: str, solid: bool) -> str | None:
    """A classification code in its spaced form: "208 01 01" (also when
    printed "2080101", if ``solid``)."""
    if _CODE.match(text):
        return text
    if solid and len(text) > 2 and text[0] in "[【" and text[-1] in "]】":
        text = text[1:-1]  # "[2080101]"
    if solid and _SOLID_CODE.match(text):
        groups = [text[:3]] + [text[i:i + 2] for i in range(3, len(text), 2)]
        return " ".join(groups) if "00" not in groups[1:] else None
    return None


def _is_figure(text: str) -> bool:
    """A number, or a dash standing for an empty amount ("-", "—")."""
    return _is_number(text) or text in _DASHES


def _cell_figure(document: Document, cell: Cell, unit: str) -> Quantity | None:
    if cell.text in _DASHES:
        return Quantity(cell.text, Decimal(0), Interval.exact(0), "万元", cell.span, 2)
    return _quantity(document, cell, unit)


def _trailing_numbers(cells: list[Cell]) -> int:
    count = 0
    for cell in reversed(cells):
        if not _is_figure(cell.text):
            break
        count += 1
    return count


def _link(rows: list[TableRow]) -> None:
    """Parent of each row: the total row for 类, the 类 for its 款, …"""
    by_code = {row.code: row for row in rows if row.code}
    total = next((row for row in rows if row.code is None and row.numbers), None)
    for row in rows:
        if row.code is None:
            continue
        groups = row.code.split()
        parent = by_code.get(" ".join(groups[:-1])) if len(groups) > 1 else total
        if parent is not None and parent is not row:
            row.parent = parent
            parent.children.append(row)


def _assign(row: TableRow, columns: tuple[str, ...]) -> None:
    if not row.numbers:
        return
    row.columns[columns[0]] = row.numbers[0]
    if len(columns) == 1:
        return
    parts = columns[1:]
    if len(row.numbers) == len(columns):
        row.columns.update(zip(parts, row.numbers[1:]))
        return
    total = row.numbers[0]
    if len(row.numbers) == 2 and row.numbers[1].interval.intersects(total.interval) or len(row.numbers) == 1:
        value = row.numbers[-1]
        # One part holds the whole total and the other is empty: which one?
        row.choices = [{parts[0]: value, parts[1]: None}, {parts[0]: None, parts[1]: value}]
    else:
        row.choices = [{}]  # an incomplete row that no identity can place


def _resolve(parent: TableRow, columns: tuple[str, ...]) -> None:
    """Place the ambiguous children's numbers where the parent's columns add up.

    Tried jointly over every combination of the open children; used only
    when exactly one combination makes every part column add up to the
    parent's.  Then the same, one level down."""
    parts = columns[1:]
    open_children = [c for c in parent.children if c.ambiguous and c.choices != [{}]]
    if parts and open_children and not parent.ambiguous and len(open_children) <= _MAX_SEARCH:
        valid = _placements(parent, parts, open_children)
        if len(valid) == 1:
            for child, choice in zip(open_children, valid[0]):
                for name, value in choice.items():
                    child.columns[name] = value if value is not None else _zero(child)
                child.choices = []
    for child in parent.children:
        _resolve(child, columns)


def _zero(row: TableRow) -> Quantity:
    """An empty cell: exactly 0, located at the end of its row."""
    return Quantity("", Decimal(0), Interval.exact(0), "万元", Span(row.span.end, row.span.end), 2)


def _bounds(value: Quantity | None) -> tuple[Decimal, Decimal]:
    return (Decimal(0), Decimal(0)) if value is None else (value.interval.lo, value.interval.hi)


def _placements(parent: TableRow, parts, open_children) -> list[tuple]:
    """The combinations of the open children's choices (at most two found)
    under which every part column adds up to the parent's."""
    fixed = [c for c in parent.children if not c.ambiguous]
    targets, bases = [], []
    for name in parts:
        if name not in parent.columns or any(name not in c.columns for c in fixed):
            return []
        targets.append(parent.columns[name].interval)
        lo = sum((c.columns[name].interval.lo for c in fixed), Decimal(0))
        hi = sum((c.columns[name].interval.hi for c in fixed), Decimal(0))
        bases.append((lo, hi))
    valid = []
    for combo in itertools.product(*(c.choices for c in open_children)):
        for (lo, hi), target, name in zip(bases, targets, parts):
            for choice in combo:
                add_lo, add_hi = _bounds(choice.get(name))
                lo, hi = lo + add_lo, hi + add_hi
            if lo > target.hi or hi < target.lo:
                break
        else:
            valid.append(combo)
            if len(valid) > 1:
                break
    return valid


# -- the "三公" table ---------------------------------------------------------------

# The rows of a 三公 table by what they hold; a row without a number is 0.
THREE_PUBLIC_ROWS = (
    ("total", re.compile(r"^(?:合计|总计)$")),
    ("travel", re.compile(r"因公出国")),
    ("cars", re.compile(r"公务用车购置及运行")),
    ("purchase", re.compile(r"公务用车购置费$")),
    ("running", re.compile(r"公务用车运行(?:维护)?费$")),
    ("hospitality", re.compile(r"公务接待")),
)


def _three_public(document: Document, table: Table, unit: str) -> TableModel:
    """The 财政拨款“三公”经费支出情况表: each row's first number is its 合计."""
    model = TableModel(table, "three-public", unit, ("合计",))
    for row in table.rows:
        cells = row.cells
        words = [c for c in cells if not _is_number(c.text)]
        if not words:
            continue
        label = re.sub(r"^其中[:：]?", "", "".join(c.text for c in words))
        label = re.sub(r"\(小计\)$", "", label)
        kinds = [name for name, pattern in THREE_PUBLIC_ROWS if pattern.search(label)]
        if len(kinds) != 1 or any(r.code == kinds[0] for r in model.rows):
            continue  # no item, or a header naming several ("合计 因公出国（境）费 …")
        kind = kinds[0]
        numbers = [q for q in (_quantity(document, c, unit) for c in cells if _is_number(c.text)) if q is not None]
        entry = TableRow(label, kind, numbers, row.span)
        entry.columns["合计"] = numbers[0] if numbers else _zero(entry)
        model.rows.append(entry)
    if not any(row.numbers for row in model.rows):
        model.rows.clear()
        _three_public_across(document, table, unit, model)
    return model


_ACROSS_ORDERS = {
    # the vehicles' three columns (小计, 购置, 运行) sit where 公务用车 is named
    True: ("total", "travel", "cars", "purchase", "running", "hospitality"),
    False: ("total", "travel", "hospitality", "cars", "purchase", "running"),
}


def _three_public_across(document: Document, table: Table, unit: str, model: TableModel) -> None:
    """The 三公 table laid out across, as the national template prints it: a
    two-level header (合计 因公出国（境）费 公务用车购置及运行费 公务接待费 / 小计
    公务用车购置费 公务用车运行费) over one row of six amounts.  The header's order
    says where the vehicles' columns are; a table with more than one such row,
    or a header that does not say, is not read."""
    data = [row for row in table.rows if len(row.cells) == 6 and all(_is_figure(c.text) for c in row.cells)]
    if len(data) != 1:
        return
    header = re.sub(r"\s+", "", document.text[table.span.start:data[0].span.start])
    travel, cars, hospitality = (header.find(word) for word in ("因公出国", "公务用车购置及运行", "公务接待"))
    if min(travel, cars, hospitality) < 0 or "小计" not in header or not travel < min(cars, hospitality):
        return
    for kind, cell in zip(_ACROSS_ORDERS[cars < hospitality], data[0].cells):
        quantity = _cell_figure(document, cell, unit)
        if quantity is None:
            return
        entry = TableRow(kind, kind, [quantity], data[0].span)
        entry.columns["合计"] = quantity
        model.rows.append(entry)


# -- performance tables ---------------------------------------------------------

_FUNDS_LABELS = ("年度资金总额", "年度总资金", "资金总额")
_FUNDS = re.compile("^(?:" + "|".join(_FUNDS_LABELS) + ")")
_FUNDS_HEAD = (*_FUNDS_LABELS, "总分")  # how a funds or total-score row starts
_SCORE = re.compile(r"^总分$")


def _performance(document: Document, model: TableModel) -> None:
    """Find the funds and total-score rows (joining cells printed one per
    line) and the indicator rows."""
    rows = model.table.rows
    strict: dict[int, IndicatorRow] = {}
    index = 0
    while index < len(rows):
        # Most rows are indicator text: look at the row's start before
        # splitting it into cells.
        start = rows[index].span.start
        if not document.text.startswith(_FUNDS_HEAD, start):
            indicator = _indicator(document, rows[index])
            if indicator is not None:
                if indicator.target is not None:
                    _gap_note(document, rows, index, indicator)
                    indicator.name = _indicator_name(document, rows, index)
                strict[index] = indicator
            index += 1
            continue
        cells = list(rows[index].cells)
        first = cells[0].text if cells else ""
        wanted = 6 if _FUNDS.match(first) else 2 if _SCORE.match(first) else 0
        if not wanted:
            index += 1
            continue
        values = _join_split_numbers([c for c in cells[1:] if _is_value(c.text)])
        end = rows[index].span.end
        probe = index + 1
        while len(values) < wanted and probe < len(rows):
            more = [c for c in rows[probe].cells if c.text != "分"]
            if not more or not all(_is_value(c.text) for c in more):
                break
            values = _join_split_numbers(values + more)
            end = rows[probe].span.end
            probe += 1
        units = [model.unit] * 3 + ["", "", ""] if wanted == 6 else ["", ""]
        quantities = [_quantity(document, c, u) for c, u in zip(values[:wanted], units)]
        span = Span(rows[index].span.start, end)
        if len(quantities) == wanted and all(q is not None for q in quantities):
            if wanted == 6 and quantities[3].unit == "%" and quantities[4].unit != "%":
                # the columns 执行率 分值 得分 instead of 分值 执行率 得分
                quantities[3], quantities[4] = quantities[4], quantities[3]
            if wanted == 6 and quantities[4].unit == "%":
                model.funds.append(FundsRow(*quantities, span))
            elif wanted == 2:
                model.scores.append(ScoreRow(quantities[0], quantities[1], span))
        index = probe if probe > index + 1 else index + 1
    model.indicators = list(strict.values())
    _read_indicator_part(document, model, strict)


# -- indicator rows printed one cell per line ------------------------------------

_INDICATOR_HEADER = re.compile(r"[一二三]级指标")
_DASHES = {"—", "-", "--", "——", "－"}
_DIGIT = re.compile(r"\d")


def _read_indicator_part(document: Document, model: TableModel, strict: dict[int, IndicatorRow]) -> None:
    """Read every indicator row of the table, or leave the rows read on one
    line (``strict``) when they cannot all be read.

    An indicator's name, target and actual value are often broken over
    several lines, but its 分值 and 得分 stay together at the end of one line
    ("4 4", "=3.2万人 8 8"), or around its actual value when the header puts
    分值 before 实际完成值 ("20 =25000 条 20").  Any one line of that shape is
    only probably an indicator, so the rows are accepted only together, when
    the weights of the funds row and of the rows read add up exactly to the
    table's 总分 weight — weights are set, not rounded, so exact equality is
    the right test.  A table whose indicators are all printed twice (two text
    layers in the PDF) is read once when the doubled rows pair up."""
    if len(model.scores) != 1 or len(model.funds) > 1:
        return
    rows = model.table.rows
    header = next((i for i, row in enumerate(rows) if _INDICATOR_HEADER.search(document.text, row.span.start, row.span.end)), None)
    weight_first = False
    if header is not None:
        # The header may be wrapped over many lines; it ends at 得分.
        header_text = ""
        body = header
        while body < min(header + 15, len(rows)) and "得分" not in header_text:
            header_text += re.sub(r"\s+", "", document.text[rows[body].span.start:rows[body].span.end])
            body += 1
        weight_first = 0 <= header_text.find("分值") < header_text.find("实际完成")
    elif model.funds:  # no indicator header: the indicators follow the funds row
        body = next((i for i, row in enumerate(rows) if row.span.start >= model.funds[0].span.end), len(rows))
    else:
        return
    total = model.scores[0]
    found: list[IndicatorRow] = []
    lines: dict[int, tuple[int, int]] = {}  # id(indicator) -> its first and last row
    unread = False  # a line with a number that is not part of a weight and score
    index = first = body
    while index < len(rows) and rows[index].span.start < total.span.start:
        if not _DIGIT.search(document.text, rows[index].span.start, rows[index].span.end):
            index += 1  # most lines are words: do not split them into cells
            continue
        row = strict.get(index) or _weight_and_score(document, rows[index], weight_first)
        used = 1
        if row is None and not weight_first:
            row, used = _score_on_next_lines(document, rows, index)
        if row is not None:
            found.append(row)
            lines[id(row)] = (first, index + used - 1)
            first = index + used
        elif any(_is_number(cell.text) for cell in rows[index].cells):
            unread = True
        index += used
    pairs = [(row.weight.text, row.score.text) for row in found]
    if found and len(found) % 2 == 0 and pairs[0::2] == pairs[1::2]:
        readings = [found[0::2], found]  # printed twice, or two equal rows each time
    else:
        readings = [found]
    target = total.weight.value - sum(f.weight.value for f in model.funds)
    for reading in readings:
        if sum(row.weight.value for row in reading) == target:
            if not weight_first:
                for row in reading:
                    if row.target is None:
                        _values_over_lines(document, rows, *lines[id(row)], row)
            model.indicators, model.indicators_complete = reading, True
            return
    if not unread and found:
        model.read_in_full = readings[0]


def _values_over_lines(document: Document, rows, first: int, last: int, indicator: IndicatorRow) -> None:
    """The target and actual value of an indicator broken over lines
    ("<=221.25" / "万元" / "=221.25 万" / "元" / "4 4"): the last two
    target cells before its weight, the second one "=…", each followed only
    by the pieces of its unit; then its name and deviation note."""
    cells = [
        (i, cell) for i in range(first, last + 1) for cell in _marked_cells(document, rows[i]) if cell.span.start < indicator.weight.span.start
    ]
    targets = [k for k, (_, cell) in enumerate(cells) if _TARGET.match(cell.text)]
    if len(targets) < 2 or not cells[targets[-1]][1].text.startswith("="):
        return
    values = []
    for k, stop in ((targets[-2], targets[-1]), (targets[-1], len(cells))):
        match = _TARGET_NUMBER.match(cells[k][1].text)
        tail = "".join(cell.text for _, cell in cells[k + 1:stop])
        if match is None or re.search(r"\d", tail) or match.group("unit").startswith("."):
            return
        unit = match.group("unit") + tail
        if len(unit) > 4:
            return
        number = match.group("num")
        value, interval = parse_printed(number)  # always a plain decimal here
        start = cells[k][1].span.start + match.start("num")
        values.append((Quantity(number, value, interval, unit, Span(start, start + len(number)), places_of(number)), unit))
    (target, unit), (actual, actual_unit) = values
    if unit != actual_unit:
        return
    indicator.target, indicator.actual, indicator.unit = target, actual, unit
    indicator.name = _indicator_name(document, rows, cells[targets[-2]][0])
    _gap_note(document, rows, last, indicator)


def _marked_cells(document: Document, row) -> list[Cell]:
    """A row's cells, but a row with no target mark (<, >, =) as one cell
    of its words: names, units and notes need not be split (or kept)."""
    text = document.text[row.span.start:row.span.end]
    if "=" in text or "<" in text or ">" in text or row._cells is not None:
        return row.cells
    return [Cell(row.span, re.sub(r"\s+", "", text))]


def _score_on_next_lines(document: Document, rows, index: int) -> tuple[IndicatorRow | None, int]:
    """A weight ending its line with the score alone on the next one, maybe
    cut in its decimals by the column width ("… =7 个县市 10" / "10.0" /
    "0").  Returns the row read and how many lines it took."""
    cells = rows[index].cells
    if not cells or not _is_number(cells[-1].text) or index + 1 >= len(rows):
        return None, 1
    if len(cells) > 1 and _is_value(cells[-2].text):
        return None, 1
    following = rows[index + 1].cells
    if len(following) != 1 or not _is_number(following[0].text):
        return None, 1
    score_cells, used = list(following), 2
    if index + 2 < len(rows) and "." in following[0].text:
        tail = rows[index + 2].cells
        if len(tail) == 1 and tail[0].text.isdigit():
            head = following[0]
            score_cells, used = [Cell(Span(head.span.start, tail[0].span.end), head.text + tail[0].text)], 3
    weight = _quantity(document, cells[-1], "")
    score = _quantity(document, score_cells[0], "")
    if weight is None or score is None:
        return None, 1
    return IndicatorRow(weight, score, Span(rows[index].span.start, rows[index + used - 1].span.end)), used


def _weight_and_score(document: Document, row, weight_first: bool) -> IndicatorRow | None:
    """The weight and score a line ends with: its last two numbers, side by
    side, or (``weight_first``) around the cells of the actual value."""
    cells = row.cells
    numbers = [i for i, c in enumerate(cells) if _is_number(c.text)]
    if len(numbers) < 2:
        return None
    last, before = numbers[-1], numbers[-2]
    if any(c.text in _DASHES for c in cells[last + 1:]):
        return None  # "其中：当年财政拨款 18.00 6.92 6.92 — — —" is money, not scores
    if weight_first == (before == last - 1):
        return None
    weight = _quantity(document, cells[before], "")
    score = _quantity(document, cells[last], "")
    if weight is None or score is None:
        return None
    return IndicatorRow(weight, score, row.span)


_VALUE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?%?$|^\d+%?$")


def _is_value(text: str) -> bool:
    """A number or percentage cell, or the piece of one cut at the decimal
    point by the page width ("2138." then "15", "100." then "00%")."""
    return bool(_VALUE.match(text))


def _join_split_numbers(cells: list[Cell]) -> list[Cell]:
    joined: list[Cell] = []
    for cell in cells:
        if joined and joined[-1].text.endswith(".") and re.match(r"^\d+%?$", cell.text):
            head = joined.pop()
            cell = Cell(Span(head.span.start, cell.span.end), head.text + cell.text)
        joined.append(cell)
    return joined


_TARGET = re.compile(r"^(?:[<>]=?|=)")


def _indicator(document: Document, row) -> IndicatorRow | None:
    """An indicator row on one line: a target and an actual value (=…, >=…,
    <=…), then the weight and the score as the last two plain numbers, and
    maybe a note after them."""
    text = document.text[row.span.start:row.span.end]
    if "=" not in text and ">" not in text and "<" not in text:
        return None
    cells = row.cells
    targets = [i for i, c in enumerate(cells) if _TARGET.match(c.text)]
    if len(targets) < 2:
        return None
    numbers = [i for i, c in enumerate(cells) if _is_number(c.text) and i > targets[-1]]
    if len(numbers) < 2 or numbers[-1] != numbers[-2] + 1:
        return None
    if any(_is_number(c.text) for c in cells[numbers[-1] + 1:]):
        return None
    weight = _quantity(document, cells[numbers[-2]], "")
    score = _quantity(document, cells[numbers[-1]], "")
    if weight is None or score is None:
        return None
    indicator = IndicatorRow(weight, score, row.span)
    values = [_target_value(cells, i) for i in targets[:2]]
    if all(v is not None for v in values) and values[0][1] == values[1][1]:
        indicator.target, indicator.actual, indicator.unit = values[0][0], values[1][0], values[0][1]
    return indicator


_TARGET_NUMBER = re.compile(r"^(?:[<>]=?|=)(?P<num>\d+(?:\.\d+)?)(?P<unit>%|[^\d\s]{0,3})$")


def _target_value(cells: list[Cell], index: int) -> tuple[Quantity, str] | None:
    """The number and unit of a target cell: "<=6.50" then "万元", or "=100%"."""
    match = _TARGET_NUMBER.match(cells[index].text)
    if match is None:
        return None
    unit = match.group("unit")
    if not unit and index + 1 < len(cells) and not _TARGET.match(cells[index + 1].text):
        following = cells[index + 1].text
        if len(following) <= 3 and not _is_number(following):
            unit = following
    parsed = parse_printed(match.group("num"))
    if parsed is None:
        return None
    cell = cells[index]
    start = cell.span.start + match.start("num")
    span = Span(start, start + len(match.group("num")))
    value, interval = parsed
    return Quantity(match.group("num"), value, interval, unit, span, places_of(match.group("num"))), unit


_LEVEL_LABEL = re.compile(r"(?:年度)?(?:绩效)?指标完成情况|(?:一级|二级|三级)指标|(?:产出|效益|满意度|数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|生态效益|可持续影响)指标")


def _indicator_name(document: Document, rows, index: int) -> str:
    """The indicator's name: the last words before its target on its own row
    ("…数量指标 培训人次 >=100 人次"), else the word-only rows just above it
    ("求职登记、职" / "业指导"), back to a line with a number or punctuation
    (the note of the indicator above) or a level label, which may itself be
    wrapped ("经济成本" / "指标")."""
    cells = rows[index].cells
    first_target = next(i for i, c in enumerate(cells) if _TARGET.match(c.text))
    before = [c.text for c in cells[:first_target] if not _is_number(c.text)]
    if before and not _LEVEL_LABEL.fullmatch(before[-1]):
        return _LEVEL_LABEL.sub("", before[-1])
    parts: list[str] = []
    for row in reversed(rows[max(index - 6, 0):index]):
        line = document.text[row.span.start:row.span.end].strip()
        if not line or re.search(r"\d|[。，,；;]", line) or _LEVEL_LABEL.fullmatch(line):
            break  # a note of the indicator above, or the level labels
        parts.append(line)
    return re.sub(r"\s+", "", _LEVEL_LABEL.sub("", "".join(reversed(parts))))


_GAP_NOTE = re.compile(r"比[^。，,0-9]{0,12}?(?:少|多|低|高)(?:了|出)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|%|人次|人|个|户|场次|家|台|套|天|课时)")


def _gap_note(document: Document, rows, index: int, indicator: IndicatorRow) -> None:
    """Read the deviation note that follows an indicator row (often one word
    per line) for a stated gap: "实际支出比预算金额少 0.5 万元"."""
    text, offsets = "", []
    for row in rows[index + 1:index + 15]:
        line = document.text[row.span.start:row.span.end]
        if _TARGET.search(line.split()[0] if line.split() else "") or re.search(r"\s[<>]?=", line):
            break  # the next indicator
        offsets.append((len(text), row.span.start))
        text += line
        if "。" in line:
            break
    match = _GAP_NOTE.search(text)
    if match is None or match.group("unit") != indicator.unit:
        return
    position = match.start("num")
    base, start = max((o for o in offsets if o[0] <= position), key=lambda o: o[0])
    begin = start + position - base
    number = match.group("num")
    if document.text[begin:begin + len(number)] != number:
        return  # the number is cut across two rows: leave it
    parsed = parse_printed(number)
    if parsed is not None:
        value, interval = parsed
        indicator.stated_gap = Quantity(number, value, interval, indicator.unit, Span(begin, begin + len(number)), places_of(number))


def in_table_unit(model: TableModel, interval: Interval) -> Interval:
    """A figure kept in 万元, in the unit the table prints (元 or 万元)."""
    return interval.scale(Decimal(10000)) if model.unit == "元" else interval


def shown_in_table_unit(model: TableModel, value: Decimal, places: int) -> str:
    """A sum of table figures as the table would print it."""
    value = value * 10000 if model.unit == "元" else value
    return str(rounded(value, places))


def read_tables(document: Document) -> list[TableModel]:
    """Every table of the document, analysed: the table stage of the fact
    store (rules ask ``document.facts.tables()``)."""
    return [analyze(document, table) for table in _continued(document.tables())]


def table_models(document: Document) -> list[TableModel]:
    """Every table of the document, analysed (computed once per document)."""
    return document.facts.tables()


_NUMBERED_TABLE = re.compile(r"表\s*\d{1,2}(?!\d)|公开\s*\d{1,2}\s*表")  # not the unnumbered 自评表 of each project


def _continues(previous: str, title: str) -> bool:
    """Is a table titled ``title`` the continuation of one titled
    ``previous``: the same numbered title, the same number ("表5" repeated
    alone), or the numbered table's name repeated without its number?"""
    label, again = _NUMBERED_TABLE.search(previous), _NUMBERED_TABLE.search(title)
    if label is None:
        return False
    number = re.sub(r"\s+", "", label.group())
    previous, title = re.sub(r"\s+", "", previous), re.sub(r"\s+", "", title)
    if title == previous:
        return True
    if again is not None:
        return re.sub(r"\s+", "", again.group()) == number and (title == number or title in previous or previous in title)
    return len(title) >= 4 and title in previous


def _continued(tables: list[Table]) -> list[Table]:
    """Tables with a table that continues them on the next page joined: a
    finance system repeats "表5 / 2025年一般公共预算支出表" on each page, and
    cut in two, a parent row on one page would lose its children on the next."""
    joined: list[Table] = []
    for table in tables:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous.title, table.title):
            joined[-1] = Table(Span(previous.span.start, table.span.end), previous.title, previous.rows + table.rows)
        else:
            joined.append(table)
    return joined
