"""JSON schemas of rule files, checked with the jsonschema library.

The common part (code, name, severity, …) is the same for every kind; each
kind adds the schema of its ``params``.  Errors are reported at the line of
the offending YAML node, found by following the error's path through the
composed YAML tree.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from linter.yamlrules.errors import YamlRuleError

_TEXT = {
    "type": "object",
    "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
    "required": ["zh", "en"],
    "additionalProperties": False,
}
_REGEX = {"type": "string", "minLength": 1, "format": "regex"}
_KIND_LIST = {
    "type": "array",
    "items": {"enum": ["final_account", "budget", "unknown"]},
    "minItems": 1,
    "uniqueItems": True,
}

COMMON = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "pattern": "^[A-Z][0-9]{3}$"},
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
        "extends": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "kinds": _KIND_LIST,
        "summary": _TEXT,
        "description": _TEXT,
        "examples": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "fails": {"type": "boolean"},
                    "text": {"type": "string", "minLength": 1},
                    "kind": {"enum": ["final_account", "budget", "unknown"]},
                    "year": {"type": "integer"},
                },
                "required": ["fails", "text"],
                "additionalProperties": False,
            },
        },
        "params": {"type": "object"},
    },
    "required": ["code", "name", "extends", "severity", "summary", "description", "params"],
    "additionalProperties": False,
}

_SECTION = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "aliases": {"type": "array", "items": _REGEX, "minItems": 1},
        "level": {"enum": ["part", "section", "subsection", "item", "any"]},
        "caption": {"type": "boolean"},
        # sections of a finer template: required only where one of them is there
        "group": {"type": "string", "minLength": 1},
        "children": {"type": "array", "items": {"$ref": "#/$defs/section"}},
    },
    "required": ["name", "aliases"],
    "additionalProperties": False,
}

PARAMS = {
    "section-numbering": {
        "type": "object",
        "properties": {
            "levels": {
                "type": "array",
                "items": {"enum": ["part", "section", "subsection", "item", "subitem"]},
                "minItems": 1,
                "uniqueItems": True,
            }
        },
        "additionalProperties": False,
    },
    "required-sections": {
        "type": "object",
        "$defs": {"section": _SECTION},
        "properties": {
            "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}, "minItems": 1},
            "captions": _REGEX,
        },
        "required": ["sections"],
        "additionalProperties": False,
    },
    "forbidden-text": {
        "type": "object",
        "properties": {
            "patterns": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {"pattern": _REGEX, "message": _TEXT},
                    "required": ["pattern", "message"],
                    "additionalProperties": False,
                },
            }
        },
        "required": ["patterns"],
        "additionalProperties": False,
    },
    "year-reference": {
        "type": "object",
        "properties": {
            "patterns": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {
                        "pattern": {**_REGEX, "pattern": r"\(\?P<year>"},
                        "expect": {"enum": ["report", "previous", "next"]},
                        "kinds": _KIND_LIST,
                        "meaning": _TEXT,
                    },
                    "required": ["pattern", "expect", "meaning"],
                    "additionalProperties": False,
                },
            },
            "comparison": _REGEX,
            "ignore_inside": {"type": "array", "items": {"type": "string", "minLength": 2, "maxLength": 2}},
        },
        "required": ["patterns"],
        "additionalProperties": False,
    },
    "count-list": {
        "type": "object",
        "properties": {
            "pattern": {**_REGEX, "pattern": r"\(\?P<count>"},
            "separator": {"type": "string", "minLength": 1},
            "none": _REGEX,
            "tables": _REGEX,
            "conjunction": _REGEX,
            "item_suffix": _REGEX,
        },
        "required": ["pattern"],
        "additionalProperties": False,
    },
    "declared-zero": {
        "type": "object",
        "properties": {
            "declarations": {"type": "array", "minItems": 1, "items": {**_REGEX, "pattern": r"\(\?P<subject>"}},
        },
        "required": ["declarations"],
        "additionalProperties": False,
    },
    "equal": {
        "type": "object",
        "properties": {
            "left": {"type": "object", "properties": {"label": _REGEX}, "required": ["label"], "additionalProperties": False},
            "right": {"type": "object", "properties": {"label": _REGEX}, "required": ["label"], "additionalProperties": False},
            "unless": _REGEX,
        },
        "required": ["left", "right"],
        "additionalProperties": False,
    },
}


def _line_of(node, path) -> int | None:
    """The 1-based line of the YAML element at ``path`` (mapping keys and
    sequence indices): the line of its key for a mapping entry, so that
    "params: 'patterns' is a required property" points at ``params:``."""
    if node is None:
        return None
    line = node.start_mark.line
    current = node
    for step in path:
        if isinstance(current, yaml.MappingNode):
            pair = next(((key, value) for key, value in current.value if key.value == step), None)
            if pair is None:
                break
            line, current = pair[0].start_mark.line, pair[1]
        elif isinstance(current, yaml.SequenceNode) and isinstance(step, int) and step < len(current.value):
            current = current.value[step]
            line = current.start_mark.line
        else:
            break
    return line + 1


def _first_error(validator, data):
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    return errors[0] if errors else None


def _describe(error) -> str:
    where = "/".join(str(step) for step in error.absolute_path) or "the file"
    return f"{where}: {error.message}"


def check_rule_file(path: Path, node, data) -> None:
    """Raise :class:`YamlRuleError` unless ``data`` is a valid rule."""
    import jsonschema

    from linter.yamlrules.kinds import KINDS

    if not isinstance(data, dict):
        raise YamlRuleError(path, 1, "a rule file must be a mapping with code, name, extends, … (see README)")
    checker = jsonschema.FormatChecker()
    error = _first_error(jsonschema.Draft202012Validator(COMMON, format_checker=checker), data)
    if error is not None:
        raise YamlRuleError(path, _line_of(node, list(error.absolute_path)), _describe(error))
    kind = data["extends"]
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise YamlRuleError(path, _line_of(node, ["extends"]), f"extends: unknown rule kind {kind!r} (known: {known})")
    error = _first_error(jsonschema.Draft202012Validator(PARAMS[kind], format_checker=checker), data["params"])
    if error is not None:
        at = ["params", *error.absolute_path]
        message = error.message
        if error.validator == "pattern" and "(?P<" in str(error.validator_value):
            message = f"the pattern must capture {error.validator_value.replace(chr(92), '')[:-1]}…) as a named group"
        raise YamlRuleError(path, _line_of(node, at), f"{'/'.join(map(str, at))}: {message}")


def check_params(kind: str, params: dict) -> str | None:
    """The first problem of ``params`` for ``kind``, or None."""
    problem = params_problem(kind, params)
    return None if problem is None else (f"{problem[0]}: {problem[1]}" if problem[0] else problem[1])


def params_problem(kind: str, params: dict) -> tuple[str, str] | None:
    """The first problem of ``params`` for ``kind`` as (where, what), where
    ``where`` is the path inside params ("separator", "sections/0/aliases"),
    or None when they are valid (for per-rule options from the configuration)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(PARAMS[kind], format_checker=jsonschema.FormatChecker())
    error = _first_error(validator, params)
    if error is None:
        return None
    return "/".join(str(step) for step in error.absolute_path), error.message
