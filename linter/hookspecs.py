"""The pluggy hook specifications: how disclint is extended.

A plugin is a module (or object) with functions decorated by
``linter.hookspecs.hookimpl`` and named like the specs below.  Third-party
packages register it under the entry-point group ``disclint``::

    [project.entry-points.disclint]
    my_rules = "my_package.plugin"

The built-in rules come through the same group: each family of rules/ is a
plugin object of :mod:`linter.families`, registered by its own entry point
(``disclint-numbers``, ``disclint-tables``, …), and :mod:`linter.builtin`
contributes the core codes, readers and formatters; so nothing distinguishes
them from a plugin's.  docs/architecture.md has a worked example of a rule,
a fact handler and a table reader.
"""

from __future__ import annotations

import pluggy

PROJECT = "disclint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def disclint_rules():
    """Return a list of :class:`linter.rule.Rule` instances.

    A rule may declare :class:`linter.rule.Option` s; the configuration sets
    them per rule and they are validated against each option's schema.
    """


@hookspec
def disclint_rule_dirs():
    """Return a list of directories of YAML rule files (pathlib.Path or str).

    Every ``*.yaml`` file below them is loaded as a rule and validated
    against the schema of the kind it extends (see linter.yamlrules).
    """


@hookspec
def disclint_readers():
    """Return a dict of file suffix (".txt", ".pdf", …) -> reader callable.

    A reader is called as ``reader(path)`` and returns the document's text —
    a :class:`linter.reading.DecodedText` (text and the encoding or format it
    came from) or a plain ``str`` — or raises :class:`linter.reading.ReadError`
    with a message in both languages.  The text follows the line and page
    conventions in :mod:`linter.readers` (a line opening with one space starts
    a page), which the built-in PDF and DOCX readers use.  Directories given on
    the command line are searched for files with these suffixes.
    """


@hookspec
def disclint_formatters():
    """Return a dict of output format name -> formatter callable.

    A formatter is called as ``formatter(results, lang=..., version=...,
    **options)`` with a list of :class:`linter.engine.FileResult` and returns
    the report text.  Options it does not use must be accepted and ignored
    (``**options``); the CLI passes ``context``, ``color`` and ``statistics``
    (the text format's switches) and ``rules`` (the rules of the run, for
    formats that describe them, like SARIF).
    """


@hookspec
def disclint_fact_handlers():
    """Return a list of fact handlers, so that a plugin's rule reads facts
    and never re-reads the text.

    A fact handler is a callable ``handler(document) -> Iterable[fact]``, run
    once per document (on first use, after the built-in prose stage).  Each
    fact is any object with a ``span`` (a :class:`linter.sourcemap.Span` into
    ``document.text``); the store keeps them with the built-in facts, where a
    rule finds them with ``document.facts.of(TheFactType)``.

    The handler runs inside the store while the plugin facts are being made:
    it builds on ``document.facts.prose`` (the built-in prose facts) and
    ``document.facts.tables()``, not on ``of()`` or ``within()``, which include
    the plugin facts themselves.
    """


@hookspec
def disclint_table_readers():
    """Return a list of table readers for table families the built-in
    readers do not know.

    A table reader is an object with ``kind`` (a str naming its family),
    ``accepts(document, table) -> bool`` and ``read(document, table)``
    returning a :class:`linter.tables.TableModel` of that ``kind``.  Plugin
    readers are asked before the built-in ones; the first that accepts a
    table reads it.  Rules find the result with
    ``document.facts.tables(kind=...)``.
    """
