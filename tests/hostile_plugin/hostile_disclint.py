"""A plugin that misbehaves in the way HOSTILE (an environment variable)
names, for tests/test_hostile_plugins.py: put this folder on PYTHONPATH and
importlib.metadata finds its entry point (hostile_disclint-0.dist-info)."""

import os

from linter.hookspecs import hookimpl
from linter.issues import Finding, Message
from linter.reading import DecodedText
from linter.rule import Rule
from linter.sourcemap import Span

MODE = os.environ.get("HOSTILE", "")


class Hostile(Rule):
    code = "Z901"
    name = "hostile"
    severity = "warning"
    summary = Message("恶意", "hostile")

    def applies_to(self, document):
        if MODE == "applies_to":
            raise RuntimeError("applies_to exploded")
        return True

    def check(self, document):
        if MODE == "not_a_finding":
            yield "a string, not a Finding"
        elif MODE == "severity":
            yield Finding(self.code, None, Message("坏级别", "bad severity"), severity="fatal")
        elif MODE == "span":
            yield Finding(self.code, Span(-5, 10**9), Message("坏位置", "bad span"))


@hookimpl
def disclint_rules():
    if MODE == "rules_hook":
        raise RuntimeError("the rules hook exploded")
    return [Hostile()]


@hookimpl
def disclint_readers():
    if MODE == "readers_not_a_dict":
        return ["not", "a", "dict"]

    def read_hostile(path):
        raise ValueError("the reader exploded")

    return {".hostile": read_hostile}


@hookimpl
def disclint_formatters():
    def explode(results, **options):
        raise RuntimeError("the formatter exploded")

    return {"explode": explode}
