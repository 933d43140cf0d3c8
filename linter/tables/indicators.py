"""The indicator rows of a self-evaluation table (一级 / 二级 / 三级指标, 年度
指标值, 实际完成值, 分值, 得分, 偏差原因): their weight and score, their target
and actual value and unit, their name, and the gap their deviation note
states — on one line, or broken over many.
"""

from __future__ import annotations

import re

from linter.facts.model import Quantity
from linter.numbers import parse_printed, places_of
from linter.sourcemap import Span
from linter.tables.cells import DASHES, is_number, is_value, quantity
from linter.tables.model import IndicatorRow, TableModel
from linter.tree import Cell, Document

_INDICATOR_HEADER = re.compile(r"[一二三]级指标")
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
_TARGET = re.compile(r"^(?:[<>]=?|=)")
_TARGET_NUMBER = re.compile(r"^(?:[<>]=?|=)(?P<num>\d+(?:\.\d+)?)(?P<unit>%|[^\d\s]{0,3})$")
_LEVEL_LABEL = re.compile(r"(?:年度)?(?:绩效)?指标完成情况|(?:一级|二级|三级)指标|(?:产出|效益|满意度|数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|生态效益|可持续影响)指标")
_GAP_NOTE = re.compile(r"比[^。，,0-9]{0,12}?(?:少|多|低|高)(?:了|出)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|%|人次|人|个|户|场次|家|台|套|天|课时)")


def read_indicator_part(document: Document, model: TableModel, strict: dict[int, IndicatorRow]) -> None:
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
    part = _indicator_part(document, model)
    if part is None:
        return
    body, weight_first = part
    rows = model.table.rows
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
        elif any(is_number(cell.text) for cell in rows[index].cells):
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


def _indicator_part(document: Document, model: TableModel) -> tuple[int, bool] | None:
    """Where the indicator rows begin (the line after their header, or after
    the funds row when there is no header), and whether the header puts 分值
    before 实际完成值; None when neither says."""
    rows = model.table.rows
    header = next((i for i, row in enumerate(rows) if _INDICATOR_HEADER.search(document.text, row.span.start, row.span.end)), None)
    if header is not None:
        # The header may be wrapped over many lines; it ends at 得分.
        header_text = ""
        body = header
        while body < min(header + 15, len(rows)) and "得分" not in header_text:
            header_text += _SPACE.sub("", document.text[rows[body].span.start:rows[body].span.end])
            body += 1
        return body, 0 <= header_text.find("分值") < header_text.find("实际完成")
    if model.funds:  # no indicator header: the indicators follow the funds row
        return next((i for i, row in enumerate(rows) if row.span.start >= model.funds[0].span.end), len(rows)), False
    return None


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
    indicator.name = indicator_name(document, rows, cells[targets[-2]][0])
    gap_note(document, rows, last, indicator)


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
    if not cells or not is_number(cells[-1].text) or index + 1 >= len(rows):
        return None, 1
    if len(cells) > 1 and is_value(cells[-2].text):
        return None, 1
    following = rows[index + 1].cells
    if len(following) != 1 or not is_number(following[0].text):
        return None, 1
    score_cells, used = list(following), 2
    if index + 2 < len(rows) and "." in following[0].text:
        tail = rows[index + 2].cells
        if len(tail) == 1 and tail[0].text.isdigit():
            head = following[0]
            score_cells, used = [Cell(Span(head.span.start, tail[0].span.end), head.text + tail[0].text)], 3
    weight = quantity(document, cells[-1], "")
    score = quantity(document, score_cells[0], "")
    if weight is None or score is None:
        return None, 1
    return IndicatorRow(weight, score, Span(rows[index].span.start, rows[index + used - 1].span.end)), used


def _weight_and_score(document: Document, row, weight_first: bool) -> IndicatorRow | None:
    """The weight and score a line ends with: its last two numbers, side by
    side, or (``weight_first``) around the cells of the actual value."""
    cells = row.cells
    numbers = [i for i, c in enumerate(cells) if is_number(c.text)]
    if len(numbers) < 2:
        return None
    last, before = numbers[-1], numbers[-2]
    if any(c.text in DASHES for c in cells[last + 1:]):
        return None  # "其中：当年财政拨款 18.00 6.92 6.92 — — —" is money, not scores
    if weight_first == (before == last - 1):
        return None
    weight = quantity(document, cells[before], "")
    score = quantity(document, cells[last], "")
    if weight is None or score is None:
        return None
    return IndicatorRow(weight, score, row.span)


def one_line_indicator(document: Document, row) -> IndicatorRow | None:
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
    numbers = [i for i, c in enumerate(cells) if is_number(c.text) and i > targets[-1]]
    if len(numbers) < 2 or numbers[-1] != numbers[-2] + 1:
        return None
    if any(is_number(c.text) for c in cells[numbers[-1] + 1:]):
        return None
    weight = quantity(document, cells[numbers[-2]], "")
    score = quantity(document, cells[numbers[-1]], "")
    if weight is None or score is None:
        return None
    indicator = IndicatorRow(weight, score, row.span)
    values = [_target_value(cells, i) for i in targets[:2]]
    if all(v is not None for v in values) and values[0][1] == values[1][1]:
        indicator.target, indicator.actual, indicator.unit = values[0][0], values[1][0], values[0][1]
    return indicator


def _target_value(cells: list[Cell], index: int) -> tuple[Quantity, str] | None:
    """The number and unit of a target cell: "<=6.50" then "万元", or "=100%"."""
    match = _TARGET_NUMBER.match(cells[index].text)
    if match is None:
        return None
    unit = match.group("unit")
    if not unit and index + 1 < len(cells) and not _TARGET.match(cells[index + 1].text):
        following = cells[index + 1].text
        if len(following) <= 3 and not is_number(following):
            unit = following
    parsed = parse_printed(match.group("num"))
    if parsed is None:
        return None
    cell = cells[index]
    start = cell.span.start + match.start("num")
    span = Span(start, start + len(match.group("num")))
    value, interval = parsed
    return Quantity(match.group("num"), value, interval, unit, span, places_of(match.group("num"))), unit


def indicator_name(document: Document, rows, index: int) -> str:
    """The indicator's name: the last words before its target on its own row
    ("…数量指标 培训人次 >=100 人次"), else the word-only rows just above it
    ("求职登记、职" / "业指导"), back to a line with a number or punctuation
    (the note of the indicator above) or a level label, which may itself be
    wrapped ("经济成本" / "指标")."""
    cells = rows[index].cells
    first_target = next(i for i, c in enumerate(cells) if _TARGET.match(c.text))
    before = [c.text for c in cells[:first_target] if not is_number(c.text)]
    if before and not _LEVEL_LABEL.fullmatch(before[-1]):
        return _LEVEL_LABEL.sub("", before[-1])
    parts: list[str] = []
    for row in reversed(rows[max(index - 6, 0):index]):
        line = document.text[row.span.start:row.span.end].strip()
        if not line or re.search(r"\d|[。，,；;]", line) or _LEVEL_LABEL.fullmatch(line):
            break  # a note of the indicator above, or the level labels
        parts.append(line)
    return re.sub(r"\s+", "", _LEVEL_LABEL.sub("", "".join(reversed(parts))))


def gap_note(document: Document, rows, index: int, indicator: IndicatorRow) -> None:
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
