"""The ``disclint`` command line.

Heavy modules (Lark, the rules, charset-normalizer) are imported inside the
commands, so ``disclint --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__
from linter.crash import GuardedGroup

SEVERITY_CHOICES = ("error", "warning", "info")


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(code.strip().upper() for code in value.replace(" ", ",").split(",") if code.strip())


def _expand(paths: tuple[str, ...], lang: str) -> list[str]:
    """Files to lint: files and ``-`` as given; directories searched for
    disclosure files (sorted, so that output order never depends on the
    file system)."""
    from linter.plugins import all_readers

    suffixes = tuple(sorted(all_readers()))
    kinds = "/".join(suffixes)
    files: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                str(candidate)
                for candidate in Path(path).rglob("*")
                if candidate.is_file() and candidate.suffix.lower() in suffixes
            )
            if not found:
                message = (
                    f"disclint: warning: no {kinds} files under {path}"
                    if lang == "en"
                    else f"disclint：警告：目录 {path} 下没有可检查的 {kinds} 文件"
                )
                click.echo(message, err=True)
            files.extend(found)
        else:
            files.append(path)
    return files


def _overrides(kind: str | None, year: int | None, unit: str | None):
    from linter.pipeline import Overrides

    return Overrides(kind=kind, year=year, unit=unit)


_lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of messages (codes and names do not change).",
)
_doc_options = [
    click.option(
        "--kind",
        type=click.Choice(["final_account", "budget", "unknown"]),
        help="Document kind, instead of detecting it.",
    ),
    click.option("--year", type=click.IntRange(1949, 2200), help="Report year, instead of detecting it."),
    click.option("--unit", help="Reporting unit's name, instead of detecting it."),
]


class _Megabytes(click.ParamType):
    """A size limit in MB (linter.config.parse_megabytes: finite, at least
    one byte), so inf, nan and 1e308 are usage errors, not tracebacks."""

    name = "MB"

    def convert(self, value, param, ctx):
        from linter.config import parse_megabytes

        try:
            return parse_megabytes(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


MEGABYTES = _Megabytes()


def _with_doc_options(func):
    for option in reversed(_doc_options):
        func = option(func)
    return func


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="disclint")
def main() -> None:
    """disclint: check Chinese budget and final-account disclosures
    (部门预算公开 / 部门决算公开) for inconsistent numbers, years and structure."""


def _say(lang: str, zh: str, en: str) -> str:
    return f"disclint: {en}" if lang == "en" else f"disclint：{zh}"


def _all_rules() -> list:
    """Every rule, or exit 2 with one line if a plugin or rule file is broken."""
    from linter.plugins import PluginError, all_rules
    from linter.yamlrules import YamlRuleError

    try:
        return all_rules()
    except (PluginError, YamlRuleError) as exc:
        click.echo(f"disclint: error: {exc}", err=True)
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    default="text",
    show_default=True,
    help="Output format: text, json, sarif or github (GitHub Actions annotations); plugins may add more.",
)
@click.option("--select", help="Only these rule codes or prefixes (comma-separated), e.g. S101,N.")
@click.option("--extend-select", help="Add these codes or prefixes to the configured selection.")
@click.option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default=None,
    help="Exit with status 1 when an issue of this severity or higher is found [default: error].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this configuration file (.disclint.yaml or pyproject.toml) instead of searching for one.",
)
@click.option(
    "--max-file-size",
    type=MEGABYTES,
    help="Skip files larger than this many MB with a warning (E003) [default: 50].",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="A directory of YAML rules to add (repeatable).",
)
@click.option("--no-context", is_flag=True, help="Text format: do not quote the offending source lines.")
@click.option("--statistics", is_flag=True, help="Text format: also count the issues per rule.")
@click.option(
    "--output",
    "-o",
    "output_path",
    type=click.Path(dir_okay=False),
    help="Write the report to this file (atomically); the terminal gets a one-line summary.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report only issues that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record every current issue in this baseline file and exit 0.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Lint files in this many parallel processes (0: one per CPU).",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language of messages [default: zh].")
@_with_doc_options
def check(
    paths,
    output_format,
    select,
    extend_select,
    ignore,
    fail_on,
    config_path,
    max_file_size,
    rule_dirs,
    no_context,
    statistics,
    output_path,
    baseline_path,
    write_baseline_path,
    jobs,
    lang,
    kind,
    year,
    unit,
) -> None:
    """Lint disclosure files (directories are searched for .txt, .pdf and .docx
    files and what plugins add; - reads text from stdin).

    Exit status: 0 when no issue reaches --fail-on, 1 when one does, 2 for a
    usage or configuration error or an internal failure, 130 when interrupted.
    """
    from linter import check_steps as steps
    from linter.config import ConfigError
    from linter.plugins import PluginError
    from linter.ruleset import RuleSetError
    from linter.yamlrules import YamlRuleError

    cli = {
        "select": _codes(select),
        "extend_select": _codes(extend_select),
        "ignore": _codes(ignore),
        "rules": tuple(rule_dirs),
        "max_file_size": max_file_size,
        "kind": kind,
        "year": year,
        "unit": unit,
    }
    outputs = {"--output": output_path, "--write-baseline": write_baseline_path}
    try:
        formatters = steps.formatters(output_format, statistics, baseline_path, write_baseline_path)
        files = _expand(paths, lang or "zh")
        steps.refuse_inputs_as_outputs(files, outputs, lang or "zh")
        plan = steps.plan(files, cli, config_path)
        lang = lang or plan.lang or "zh"
        fail_on = fail_on or plan.fail_on or "error"
        accepted = steps.load_baseline(baseline_path, lang) if baseline_path else None
        results, active = steps.lint(plan, lang, jobs)
    except (ConfigError, YamlRuleError, RuleSetError, PluginError) as exc:
        click.echo(f"disclint: error: {exc}", err=True)
        sys.exit(2)
    steps.say_plugin_problems()
    if write_baseline_path:
        steps.write_baseline(results, write_baseline_path, lang)
    if accepted is not None:
        results = steps.apply_baseline(results, accepted, baseline_path, lang)
    options = {"context": not no_context, "statistics": statistics, "rules": active}
    steps.emit_report(formatters, output_format, results, lang, output_path, options)
    from linter.engine import reaches

    failed = any(reaches(issue, fail_on) for result in results for issue in result.issues)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_with_doc_options
def parse(path, output_format, kind, year, unit) -> None:
    """Show the document tree that the rules see, with line spans."""
    from linter.pipeline import load_document
    from linter.reading import ReadError
    from linter.treeview import tree_as_dict, tree_as_text

    try:
        document = load_document(path, _overrides(kind, year, unit))
    except ReadError as exc:
        click.echo(f"disclint: {path}: {exc.en}", err=True)
        sys.exit(1)
    if output_format == "json":
        import json

        click.echo(json.dumps(tree_as_dict(document), ensure_ascii=False, indent=2))
    else:
        click.echo(tree_as_text(document))


@main.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown prints the table the README carries.",
)
@_lang_option
def list_rules(output_format, lang) -> None:
    """List every rule: code, name, default severity, summary."""
    if output_format == "markdown":
        click.echo("| code | name | severity | kinds | summary |")
        click.echo("|---|---|---|---|---|")
        for rule in _all_rules():
            kinds = ", ".join(rule.kinds)
            click.echo(f"| {rule.code} | {rule.name} | {rule.severity} | {kinds} | {rule.summary.text(lang)} |")
        return
    for rule in _all_rules():
        click.echo(f"{rule.code}  {rule.name:<32} {rule.severity:<8} {rule.summary.text(lang)}")


@main.command()
@click.argument("code")
@_lang_option
def explain(code, lang) -> None:
    """Print a rule's description and examples."""
    rules = {rule.code: rule for rule in _all_rules()}
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        raise click.BadParameter(f"no rule {code!r}; see `disclint rules`", param_hint="CODE")
    click.echo(f"{rule.code} {rule.name} [{rule.severity}]")
    click.echo(rule.summary.text(lang))
    click.echo()
    click.echo(rule.description.text(lang))
    from linter.rule_options import describe_options

    for line in describe_options(rule, lang):
        click.echo(line)
    for example in rule.examples:
        heading = ("Fails" if example.fails else "Passes") if lang == "en" else ("报告" if example.fails else "通过")
        click.echo(f"\n{heading}:")
        click.echo("\n".join("    " + line for line in example.text.splitlines() if line.strip()))


@main.command()
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--only",
    "fact_kind",
    multiple=True,
    type=click.Choice(
        ["amount", "share", "change", "breakdown", "variance", "completion", "expression",
         "table", "row", "funds", "score", "indicator"]
    ),
    help="Only facts of this kind (repeatable); table, row, funds, score and indicator are table facts.",
)
@click.option(
    "--rule",
    "rule_codes",
    multiple=True,
    metavar="CODE",
    help="Only the facts this rule reads (its `consumes`; repeatable).",
)
@_with_doc_options
def facts(path, output_format, fact_kind, rule_codes, kind, year, unit) -> None:
    """Show the typed facts the rules check — prose facts, and the tables as
    read (rows with their placed columns, funds, scores, indicators) — with
    their spans."""
    from linter.facts.view import facts_as_dict, facts_as_text, reads_no_facts, select, unfound_types
    from linter.pipeline import load_document
    from linter.reading import ReadError

    rules = _rules_named(rule_codes)
    for rule in rules:
        if not rule.consumes:
            click.echo(f"disclint: note: {reads_no_facts(rule)}", err=True)
    try:
        document = load_document(path, _overrides(kind, year, unit))
    except ReadError as exc:
        click.echo(f"disclint: {path}: {exc.en}", err=True)
        sys.exit(1)
    selection = select(tuple(fact_kind), tuple(rules))
    for rule in rules:
        for typ in unfound_types(document, rule):
            name = typ.__name__
            click.echo(f"disclint: note: {rule.code} consumes {name}: document.facts.of({name}) finds none", err=True)
    if output_format == "json":
        import json

        payload = facts_as_dict(document, path, selection, tuple(rules))
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for line in facts_as_text(document, selection):
            click.echo(line)


def _rules_named(codes: tuple[str, ...]) -> list:
    """The rules ``--rule`` names (by code or name), or exit 2 with one line
    naming the first unknown code."""
    if not codes:
        return []
    known = _all_rules()
    by_code = {rule.code: rule for rule in known}
    found = []
    for code in codes:
        rule = by_code.get(code.strip().upper()) or next((r for r in known if r.name == code.strip()), None)
        if rule is None:
            click.echo(f"disclint: error: no rule {code!r} (see `disclint rules`)", err=True)
            sys.exit(2)
        if rule not in found:
            found.append(rule)
    return found


@main.command()
@click.argument("path")
@_lang_option
def extract(path, lang) -> None:
    """Print the text that is linted: a PDF's or DOCX's text as disclint reads
    it (issue lines and columns point into this text), a text file decoded.

    PDF: one line per line of the page, each page's first line opening with a
    space.  DOCX: one line per paragraph and per table row.
    """
    from linter.pipeline import read_input
    from linter.reading import ReadError

    try:
        decoded = read_input(path)
    except ReadError as exc:
        click.echo(_say(lang, f"{path}：{exc.zh}", f"{path}: {exc.en}"), err=True)
        sys.exit(1)
    text = decoded.text
    click.echo(text, nl=not text.endswith("\n"))
