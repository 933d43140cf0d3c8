"""What every YAML rule shares: the fields of its rule file.

A check kind (see :mod:`linter.yamlrules.kinds`) subclasses :class:`YamlRule`
and reads its own ``params``; code, name, severity, document kinds, texts and
examples come from the file the same way for every kind.
"""

from __future__ import annotations

from linter.issues import Message
from linter.rule import ALL_KINDS, Example, OptionError, Rule



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

    def with_options(self, values: dict) -> "YamlRule":
        """A YAML rule's options are its params: ``values`` are merged over
        the rule file's and the result validated against the kind's schema,
        as the file itself was."""
        from linter.yamlrules.schema import PARAMS, params_problem

        kind = self.spec["extends"]
        known = PARAMS[kind].get("properties", {})
        for name in values:
            if name not in known:
                raise OptionError(
                    name, f"unknown option (rule {self.code} ({self.name}) extends {kind}, whose params are: {', '.join(known)})"
                )
        params = {**self.params, **values}
        problem = params_problem(kind, params)
        if problem is not None:
            where, what = problem
            option, _, inner = where.partition("/")
            raise OptionError(option or None, f"{inner}: {what}" if inner else what)
        try:
            return type(self)({**self.spec, "params": params})
        except ValueError as exc:  # e.g. a pattern that could backtrack catastrophically
            raise OptionError(None, str(exc)) from None
