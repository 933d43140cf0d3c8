"""The rule API: what a rule author subclasses.

A rule has a stable code (family letter + number), a slug name, a default
severity, the document kinds it applies to, a summary and description in
Chinese and English, and examples that the test suite runs: every ``fail``
example must make the rule fire and every ``pass`` example must not.  The
rule's ``check`` receives the parsed :class:`~linter.tree.Document` and yields
:class:`~linter.issues.Finding` objects made with :meth:`Rule.finding`.

A rule may declare :class:`Option` s (``options = (Option(...), ...)``): the
configuration sets them per rule (``options: {CODE: {name: value}}``), each
value is validated against the option's JSON schema before any file is read,
and the rule reads the value with :meth:`Rule.option`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

from linter.issues import Finding, Message
from linter.sourcemap import Span
from linter.tree import Document

ALL_KINDS = ("final_account", "budget", "unknown")


@dataclass(frozen=True)
class Example:
    """A document snippet and whether the rule should fire on it.

    ``kind`` and ``year`` set the document facts for the example, since a
    snippet is too short for them to be detected.
    """

    text: str
    fails: bool
    kind: str = "final_account"
    year: int = 2024


@dataclass(frozen=True)
class Option:
    """One setting a rule takes from the configuration.

    ``schema`` is the JSON schema a configured value must satisfy (e.g.
    ``{"type": "integer", "minimum": 1}``); ``default`` is the value when the
    configuration does not set it, and must satisfy the schema too, since the
    rule behaves exactly as without configuration then.
    """

    name: str
    schema: Mapping[str, Any]
    default: Any
    description: Message


class OptionError(Exception):
    """A configured option the rule does not take, or a value its schema
    refuses; ``option`` names it (None when the problem is the whole set)."""

    def __init__(self, option: str | None, problem: str):
        self.option = option
        self.problem = problem
        super().__init__(f"{option}: {problem}" if option else problem)


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    kinds: ClassVar[tuple[str, ...]] = ALL_KINDS
    summary: ClassVar[Message] = Message("", "")
    description: ClassVar[Message] = Message("", "")
    examples: ClassVar[tuple[Example, ...]] = ()
    # The fact types the rule reads from ``document.facts`` (shown by
    # ``disclint facts --rule CODE``); empty for a rule that reads the outline.
    consumes: ClassVar[tuple[type, ...]] = ()
    options: ClassVar[tuple[Option, ...]] = ()
    # The values the configuration set (see with_options); the defaults apply
    # to the others.
    _option_values: Mapping[str, Any] = MappingProxyType({})

    def applies_to(self, document: Document) -> bool:
        return document.info.kind in self.kinds

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def option(self, name: str) -> Any:
        """The value of option ``name``: as configured, else its default."""
        if name in self._option_values:
            return self._option_values[name]
        for declared in self.options:
            if declared.name == name:
                return declared.default
        raise KeyError(f"rule {self.code} declares no option {name!r}")

    def with_options(self, values: Mapping[str, Any]) -> "Rule":
        """A copy of this rule with ``values`` set; raises :class:`OptionError`
        for an option it does not declare or a value its schema refuses."""
        from linter.rule_options import check_option_values

        check_option_values(self.options, values, f"{self.code} ({self.name})")
        configured = copy.copy(self)
        configured._option_values = MappingProxyType({**self._option_values, **values})
        return configured

    def finding(
        self,
        span: Span | None,
        zh: str,
        en: str,
        expected: str | None = None,
        actual: str | None = None,
        severity: str | None = None,
    ) -> Finding:
        """A finding of this rule; ``severity`` overrides the default for a
        finding that is only information (a nudged share, say)."""
        return Finding(self.code, span, Message(zh, en), expected, actual, severity)
