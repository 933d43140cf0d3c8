"""The closed set of check kinds a YAML rule can extend.

Each kind is a :class:`~linter.rule.Rule` built from a validated rule file;
the file supplies code, name, severity, documents kinds, texts, examples and
the kind's ``params``.  Patterns are matched on the folded working text
(full-width digits, ：, （） already half-width), character by character:
Chinese has no word boundaries.

Each kind lives in a module of its own; this one only names them, so that
the ``extends:`` of a rule file and the schema of its ``params`` (see
:mod:`linter.yamlrules.schema`) look kinds up in one place.
"""

from __future__ import annotations

from linter.yamlrules.amounts import DeclaredZero, Equal
from linter.yamlrules.base import YamlRule
from linter.yamlrules.count_list import CountList
from linter.yamlrules.forbidden_text import ForbiddenText
from linter.yamlrules.numbering import SectionNumbering, numbering_label
from linter.yamlrules.required_sections import RequiredSections
from linter.yamlrules.year_reference import YearReference

__all__ = ["KINDS", "YamlRule", "numbering_label"]

KINDS = {
    "section-numbering": SectionNumbering,
    "required-sections": RequiredSections,
    "forbidden-text": ForbiddenText,
    "year-reference": YearReference,
    "count-list": CountList,
    "equal": Equal,
    "declared-zero": DeclaredZero,
}
