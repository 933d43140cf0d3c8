"""One clause of a sentence, typed by the clause grammar (grammar/clause.lark).

A sentence is cut into clauses at ，；、 (linter.facts.lexer.clauses); each
clause's token types are parsed with the grammar into one kind — amount,
share, change_amount, variance … — and the handlers in linter.facts.handlers
turn the sequence of kinds into facts.  What a clause claims depends only on
its token types, so a clause shape is parsed once and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from lark import Lark, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer, Token

from linter.facts.lexer import Tok, number_part, unit_part
from linter.facts.model import Quantity
from linter.numbers import UNIT_TO_WAN, Interval, parse_printed, places_of
from linter.resources import grammar_path
from linter.sourcemap import Span


class _ClauseLexer(Lexer):
    """Feeds Lark the token types already found by linter.facts.lexer; each
    token's value is its index in the clause, so the parse says where the
    clause's core starts."""

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


@dataclass(slots=True)
class Clause:
    kind: str  # the grammar's rule name, or "other"
    tokens: list[Tok]
    pre: list[Tok]  # tokens before the clause's core
    core: list[Tok]
    types: tuple[str, ...] = ()  # the type of every token, in order (what the grammar parsed)
    # pre_text once read (a cached_property would need a __dict__ and takes
    # a lock on every first read; clauses are read by the ten thousand)
    _pre_text: str | None = field(default=None, repr=False, compare=False)

    def first(self, *types: str) -> Tok | None:
        for token in self.core:
            if token.type in types:
                return token
        return None

    def has(self, *types: str) -> bool:
        """Does any token of the clause (core or not) have one of ``types``?"""
        return any(kind in self.types for kind in types)

    @property
    def pre_text(self) -> str:
        """The words before the clause's core: its label.  A lead-in ended by a
        colon is not part of it ("按支出功能分类：社会保障和就业支出（类）")."""
        if self._pre_text is None:
            self._pre_text = _label_of(self.pre)
        return self._pre_text


def _label_of(pre: list[Tok]) -> str:
    """The label the tokens before a clause's core spell (see Clause.pre_text)."""
    last_colon = next((i for i in range(len(pre) - 1, -1, -1) if pre[i].type == "COLON"), None)
    if last_colon is not None and any(t.type == "TEXT" for t in pre[last_colon + 1:]):
        pre = pre[last_colon + 1:]
    text = "".join([t.text for t in pre if t.type in ("TEXT", "NUMBER")])
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
    types = tuple(token.type for token in tokens)
    kind, first = _classify(types)
    if kind == "other":
        return Clause("other", tokens, tokens, [], types)
    return Clause(kind, tokens, tokens[:first], tokens[first:], types)


def quantity(token: Tok) -> Quantity | None:
    """The printed number of an AMOUNT / PCT / COUNT token, money in 万元."""
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
