"""Pull typed facts out of the document's paragraphs.

Each paragraph is tokenized (linter.facts.lexer), cut into sentences and
clauses, and every clause is parsed with grammar/clause.lark into one clause
type (amount, share, change, variance …).  The facts are then assembled from
the clause sequence, with the context a reader uses:

* a share's part is the amount just before it; its total is the one it names
  ("占本年支出合计的…"), else the head of the 其中 list it belongs to;
* a change's current value is the amount just before it in the sentence, or
  the amount its subject names ("收入支出总体与上年相比" → 收入总计); when
  nothing resolves, the change is kept without a current value and no rate
  is checked against it (never guess);
* a 其中 list's parts are the amounts after 其中 in the sentence, or — when
  the paragraph ends with "其中：" — the leading amounts of the following
  paragraphs of the same section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from lark import Lark, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer, Token

from linter.facts.lexer import Tok, clauses, number_part, tokenize, unit_part
from linter.facts.model import (
    Amount,
    Breakdown,
    Change,
    Completion,
    Expression,
    Fact,
    Quantity,
    Share,
    Variance,
)
from linter.numbers import UNIT_TO_WAN, Interval, parse_printed, places_of
from linter.resources import grammar_path
from linter.sourcemap import Span
from linter.tree import Document, Paragraph, Section, Table

# Words around a label that do not change what it names.
_LABEL_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|其中|:|\s|的|“|”|\"|'|《|》")
_DIGIT = re.compile(r"\d")
_RECENT = 400  # how many recent figures a label named by its ending is looked for in
_LABEL_SUFFIX = re.compile(r"(?:合计|总计|总额|总数|金额|数额|资金|为|是|共|共计|数)+$")
# A breakdown is complete (its parts are the whole) for these identities:
# head key -> the keys its parts must all match.
_IDENTITIES = (
    (re.compile(r"本年收入$"), re.compile(r"收入$")),
    (re.compile(r"本年支出$"), re.compile(r"支出$")),
    (re.compile(r"收入$"), re.compile(r"本年收入|非财政拨款结余|结转和结余|结转结余|财政拨款收入$")),
    (re.compile(r"支出$"), re.compile(r"本年支出|结余分配|结转和结余|结转结余|财政拨款支出$")),
    (re.compile(r"三公经费"), re.compile(r"出国|公务用车|公务接待")),
    (re.compile(r"政府采购"), re.compile(r"货物|工程|服务")),
    (re.compile(r"基本支出"), re.compile(r"人员经费|公用经费")),
    (re.compile(r"实有人数?$|人员总数?$"), re.compile(r"在职|离休|退休")),
    (re.compile(r"车辆$"), re.compile(r"用车$|车辆$")),
)


@lru_cache(maxsize=8192)
def label_key(label: str, unit_name: str | None = None) -> str:
    """Reduce a label for matching: drop the unit's own name, years, 其中,
    quotes, and suffixes such as 合计/总计/数/为."""
    text = label
    if unit_name:
        text = text.replace(unit_name, "")
    text = _LABEL_NOISE.sub("", text)
    text = text.replace("(", "").replace(")", "")
    previous = None
    while previous != text:
        previous = text
        text = _LABEL_SUFFIX.sub("", text)
        text = re.sub(r"(?:年初|全年)?(?:预算|决算)$", "", text) if len(text) > 4 else text
    return text


def keys_match(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    # "一般公共预算财政拨款支出" may be named as "财政拨款支出", but a bare
    # "支出" or "收入" names nothing in particular.
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.endswith(shorter)


class _ClauseLexer(Lexer):
    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's signature
        pass

    def lex(self, types):  # type: ignore[override]
        for index, token_type in enumerate(types):
            yield Token(token_type, str(index))


@lru_cache(maxsize=1)
def _clause_parser() -> Lark:
    from linter.parsing import cached_lark

    grammar = grammar_path("clause.lark").read_text(encoding="utf-8")
    return cached_lark(grammar, _ClauseLexer)


@dataclass
class Clause:
    kind: str  # the grammar's rule name, or "other"
    tokens: list[Tok]
    pre: list[Tok]  # tokens before the clause's core
    core: list[Tok]

    def first(self, *types: str) -> Tok | None:
        for token in self.core:
            if token.type in types:
                return token
        return None

    @cached_property
    def pre_text(self) -> str:
        """The words before the clause's core: its label.  A lead-in ended by a
        colon is not part of it ("按支出功能分类：社会保障和就业支出（类）")."""
        pre = self.pre
        colons = [i for i, t in enumerate(pre) if t.type == "COLON"]
        if colons and any(t.type == "TEXT" for t in pre[colons[-1] + 1:]):
            pre = pre[colons[-1] + 1:]
        text = "".join(t.text for t in pre if t.type in ("TEXT", "NUMBER"))
        # "A、B、C 分别支出 a 万元": the words before 分别 name all the figures
        # of the list, not this one.
        return text.rsplit("分别", 1)[-1] if "分别" in text else text


@lru_cache(maxsize=4096)
def _classify(types: tuple[str, ...]) -> tuple[str, int]:
    """The clause type and where its core starts, for a sequence of token
    types.  What a clause claims depends only on its token types, and the
    same few hundred shapes recur, so each is parsed once."""
    try:
        tree = _clause_parser().parse(types)
    except LarkError:
        return "other", len(types)
    cores = [child for child in tree.children if isinstance(child, Tree)]
    if not cores:
        return "other", len(types)
    indices = [int(tok) for tok in cores[0].scan_values(lambda v: isinstance(v, Token))]
    return str(cores[0].data), min(indices)


def parse_clause(tokens: list[Tok]) -> Clause:
    kind, first = _classify(tuple(token.type for token in tokens))
    if kind == "other":
        return Clause("other", tokens, tokens, [])
    return Clause(kind, tokens, tokens[:first], tokens[first:])


def quantity(token: Tok) -> Quantity | None:
    reading = _reading(token.type, token.text)
    if reading is None:
        return None
    value, interval, unit, places = reading
    return Quantity(token.text, value, interval, unit, Span(token.start, token.end), places)


@lru_cache(maxsize=8192)
def _reading(token_type: str, text: str) -> tuple | None:
    """Value, interval, unit and printed places of a number token; the same
    printed figures ("0.00 万元") recur, so each is read once."""
    token = Tok(token_type, text, 0, len(text))
    number = number_part(token)
    parsed = parse_printed(number)
    if parsed is None:
        return None
    value, interval = parsed
    unit = unit_part(token)
    if token_type == "COUNT" and "." not in number:
        # People, vehicles and projects are counted, not rounded: "2辆" is 2.
        interval = Interval.exact(value)
    if token_type == "AMOUNT":
        factor = UNIT_TO_WAN.get(unit, Decimal(1))
        value, interval, unit = value * factor, interval.scale(factor), "万元"
    return value, interval, unit, places_of(number)


@dataclass
class _Context:
    """What a reader remembers while going through one section."""

    amounts: list[Amount] = field(default_factory=list)  # every amount of the document so far
    by_key: dict[str, list[Amount]] = field(default_factory=dict)  # the same, by label key
    open_breakdown: Breakdown | None = None  # "其中：" ended a paragraph


class FactExtractor:
    def __init__(self, document: Document):
        self.document = document
        self.unit = document.info.unit
        self.facts: list[Fact] = []
        self.context = _Context()

    def run(self) -> list[Fact]:
        self.stack: list[Section] = []
        self.first_amount: dict[int, Amount] = {}  # id(section) -> its first amount
        self.item_lists: dict[int, Breakdown] = {}  # id(parent) -> its items' figures
        self.paragraph: Paragraph | None = None
        self._walk(self.document.children)
        # A "其中：" whose parts never came breaks nothing down.
        return [fact for fact in self.facts if not (isinstance(fact, Breakdown) and not fact.parts)]

    def _walk(self, nodes, path: str = "") -> None:
        """Visit paragraphs (and the prose of tables) with ``path``, the
        titles of the enclosing headings joined once per heading."""
        for node in nodes:
            if isinstance(node, Section):
                self.context.open_breakdown = None
                self.stack.append(node)
                inner = f"{path} / {node.title}" if path else node.title
                span = node.title_span
                if (
                    _SENTENCE_TITLE.search(node.title)
                    and _DIGIT.search(node.title)
                    and not any(isinstance(c, Paragraph) and c.span.start < span.end for c in node.children)
                ):
                    # "（三）公务接待费支出决算为0.47万元，年初预算为0.59万元，预算执行率为
                    # 85.00%": a heading that is a whole sentence states its figures
                    # (unless its text is also the start of its first paragraph).
                    # A sentence that runs on into the first paragraph ("…车辆6辆，其中"
                    # / "：一般公务用车2辆，…") is read with it.
                    children = node.children
                    end = span.end
                    first = children[0] if children else None
                    if (
                        isinstance(first, Paragraph)
                        and not node.title.rstrip().endswith(("。", "；", ";"))
                        and not self.document.text[span.end:first.span.start].strip(" \t\n:：")
                    ):
                        end, children = first.span.end, children[1:]
                    self.paragraph = Paragraph(Span(span.start, end), self.document.text[span.start:end])
                    self._paragraph(self.paragraph, inner)
                    self._walk(children, inner)
                else:
                    self._walk(node.children, inner)
                self.stack.pop()
            elif isinstance(node, Paragraph):
                self.paragraph = node
                self._paragraph(node, path)
            elif isinstance(node, Table):
                self.context.open_breakdown = None
                for prose in table_prose(self.document, node):
                    self.paragraph = prose
                    self._paragraph(prose, path)
                self.context.open_breakdown = None

    def _item_list_total(self, part: Amount) -> Breakdown | None:
        """The list a numbered item's inline figure belongs to.

        "（二）结构情况 / 1、社会保障和就业支出（类）654.95万元，占 91.54%" — the
        items break down the figure the enclosing section opened with (五's
        "一般公共预算当年拨款 715.52万元"), found above the items' own parent.
        """
        if len(self.stack) < 3 or self.stack[-1].level not in ("item", "subitem"):
            return None
        item, parent = self.stack[-1], self.stack[-2]
        if self.paragraph is None or not (item.span.start <= self.paragraph.span.start < item.span.end):
            return None
        existing = self.item_lists.get(id(parent))
        if existing is not None:
            existing.parts.append(part)
            return existing
        for ancestor in reversed(self.stack[:-2]):
            candidate = self.first_amount.get(id(ancestor))
            if candidate is not None and candidate is not part and candidate.span.start < parent.span.start:
                group = Breakdown(candidate, [part], False)
                self.item_lists[id(parent)] = group
                self.facts.append(group)
                return group
        return None

    # -- paragraphs ----------------------------------------------------
    def _paragraph(self, paragraph: Paragraph, section: str) -> None:
        if not _DIGIT.search(paragraph.text):
            return  # no number, no claim to check (an open 其中 list stays open)
        self.facts.extend(_expressions(paragraph))
        tokens = tokenize(paragraph.text, paragraph.span.start)
        previous_topic: Amount | None = None
        previous_last: dict[str, Amount] = {}
        previous_count: dict[str, int] = {}
        for sentence in clauses(tokens):
            parsed = [parse_clause(clause) for clause in sentence]
            carried = self._continues(parsed)
            topic, last_of, count = self._sentence(parsed, section, previous_topic, (previous_last, previous_count), carried)
            previous_topic = topic or previous_topic
            if last_of:
                previous_last, previous_count = last_of, count

    def _continues(self, parsed: list[Clause]) -> Breakdown | None:
        """The open 其中 list this sentence continues, if any.

        After "…1,050.52万元，其中：" (or a list whose parts carry shares), the
        next sentences and paragraphs that open with "X 万元，占 Y%" are
        further parts.  A sentence without any amount leaves the list open;
        any other sentence with amounts closes it.
        """
        open_list = self.context.open_breakdown
        if open_list is None:
            return None
        has_amount = any(t.type == "AMOUNT" for clause in parsed for t in clause.tokens)
        if not has_amount:
            return None
        opens_part = (
            len(parsed) >= 2
            and parsed[0].kind == "amount"
            and parsed[1].kind == "share"
            and not any(t.type == "TEXT" for t in parsed[1].core)
            and not any(t.type == "QIZHONG" for clause in parsed for t in clause.tokens)
        )
        names_part = (
            parsed[0].kind == "amount"
            and not any(t.type == "QIZHONG" for clause in parsed for t in clause.tokens)
            and _identity_part(open_list.total.key, label_key(parsed[0].pre_text, self.unit))
        )
        first_key = label_key(parsed[0].pre_text, self.unit) if parsed[0].kind == "amount" else ""
        repeated = any(part.key == first_key for part in open_list.parts)
        # Parts that already make up the total leave no room for another:
        # "…服务类 511.40 万元。本部门面向中小企业预留…506.60 万元" is not one.
        parts = Interval.exact(0)
        for part in open_list.parts:
            parts = parts + part.quantity.interval
        full = bool(open_list.parts) and parts.hi >= open_list.total.quantity.interval.lo
        if full and parsed[0].kind == "amount":
            # …except for a part of nothing ("公务接待费 0.00 万元，占 0.00%")
            following = quantity(parsed[0].first("AMOUNT")) if parsed[0].first("AMOUNT") else None
            full = following is None or following.interval.lo > 0
        if (opens_part or names_part) and not repeated and not full:
            # A part named a second time starts a new enumeration (具体情况如下).
            return open_list
        self.context.open_breakdown = None
        return None

    def _amount(self, clause: Clause, token: Tok, section: str, role: str = "amount") -> Amount | None:
        q = quantity(token)
        if q is None:
            return None
        label = clause.pre_text
        if role in ("budget", "final"):
            label += "".join(t.text for t in clause.core if t.type in ("BUDGETW", "FINALW"))
        amount = Amount(label, label_key(label, self.unit), q, role, section)
        for open_section in self.stack:
            self.first_amount.setdefault(id(open_section), amount)
        self.context.amounts.append(amount)
        self.context.by_key.setdefault(amount.key, []).append(amount)
        self.facts.append(amount)
        return amount

    def _not_first_of_stretch(self, owner, clause, latest_figure, latest_unit, open_lists) -> bool:
        """Since the "；" that followed the list's last part, has another
        figure come first — one that is not the part of a list running in
        parallel (车辆 …辆，价值 …万元)?"""
        boundary = self._last_semicolon(clause)
        if not owner.parts[-1].span.start < boundary < latest_figure:
            return False
        parallel = open_lists.get(latest_unit)
        return not (parallel is not None and any(p.span.start < boundary for p in parallel.parts))

    def _last_semicolon(self, clause: Clause) -> int:
        """Where the last "；" before the clause is (within its sentence's reach)."""
        return _last_semicolon_before(self.document.text, clause.tokens[0].start)

    def _separator(self, previous: Clause, clause: Clause) -> int:
        """How strongly two clauses are separated: 、 0, ， 1, ； 2."""
        between = self.document.text[previous.tokens[-1].end:clause.tokens[0].start]
        if "；" in between or ";" in between:
            return 2
        if "，" in between or "," in between:
            return 1
        return 0

    def _is_approximate(self, clause: Clause, token: Tok | None) -> bool:
        """Is the figure said only roughly: "约 500 万元", "近 300 万元",
        "超过 1 亿元", "增长约 20%", "500 万元左右"?"""
        if token is None:
            return False
        index = clause.tokens.index(token)
        before = clause.tokens[index - 1].text if index else ""
        after = self.document.text[token.end:token.end + 3].lstrip()
        if before[-1:] not in _APPROX_LAST and after[:1] not in _APPROX_FIRST:
            return False  # the common case, decided without a pattern
        return bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after))

    def _is_prior(self, clause: Clause) -> bool:
        """Is the clause's figure last year's ("上年为 0.87 万元", "2023 年度
        收入总计 530.98 万元" in a 2024 report)?  A carry-over from last year
        ("上年结转") is this year's figure."""
        label = clause.pre_text
        if label[:1] in "上去" and _PRIOR_LABEL.match(label):
            return True
        year = self.document.info.year
        if year is None or _CARRIED_OVER.search(label):
            return False
        return any(t.type == "YEAR" and int(t.text[:4]) == year - 1 for t in clause.pre)

    def _find(self, key: str, before: int, role: str | None = None) -> Amount | None:
        """The latest amount whose label is ``key`` (or, failing that, ends
        with it or is its ending), printed before ``before``."""
        def usable(amount: Amount) -> bool:
            if role is None:
                return amount.span.start < before and amount.role not in ("prior", "approx")
            return amount.span.start < before and amount.role == role

        exact = next((a for a in reversed(self.context.by_key.get(key, ())) if usable(a)), None)
        if exact is not None:
            return exact
        # A label named by its ending is resolved among the recent figures only:
        # a reference reaches back a few paragraphs, not across the document.
        recent = self.context.amounts[-_RECENT:]
        return next((a for a in reversed(recent) if usable(a) and keys_match(a.key, key)), None)

    def _share_total(self, named: str, part: Amount, breakdowns: list[Breakdown], carried: Breakdown | None) -> Amount | None:
        """The total a share of ``part`` is taken of: the one it names, else
        the head of the list the part belongs to."""
        owner = next((b for b in breakdowns if part in b.parts), None)
        if named:
            total = self._named_total(label_key(named, self.unit), part.span.start)
            if total is None and owner is not None and _squeezed(owner.total.label).endswith(_squeezed(named)):
                # "本部门2025年支出预算 1,337.68万元，其中：…项目支出 372.04万元，
                # 项目支出占支出预算的比重为…": the list's total, by its name.
                total = owner.total
            return total
        if owner is None and carried is not None and part in carried.parts:
            owner = carried
        if owner is None:
            owner = self._item_list_total(part)
        if owner is None or owner.nested or _exceeds(owner):
            # an uncertain list, or one whose parts outgrow its total ("剔除一次性
            # 补发105.92万元…。其中：基本支出1,040.28万元，占65.38%"): not its share
            return None
        return owner.total

    def _named_total(self, key: str, before: int) -> Amount | None:
        """The total a share names ("占项目支出的"), unless the document has
        stated two different figures under that name by then — 项目支出 of
        all funds and of the 一般公共预算 — and the share could mean either, or
        the figure found is named less precisely than the share names it."""
        total = self._find(key, before)
        if total is None or len(total.key) < len(key):
            # "占一般公共预算项目支出总额的" is not said of a figure labelled
            # just 项目支出: the name says more than the figure found.
            return None
        same_name = [a for a in self.context.by_key.get(total.key, ()) if a.role == "amount" and a.span.start < before]
        # …or a more precise name ending in it: "占基本支出的" may mean the
        # 一般公共预算财政拨款基本支出 stated nearby as well as the 基本支出.
        same_name += [
            a for a in self.context.amounts[-_RECENT:]
            if a.role == "amount" and a.span.start < before and a.key != total.key and a.key.endswith(key)
        ]
        # The same figure printed twice at two precisions (15.91亿元,
        # 159,066.57万元) is one figure; two that cannot be equal are two.
        agree = all(a.quantity.interval.intersects(total.quantity.interval) for a in same_name)
        return total if agree else None

    def _subject(self, text: str, before: int) -> Amount | None:
        """Resolve a change's subject ("收入支出总体", "一般公共预算财政拨款支出")."""
        key = label_key(text, self.unit)
        if not key:
            return None
        both = re.search(r"(?:收入支出|收支)(?:总体)?$", key)
        if both:
            # "财政拨款收入支出总体" is the total both of income and of spending.
            stem = key[: both.start()]
            income = self._find(stem + "收入", before)
            spending = self._find(stem + "支出", before)
            if income and spending and income.quantity.value == spending.quantity.value:
                return income
            return None
        return self._find(key, before)

    def _sentence(
        self,
        parsed: list[Clause],
        section: str,
        previous_topic: Amount | None,
        previous: tuple[dict[str, Amount], dict[str, int]],
        carried: Breakdown | None,
    ) -> tuple[Amount | None, dict[str, Amount], dict[str, int]]:
        """The facts of one sentence; returns its topic (first amount), the
        last figure of each unit, which a "其中" opening the next sentence
        breaks down, and how many figures of each unit it stated."""
        previous_last, previous_count = previous
        count: dict[str, int] = {}
        topic: Amount | None = None
        last: Amount | None = None  # the last money amount
        last_of: dict[str, Amount] = {}  # the last figure of each unit (万元, 辆, 人 …)
        # The open 其中 list of each unit: "车辆 2辆，价值 41.02万元；其中：一般
        # 公务用车 2辆，价值 41.02万元…" breaks down the count and the value in parallel.
        open_lists: dict[str, Breakdown] = {carried.total.quantity.unit: carried} if carried else {}
        breakdowns: list[Breakdown] = []
        budget: Amount | None = None
        final: Amount | None = None
        subject_text: str | None = None
        pending: Change | None = None
        pending_age = 0
        rate_only: Change | None = None  # a rate printed before its amount
        rate_age = 0
        # A list's separator, set by its second part: "A、B；C" — C, after a
        # stronger separator than the parts', is not a part but a sibling of
        # the list's total.
        item_separator: dict[int, int] = {}
        # Brackets: "X 万元（A…，B…）" or "X 万元（其中：A…，B…）" break X down
        # inside the sentence; the figures in brackets are parts only of a
        # 其中 list opened in them, and after the bracket the sentence goes
        # on as before it (its lists, its last figure).
        depth = 0
        saved: tuple | None = None
        bracket_lists: set[int] = set()
        amount_at: dict[int, Amount] = {}  # clause index -> its plain amount
        prior_figure: Amount | None = None  # "上年为 0.87 万元" in this sentence
        latest_figure, latest_unit = -1, ""  # the sentence's last figure (of any unit): where, which unit
        skip: set[int] = set()  # clauses read with the one before ("、14.14%")
        for index, clause in enumerate(parsed):
            if index in skip:
                continue
            kind = clause.kind
            pending_age += 1
            rate_age += 1
            if index:
                was, depth = depth, depth + _brackets(parsed[index - 1], skip_lead=True)
                if was == 0 and depth > 0:
                    saved = (last, dict(last_of), dict(open_lists))
                elif was > 0 and depth <= 0:
                    depth = 0
                    if saved is not None:
                        last, last_of, open_lists = saved[0], dict(saved[1]), dict(saved[2])
            if _leads_bracket(clause):
                if depth == 0:
                    saved = (last, dict(last_of), dict(open_lists))
                depth += 1
            inside = depth > 0
            has_qizhong = any(t.type == "QIZHONG" for t in clause.pre)
            inherited = False
            if has_qizhong and not last_of and previous_last:
                # "…4.82 万元，比上年减少…。其中：因公出国（境）费…" — the list
                # after a full stop still breaks down the previous sentence's
                # figure: its last one ("预算为 3.48 万元，支出决算为 3.71 万元，
                # 完成…。其中：" most likely breaks down the 3.71).
                last_of.update(previous_last)
                inherited = True
            if not has_qizhong and _opens_enumeration(clause):
                # "其他用车主要是：…" opens another enumeration: the 其中 list ends.
                # ("主要原因是：…" explains; the list goes on after it.)
                open_lists.clear()
                if last_of and _opens_breakdown(clause):
                    # "…支出4,984.93万元，主要用于以下方面：A（类）…" lists the
                    # parts of the figure just stated, as 其中 would.
                    for unit, head in last_of.items():
                        open_lists[unit] = Breakdown(head, [], False)
                        breakdowns.append(open_lists[unit])
            if has_qizhong:
                for unit, head in _heads(self.document.text, last_of).items():
                    outer = open_lists.get(unit)
                    nested = outer is not None and outer is not carried and not inside
                    if nested:
                        outer.nested = True
                    # When the previous sentence stated two figures of the unit
                    # ("收入总计 X…；支出总计 Y…。其中：…"), the list may break
                    # down either, or both: its parts are not certain.
                    uncertain = inherited and previous_count.get(unit, 0) > 1
                    open_lists[unit] = Breakdown(head, [], False, nested=nested or uncertain)
                    breakdowns.append(open_lists[unit])
                    if inside:
                        bracket_lists.add(id(open_lists[unit]))
            if kind in ("amount", "count"):
                token = clause.first("AMOUNT", "COUNT")
                prior = self._is_prior(clause)
                approx = self._is_approximate(clause, token)
                role = "prior" if prior else "approx" if approx else "amount" if kind == "amount" else "count"
                amount = self._amount(clause, token, section, role)
                if amount is None:
                    continue
                unit = amount.quantity.unit
                if prior or approx:
                    # "上年为 0.87 万元": last year's figure is neither a part
                    # nor the current value a following change refers to; "约
                    # 500 万元" is not a figure to add or divide exactly.
                    if prior:
                        prior_figure = amount
                    continue
                owner = open_lists.get(unit)
                if inside and owner is not None and id(owner) not in bracket_lists:
                    owner = None  # "（公务用车购置费0.00万元，…）" details a part
                if owner is not None and owner.total is not amount:
                    separator = self._separator(parsed[index - 1], clause) if index else 3
                    established = item_separator.get(id(owner))
                    if owner.parts and established is not None and separator > established:
                        del open_lists[unit]  # "人员经费…、公用经费…；项目支出…"
                    elif owner.parts and self._not_first_of_stretch(owner, clause, latest_figure, latest_unit, open_lists):
                        # after "；" a part opens its stretch (or follows the part of a
                        # parallel list, "执法执勤用车 0辆，价值 0.00万元"): "…；同时编制
                        # 绩效目标1个，涉及资金1,242.82万元" is not one
                        del open_lists[unit]
                    else:
                        if owner.parts and established is None:
                            item_separator[id(owner)] = separator
                        owner.parts.append(amount)
                        if owner is carried:
                            # A carried list takes one leading amount per sentence.
                            del open_lists[unit]
                last_of[unit] = amount
                count[unit] = count.get(unit, 0) + 1
                latest_figure, latest_unit = amount.span.start, unit
                if kind == "amount":
                    topic = topic or amount
                    last = amount
                    amount_at[index] = amount
            elif kind in ("budget_amount", "final_amount"):
                role = "budget" if kind == "budget_amount" else "final"
                if self._is_prior(clause):
                    # "上年预算数为 31.61 万元": last year's budget, not this one
                    amount = self._amount(clause, clause.first("AMOUNT"), section, "prior")
                    if amount is not None:
                        prior_figure = amount
                    continue
                amount = self._amount(clause, clause.first("AMOUNT"), section, role)
                if amount is None:
                    continue
                if role == "budget":
                    budget = amount
                else:
                    final = amount
                last = amount
                last_of[amount.quantity.unit] = amount
                count[amount.quantity.unit] = count.get(amount.quantity.unit, 0) + 1
                topic = topic or amount
            elif kind == "share":
                pct_token = clause.first("PCT")
                pct = quantity(pct_token)
                if pct is None or self._is_approximate(clause, pct_token):
                    continue
                named = "".join(t.text for t in clause.core if t.type == "TEXT")
                named = re.sub(r"(?:的比重|的比例|比重|比例)?(?:为|是)?$", "", named)
                named = re.sub(r"^分别|的$", "", named)
                if "分别" in "".join(t.text for t in clause.tokens if t.type == "TEXT"):
                    # "A、B、C 分别支出 a、b、c 万元，分别占 p、q、r%": pair them in order
                    parts = _respective_parts(index, amount_at)
                    pcts, used = _respective_rates(parsed, index)
                    skip.update(used)
                    if len(parts) == len(pcts) >= 2:
                        for part, rate in zip(parts, pcts):
                            total = self._share_total(named, part, breakdowns, carried)
                            self.facts.append(Share(part, total, rate, named or None))
                    continue
                # "项目支出占支出预算的比重为 37.81%": the part is named, not printed.
                part_key = label_key(clause.pre_text, self.unit) if clause.pre_text else ""
                named_part = self._named_total(part_key, clause.core[0].start) if len(part_key) >= 2 else None
                last = named_part or last
                if last is None:
                    continue
                total = self._share_total(named, last, breakdowns, carried)
                self.facts.append(Share(last, total, pct, named or None))
            elif kind == "comparison":
                subject_text = clause.pre_text or subject_text
            elif kind in ("change_amount", "change_rate", "flat"):
                direction_tok = clause.first("INC", "DEC", "FLAT")
                direction = {"INC": "inc", "DEC": "dec", "FLAT": "flat"}[direction_tok.type]
                base = "".join(t.text for t in clause.core if t.type == "CMP")
                own_subject = clause.pre_text
                if kind == "change_amount":
                    amount_tok = clause.first("AMOUNT", "COUNT")
                    q = quantity(amount_tok)
                    subject = None
                    if own_subject:
                        subject = self._subject(own_subject, direction_tok.start)
                    elif subject_text:
                        subject = self._subject(subject_text, direction_tok.start)
                    elif amount_tok.type == "AMOUNT":
                        subject = last or previous_topic
                    if subject is not None and amount_tok.type != "AMOUNT":
                        subject = None
                    if rate_only is not None and rate_age <= 1 and rate_only.amount is None:
                        # "增长 8.30%，增加 54.84 万元": the rate came first.
                        rate_only.direction, rate_only.amount = direction, q
                        rate_only.subject = rate_only.subject or subject
                        rate_only.words = (direction_tok.text, *rate_only.words)
                        rate_only.span = Span(rate_only.span.start, amount_tok.end)
                        rate_only = None
                        continue
                    pending = Change(subject, direction, q, None, None, base, (direction_tok.text,), Span(direction_tok.start, amount_tok.end))
                    if subject is not None and amount_tok.type == "AMOUNT":
                        if "预算" in base and budget is not None and subject is final:
                            pending.previous = budget
                        elif (
                            "预算" not in base and prior_figure is not None
                            and prior_figure.quantity.unit == subject.quantity.unit
                            and subject.span.start < prior_figure.span.start  # "X 0.69 万元，上年为 0.87 万元，减少…"
                        ):
                            pending.previous = prior_figure
                    pending_age = 0
                    self.facts.append(pending)
                elif kind == "change_rate":
                    pct_token = clause.first("PCT")
                    pct = quantity(pct_token)
                    if self._is_approximate(clause, pct_token):
                        continue  # "增长约 20%"
                    if pending is not None and pending_age <= 1 and pending.rate is None:
                        pending.rate_direction = direction
                        pending.rate = pct
                        pending.words = (*pending.words, direction_tok.text)
                        pending.span = Span(pending.span.start, pct.span.end)
                    else:
                        if own_subject:
                            subject = self._subject(own_subject, direction_tok.start)
                        elif subject_text:
                            subject = self._subject(subject_text, direction_tok.start)
                        else:
                            subject = last or previous_topic
                        rate_only = Change(subject, direction, None, direction, pct, base, (direction_tok.text,), Span(direction_tok.start, pct.span.end))
                        rate_age = 0
                        self.facts.append(rate_only)
                elif pending is not None and pending_age <= 1 and pending.rate is None:
                    # "增加 5.00 万元，持平": the change is called no change.
                    pending.rate_direction = "flat"
                    pending.words = (*pending.words, direction_tok.text)
                    pending.span = Span(pending.span.start, direction_tok.end)
                else:
                    self.facts.append(
                        Change(None, "flat", None, None, None, base, (direction_tok.text,), Span(direction_tok.start, direction_tok.end))
                    )
            elif kind in ("variance", "completion"):
                pct_token = clause.first("PCT")
                pct = quantity(pct_token)
                if self._is_approximate(clause, pct_token):
                    continue
                if (
                    kind == "variance" and pct is not None and pending is not None and pending_age <= 1
                    and pending.rate is None and "预算" in pending.base and (budget is None or final is None)
                ):
                    # "支出1,590.70万元，较年初预算增加235.51万元，超出预算17.38%": the
                    # rate of the change against the budget, checked like a change
                    word = clause.first("VARW").text
                    pending.rate_direction = "dec" if word.startswith("低于") else "inc" if word.startswith(("超出", "超过")) else pending.direction
                    pending.rate = pct
                    pending.words = (*pending.words, word)
                    pending.span = Span(pending.span.start, pct.span.end)
                    continue
                # "年初预算369.16万元，支出决算339.74万元，完成年初预算的97.03%":
                # the figures' labels say which is which even without 为/数.
                plain = list(amount_at.values())[::-1]  # the sentence's plain amounts, latest first
                budget = budget or next((a for a in plain if _BARE_BUDGET.search(a.label)), None)
                final = final or next((a for a in plain if _BARE_FINAL.search(a.label)), None)
                if pct is not None and budget is not None and final is not None and budget is not final:
                    if kind == "variance":
                        self.facts.append(Variance(budget, final, pct, None, None))
                    else:
                        self.facts.append(Completion(budget, final, pct))
            elif kind == "relation":
                word = clause.first("RELW")
                if budget is not None and final is not None:
                    first_word = next(t for t in clause.core if t.type in ("BUDGETW", "FINALW"))
                    relation = word.text
                    if first_word.type == "BUDGETW":
                        relation = {"大于": "小于", "高于": "低于", "小于": "大于", "低于": "高于"}.get(relation, relation)
                    self.facts.append(Variance(budget, final, None, relation, Span(clause.core[0].start, clause.core[-1].end)))
        for item in breakdowns:
            self.facts.append(item)
        if carried is not None:
            carried.complete = _is_complete(carried)
        if breakdowns:
            newest = breakdowns[-1]
            shares = {id(f.part) for f in self.facts[-len(parsed) * 2:] if isinstance(f, Share)}
            if (
                not newest.parts
                or all(id(part) in shares for part in newest.parts)
                or any(head.search(newest.total.key) for head, _ in _IDENTITIES)
            ):
                self.context.open_breakdown = newest
        for item in breakdowns:
            item.complete = _is_complete(item)
        return topic, last_of, count


_CONNECTORS = {"和", "及", "与", "以及"}


def _respective_parts(index: int, amount_at: dict[int, Amount]) -> list[Amount]:
    """The amounts listed just before "分别占…" ("a 万元、b 万元、c 万元")."""
    parts: list[Amount] = []
    j = index - 1
    while j >= 0 and j in amount_at:
        parts.append(amount_at[j])
        j -= 1
    return list(reversed(parts))


def _respective_rates(parsed: list[Clause], index: int) -> tuple[list[Quantity], set[int]]:
    """The rates of "分别占 p%、q% 和 r%": this clause's and those of the
    clauses after it that hold nothing else; and which clauses those were."""
    rates = [quantity(t) for t in parsed[index].core if t.type == "PCT"]
    used: set[int] = set()
    j = index + 1
    while j < len(parsed) and all(t.type == "PCT" or (t.type == "TEXT" and t.text in _CONNECTORS) for t in parsed[j].tokens):
        rates += [quantity(t) for t in parsed[j].tokens if t.type == "PCT"]
        used.add(j)
        j += 1
    return [r for r in rates if r is not None], used


def _exceeds(breakdown: Breakdown) -> bool:
    """Do the list's parts so far certainly add up to more than its total?"""
    low = sum((part.quantity.interval.lo for part in breakdown.parts), Decimal(0))
    return low > breakdown.total.quantity.interval.hi


def _heads(text: str, last_of: dict[str, Amount]) -> dict[str, Amount]:
    """The figures a "其中" breaks down: the last one before it, and the last
    of each other unit stated in the same stretch — "车辆 2辆，价值 41.02万元；
    其中：…" breaks down both, but "团组0个，累计0人次；公务用车…3.91万元，其中："
    only the 3.91 (a "；" lies between)."""
    if len(last_of) < 2:
        return last_of
    anchor = max(last_of.values(), key=lambda a: a.span.start)
    stretch = _last_semicolon_before(text, anchor.span.start)
    return {unit: a for unit, a in last_of.items() if a.span.start > stretch}


def _last_semicolon_before(text: str, position: int) -> int:
    """Where the last "；" (or ";") before ``position`` is, looking back a
    sentence's length at most; -1 when there is none."""
    low = max(0, position - 200)
    return max(text.rfind("；", low, position), text.rfind(";", low, position))


def _leads_bracket(clause: Clause) -> bool:
    """Does the clause open with a bracket ("（公务用车购置费0.00万元")?"""
    first = clause.tokens[0]
    return first.type == "TEXT" and first.text.startswith(("（", "("))


def _brackets(clause: Clause, skip_lead: bool = False) -> int:
    """Brackets the clause opens minus those it closes (its leading one, if
    ``skip_lead``, already counted)."""
    depth = 0
    for token in clause.tokens:
        if token.type == "TEXT" and ("(" in token.text or ")" in token.text or "（" in token.text or "）" in token.text):
            text = token.text
            depth += text.count("（") + text.count("(") - text.count("）") - text.count(")")
    return depth - 1 if skip_lead and _leads_bracket(clause) else depth


def _squeezed(label: str) -> str:
    """A label without years, spaces and quotes, for comparing its ending."""
    return _LABEL_NOISE.sub("", label)


# A heading title that is a sentence: a clause break inside it.
_SENTENCE_TITLE = re.compile(r"[，,；;].*\d|\d.*[，,；;]")
# A plain amount's label that names it a budget or a final figure: "年初预算",
# "公务接待费预算为", "支出决算" — but not "一般公共预算" or "国有资本经营预算".
_BARE_BUDGET = re.compile(r"(?:(?:年初|全年|调整后?)预算(?:数|总额)?|(?<!公共)(?<!经营)(?<!基金)预算(?:数|总额)?(?:为|是))$")
_BARE_FINAL = re.compile(r"(?:决算|执行)(?:数|支出)?(?:为|是)?$")
_APPROX_BEFORE = re.compile(r"(?:约|近|逾|超过|接近|将近|不到|不足|大约|达到约)(?:为)?$")
_APPROX_AFTER = re.compile(r"左右|以上|以下|上下|许|余")
_APPROX_LAST = frozenset("约近逾过足到为")  # how the words before a rough figure end
_APPROX_FIRST = frozenset("左以上许余")
_PRIOR_LABEL = re.compile(r"^(?:上年|去年|上一年|上年度|上一年度)(?:同期)?(?:实际|决算|预算)?数?(?:为|是)?$")
_CARRIED_OVER = re.compile(r"结转|结余|结存")

_ENUMERATION_INTRO = re.compile(r"(?:包括|分别是|分别为|主要是|主要有|明细如下|如下|用于以下方面|用于以下几个方面)$")
_BREAKDOWN_INTRO = re.compile(r"^(?:主要)?用于以下(?:几个)?方面$|^具体(?:情况)?如下$|^分别为$")


def _opens_enumeration(clause: Clause) -> bool:
    """Does the clause open a list of its own ("X主要是：A、B")?"""
    return bool(_ENUMERATION_INTRO.search(_before_colon(clause)))


def _opens_breakdown(clause: Clause) -> bool:
    """Does the list break down the figure before it ("…万元，主要用于以下方面：")?"""
    return bool(_BREAKDOWN_INTRO.search(_before_colon(clause)))


def _before_colon(clause: Clause) -> str:
    for index, token in enumerate(clause.pre):
        if token.type == "COLON":
            return "".join(t.text for t in clause.pre[:index])
    return ""


_PROSE_ROW = re.compile(r"[，。；：、:,;]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def table_prose(document: Document, table: Table) -> list[Paragraph]:
    """Runs of prose rows inside a table, as paragraphs.

    A performance self-evaluation table carries its narrative in text cells
    ("全年预算数为 724.95 万元，全年执行数为 714.47 万元，总预算执行率为
    99.86%"), wrapped one line per row.  Consecutive rows that read as prose
    (sentence punctuation and at least eight Chinese characters) are joined;
    the line breaks between them become spaces, which keeps every offset.
    """
    paragraphs: list[Paragraph] = []
    run: list = []

    def flush() -> None:
        if run:
            span = Span(run[0].span.start, run[-1].span.end)
            text = document.text[span.start:span.end].replace("\n", " ")
            paragraphs.append(Paragraph(span, text))
            run.clear()

    for row in table.rows:
        text = document.text[row.span.start:row.span.end]
        if _PROSE_ROW.search(text) and len(_CJK.findall(text)) >= 8:
            run.append(row)
        else:
            flush()
    flush()
    return paragraphs


def _identity_part(head_key: str, part_key: str) -> bool:
    """Is ``part_key`` one of the parts of the identity ``head_key`` heads?"""
    return any(head.search(head_key) and part.search(part_key) for head, part in _IDENTITIES)


def _is_complete(breakdown: Breakdown) -> bool:
    if breakdown.nested or len(breakdown.parts) < 2:
        return False
    for head, part in _IDENTITIES:
        if head.search(breakdown.total.key) and all(part.search(p.key) for p in breakdown.parts):
            return True
    return False


_EXPR_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # "1,200" is one number
_EXPRESSION = re.compile(
    rf"(?P<lhs>(?:{_EXPR_NUM}\s*[^\d*×=，。；,;:]{{0,8}}?\s*/?\s*[*×]\s*)+{_EXPR_NUM}\s*[^\d*×=，。；,;:]{{0,8}}?)"
    rf"\s*=\s*(?P<rhs>{_EXPR_NUM})\s*(?P<unit>万元|元)"
)
_FACTOR = re.compile(rf"(?P<num>{_EXPR_NUM})\s*(?P<unit>[^\d*×=/]*)(?P<per>(?:/[^\d*×=/]+)*)")


def _expressions(paragraph: Paragraph) -> list[Expression]:
    """Explicit products "a*b*c=R万元"; money factors carry 元 or 万元."""
    if "=" not in paragraph.text or not ("*" in paragraph.text or "×" in paragraph.text):
        return []
    found = []
    for match in _EXPRESSION.finditer(paragraph.text):
        base = paragraph.span.start
        factors = []
        money_factor = Decimal(1)
        for factor in _FACTOR.finditer(match.group("lhs")):
            parsed = parse_printed(factor.group("num"))
            if parsed is None:
                continue
            value, interval = parsed
            unit = factor.group("unit").strip()
            if unit.startswith("%"):
                # "80.00万元×50%": a rate is a fraction
                value, interval = value / 100, interval.scale(Decimal("0.01"))
            if unit.startswith("万元"):
                money_factor = UNIT_TO_WAN["万元"]
            elif unit.startswith("元"):
                money_factor = UNIT_TO_WAN["元"]
            start = base + match.start("lhs") + factor.start("num")
            factors.append(
                Quantity(
                    factor.group("num"), value, interval, unit + factor.group("per"),
                    Span(start, start + len(factor.group("num"))), places_of(factor.group("num")),
                )
            )
        result = parse_printed(match.group("rhs"))
        if len(factors) < 2 or result is None:
            continue
        value, interval = result
        unit = match.group("unit")
        factor = UNIT_TO_WAN[unit]
        rhs_start = base + match.start("rhs")
        result_q = Quantity(
            match.group("rhs"), value * factor, interval.scale(factor), "万元",
            Span(rhs_start, rhs_start + len(match.group("rhs"))), places_of(match.group("rhs")),
        )
        found.append(
            Expression(factors, result_q, match.group(0), Span(base + match.start(), base + match.end()), money_factor)
        )
    return found


def extract_facts(document: Document) -> list[Fact]:
    return FactExtractor(document).run()
