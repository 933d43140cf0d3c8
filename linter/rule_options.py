"""Checking and describing the options rules declare.

Kept apart from :mod:`linter.rule` so that the JSON-schema library is
imported only when a configuration sets an option (it costs start-up time),
and so that ``disclint explain`` describes Python and YAML rules' options the
same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from linter.rule import Option, OptionError, Rule


def _first_problem(schema: Mapping[str, Any], value: Any) -> str | None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(dict(schema), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(value), key=lambda e: len(e.absolute_path))
    if not errors:
        return None
    where = "/".join(str(step) for step in errors[0].absolute_path)
    return f"{where}: {errors[0].message}" if where else errors[0].message


def check_option_values(declared: tuple[Option, ...], values: Mapping[str, Any], rule: str) -> None:
    """Raise :class:`OptionError` for the first option in ``values`` that
    ``declared`` does not name, or whose value its schema refuses."""
    by_name = {option.name: option for option in declared}
    for name, value in values.items():
        if name not in by_name:
            if by_name:
                raise OptionError(name, f"unknown option (rule {rule} takes: {', '.join(by_name)})")
            raise OptionError(name, f"unknown option (rule {rule} takes no options)")
        problem = _first_problem(by_name[name].schema, value)
        if problem:
            raise OptionError(name, f"{problem} (schema: {_compact(by_name[name].schema)})")


def _compact(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_options(rule: Rule, lang: str) -> list[str]:
    """The lines ``disclint explain`` prints about the options of ``rule``
    (none for a rule that takes no options)."""
    from linter.yamlrules.kinds import YamlRule

    if isinstance(rule, YamlRule):
        return _describe_params(rule, lang)
    if not rule.options:
        return []
    heading = (
        f"Options (set under options: {{{rule.code}: {{name: value}}}} in the configuration):"
        if lang == "en"
        else f"选项（在配置文件的 options: {{{rule.code}: {{名称: 值}}}} 下设置）："
    )
    lines = ["", heading]
    for option in rule.options:
        default = "default" if lang == "en" else "默认"
        lines.append(f"  {option.name}  {_compact(option.schema)}, {default} {_compact(option.default)}")
        lines.append(f"      {option.description.text(lang)}")
    return lines


def _describe_params(rule, lang: str) -> list[str]:
    """A YAML rule's options are the params of its kind, merged over the
    rule file's."""
    from linter.yamlrules.schema import PARAMS

    kind = rule.spec["extends"]
    properties = PARAMS[kind].get("properties", {})
    if lang == "en":
        heading = f"Options (params of the {kind} kind, merged over the rule file's under options: {{{rule.code}: …}}):"
    else:
        heading = f"选项（{kind} 类规则的 params，在配置文件的 options: {{{rule.code}: …}} 下覆盖规则文件中的值）："
    lines = ["", heading]
    for name, schema in properties.items():
        now = f" = {_compact(rule.params[name], 60)}" if name in rule.params else ""
        lines.append(f"  {name}  ({_type_name(schema)}){now}")
    return lines


def _type_name(schema: Mapping[str, Any]) -> str:
    """"string", "regular expression", "array", … for a params property."""
    if schema.get("format") == "regex":
        return "regular expression"
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    return str(schema.get("type", "any"))
