"""The rule API: what a rule author subclasses.

A rule has a stable code (family letter + number), a slug name, a default
severity, the document kinds it applies to, a summary and description in
Chinese and English, and examples that the test suite runs: every ``fail``
example must make the rule fire and every ``pass`` example must not.  The
rule's ``check`` receives the parsed :class:`~linter.tree.Document` and yields
:class:`~linter.issues.Finding` objects made with :meth:`Rule.finding`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

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

    def applies_to(self, document: Document) -> bool:
        return document.info.kind in self.kinds

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

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
