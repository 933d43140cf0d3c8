"""The built-in plugin: the rule packs in rules/, the .txt, .pdf and .docx
readers and the standard formatters — contributed through the same hooks as any plugin.

Python rule modules are loaded from the rules/ directory by path (it is
shipped as data inside the wheel, see linter.resources); every :class:`Rule`
subclass a module defines with a code is instantiated once.  The YAML rules
in the same directory are contributed as a rule directory.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

from linter.hookspecs import hookimpl
from linter.resources import rules_dir
from linter.rule import Rule


def _load_module(path: Path, root: Path):
    name = "disclint_rules." + ".".join(path.relative_to(root).with_suffix("").parts)
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def python_rules(root: Path) -> list[Rule]:
    rules = []
    for path in sorted(root.rglob("*.py")):
        if path.name.startswith("_"):
            continue
        module = _load_module(path, root)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Rule) and cls.__module__ == module.__name__ and cls.code:
                rules.append(cls())
    return rules


@hookimpl
def disclint_rules():
    return python_rules(rules_dir())


@hookimpl
def disclint_rule_dirs():
    return [rules_dir()]


@hookimpl
def disclint_readers():
    # The PDF and DOCX modules import their libraries only when a file is read.
    from linter.readers.docxfile import read_docx
    from linter.readers.pdffile import read_pdf
    from linter.reading import read_text

    return {".txt": read_text, ".pdf": read_pdf, ".docx": read_docx}


@hookimpl
def disclint_formatters():
    from linter.formatters import github_format, json_format, sarif_format, text_format

    return {
        "text": text_format.render,
        "json": json_format.render,
        "sarif": sarif_format.render,
        "github": github_format.render,
    }
