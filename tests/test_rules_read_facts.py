"""A rule reads facts, never text: no Python rule in rules/ imports a regular
expression module or holds a Chinese phrase, except in what it says (its
messages, summary, description) and in its examples.

What a rule needs to know of the wording belongs to the fact stages
(linter/facts, linter/tables, grammar/clause.lark), where every rule and
every plugin shares it; a phrase inside a rule would be a second reading of
the text that the others cannot see.  The YAML rules are declarative data of
their kinds (linter/yamlrules) and are not concerned.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

CJK = re.compile(r"[\u4e00-\u9fff]")
UNITS = {"万元", "元", "亿元"}  # the unit a message states a sum in
MESSAGE_CALLS = {"Message", "finding", "Example"}
MESSAGE_NAME = re.compile(r"^(?:zh|en)$|_(?:zh|en)$|^(?:zh|en)_")


def _parents(tree: ast.AST) -> dict:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _call_name(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def _docstrings(tree: ast.AST) -> set:
    return {
        node.body[0].value
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }


def _example_names(tree: ast.Module, parents: dict) -> set[str]:
    """Module-level constants and functions used only to build examples:
    every use of the name is inside an Example(...) call or inside the
    definition of another such name."""
    defined = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            defined[node.targets[0].id] = node
        elif isinstance(node, ast.FunctionDef):
            defined[node.name] = node
    uses = {name: [] for name in defined}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in uses:
            uses[node.id].append(node)
    examples: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, found in uses.items():
            if name in examples or not found:
                continue
            if all(_inside_example(use, parents, defined, examples) for use in found):
                examples.add(name)
                changed = True
    return examples


def _inside_example(node, parents, defined, examples) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Call) and _call_name(node) == "Example":
            return True
        if node in (defined.get(name) for name in examples):
            return True
    return False


def _allowed(node, parents, docstrings, example_defs) -> bool:
    if node in docstrings or node.value.strip() in UNITS:
        return True
    while node in parents:
        node = parents[node]
        if node in example_defs:
            return True
        if isinstance(node, ast.Call) and _call_name(node) in MESSAGE_CALLS:
            return True
        if isinstance(node, ast.keyword) and node.arg and MESSAGE_NAME.search(node.arg):
            return True
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [elt for t in targets for elt in (t.elts if isinstance(t, ast.Tuple) else [t])]
            ids = [getattr(n, "id", "") for n in names]
            if any(i in ("summary", "description", "examples") or MESSAGE_NAME.search(i) for i in ids):
                return True
    return False


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = _parents(tree)
    docstrings = _docstrings(tree)
    example_defs = {node for node in tree.body if (
        isinstance(node, ast.Assign) and len(node.targets) == 1 and getattr(node.targets[0], "id", "") in _example_names(tree, parents)
    ) or (isinstance(node, ast.FunctionDef) and node.name in _example_names(tree, parents))}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name in ("re", "regex") for a in node.names):
            found.append(f"{path.name}:{node.lineno}: imports a regular expression module")
        if isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
            found.append(f"{path.name}:{node.lineno}: imports a regular expression module")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
            if not _allowed(node, parents, docstrings, example_defs):
                found.append(f"{path.name}:{node.lineno}: a phrase outside messages and examples: {node.value[:30]!r}")
    return found


def test_python_rules_read_facts_not_text():
    rules = sorted((REPO / "rules").rglob("*.py"))
    assert len(rules) >= 20
    assert [offence for path in rules for offence in offences(path)] == []


def test_the_check_sees_a_phrase_and_a_regex_in_a_rule(tmp_path):
    rule = tmp_path / "Z999_reads_text.py"
    rule.write_text(
        "import re\n"
        "from linter.rule import Example, Rule\n"
        "_EXAMPLE = '其中：基本支出'\n"
        "class ReadsText(Rule):\n"
        "    examples = (Example(_EXAMPLE, fails=True),)\n"
        "    def check(self, document):\n"
        "        for p in document.paragraphs():\n"
        "            if '其中' in p.text:\n"
        "                yield self.finding(p.span, '不应出现“其中”', 'no 其中')\n",
        encoding="utf-8",
    )
    assert offences(rule) == [
        "Z999_reads_text.py:1: imports a regular expression module",
        "Z999_reads_text.py:8: a phrase outside messages and examples: '其中'",
    ]
