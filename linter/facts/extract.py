"""Pull typed facts out of the document's paragraphs.

Each paragraph is tokenized (linter.facts.lexer), cut into sentences and
clauses, and every clause is parsed with grammar/clause.lark into one clause
kind (linter.facts.clause).  The facts are then assembled from the clause
sequence by one handler per claim kind (linter.facts.handlers), with the
context a reader uses:

* a share's part is the amount just before it; its total is the one it names
  ("占本年支出合计的…"), else the head of the 其中 list it belongs to;
* a change's current value is the amount just before it in the sentence, or
  the amount its subject names ("收入支出总体与上年相比" → 收入总计); when
  nothing resolves, the change is kept without a current value and no rate
  is checked against it (never guess);
* a 其中 list's parts are the amounts after 其中 in the sentence, or — when
  the paragraph ends with "其中：" — the leading amounts of the following
  paragraphs of the same section.

This module walks the document (sections, paragraphs, the prose of tables)
and keeps what outlives a sentence: the figures so far, the first figure of
each section, the lists of numbered items and the open 其中 list.
"""

from __future__ import annotations

import re

from linter.facts.clause import Clause, parse_clause, quantity
from linter.facts.handlers import read_sentence
from linter.facts.handlers.carried import continued_list
from linter.facts.handlers.context import SentenceContext
from linter.facts.handlers.expression import expressions
from linter.facts.figures import Figures
from linter.facts.labels import keys_match, label_key
from linter.facts.lexer import clauses, tokenize
from linter.facts.model import Amount, Breakdown, Fact
from linter.sourcemap import Span
from linter.tree import Document, Paragraph, Section, Table

__all__ = [
    "Clause", "FactExtractor", "extract_facts", "keys_match", "label_key", "parse_clause", "quantity", "table_prose",
]

_DIGIT = re.compile(r"\d")
# A heading title that is a sentence: a clause break inside it.
_CLAUSE_MARK = re.compile(r"[，,；;]")
_PROSE_ROW = re.compile(r"[，。；：、:,;]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class FactExtractor:
    """Reads one document's prose in order, as a reader would."""

    def __init__(self, document: Document):
        self.document = document
        self.unit = document.info.unit
        self.facts: list[Fact] = []
        self.figures = Figures(self.unit)  # every amount of the document so far
        self.open_breakdown: Breakdown | None = None  # "其中：" ended a paragraph

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
                self.open_breakdown = None
                self.stack.append(node)
                inner = f"{path} / {node.title}" if path else node.title
                if self._states_figures(node):
                    self._walk(self._heading_sentence(node, inner), inner)
                else:
                    self._walk(node.children, inner)
                self.stack.pop()
            elif isinstance(node, Paragraph):
                self.paragraph = node
                self._paragraph(node, path)
            elif isinstance(node, Table):
                self.open_breakdown = None
                for prose in table_prose(self.document, node):
                    self.paragraph = prose
                    self._paragraph(prose, path)
                self.open_breakdown = None

    def _states_figures(self, node: Section) -> bool:
        """Is the heading a whole sentence that states figures ("（三）公务接待费
        支出决算为0.47万元，年初预算为0.59万元，预算执行率为85.00%") — unless its
        text is also the start of its first paragraph?"""
        span = node.title_span
        return bool(
            _reads_as_sentence(node.title)
            and _DIGIT.search(node.title)
            and not any(isinstance(c, Paragraph) and c.span.start < span.end for c in node.children)
        )

    def _heading_sentence(self, node: Section, path: str) -> list:
        """Read the heading's sentence; return the children still to visit.
        A sentence that runs on into the first paragraph ("…车辆6辆，其中" /
        "：一般公务用车2辆，…") is read with it."""
        span = node.title_span
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
        self._paragraph(self.paragraph, path)
        return children

    def item_list_total(self, part: Amount) -> Breakdown | None:
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

    def note_amount(self, amount: Amount) -> None:
        """Remember a new amount: among the figures, and as the first figure
        of every open section that has none yet."""
        for open_section in self.stack:
            self.first_amount.setdefault(id(open_section), amount)
        self.figures.add(amount)

    def _paragraph(self, paragraph: Paragraph, section: str) -> None:
        if not _DIGIT.search(paragraph.text):
            return  # no number, no claim to check (an open 其中 list stays open)
        self.facts.extend(expressions(paragraph))
        tokens = tokenize(paragraph.text, paragraph.span.start)
        previous: SentenceContext | None = None
        for sentence in clauses(tokens):
            parsed = [parse_clause(clause) for clause in sentence]
            carried = self._continues(parsed)
            previous = read_sentence(SentenceContext.after(self, parsed, section, previous, carried))

    def _continues(self, parsed: list[Clause]) -> Breakdown | None:
        """The open 其中 list this sentence continues (see
        linter.facts.handlers.carried); a sentence with amounts that does
        not continue it closes it."""
        carried = continued_list(self.open_breakdown, parsed, self.unit)
        if carried is None and any(clause.has("AMOUNT") for clause in parsed):
            self.open_breakdown = None
        return carried




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


def extract_facts(document: Document) -> list[Fact]:
    return FactExtractor(document).run()


def _reads_as_sentence(title: str) -> bool:
    """A line of the title holds both a clause mark (，；) and a digit, in
    either order.  (The pattern ``[，；].*\\d|\\d.*[，；]`` said the same, but
    backtracked quadratically on a long title without a digit after its mark.)"""
    return any(_CLAUSE_MARK.search(line) and _DIGIT.search(line) for line in title.split("\n"))
