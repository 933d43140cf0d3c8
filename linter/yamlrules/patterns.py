"""Compiling the regular expressions of rule files, safely.

Rules run on every line of every document, and their patterns come from
files a user may write, so two guards:

* when the rule is loaded, a pattern that nests one unbounded repeat in
  another (``(a+)+``) is refused with advice: the common mistake, told
  early and precisely;
* every pattern runs on the ``regex`` module with a time limit per call
  (:data:`TIME_LIMIT`, plus a second per MB searched).  A static check
  cannot catch every shape — ``(a|a)*b``, ``(a|aa)*c`` and ``(.*a){12}x``
  hang the standard ``re`` on a 40-character line, and bounded ones such as
  ``(?:a|aa|aaa){1,99}b`` pass any nesting test — while the timeout stops
  whatever backtracks; ``regex`` also runs those three in microseconds.  A
  pattern that trips it raises :class:`PatternTooSlow`, which the engine
  reports as a configuration error naming the rule and its file.
"""

from __future__ import annotations

import re


try:  # the regular-expression parser of the standard library
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

_UNBOUNDED = _sre_parse.MAXREPEAT
_REPEATS = (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT)


def _nested_unbounded(items, inside: bool = False) -> bool:
    """Is an unbounded repeat nested in another ("(a+)+", "(.*x)*")?  Such a
    pattern can take exponential time on a line that almost matches."""
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            unbounded = high is _UNBOUNDED or high > 100
            if unbounded and inside:
                return True
            if _nested_unbounded(body, inside or unbounded):
                return True
        elif op is _sre_parse.SUBPATTERN:
            if _nested_unbounded(arg[-1], inside):
                return True
        elif op is _sre_parse.BRANCH:
            if any(_nested_unbounded(branch, inside) for branch in arg[1]):
                return True
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            if _nested_unbounded(arg[1], inside):
                return True
    return False


TIME_LIMIT = 1.0  # seconds per call, plus one per MB of text searched


class PatternTooSlow(Exception):
    """A rule pattern ran past its time limit on some text."""

    def __init__(self, pattern: str, length: int, limit: float):
        super().__init__(pattern, length, limit)
        self.pattern, self.length, self.limit = pattern, length, limit


class TimedPattern:
    """A compiled pattern whose every call has a time limit; the methods
    the rule kinds use, with :mod:`re`'s signatures."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str, compiled):
        self.pattern = pattern
        self._compiled = compiled

    def _limit(self, string: str) -> float:
        return TIME_LIMIT + len(string) / 1_000_000

    def _too_slow(self, string: str) -> PatternTooSlow:
        return PatternTooSlow(self.pattern, len(string), self._limit(string))

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        try:
            return self._compiled.search(string, pos, endpos, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        try:
            return self._compiled.match(string, pos, endpos, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        try:
            return self._compiled.fullmatch(string, pos, endpos, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def split(self, string: str, maxsplit: int = 0) -> list:
        try:
            return self._compiled.split(string, maxsplit, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def sub(self, repl, string: str, count: int = 0) -> str:
        try:
            return self._compiled.sub(repl, string, count, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        try:
            return self._compiled.findall(string, pos, endpos, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        try:
            yield from self._compiled.finditer(string, pos, endpos, timeout=self._limit(string))
        except TimeoutError:
            raise self._too_slow(string) from None

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r})"


def compile_pattern(pattern: str, flags: int = 0) -> TimedPattern:
    """Compile a rule's pattern; refuse one that could backtrack
    catastrophically, since rules run on every line of every document."""
    import regex  # lazy: only rule loading needs it, not ``disclint --version``

    try:
        # the syntax users know (re's), parsed once: its error messages, and
        # the tree the nesting check walks
        parsed = _sre_parse.parse(pattern, flags)
        compiled = regex.compile(pattern, flags | regex.VERSION0)
    except (re.error, regex.error) as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    if _nested_unbounded(parsed):
        raise ValueError(
            f"regular expression {pattern!r} nests one unbounded repeat in another "
            "(like (a+)+): it can take exponential time; bound the inner repeat, e.g. {0,20}"
        )
    return TimedPattern(pattern, compiled)


def compile_text_pattern(pattern: str) -> TimedPattern:
    """Text patterns run over the whole working text, one logical line (a
    heading, a paragraph, a table row) per text line: ``^`` and ``$`` mean
    the start and end of such a line."""
    return compile_pattern(pattern, re.MULTILINE)
