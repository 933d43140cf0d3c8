"""Hook implementations: a fact handler and the Python rule that reads its
facts, a directory of YAML rules and a reader.

The rule never looks at the text: the plugin's fact handler finds what it
checks (an exclamation mark) once per document, and the rule asks the fact
store for those facts — as the built-in rules do with the built-in facts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from linter.hookspecs import hookimpl
from linter.issues import Message
from linter.reading import DecodedText, ReadError
from linter.rule import Example, Rule
from linter.sourcemap import Span

_EXCLAMATION = re.compile(r"[!！]")


@dataclass
class Exclamation:
    """An exclamation mark in a paragraph, as printed ("！" or "!")."""

    mark: str
    span: Span
    kind: str = field(default="exclamation", init=False)

    @property
    def text(self) -> str:
        """How ``disclint facts`` shows it."""
        return self.mark


def exclamations(document) -> list[Exclamation]:
    """The plugin's fact handler: every exclamation mark of the paragraphs.
    The raw text is read, since folding would turn "！" into "!"."""
    found = []
    for paragraph in document.paragraphs():
        for match in _EXCLAMATION.finditer(document.raw[paragraph.span.start:paragraph.span.end]):
            start = paragraph.span.start + match.start()
            found.append(Exclamation(match.group(), Span(start, start + 1)))
    return found


class NoExclamation(Rule):
    """Z901: an official disclosure states facts; it does not exclaim."""

    code = "Z901"
    name = "no-exclamation"
    severity = "warning"
    consumes = (Exclamation,)
    summary = Message("公开文本中不应使用感叹号", "No exclamation marks in a disclosure")
    description = Message("公开文本陈述事实，不使用感叹号。", "A disclosure states facts; it does not exclaim.")
    examples = (Example("本年支出大幅下降！", fails=True), Example("本年支出下降。", fails=False))

    def check(self, document):
        for fact in document.facts.of(Exclamation):
            yield self.finding(fact.span, "不应使用感叹号", "exclamation mark", actual=fact.mark)


@hookimpl
def disclint_fact_handlers():
    return [exclamations]


@hookimpl
def disclint_rules():
    return [NoExclamation()]


@hookimpl
def disclint_rule_dirs():
    return [Path(__file__).parent / "rules"]


def read_draft(path: str) -> DecodedText:
    """A ".draft" file is an editor's export: JSON with the text under "text"."""
    try:
        with open(path, encoding="utf-8") as handle:
            return DecodedText(json.load(handle)["text"], "draft-json")
    except (OSError, ValueError, KeyError) as exc:
        raise ReadError(f"不是有效的草稿文件（{exc}）", f"not a valid draft file ({exc})") from None


@hookimpl
def disclint_readers():
    return {".draft": read_draft}
