"""Compiling the regular expressions of rule files, safely.

Rules run on every line of every document, and their patterns come from
files a user may write: a pattern that could backtrack catastrophically is
refused when the rule is loaded, not discovered as a hang on a long line.
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


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile a rule's pattern; refuse one that could backtrack
    catastrophically, since rules run on every line of every document."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    if _nested_unbounded(_sre_parse.parse(pattern, flags)):
        raise ValueError(
            f"regular expression {pattern!r} nests one unbounded repeat in another "
            "(like (a+)+): it can take exponential time; bound the inner repeat, e.g. {0,20}"
        )
    return compiled


def compile_text_pattern(pattern: str) -> re.Pattern:
    """Text patterns run over the whole working text, one logical line (a
    heading, a paragraph, a table row) per text line: ``^`` and ``$`` mean
    the start and end of such a line."""
    return compile_pattern(pattern, re.MULTILINE)
