"""The built-in plugin: the engine's own codes, the .txt, .pdf and .docx
readers and the standard formatters — contributed through the same hooks as
any plugin.

The rules of rules/ are not here: each folder is a plugin of its own
(:mod:`linter.families`), registered through its own entry point like a
third-party package.
"""

from __future__ import annotations

from linter.core_rules import CORE_RULES
from linter.hookspecs import hookimpl


@hookimpl
def disclint_rules():
    # E001 unreadable file, E003 file too large, X001 a rule crashed …: the
    # engine reports them, and they are listed, explained and selected like
    # any rule.
    return list(CORE_RULES)


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
