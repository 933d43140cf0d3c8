"""What every YAML rule shares: the fields of its rule file.

A check kind (see :mod:`linter.yamlrules.kinds`) subclasses :class:`YamlRule`
and reads its own ``params``; code, name, severity, document kinds, texts and
examples come from the file the same way for every kind.
"""

from __future__ import annotations

from linter.issues import Message
from linter.rule import ALL_KINDS, Example, Rule



class YamlRule(Rule):
    """Common fields of every rule file."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.code = spec["code"]
        self.name = spec["name"]
        self.severity = spec["severity"]
        self.kinds = tuple(spec.get("kinds") or ALL_KINDS)
        self.summary = Message(**spec["summary"])
        self.description = Message(**spec["description"])
        self.examples = tuple(
            Example(e["text"], e["fails"], e.get("kind", "final_account"), e.get("year", 2024))
            for e in spec.get("examples", ())
        )
        self.params = spec["params"]
