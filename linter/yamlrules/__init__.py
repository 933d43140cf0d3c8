"""Rules as data: YAML files that fill in the parameters of a check kind.

Every YAML rule ``extends`` one kind from a small closed set implemented in
Python (see :mod:`linter.yamlrules.kinds`), in the spirit of Vale: a finance
bureau adapts the section list or the year patterns of its province's
template without writing code, and a YAML rule can never become a language.

A rule file::

    code: S102
    name: required-sections-final-account
    extends: required-sections
    severity: error
    kinds: [final_account]
    summary: {zh: 缺少必备的章节, en: A required section is missing}
    description: {zh: …, en: …}
    examples:
      - {fails: true, text: "…"}
      - {fails: false, text: "…"}
    params: {…}            # what the kind needs, validated by its schema

Files are read with the safe loader and validated against the schema of
their kind; a problem is a :class:`YamlRuleError` naming the file, the line
and what is wrong.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from linter.yamlrules.errors import YamlRuleError
from linter.yamlrules.kinds import KINDS
from linter.yamlrules.schema import check_rule_file

__all__ = ["YamlRuleError", "load_rule_file", "load_rule_dir"]


# libyaml's safe loader when PyYAML was built with it (much faster), else Python's.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, with_nodes: bool = True):
    """The file's data, and its node tree (for line numbers) when asked."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlRuleError(path, None, f"cannot read the file ({exc})") from None
    try:
        data = yaml.load(text, Loader=_LOADER)
        node = yaml.compose(text, Loader=yaml.SafeLoader) if with_nodes else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlRuleError(path, line, f"not valid YAML: {problem}") from None
    return node, data


def load_rule_file(path: Path, validate: bool = True):
    """Build the rule a YAML file describes.  ``validate=False`` is for the
    built-in files, which the test suite validates, so that ``disclint check``
    does not pay for the schema library at every start."""
    node, data = _read(path, with_nodes=validate)
    if not validate and (not isinstance(data, dict) or data.get("extends") not in KINDS):
        node, data = _read(path)  # something is wrong: validate, to say what
        validate = True
    if validate:
        check_rule_file(path, node, data)
    kind = KINDS[data["extends"]]
    try:
        rule = kind(data)
        rule.source_path = str(path)  # named when one of its patterns runs too long
        return rule
    except ValueError as exc:  # e.g. a regular expression that does not compile
        raise YamlRuleError(path, node.start_mark.line + 1 if node else None, str(exc)) from None


def load_rule_dir(directory: Path, validate: bool = True) -> list:
    """Every ``*.yaml`` / ``*.yml`` rule below ``directory``, sorted by path."""
    directory = Path(directory)
    if not directory.is_dir():
        raise YamlRuleError(directory, None, "is not a directory of rule files")
    # a profiles/ folder holds template profiles (linter.templates), not rules
    paths = sorted(
        p for p in directory.rglob("*")
        if p.suffix in (".yaml", ".yml") and p.is_file() and "profiles" not in p.relative_to(directory).parts[:-1]
    )
    return [load_rule_file(path, validate) for path in paths]
