"""Small modules with one job each: no module of linter/ or rules/ over 500
lines, no function over 80 (the sentence loop that every new phrasing landed
in had grown to 301 lines before it was split into handlers)."""

from __future__ import annotations

import ast

from conftest import REPO

MAX_MODULE, MAX_FUNCTION = 500, 80


def _sources():
    return sorted([*(REPO / "linter").rglob("*.py"), *(REPO / "rules").rglob("*.py")])


def test_no_module_is_longer_than_500_lines():
    long = {p.relative_to(REPO).as_posix(): n for p in _sources() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE}
    assert long == {}


def test_no_function_is_longer_than_80_lines():
    long = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION:
                long[f"{path.relative_to(REPO).as_posix()}:{node.name}"] = node.end_lineno - node.lineno + 1
    assert long == {}
